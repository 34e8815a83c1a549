"""Loading the dump into any SPARQL 1.1 server, and querying it.

Each named graph goes up with the SPARQL 1.1 Graph Store HTTP Protocol: a ``PUT`` that replaces
the graph, then a ``POST`` that appends to it for each further batch when it is larger than one.
A server without a Graph Store endpoint gets SPARQL 1.1 Update instead (``DROP SILENT GRAPH``, then
``INSERT DATA`` in small batches, through SPARQLWrapper). Graphs under the dataset's graph
namespace that the dump no longer has are dropped, so a load leaves exactly the dump's triples on
the server; afterwards :func:`verify` reads every graph back and compares its triples with the
dump's (:mod:`diplograph.contents`: in the normal form a store gives back, so Virtuoso's
``xsd:integer`` for an ``xsd:nonNegativeInteger`` is no difference, but a changed value is).

Credentials come from ``DIPLOGRAPH_USER`` and ``DIPLOGRAPH_PASSWORD``, or else from the netrc file
(``$NETRC`` or ``~/.netrc``); the server's challenge decides between HTTP Basic and Digest.

>>> batches(list(range(5)), 2)
[[0, 1], [2, 3], [4]]
"""

from __future__ import annotations

import netrc
import os
import time
from collections.abc import Callable, Generator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlsplit

import httpx
import pyoxigraph as ox
from SPARQLWrapper import DIGEST, POST, URLENCODED, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

from diplograph.contents import check_contents
from diplograph.errors import DiplographError
from diplograph.store import Graphs, LoadReport, Progress
from diplograph.vocab import GRAPH, compact

T = TypeVar("T")
RETRY_STATUS = {408, 429, 502, 503, 504}
NO_GRAPH_STORE = {404, 405, 501}
UPDATE_BATCH = 500  # Virtuoso rejects INSERT DATA of about 1,000 triples or more (SP031)
COUNTS = f"""SELECT ?g (COUNT(*) AS ?n) WHERE {{
  GRAPH ?g {{ ?s ?p ?o }} FILTER (STRSTARTS(STR(?g), "{GRAPH}"))
}} GROUP BY ?g"""


class RemoteError(DiplographError):
    """The server could not be reached, refused the request, or answered with an error."""


class Transient(Exception):
    """A failure worth another attempt: the server is down, restarting or overloaded."""


def batches(items: Sequence[T], size: int) -> list[list[T]]:
    """``items`` cut into lists of at most ``size``."""
    return [list(items[start : start + size]) for start in range(0, len(items), size)]


def credentials(url: str) -> tuple[str, str] | None:
    """User and password for ``url``: the environment first, then the netrc file."""
    user, password = os.environ.get("DIPLOGRAPH_USER"), os.environ.get("DIPLOGRAPH_PASSWORD")
    if user is not None and password is not None:
        return user, password
    if user is not None or password is not None:
        raise DiplographError("set both DIPLOGRAPH_USER and DIPLOGRAPH_PASSWORD, or neither")
    path = Path(os.environ.get("NETRC", Path.home() / ".netrc"))
    if not path.is_file():
        return None
    try:
        entry = netrc.netrc(path).authenticators(urlsplit(url).hostname or "")
    except (netrc.NetrcParseError, OSError) as error:
        raise DiplographError(f"{path}: cannot read: {error}") from None
    return None if entry is None or entry[2] is None else (entry[0], entry[2])


class ChallengeAuth(httpx.Auth):
    """HTTP Basic or Digest, whichever the server's first challenge asks for."""

    def __init__(self, user: str, password: str) -> None:
        self.user = user
        self.password = password
        self.basic = httpx.BasicAuth(user, password)
        self.digest = httpx.DigestAuth(user, password)
        self.scheme: httpx.Auth | None = None

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        if self.scheme is None:
            response = yield request
            if response.status_code != 401:
                return
            challenges = response.headers.get_list("www-authenticate")
            digest = any(c.lower().startswith("digest") for c in challenges)
            self.scheme = self.digest if digest else self.basic
        yield from self.scheme.auth_flow(request)


@dataclass(frozen=True)
class Server:
    """A SPARQL 1.1 server: its query endpoint, and where it takes graphs and updates."""

    endpoint: str
    graph_store: str | None = None  # default: the endpoint
    update: str | None = None  # default: the endpoint
    timeout: float = 30.0  # seconds per request
    retries: int = 3  # further attempts after a failed one
    backoff: float = 0.5  # seconds before the first retry, doubled each time
    batch: int = 50_000  # triples per Graph Store request

    @property
    def graph_store_url(self) -> str:
        return self.graph_store or self.endpoint

    @property
    def update_url(self) -> str:
        return self.update or self.endpoint


def _reason(error: BaseException) -> str:
    if isinstance(error, httpx.ConnectError | ConnectionRefusedError):
        return "cannot connect (is the server running, and is the URL right?)"
    if isinstance(error, httpx.TimeoutException | TimeoutError):
        return "timed out"
    return str(error) or type(error).__name__


