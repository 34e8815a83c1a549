"""Scaling: `diplograph ingest` of synthetic corpora of N articles, and the stock baseline.

For each N (``--sizes``, default 1000 10000; 100000 when asked), a corpus from make_corpus.py is
ingested into a fresh embedded store by ``diplograph ingest`` (a child process, ``--workers``),
then every stored query runs on that store (up to ``--queries-max`` articles; each query in a
child process of its own, stopped after ``--query-timeout`` seconds and shown as timed out). The
stock baseline, in a child process of its own (so that nothing of diplograph's tuned validation is
loaded), is how it was done before: the extractor over the whole corpus in memory (``diplograph
extract``'s path), stock pySHACL over the whole graph in rdflib, and the stored queries in rdflib's
SPARQL engine; it runs for the sizes up to ``--baseline-max``, each stopped after
``--baseline-timeout`` seconds (then shown as "> T s", and no larger size is tried). Peak RSS is
the largest sum of the resident memory of the process and its children, sampled every 0.1 s. Each
store is removed once measured (a 100k store is some GB). Prints a table and writes the figures as
JSON after each size.

    python benchmarks/scale.py --sizes 1000 10000 100000 --queries-max 10000 --json scale.json
    python benchmarks/scale.py --print benchmarks/scale.json
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import psutil
from rich.console import Console
from rich.table import Table

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
DIPLOGRAPH = [PYTHON, "-m", "diplograph.cli"]  # this interpreter, and its PYTHONPATH


class PeakMemory:
    """The peak of the summed RSS of a process tree, sampled in a thread; and the CPU seconds
    of each of its processes as last seen (their sum: what a run costs whatever the machine's
    other load)."""

    def __init__(self, pid: int) -> None:
        self.process = psutil.Process(pid)
        self.peak = 0
        self.cpu: dict[int, float] = {}
        self.running = True
        self.thread = threading.Thread(target=self._sample, daemon=True)
        self.thread.start()

    def _sample(self) -> None:
        while self.running:
            try:
                tree = [self.process, *self.process.children(recursive=True)]
                total = 0
                for member in tree:
                    with contextlib.suppress(psutil.Error):  # a child that just ended
                        total += member.memory_info().rss
                        times = member.cpu_times()
                        self.cpu[member.pid] = times.user + times.system
                self.peak = max(self.peak, total)
            except psutil.Error:
                return
            time.sleep(0.1)

    def stop(self) -> int:
        self.running = False
        self.thread.join()
        return self.peak


CPU_SECONDS: dict[int, float] = {}  # the child's pid -> CPU seconds of its process tree


def measured(command: list[str], timeout: float | None = None) -> tuple[float, int, str | None]:
    """Run ``command``; (seconds, peak RSS of its process tree in bytes, stdout), the stdout
    None when it ran out of ``timeout`` seconds (then its process tree is killed); the CPU
    seconds of its process tree in ``CPU_SECONDS``."""
    started = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.PIPE, cwd=ROOT, text=True)
    memory = PeakMemory(child.pid)
    try:
        out, _ = child.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        for member in [*psutil.Process(child.pid).children(recursive=True), child]:
            with contextlib.suppress(psutil.Error, ProcessLookupError):
                member.kill()
        child.communicate()
        return time.perf_counter() - started, memory.stop(), None
    seconds = time.perf_counter() - started
    peak = memory.stop()
    CPU_SECONDS[child.pid] = sum(memory.cpu.values())
    if child.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)}: exit {child.returncode}")
    return seconds, peak, out


QUERY_NAMES = """
import json
from diplograph.project import Project
from diplograph.query import stored_queries
print(json.dumps(sorted(stored_queries(Project.find(None).query_folders()))))
"""

QUERY_ON_STORE = """
import json, sys, time
from pathlib import Path
from diplograph.project import Project
from diplograph.query import run, stored_queries
from diplograph.store import open_store
store = open_store(Path(sys.argv[1]), read_only=True)
if sys.argv[2] == "--count":
    print(json.dumps(len(store)))
    raise SystemExit
query = stored_queries(Project.find(None).query_folders())[sys.argv[2]]
started = time.perf_counter()
rows = sum(1 for _ in run(store, query))
print(json.dumps([time.perf_counter() - started, rows]))
"""

BASELINE = """
import json, sys, time
from pathlib import Path
import rdflib
from pyshacl import validate
from diplograph.extract.corpus import read_jsonl
from diplograph.extract.run import extract_articles, serialize
from diplograph.project import Project
from diplograph.query import stored_queries
from diplograph.rdfio import read_quads
project = Project.find(None)
stages = {}
started = time.perf_counter()
result = extract_articles(project, read_jsonl(Path(sys.argv[1])))
data = serialize(result.quads, "nquads")
stages["extract"] = time.perf_counter() - started
started = time.perf_counter()
graph = rdflib.Dataset(default_union=True)
graph.parse(data=data, format="nquads")
for path in project.vocabulary():
    graph.parse(path, format="turtle")
