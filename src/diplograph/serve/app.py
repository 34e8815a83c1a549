"""The ASGI application: pages with content negotiation, and the SPARQL 1.1 Protocol endpoint.

Everything that may take long runs off the event loop: pages render in Starlette's thread pool
(cached per snapshot, see :mod:`diplograph.serve.live`), queries in worker processes (read, lexed
and run there, see :mod:`diplograph.serve.worker`). Here a request is only read (within
``max_request_bytes``), decoded (strict UTF-8) and checked (one query, IRIs that parse, an Accept
header that parses), so a malformed request is a ``4xx`` with a one-line reason.
"""

from __future__ import annotations

import logging
import os
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import parse_qs

import mimeparse
import pyoxigraph as ox
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response
from starlette.routing import BaseRoute, Route
from starlette.types import Receive

from diplograph.publish.describe import FORMATS, serialize
from diplograph.publish.void import service_description
from diplograph.serve.clients import Clients, Fairness, TooMany, client_key
from diplograph.serve.live import Cached, Live, Snapshot
from diplograph.serve.pool import Busy, Pool, PoolSettings
from diplograph.serve.worker import GRAPHS, READ_ONLY, Limits, Outcome, Query, Source
from diplograph.web_input import Refused, read_body

log = logging.getLogger("diplograph.serve")

GRAPH_EXTENSIONS = {fmt.media_type: fmt.extension for fmt in FORMATS.values()}
FORM = "application/x-www-form-urlencoded"


def _workers() -> int:
    """One query worker per core the process may use (at least two)."""
    return max(2, len(os.sched_getaffinity(0)))


