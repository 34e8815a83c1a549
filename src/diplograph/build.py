"""Compile the project's sources into ``dist/``: canonical N-Quads of every graph, Turtle per graph.

Before anything is written, every ``ontology/checks/*-violation.rq`` query runs over the compiled
dataset; a check that returns a row fails the build and ``dist/`` is left as it was.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from diplograph.errors import DiplographError
from diplograph.project import Project
from diplograph.provenance import derivations
from diplograph.rdfio import canonical_nquads, canonical_turtle, read_quads


@dataclass(frozen=True)
class Violation:
    """One row returned by a ``*-violation.rq`` check."""

    check: str
    row: dict[str, str]

    def __str__(self) -> str:
        cells = ", ".join(f"{name}={value}" for name, value in self.row.items())
        return f"{self.check}: {cells}"


class ChecksFailed(DiplographError):
    """The compiled dataset failed one or more violation checks."""

    def __init__(self, violations: list[Violation]) -> None:
        super().__init__(f"{len(violations)} violation(s) of the dataset checks")
        self.violations = violations


@dataclass(frozen=True)
class BuildReport:
    """What a build wrote: triples per named graph, and the files."""

    triples: dict[str, int]
    files: list[Path]


def compile_quads(project: Project) -> list[ox.Quad]:
    """Every quad of every source file, in build order, with the PROV derivations of records."""
    quads = [quad for path in project.sources() for quad in read_quads(path)]
    return [*quads, *derivations(quads)]


def run_checks(checks: list[Path], store: ox.Store) -> list[Violation]:
    """The rows every violation check returns on the store (none when the data is sound)."""
    violations = []
    for check in checks:
        solutions = store.query(check.read_text(encoding="utf-8"), use_default_graph_as_union=True)
        assert isinstance(solutions, ox.QuerySolutions), f"{check} must be a SELECT query"
        names = [variable.value for variable in solutions.variables]
        for solution in solutions:
            row = {name: str(solution[name]) for name in names if solution[name] is not None}
            violations.append(Violation(check.stem, row))
    return violations


def build(project: Project) -> BuildReport:
    """Compile, check and write ``dist/``; raise :class:`ChecksFailed` when a check fails."""
    quads = compile_quads(project)
    store = ox.Store()
    store.extend(quads)
    violations = run_checks(project.checks, store)
    if violations:
        raise ChecksFailed(violations)
    by_graph: dict[str, set[ox.Quad]] = {}
    for quad in quads:
        assert isinstance(quad.graph_name, ox.NamedNode)
        by_graph.setdefault(quad.graph_name.value, set()).add(quad)
    staging = Path(tempfile.mkdtemp(prefix=".dist-", dir=project.root))
    try:
        (staging / project.dump.name).write_bytes(canonical_nquads(quads))
        (staging / "graphs").mkdir()
        for graph, graph_quads in by_graph.items():
            name = graph.rsplit("/", 1)[-1]
            (staging / "graphs" / f"{name}.ttl").write_bytes(canonical_turtle(graph_quads))
        if project.dist.exists():
            shutil.rmtree(project.dist)
        staging.rename(project.dist)
    finally:
        if staging.exists():
            shutil.rmtree(staging)
    files = sorted(path for path in project.dist.rglob("*") if path.is_file())
    return BuildReport({graph: len(by_graph[graph]) for graph in sorted(by_graph)}, files)
