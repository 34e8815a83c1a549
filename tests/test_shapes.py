"""SHACL shapes: the dataset conforms, and every shape bites on a failing fixture.

The fixtures are listed in ``fixtures/shapes/manifest.ttl``: each entry names a small data graph,
the node shape it exercises, and the exact violations (focus node, path, constraint component)
that validating it together with the project's ontology, code lists and actors must produce.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
import rdflib
from rdflib.namespace import RDF, SH

from conftest import FIXTURES, ROOT
from diplograph.project import Project
from diplograph.validate import _translated, validate

MANIFEST = FIXTURES / "shapes" / "manifest.ttl"
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


def test_the_dataset_conforms_and_the_validation_saw_it(project: Project) -> None:
    result = validate(project, [project.dump])
    assert result.results == []
    assert result.files == [project.dump]
    assert result.shapes >= 20
    assert result.focus_nodes >= 300


def test_every_node_shape_has_a_failing_fixture() -> None:
    node_shapes = set(shapes().subjects(RDF.type, SH.NodeShape))
    assert len(node_shapes) >= 20
    assert node_shapes - {entry.shape for entry in ENTRIES} == set()


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda entry: entry.name)
def test_fixture_produces_exactly_the_expected_violations(project: Project, entry: Entry) -> None:
    assert entry.data.is_file(), entry.data
    assert entry.expected, f"{entry.name} expects no violation"
    result = validate(project, [entry.data])
    assert result.focus_nodes > 0
    assert {(r.focus, r.path, r.component) for r in result.results} == entry.expected
    owned = {entry.shape, *shapes().objects(entry.shape, SH.property)}
    sources = {rdflib.URIRef(r.shape) for r in result.results}
    via_node = {
        source
        for source in sources
        for prop in shapes().objects(source, SH.property)
        if (prop, SH.node, entry.shape) in shapes()
    }
    assert sources & owned or via_node, f"no violation comes from {entry.shape}: {sources}"


def test_regression_sparql_constraints_parsed_once_not_per_focus_node(project: Project) -> None:
    """pySHACL sends a sh:sparql text per focus node; parsing each made validation 10x slower."""
    _translated.cache_clear()
    validate(project, [project.dump])
    info = _translated.cache_info()
    assert info.misses <= 10
    assert info.hits >= 50  # one per focus node of the five SPARQL constraints, less the first
