"""Benchmark of ``diplograph export``: each table's query and each output format, on the seed and
on the 228 extracted State Department readouts (or any extracted corpus given as N-Quads).

Run on demand (not part of the test suite):  python benchmarks/export.py [FILE.nq ...]
Without files it extracts data/corpus/state-department-readouts.jsonl first.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

from diplograph.dataset import Dataset
from diplograph.export.write import FORMATS, export
from diplograph.extract.corpus import read_jsonl
from diplograph.extract.run import extract_articles, serialize
from diplograph.project import Project

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "data" / "corpus" / "state-department-readouts.jsonl"


def measure(dataset: Dataset, folder: Path) -> dict[str, tuple[int, float]]:
    """Rows and seconds of each table's query, then files and seconds of each format."""
    found = {}
    for name, table in dataset.tables().items():
        start = time.perf_counter()
        rows = table.rows(dataset.store)
        found[f"query {name}"] = (len(rows), time.perf_counter() - start)
    for output_format in FORMATS:
        start = time.perf_counter()
        done = export(dataset, folder / output_format, output_format)
        found[f"export --format {output_format}"] = (len(done.files), time.perf_counter() - start)
    return found


def main(files: list[Path]) -> None:
    project = Project(ROOT)
    with tempfile.TemporaryDirectory() as folder:
        if not files:
            result = extract_articles(project, list(read_jsonl(CORPUS)))
            files = [Path(folder) / "readouts.nq"]
            files[0].write_bytes(serialize(result.quads, "nquads"))
        datasets = {"seed article": Dataset.for_project(project, tuple(project.articles))}
        datasets.update({path.name: Dataset.for_project(project, (path,)) for path in files})
        results = {
            label: measure(dataset, Path(folder) / str(number))
            for number, (label, dataset) in enumerate(datasets.items())
        }
    table = Table(title="diplograph export: rows of each query, files of each format, seconds")
    table.add_column("step")
    for label in results:
        table.add_column(f"{label}: rows or files", justify="right")
        table.add_column("s", justify="right")
    for step in next(iter(results.values())):
        cells = [cell for r in results.values() for cell in (str(r[step][0]), f"{r[step][1]:.3f}")]
        table.add_row(step, *cells)
    Console(width=120).print(table)


if __name__ == "__main__":
    main([Path(arg) for arg in sys.argv[1:]])
