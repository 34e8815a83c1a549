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
@prefix schema: <https://schema.org/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
"""
DIP = "https://w3id.org/diplograph/ontology#"

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
