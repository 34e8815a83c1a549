"""The fast engine gives pySHACL's results: on every shape fixture, on an extracted corpus (as it is
and damaged), per article graph, with SHACL-SPARQL constraints the rewrite covers and those it
runs per focus node.

"The same results" is :attr:`Result.key` — focus node, result path, constraint component, source
shape, severity, value — for every result, as a multiset, plus the message wherever the shape
declares one (where it does not, pySHACL words its own and the fast engine says
``violates sh:<parameter>``), the number of focus nodes and of node shapes.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from conftest import FIXTURES, ROOT
from diplograph.cli import main
from diplograph.errors import DiplographError
from diplograph.extract.corpus import read_jsonl
from diplograph.extract.run import extract_articles
from diplograph.project import Project
from diplograph.rdfio import canonical_nquads
from diplograph.validate import Validation, _pyshacl, validate
from diplograph.validation.fast import FastEngine, nquads
from diplograph.validation.graphs import prepare, validate_graph, validate_graphs
from diplograph.validation.report import Result, generic_message
from test_shapes import reference

SHAPE_FIXTURES = sorted(p for p in (FIXTURES / "shapes").rglob("*.ttl") if p.name != "manifest.ttl")
CORPUS = ROOT / "data" / "corpus" / "state-department-readouts.jsonl"
DIP = "https://w3id.org/diplograph/ontology#"
OA = "http://www.w3.org/ns/oa#"
XSD = "http://www.w3.org/2001/XMLSchema#"
ACTORS = "https://w3id.org/diplograph/graph/extracted-actors"
SH = "http://www.w3.org/ns/shacl#"
PAIRS = {f"{SH}LessThanConstraintComponent", f"{SH}LessThanOrEqualsConstraintComponent"}


def assert_same(fast: list[Result], pyshacl: list[Result], incomparable: bool = False) -> None:
    """The same results, message aside where the shape declares none.

    With ``incomparable``, the fast engine may also report what SHACL says and pySHACL does not: an
    sh:lessThan(OrEquals) value that cannot be compared with the other property's (an xsd:date
    offset against an xsd:integer one), where the value also fails its sh:datatype.
    """
    extra = Counter(r.key for r in fast) - Counter(r.key for r in pyshacl)
    assert Counter(r.key for r in pyshacl) - Counter(r.key for r in fast) == Counter()
    mistyped = {
        (r.focus, r.path) for r in pyshacl if r.component == f"{SH}DatatypeConstraintComponent"
    }
    assert all(
        incomparable and component in PAIRS and (focus, path) in mistyped
        for focus, path, component, *_ in extra
    ), extra
    theirs: dict[tuple[str, ...], Counter[str]] = {}
    for r in pyshacl:
        theirs.setdefault(r.key, Counter())[r.message] += 1
    for key, counter in theirs.items():  # each declared message of the fast engine is pySHACL's
        mine = Counter(r.message for r in fast if r.key == key)
        generic = generic_message(key[2], key[5] or None)
        assert mine.total() == counter.total()
        assert mine - Counter({generic: mine[generic]}) <= counter, key


def assert_same_validation(fast: Validation, pyshacl: Validation) -> None:
    assert_same(fast.results, pyshacl.results)
    assert (fast.shapes, fast.focus_nodes) == (pyshacl.shapes, pyshacl.focus_nodes)


@pytest.mark.parametrize("path", SHAPE_FIXTURES, ids=lambda path: path.stem)
def test_fast_engine_agrees_with_pyshacl_on_every_shape_fixture(
    project: Project, path: Path
) -> None:
    assert_same_validation(validate(project, [path], engine="fast"), reference(project, path))


def test_regression_date_comparisons_in_sparql_constraints_are_found(project: Project) -> None:
    """The ``shacl`` package's own SHACL-SPARQL found no row for ``?value != ?resolved`` on two
    xsd:dates; the fast engine runs those constraints in Oxigraph."""
    path = FIXTURES / "shapes" / "date-resolution-disagrees-with-the-date.ttl"
    (result,) = validate(project, [path], engine="fast").results
    assert result.component == "http://www.w3.org/ns/shacl#SPARQLConstraintComponent"
    assert result.value == '"2023-06-18"^^<http://www.w3.org/2001/XMLSchema#date>'
    assert result.message == "the resolved date must be the date of the interaction it resolves"


@pytest.fixture(scope="module")
def sample(project: Project) -> list[ox.Quad]:
    """Every sixteenth readout of the corpus, extracted."""
    return extract_articles(project, read_jsonl(CORPUS)[::16]).quads


def damaged(quads: list[ox.Quad]) -> list[ox.Quad]:
    """The sample with faults that SHACL Core and SHACL-SPARQL shapes catch, every 7th of each."""
    out = []
    counts: Counter[str] = Counter()
    for quad in quads:
        predicate = quad.predicate.value
        counts[predicate] += 1
        if counts[predicate] % 7 != 1:
            out.append(quad)
        elif predicate == f"{OA}exact":  # the quote no longer matches the text
            out.append(ox.Quad(quad.subject, quad.predicate, ox.Literal("x"), quad.graph_name))
        elif predicate in {f"{DIP}date", f"{OA}start"}:  # another day; an ill-typed offset
            value = ox.Literal("2001-01-01", datatype=ox.NamedNode(f"{XSD}date"))
            out.append(ox.Quad(quad.subject, quad.predicate, value, quad.graph_name))
        elif predicate not in {f"{DIP}participant", f"{DIP}speaker", f"{DIP}holder"}:
            out.append(quad)  # those three are dropped
    return out


@pytest.mark.parametrize("broken", [False, True], ids=["as-extracted", "damaged"])
def test_fast_engine_agrees_with_pyshacl_on_an_extracted_corpus(
    project: Project, tmp_path: Path, sample: list[ox.Quad], broken: bool
) -> None:
    path = tmp_path / "sample.nq"
    path.write_bytes(canonical_nquads(damaged(sample) if broken else sample))
    fast = validate(project, [path], engine="fast")
    pyshacl = validate(project, [path], engine="pyshacl")
    assert_same(fast.results, pyshacl.results, incomparable=broken)
    assert (fast.shapes, fast.focus_nodes) == (pyshacl.shapes, pyshacl.focus_nodes)
    components = Counter(r.component.rsplit("#")[-1] for r in fast.results)
    if broken:  # the damage reached Core and SPARQL constraints alike
        assert components["SPARQLConstraintComponent"] >= 20
        assert components["MinCountConstraintComponent"] >= 5
        assert components["DatatypeConstraintComponent"] >= 5
    else:
        assert fast.results == []
        assert fast.focus_nodes > len(prepare(project).focus_nodes) + 500


def by_graph(quads: list[ox.Quad]) -> tuple[dict[str, list[ox.Quad]], list[ox.Quad]]:
    """The article graphs of an extraction, and its graph of new actors."""
    graphs: dict[str, list[ox.Quad]] = {}
    for quad in quads:
        assert isinstance(quad.graph_name, ox.NamedNode)
        graphs.setdefault(quad.graph_name.value, []).append(quad)
    return graphs, graphs.pop(ACTORS)


def test_per_graph_results_are_the_whole_graph_results(
    project: Project, tmp_path: Path, sample: list[ox.Quad]
) -> None:
    """Validating each article graph with the shared graphs finds what validating them all at
    once finds, cross-node SPARQL constraints included (a speaker's nationality, a post's
    organisation, a statement's kind are in the registry and the ontology)."""
    quads = damaged(sample)
    path = tmp_path / "sample.nq"
    path.write_bytes(canonical_nquads(quads))
    whole = validate(project, [path], engine="fast").results
    graphs, actors = by_graph(quads)
    shared = prepare(project, extra=actors)
    reports = validate_graphs(graphs, shared, workers=2)
    per_graph = [r for report in reports.values() for r in report.results]
    assert Counter(per_graph) == Counter(whole)
    assert len(reports) == len(graphs) > 10
    assert sum(not report.conforms for report in reports.values()) > 5
    one = next(iter(graphs))
    assert validate_graph(graphs[one], shared) == reports[one]


def test_an_unchanged_graph_is_not_validated_again(
    project: Project, tmp_path: Path, sample: list[ox.Quad]
) -> None:
    graphs, actors = by_graph(sample)
    shared = prepare(project, extra=actors)
    first = validate_graphs(graphs, shared, workers=1, cache=tmp_path)
    assert not any(report.cached for report in first.values())
    changed = next(
        n for n, g in graphs.items() if any(q.predicate.value == f"{DIP}speaker" for q in g)
    )
    graphs[changed] = [q for q in graphs[changed] if q.predicate.value != f"{DIP}speaker"]
    second = validate_graphs(graphs, shared, workers=1, cache=tmp_path)
    assert [name for name, report in second.items() if not report.cached] == [changed]
    assert not second[changed].conforms
    assert {n: r.results for n, r in second.items() if n != changed} == {
        n: r.results for n, r in first.items() if n != changed
    }


SHAPES = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix ex: <urn:ex:> .
ex: sh:declare [ sh:prefix "ex" ; sh:namespace "urn:ex:" ] .
ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:sparql [
    sh:message "{$this} has no ex:q like {?value}" ; sh:prefixes ex: ;
    sh:select '''SELECT $this ?value WHERE {
        { $this ex:p ?value } UNION { ?value ex:r ?x FILTER NOT EXISTS { $this ex:q ?value } }
    }'''
  ] , [
    sh:prefixes ex: ;
    sh:select '''SELECT ?value WHERE {
        ?value ex:r ?n FILTER NOT EXISTS { $this ex:n ?n }
    } ORDER BY ?value LIMIT 1'''
  ] , [
    sh:prefixes ex: ;
    sh:select "SELECT $this WHERE { FILTER NOT EXISTS { $this ex:q ?any } }"
  ] .
"""
DATA = """
@prefix ex: <urn:ex:> .
ex:a a ex:C ; ex:p "one" ; ex:q ex:b ; ex:n 1 .
ex:c a ex:D ; ex:q ex:z .
ex:e a ex:C .
ex:D <http://www.w3.org/2000/01/rdf-schema#subClassOf> ex:C .
ex:b ex:r 1 . ex:z ex:r 2 .
"""


def test_sparql_constraints_the_rewrite_covers_and_those_run_per_focus_node() -> None:
    """$this only inside FILTER NOT EXISTS in a UNION branch, LIMIT (run per focus node), a
    SELECT without $this, message templates: the same rows as pySHACL's."""
    shapes = list(ox.parse(SHAPES.encode(), format=ox.RdfFormat.TURTLE))
    data = list(ox.parse(DATA.encode(), format=ox.RdfFormat.TURTLE))
    fast, _ = FastEngine(shapes).validate(nquads(data))
    pyshacl = _pyshacl(data, shapes, [])
    assert_same(fast, pyshacl)
    assert sorted((r.focus, r.value, r.message) for r in fast) == [
        ("urn:ex:a", '"one"', "urn:ex:a has no ex:q like one"),
        ("urn:ex:a", "urn:ex:z", "urn:ex:a has no ex:q like urn:ex:z"),
        ("urn:ex:a", "urn:ex:z", "violates sh:sparql with urn:ex:z"),
        ("urn:ex:c", "urn:ex:b", "urn:ex:c has no ex:q like urn:ex:b"),
        ("urn:ex:c", "urn:ex:b", "violates sh:sparql with urn:ex:b"),
        ("urn:ex:e", "urn:ex:b", "urn:ex:e has no ex:q like urn:ex:b"),
        ("urn:ex:e", "urn:ex:b", "violates sh:sparql with urn:ex:b"),
        ("urn:ex:e", "urn:ex:e", "violates sh:sparql with urn:ex:e"),
        ("urn:ex:e", "urn:ex:z", "urn:ex:e has no ex:q like urn:ex:z"),
    ]


def test_both_engines_print_the_same_report(project: Project) -> None:
    bad = FIXTURES / "shapes" / "statement-speaker-not-a-participant.ttl"
    outputs = [
        CliRunner().invoke(main, ["--root", str(project.root), "validate", *engine, str(bad)])
        for engine in ([], ["--engine", "fast"], ["--engine", "pyshacl"])
    ]
    assert [o.exit_code for o in outputs] == [1, 1, 1]
    assert outputs[0].stdout == outputs[1].stdout == outputs[2].stdout
    assert "violation: id:test/statement-speaker-not-a-participant/" in outputs[0].stdout


def test_a_file_that_does_not_parse_is_an_error(project: Project, tmp_path: Path) -> None:
    broken = tmp_path / "broken.ttl"
    broken.write_text("<urn:a> <urn:b> .\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["--root", str(project.root), "validate", str(broken)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {broken}:1:")


def test_the_shared_graphs_alone_conform_and_key_every_report(project: Project) -> None:
    shared = prepare(project)
    assert shared.baseline == frozenset()
    actor = ox.Quad(ox.NamedNode("urn:x"), ox.NamedNode(f"{DIP}alias"), ox.NamedNode("urn:y"))
    other = prepare(project, extra=[actor])
    assert other.fingerprint != shared.fingerprint == prepare(project).fingerprint
    assert len(other.baseline) == 0  # urn:x has no type: no shape targets it


def test_a_sparql_constraint_on_a_property_shape_is_refused_by_the_fast_engine_only() -> None:
    shapes = list(
        ox.parse(
            b"""@prefix sh: <http://www.w3.org/ns/shacl#> .
            <urn:ex:S> a sh:PropertyShape ; sh:targetClass <urn:ex:C> ; sh:path <urn:ex:p> ;
                sh:sparql [ sh:select "SELECT $this WHERE { $this $PATH ?v }" ] .""",
            format=ox.RdfFormat.TURTLE,
        )
    )
    engine = FastEngine(shapes)  # the reference engine still counts shapes with it
    with pytest.raises(DiplographError, match=r"^shape <urn:ex:S>: .* --engine pyshacl$"):
        engine.validate(b"")
