"""SHACL shapes: the dataset conforms, and every shape bites on a failing fixture.

The fixtures are listed in ``fixtures/shapes/manifest.ttl``: each entry names a small data graph,
the node shape it exercises, and the exact violations (focus node, path, constraint component)
that validating it together with the project's ontology, code lists and actors must produce.
The graphs in ``fixtures/shapes/conforming/`` are what the shapes must accept: a statement with
two speakers, a readout published by a government body, a speaker who speaks for a participant...
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
import rdflib
from rdflib.namespace import RDF, SH

from conftest import FIXTURES, ROOT
from diplograph.project import Project
from diplograph.validate import Engine, Validation, _translated, validate

MANIFEST = FIXTURES / "shapes" / "manifest.ttl"
CONFORMING = sorted((FIXTURES / "shapes" / "conforming").glob("*.ttl"))
DIP = rdflib.Namespace("https://w3id.org/diplograph/ontology#")
DSH = rdflib.Namespace("https://w3id.org/diplograph/shapes#")
MF = rdflib.Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
SHT = rdflib.Namespace("http://www.w3.org/ns/shacl-test#")
Violation = tuple[str, str | None, str]


@dataclass(frozen=True)
class Entry:
    name: str
    data: Path
    shape: rdflib.URIRef
    expected: frozenset[Violation]


@cache
def shapes() -> rdflib.Graph:
    return rdflib.Graph().parse(ROOT / "ontology" / "shapes.ttl")


def _violation(manifest: rdflib.Graph, result: rdflib.term.Node) -> Violation:
    path = manifest.value(result, SH.resultPath)
    return (
        str(manifest.value(result, SH.focusNode)),
        None if path is None else str(path),
        str(manifest.value(result, SH.sourceConstraintComponent)),
    )


def entries() -> list[Entry]:
    manifest = rdflib.Graph().parse(MANIFEST, publicID=MANIFEST.as_uri())
    found = []
    for node in manifest.subjects(RDF.type, SHT.Validate):
        data = manifest.value(manifest.value(node, MF.action), SHT.dataGraph)
        report = manifest.value(node, MF.result)
        shape = manifest.value(node, SHT.shape)
        assert isinstance(shape, rdflib.URIRef), f"{node} names no sht:shape"
        found.append(
            Entry(
                name=str(node).rsplit("#", 1)[-1],
                data=Path(unquote(urlparse(str(data)).path)),
                shape=shape,
                expected=frozenset(
                    _violation(manifest, r) for r in manifest.objects(report, SH.result)
                ),
            )
        )
    return sorted(found, key=lambda entry: entry.name)


ENTRIES = entries()


@cache
def reference(project: Project, path: Path) -> Validation:
    """pySHACL's validation of one file, once per test session (test_validate_engines reuses it)."""
    return validate(project, [path], engine="pyshacl")


def validated(project: Project, path: Path, engine: Engine) -> Validation:
    return (
        reference(project, path)
        if engine == "pyshacl"
        else validate(project, [path], engine=engine)
    )


@pytest.mark.parametrize("engine", ["fast", "pyshacl"])
def test_the_dataset_conforms_and_the_validation_saw_it(project: Project, engine: Engine) -> None:
    result = validate(project, [project.dump], engine=engine)
    assert result.results == []
    assert result.files == [project.dump]
    assert result.shapes >= 38
    assert result.focus_nodes >= 500


def test_every_node_shape_has_a_failing_fixture() -> None:
    node_shapes = set(shapes().subjects(RDF.type, SH.NodeShape))
    assert len(node_shapes) >= 38
    assert node_shapes - {entry.shape for entry in ENTRIES} == set()


@pytest.mark.parametrize("engine", ["fast", "pyshacl"])
@pytest.mark.parametrize("entry", ENTRIES, ids=lambda entry: entry.name)
def test_fixture_produces_exactly_the_expected_violations(
    project: Project, entry: Entry, engine: Engine
) -> None:
    assert entry.data.is_file(), entry.data
    assert entry.expected, f"{entry.name} expects no violation"
    result = validated(project, entry.data, engine)
    assert result.focus_nodes > 0
    assert {(r.focus, r.path, r.component) for r in result.results} == entry.expected
    owned = {entry.shape, *shapes().objects(entry.shape, SH.property)}
    sources = {rdflib.URIRef(r.shape) for r in result.results}
    via_node = {  # a shape reached with sh:node, from a property shape, blank or named
        source
        for source in sources
        for prop in {source, *shapes().objects(source, SH.property)}
        if (prop, SH.node, entry.shape) in shapes()
    }
    assert sources & owned or via_node, f"no violation comes from {entry.shape}: {sources}"


def test_regression_sparql_constraints_parsed_once_not_per_focus_node(project: Project) -> None:
    """pySHACL sends a sh:sparql text per focus node; parsing each made validation 10x slower."""
    _translated.cache_clear()
    validate(project, [project.dump], engine="pyshacl")
    info = _translated.cache_info()
    constraints = len(set(shapes().objects(None, SH.select)))
    assert constraints >= 16
    assert info.misses <= constraints + 1  # each constraint's text, and validate()'s own query
    assert info.hits >= 300  # one per focus node of each SPARQL constraint, less its first


@pytest.mark.parametrize("engine", ["fast", "pyshacl"])
@pytest.mark.parametrize("path", CONFORMING, ids=lambda path: path.stem)
def test_conforming_fixture_conforms(project: Project, path: Path, engine: Engine) -> None:
    result = validated(project, path, engine)
    assert result.focus_nodes > 0
    assert result.results == []


