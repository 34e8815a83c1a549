"""CPU per article of each stage of `diplograph ingest`, measured in one process.

    python benchmarks/ingest_cpu.py CORPUS.jsonl [--articles 512] [--batch 64]

CPU seconds (``time.process_time``: every thread of the process, Oxigraph's included), not wall
seconds, so that a machine shared with other work still gives comparable figures; the budget of the
scale issue is about 12 ms of CPU per article in all (100,000 articles in 10 minutes on 2 cores).
Each stage runs on the first ``--articles`` articles of the corpus, the way a worker or the main
process runs it: extraction (a fresh registry per article), validation of batches of ``--batch``
(as before: :func:`diplograph.validate.validate` on a file of each batch, the shared graphs read
and the shapes compiled on every call; now: a :class:`~diplograph.ingest.checking.Checker` built
once), the canonical N-Quads of each graph, the bulk load of the graphs into a new store on disk
(``FLUSH_TRIPLES`` a call) and the main process's reading, hashing and ledger.
"""

from __future__ import annotations

import argparse
import itertools
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pyoxigraph as ox
from rich.console import Console
from rich.table import Table

from diplograph.extract.graph import actor_quads
from diplograph.ingest.checking import Checker, Graph
from diplograph.ingest.ledger import Ledger
from diplograph.ingest.pipeline import FLUSH_TRIPLES
from diplograph.ingest.reading import content_key, stream
from diplograph.ingest.work import Context, Outcome, extract
from diplograph.project import Project
from diplograph.rdfio import canonical_nquads
from diplograph.validate import validate
from diplograph.validation.fast import nquads

T = TypeVar("T")


def cpu(work: Callable[[], T]) -> tuple[float, T]:
    started = time.process_time()
    result = work()
    return time.process_time() - started, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--articles", type=int, default=512)
    parser.add_argument("--batch", type=int, default=64)
    options = parser.parse_args()
    project = Project.find(None)
    articles = list(itertools.islice(stream(options.corpus), options.articles))
    n = len(articles)
    rows: list[tuple[str, float, str]] = []

    seconds, context = cpu(lambda: Context.build(project))
    rows.append(("worker context (once per process)", seconds * 1000, "ms in all"))
    seconds, extracted = cpu(lambda: [extract(context, article) for article in articles])
    rows.append(("extract", seconds * 1000 / n, ""))
    graphs = [[*quads, *actor_quads(minted)] for quads, minted in extracted]
    batches = [graphs[i : i + options.batch] for i in range(0, n, options.batch)]

    with tempfile.TemporaryDirectory(prefix="diplograph-ingest-cpu-") as folder:
        scratch = Path(folder)

        def before() -> None:
            for index, batch in enumerate(batches):
                path = scratch / f"batch-{index}.nq"
                path.write_bytes(canonical_nquads(q for graph in batch for q in graph))
                validate(project, [path], "fast")

        seconds, _ = cpu(before)
        rows.append(("validate, before (validate() per batch)", seconds * 1000 / n, ""))
        seconds, checker = cpu(lambda: Checker(project))
        rows.append(("checker (once per process)", seconds * 1000, "ms in all"))
        texts = [canonical_nquads(quads) for quads, _ in extracted]
        prepared = [
            Graph(graph, text + nquads(actor_quads(minted)))
            for graph, text, (_, minted) in zip(graphs, texts, extracted, strict=True)
        ]
        checked = [prepared[i : i + options.batch] for i in range(0, n, options.batch)]
        seconds, verdicts = cpu(lambda: [checker.check(batch) for batch in checked])
        rejected = sum(1 for batch in verdicts for found in batch if found)
        rows.append(("validate, now (Checker.check per batch)", seconds * 1000 / n, ""))
        seconds, _ = cpu(lambda: [canonical_nquads(quads) for quads, _ in extracted])
        rows.append(("canonical N-Quads (rdfio.canonical_nquads)", seconds * 1000 / n, ""))

        store = ox.Store(str(scratch / "store"))
        triples = sum(len(quads) for quads, _ in extracted)
        per_call = max(1, FLUSH_TRIPLES * n // max(triples, 1))

        def load() -> None:
            for i in range(0, n, per_call):
                data = b"".join(texts[i : i + per_call])
                store.bulk_load(data, ox.RdfFormat.N_QUADS, lenient=True)
            store.flush()

        seconds, _ = cpu(load)
        speed = f"{triples / seconds:,.0f} triples per CPU second, {triples / n:.0f} per article"
        rows.append(("bulk load (writer thread)", seconds * 1000 / n, speed))

        ledger = Ledger(scratch / "ledger.sqlite")
        outcomes = [
            Outcome(a.id, content_key(a, "v"), b"", len(quads), ())
            for a, (quads, _) in zip(articles, extracted, strict=True)
        ]

        def bookkeeping() -> None:
            read = list(itertools.islice(stream(options.corpus), n))
            for i in range(0, n, 500):
                ledger.entries([article.id for article in read[i : i + 500]])
            for article in read:
                content_key(article, "v")
            ledger.record(outcomes)

        seconds, _ = cpu(bookkeeping)
        rows.append(("main: read, hash, ledger", seconds * 1000 / n, ""))
        ledger.close()

    table = Table("stage", "CPU ms per article", "")
    for name, value, note in rows:
        table.add_row(name, f"{value:.2f}", note)
    console = Console(width=120)
    console.print(
        f"{n} articles of {options.corpus}, batches of {options.batch}; {rejected} rejected"
    )
    console.print(table)


if __name__ == "__main__":
    main()