def _names(graphs: list[str], most: int = 5) -> str:
    """Graph names for a message, shortened.

    >>> _names([GRAPH + "a", GRAPH + "b", GRAPH + "c"], most=2)
    'graph:a, graph:b and 1 more'
    >>> _names([])
    'none'
    """
    shown = ", ".join(compact(name) for name in graphs[:most]) or "none"
    return shown + (f" and {len(graphs) - most} more" if len(graphs) > most else "")


class Connection:
    """HTTP requests to one server, with its credentials, bounded retries and clear errors."""

    def __init__(self, server: Server) -> None:
        self.server = server
        found = credentials(server.endpoint)
        self.auth = None if found is None else ChallengeAuth(*found)
        timeout = httpx.Timeout(server.timeout, connect=min(server.timeout, 5.0))
        self.client = httpx.Client(auth=self.auth, timeout=timeout)

    def __enter__(self) -> Connection:
        return self

    def __exit__(self, *exc: object) -> None:
        self.client.close()

    def retrying(self, what: str, attempt: Callable[[], T]) -> T:
        """``attempt()``, tried again after a transient failure, at most ``retries`` times."""
        for number in range(self.server.retries + 1):
            try:
                return attempt()
            except (httpx.TransportError, Transient) as error:
                if number == self.server.retries:
                    tries = self.server.retries + 1
                    raise RemoteError(
                        f"{what}: {_reason(error)} (after {tries} attempts)"
                    ) from None
                time.sleep(self.server.backoff * 2**number)
        raise AssertionError("unreachable")

    def request(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        """One request, retried while the server is down or overloaded; a 401 raises."""

        def attempt() -> httpx.Response:
            response = self.client.request(method, url, **kwargs)
            if response.status_code in RETRY_STATUS:
                raise Transient(f"HTTP {response.status_code} {response.reason_phrase}")
            return response

        response = self.retrying(f"{method} {url}", attempt)
        if response.status_code == 401:
            raise RemoteError(f"{method} {url}: {self._refused()}")
        return response

    def _refused(self) -> str:
        if self.auth is None:
            return (
                "HTTP 401: the server wants credentials; set DIPLOGRAPH_USER and "
                "DIPLOGRAPH_PASSWORD, or add the host to your netrc file"
            )
        return f"HTTP 401: the server refused the credentials of user {self.auth.user!r}"

    @staticmethod
    def check(response: httpx.Response) -> httpx.Response:
        """The response, or a :class:`RemoteError` quoting the server's error."""
        if response.is_error:
            body = " ".join(response.text.split())[:300]
            raise RemoteError(
                f"{response.request.method} {response.request.url}: HTTP {response.status_code} "
                f"{response.reason_phrase}: {body}"
            )
        return response

    def select(self, query: str) -> ox.QuerySolutions:
        """The solutions of a SELECT query at the endpoint (SPARQL 1.1 protocol, JSON results)."""
        response = self.request(
            "POST",
            self.server.endpoint,
            data={"query": query},
            headers={"Accept": "application/sparql-results+json"},
        )
        self.check(response)
        try:
            results = ox.parse_query_results(response.content, ox.QueryResultsFormat.JSON)
        except SyntaxError as error:
            raise RemoteError(f"{self.server.endpoint}: unreadable results: {error}") from None
        if not isinstance(results, ox.QuerySolutions):
            raise RemoteError(f"{self.server.endpoint}: a SELECT query answered with a boolean")
        return results

    def counts(self) -> dict[str, int]:
        """Triples per named graph under the dataset's graph namespace, on the server."""
        found = {}
        for row in self.select(COUNTS):
            graph, number = row["g"], row["n"]
            if not isinstance(graph, ox.NamedNode) or not isinstance(number, ox.Literal):
                raise RemoteError(f"{self.server.endpoint}: unexpected count row {row}")
            found[graph.value] = int(number.value)
        return dict(sorted(found.items()))

    def triples(self, graph: str, expected: int) -> list[ox.Triple]:
        """Every triple of ``graph`` on the server; an error when the answer is cut short."""
        query = f"SELECT ?s ?p ?o WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"
        found = []
        for row in self.select(query):
            subject, predicate, value = row["s"], row["p"], row["o"]
            if not isinstance(subject, ox.NamedNode | ox.BlankNode) or not isinstance(
                predicate, ox.NamedNode
            ):
                raise RemoteError(f"{self.server.endpoint}: unexpected triple row {row}")
            assert value is not None
            found.append(ox.Triple(subject, predicate, value))
        if len(found) < expected:
            raise RemoteError(
                f"{self.server.endpoint}: {compact(graph)} answered {len(found)} of its "
                f"{expected} triples: the server cuts results short (Virtuoso: raise "
                "ResultSetMaxRows in virtuoso.ini, see docs/loading.md)"
            )
        return found

    def prime(self, url: str) -> None:
        """Learn the auth scheme with a bodiless request before any large upload.

        A Digest challenge that comes only after a large body was sent breaks some servers.
        """
        if self.auth is not None and self.auth.scheme is None:
            self.request("GET", url, params={"graph": GRAPH})

    def put_graph(self, name: str, triples: list[ox.Triple], progress: Progress | None) -> bool:
        """Replace graph ``name`` with the Graph Store Protocol; False when there is none."""
        for number, chunk in enumerate(batches(triples, self.server.batch)):
            response = self.request(
                "PUT" if number == 0 else "POST",
                self.server.graph_store_url,
                params={"graph": name},
                content=ox.serialize(chunk, format=ox.RdfFormat.N_TRIPLES),
                headers={"Content-Type": "text/turtle; charset=utf-8"},
            )
            if number == 0 and response.status_code in NO_GRAPH_STORE:
                return False
            self.check(response)
            if progress is not None:
                progress(name, len(chunk))
        return True

    def update_graph(self, name: str, triples: list[ox.Triple], progress: Progress | None) -> None:
        """Replace graph ``name`` with SPARQL 1.1 Update requests."""
        self.send_update(f"DROP SILENT GRAPH <{name}>")
        for chunk in batches(triples, UPDATE_BATCH):
            data = ox.serialize(chunk, format=ox.RdfFormat.N_TRIPLES) or b""
            self.send_update(f"INSERT DATA {{ GRAPH <{name}> {{\n{data.decode()}}} }}")
            if progress is not None:
                progress(name, len(chunk))

    def send_update(self, update: str) -> None:
        """One SPARQL 1.1 Update request (SPARQLWrapper), retried like the others."""
        url = self.server.update_url
        self.prime(url)
        wrapper = SPARQLWrapper(url)
        wrapper.setMethod(POST)
        wrapper.setRequestMethod(URLENCODED)
        wrapper.setTimeout(int(self.server.timeout))
        if self.auth is not None:
            if self.auth.scheme is self.auth.digest:
                wrapper.setHTTPAuth(DIGEST)
            wrapper.setCredentials(self.auth.user, self.auth.password)
        wrapper.setQuery(update)

        def attempt() -> None:
            try:
                wrapper.query()
            except SPARQLWrapperException as error:
                first = str(error).splitlines()[0]
                raise RemoteError(f"SPARQL update at {url}: {first}") from None
            except OSError as error:  # urllib's connection and HTTP errors
                code = getattr(error, "code", None)
                if code == 401:
                    raise RemoteError(f"SPARQL update at {url}: {self._refused()}") from None
                if code is not None and code not in RETRY_STATUS:
                    raise RemoteError(f"SPARQL update at {url}: HTTP {code}") from None
                raise Transient(_reason(getattr(error, "reason", error))) from None

        self.retrying(f"SPARQL update at {url}", attempt)

    def drop_graph(self, name: str) -> None:
        """Delete graph ``name`` (Graph Store ``DELETE``, or ``DROP SILENT GRAPH``)."""
        response = self.request("DELETE", self.server.graph_store_url, params={"graph": name})
        if response.status_code in NO_GRAPH_STORE:
            self.send_update(f"DROP SILENT GRAPH <{name}>")
        else:
            self.check(response)


def load(server: Server, graphs: Graphs, progress: Progress | None = None) -> LoadReport:
    """Replace the server's copy of each graph with the dump's; drop graphs the dump lacks.

    Raises :class:`RemoteError` naming the graphs loaded and not loaded when the server fails.
    """
    report = LoadReport()
    with Connection(server) as connection:
        stale = sorted(set(connection.counts()) - set(graphs))
        connection.prime(server.graph_store_url)
        use_graph_store = True
        for name in [*stale, *graphs]:
            try:
                if name in stale:
                    connection.drop_graph(name)
                    report.removed.append(name)
                    continue
                if use_graph_store:
                    use_graph_store = connection.put_graph(name, graphs[name], progress)
                if not use_graph_store:
                    connection.update_graph(name, graphs[name], progress)
                report.replaced.append(name)
            except RemoteError as error:
                loaded = report.replaced
                missing = [graph for graph in graphs if graph not in loaded]
                raise RemoteError(
                    f"{error}; loaded {len(loaded)} of {len(graphs)} graphs ({_names(loaded)}), "
                    f"not loaded: {_names(missing)}; rerun the load to complete it"
                ) from None
    return report


def verify(server: Server, graphs: Graphs) -> tuple[dict[str, int], dict[str, str]]:
    """The server's triple count and fingerprint per graph; raise naming each graph that differs.

    Every graph under the dataset's graph namespace is read back and compared with the dump's
    triples (:func:`diplograph.contents.check_contents`).
    """
    with Connection(server) as connection:
        found = connection.counts()
        contents = {graph: connection.triples(graph, count) for graph, count in found.items()}
    return found, check_contents(server.endpoint, graphs, contents)


def select(server: Server, query: str) -> ox.QuerySolutions:
    """Run a SELECT query at the server's endpoint."""
    with Connection(server) as connection:
        return connection.select(query)