def test_a_statement_with_two_speakers_conforms(project: Project) -> None:
    path = FIXTURES / "shapes" / "conforming" / "statement-with-two-speakers.ttl"
    graph = rdflib.Graph().parse(path)
    statements = set(graph.subjects(RDF.type, DIP.AgreementStatement))
    assert [len(set(graph.objects(s, DIP.speaker))) for s in statements] == [2]
    assert validate(project, [path]).results == []


@pytest.mark.parametrize(
    ("name", "kind", "participants"),
    [("meeting-named-by-one-party", DIP.Meeting, 1), ("visit-of-a-visitor-alone", DIP.Visit, 1)],
)
def test_an_interaction_the_text_names_by_one_party_conforms(
    project: Project, name: str, kind: rdflib.URIRef, participants: int
) -> None:
    """Issue 9: "next month's NATO Summit" and "the Secretary's planned travel to the region"
    name one party; the shapes asked for two, so they could not be written."""
    path = FIXTURES / "shapes" / "conforming" / f"{name}.ttl"
    graph = rdflib.Graph().parse(path)
    (interaction,) = graph.subjects(RDF.type, kind)
    assert len(set(graph.objects(interaction, DIP.participant))) == participants
    assert validate(project, [path]).results == []


def test_regression_a_criticism_and_a_demand_that_name_no_actor_need_no_target(
    project: Project,
) -> None:
    """Issue 9: the shapes asked for a dip:target, so the extractor gave the addressee as the
    target of "condemned the attack on civilians", a confident wrong fact."""
    path = FIXTURES / "shapes" / "conforming" / "criticism-and-demand-that-name-no-actor.ttl"
    graph = rdflib.Graph().parse(path)
    statements = {*graph.subjects(RDF.type, DIP.Criticism), *graph.subjects(RDF.type, DIP.Demand)}
    assert len(statements) == 2
    assert {s for s in statements if graph.value(s, DIP.addressee) is not None} == statements
    assert list(graph.triples((None, DIP.target, None))) == []
    assert list(graph.subjects(DIP.codes, None)) == []
    assert validate(project, [path]).results == []


def without(source: Path, target: Path, predicate: rdflib.URIRef) -> Path:
    """A copy of the graph in ``source`` without its ``predicate`` triples."""
    graph = rdflib.Graph().parse(source)
    graph.remove((None, predicate, None))
    graph.serialize(target, format="turtle")
    return target


@pytest.mark.parametrize(
    ("name", "predicate", "focus"),
    [
        ("speaker-speaks-for-a-participant", DIP.onBehalfOf, "rejection"),
        ("speaker-takes-part-in-the-visit", DIP.partOfVisit, "assertion"),
    ],
)
def test_the_exception_is_what_lets_the_speaker_pass(
    project: Project, tmp_path: Path, name: str, predicate: rdflib.URIRef, focus: str
) -> None:
    """Without dip:onBehalfOf (the side spoken for) or dip:partOfVisit (the visit it is part of),
    the speaker of the conforming fixture is no participant of the interaction."""
    bad = without(
        FIXTURES / "shapes" / "conforming" / f"{name}.ttl", tmp_path / "bad.ttl", predicate
    )
    results = {(r.focus, r.path, r.component) for r in validate(project, [bad]).results}
    node = f"https://w3id.org/diplograph/id/test/{name}/{focus}"
    assert (node, str(DIP.speaker), str(SH.SPARQLConstraintComponent)) in results


def weekday_query() -> str:
    """The SELECT of dsh:DateResolutionShape's weekday constraint, with its prefixes."""
    graph = shapes()
    prefixes = "".join(
        f"PREFIX {graph.value(d, SH.prefix)}: <{graph.value(d, SH.namespace)}>\n"
        for d in graph.objects(DSH[""], SH.declare)
    )
    (select,) = (
        str(graph.value(c, SH.select))
        for c in graph.objects(DSH.DateResolutionShape, SH.sparql)
        if "weekday" in str(graph.value(c, SH.message))
    )
    return prefixes + select


def test_the_weekday_arithmetic_agrees_with_the_calendar() -> None:
    """Every 199th day over eight centuries and every day of February and March 1900, 2000 and
    2100 pass with their weekday's name and fail with any other (in rdflib; tests/test_jena.py
    runs Jena on fixtures/shapes/conforming/date-resolutions-on-every-weekday.ttl)."""
    names = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
    first = datetime.date(1600, 1, 1)
    days = {first + datetime.timedelta(days=n) for n in range(0, 292_000, 199)}
    for year in (1900, 2000, 2100):
        start = datetime.date(year, 2, 1)
        days |= {start + datetime.timedelta(days=n) for n in range(59)}
    right, wrong = rdflib.Graph(), rdflib.Graph()
    for n, day in enumerate(sorted(days)):
        node = rdflib.URIRef(f"urn:resolution:{day}")
        value = rdflib.Literal(day.isoformat(), datatype=rdflib.XSD.date)
        weekday = day.isoweekday() % 7
        other = (weekday + 1 + n % 6) % 7
        for graph, name in ((right, names[weekday]), (wrong, names[other].upper())):
            graph.add((node, DIP.relativeExpression, rdflib.Literal(name)))
            graph.add((node, DIP.resolvedDate, value))
    query = weekday_query()
    assert len(right.query(query)) == 0
    assert len(wrong.query(query)) == len(days) > 1600
