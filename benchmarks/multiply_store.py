"""A large store for the query benchmark: an existing store's article graphs copied under new ids.

Ingesting 100,000 synthetic articles takes a long time on a shared 2-core machine; the stored
queries' cost depends on the shape and the size of the data, not on how it was made. This copies
every article graph of SOURCE (a store made by ``diplograph ingest``) COPIES times into a new store
TARGET, each copy with its article ids renamed (``synthetic-5-000001`` becomes
``synthetic-5-x01-000001`` in every IRI and literal of that graph), and the shared graphs (the
ontology, code lists, registries) once. Copy 0 is the original.

    python benchmarks/multiply_store.py /tmp/st2k /tmp/st100k --copies 50

>>> rename(b"<https://w3id.org/diplograph/id/synthetic-5-000001/demand-4-1>", b"synthetic-5-", 3)
b'<https://w3id.org/diplograph/id/synthetic-5-x03-000001/demand-4-1>'
>>> rename(b"<x> <y> <z> .", b"synthetic-5-", 0)
b'<x> <y> <z> .'
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import pyoxigraph as ox


def rename(nquads: bytes, prefix: bytes, copy: int) -> bytes:
    """The article graphs' N-Quads with every ``prefix`` marked as copy number ``copy``."""
    if copy == 0:
        return nquads
    return nquads.replace(prefix, prefix + b"x%02d-" % copy)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("source", type=Path, help="a store folder made by diplograph ingest")
    parser.add_argument("target", type=Path, help="a new store folder")
    parser.add_argument("--copies", type=int, default=50, help="how many copies (default 50)")
    parser.add_argument(
        "--prefix", default="synthetic-5-", help="what starts every copied article id"
    )
    options = parser.parse_args()
    if options.target.exists():
        parser.error(f"{options.target}: already exists")
    started = time.perf_counter()
    source = ox.Store.read_only(str(options.source))
    prefix = options.prefix.encode("utf-8")
    articles, shared = ox.Store(), ox.Store()
    for graph in source.named_graphs():
        into = articles if options.prefix in graph.value else shared
        into.extend(source.quads_for_pattern(None, None, None, graph))
    article_nquads = articles.dump(format=ox.RdfFormat.N_QUADS) or b""
    target = ox.Store(str(options.target))
    target.bulk_load(shared.dump(format=ox.RdfFormat.N_QUADS), format=ox.RdfFormat.N_QUADS)
    for copy in range(options.copies):
        target.bulk_load(rename(article_nquads, prefix, copy), format=ox.RdfFormat.N_QUADS)
        elapsed = time.perf_counter() - started
        print(f"copy {copy + 1}/{options.copies} loaded, {elapsed:.0f} s", flush=True)
    target.optimize()
    target.flush()
    print(f"{options.target}: {len(target):,} quads in {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
