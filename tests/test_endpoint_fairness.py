"""Per-client fairness of the SPARQL endpoint (docs/security.md): one client cannot hold every
worker, a forwarded address counts only from a trusted proxy, and the table of clients stays
bounded. Clients are told apart by their source address (Linux routes all of 127.0.0.0/8 to
loopback, so a test can be 127.0.0.2, 127.0.0.3, … at once)."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator

import httpx
import pytest
from click.testing import CliRunner

from diplograph.cli import main
from diplograph.project import Project
from diplograph.serve.clients import Clients, Fairness, TooMany, client_key
from test_endpoint_security import COUNT, GRAPH, HEAVY, WANG, Server, fresh

TIME_LIMIT = 4
BUDGET = 3  # query-seconds per WINDOW: a query run to the time limit exhausts it
WINDOW = 600
PROXY = "127.0.0.9"
AT_ONCE = (
    "this client already has 1 query running or waiting; wait for one to end, then send the next\n"
)


@pytest.fixture(scope="module")
def server(project: Project) -> Iterator[Server]:
    running = Server(
        project,
        *("--timeout", str(TIME_LIMIT), "--workers", "2", "--queue", "4", "--per-client", "1"),
        *("--client-seconds", str(BUDGET), "--client-window", str(WINDOW)),
        *("--trust-proxy", PROXY),
    )
    yield running
    running.stop()


def ask(
    server: Server, source: str, text: str, headers: dict[str, str] | None = None, **params: str
) -> httpx.Response:
    """``text`` sent from the address ``source``."""
    transport = httpx.HTTPTransport(local_address=source)
    with httpx.Client(transport=transport, timeout=30) as client:
        return client.get(server.url + "sparql", params={"query": text, **params}, headers=headers)


def answered(server: Server, source: str, headers: dict[str, str] | None = None) -> bool:
    """Whether a normal query from ``source`` is answered with the right count."""
    response = ask(server, source, fresh(COUNT), headers, **{"default-graph-uri": GRAPH + "actors"})
    if response.status_code != 200:
        return False
    return int(response.json()["results"]["bindings"][0]["n"]["value"]) == server.actors


class Held:
    """A heavy query from ``source`` on a raw connection, running until :meth:`hang_up`."""

    def __init__(self, server: Server, source: str) -> None:
        self.sock = socket.create_connection(("127.0.0.1", server.port), source_address=(source, 0))
        query = httpx.QueryParams({"query": fresh(HEAVY)})
        self.sock.sendall(f"GET /sparql?{query} HTTP/1.1\r\nHost: x\r\n\r\n".encode())

    def hang_up(self) -> None:
        self.sock.close()


def refused_until_admitted(
    server: Server, source: str, headers: dict[str, str] | None = None
) -> httpx.Response:
    """The first answer to a normal query from ``source`` that is not 200 (the held query is
    admitted within a moment of being sent)."""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        response = ask(server, source, fresh(COUNT), headers)
        if response.status_code != 200:
            return response
        time.sleep(0.05)
    raise AssertionError("the held query was never counted")


def still_answers(server: Server) -> None:
    assert answered(server, "127.0.0.1")
    assert httpx.get(server.url + WANG + ".ttl").status_code == 200


def test_a_client_over_its_bound_is_429_while_another_is_answered(server: Server) -> None:
    workers = server.workers()
    held = Held(server, "127.0.0.2")
    try:
        refused = refused_until_admitted(server, "127.0.0.2")
        assert (refused.status_code, refused.text) == (429, AT_ONCE)
        assert refused.headers["retry-after"] == "2"
        assert answered(server, "127.0.0.3")  # the other worker answers another client
        assert server.workers() == workers  # a refusal costs no worker
    finally:
        held.hang_up()
    # the bound frees when the query ends (here: its client hung up and it was killed at once;
    # it held a worker well under the budget of query-seconds)
    deadline = time.monotonic() + 10
    while not answered(server, "127.0.0.2"):
        assert time.monotonic() < deadline, "the client's bound was not freed"
        time.sleep(0.1)
    server.wait_ready()
    still_answers(server)


def test_a_client_past_its_query_seconds_is_429_with_retry_after(server: Server) -> None:
    spent = ask(server, "127.0.0.4", fresh(HEAVY))  # runs to the time limit: 4 s of 3
    assert spent.status_code == 503
    assert spent.text == f"the query ran longer than the time limit of {TIME_LIMIT} s\n"
    workers = server.workers()
    refused = ask(server, "127.0.0.4", fresh(COUNT))
    assert refused.status_code == 429
    retry = int(refused.headers["retry-after"])
    # ~4.0 s used of 3, draining at 3/600 s per s: 1 s over takes 200 s to drain
    assert 200 < retry <= 300
    assert refused.text == (
        f"this client has used its query time ({BUDGET} s per {WINDOW} s); try again in {retry} s\n"
    )
    assert answered(server, "127.0.0.5")
    server.wait_ready()
    assert server.workers() >= workers
    still_answers(server)


def test_x_forwarded_for_names_the_client_only_from_a_trusted_proxy(server: Server) -> None:
    held = Held(server, "127.0.0.6")
    workers = server.workers()
    try:
        # a client cannot escape its bound by sending the header itself
        refused = refused_until_admitted(server, "127.0.0.6", {"X-Forwarded-For": "10.9.9.9"})
        assert (refused.status_code, refused.text) == (429, AT_ONCE)
        # behind the trusted proxy, the client is the last address the proxy did not add
        for forwarded in ("127.0.0.6", "10.1.2.3, 127.0.0.6", f"127.0.0.6, {PROXY}"):
            behind = ask(server, PROXY, fresh(COUNT), {"X-Forwarded-For": forwarded})
            assert (behind.status_code, behind.text) == (429, AT_ONCE)
        # the trusted proxy's other clients are answered: the proxy is not one client
        assert answered(server, PROXY, {"X-Forwarded-For": "10.1.2.3"})
        assert answered(server, PROXY, {"X-Forwarded-For": "127.0.0.6, 10.1.2.3"})
        # the header from an untrusted peer is ignored: 127.0.0.7 is itself
        assert answered(server, "127.0.0.7", {"X-Forwarded-For": "127.0.0.6"})
        assert server.workers() == workers
    finally:
        held.hang_up()
    server.wait_ready()
    still_answers(server)


@pytest.fixture(scope="module")
def untrusting(project: Project) -> Iterator[Server]:
    """A server given no ``--trust-proxy``: the default."""
    running = Server(project, "--timeout", str(TIME_LIMIT), "--workers", "2", "--per-client", "1")
    yield running
    running.stop()


def test_regression_uvicorn_trusted_x_forwarded_for_from_loopback_by_default(
    untrusting: Server,
) -> None:
    # uvicorn reads X-Forwarded-For from 127.0.0.1 unless told otherwise; a local client could
    # then pass as any other. Now, without --trust-proxy, the header is read from nobody.
    workers = untrusting.workers()
    held = Held(untrusting, "127.0.0.8")
    try:
        refused_until_admitted(untrusting, "127.0.0.8")
        assert answered(untrusting, "127.0.0.1", {"X-Forwarded-For": "127.0.0.8"})
        assert untrusting.workers() == workers
    finally:
        held.hang_up()
    untrusting.wait_ready()
    still_answers(untrusting)


def test_a_bad_trusted_proxy_is_a_one_line_error(project: Project) -> None:
    result = CliRunner().invoke(
        main, ["--root", str(project.root), "serve", "--trust-proxy", "proxy.example"]
    )
    assert result.exit_code == 2
    assert result.output == ("error: --trust-proxy 'proxy.example': not an IP address or network\n")


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_the_client_table_stays_bounded_under_address_churn() -> None:
    clients = Clients(Fairness(concurrent=2, seconds=0, table=100))
    clients.admit("192.0.2.1")  # a client with a query running
    for n in range(5_000):  # 50 times the table
        key = client_key(f"2001:db8:{n >> 16:x}:{n & 0xFFFF:x}::1")
        clients.admit(key)
        clients.release(key, 0.5)
    assert len(clients.table) == 100
    assert clients.table["192.0.2.1"].running == 1  # never forgotten while a query runs
    clients.admit("192.0.2.1")
    with pytest.raises(TooMany):
        clients.admit("192.0.2.1")  # its bound held through the churn


def test_a_full_table_of_busy_clients_grows_by_one_rather_than_forget_one() -> None:
    clients = Clients(Fairness(concurrent=1, seconds=0, table=2))
    clients.admit("a")
    clients.admit("b")
    clients.admit("c")  # a and b have queries running: neither is forgotten
    assert list(clients.table) == ["a", "b", "c"]
    for key in ("a", "b", "c"):
        clients.release(key, 0.0)
    clients.admit("d")  # now the oldest idle one goes
    assert list(clients.table) == ["b", "c", "d"]


def test_addresses_in_one_ipv6_64_are_one_client() -> None:
    clients = Clients(Fairness(concurrent=1, seconds=0))
    clients.admit(client_key("2001:db8:1:2::1"))
    with pytest.raises(TooMany) as refused:
        clients.admit(client_key("2001:db8:1:2:ffff:ffff:ffff:fffe"))
    assert refused.value.retry_after == 2
    clients.admit(client_key("2001:db8:1:3::1"))  # the next /64 is another client
    assert list(clients.table) == ["2001:db8:1:2::/64", "2001:db8:1:3::/64"]
    assert client_key("2001:DB8:1:2::9") == "2001:db8:1:2::/64"  # any spelling, one client


def test_the_bucket_drains_at_seconds_per_window() -> None:
    clock = Clock()
    clients = Clients(Fairness(concurrent=0, seconds=10, window=60), clock)
    for _ in range(5):  # no concurrency limit: five at once
        clients.admit("a")
    for _ in range(5):
        clients.release("a", 3.0)  # 15 s used, 5 over the budget
    with pytest.raises(TooMany) as refused:
        clients.admit("a")
    assert refused.value.retry_after == 31  # 5 s at 10/60 s per s: 30 s, then under
    clock.now = 30.0
    with pytest.raises(TooMany):
        clients.admit("a")  # exactly at the budget is still refused
    clock.now = 30.1
    clients.admit("a")
    assert clients.table["a"].used == pytest.approx(9.9833, abs=1e-3)


def test_zero_turns_both_limits_off() -> None:
    clients = Clients(Fairness(concurrent=0, seconds=0))
    for _ in range(1000):
        clients.admit("a")
    clients.release("a", 1e9)
    clients.admit("a")
    assert clients.table["a"].running == 1000
