"""A query worker: a spawned process that opens the dataset, cannot reach the network, has a
memory limit, and answers one query at a time over a pipe.

The server ends a worker (and starts a fresh one) when its query runs past the time limit or its
client hangs up; a query past the memory limit makes Oxigraph abort the worker, which the server
reports the same way. A worker never dies of a bad request: every outcome, refusals included, is
an :class:`Outcome`.
"""

from __future__ import annotations

import io
import multiprocessing
import os
import threading
from concurrent.futures import ThreadPoolExecutor
from contextlib import suppress
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import TYPE_CHECKING

import mimeparse
import pyoxigraph as ox

from diplograph.errors import DiplographError
from diplograph.publish.describe import FORMATS
from diplograph.rdfio import load_store
from diplograph.serve.head import MAX_NESTING, analyse, nesting
from diplograph.serve.sandbox import deny_sockets, limit_memory
from diplograph.store import open_store

if TYPE_CHECKING:
    from _typeshed import ReadableBuffer

RESULTS = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
GRAPHS = {fmt.media_type: fmt.rdf for fmt in FORMATS.values()}
READ_ONLY = "updates are not allowed: this endpoint is read-only"
NOT_EVALUATED = (
    "the query could not be evaluated (federated queries, SERVICE, are not allowed here)"
)
# The files of a RocksDB folder that change when its data does (not LOG, which opening it writes).
_DATA_SUFFIXES = (".sst", ".log")
_DATA_PREFIXES = ("CURRENT", "MANIFEST-")
Version = tuple[tuple[str, int, int], ...]


@dataclass(frozen=True)
class Source:
    """Where the dataset is: RDF files, or a persistent Oxigraph store (opened read-only)."""

    files: tuple[Path, ...] = ()
    store: Path | None = None

    def open(self) -> ox.Store:
        if self.store is not None:
            return open_store(self.store, read_only=True)
        return load_store(self.files)

    def version(self) -> Version:
        """What changes when the dataset does: name, size and mtime of each file it is read from.

        A file that disappears while it is looked at (a compaction) is left out.
        """
        if self.store is None:
            paths = list(self.files)
        else:
            try:
                names = [entry.name for entry in os.scandir(self.store)]
            except OSError:
                return ()
            paths = [
                self.store / name
                for name in names
                if name.endswith(_DATA_SUFFIXES) or name.startswith(_DATA_PREFIXES)
            ]
        stamps = []
        for path in paths:
            try:
                stat = path.stat()
            except FileNotFoundError:
                continue
            stamps.append((path.name if self.store else str(path), stat.st_size, stat.st_mtime_ns))
        return tuple(sorted(stamps))


@dataclass(frozen=True)
class Query:
    """A query as the protocol delivered it, and the Accept header of its request."""

    text: str
    accept: str
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()

    @property
    def protocol_dataset(self) -> bool:
        """Whether the request gives a dataset (``default-graph-uri``, ``named-graph-uri``)."""
        return bool(self.default_graphs or self.named_graphs)


@dataclass(frozen=True)
class Outcome:
    """What a worker answers: a status, a body and its media type."""

    status: int
    body: bytes
    media_type: str

    @classmethod
    def text(cls, status: int, message: str) -> Outcome:
        return cls(status, (message + "\n").encode("utf-8"), "text/plain; charset=utf-8")


class TooLarge(Exception):
    """Raised by :class:`Limited` when a serialised result passes the size limit."""


class Limited(io.BytesIO):
    """A bytes buffer that refuses to grow past ``limit``."""

    def __init__(self, limit: int) -> None:
        super().__init__()
        self.limit = limit

    def write(self, data: ReadableBuffer, /) -> int:
        if self.tell() + memoryview(data).nbytes > self.limit:
            raise TooLarge
        return super().write(data)


def dataset_options(query: Query, has_clause: bool) -> dict[str, object]:
    """The dataset Oxigraph runs ``query`` on (SPARQL 1.1 Protocol §2.1.4).

    The protocol's ``default-graph-uri``/``named-graph-uri`` replace the query's dataset clause;
    else the query's own ``FROM``/``FROM NAMED`` hold; with neither, the default graph is the union
    of the named graphs.

    >>> dataset_options(Query("", "", ("urn:g",)), True)
    {'default_graph': [<NamedNode value=urn:g>], 'named_graphs': []}
    >>> dataset_options(Query("", ""), True), dataset_options(Query("", ""), False)
    ({}, {'use_default_graph_as_union': True})
    """
    if query.protocol_dataset:
        return {
            "default_graph": [ox.NamedNode(g) for g in query.default_graphs],
            "named_graphs": [ox.NamedNode(g) for g in query.named_graphs],
        }
    return {} if has_clause else {"use_default_graph_as_union": True}


