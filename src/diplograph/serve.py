"""``diplograph serve``: the published site live, with content negotiation and a SPARQL endpoint.

The dataset's namespace is mapped onto the server's root (``https://w3id.org/diplograph/id/x``
is served at ``/id/x``). Resource paths answer ``303 See Other`` with the document in the
negotiated format; documents are rendered by :class:`diplograph.publish.site.Site`.

SPARQL queries run in worker processes, so a query over the time limit is stopped by ending its
worker (a query inside Oxigraph cannot be interrupted otherwise); a fresh worker takes its place.

>>> refused("SELECT * { SERVICE <http://x/sparql> { ?s ?p ?o } }")
True
>>> refused('SELECT ?service { ?service <urn:p> "SERVICE" } # SERVICE')
False
"""

from __future__ import annotations

import asyncio
import io
import multiprocessing
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import parse_qs

import mimeparse
import pyoxigraph as ox
import uvicorn
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response
from starlette.routing import Route

from diplograph.errors import DiplographError
from diplograph.publish.describe import FORMATS, serialize
from diplograph.publish.site import Site
from diplograph.publish.void import service_description
from diplograph.rdfio import load_store
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
GRAPH_EXTENSIONS = {fmt.media_type: fmt.extension for fmt in FORMATS.values()}
# Lexical tokens that may hide the word SERVICE: IRIs, strings, comments, names, variables.
_TOKENS = re.compile(
    r'<[^<>"{}|^`\\\s]*>|"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"'
    r"|'(?:[^'\\\n]|\\.)*'|#[^\n]*|[?$][\w]+|[\w.-]*:[\w.:-]*|(\w+)"
)


def refused(query: str) -> bool:
    """Whether a query asks for a ``SERVICE`` (federated query), which the endpoint refuses."""
    return any(m.group(1) and m.group(1).upper() == "SERVICE" for m in _TOKENS.finditer(query))


def is_update(text: str) -> bool:
    """Whether ``text`` is a SPARQL update (parsed with rdflib's grammar, never executed)."""
    from rdflib.plugins.sparql.parser import parseUpdate

    try:
        parseUpdate(text)
    except Exception:
        return False
    return True


@dataclass(frozen=True)
class Source:
    """Where the workers find the dataset: RDF files, or a persistent Oxigraph store."""

    files: tuple[Path, ...] = ()
    store: Path | None = None

    def open(self) -> ox.Store:
        if self.store is not None:
            return open_store(self.store, read_only=True)
        return load_store(self.files)


@dataclass(frozen=True)
class Outcome:
    """What a worker answers: a status, a body and its media type."""

    status: int
    body: bytes
    media_type: str


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


def execute(store: ox.Store, request: Query, max_bytes: int) -> Outcome:
    """Run one query and serialise its result in the negotiated format, within ``max_bytes``."""
    options: dict[str, object] = {"use_default_graph_as_union": not request.default_graphs}
    if request.default_graphs:
        options["default_graph"] = [ox.NamedNode(g) for g in request.default_graphs]
    if request.named_graphs:
        options["named_graphs"] = [ox.NamedNode(g) for g in request.named_graphs]
    try:
        result = store.query(request.text, **options)  # type: ignore[arg-type]
    except SyntaxError as error:
        if is_update(request.text):
            return Outcome(
                403, b"updates are not allowed: this endpoint is read-only\n", "text/plain"
            )
        return Outcome(400, f"query syntax error: {error}\n".encode(), "text/plain")
    offered: dict[str, ox.QueryResultsFormat | ox.RdfFormat]
    offered = dict(GRAPHS) if isinstance(result, ox.QueryTriples) else dict(RESULTS)
    media_type = mimeparse.best_match(list(reversed(offered)), request.accept or "*/*")
    if not media_type:
        message = f"none of the accepted types is available; offered: {', '.join(offered)}\n"
        return Outcome(406, message.encode(), "text/plain")
    output = Limited(max_bytes)
    try:
        if isinstance(result, ox.QueryTriples):
            fmt = offered[media_type]
            assert isinstance(fmt, ox.RdfFormat)
            result.serialize(output=output, format=fmt)
        else:
            fmt = offered[media_type]
            assert isinstance(fmt, ox.QueryResultsFormat)
            result.serialize(output=output, format=fmt)
    except TooLarge:
        message = f"the result is larger than the limit of {max_bytes} bytes; add a LIMIT\n"
        return Outcome(400, message.encode(), "text/plain")
    except OSError as error:
        return Outcome(500, f"query failed: {error}\n".encode(), "text/plain")
    return Outcome(200, output.getvalue(), media_type)


@dataclass(frozen=True)
class Query:
    """A query as the protocol delivered it, and the Accept header of its request."""

    text: str
    accept: str
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()


def _work(connection: Connection, source: Source, max_bytes: int) -> None:
    """A worker process: open the dataset, then answer queries until the pipe closes."""
    store = source.open()
    connection.send("ready")
    while True:
        try:
            request = connection.recv()
        except EOFError:
            return
        connection.send(execute(store, request, max_bytes))


class Worker:
    """One query worker process and the pipe to it."""

    def __init__(self, source: Source, max_bytes: int) -> None:
        context = multiprocessing.get_context("spawn")
        self.connection, child = context.Pipe()
        self.process: BaseProcess = context.Process(
            target=_work, args=(child, source, max_bytes), daemon=True
        )
        self.process.start()
        child.close()

    def wait_ready(self) -> None:
        if self.connection.recv() != "ready":
            raise DiplographError("the query worker did not start")

    def stop(self) -> None:
        self.connection.close()
        self.process.kill()
        self.process.join()


