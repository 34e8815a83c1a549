"""Every refusal of the SPARQL endpoint (docs/security.md), against a real ``diplograph serve``
process; after each, a normal request still answers."""

from __future__ import annotations

import http.server
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import ClassVar

import httpx
import pytest

from diplograph.project import Project
from diplograph.serve.worker import NOT_EVALUATED
from diplograph.store import load, open_store, read_graphs

ROOT = Path(__file__).resolve().parents[1]
COUNT = "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"
HEAVY = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"  # hours: 4364³ rows
MEMORY_BOMB = "SELECT ?a ?b ?c ?d { ?a ?b ?c . ?d ?e ?f } ORDER BY ?a ?d"  # 19M rows sorted
TIME_LIMIT = 5
ARTICLE = "global-times-2023-06-19-wang-yi-blinken"
GRAPH = "https://w3id.org/diplograph/graph/"
WANG = "id/wang-yi"


def fresh(query: str) -> str:
    """``query`` with a comment never sent before: no answer is kept for it, a worker runs it."""
    return f"{query} # {time.monotonic_ns()}"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class Server:
    """A ``diplograph serve`` process on a free port."""

    def __init__(self, project: Project, *options: str) -> None:
        if not (project.root / "node_modules").exists():
            (project.root / "node_modules").symlink_to(ROOT / "node_modules")
        self.actors = len(set(read_graphs(project.dump)[GRAPH + "actors"]))
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        command = [sys.executable, "-m", "diplograph.cli", "--root", str(project.root), "serve"]
        self.process = subprocess.Popen(
            [*command, "--port", str(self.port), *options],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self.wait_ready()

    def wait_ready(self, seconds: float = 60) -> None:
        """Until a normal query answers (every worker may have just been replaced)."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                if self.query(fresh(COUNT)).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.1)
        raise AssertionError("the server does not answer")

    def query(self, text: str, **params: str) -> httpx.Response:
        return httpx.get(self.url + "sparql", params={"query": text, **params}, timeout=30)

    def workers(self) -> set[int]:
        """The query worker processes: children of the server's fork server."""

        def children(pid: int) -> list[int]:
            return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]

        for child in children(self.process.pid):
            if b"forkserver" in Path(f"/proc/{child}/cmdline").read_bytes():
                return set(children(child))
        return set()

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=20)


@pytest.fixture(scope="module")
def server(project: Project) -> Iterator[Server]:
    running = Server(
        project,
        *("--timeout", str(TIME_LIMIT), "--workers", "2", "--queue", "1", "--memory", "300"),
        *("--max-request-bytes", "200000", "--client-timeout", "1"),
        *("--per-client", "0", "--client-seconds", "0"),  # one address sends every query here
    )
    yield running
    running.stop()


def still_answers(server: Server) -> None:
    """A normal query and a page answer as usual."""
    response = server.query(fresh(COUNT), **{"default-graph-uri": GRAPH + "actors"})
    assert response.status_code == 200
    assert int(response.json()["results"]["bindings"][0]["n"]["value"]) == server.actors
    assert httpx.get(server.url + WANG + ".ttl").status_code == 200


