"""``/search`` in ``diplograph serve``: the full-text search as JSON or as an HTML results page.

``GET /search?q=TEXT[&kind=article|statement|actor][&actor=IRI-or-name][&from=DATE][&to=DATE]
[&limit=N][&format=json|html]``. The format is negotiated from ``Accept`` (HTML on a tie) unless
``format`` names one. The page links each hit to its resource page, highlights the match, and
links into the article at the quote (a URL text fragment, ``#:~:text=``, which browsers scroll
to and highlight); a statement's hit also links to its evidence on the statement's page. A bad
query is a ``400`` with a one-line reason (JSON ``{"error": …}``, or the page showing it).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import mimeparse
import pyoxigraph as ox
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from diplograph.derived import PerSnapshot, live_store
from diplograph.publish.describe import resource_path
from diplograph.publish.html import ENVIRONMENT
from diplograph.search import (
    KINDS,
    MAX_LIMIT,
    MAX_QUERY_CHARS,
    BadQuery,
    Hit,
    Search,
    SearchIndex,
    parse_date,
)
from diplograph.web_input import Refused, one, parameters

MAX_QUERY_STRING = 4096
OFFERED = ["application/json", "text/html"]  # on a tie (*/*), the last one wins: HTML


def page(iri: str | None) -> str | None:
    """The page of a resource, relative to the search page (which is at the server's root).

    >>> page("https://w3id.org/diplograph/id/wang-yi"), page("http://example.org/x")
    ('id/wang-yi.html', None)
    """
    path = resource_path(iri) if iri else None
    return None if path is None else path + ".html"


def text_fragment(text: str) -> str:
    """A URL text fragment (``#:~:text=``) that finds ``text``: the whole of it, or its first
    and last four words when it is longer than ten.

    >>> text_fragment("lift illegal unilateral sanctions on China,")
    '#:~:text=lift%20illegal%20unilateral%20sanctions%20on%20China%2C'
    >>> text_fragment("one two three four five six seven eight nine ten eleven")
    '#:~:text=one%20two%20three%20four,eight%20nine%20ten%20eleven'
    """
    words = text.split()

    def encoded(part: list[str]) -> str:
        return quote(" ".join(part), safe="").replace("-", "%2D")

    if len(words) > 10:
        return f"#:~:text={encoded(words[:4])},{encoded(words[-4:])}"
    return f"#:~:text={encoded(words)}"


def _pieces(hit: Hit) -> list[tuple[str, bool]]:
    pieces, position = [], 0
    for start, end in hit.highlights:
        pieces += [(hit.snippet[position:start], False), (hit.snippet[start:end], True)]
        position = end
    return [*pieces, (hit.snippet[position:], False)]


def _shown(hit: Hit) -> dict[str, Any]:
    """What the results page shows of a hit, with its links."""
    article = page(hit.article)
    evidence = None
    if hit.kind == "statement" and hit.start is not None:
        evidence = f"{page(hit.iri)}#char-{hit.start}-{hit.end}"
    return {
        "kind": hit.kind,
        "label": hit.label,
        "date": hit.date,
        "page": page(hit.iri) or hit.iri,
        "pieces": _pieces(hit),
        "in_article": article + text_fragment(hit.quote) if article and hit.quote else article,
        "start": hit.start,
        "end": hit.end,
        "evidence": evidence,
    }


def _search(params: dict[str, list[str]], index: SearchIndex) -> tuple[Search | None, list[Hit]]:
    text = one(params, "q", MAX_QUERY_CHARS * 4)
    if text is None or not text.strip():
        return None, []
    kind = one(params, "kind", 20) or None
    limit = one(params, "limit", 5) or "20"
    if not limit.isdigit():
        raise BadQuery(f"limit {limit!r}: not a number between 1 and {MAX_LIMIT}")
    actor = one(params, "actor", 300)
    search = Search(
        text,
        kind,
        index.actors(actor) if actor else (),
        parse_date(one(params, "from", 20) or None, "from"),
        parse_date(one(params, "to", 20) or None, "to"),
        int(limit),
    )
    return search, index.search(search)


def routes() -> list[Route]:
    """The ``/search`` route, for :func:`diplograph.serve.application`'s ``routes``."""
    indexes: PerSnapshot[ox.Store, SearchIndex] = PerSnapshot(SearchIndex.build)

    def answer(request: Request) -> Response:
        raw = request.scope.get("query_string", b"")
        try:
            params = parameters(raw, MAX_QUERY_STRING)
            wanted = one(params, "format", 10)
            chosen = _negotiate(request, wanted)
        except Refused as refused:
            return JSONResponse({"error": refused.message}, refused.status)
        if chosen is None:
            return JSONResponse({"error": f"offered: {', '.join(OFFERED)}"}, 406)
        form = {
            name: (params.get(name) or [""])[0] for name in ("q", "kind", "actor", "from", "to")
        }
        try:
            snapshot, store = live_store(request.app.state)
            search, hits = _search(params, indexes.get(snapshot, store))
        except (BadQuery, Refused) as error:
            message = error.message if isinstance(error, Refused) else str(error)
            if chosen == "application/json":
                return JSONResponse({"error": message}, 400)
            return _html(form, [], message, True, 400)
        if chosen == "application/json":
            if search is None:
                return JSONResponse({"error": "give the text to search for in `q`"}, 400)
            return JSONResponse({"query": search.text, "hits": [hit.record() for hit in hits]})
        return _html(form, hits, None, search is not None, 200)

    async def endpoint(request: Request) -> Response:
        return await run_in_threadpool(answer, request)

    return [Route("/search", endpoint, methods=["GET", "HEAD"])]


def _negotiate(request: Request, wanted: str | None) -> str | None:
    if wanted is not None:
        if wanted not in ("json", "html"):
            raise Refused(400, f"format {wanted!r}: not json or html")
        return "application/json" if wanted == "json" else "text/html"
    accept = request.headers.get("accept", "") or "*/*"
    try:
        return mimeparse.best_match(OFFERED, accept) or None
    except (ValueError, IndexError):
        raise Refused(400, f"malformed Accept header: {accept!r}") from None


def _html(
    form: dict[str, str], hits: list[Hit], error: str | None, searched: bool, status: int
) -> Response:
    body = ENVIRONMENT.get_template("search.html").render(
        title="Search",
        root="",
        form=form,
        kinds=KINDS,
        max_chars=MAX_QUERY_CHARS,
        error=error,
        searched=searched and error is None,
        hits=[_shown(hit) for hit in hits],
    )
    return HTMLResponse(body, status, headers={"Vary": "Accept"})
