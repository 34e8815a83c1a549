"""The build's `*-violation.rq` checks: silent on the dataset, and each one bites on bad data."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from diplograph.build import Violation, run_checks
from diplograph.project import Project
from diplograph.rdfio import read_quads

PREFIXES = """
@prefix dip: <https://w3id.org/diplograph/ontology#> .
@prefix graph: <https://w3id.org/diplograph/graph/> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix schema: <https://schema.org/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
"""
DIP = "https://w3id.org/diplograph/ontology#"
ID = "https://w3id.org/diplograph/id/"
CODE = "https://w3id.org/diplograph/code/"
SKOS = "http://www.w3.org/2004/02/skos/core#"

BAD_DATA = {
    "blank-node-violation": (
        "graph:test { [] schema:about <urn:x> . }",
        {
            "graph": "<https://w3id.org/diplograph/graph/test>",
            "predicate": "<https://schema.org/about>",
        },
    ),
    "term-label-violation": (
        "graph:diplograph { dip:Unlabelled a owl:Class . }",
        {"term": f"<{DIP}Unlabelled>", "labels": '"0"^^<http://www.w3.org/2001/XMLSchema#integer>'},
    ),
    "undeclared-term-violation": (
        "graph:test { <urn:s> schema:invented <urn:o> . }",
        {
            "term": "<https://schema.org/invented>",
            "graph": "<https://w3id.org/diplograph/graph/test>",
        },
    ),
    "concept-label-violation": (
        "graph:codes { <https://w3id.org/diplograph/code/issue/unlabelled> a skos:Concept . }",
        {"concept": "<https://w3id.org/diplograph/code/issue/unlabelled>"},
    ),
    # A second mode with the notation of REQUEST-assist (the bare "assist" used to be shared).
    "notation-violation": (
        f"""graph:codes {{
            <{CODE}plover-mode/X-assist> a skos:Concept ;
                skos:notation "REQUEST-assist" ; skos:inScheme <{CODE}plover-mode> .
        }}""",
        {
            "scheme": f"<{CODE}plover-mode>",
            "notation": '"REQUEST-assist"',
            "concept": f"<{CODE}plover-mode/REQUEST-assist>",
            "other": f"<{CODE}plover-mode/X-assist>",
        },
    ),
    # A mode under its event type with skos:broader, across schemes (it must be skos:broadMatch).
    "cross-scheme-broader-violation": (
        f"graph:codes {{ <{CODE}plover-mode/REQUEST-yield> skos:broader <{CODE}plover/REQUEST> }}",
        {
            "concept": f"<{CODE}plover-mode/REQUEST-yield>",
            "property": f"<{SKOS}broader>",
            "related": f"<{CODE}plover/REQUEST>",
            "conceptScheme": f"<{CODE}plover-mode>",
            "relatedScheme": f"<{CODE}plover>",
        },
    ),
    # regression (model v2): the registry stated "the three principles were proposed by Xi Jinping",
    # a claim of Wang Yi's, as a fact of graph:actors.
    "actor-registry-violation": (
        f"graph:actors {{ <{ID}principle/mutual-respect> dip:proposedBy <{ID}xi-jinping> . }}",
        {"subject": f"<{ID}principle/mutual-respect>", "property": f"<{DIP}proposedBy>"},
    ),
    # The same claim in an article graph, asserted instead of recorded as a dip:Claim.
    "claim-only-property-violation": (
        f"graph:test {{ <{ID}principle/one-china> dip:setOutIn <{ID}agreement/x> . }}",
        {"subject": f"<{ID}principle/one-china>", "property": f"<{DIP}setOutIn>"},
    ),
    # regression (model v2): dip:hasEvidence ⊑ prov:wasDerivedFrom made meetings derived from text.
    "event-derivation-violation": (
        f"graph:test {{ <{ID}m> a dip:Meeting ; prov:wasDerivedFrom <{ID}m/char/0-5> . }}",
        {"node": f"<{ID}m>", "class": f"<{DIP}Meeting>"},
    ),
    # A stance held by a state that no expressing statement's speaker is, with no inference mark.
    "inference-mark-violation": (
        f"""graph:test {{
            <{ID}s> a dip:Stance ; dip:holder <{ID}china> ; dip:expressedBy <{ID}d> .
            <{ID}d> a dip:Demand ; dip:speaker <{ID}wang-yi> .
        }}""",
        {"stance": f"<{ID}s>", "holder": f"<{ID}china>"},
    ),
    # regression (model v2): "China defends its technological development against US pressure" was
    # the label of a stance whose triples said support.
    "stance-label-violation": (
        f"""graph:test {{
            <{ID}s> a dip:Stance ; rdfs:label "China defends its development"@en ;
                dip:polarity <{CODE}polarity/oppose> .
        }}""",
        {"stance": f"<{ID}s>"},
    ),
    # regression (model v2): issue:bali-agenda duplicated the agreement id:agreement/bali-agenda.
    "issue-duplicates-agreement-violation": (
        f"""graph:codes {{
            <{CODE}issue/bali-agenda> skos:inScheme <{CODE}issue> ;
                skos:prefLabel "Agenda set by the two heads of state in Bali"@en .
        }}""",
        {"concept": f"<{CODE}issue/bali-agenda>", "item": f"<{ID}agreement/bali-agenda>"},
    ),
}


def dataset(project: Project) -> ox.Store:
    store = ox.Store()
    store.extend(read_quads(project.dump))
    return store


def check(project: Project, name: str) -> list[Path]:
    return [path for path in project.checks if path.stem == name]


def test_the_checks_are_found_and_silent_on_the_dataset(project: Project) -> None:
    names = sorted(path.stem for path in project.checks)
    assert names == sorted([*BAD_DATA, "ontology-metadata-violation"])
    assert run_checks(project.checks, dataset(project)) == []


@pytest.mark.parametrize("name", sorted(BAD_DATA))
def test_check_returns_the_offending_row(project: Project, name: str) -> None:
    trig, expected = BAD_DATA[name]
    store = dataset(project)
    store.extend(ox.parse((PREFIXES + trig).encode("utf-8"), ox.RdfFormat.TRIG))
    violations = run_checks(check(project, name), store)
    assert len(violations) == 1
    assert violations[0].check == name
    assert expected.items() <= violations[0].row.items()


def test_ontology_metadata_check_names_the_missing_license(project: Project) -> None:
    store = dataset(project)
    license_ = ox.NamedNode("http://purl.org/dc/terms/license")
    ontology = ox.NamedNode("https://w3id.org/diplograph/ontology")
    for quad in list(store.quads_for_pattern(ontology, license_, None)):
        store.remove(quad)
    violations = run_checks(check(project, "ontology-metadata-violation"), store)
    assert violations == [
        Violation("ontology-metadata-violation", {"missing": f"<{license_.value}>"})
    ]


@pytest.mark.parametrize("name", ["notation-violation", "cross-scheme-broader-violation"])
def test_code_list_check_is_silent_on_the_dataset(project: Project, name: str) -> None:
    assert run_checks(check(project, name), dataset(project)) == []


def test_cross_scheme_check_allows_broader_inside_a_scheme(project: Project) -> None:
    """CAMEO 1042 broader 104 broader 10 is fine: only skos:broader between schemes is refused."""
    store = dataset(project)
    broader = ox.NamedNode(SKOS + "broader")
    c1042, c104, c10 = (ox.NamedNode(f"{CODE}cameo/{code}") for code in ("1042", "104", "10"))
    assert list(store.quads_for_pattern(c1042, broader, c104))
    assert list(store.quads_for_pattern(c104, broader, c10))
    assert run_checks(check(project, "cross-scheme-broader-violation"), store) == []
