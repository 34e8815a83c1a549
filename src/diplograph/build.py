"""Compile the project's sources into ``dist/``: canonical N-Quads of every graph, Turtle per graph.

Before ``dist/`` changes, the compiled dataset must pass three gates, and ``dist/`` is left as it
was when one fails: no source holds an ill-typed literal (``"sixteen"^^xsd:integer``: an error
naming the file and line); every ``ontology/checks/*-violation.rq`` query returns no row
(:class:`ChecksFailed`); and the written dump conforms to the SHACL shapes
(:class:`ShapesViolated`).

The files are written into a staging folder ``.dist-staging-<pid>-<token>`` beside ``dist/``,
validated there, then swapped in by renames: a build killed at any moment leaves the old
``dist/`` or the new one, and a staging folder whose process is gone, which the next build
removes. New files and folders get the user's umask.
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from diplograph.errors import DiplographError
from diplograph.files import os_error
from diplograph.fusion import fuse
from diplograph.project import Project
from diplograph.provenance import derivations
from diplograph.rdfio import canonical_nquads, canonical_turtle, check_literals, read_quads
from diplograph.validate import Result, validate

STAGING = ".dist-staging-"
_STAGED = re.compile(r"^\.dist-staging-(\d+)-[0-9a-f]+(-old)?$")


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


class ShapesViolated(DiplographError):
    """The compiled dataset does not conform to the SHACL shapes."""

    def __init__(self, results: list[Result]) -> None:
        super().__init__(f"{len(results)} violation(s) of the SHACL shapes")
        self.results = results


@dataclass(frozen=True)
class BuildReport:
    """What a build wrote: triples per named graph, and the files."""

    triples: dict[str, int]
    files: list[Path]


def compile_quads(project: Project) -> list[ox.Quad]:
    """Every quad of every source file, in build order, the accounts of one interaction fused
    (:mod:`diplograph.fusion`), with the PROV derivations of records."""
    quads = [quad for path in project.sources() for quad in check_literals(path, read_quads(path))]
    quads = fuse(quads)  # articles meet: one event for the accounts of one interaction
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


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True


def remove_stale_staging(root: Path) -> list[Path]:
    """Remove the staging folders of builds whose process is gone; return them.

    >>> import tempfile
    >>> root = Path(tempfile.mkdtemp())
    >>> (root / ".dist-staging-999999999-00ff").mkdir()
    >>> (root / f".dist-staging-{os.getpid()}-00ff").mkdir()
    >>> [path.name for path in remove_stale_staging(root)]
    ['.dist-staging-999999999-00ff']
    """
    stale = []
    for path in sorted(root.glob(STAGING + "*")):
        owner = _STAGED.match(path.name)
        if owner is not None and path.is_dir() and not _alive(int(owner.group(1))):
            shutil.rmtree(path, ignore_errors=True)
            stale.append(path)
    return stale


def _staging(root: Path) -> Path:
    path = root / f"{STAGING}{os.getpid()}-{secrets.token_hex(4)}"
    try:
        path.mkdir(mode=0o777)  # less the umask, unlike tempfile.mkdtemp's 0700
    except OSError as error:
        raise os_error(root, error, "cannot make the staging folder") from None
    return path


def _write(
    staging: Path, dump: str, quads: list[ox.Quad], by_graph: dict[str, set[ox.Quad]]
) -> None:
    (staging / dump).write_bytes(canonical_nquads(quads))
    (staging / "graphs").mkdir(mode=0o777)
    for graph, graph_quads in by_graph.items():
        name = graph.rsplit("/", 1)[-1]
        (staging / "graphs" / f"{name}.ttl").write_bytes(canonical_turtle(graph_quads))


def _swap(staging: Path, dist: Path) -> None:
    """Put ``staging`` in the place of ``dist`` by renames (the old one goes last)."""
    old = staging.with_name(staging.name + "-old")
    if dist.exists():
        dist.rename(old)
    staging.rename(dist)
    if old.exists():
        shutil.rmtree(old)


def build(project: Project) -> BuildReport:
    """Compile, check, validate and write ``dist/``.

    Raises :class:`ChecksFailed` or :class:`ShapesViolated` (``dist/`` unchanged), or a
    :class:`DiplographError` naming the file or folder at fault.
    """
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
    remove_stale_staging(project.root)
    staging = _staging(project.root)
    try:
        _write(staging, project.dump.name, quads, by_graph)
        # the engine of `diplograph validate`, tested against pySHACL (test_validate_engines.py)
        validation = validate(project, [staging / project.dump.name], engine="fast")
        if not validation.conforms:
            raise ShapesViolated(validation.results)
        _swap(staging, project.dist)
    except OSError as error:
        raise os_error(error.filename or project.dist, error) from None
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    files = sorted(path for path in project.dist.rglob("*") if path.is_file())
    return BuildReport({graph: len(by_graph[graph]) for graph in sorted(by_graph)}, files)