class Recorder(http.server.BaseHTTPRequestHandler):
    """A SPARQL endpoint on loopback that records every request a SERVICE would send it."""

    hits: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        self.hits.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.end_headers()
        self.wfile.write(b'{"head":{"vars":["s"]},"results":{"bindings":[]}}')

    do_POST = do_GET

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def target() -> Iterator[str]:
    listener = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    threading.Thread(target=listener.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{listener.server_address[1]}/sparql"
    listener.shutdown()


def federated(url: str) -> dict[str, str]:
    """SERVICE in every form the SPARQL grammar allows, and in every place a pattern may be."""
    host, _, path = url.removeprefix("http://").partition("/")
    pattern = "{ ?s ?p ?o }"
    return {
        "plain": f"SELECT * {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
        "lower case": f"select * {{ service <{url}> {{ ?s ?p ?o }} }}",
        "mixed case": f"SELECT * {{ SeRvIcE <{url}> {{ ?s ?p ?o }} }}",
        "prefixed name": f"PREFIX e: <http://{host}/> SELECT * {{ SERVICE e:{path} {pattern} }}",
        "relative IRI and BASE": f"BASE <http://{host}/> SELECT * {{ SERVICE <{path}> {pattern} }}",
        "after an escaped local name": (
            f"PREFIX ex: <urn:x/> SELECT * {{ VALUES ?v {{ ex:a\\#b }} SERVICE <{url}> {pattern} }}"
        ),
        "after a triple-quoted string": (
            f'SELECT * {{ VALUES ?v {{ """a " "" \\""" b""" }} SERVICE <{url}> {{ ?x ?y ?z }} }}'
        ),
        "after a single-quoted long string": (
            f"SELECT * {{ VALUES ?v {{ '''it''s''' }} SERVICE <{url}> {{ ?x ?y ?z }} }}"
        ),
        "after a comment": f"SELECT * {{ # SERVICE? no\n SERVICE <{url}> {{ ?s ?p ?o }} }}",
        "a \\u005C that is a backslash only after escape processing": (
            f'SELECT * {{ VALUES ?v {{ "a\\u005C" }} SERVICE <{url}> {{ ?x ?y ?z }} #" . '
            "OPTIONAL { ?q ?r ?t }\n}"
        ),
        "\\u0053ERVICE (a codepoint escape)": f"SELECT * {{ \\u0053ERVICE <{url}> {pattern} }}",
        "a variable": f"SELECT * {{ VALUES ?e {{ <{url}> }} SERVICE ?e {{ ?s ?p ?o }} }}",
        "in OPTIONAL": f"SELECT * {{ ?s ?p ?o OPTIONAL {{ SERVICE <{url}> {{ ?s ?q ?r }} }} }}",
        "in a subquery": f"SELECT * {{ {{ SELECT * {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }} }}",
        "in FILTER EXISTS": f"ASK {{ FILTER EXISTS {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }}",
        "in CONSTRUCT": f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
        "in MINUS": f"SELECT * {{ ?s ?p ?o MINUS {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }}",
    }


# Oxigraph answers these without the failed SERVICE (an error inside EXISTS or MINUS is dropped).
ANSWERED_WITHOUT_IT = {"in FILTER EXISTS", "in MINUS"}
NOT_PARSED = {"\\u0053ERVICE (a codepoint escape)"}  # Oxigraph: a syntax error


def test_no_service_reaches_any_host(server: Server, target: str) -> None:
    for name, text in federated(target).items():
        for response in (
            server.query(text),
            httpx.post(
                server.url + "sparql",
                content=text.encode(),
                headers={"Content-Type": "application/sparql-query"},
            ),
            httpx.post(server.url + "sparql", data={"query": text}),
        ):
            if name in ANSWERED_WITHOUT_IT:
                assert response.status_code == 200, name
            elif name in NOT_PARSED:
                assert response.status_code == 400 and "syntax error" in response.text
            else:
                assert (response.status_code, response.text) == (400, NOT_EVALUATED + "\n"), name
    assert Recorder.hits == []
    still_answers(server)


def test_service_silent_fetches_nothing(server: Server, target: str) -> None:
    response = server.query(f"SELECT * {{ SERVICE SILENT <{target}> {{ ?s ?p ?o }} }}")
    assert response.status_code == 200
    assert Recorder.hits == []
    still_answers(server)


def test_errors_do_not_tell_open_ports_from_closed_ones_or_hosts(
    server: Server, target: str
) -> None:
    closed = f"http://127.0.0.1:{_free_port()}/sparql"
    answers = {
        url: server.query(f"SELECT * {{ SERVICE <{url}> {{ ?s ?p ?o }} }}")
        for url in (target, closed, "http://example.org/sparql", "http://no-such-host.invalid/")
    }
    assert {(r.status_code, r.text) for r in answers.values()} == {(400, NOT_EVALUATED + "\n")}
    assert Recorder.hits == []
    still_answers(server)


def test_a_body_over_the_limit_is_413(server: Server) -> None:
    big = "SELECT * { ?s ?p ?o } #" + "x" * 200_000
    for response in (
        httpx.post(
            server.url + "sparql",
            content=big.encode(),
            headers={"Content-Type": "application/sparql-query"},
        ),
        httpx.post(server.url + "sparql", data={"query": big}),
    ):
        assert response.status_code == 413
        assert response.text == "the request body is larger than the limit of 200000 bytes\n"
    still_answers(server)


def test_pages_answer_while_every_worker_is_busy(server: Server) -> None:
    """Two heavy queries fill both workers and a 100 KB query waits; pages still answer."""
    values = " ".join(map(str, range(20_000)))
    long_query = f"SELECT (COUNT(*) AS ?n) {{ VALUES ?x {{ {values} }} }}"
    assert len(long_query) > 100_000
    pages = ("", WANG + ".html", "query.html")
    for path in pages:  # rendered once per snapshot: here the cached copies are measured
        httpx.get(server.url + path, timeout=30)
    with ThreadPoolExecutor(3) as pool:
        heavy = [pool.submit(server.query, f"{HEAVY} # {n}") for n in range(2)]
        time.sleep(0.5)
        waiting = pool.submit(
            httpx.post,
            server.url + "sparql",
            content=long_query.encode(),
            headers={"Content-Type": "application/sparql-query", "Accept": "text/csv"},
            timeout=30,
        )
        time.sleep(0.2)
        for path in pages:
            assert httpx.get(server.url + path, timeout=30).status_code == 200
        assert not any(f.done() for f in [*heavy, waiting])
        assert [f.result().status_code for f in heavy] == [503, 503]
        assert heavy[0].result().text == "the query ran longer than the time limit of 5 s\n"
        assert waiting.result().text.split() == ["n", "20000"]
    server.wait_ready()
    still_answers(server)


@pytest.mark.parametrize("depth", [1_001, 90_000])
def test_regression_a_deeply_nested_query_killed_its_worker_now_400(
    server: Server, depth: int
) -> None:
    # Oxigraph parses by recursion: 90,000 brackets overflowed the query thread's stack, the
    # worker died (503) and had to be replaced; the depth is now counted before parsing.
    workers = server.workers()
    nested = "SELECT * { FILTER(" + "(" * depth + "1" + ")" * depth + ") }"
    response = httpx.post(
        server.url + "sparql",
        content=nested.encode(),
        headers={"Content-Type": "application/sparql-query"},
        timeout=30,
    )
    assert (response.status_code, response.text) == (
        400,
        "the query nests brackets deeper than 1000 levels\n",
    )
    assert server.workers() == workers  # no worker died
    still_answers(server)


def test_a_query_nested_1000_deep_still_answers(server: Server) -> None:
    nested = "SELECT * { FILTER(" + "(" * 998 + "1" + ")" * 998 + ") }"  # 1000 with { and (
    response = server.query(nested)
    assert response.status_code == 200


def test_a_full_queue_is_503_with_retry_after(server: Server) -> None:
    # 2 workers + 1 waiting: of four heavy queries sent together (distinct texts: identical
    # queries would share one run), whichever three arrive first run to the time limit (two at
    # once, the third after a wait) and the last is refused at once.
    server.wait_ready()
    _quiet(server)  # both workers up (an earlier test may have had one replaced)
    with ThreadPoolExecutor(4) as pool:
        busy = [pool.submit(server.query, f"{HEAVY} # {n}") for n in range(4)]
        answers = [f.result() for f in busy]
    limit = f"the query ran longer than the time limit of {TIME_LIMIT:g} s\n"
    full = "too many queries are waiting; try again later\n"
    assert sorted((a.status_code, a.text) for a in answers) == sorted(
        [(503, limit)] * 3 + [(503, full)]
    )
    refused = next(a for a in answers if a.text == full)
    assert refused.headers["retry-after"] == "2"
    server.wait_ready()
    still_answers(server)


def _cpu(pid: int) -> int:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except FileNotFoundError:
        return 0
    return int(fields[11]) + int(fields[12])  # utime + stime


def _busiest(server: Server, seconds: float) -> int | None:
    """The worker using the most CPU over 0.5 s, once one uses a fifth of a core or more (the
    heavy query; an idle worker may use a tick), waiting up to ``seconds``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        before = {pid: _cpu(pid) for pid in server.workers()}
        time.sleep(0.5)
        growth = {pid: _cpu(pid) - used for pid, used in before.items()}
        busiest = max(growth, key=lambda pid: growth[pid], default=None)
        if busiest is not None and growth[busiest] >= os.sysconf("SC_CLK_TCK") // 10:
            return busiest
    return None


def _quiet(server: Server) -> None:
    """Until every worker is idle (a replacement uses CPU for a moment after it answers)."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        before = {pid: _cpu(pid) for pid in server.workers()}
        time.sleep(0.3)
        if len(before) == 2 and all(_cpu(pid) - used <= 1 for pid, used in before.items()):
            return


def test_a_client_hanging_up_ends_its_query(server: Server) -> None:
    for n in range(2):
        _quiet(server)
        encoded = httpx.URL(server.url + "sparql", params={"query": f"{HEAVY} # {n}"}).raw_path
        sent = time.monotonic()
        with socket.create_connection(("127.0.0.1", server.port)) as connection:
            connection.sendall(b"GET " + encoded + b" HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            busiest = _busiest(server, TIME_LIMIT - 1)  # the worker running the query
            assert busiest is not None
            running = {busiest}
        while running & server.workers() and time.monotonic() - sent < TIME_LIMIT - 0.2:
            time.sleep(0.05)
        assert not running & server.workers()  # ended at once, not left to the time limit
        server.wait_ready()
        assert len(server.workers()) == 2  # and replaced
    still_answers(server)


def test_a_query_over_the_memory_limit_is_503_and_costs_only_its_worker(server: Server) -> None:
    response = server.query(MEMORY_BOMB)
    assert response.status_code == 503
    assert response.text == "the query needed more memory than the limit of 300 MB\n"
    server.wait_ready()
    still_answers(server)


@pytest.mark.parametrize(
    ("headers", "params", "expected"),
    [
        ({"Accept": "text"}, {"query": COUNT}, "malformed Accept header: 'text'"),
        ({"Accept": ";;;"}, {"query": COUNT}, "malformed Accept header: ';;;'"),
        ({}, {"query": ""}, "empty query: give a SPARQL query in `query`"),
        ({}, {"query": "  # only a comment\n"}, "empty query: give a SPARQL query in `query`"),
        (
            {},
            {"query": COUNT, "default-graph-uri": "not an iri"},
            "default-graph-uri 'not an iri': not an absolute IRI",
        ),
        (
            {},
            {"query": COUNT, "named-graph-uri": "file:///etc/passwd"},
            "named-graph-uri <file:///etc/passwd>: not a named graph of this dataset",
        ),
        (
            {},
            {"query": "SELECT * FROM <file:///etc/passwd> { ?s ?p ?o }"},
            "FROM <file:///etc/passwd>: not a named graph of this dataset",
        ),
        (
            {},
            {"query": "SELECT * FROM NAMED <http://example.org/g> { GRAPH ?g { ?s ?p ?o } }"},
            "FROM NAMED <http://example.org/g>: not a named graph of this dataset",
        ),
    ],
)
def test_malformed_requests_are_400(
    server: Server, headers: dict[str, str], params: dict[str, str], expected: str
) -> None:
    before = server.workers()
    response = httpx.get(server.url + "sparql", params=params, headers=headers)
    assert (response.status_code, response.text) == (400, expected + "\n")
    assert server.workers() == before  # no worker died
    still_answers(server)


def test_bytes_that_are_not_utf8_are_400(server: Server) -> None:
    before = server.workers()
    body = httpx.post(
        server.url + "sparql",
        content=b"SELECT * { ?s ?p '\xff' }",
        headers={"Content-Type": "application/sparql-query"},
    )
    assert (body.status_code, body.text) == (400, "the query: not UTF-8 (byte 18)\n")
    url = httpx.get(server.url + "sparql?query=SELECT%FF")
    assert url.status_code == 400 and "not UTF-8" in url.text
    form = httpx.post(
        server.url + "sparql",
        content=b"query=%FF",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert form.status_code == 400 and "not UTF-8" in form.text
    page = httpx.get(server.url + WANG, headers={"Accept": "text"})
    assert (page.status_code, page.text) == (400, "malformed Accept header: 'text'\n")
    assert server.workers() == before
    still_answers(server)


def test_slow_clients_are_cut_off(server: Server) -> None:
    """A client sending its headers byte by byte, or not sending its body, is disconnected."""
    with socket.create_connection(("127.0.0.1", server.port)) as sock:
        sock.settimeout(10)
        started = time.monotonic()
        sock.sendall(b"GET / HTTP/1.1\r\n")
        for _ in range(30):
            try:
                sock.sendall(b"X")
            except OSError:
                break
            time.sleep(0.1)
        assert sock.recv(100) == b""  # closed by the server
        assert time.monotonic() - started < 3.5
    body = b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
    with socket.create_connection(("127.0.0.1", server.port)) as sock:
        sock.settimeout(10)
        sock.sendall(body + b"Content-Length: 100\r\n\r\nSELECT")
        assert sock.recv(200).startswith(b"HTTP/1.1 408 ")
    still_answers(server)


def test_a_bad_or_busy_port_is_a_one_line_error(project: Project) -> None:
    command = [sys.executable, "-m", "diplograph.cli", "--root", str(project.root), "serve"]
    bad = subprocess.run([*command, "--port", "99999"], capture_output=True, text=True)
    assert (bad.returncode, bad.stderr) == (
        2,
        "error: --port 99999: not a port number (0 to 65535)\n",
    )
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        busy = subprocess.run([*command, "--port", str(port)], capture_output=True, text=True)
    assert (busy.returncode, busy.stderr) == (
        2,
        f"error: 127.0.0.1:{port}: Address already in use\n",
    )


def test_pages_and_answers_follow_the_store_while_load_replaces_graphs(
    project: Project, tmp_path: Path
) -> None:
    graphs = read_graphs(project.dump)
    folder = tmp_path / "store"
    store = open_store(folder)
    load(store, graphs)
    served = Server(project, "--store", str(folder), "--workers", "1")
    try:
        article = f"{served.url}id/article/{ARTICLE}.ttl"
        ask = f"ASK {{ GRAPH <{GRAPH}{ARTICLE}> {{ ?s ?p ?o }} }}"
        assert httpx.get(article).status_code == 200
        assert served.query(ask).json()["boolean"] is True
        index = httpx.get(served.url)
        load(store, {g: t for g, t in graphs.items() if not g.endswith(ARTICLE)})
        assert httpx.get(article).status_code == 404
        assert served.query(ask).json()["boolean"] is False
        changed = httpx.get(served.url, headers={"If-None-Match": index.headers["etag"]})
        assert changed.status_code == 200 and changed.headers["etag"] != index.headers["etag"]
        load(store, graphs)
        assert httpx.get(article).status_code == 200
        assert served.query(ask).json()["boolean"] is True
    finally:
        served.stop()
        del store