@dataclass(frozen=True)
class Settings:
    """How the server runs: its public base, its dataset and its limits."""

    base: str
    source: Source
    queries: Path | tuple[Path, ...]
    assets: Path
    timeout: float = 10.0
    max_bytes: int = 10_000_000
    workers: int = 1


class Endpoint:
    """The SPARQL endpoint's pool of workers."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.idle: asyncio.Queue[Worker] = asyncio.Queue()

    def spawn(self) -> Worker:
        return Worker(self.settings.source, self.settings.max_bytes)

    async def start(self) -> None:
        workers = [self.spawn() for _ in range(self.settings.workers)]
        for worker in workers:
            await asyncio.to_thread(worker.wait_ready)
            self.idle.put_nowait(worker)

    async def stop(self) -> None:
        while not self.idle.empty():
            self.idle.get_nowait().stop()

    async def run(self, query: Query) -> Outcome:
        worker = await self.idle.get()
        try:
            worker.connection.send(query)
            ready = await asyncio.to_thread(worker.connection.poll, self.settings.timeout)
            if not ready:
                worker.stop()
                worker = self.spawn()
                await asyncio.to_thread(worker.wait_ready)
                limit = self.settings.timeout
                message = f"the query ran longer than the time limit of {limit:g} s\n"
                return Outcome(503, message.encode(), "text/plain")
            outcome: Outcome = worker.connection.recv()
            return outcome
        except (EOFError, OSError):
            worker.stop()
            worker = self.spawn()
            await asyncio.to_thread(worker.wait_ready)
            return Outcome(500, b"the query worker failed; try again\n", "text/plain")
        finally:
            self.idle.put_nowait(worker)


def _text(status: int, message: str, **headers: str) -> Response:
    return PlainTextResponse(message + "\n", status_code=status, headers=headers)


def application(settings: Settings, store: ox.Store) -> Starlette:
    """The ASGI application serving ``store`` (pages) and the endpoint (workers)."""
    site = Site(store, settings.queries, settings.assets)
    endpoint = Endpoint(settings)
    sparql_url = settings.base + "sparql"

    async def sparql(request: Request) -> Response:
        content_type = request.headers.get("content-type", "").split(";")[0].strip()
        params = request.query_params
        text: str | None = params.get("query")
        if request.method == "POST":
            if content_type == "application/sparql-update":
                return _text(403, "updates are not allowed: this endpoint is read-only")
            if content_type == "application/sparql-query":
                text = (await request.body()).decode("utf-8")
            elif content_type == "application/x-www-form-urlencoded":
                form = parse_qs((await request.body()).decode("utf-8"))
                if "update" in form:
                    return _text(403, "updates are not allowed: this endpoint is read-only")
                text = form["query"][0] if "query" in form else None
            else:
                return _text(415, f"unsupported content type {content_type!r} for a query")
        elif "update" in params:
            return _text(403, "updates are not allowed: this endpoint is read-only")
        accept = request.headers.get("accept", "")
        if text is None:
            return description(accept)
        if refused(text):
            return _text(400, "SERVICE (federated query) is not allowed on this endpoint")
        query = Query(
            text,
            accept,
            tuple(params.getlist("default-graph-uri")),
            tuple(params.getlist("named-graph-uri")),
        )
        outcome = await endpoint.run(query)
        return Response(outcome.body, outcome.status, media_type=outcome.media_type)

    def description(accept: str) -> Response:
        offered = ["text/html", *reversed(GRAPHS)]  # on a tie (*/*), Turtle wins
        chosen = mimeparse.best_match(offered, accept or "*/*")
        if chosen == "text/html":
            return RedirectResponse(settings.base + "query.html", 303, headers={"Vary": "Accept"})
        if not chosen:
            return _text(406, f"offered: {', '.join(offered)}", Vary="Accept")
        body = serialize(service_description(store, sparql_url), GRAPH_EXTENSIONS[chosen])
        return Response(body, media_type=chosen, headers={"Vary": "Accept"})

    async def page(request: Request) -> Response:
        path = request.path_params["path"] or "index.html"
        document = site.document(path)
        if document is not None:
            return Response(document.body, media_type=document.media_type)
        if site.resource(path) is None:
            return _text(404, f"not found: {path}")
        offered = [*reversed(GRAPHS), "text/html"]  # on a tie (*/*), the last one wins
        chosen = mimeparse.best_match(offered, request.headers.get("accept") or "*/*")
        if not chosen:
            return _text(
                406, f"none of the accepted types is offered: {', '.join(offered)}", Vary="Accept"
            )
        extension = "html" if chosen == "text/html" else GRAPH_EXTENSIONS[chosen]
        return RedirectResponse(
            f"{settings.base}{path}.{extension}", 303, headers={"Vary": "Accept"}
        )

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        await endpoint.start()
        try:
            yield
        finally:
            await endpoint.stop()

    cors = Middleware(
        CORSMiddleware, allow_origins=["*"], allow_methods=["GET", "POST"], allow_headers=["*"]
    )
    routes = [
        Route("/sparql", sparql, methods=["GET", "POST"]),
        Route("/{path:path}", page, methods=["GET", "HEAD"]),
    ]
    return Starlette(routes=routes, middleware=[cors], lifespan=lifespan)


def serve(settings: Settings, host: str, port: int) -> None:
    """Load the dataset and serve it with uvicorn until interrupted (Ctrl-C, SIGTERM)."""
    store = settings.source.open()
    uvicorn.run(application(settings, store), host=host, port=port, log_level="info")
