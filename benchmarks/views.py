"""Benchmark of the site's pictures: the views' JSON (timeline, network) and their pages, on the
seed and on the 228 extracted State Department readouts.

Run on demand (not part of the test suite):  python benchmarks/views.py
"""

from __future__ import annotations

import json
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox
from rich.console import Console
from rich.table import Table

from diplograph.extract.corpus import read_jsonl
from diplograph.extract.run import extract_articles
from diplograph.project import Project
from diplograph.publish.site import Site, yasgui_assets
from diplograph.rdfio import load_store

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "data" / "corpus" / "state-department-readouts.jsonl"


def measure(name: str, store: ox.Store, project: Project, table: Table) -> None:
    started = time.perf_counter()
    site = Site(store, project.query_folders(), yasgui_assets(ROOT))
    timeline = site.document("views/timeline.json")
    network = site.document("views/network.json")
    data_seconds = time.perf_counter() - started
    assert timeline is not None and network is not None
    started = time.perf_counter()
    for path in ("timeline.html", "network.html"):
        site.document(path)
    views = site.views
    table.add_row(
        name,
        str(len(views.interactions)),
        str(len(views.actors)),
        str(len(json.loads(network.body)["edges"])),
        f"{len(timeline.body):,}",
        f"{len(network.body):,}",
        f"{data_seconds:.2f}",
        f"{time.perf_counter() - started:.3f}",
    )


def main() -> None:
    project = Project(ROOT)
    table = Table(title="views: JSON data and pages")
    for column in (
        "dataset",
        "interactions",
        "actors",
        "edges",
        "timeline.json bytes",
        "network.json bytes",
        "Site + JSON s",
        "pages s",
    ):
        table.add_column(column, justify="left" if column == "dataset" else "right")
    measure("seed", load_store([project.dump]), project, table)
    with tempfile.TemporaryDirectory() as folder:
        result = extract_articles(project, read_jsonl(CORPUS))
        output = Path(folder) / "readouts.nq"
        output.write_bytes(ox.serialize(result.quads, format=ox.RdfFormat.N_QUADS) or b"")
        store = load_store([*project.vocabulary(), output])
        measure("228 readouts, extracted", store, project, table)
    Console(width=130).print(table)


if __name__ == "__main__":
    main()
