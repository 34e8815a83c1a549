"""CPU time of extraction per article, stage by stage, as ``diplograph ingest`` extracts: a fresh
copy of the registry per article (``registry``), the rules (``rules``: ``Extractor`` built and
run), the article's quads (``quads``: :func:`~diplograph.extract.graph.article_quads` and
:func:`~diplograph.extract.graph.actor_quads`) and their canonical N-Quads (``canonical``).

CPU time (``time.process_time``), not wall time, and per stage the minimum of ``--repeat`` runs,
each in a fresh process: the machine is shared. ``--against SRC`` also measures another source
tree (e.g. a copy of ``src/`` from before a change), the two trees taking turns run by run so that
both see the same load, and prints both with the ratio.

Run on demand (not part of the test suite):
    python benchmarks/extract_speed.py CORPUS.jsonl [CORPUS ...] [--repeat 3] [--against SRC]
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STAGES = ("registry", "rules", "quads", "canonical")


def measure(corpus: Path, repeat: int) -> dict[str, float]:
    """The CPU seconds of each stage over the whole corpus, the minimum of ``repeat`` runs."""
    from diplograph.extract.corpus import read_jsonl
    from diplograph.extract.graph import actor_quads, article_quads
    from diplograph.extract.pipeline import Extractor
    from diplograph.ingest.work import Context
    from diplograph.project import Project
    from diplograph.rdfio import canonical_nquads

    ctx = Context.build(Project.find(ROOT))
    articles = read_jsonl(corpus)
    best = dict.fromkeys(STAGES, float("inf"))
    for _ in range(repeat):
        spent = dict.fromkeys(STAGES, 0.0)
        for article in articles:
            t0 = time.process_time()
            # fresh_registry: the copy of ingest/work.py since it shares the gazetteer
            fresh = getattr(ctx, "fresh_registry", None)
            registry = fresh() if fresh else pickle.loads(ctx.registry)
            t1 = time.process_time()
            extraction = Extractor(registry, ctx.gazetteer, ctx.finder).extract(article)
            t2 = time.process_time()
            quads = article_quads(extraction)
            actors = actor_quads(registry.new_actors())
            t3 = time.process_time()
            canonical_nquads(quads)
            canonical_nquads(actors)
            t4 = time.process_time()
            for stage, seconds in zip(STAGES, (t1 - t0, t2 - t1, t3 - t2, t4 - t3), strict=True):
                spent[stage] += seconds
        best = {stage: min(best[stage], spent[stage]) for stage in STAGES}
    return {"articles": float(len(articles)), **best}


def _row(label: str, corpus: Path, figures: dict[str, float]) -> list[str]:
    n = figures["articles"]
    total = sum(figures[s] for s in STAGES)
    stages = [f"{figures[s] / n * 1000:.2f}" for s in STAGES]
    return [corpus.name, label, f"{n:,.0f}", f"{total:.2f}", f"{total / n * 1000:.2f}", *stages]


def _run(tree: Path, corpora: list[Path]) -> dict[str, dict[str, float]]:
    """One run of :func:`measure` on each corpus, in a process importing ``tree``."""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    command = [sys.executable, __file__, *map(str, corpora), "--json", "--repeat", "1"]
    done = subprocess.run(command, env=env, check=True, capture_output=True)
    figures: dict[str, dict[str, float]] = json.loads(done.stdout)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpora", nargs="+", type=Path, help="corpus .jsonl files")
    parser.add_argument("--repeat", type=int, default=3, help="runs per corpus (the minimum)")
    parser.add_argument("--against", type=Path, help="another source tree to compare with")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON only")
    args = parser.parse_args()
    if args.json:
        print(json.dumps({str(c): measure(c, args.repeat) for c in args.corpora}))
        return
    trees = {"this tree": Path(__file__).resolve().parents[1] / "src"}
    if args.against is not None:
        trees = {str(args.against): args.against.resolve(), **trees}
    results: dict[str, dict[str, dict[str, float]]] = {}
    for _ in range(args.repeat):  # the trees in turn, so that both see the same load
        for label, tree in trees.items():
            run = _run(tree, args.corpora)
            best = results.setdefault(label, run)
            for corpus, figures in run.items():
                best[corpus] = {k: min(v, best[corpus][k]) for k, v in figures.items()}

    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"extraction CPU time per article (min of {args.repeat} runs)")
    columns = ["corpus", "code", "articles", "seconds", "ms/article"]
    for column in [*columns, *(f"{s} ms" for s in STAGES), "speed-up"]:
        table.add_column(column, justify="left" if column in ("corpus", "code") else "right")
    for corpus in args.corpora:
        figures = results["this tree"][str(corpus)]
        if args.against is not None:
            before = results[str(args.against)][str(corpus)]
            table.add_row(*_row(str(args.against), corpus, before), "")
            ratio = sum(before[s] for s in STAGES) / sum(figures[s] for s in STAGES)
            table.add_row(*_row("this tree", corpus, figures), f"{ratio:.2f}x")
        else:
            table.add_row(*_row("this tree", corpus, figures), "")
    Console(width=160).print(table)


if __name__ == "__main__":
    main()
