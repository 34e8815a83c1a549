"""Load throughput, in triples per second: the embedded Oxigraph store and Virtuoso Open Source 7,
for the seed dataset and a synthetic corpus of 1M triples (1,000 article graphs of 1,000 triples),
and the time to verify the load by content (every graph read back and compared with the dump).

Run on demand: ``python benchmarks/load.py`` (after ``diplograph build``; Virtuoso from Debian's
virtuoso-opensource, started here on 127.0.0.1 with its own database). Prints a table.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox
from rich.console import Console
from rich.table import Table

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from diplograph import remote, store  # noqa: E402
from diplograph.contents import check_contents  # noqa: E402
from diplograph.project import Project  # noqa: E402
from diplograph.vocab import DIP, GRAPH, ID  # noqa: E402
from virtuoso import PASSWORD, USER, Virtuoso, missing  # noqa: E402


def synthetic(graphs: int = 1_000, per_graph: int = 1_000) -> store.Graphs:
    """Article-like graphs: typed nodes with English labels, dates and integer offsets."""
    xsd = "http://www.w3.org/2001/XMLSchema#"
    label, date, start = (ox.NamedNode(DIP + name) for name in ("label", "date", "start"))
    kind = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    corpus: store.Graphs = {}
    for g in range(graphs):
        triples = []
        for n in range(per_graph // 4):
            node = ox.NamedNode(f"{ID}bench-{g}/node-{n}")
            triples += [
                ox.Triple(node, kind, ox.NamedNode(DIP + "Meeting")),
                ox.Triple(node, label, ox.Literal(f"meeting {g}-{n}", language="en")),
                ox.Triple(
                    node, date, ox.Literal("2023-06-19", datatype=ox.NamedNode(xsd + "date"))
                ),
                ox.Triple(node, start, ox.Literal(str(n), datatype=ox.NamedNode(xsd + "integer"))),
            ]
        corpus[f"{GRAPH}bench-{g:04}"] = triples
    return corpus


def timed(load: Callable[..., object], *args: object) -> float:
    started = time.monotonic()
    load(*args)
    return time.monotonic() - started


def verify_embedded(embedded: ox.Store, graphs: store.Graphs) -> None:
    check_contents("store", graphs, store.read_back(embedded))


def main() -> None:
    seed = store.read_graphs(Project.find(ROOT).dump)
    corpora = {"seed dataset": seed, "synthetic 1M": synthetic()}
    table = Table(
        "corpus", "target", "triples", "graphs", "load s", "triples/s", "verify by content s"
    )
    folder = Path(tempfile.mkdtemp(prefix="diplograph-bench-"))
    server = None
    if missing() is None:
        server = Virtuoso(folder / "virtuoso")
        server.start()
    try:
        for name, graphs in corpora.items():
            total = sum(len(triples) for triples in graphs.values())
            embedded = store.open_store(folder / f"store-{len(graphs)}")
            seconds = timed(store.load, embedded, graphs)
            check = timed(verify_embedded, embedded, graphs)
            row = [name, "Oxigraph (embedded)", f"{total:,}", f"{len(graphs):,}"]
            table.add_row(*row, f"{seconds:.2f}", f"{total / seconds:,.0f}", f"{check:.2f}")
            if server is not None:
                os.environ["DIPLOGRAPH_USER"], os.environ["DIPLOGRAPH_PASSWORD"] = USER, PASSWORD
                target = remote.Server(server.sparql, server.graph_store, server.sparql_auth)
                seconds = timed(remote.load, target, graphs)
                check = timed(remote.verify, target, graphs)
                row = [name, "Virtuoso 7 (Graph Store)", f"{total:,}", f"{len(graphs):,}"]
                table.add_row(*row, f"{seconds:.2f}", f"{total / seconds:,.0f}", f"{check:.2f}")
                remote.load(target, {})  # drop the graphs again
    finally:
        if server is not None:
            server.stop()
    Console().print(table)
    if server is None:
        print(f"Virtuoso skipped: {missing()}")


if __name__ == "__main__":
    main()
