"""Benchmark of full-text search and reconciliation: building the FTS5 index and the reconciliation
registry from the RDF, searching, and answering a batch of 50 reconciliation queries, on the seed
with the 228 State Department readouts and on synthetic corpora (benchmarks/make_corpus.py).

Run on demand (not part of the test suite):  python benchmarks/search.py [ARTICLES ...]
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from rich.console import Console
from rich.table import Table

from diplograph.project import Project
from diplograph.rdfio import load_store
from diplograph.reconcile import Registry, reconcile
from diplograph.search import Search, SearchIndex, files_key

ROOT = Path(__file__).resolve().parents[1]
QUERIES = [
    "sanctions",
    "Blinken",
    '"climate crisis"',
    "secur*",
    "Ukraine",
    "trade",
    "China",
    "NATO",
]
NAMES = ["Blinken", "Secretary Blinken", "Wang", "President Biden", "Lavrov", "Kuleba", "Germany"]


def timed(action: Callable[[], object]) -> tuple[float, object]:
    start = time.perf_counter()
    result = action()
    return time.perf_counter() - start, result


def extract(corpus: Path, output: Path) -> None:
    command = [sys.executable, "-m", "diplograph.cli", "extract", str(corpus), "-o", str(output)]
    subprocess.run(command, check=True, cwd=ROOT, capture_output=True)


def measure(name: str, data: list[Path], table: Table) -> None:
    paths = [*Project(ROOT).vocabulary(), *data]
    store = load_store(paths)
    build, index = timed(lambda: SearchIndex.build(store))
    assert isinstance(index, SearchIndex)
    (items,) = index.connection.execute("SELECT COUNT(*) FROM items").fetchone()
    file_hash, _ = timed(lambda: files_key(paths))
    searches = [timed(partial(index.search, Search(query, limit=20)))[0] for query in QUERIES]
    registry_build, registry = timed(lambda: Registry.from_store(store))
    assert isinstance(registry, Registry)
    batch = {f"q{i}": {"query": NAMES[i % len(NAMES)]} for i in range(50)}
    answer, _ = timed(lambda: reconcile(registry, batch))
    table.add_row(
        name,
        f"{len(store):,}",
        f"{items:,}",
        f"{build:.2f} s",
        f"{file_hash * 1000:.0f} ms",
        f"{statistics.median(searches) * 1000:.1f} ms",
        f"{len(registry.entities):,}",
        f"{registry_build:.2f} s",
        f"{answer * 1000:.0f} ms",
    )


def main(sizes: list[int]) -> None:
    table = Table(
        "dataset",
        "quads",
        "index items",
        "index build",
        "files key",
        "search (median)",
        "actors",
        "registry build",
        "50 reconciliations",
        title="search and reconciliation",
    )
    seed = ROOT / "data" / "articles" / "global-times-2023-06-19-wang-yi-blinken.ttl"
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        readouts = folder / "readouts.nq"
        extract(ROOT / "data" / "corpus" / "state-department-readouts.jsonl", readouts)
        measure("seed", [seed], table)
        measure("seed + 228 readouts", [seed, readouts], table)
        for size in sizes:
            corpus = folder / f"corpus-{size}.jsonl"
            subprocess.run(
                [
                    sys.executable,
                    "benchmarks/make_corpus.py",
                    "--articles",
                    str(size),
                    "--seed",
                    "1",
                    "-o",
                    str(corpus),
                ],
                check=True,
                cwd=ROOT,
            )
            extract(corpus, folder / f"corpus-{size}.nq")
            measure(f"seed + {size:,} synthetic", [seed, folder / f"corpus-{size}.nq"], table)
    Console().print(table)


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]])