def execute(store: ox.Store, graphs: frozenset[str], query: Query, max_bytes: int) -> Outcome:
    """Run one query and serialise its result in the negotiated format, within ``max_bytes``."""
    head = analyse(query.text)
    if head.update:
        return Outcome.text(403, READ_ONLY)
    if not head.form:
        return Outcome.text(400, "empty query: give a SPARQL query in `query`")
    if nesting(query.text) > MAX_NESTING:
        return Outcome.text(400, f"the query nests brackets deeper than {MAX_NESTING} levels")
    named = [("FROM", g) for g in head.default_graphs] + [
        ("FROM NAMED", g) for g in head.named_graphs
    ]
    if query.protocol_dataset:
        named = [("default-graph-uri", g) for g in query.default_graphs]
        named += [("named-graph-uri", g) for g in query.named_graphs]
    for clause, graph in named:
        if graph not in graphs:
            return Outcome.text(400, f"{clause} <{graph}>: not a named graph of this dataset")
    try:
        result = store.query(query.text, **dataset_options(query, head.dataset))  # type: ignore[arg-type]
        return _serialise(result, query.accept, max_bytes)
    except SyntaxError as error:
        return Outcome.text(400, f"query syntax error: {error}")
    except TooLarge:
        return Outcome.text(
            400, f"the result is larger than the limit of {max_bytes} bytes; add a LIMIT"
        )
    except (OSError, RuntimeError, ValueError):
        return Outcome.text(400, NOT_EVALUATED)  # never Oxigraph's message: it may name a host


def _serialise(
    result: ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples, accept: str, max_bytes: int
) -> Outcome:
    offered: dict[str, ox.QueryResultsFormat | ox.RdfFormat]
    offered = dict(GRAPHS) if isinstance(result, ox.QueryTriples) else dict(RESULTS)
    media_type = mimeparse.best_match(list(reversed(offered)), accept or "*/*")
    if not media_type:
        return Outcome.text(
            406, f"none of the accepted types is available; offered: {', '.join(offered)}"
        )
    output = Limited(max_bytes)
    fmt = offered[media_type]
    if isinstance(result, ox.QueryTriples):
        assert isinstance(fmt, ox.RdfFormat)
        result.serialize(output=output, format=fmt)
    else:
        assert isinstance(fmt, ox.QueryResultsFormat)
        result.serialize(output=output, format=fmt)
    return Outcome(200, output.getvalue(), media_type)


@dataclass(frozen=True)
class Limits:
    """What one worker may use: result bytes, address space in MB (0: no limit)."""

    max_bytes: int
    memory_mb: int

    @property
    def stack_mb(self) -> int:
        """The query thread's stack: deep enough for ~50,000 nested brackets, within the limit.

        >>> Limits(0, 2048).stack_mb, Limits(0, 400).stack_mb, Limits(0, 0).stack_mb
        (256, 100, 256)
        """
        return min(256, self.memory_mb // 4) if self.memory_mb else 256

    def over_memory(self) -> Outcome:
        """The answer to a query that needed more than the memory limit (or the stack)."""
        return Outcome.text(
            503, f"the query needed more memory than the limit of {self.memory_mb} MB"
        )


def _work(connection: Connection, source: Source, limits: Limits) -> None:
    """A worker: open the dataset, lock itself down, answer queries until the pipe closes."""
    os.nice(5)  # pages, served by the server process, come first
    version = source.version()
    store = source.open()
    graphs = _graphs(store)
    deny_sockets()
    if limits.memory_mb:
        limit_memory(limits.memory_mb)
    threading.stack_size(limits.stack_mb * 1024 * 1024)  # Oxigraph parses by recursion
    runner = ThreadPoolExecutor(1)
    connection.send("ready")
    while True:
        try:
            query = connection.recv()
        except EOFError:
            return
        if source.version() != version:  # `diplograph load` changed the store: follow it
            with suppress(DiplographError):  # caught mid-write: keep the last snapshot
                version, store = source.version(), source.open()
            graphs = _graphs(store)
        try:
            outcome = runner.submit(execute, store, graphs, query, limits.max_bytes).result()
        except MemoryError:
            outcome = limits.over_memory()
        connection.send(outcome)


def _graphs(store: ox.Store) -> frozenset[str]:
    return frozenset(g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode))


class Worker:
    """One query worker process and the pipe to it."""

    def __init__(self, source: Source, limits: Limits) -> None:
        # Forked from a server process that has imported this module once: a fresh worker is
        # ready in milliseconds (spawn would import the whole command line each time).
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload([__name__])
        self.connection, child = context.Pipe()
        self.process: BaseProcess = context.Process(
            target=_work, args=(child, source, limits), daemon=True
        )
        self.process.start()
        child.close()

    def stop(self) -> None:
        """End the process at once (a query inside Oxigraph cannot be interrupted otherwise)."""
        self.connection.close()
        self.process.kill()
        self.process.join()
