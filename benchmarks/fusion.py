"""Benchmark of fusion (diplograph.fusion): its time on the State Department corpus, and what it
fuses when every readout is reported a second time, by another publisher under another id.

Run on demand (not part of the test suite):  python benchmarks/fusion.py
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

import pyoxigraph as ox
from rich.console import Console
from rich.table import Table

from diplograph.extract import run as extraction
from diplograph.extract.corpus import Article, read_jsonl
from diplograph.fusion import accounts, clusters, fuse
from diplograph.project import Project

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "data" / "corpus" / "state-department-readouts.jsonl"


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def unfused(articles: list[Article]) -> list[ox.Quad]:
    """The quads of the extracted articles before fusion (the run's fusion step bypassed)."""
    original = extraction.fuse
    extraction.fuse = lambda quads: list(quads)
    try:
        return extraction.extract_articles(Project(ROOT), articles).quads
    finally:
        extraction.fuse = original


def main() -> None:
    readouts = read_jsonl(CORPUS)
    twice = readouts + [
        dataclasses.replace(a, id=f"{a.id}-copy", publisher="Copy Desk") for a in readouts
    ]
    table = Table(
        "corpus", "articles", "quads", "interactions", "events fused", "fuse (s, best of 3)"
    )
    for name, articles in (("readouts", readouts), ("readouts, each reported twice", twice)):
        quads = unfused(articles)
        seconds = min(timed(partial(fuse, quads)) for _ in range(3))  # the CPU is shared
        found = accounts(quads)
        groups = clusters(found)
        table.add_row(
            name,
            str(len(articles)),
            f"{len(quads):,}",
            str(len(found)),
            str(len(groups)),
            f"{seconds:.2f}",
        )
    Console().print(table)


if __name__ == "__main__":
    main()
