"""Where ingested graphs go: an embedded Oxigraph store, or a SPARQL 1.1 server.

Both take whole named graphs. The store gets new article graphs through Oxigraph's bulk loader
(``Store.bulk_load``: N-Quads bytes straight into new files, no transaction log) and changed ones
in a transaction each (the old graph dropped, the new one loaded, so a graph is never half
written); a server gets each graph as a Graph Store Protocol ``PUT`` (SPARQL Update where it has
no Graph Store endpoint), several graphs at a time in parallel connections.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Protocol

import pyoxigraph as ox

from diplograph.ingest.work import Outcome
from diplograph.remote import Connection, Server
from diplograph.store import open_store, stored_form
from diplograph.vocab import graph_iri

LEDGER = "diplograph-ingest.sqlite"  # the ledger's name inside an embedded store's folder


class Target(Protocol):
    """A place that holds named graphs."""

    def graphs(self) -> set[str]:
        """The names of the named graphs it holds."""
        ...

    def add(self, new: Sequence[Outcome], changed: Sequence[Outcome]) -> None:
        """Load the graphs of ``new`` articles, and replace those of ``changed`` ones."""
        ...

    def drop(self, names: Iterable[str]) -> None:
        """Remove these named graphs."""
        ...

    def put(self, name: str, quads: Sequence[ox.Quad]) -> bool:
        """Make graph ``name`` hold exactly ``quads``; whether it changed."""
        ...

    def close(self) -> None: ...


class StoreTarget:
    """A persistent embedded Oxigraph store in a folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.store = open_store(folder)

    def graphs(self) -> set[str]:
        return {g.value for g in self.store.named_graphs() if isinstance(g, ox.NamedNode)}

    def add(self, new: Sequence[Outcome], changed: Sequence[Outcome]) -> None:
        for outcome in changed:
            graph = ox.NamedNode(_graph_of(outcome))
            self.store.remove_graph(graph)
            self.store.load(outcome.nquads, ox.RdfFormat.N_QUADS)
        if new:
            # lenient: no IRI checks for N-Quads that Oxigraph's own serializer wrote
            data = b"".join(o.nquads for o in new)
            self.store.bulk_load(data, ox.RdfFormat.N_QUADS, lenient=True)

    def drop(self, names: Iterable[str]) -> None:
        for name in names:
            self.store.remove_graph(ox.NamedNode(name))

    def put(self, name: str, quads: Sequence[ox.Quad]) -> bool:
        graph = ox.NamedNode(name)
        if set(self.store.quads_for_pattern(None, None, None, graph)) == stored_form(list(quads)):
            return False
        self.store.remove_graph(graph)
        self.store.extend(quads)
        return True

    def close(self) -> None:
        """Flush and close the store (the last reference dropped), so that it can be reopened,
        read-only for ``serve``, in this very process."""
        self.store.flush()
        del self.store


class ServerTarget:
    """A SPARQL 1.1 server, written to by ``parallel`` connections at once."""

    def __init__(self, server: Server, parallel: int = 4) -> None:
        self.server = server
        self.local = threading.local()
        self.connections: list[Connection] = []
        self.lock = threading.Lock()
        self.pool = ThreadPoolExecutor(parallel, thread_name_prefix="diplograph-put")
        self.graph_store = True

    def _connection(self) -> Connection:
        connection: Connection | None = getattr(self.local, "connection", None)
        if connection is None:
            connection = Connection(self.server).__enter__()
            connection.prime(self.server.graph_store_url)
            self.local.connection = connection
            with self.lock:
                self.connections.append(connection)
        return connection

    def graphs(self) -> set[str]:
        return set(self._connection().counts())

    def _replace(self, name: str, triples: list[ox.Triple]) -> None:
        connection = self._connection()
        if self.graph_store:
            self.graph_store = connection.put_graph(name, triples, None)
        if not self.graph_store:
            connection.update_graph(name, triples, None)

    def add(self, new: Sequence[Outcome], changed: Sequence[Outcome]) -> None:
        jobs = [
            (_graph_of(o), [q.triple for q in ox.parse(o.nquads, ox.RdfFormat.N_QUADS)])
            for o in [*new, *changed]
        ]
        for future in [self.pool.submit(self._replace, *job) for job in jobs]:
            future.result()

    def drop(self, names: Iterable[str]) -> None:
        for future in [self.pool.submit(self._drop, name) for name in names]:
            future.result()

    def _drop(self, name: str) -> None:
        self._connection().drop_graph(name)

    def put(self, name: str, quads: Sequence[ox.Quad]) -> bool:
        self._replace(name, [q.triple for q in quads])
        return True

    def close(self) -> None:
        self.pool.shutdown()
        for connection in self.connections:
            connection.__exit__(None, None, None)


def _graph_of(outcome: Outcome) -> str:
    return graph_iri(outcome.id)
