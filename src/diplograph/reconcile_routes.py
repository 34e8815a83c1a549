"""``/reconcile`` in ``diplograph serve``: the W3C Reconciliation Service API (0.2) over the actors.

- ``GET /reconcile``: the service manifest (JSON);
- ``GET /reconcile?queries=JSON`` or ``POST`` a form with ``queries=JSON``: a query batch (at
  most :data:`~diplograph.reconcile.BATCH_SIZE` queries) answered with a result batch;
  ``query=JSON-or-text``: one query, answered with one result (the API's older form);
- ``GET /reconcile/preview?id=IRI``: an HTML card of the actor, for OpenRefine's preview;
- ``GET /reconcile/view?id=IRI``: ``303`` to the actor's page on this server;
- ``GET /reconcile/suggest/entity?prefix=…[&cursor=N]``, ``…/suggest/type``,
  ``…/suggest/property``: auto-completion.

Every size is bounded (request bytes, JSON size, batch size, query length, limit, cursor); JSON
that does not parse, nests too deep or breaks the query schema is a ``400`` with a one-line
``{"error": …}``, never a ``500``.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable

import pyoxigraph as ox
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from diplograph.derived import PerSnapshot, live_store
from diplograph.publish.describe import resource_path
from diplograph.publish.html import ENVIRONMENT
from diplograph.reconcile import (
    MAX_CURSOR,
    PROPERTIES,
    BadRequest,
    Query,
    Registry,
    manifest,
    preview_context,
    reconcile,
    suggest_types,
)
from diplograph.web_input import Refused, form, one, parameters

MAX_REQUEST_BYTES = 256_000
MAX_JSON_CHARS = 200_000
MAX_ID_CHARS = 1000
MAX_PREFIX_CHARS = 100


def parse_json(text: str) -> object:
    """JSON of at most :data:`MAX_JSON_CHARS` characters; :class:`BadRequest` when it is longer,
    does not parse or nests too deep.

    >>> parse_json('{"q0": {"query": "Wang"}}')
    {'q0': {'query': 'Wang'}}
    >>> parse_json("[" * 100_000)
    Traceback (most recent call last):
    ...
    diplograph.reconcile.BadRequest: the JSON nests too deep
    """
    if len(text) > MAX_JSON_CHARS:
        raise BadRequest(f"the JSON is longer than {MAX_JSON_CHARS} characters")
    try:
        return json.loads(text)
    except RecursionError:
        raise BadRequest("the JSON nests too deep") from None
    except json.JSONDecodeError as error:
        where = f"line {error.lineno} column {error.colno}"
        raise BadRequest(f"the JSON does not parse: {error.msg} at {where}") from None
    except ValueError:  # an integer of more digits than Python converts
        raise BadRequest("the JSON does not parse: a number is too long") from None


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message}, status)


def routes(base: str) -> list[Route]:
    """The ``/reconcile`` routes for a server whose public base URL is ``base`` (ending in
    ``/``), for :func:`diplograph.serve.application`'s ``routes``."""
    registries: PerSnapshot[ox.Store, Registry] = PerSnapshot(Registry.from_store)

    def registry(request: Request) -> Registry:
        snapshot, store = live_store(request.app.state)
        return registries.get(snapshot, store)

    def answer(request: Request, params: dict[str, list[str]]) -> Response:
        batch = one(params, "queries", MAX_JSON_CHARS)
        single = one(params, "query", MAX_JSON_CHARS)
        if batch is None and single is None:
            return JSONResponse(manifest(base))
        try:
            if batch is not None:
                return JSONResponse(reconcile(registry(request), parse_json(batch)))
            assert single is not None
            value: object = single
            if single.lstrip().startswith("{"):
                value = parse_json(single)
            return JSONResponse(
                {"result": registry(request).candidates(Query.parse("query", value))}
            )
        except BadRequest as error:
            return _error(400, str(error))

    async def service(request: Request) -> Response:
        try:
            if request.method == "POST":
                params = await form(request, MAX_REQUEST_BYTES)
            else:
                params = parameters(request.scope.get("query_string", b""), MAX_REQUEST_BYTES)
            return await run_in_threadpool(answer, request, params)
        except Refused as refused:
            return _error(refused.status, refused.message)

    def lookup(request: Request) -> tuple[Registry, str]:
        params = parameters(request.scope.get("query_string", b""), MAX_REQUEST_BYTES)
        iri = one(params, "id", MAX_ID_CHARS)
        if not iri:
            raise Refused(400, "give the entity's IRI in `id`")
        found = registry(request)
        if iri not in found.by_iri:
            raise Refused(404, f"not an actor of this dataset: {iri}")
        return found, iri

    def preview(request: Request) -> Response:
        try:
            found, iri = lookup(request)
        except Refused as refused:
            return _error(refused.status, refused.message)
        link = base + (resource_path(iri) or "") + ".html"
        html = ENVIRONMENT.get_template("reconcile-preview.html").render(
            **preview_context(found.by_iri[iri], link)
        )
        return HTMLResponse(html)

    def view(request: Request) -> Response:
        try:
            _, iri = lookup(request)
        except Refused as refused:
            return _error(refused.status, refused.message)
        return RedirectResponse(base + (resource_path(iri) or ""), 303)

    def suggest(request: Request) -> Response:
        what = request.path_params["what"]
        try:
            params = parameters(request.scope.get("query_string", b""), MAX_REQUEST_BYTES)
            prefix = one(params, "prefix", MAX_PREFIX_CHARS) or ""
            cursor = one(params, "cursor", 6) or "0"
        except Refused as refused:
            return _error(refused.status, refused.message)
        if not cursor.isdigit() or int(cursor) > MAX_CURSOR:
            return _error(400, f"`cursor` is not a number from 0 to {MAX_CURSOR}")
        if what == "entity":
            return JSONResponse({"result": registry(request).suggest(prefix, int(cursor))})
        if what == "type":
            return JSONResponse({"result": suggest_types(prefix)})
        if what == "property":
            wanted = prefix.casefold()
            return JSONResponse({"result": [p for p in PROPERTIES if p["id"].startswith(wanted)]})
        return _error(404, f"no suggest service for {what!r}: entity, type or property")

    def threaded(
        handler: Callable[[Request], Response],
    ) -> Callable[[Request], Awaitable[Response]]:
        async def endpoint(request: Request) -> Response:
            return await run_in_threadpool(handler, request)

        return endpoint

    return [
        Route("/reconcile", service, methods=["GET", "POST"]),
        Route("/reconcile/preview", threaded(preview), methods=["GET"]),
        Route("/reconcile/view", threaded(view), methods=["GET"]),
        Route("/reconcile/suggest/{what}", threaded(suggest), methods=["GET"]),
    ]
