"""What the endpoint's per-client limits cost a query that needs a worker: the client's key from its
address, then :meth:`Clients.admit` and :meth:`Clients.release`, on a full table of 10,000
clients (the default), each new address forgetting the oldest idle one.

Run on demand (not part of the test suite; a few seconds):

    python benchmarks/client_limits.py [--repeat 200000]
"""

from __future__ import annotations

import argparse
import os
import timeit
from collections.abc import Callable

from rich.console import Console
from rich.table import Table

from diplograph.serve.clients import Clients, Fairness, client_key


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=200_000)
    repeat = parser.parse_args().repeat
    fairness = Fairness(concurrent=1, seconds=60, window=60, table=10_000)
    clients = Clients(fairness)
    for n in range(fairness.table):
        clients.admit(f"10.0.{n >> 8}.{n & 255}")
        clients.release(f"10.0.{n >> 8}.{n & 255}", 0.01)
    counter = iter(range(10**9))

    def known_client() -> None:
        key = client_key("10.0.1.1")
        clients.admit(key)
        clients.release(key, 0.0)

    def new_client_v4() -> None:
        n = next(counter)
        key = client_key(f"172.{n >> 16 & 255}.{n >> 8 & 255}.{n & 255}")
        clients.admit(key)
        clients.release(key, 0.0)

    def new_client_v6() -> None:
        key = client_key(f"2001:db8:{next(counter):x}::1")
        clients.admit(key)
        clients.release(key, 0.0)

    cases: list[tuple[str, Callable[[], None]]] = [
        ("a known IPv4 client", known_client),
        ("a new IPv4 client (one forgotten)", new_client_v4),
        ("a new IPv6 /64 (one forgotten)", new_client_v6),
    ]
    table = Table("query from", "µs per query", "clients in the table")
    for name, case in cases:
        seconds = min(timeit.repeat(case, number=repeat, repeat=3))
        table.add_row(name, f"{seconds / repeat * 1e6:.2f}", f"{len(clients.table):,}")
    console = Console(width=100)
    console.print(table)
    console.print(f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
