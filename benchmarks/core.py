"""Benchmark of the core pipeline: build, validate and every stored query, on the seed dataset and
on synthetic datasets made of N renamed copies of the seed article graph.

Run on demand (not part of the test suite):  python benchmarks/core.py [COPIES ...]
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from rich.console import Console
from rich.table import Table

from diplograph.build import build
from diplograph.project import Project
from diplograph.query import resolve, run, stored_queries
from diplograph.rdfio import load_store
from diplograph.validate import validate

ROOT = Path(__file__).resolve().parents[1]


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def project_with_copies(folder: Path, copies: int) -> Project:
    """A project whose data/articles holds the seed article plus ``copies - 1`` renamed copies."""
    for name in ("ontology", "data", "queries"):
        shutil.copytree(ROOT / name, folder / name)
    articles = folder / "data" / "articles"
    for source in sorted(articles.glob("*.ttl")):
        text = source.read_text(encoding="utf-8")
        for n in range(1, copies):
            copy_id = f"{source.stem}-copy-{n}"
            (articles / f"{copy_id}.ttl").write_text(text.replace(source.stem, copy_id), "utf-8")
            (articles / f"{copy_id}.txt").write_bytes(source.with_suffix(".txt").read_bytes())
    return Project(folder)


def measure(count: int) -> dict[str, float]:
    """Seconds per step on a project with ``count`` articles; also its number of quads."""
    with tempfile.TemporaryDirectory() as folder:
        project = project_with_copies(Path(folder), count)
        seconds = {"build": timed(lambda: build(project))}
        seconds["quads"] = len(project.dump.read_bytes().splitlines())
        seconds["validate (pySHACL)"] = timed(lambda: validate(project, [project.dump]))
        start = time.perf_counter()
        store = load_store([project.dump])
        seconds["load in memory"] = time.perf_counter() - start
        for name in stored_queries(project.queries):
            query = resolve(project.queries, name)
            seconds[f"query {name}"] = timed(lambda query=query: list(run(store, query)))
        return seconds


def main(copies: list[int]) -> None:
    results = [measure(count) for count in copies]
    table = Table(title="diplograph core pipeline: seconds per step")
    table.add_column("step")
    for count in copies:
        table.add_column(f"{count} article(s)", justify="right")
    for step in results[0]:
        cells = [f"{r[step]:.0f}" if step == "quads" else f"{r[step]:.3f}" for r in results]
        table.add_row(step, *cells)
    Console().print(table)


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [1, 10, 30])
