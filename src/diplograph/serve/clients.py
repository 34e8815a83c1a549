"""Per-client fairness of the SPARQL endpoint: no client may hold more than its share of the
query workers, now or on average.

A client is its address (``scope["client"]``: the peer, or the address a trusted proxy names in
``X-Forwarded-For``, which uvicorn's proxy-headers middleware reads only for the proxies the
operator lists); an IPv6 client is its ``/64``, the block one host or one customer line gets, so
changing the low bits of an address makes no new client. Each client has

- at most ``concurrent`` queries running in a worker or waiting for one; and
- a budget of query-seconds, a leaky bucket: every second a query spends in a worker is added to
  the client's bucket, which drains at ``seconds / window`` per second; a client whose bucket
  holds ``seconds`` or more is refused until it has drained below. So over time a client gets at
  most ``seconds`` of worker time per ``window`` on average, in bursts of up to ``seconds`` (plus
  the queries it has running).

A refusal is :class:`TooMany`, answered ``429 Too Many Requests`` with ``Retry-After``. Only queries
that need a worker pass here: pages and answers kept from an earlier run cost nothing and are not
counted. The table of clients holds at most ``table`` entries; past that, the least recently seen
client with no query running is forgotten (so address churn costs memory once per entry, never
more; a client with a query running is never forgotten, so its bound always holds).
"""

from __future__ import annotations

import ipaddress
import math
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Fairness:
    """The per-client limits; ``0`` turns a limit off."""

    concurrent: int = 1
    seconds: float = 60.0
    window: float = 60.0
    table: int = 10_000
    retry_after: int = 2


class TooMany(Exception):
    """A client over one of its limits: the one-line reason and the seconds to wait."""

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(message)
        self.message = message
        self.retry_after = retry_after


def client_key(host: str | None) -> str:
    """The client an address belongs to: an IPv6 address its ``/64`` (an IPv4-mapped one its
    IPv4 address), an IPv4 address or anything else (no address, a test client's name) itself,
    cut to 64 characters.

    >>> client_key("192.0.2.7")
    '192.0.2.7'
    >>> client_key("2001:db8:0:1:a:b:c:d"), client_key("2001:db8::1")
    ('2001:db8:0:1::/64', '2001:db8:0:0::/64')
    >>> client_key("::ffff:192.0.2.7")
    '192.0.2.7'
    >>> client_key("testclient"), client_key(None), len(client_key("x" * 1000))
    ('testclient', '', 64)
    """
    if not host:
        return ""
    if ":" in host:  # only IPv6 is parsed: an IPv4 address is already one client's name
        try:
            address = ipaddress.IPv6Address(host)
        except ValueError:
            return host[:64]
        if address.ipv4_mapped is not None:
            return str(address.ipv4_mapped)
        prefix = int(address) >> 64
        return ":".join(f"{prefix >> shift & 0xFFFF:x}" for shift in (48, 32, 16, 0)) + "::/64"
    return host[:64]  # a table entry stays small whatever a header held


@dataclass
class Client:
    """One client's queries now, and its bucket of query-seconds as of ``stamp``."""

    running: int = 0
    used: float = 0.0
    stamp: float = 0.0


class Clients:
    """The table of clients: :meth:`admit` before a query takes a worker, :meth:`release` after.

    >>> now = [0.0]
    >>> clients = Clients(Fairness(concurrent=1, seconds=10, window=100), lambda: now[0])
    >>> clients.admit("a")
    >>> clients.admit("a")
    Traceback (most recent call last):
    diplograph.serve.clients.TooMany: this client already has 1 query running or waiting...
    >>> clients.admit("b")  # another client is not affected
    >>> clients.release("a", 12.0)  # a's bucket: 12 s, over its 10 s
    >>> clients.admit("a")
    Traceback (most recent call last):
    diplograph.serve.clients.TooMany: this client has used its query time (10 s per 100 s)...
    >>> now[0] = 20.5  # drained at 0.1 s per second: 9.95 s left, under 10
    >>> clients.admit("a")
    """

    def __init__(self, fairness: Fairness, clock: Callable[[], float] = time.monotonic) -> None:
        self.fairness = fairness
        self.clock = clock
        self.rate = fairness.seconds / fairness.window if fairness.window > 0 else 0.0
        self.table: OrderedDict[str, Client] = OrderedDict()

    def _drained(self, client: Client, now: float) -> None:
        client.used = max(0.0, client.used - (now - client.stamp) * self.rate)
        client.stamp = now

    def _entry(self, key: str, now: float) -> Client:
        client = self.table.get(key)
        if client is None:
            if len(self.table) >= max(1, self.fairness.table):
                self._forget_one()
            client = self.table[key] = Client(stamp=now)
        else:
            self.table.move_to_end(key)
        return client

    def _forget_one(self) -> None:
        """Forget the least recently seen client with no query running (there is always one
        unless every entry has a query running: then the table grows by one, bounded by the
        queries the pool lets in)."""
        for key, client in self.table.items():
            if client.running == 0:
                del self.table[key]
                return

    def admit(self, key: str) -> None:
        """Count a query of ``key``, or raise :class:`TooMany` when the client is over a limit."""
        now = self.clock()
        client = self._entry(key, now)
        self._drained(client, now)
        limit = self.fairness.concurrent
        if limit and client.running >= limit:
            queries = "query" if limit == 1 else "queries"
            raise TooMany(
                f"this client already has {limit} {queries} running or waiting; "
                "wait for one to end, then send the next",
                self.fairness.retry_after,
            )
        budget = self.fairness.seconds
        if budget and self.rate and client.used >= budget:
            wait = math.floor((client.used - budget) / self.rate) + 1
            raise TooMany(
                f"this client has used its query time ({budget:g} s per "
                f"{self.fairness.window:g} s); try again in {wait} s",
                wait,
            )
        client.running += 1

    def release(self, key: str, seconds: float) -> None:
        """The end of an admitted query of ``key`` that spent ``seconds`` in a worker."""
        client = self.table[key]  # never forgotten while a query runs
        self._drained(client, self.clock())
        client.running -= 1
        client.used += seconds
