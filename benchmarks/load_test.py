"""Load test of ``diplograph serve``: 50 concurrent clients on loopback, with and without a heavy
client that sends queries no endpoint can finish and hangs up on each after a second.

Run on demand (after ``diplograph build``; not part of the test suite; at most 60 s):

    python benchmarks/load_test.py [--clients 50] [--seconds 20] [--greedy 1] [--per-client N]

The server is ``diplograph serve`` in its own process (default options), started here on a free
loopback port; the clients run in this process (asyncio streams, one keep-alive connection each),
each from its own loopback address (``127.0.1.N``; the heavy client ``127.0.2.1``), so the
endpoint's per-client limits see 51 clients, as it would on the internet, not one. Each client loops
without pause over a fixed mix:
pages (the index, a person, a meeting), content negotiation (``/id/…`` with an RDF ``Accept``:
a 303, not followed) and the stored queries (POST ``application/sparql-query``). The run has two
phases of ``--seconds`` each: the clients alone, then the clients with the heavy client. Prints
p50/p99 per kind and phase, errors (any status other than 200 and 303, any transport error) and
the share of normal requests of the second phase slower than the first phase's p99 of their kind.
``--greedy N`` makes the heavy client keep N such queries open at once (from its one address):
the endpoint's per-client limit refuses all but its first with ``429`` (counted, not errors; the
client then waits a tenth of a second, ignoring ``Retry-After``), so the others keep their
workers; ``--per-client 0`` starts the server without that limit, to compare.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

import httpx
from rich.console import Console
from rich.table import Table

from diplograph.project import Project
from diplograph.query import stored_queries

ROOT = Path(__file__).resolve().parents[1]
HEAVY = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
PAGES = [
    "",
    "id/wang-yi.html",
    "id/global-times-2023-06-19-wang-yi-blinken/meeting-wang-yi-blinken.html",
]
RDF = ["text/turtle", "application/ld+json", "application/n-triples", "application/rdf+xml"]
Samples = dict[tuple[str, str], list[float]]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def start_server(port: int, per_client: int | None) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "diplograph.cli", "--root", str(ROOT), "serve"]
    command += ["--port", str(port)]
    if per_client is not None:
        command += ["--per-client", str(per_client)]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/sparql"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(url, params={"query": "ASK {}"}).status_code == 200:
                return server
        except httpx.TransportError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("the server did not start")


class Run:
    """Latencies by (phase, kind), and the errors seen."""

    def __init__(self) -> None:
        self.samples: Samples = defaultdict(list)
        self.errors: list[str] = []
        self.phase = "clients alone"
        self.heavy_sent = 0
        self.heavy_refused = 0


class Connection:
    """One keep-alive HTTP/1.1 connection over asyncio streams: cheap enough that the clients do
    not eat the CPU the server is measured on (httpx took twice the server's CPU)."""

    def __init__(self, port: int, source: str) -> None:
        self.port = port
        self.source = source
        self.streams: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None = None

    async def request(self, method: str, path: str, headers: dict[str, str], body: bytes) -> int:
        if self.streams is None:
            self.streams = await asyncio.open_connection(
                "127.0.0.1", self.port, local_addr=(self.source, 0)
            )
        reader, writer = self.streams
        lines = [f"{method} /{path} HTTP/1.1", "Host: 127.0.0.1", f"Content-Length: {len(body)}"]
        lines += [f"{name}: {value}" for name, value in headers.items()]
        writer.write(("\r\n".join(lines) + "\r\n\r\n").encode() + body)
        head = (await reader.readuntil(b"\r\n\r\n")).decode("latin-1").split("\r\n")
        fields = dict(line.lower().split(": ", 1) for line in head[1:] if ": " in line)
        await reader.readexactly(int(fields.get("content-length", "0")))
        if fields.get("connection") == "close":
            writer.close()
            self.streams = None
        return int(head[0].split()[1])


async def client(number: int, port: int, queries: list[str], run: Run, stop: asyncio.Event) -> None:
    chooser = random.Random(number)
    source = f"127.0.1.{number % 250 + 1}"
    connection = Connection(port, source)
    while not stop.is_set():
        kind = chooser.choice(["page", "negotiation", "stored query", "new query"])
        headers: dict[str, str] = {}
        body = b""
        if kind == "page":
            method, path = "GET", chooser.choice(PAGES)
        elif kind == "negotiation":
            method, path, headers = "GET", "id/wang-yi", {"Accept": chooser.choice(RDF)}
        else:
            text = chooser.choice(queries)
            if kind == "new query":  # never asked: no kept answer, a worker runs it
                text += f"\n# {number} {chooser.random()}"
            method, path, body = "POST", "sparql", text.encode()
            headers = {
                "Content-Type": "application/sparql-query",
                "Accept": "application/sparql-results+json",
            }
        started = time.perf_counter()
        try:
            status = await connection.request(method, path, headers, body)
        except (OSError, asyncio.IncompleteReadError, ValueError) as error:
            run.errors.append(f"{kind}: {type(error).__name__}")
            connection = Connection(port, source)
            continue
        seconds = time.perf_counter() - started
        if status not in (200, 303):
            run.errors.append(f"{kind}: {status}")
        else:
            run.samples[run.phase, kind].append(seconds)


async def heavy(base: str, run: Run, stop: asyncio.Event) -> None:
    """Send a query that cannot finish, hang up after a second, again."""
    while not stop.is_set():
        transport = httpx.AsyncHTTPTransport(local_address="127.0.2.1")
        async with httpx.AsyncClient(base_url=base, timeout=1.0, transport=transport) as http:
            run.heavy_sent += 1
            try:
                text = f"{HEAVY} # {run.heavy_sent}"  # distinct: identical ones would share a run
                answer = await http.get("sparql", params={"query": text})
            except httpx.TimeoutException:
                continue  # hung up, as intended
            if answer.status_code == 429:
                run.heavy_refused += 1
                await asyncio.sleep(0.1)
            else:
                run.errors.append(f"heavy: {answer.status_code}")


async def load(port: int, clients: int, seconds: float, queries: list[str], greedy: int) -> Run:
    base = f"http://127.0.0.1:{port}/"
    run = Run()
    stop = asyncio.Event()
    async with httpx.AsyncClient(base_url=base, timeout=60) as http:  # warm up: render pages once
        for path in PAGES:
            await http.get(path)
    tasks = [asyncio.create_task(client(n, port, queries, run, stop)) for n in range(clients)]
    await asyncio.sleep(seconds)
    run.phase = "with the heavy client"
    heavy_tasks = [asyncio.create_task(heavy(base, run, stop)) for _ in range(greedy)]
    await asyncio.sleep(seconds)
    stop.set()
    await asyncio.gather(*tasks, *heavy_tasks)
    return run


def quantile(values: list[float], q: int) -> float:
    """The ``q``-th percentile (inclusive method)."""
    if len(values) < 2:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


def report(run: Run, seconds: float, cpu: os.times_result) -> None:
    table = Table("phase", "kind", "requests", "req/s", "p50 ms", "p99 ms", "max ms", "slowed")
    for (phase, kind), values in sorted(run.samples.items(), key=lambda item: item[0]):
        slowed = ""
        if phase == "with the heavy client" and ("clients alone", kind) in run.samples:
            limit = quantile(run.samples["clients alone", kind], 99)
            slowed = f"{sum(v > limit for v in values) / len(values):.1%}"
        table.add_row(
            phase,
            kind,
            str(len(values)),
            f"{len(values) / seconds:.0f}",
            f"{quantile(values, 50) * 1000:.0f}",
            f"{quantile(values, 99) * 1000:.0f}",
            f"{max(values) * 1000:.0f}",
            slowed,
        )
    console = Console(width=120)
    console.print(table)
    console.print(
        f"heavy queries sent: {run.heavy_sent}, refused with 429: {run.heavy_refused}, the "
        f"others abandoned; errors: {len(run.errors)}"
        + (f" (first: {run.errors[0]})" if run.errors else "")
    )
    console.print(
        "slowed: share of the phase's requests slower than the p99 of the same kind without "
        f"the heavy client; {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}; "
        f"CPU seconds: clients {cpu.user + cpu.system:.1f}, "
        f"server and workers {cpu.children_user + cpu.children_system:.1f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--greedy", type=int, default=1, help="heavy queries open at once")
    parser.add_argument("--per-client", type=int, help="the server's --per-client")
    options = parser.parse_args()
    project = Project.find(ROOT)
    if not project.dump.is_file():
        raise SystemExit(f"{project.dump}: run `diplograph build` first")
    queries = [q.text for q in stored_queries(project.queries).values()]
    port = free_port()
    server = start_server(port, options.per_client)
    try:
        run = asyncio.run(load(port, options.clients, options.seconds, queries, options.greedy))
    finally:
        server.terminate()
        server.wait(timeout=20)
    report(run, options.seconds, os.times())
    sys.exit(1 if run.errors else 0)


if __name__ == "__main__":
    main()
