"""Benchmark of the stored queries: each one's time on a given store, before and after a rewrite.

STORE is a persistent store folder (made by ``diplograph ingest`` or ``diplograph load``) or an
N-Quads file (such as the built dump ``dist/diplograph.nq``), loaded into memory first. Every
query of ``queries/`` and ``queries/export/`` runs over the union of the named graphs, as
``diplograph query`` runs it. Given ``--before FOLDER`` (a copy of ``queries/`` from before a
rewrite, with its ``export/``), each query also runs from there, and the table says whether the
two answers hold the same rows (sorted, compared in full). Given ``--actor``, ``--since`` or
``--until``, each query runs as ``diplograph query`` runs it with those options: on the articles
they select, copied into an in-memory store first (that copy is part of each query's time); with
``--limit``/``--offset``, only that page of rows.

Run on demand (not part of the test suite):
    python benchmarks/queries.py /tmp/q1/store --before /tmp/q1/before
    python benchmarks/queries.py dist/diplograph.nq --before /tmp/q1/before
    python benchmarks/queries.py /tmp/st100k --actor id:wendy-sherman --since 2023-01-01 \
        --until 2023-03-31 --limit 100
"""

from __future__ import annotations

import argparse
import datetime as dt
import time
from pathlib import Path

import pyoxigraph as ox

from diplograph.query import StoredQuery, run, stored_queries
from diplograph.scope import Scope, article_graphs, scoped_store

HERE = Path(__file__).resolve().parent.parent / "queries"

Row = tuple[str, ...]


def open_any(path: Path) -> ox.Store:
    """A read-only store folder, or an N-Quads file loaded into an in-memory store."""
    if path.is_dir():
        return ox.Store.read_only(str(path))
    store = ox.Store()
    store.bulk_load(path=str(path), format=ox.RdfFormat.N_QUADS)
    return store


def folder_queries(folder: Path) -> dict[str, StoredQuery]:
    """The stored queries of ``folder`` and of its ``export/``, the latter named ``export/NAME``."""
    found = dict(stored_queries(folder))
    if (folder / "export").is_dir():
        for name, query in stored_queries(folder / "export").items():
            found[f"export/{name}"] = query
    return found


def timed(
    store: ox.Store,
    query: StoredQuery,
    repeat: int,
    scope: Scope | None = None,
    page: tuple[int | None, int] = (None, 0),
) -> tuple[float, float, list[Row]]:
    """The least seconds, over ``repeat`` runs, to run ``query`` on ``scope`` (copying the articles
    it selects included) and read the rows of ``page`` (limit, offset); the CPU seconds of this
    process in that run (on a shared machine, what the run would take on an idle core: Oxigraph
    evaluates a query on one thread); the rows, sorted."""
    best, cpu = float("inf"), 0.0
    rows: list[Row] = []
    for _ in range(repeat):
        started, cpu_started = time.perf_counter(), time.process_time()
        solutions = run(scoped_store(store, scope) if scope else store, query, *page)
        names = [variable.value for variable in solutions.variables]
        rows = [tuple(str(solution[name]) for name in names) for solution in solutions]
        if time.perf_counter() - started < best:
            best, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    return best, cpu, sorted(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("store", type=Path, help="a store folder or an N-Quads file")
    parser.add_argument(
        "--queries", type=Path, default=HERE, help="the queries (default: queries/)"
    )
    parser.add_argument("--before", type=Path, help="the queries before a rewrite, to compare")
    parser.add_argument("--only", nargs="*", default=None, help="only these queries")
    parser.add_argument("--repeat", type=int, default=1, help="best of this many runs")
    parser.add_argument("--actor", action="append", default=[], help="as diplograph query's")
    parser.add_argument("--since", type=dt.date.fromisoformat, help="as diplograph query's")
    parser.add_argument("--until", type=dt.date.fromisoformat, help="as diplograph query's")
    parser.add_argument("--limit", type=int, help="as diplograph query's")
    parser.add_argument("--offset", type=int, default=0, help="as diplograph query's")
    options = parser.parse_args()
    scope = Scope(tuple(options.actor), options.since, options.until)
    page = (options.limit, options.offset)
    store = open_any(options.store)
    after = folder_queries(options.queries)
    before = folder_queries(options.before) if options.before else {}
    print(f"{options.store}: {len(store):,} quads")
    if scope:
        selected = len(article_graphs(store, scope))
        print(f"{scope}: {selected:,} articles")
    header = ["query", "rows", "s", "cpu s"] + (["before s", "same rows"] if before else [])
    print("| " + " | ".join(header) + " |")
    print("|" + " --- |" * len(header))
    for name, query in after.items():
        if options.only is not None and name not in options.only:
            continue
        seconds, cpu, rows = timed(store, query, options.repeat, scope, page)
        cells = [name, f"{len(rows):,}", f"{seconds:.2f}", f"{cpu:.2f}"]
        if name in before:
            old_seconds, _, old_rows = timed(store, before[name], options.repeat, scope, page)
            cells += [f"{old_seconds:.2f}", "yes" if rows == old_rows else "NO"]
        print("| " + " | ".join(cells) + " |", flush=True)


if __name__ == "__main__":
    main()
