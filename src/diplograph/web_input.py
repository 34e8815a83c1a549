"""Reading request parameters for the search and reconciliation routes: bounded and strict.

A query string or form body over its byte limit, bytes that are not UTF-8, a parameter given
twice or longer than its limit are each refused with a status and a one-line reason
(:class:`Refused`), never an exception the server would answer with a 500.

>>> parameters(b"q=sanctions&kind=statement", 100)
{'q': ['sanctions'], 'kind': ['statement']}
>>> parameters(b"q=%FF", 100)
Traceback (most recent call last):
...
diplograph.web_input.Refused: a percent-encoded value is not UTF-8
>>> one({"q": ["a", "b"]}, "q", 10)
Traceback (most recent call last):
...
diplograph.web_input.Refused: give `q` once, not 2 times
"""

from __future__ import annotations

import asyncio
from urllib.parse import parse_qs

from starlette.requests import Request

FORM = "application/x-www-form-urlencoded"


class Refused(Exception):
    """A request refused: an HTTP status and a one-line reason."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def parameters(data: bytes, limit: int) -> dict[str, list[str]]:
    """``a=1&b=2`` (a query string or a form body) of at most ``limit`` bytes, strict UTF-8."""
    if len(data) > limit:
        raise Refused(413, f"the parameters are longer than the limit of {limit} bytes")
    try:
        return parse_qs(data.decode("utf-8"), keep_blank_values=True, errors="strict")
    except UnicodeDecodeError:
        raise Refused(400, "a percent-encoded value is not UTF-8") from None


def one(params: dict[str, list[str]], name: str, max_chars: int) -> str | None:
    """The value of parameter ``name`` (None when absent), given at most once, within
    ``max_chars`` characters."""
    values = params.get(name, [])
    if len(values) > 1:
        raise Refused(400, f"give `{name}` once, not {len(values)} times")
    if values and len(values[0]) > max_chars:
        raise Refused(400, f"`{name}` is longer than {max_chars} characters")
    return values[0] if values else None


async def form(request: Request, limit: int, seconds: float = 10.0) -> dict[str, list[str]]:
    """The parameters of a form POST: its query string and its body, within ``limit`` bytes and
    ``seconds``; any other content type is refused (415)."""
    params = parameters(request.scope.get("query_string", b""), limit)
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type != FORM:
        raise Refused(415, f"unsupported content type {content_type!r}; send {FORM}")
    for name, values in parameters(await read_body(request, limit, seconds), limit).items():
        params.setdefault(name, []).extend(values)
    return params


async def read_body(request: Request, limit: int, seconds: float) -> bytes:
    """The request body, refused past ``limit`` bytes (413) or ``seconds`` (408)."""
    length = request.headers.get("content-length", "")
    if length.isdigit() and int(length) > limit:
        raise Refused(413, f"the request body is larger than the limit of {limit} bytes")
    chunks, size = [], 0
    try:
        async with asyncio.timeout(seconds):
            async for chunk in request.stream():
                size += len(chunk)
                if size > limit:
                    raise Refused(
                        413, f"the request body is larger than the limit of {limit} bytes"
                    )
                chunks.append(chunk)
    except TimeoutError:
        raise Refused(408, f"the request body took longer than {seconds:g} s") from None
    return b"".join(chunks)
