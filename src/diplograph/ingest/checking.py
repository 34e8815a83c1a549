"""Validating article graphs with the project's shapes, ontology, code lists and actors.

The results are those of :func:`diplograph.validate.validate`, the function behind ``diplograph
validate``, with its engines: ``fast`` (results identical to pySHACL's) or ``pyshacl``, the
reference. Each article's data graph is the article with the new actors it mints, plus the shared
graphs (ontology, code lists, registry). A :class:`Checker` reads the shared graphs and compiles
the shapes once (a worker keeps it for every batch it is given), where ``validate`` does both on
every call.

A batch of articles is first validated as one data graph, which costs the shared graphs once
instead of once per article; when the batch conforms, so does each of its articles (each carries
everything its own nodes need: its text, its evidence, the actors it mints). When it does not,
each half is validated the same way, down to the articles alone: a batch of 128 with one bad
article costs 15 validations instead of 129, and each article kept out gets exactly the
violations ``diplograph validate`` reports for it, from a validation of that article alone.

>>> from diplograph.project import Project
>>> from diplograph.vocab import GRAPH
>>> checker = Checker(Project.find(None))
>>> node, kind = ox.NamedNode("https://w3id.org/diplograph/id/x/call"), ox.NamedNode(
...     "https://w3id.org/diplograph/ontology#Call")
>>> rdf_type = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
>>> bad = Graph.of([ox.Quad(node, rdf_type, kind, ox.NamedNode(GRAPH + "x"))])
>>> verdicts = checker.check([Graph.of([]), bad, Graph.of([])])
>>> [len(found) for found in verdicts]
[0, 5, 0]
>>> print(verdicts[1][0])
id:x/call rdfs:label: needs exactly one English rdfs:label [sh:MinCountConstraintComponent]
"""

from __future__ import annotations

import itertools
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from diplograph.project import Project
from diplograph.rdfio import canonical_nquads, read_quads
from diplograph.validate import Engine, validate
from diplograph.validation.fast import FastEngine, nquads
from diplograph.validation.report import sort_results


@dataclass(frozen=True)
class Graph:
    """An article's data graph: its quads, and the same quads as N-Quads (in any order; ingest
    has them serialized already, for the store)."""

    quads: Sequence[ox.Quad]
    text: bytes

    @classmethod
    def of(cls, quads: Sequence[ox.Quad]) -> Graph:
        return cls(quads, nquads(quads))


class Checker:
    """SHACL validation of article graphs against one project's model."""

    def __init__(self, project: Project, engine: Engine = "fast") -> None:
        self.project = project
        self.engine = engine
        self.fast: FastEngine | None = None
        self.shared: list[ox.Quad] = []
        self.shared_text = ""
        if engine == "fast":
            shapes = [quad for path in project.shape_files() for quad in read_quads(path)]
            self.fast = FastEngine(shapes)
            self.shared = [quad for path in project.vocabulary() for quad in read_quads(path)]
            self.shared_text = nquads(self.shared).decode()

    def violations(self, graphs: Sequence[Graph]) -> list[str]:
        """The violations of the union of ``graphs`` with the shared graphs, in report order."""
        if self.fast is None:
            return self._reference(graphs)
        text = self.shared_text + b"".join(graph.text for graph in graphs).decode()
        quads = itertools.chain(self.shared, *(graph.quads for graph in graphs))
        return [str(r) for r in sort_results(self.fast.results(text, quads))]

    def _reference(self, graphs: Sequence[Graph]) -> list[str]:
        """The violations as ``diplograph validate --engine pyshacl`` finds them in a file."""
        with tempfile.TemporaryDirectory(prefix="diplograph-check-") as scratch:
            path = Path(scratch) / "articles.nq"
            path.write_bytes(canonical_nquads(quad for graph in graphs for quad in graph.quads))
            return [str(r) for r in validate(self.project, [path], self.engine).results]

    def check(self, graphs: Sequence[Graph]) -> list[list[str]]:
        """The violations of each graph (all empty when the batch conforms)."""
        verdicts: list[list[str]] = [[] for _ in graphs]

        def visit(start: int, end: int) -> None:
            if end - start == 1:
                verdicts[start] = self.violations([graphs[start]])
            elif self.violations(graphs[start:end]):
                middle = (start + end) // 2
                visit(start, middle)
                visit(middle, end)

        if graphs:
            visit(0, len(graphs))
        return verdicts