shapes = rdflib.Graph()
for path in project.shape_files():
    shapes.parse(path, format="turtle")
stages["load"] = time.perf_counter() - started
started = time.perf_counter()
flat = rdflib.Graph()
for triple in graph.triples((None, None, None)):
    flat.add(triple)
ontology = rdflib.Graph().parse(project.ontology)
conforms, _, _ = validate(
    flat, shacl_graph=shapes, ont_graph=ontology, inference="none", allow_warnings=False
)
stages["validate"] = time.perf_counter() - started
queries = {}
for name, query in stored_queries(project.query_folders()).items():
    started = time.perf_counter()
    rows = sum(1 for _ in graph.query(query.text))
    queries[name] = (time.perf_counter() - started, rows)
answer = {"stages": stages, "queries": queries, "triples": len(flat), "conforms": conforms}
print(json.dumps(answer))
"""


def stored_queries(store: Path, timeout: float) -> tuple[dict[str, Any], int]:
    """Each stored query's (seconds, rows) on ``store``, None for one that ran out of
    ``timeout``; and the peak RSS of the processes that ran them."""
    _, _, names = measured([PYTHON, "-c", QUERY_NAMES])
    assert names is not None
    times: dict[str, Any] = {}
    peak = 0
    for name in json.loads(names):
        _, used, out = measured([PYTHON, "-c", QUERY_ON_STORE, str(store), name], timeout)
        times[name] = None if out is None else json.loads(out)
        peak = max(peak, used)
    return times, peak


def ours(
    corpus: Path, size: int, workers: int, scratch: Path, queries: bool, query_timeout: float
) -> dict[str, Any]:
    store = scratch / f"store-{size}"
    command = [*DIPLOGRAPH, "ingest", str(corpus), "--store", str(store)]
    seconds, peak, out = measured([*command, "--workers", str(workers)])
    assert out is not None
    cpu_seconds = CPU_SECONDS.popitem()[1]
    line = out.strip().splitlines()[-1]  # "STORE: T article triples loaded, ...; extract X s, ..."
    figures = {
        name: float(line.split(f"{name} ")[1].split(" s")[0])
        for name in ("extract", "validate", "load")
    }
    triples = int(line.split(": ", 1)[1].split(" article triples")[0].replace(",", ""))
    _, _, counted = measured([PYTHON, "-c", QUERY_ON_STORE, str(store), "--count"])
    times, query_peak = stored_queries(store, query_timeout) if queries else ({}, 0)
    shutil.rmtree(store)
    return {
        "articles": size,
        "seconds": seconds,
        "cpu_seconds": cpu_seconds,
        "peak_rss": max(peak, query_peak),
        "ingest_peak_rss": peak,
        "extract_cpu_seconds": figures["extract"],
        "validate_cpu_seconds": figures["validate"],
        "load_seconds": figures["load"],
        "article_triples": triples,
        "store_triples": None if counted is None else json.loads(counted),
        "queries": times,
        "query_timeout": query_timeout,
        "rejected": int(out.split("rejected (violations)")[1].split("│")[1].strip()),
    }


def baseline(corpus: Path, size: int, timeout: float) -> dict[str, Any]:
    """The stock path on ``corpus``; ``timed_out`` when it ran out of ``timeout`` seconds."""
    seconds, peak, out = measured([PYTHON, "-c", BASELINE, str(corpus)], timeout)
    if out is None:
        return {"articles": size, "seconds": seconds, "peak_rss": peak, "timed_out": True}
    return {"articles": size, "seconds": seconds, "peak_rss": peak, **json.loads(out)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--baseline-max", type=int, default=1000)
    parser.add_argument(
        "--baseline-timeout", type=float, default=600.0, help="seconds before the stock run stops"
    )
    parser.add_argument(
        "--queries-max", type=int, default=10**9, help="run the stored queries up to this size"
    )
    parser.add_argument(
        "--query-timeout", type=float, default=60.0, help="seconds before a stored query stops"
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", type=Path, default=ROOT / "benchmarks" / "scale.json")
    parser.add_argument("--print", dest="show", type=Path, help="print the tables of a JSON run")
    options = parser.parse_args()
    console = Console(width=200)
    if options.show is not None:
        print_tables(json.loads(options.show.read_text()), console)
        return
    figures: dict[str, Any] = {
        "machine": f"{platform.node()}: {os.cpu_count()} cores, "
        f"{psutil.virtual_memory().total / 2**30:.0f} GB, Python {platform.python_version()}",
        "workers": options.workers,
        "ours": [],
        "baseline": [],
    }
    with tempfile.TemporaryDirectory(prefix="diplograph-scale-") as folder:
        scratch = Path(folder)
        for size in options.sizes:
            corpus = scratch / f"corpus-{size}.jsonl"
            subprocess.run(
                [PYTHON, "benchmarks/make_corpus.py", "--articles", str(size), "--seed",
                 str(options.seed), "-o", str(corpus)],
                cwd=ROOT, check=True, capture_output=True,
            )  # fmt: skip
            queries = size <= options.queries_max
            figures["ours"].append(
                ours(corpus, size, options.workers, scratch, queries, options.query_timeout)
            )
            timed_out = any(row.get("timed_out") for row in figures["baseline"])
            if size <= options.baseline_max and not timed_out:
                figures["baseline"].append(baseline(corpus, size, options.baseline_timeout))
            corpus.unlink()
            options.json.write_text(json.dumps(figures, indent=2) + "\n")
            print_tables(figures, console)


def _slowest(queries: dict[str, Any], timeout: float | None) -> tuple[str, float | None]:
    """The slowest stored query and its seconds (None: it ran out of ``timeout``), as shown."""
    if not queries:
        return "-", 0.0
    stopped = sorted(name for name, answer in queries.items() if answer is None)
    if stopped:
        more = f" and {len(stopped) - 1} more" if len(stopped) > 1 else ""
        return f"> {timeout or 0:.0f} ({stopped[0]}{more})", None
    name, (seconds, _) = max(queries.items(), key=lambda item: item[1][0])
    return f"{seconds:.3f} ({name})", seconds


def print_tables(figures: dict[str, Any], console: Console) -> None:
    console.print(f"{figures['machine']}; {figures['workers']} workers")
    table = Table(
        "articles", "pipeline", "end to end s", "CPU s (all processes)", "articles/s", "triples/s",
        "extract s (Σ workers)",
        "validate s (Σ workers)", "load s", "slowest query s", "peak RSS MB", "s per 1k articles",
    )  # fmt: skip
    stock = {row["articles"]: row for row in figures["baseline"]}
    for row in figures["ours"]:
        shown, slowest = _slowest(row["queries"], row.get("query_timeout"))
        table.add_row(
            f"{row['articles']:,}", "ingest", f"{row['seconds']:.1f}",
            f"{row['cpu_seconds']:.1f}" if "cpu_seconds" in row else "-",
            f"{row['articles'] / row['seconds']:,.1f}",
            f"{row['article_triples'] / row['seconds']:,.0f}",
            f"{row['extract_cpu_seconds']:.1f}", f"{row['validate_cpu_seconds']:.1f}",
            f"{row['load_seconds']:.1f}", shown,
            f"{row['peak_rss'] / 2**20:,.0f}", f"{1000 * row['seconds'] / row['articles']:.1f}",
        )  # fmt: skip
        base = stock.get(row["articles"])
        if base is None:
            continue
        if base.get("timed_out"):
            table.add_row(
                f"{base['articles']:,}", "stock", f"> {base['seconds']:.0f} (stopped)", "", "", "",
                "", "", "", "", f"{base['peak_rss'] / 2**20:,.0f}", "",
            )  # fmt: skip
            table.add_row("", "ratio", f"> {base['seconds'] / row['seconds']:.1f}x")
            continue
        stages = base["stages"]
        base_shown, base_slowest = _slowest(base["queries"], None)
        table.add_row(
            f"{base['articles']:,}", "stock", f"{base['seconds']:.1f}", "",
            f"{base['articles'] / base['seconds']:,.1f}",
            f"{base['triples'] / base['seconds']:,.0f}", f"{stages['extract']:.1f}",
            f"{stages['validate']:.1f}", f"{stages['load']:.1f}",
            base_shown, f"{base['peak_rss'] / 2**20:,.0f}",
            f"{1000 * base['seconds'] / base['articles']:.1f}",
        )  # fmt: skip
        query_ratio = "" if not slowest else f"{(base_slowest or 0) / slowest:.0f}x"
        table.add_row(
            "", "ratio", f"{base['seconds'] / row['seconds']:.1f}x", "", "", "", "",
            f"{stages['validate'] / max(row['validate_cpu_seconds'], 1e-9):.1f}x", "",
            query_ratio, "", "",
        )  # fmt: skip
    console.print(table)
    ours_rows = figures["ours"]
    if len(ours_rows) > 1:
        first, last = ours_rows[0], ours_rows[-1]
        ratio = (last["seconds"] / last["articles"]) / (first["seconds"] / first["articles"])
        console.print(
            f"s per article at {last['articles']:,} / at {first['articles']:,}: {ratio:.2f} "
            "(linear in N: within 1.5)"
        )


if __name__ == "__main__":
    main()