@dataclass(frozen=True)
class Settings:
    """How the server runs: its public base, its dataset and its limits."""

    base: str
    source: Source
    queries: Path | tuple[Path, ...]
    assets: Path
    timeout: float = 10.0
    max_bytes: int = 10_000_000
    workers: int = field(default_factory=_workers)
    queue: int = 64
    memory_mb: int = 2048
    max_request_bytes: int = 1_000_000
    body_timeout: float = 10.0
    per_client: int | None = None
    client_seconds: float = 60.0
    client_window: float = 60.0
    client_table: int = 10_000

    def fairness(self) -> Fairness:
        """The per-client limits; ``per_client`` None is half the workers, rounded up.

        >>> from pathlib import Path
        >>> Settings("/", Source(()), Path(), Path(), workers=3).fairness().concurrent
        2
        """
        concurrent = -(-self.workers // 2) if self.per_client is None else self.per_client
        return Fairness(concurrent, self.client_seconds, self.client_window, self.client_table)


def _text(status: int, message: str, **headers: str) -> Response:
    return PlainTextResponse(message + "\n", status_code=status, headers=headers)


def _decode(data: bytes, what: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise Refused(400, f"{what}: not UTF-8 (byte {error.start})") from None


def _parameters(data: bytes, what: str) -> dict[str, list[str]]:
    """``a=1&b=2`` form or query string, strictly UTF-8 after percent-decoding."""
    try:
        return parse_qs(_decode(data, what), keep_blank_values=True, errors="strict")
    except UnicodeDecodeError as error:
        raise Refused(
            400, f"{what}: a percent-encoded value is not UTF-8 ({error.reason})"
        ) from None


def _accept(request: Request) -> str:
    """The Accept header, refused (400) when it does not parse as media ranges."""
    accept = request.headers.get("accept", "") or "*/*"
    try:
        mimeparse.best_match(["text/html"], accept)
    except (ValueError, IndexError):
        raise Refused(400, f"malformed Accept header: {accept!r}") from None
    return accept


def _graphs(params: dict[str, list[str]], name: str) -> tuple[str, ...]:
    for value in params.get(name, []):
        try:
            ox.NamedNode(value)
        except ValueError:
            raise Refused(400, f"{name} {value!r}: not an absolute IRI") from None
    return tuple(params.get(name, []))


async def _protocol(request: Request, settings: Settings) -> Query | None:
    """The query a SPARQL Protocol request carries (None: no query, the service description)."""
    query_string: bytes = request.scope.get("query_string", b"")
    if len(query_string) > settings.max_request_bytes:
        raise Refused(413, f"the query string is longer than {settings.max_request_bytes} bytes")
    params = _parameters(query_string, "the query string")
    if request.method == "POST":
        content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if content_type == "application/sparql-update":
            raise Refused(403, READ_ONLY)
        if content_type not in ("application/sparql-query", FORM):
            raise Refused(415, f"unsupported content type {content_type!r} for a query")
        body = await read_body(request, settings.max_request_bytes, settings.body_timeout)
        if content_type == FORM:
            for name, values in _parameters(body, "the form").items():
                params.setdefault(name, []).extend(values)
        else:
            params["query"] = [*params.get("query", []), _decode(body, "the query")]
    if "update" in params:
        raise Refused(403, READ_ONLY)
    accept = _accept(request)
    texts = params.get("query", [])
    if not texts:
        return None
    if len(texts) > 1:
        raise Refused(400, "give one query, not several `query` parameters")
    if not texts[0].strip():
        raise Refused(400, "empty query: give a SPARQL query in `query`")
    return Query(
        texts[0], accept, _graphs(params, "default-graph-uri"), _graphs(params, "named-graph-uri")
    )


async def _hang_up(receive: Receive) -> None:
    """Return when the client closes the connection."""
    while (await receive())["type"] != "http.disconnect":
        pass


def _not_modified(request: Request, cached: Cached, last_modified: str) -> bool:
    """Whether the client's copy is current (``If-None-Match``, else ``If-Modified-Since``)."""
    tags = request.headers.get("if-none-match")
    if tags is not None:
        listed = {t.strip().removeprefix("W/") for t in tags.split(",")}
        return "*" in listed or cached.etag in listed
    since = request.headers.get("if-modified-since")
    if since is None:
        return False
    try:
        return parsedate_to_datetime(since) >= parsedate_to_datetime(last_modified)
    except (TypeError, ValueError):
        return False  # an unreadable date is ignored (RFC 9110 §13.1.3)


def _look_up(snapshot: Snapshot, path: str) -> tuple[Cached | None, bool]:
    """The document at ``path``, else whether ``path`` is a resource (raises the store's
    :class:`OSError` when a read fails)."""
    cached = snapshot.document(path)
    return cached, cached is not None or snapshot.site.resource(path) is not None


def _document(request: Request, cached: Cached, snapshot: Snapshot, **headers: str) -> Response:
    headers = {"ETag": cached.etag, "Last-Modified": snapshot.last_modified, **headers}
    if _not_modified(request, cached, snapshot.last_modified):
        return Response(status_code=304, headers=headers)
    return Response(cached.body, media_type=cached.media_type, headers=headers)


def application(settings: Settings, routes: Sequence[BaseRoute] = ()) -> Starlette:
    """The ASGI application; ``routes`` (e.g. ``/search``) are matched before the pages.

    ``app.state.live`` (the current dataset, :class:`~diplograph.serve.live.Live`),
    ``app.state.pool`` (the query workers) and ``app.state.clients`` (the per-client limits,
    :class:`~diplograph.serve.clients.Clients`) are there for those routes to use.
    """
    live = Live(settings.source, settings.queries, settings.assets)
    pool = Pool(
        PoolSettings(
            settings.source,
            Limits(settings.max_bytes, settings.memory_mb),
            settings.timeout,
            settings.workers,
            settings.queue,
        )
    )
    clients = Clients(settings.fairness())
    sparql_url = settings.base + "sparql"

    async def sparql(request: Request) -> Response:
        try:
            query = await _protocol(request, settings)
        except Refused as refused:
            return _text(refused.status, refused.message)
        if query is None:
            return await run_in_threadpool(description, request)
        snapshot = await run_in_threadpool(live.snapshot)
        client = client_key(request.client.host if request.client else None)

        async def run() -> Outcome:  # only a query that needs a worker counts for its client
            clients.admit(client)
            spent = 0.0

            def count(seconds: float) -> None:
                nonlocal spent
                spent = seconds

            try:
                return await pool.run(query, _hang_up(request.receive), count)
            finally:
                clients.release(client, spent)

        try:
            outcome = await snapshot.answers.get(query, run)
        except Busy:
            retry = str(pool.settings.retry_after)
            return _text(
                503, "too many queries are waiting; try again later", **{"Retry-After": retry}
            )
        except TooMany as refused:
            return _text(429, refused.message, **{"Retry-After": str(refused.retry_after)})
        return Response(outcome.body, outcome.status, media_type=outcome.media_type)

    def description(request: Request) -> Response:
        offered = ["text/html", *reversed(GRAPHS)]  # on a tie (*/*), Turtle wins
        chosen = mimeparse.best_match(offered, request.headers.get("accept") or "*/*")
        if chosen == "text/html":
            return RedirectResponse(settings.base + "query.html", 303, headers={"Vary": "Accept"})
        if not chosen:
            return _text(406, f"offered: {', '.join(offered)}", Vary="Accept")
        snapshot = live.snapshot()

        def render() -> tuple[bytes, str]:
            triples = service_description(snapshot.store, sparql_url)
            return serialize(triples, GRAPH_EXTENSIONS[chosen]), chosen

        cached = snapshot.cached("sparql:" + chosen, render)
        assert cached is not None
        return _document(request, cached, snapshot, Vary="Accept")

    def page(request: Request) -> Response:
        path = request.path_params["path"] or "index.html"
        try:
            accept = _accept(request)
        except Refused as refused:
            return _text(refused.status, refused.message)
        snapshot = live.snapshot()
        try:
            cached, found = _look_up(snapshot, path)
        except OSError:
            snapshot = live.snapshot(stale=snapshot)  # once more, on a freshly opened store
            try:
                cached, found = _look_up(snapshot, path)
            except OSError as error:
                log.warning("store read failed: %s", error)
                return _text(
                    503, "the dataset is being replaced; try again", **{"Retry-After": "2"}
                )
        if cached is not None:
            return _document(request, cached, snapshot)
        if not found:
            return _text(404, f"not found: {path}")
        offered = [*reversed(GRAPHS), "text/html"]  # on a tie (*/*), the last one wins
        chosen = mimeparse.best_match(offered, accept)
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
        await pool.start()
        try:
            yield
        finally:
            await pool.stop()

    cors = Middleware(
        CORSMiddleware, allow_origins=["*"], allow_methods=["GET", "POST"], allow_headers=["*"]
    )
    app = Starlette(
        routes=[
            Route("/sparql", sparql, methods=["GET", "POST"]),
            *routes,
            Route("/{path:path}", page, methods=["GET", "HEAD"]),
        ],
        middleware=[cors],
        lifespan=lifespan,
    )
    app.state.live = live
    app.state.pool = pool
    app.state.clients = clients
    return app
