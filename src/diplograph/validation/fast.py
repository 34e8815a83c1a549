"""The fast engine: SHACL Core in the ``shacl`` package (Rust), SHACL-SPARQL in Oxigraph.

The ``shacl`` package validates every shape but the ``sh:sparql`` constraints, which are taken out
of the shapes it compiles: its own SPARQL evaluation runs them once per focus node and got date
comparisons wrong here (``?value != ?resolved`` on two ``xsd:date`` literals found nothing).
:mod:`diplograph.validation.sparql` runs each of them once over the whole data graph in Oxigraph.
Both read the same data graph — the union of the triples of every input's graphs — as pySHACL does
with ``inference="none"``: the ``shacl`` package reads N-Quads as that union, and the SPARQL
constraints query Oxigraph's union default graph (a triple in two graphs makes the same row twice,
which the de-duplication of rows removes).

>>> from diplograph.project import Project
>>> from diplograph.rdfio import read_quads
>>> project = Project.find(None)
>>> engine = FastEngine([q for path in project.shape_files() for q in read_quads(path)])
>>> data = nquads(q for path in project.vocabulary() for q in read_quads(path))
>>> results, focus_nodes = engine.validate(data)
>>> results, len(focus_nodes) > 200
([], True)
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pyoxigraph as ox
import shacl

from diplograph.errors import DiplographError
from diplograph.validation.report import SH, Result, generic_message
from diplograph.validation.sparql import Targets, constraints, focus_query, targets_of, term_text

SH_SPARQL = ox.NamedNode(f"{SH}sparql")
TARGET_PREDICATES = [
    f"{SH}{name}" for name in ("targetClass", "targetNode", "targetSubjectsOf", "targetObjectsOf")
]


def nquads(quads: Iterable[ox.Quad]) -> bytes:
    """The quads as N-Quads."""
    text = ox.serialize(quads, format=ox.RdfFormat.N_QUADS)
    assert text is not None  # serialize returns the bytes when given no output
    return text


def data_store(data: bytes) -> ox.Store:
    """An in-memory store holding the N-Quads ``data`` (queried as the union of its graphs)."""
    store = ox.Store()
    store.load(data, format=ox.RdfFormat.N_QUADS)
    return store


class FastEngine:
    """Shapes compiled once, ready to validate any number of data graphs."""

    def __init__(self, shape_quads: Sequence[ox.Quad]) -> None:
        shapes = ox.Store()
        shapes.extend(ox.Quad(q.subject, q.predicate, q.object) for q in shape_quads)
        try:  # refused shapes stop validate(), not the counts the reference engine uses
            self.constraints, self.refused = constraints(shapes), None
        except DiplographError as refused:
            self.constraints, self.refused = [], refused
        sparql = {q.object for q in shapes.quads_for_pattern(None, SH_SPARQL, None)}
        core = (
            t
            for t in (q.triple for q in shapes)
            if t.predicate != SH_SPARQL and t.subject not in sparql
        )
        self.core = shacl.Shapes.from_text(
            nquads(ox.Quad(t.subject, t.predicate, t.object) for t in core).decode(),
            format="nquads",
        )
        targeted = {
            q.subject
            for predicate in TARGET_PREDICATES
            for q in shapes.quads_for_pattern(None, ox.NamedNode(predicate), None)
            if isinstance(q.subject, ox.NamedNode | ox.BlankNode)
        }
        self.targets = [targets_of(shapes, shape) for shape in sorted(targeted, key=str)]
        node_shape = ox.NamedNode(f"{SH}NodeShape")
        self.node_shapes = len(set(shapes.quads_for_pattern(None, None, node_shape)))

    def validate(self, data: bytes) -> tuple[list[Result], set[str]]:
        """The results on the N-Quads ``data``, and the focus nodes the targets reach.

        The data graph is the union of ``data``'s graphs (each triple once).
        """
        store = data_store(data)
        return self._results(data.decode(), store), self.focus_nodes(store)

    def results(self, text: str, quads: Iterable[ox.Quad]) -> list[Result]:
        """The results on one data graph given twice, as the N-Quads ``text`` and as the same
        ``quads``: no focus nodes counted, no N-Quads parsed into the store (what a caller that
        holds the quads already, such as ingest's validation of each batch, saves)."""
        store = ox.Store()
        store.extend(quads)
        return self._results(text, store)

    def _results(self, text: str, store: ox.Store) -> list[Result]:
        """The results of the core shapes on ``text`` and of the SPARQL constraints on ``store``
        (the same data graph)."""
        if self.refused is not None:
            raise self.refused
        report = self.core.validate_text(text, format="nquads")
        results = [self._result(r) for r in report.results]
        for constraint in self.constraints:
            results += constraint.run(store)
        return results

    def focus_nodes(self, store: ox.Store) -> set[str]:
        """The focus nodes of every shape with targets (as :class:`Result` shows a node)."""
        union = Targets(
            classes=tuple(c for t in self.targets for c in t.classes),
            nodes=tuple(n for t in self.targets for n in t.nodes),
            subjects_of=tuple(p for t in self.targets for p in t.subjects_of),
            objects_of=tuple(p for t in self.targets for p in t.objects_of),
        )
        solutions = store.query(focus_query(union), use_default_graph_as_union=True)
        assert isinstance(solutions, ox.QuerySolutions)
        return {term_text(row["this"]) for row in solutions}

    def _result(self, r: shacl.Result) -> Result:
        value = None if r.value is None else _term(r.value)
        messages = sorted(r.messages)
        return Result(
            focus=_term(r.focus_node),
            path=None if r.path is None else _term(r.path),
            component=r.component_iri,
            shape=_term(r.root_shape or r.source_shape or ""),
            message=messages[0] if messages else generic_message(r.component_iri, value),
            severity=r.severity_iri,
            value=value,
        )


def _term(text: str) -> str:
    """An N-Triples term as :class:`Result` shows it: an IRI bare, a blank node ``[]``."""
    if text.startswith("<") and text.endswith(">"):
        return text[1:-1]
    return "[]" if text.startswith("_:") else text
