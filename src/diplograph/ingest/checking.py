"""Validating article graphs with the project's shapes, ontology, code lists and actors.

Through :func:`diplograph.validate.validate`, the function behind ``diplograph validate``, with
its engines: ``fast`` (results identical to pySHACL's) or ``pyshacl``, the reference. Each
article's data graph is the article with the new actors it mints, plus the shared graphs. A batch
of articles is first validated as one data graph, which costs the shared graphs (and the shapes'
compilation) once instead of once per article; when the batch conforms, so does each of its
articles (each carries everything its own nodes need: its text, its evidence, the actors it
mints); when it does not, each article of the batch is validated alone, so its violations are
exactly the ones ``diplograph validate`` reports for that article.
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from pathlib import Path

import pyoxigraph as ox

from diplograph.project import Project
from diplograph.rdfio import canonical_nquads
from diplograph.validate import Engine, validate


class Checker:
    """SHACL validation of article graphs against one project's model."""

    def __init__(self, project: Project, engine: Engine = "fast") -> None:
        self.project = project
        self.engine = engine

    def violations(self, graphs: Sequence[Sequence[ox.Quad]]) -> list[str]:
        """The violations of the union of ``graphs`` with the shared graphs."""
        with tempfile.TemporaryDirectory(prefix="diplograph-check-") as scratch:
            path = Path(scratch) / "articles.nq"
            path.write_bytes(canonical_nquads(quad for graph in graphs for quad in graph))
            return [str(r) for r in validate(self.project, [path], self.engine).results]

    def check(self, graphs: Sequence[Sequence[ox.Quad]]) -> list[list[str]]:
        """The violations of each graph (all empty when the batch conforms)."""
        if not graphs or not self.violations(graphs):
            return [[] for _ in graphs]
        return [self.violations([graph]) for graph in graphs]
