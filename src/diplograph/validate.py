"""SHACL validation of RDF files with the project's shapes, ontology and code lists (pySHACL)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import rdflib
from pyshacl import validate as shacl_validate
from rdflib.namespace import RDF, SH
from rdflib.plugins.sparql.parser import parseQuery
from rdflib.plugins.sparql.processor import SPARQLProcessor
from rdflib.plugins.sparql.sparql import Query

from diplograph.project import Project
from diplograph.rdfio import rdflib_graph, read_quads
from diplograph.vocab import compact

TARGETS = """
PREFIX sh: <http://www.w3.org/ns/shacl#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT DISTINCT ?focus WHERE {
  { ?shape sh:targetClass ?class . ?focus a/rdfs:subClassOf* ?class . }
  UNION { ?shape sh:targetNode ?focus . }
  UNION { ?shape sh:targetSubjectsOf ?p . ?focus ?p ?any . }
  UNION { ?shape sh:targetObjectsOf ?p . ?any ?p ?focus . }
}
"""


@lru_cache(maxsize=512)
def _translated(text: str, base: str | None, namespaces: frozenset[tuple[str, Any]]) -> Query:
    from rdflib.plugins.sparql.algebra import translateQuery

    return translateQuery(parseQuery(text), base, dict(namespaces))


class ParsedOnceProcessor(SPARQLProcessor):
    """rdflib's SPARQL processor, parsing each query text once.

    pySHACL sends the text of a ``sh:sparql`` constraint once per focus node; parsing it each time
    took two thirds of the validation time. Registered below as rdflib's ``sparql`` processor.
    """

    def query(  # type: ignore[override]
        self,
        strOrQuery: str | Query,
        initBindings: Mapping[str, Any] | None = None,
        initNs: Mapping[str, Any] | None = None,
        base: str | None = None,
        DEBUG: bool = False,
    ) -> Mapping[str, Any]:
        if isinstance(strOrQuery, str):
            strOrQuery = _translated(strOrQuery, base, frozenset((initNs or {}).items()))
        return super().query(strOrQuery, initBindings, initNs, base, DEBUG)


rdflib.plugin.register("sparql", rdflib.query.Processor, __name__, "ParsedOnceProcessor")


@dataclass(frozen=True)
class Result:
    """One ``sh:result`` of a validation report."""

    focus: str
    path: str | None
    component: str
    shape: str  # the source shape, or the named node shape holding it
    message: str

    def __str__(self) -> str:
        where = f" {compact(self.path)}" if self.path else ""
        return f"{compact(self.focus)}{where}: {self.message} [{compact(self.component)}]"


@dataclass(frozen=True)
class Validation:
    """The outcome of validating some files: what was looked at, and what was wrong."""

    files: list[Path]
    shapes: int
    focus_nodes: int
    results: list[Result]

    @property
    def conforms(self) -> bool:
        return not self.results


def _text(graph: rdflib.Graph, node: rdflib.term.Node, predicate: rdflib.URIRef) -> str | None:
    value = graph.value(node, predicate)
    return None if value is None else str(value)


def _named_shape(shapes: rdflib.Graph, shape: rdflib.term.Node | None) -> str:
    """The IRI of a shape, or of the nearest named shape that holds a blank property shape."""
    while isinstance(shape, rdflib.BNode):
        owner = next(shapes.subjects(SH.property, shape), None)
        if owner is None:
            break
        shape = owner
    return str(shape)


def validate(project: Project, files: list[Path]) -> Validation:
    """Validate ``files`` together with the project's ontology, code lists and actors.

    The shapes are ``ontology/shapes.ttl`` (and a project folder's ``shapes/*.ttl``); the ontology
    is given to pySHACL as ``ont_graph`` so that ``sh:targetClass`` reaches instances of subclasses.
    """
    everything = [*project.vocabulary(), *(f for f in files if f not in project.vocabulary())]
    data = rdflib_graph(quad for path in everything for quad in read_quads(path))
    shapes = rdflib_graph(quad for path in project.shape_files() for quad in read_quads(path))
    ontology = rdflib_graph(read_quads(project.ontology))
    _, report, _ = shacl_validate(
        data, shacl_graph=shapes, ont_graph=ontology, inference="none", allow_warnings=False
    )
    assert isinstance(report, rdflib.Graph)
    results = sorted(
        (
            Result(
                focus=str(report.value(node, SH.focusNode)),
                path=_text(report, node, SH.resultPath),
                component=str(report.value(node, SH.sourceConstraintComponent)),
                shape=_named_shape(shapes, report.value(node, SH.sourceShape)),
                message=_text(report, node, SH.resultMessage) or "",
            )
            for node in report.objects(None, SH.result)
        ),
        key=lambda r: (r.focus, r.path or "", r.component, r.message),
    )
    targets = shapes + data + ontology
    focus_nodes = {str(row[0]) for row in targets.query(TARGETS)}  # type: ignore[index]
    node_shapes = set(shapes.subjects(RDF.type, SH.NodeShape))
    return Validation(files, len(node_shapes), len(focus_nodes), results)
