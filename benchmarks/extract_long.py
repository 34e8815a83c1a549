"""Extraction time against the length of one article, for three shapes of synthetic text: a single
sentence without an end, one line of many sentences, and many paragraphs. Extraction is linear when
the time per character stays flat as the text grows (issue 13, "bounded time").

Run on demand (not part of the test suite):  python benchmarks/extract_long.py [CHARACTERS ...]
"""

from __future__ import annotations

import datetime as dt
import sys
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

from diplograph.extract.corpus import Article
from diplograph.extract.run import extract_articles
from diplograph.project import Project

ROOT = Path(__file__).resolve().parents[1]
SHAPES = {
    "one sentence": "Minister Ana Varga of Ruritania met with Foreign Minister Ivo Brandt of "
    "Borduria and urged Syldavia to free the detained sailors, welcomed progress on trade, ",
    "one line": "Minister Ana Varga of Ruritania met with Foreign Minister Ivo Brandt of Borduria "
    "today. The two ministers reaffirmed their support for Ukraine. ",
    "paragraphs": "Minister Ana Varga of Ruritania met with Foreign Minister Ivo Brandt of "
    "Borduria today. The two ministers reaffirmed their support for Ukraine.\n\n",
}


def main(sizes: list[int]) -> None:
    project = Project.find(ROOT)
    table = Table(title="extraction time by article length (one article, one registry)")
    for column in ("shape", "characters", "seconds", "µs per character", "quads"):
        table.add_column(column, justify="left" if column == "shape" else "right")
    for shape, unit in SHAPES.items():
        for size in sizes:
            text = (unit * (size // len(unit) + 1))[:size]
            article = Article("long", text, dt.date(2022, 6, 24), "U.S. Department of State")
            start = time.perf_counter()
            result = extract_articles(project, [article])
            seconds = time.perf_counter() - start
            assert not result.summary.failed, result.summary.failed
            table.add_row(
                shape,
                f"{size:,}",
                f"{seconds:.2f}",
                f"{seconds / size * 1e6:.1f}",
                f"{len(result.quads):,}",
            )
    Console().print(table)


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [10_000, 40_000, 160_000, 480_000])
