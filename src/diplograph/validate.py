"""SHACL validation of RDF files with the project's shapes, ontology and code lists.

Two engines give the same results (:mod:`diplograph.validation.report` says exactly what "the
same" covers): ``fast`` (:mod:`diplograph.validation.fast`, the default of ``diplograph
validate``) and ``pyshacl``, the reference, kept as it was and what :func:`validate` runs unless
told otherwise. Validating article graphs one by one, in parallel and incrementally, is
:mod:`diplograph.validation.graphs`.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import pyoxigraph as ox
import rdflib
import rdflib.collection
from pyshacl import validate as shacl_validate
from rdflib.namespace import SH
from rdflib.plugins.sparql.parser import parseQuery
from rdflib.plugins.sparql.processor import SPARQLProcessor
from rdflib.plugins.sparql.sparql import Query

from diplograph.project import Project
from diplograph.rdfio import rdflib_graph, read_quads
from diplograph.validation.fast import FastEngine, data_store, nquads
from diplograph.validation.report import Result, Validation, sort_results
from diplograph.validation.sparql import term_text

__all__ = ["ENGINES", "Engine", "Result", "Validation", "validate"]

Engine = Literal["fast", "pyshacl"]
ENGINES: tuple[Engine, ...] = ("fast", "pyshacl")


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


def _named_shape(shapes: rdflib.Graph, shape: rdflib.term.Node | None) -> str:
    """The IRI of a shape, or of the nearest named shape that holds a blank property shape."""
    while isinstance(shape, rdflib.BNode):
        owner = next(shapes.subjects(SH.property, shape), None)
        if owner is None:
            break
        shape = owner
    return str(shape)


def validate(project: Project, files: list[Path], engine: Engine = "pyshacl") -> Validation:
    """Validate ``files`` together with the project's ontology, code lists and actors.

    The shapes are ``ontology/shapes.ttl`` (and a project folder's ``shapes/*.ttl``); pySHACL is
    given the ontology as ``ont_graph`` so that ``sh:targetClass`` reaches instances of subclasses
    (the fast engine follows ``rdfs:subClassOf`` in the data graph, which holds the ontology).
    """
    everything = [*project.vocabulary(), *(f for f in files if f not in project.vocabulary())]
    data = [quad for path in everything for quad in read_quads(path)]
    shape_quads = [quad for path in project.shape_files() for quad in read_quads(path)]
    fast = FastEngine(shape_quads)
    if engine == "fast":
        results, focus_nodes = fast.validate(nquads(data))
    else:
        results = _pyshacl(data, shape_quads, read_quads(project.ontology))
        focus_nodes = fast.focus_nodes(data_store(nquads(data)))
    return Validation(files, fast.node_shapes, len(focus_nodes), sort_results(results))


def _pyshacl(
    data_quads: list[ox.Quad], shape_quads: list[ox.Quad], ontology: list[ox.Quad]
) -> list[Result]:
    """The results of the reference engine, read from pySHACL's report graph."""
    data = rdflib_graph(data_quads)
    shapes = rdflib_graph(shape_quads)
    _, report, _ = shacl_validate(
        data,
        shacl_graph=shapes,
        ont_graph=rdflib_graph(ontology),
        inference="none",
        allow_warnings=False,
    )
    assert isinstance(report, rdflib.Graph)
    results = []
    for node in report.objects(None, SH.result):
        messages = sorted(str(m) for m in report.objects(node, SH.resultMessage))
        value = report.value(node, SH.value)
        results.append(
            Result(
                focus=_shown(report.value(node, SH.focusNode)),
                path=_path(shapes, report.value(node, SH.resultPath)),
                component=str(report.value(node, SH.sourceConstraintComponent)),
                shape=_named_shape(shapes, report.value(node, SH.sourceShape)),
                message=messages[0] if messages else "",
                severity=str(report.value(node, SH.resultSeverity)),
                value=None if value is None else _shown(value),
            )
        )
    return results


def to_oxigraph(term: rdflib.term.Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """The Oxigraph twin of an rdflib term."""
    if isinstance(term, rdflib.URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, rdflib.Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        datatype = None if term.datatype is None else ox.NamedNode(str(term.datatype))
        return ox.Literal(str(term), datatype=datatype)
    return ox.BlankNode()


def _shown(term: rdflib.term.Node | None) -> str:
    """An rdflib term as :class:`Result` shows it (the same text as the fast engine's)."""
    assert term is not None
    return term_text(to_oxigraph(term))


def _path(shapes: rdflib.Graph, path: rdflib.term.Node | None) -> str | None:
    """A result path: a predicate's IRI, or a complex path in SPARQL syntax (as ``shacl`` has)."""
    if path is None or isinstance(path, rdflib.URIRef):
        return None if path is None else str(path)
    return _sparql_path(shapes, path)


def _sparql_path(shapes: rdflib.Graph, path: rdflib.term.Node) -> str:
    if isinstance(path, rdflib.URIRef):
        return f"<{path}>"
    for predicate, operator in ((SH.zeroOrMorePath, "*"), (SH.oneOrMorePath, "+"),
                                (SH.zeroOrOnePath, "?")):  # fmt: skip
        inner = shapes.value(path, predicate)
        if inner is not None:
            return f"({_sparql_path(shapes, inner)}){operator}"
    inverse = shapes.value(path, SH.inversePath)
    if inverse is not None:
        return f"^{_sparql_path(shapes, inverse)}"
    alternatives = shapes.value(path, SH.alternativePath)
    if alternatives is not None:
        items = rdflib.collection.Collection(shapes, alternatives)
        return "(" + "|".join(_sparql_path(shapes, p) for p in items) + ")"
    items = rdflib.collection.Collection(shapes, path)
    return "(" + "/".join(_sparql_path(shapes, p) for p in items) + ")"
