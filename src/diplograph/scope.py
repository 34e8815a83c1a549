"""A stored query on the articles an analyst picks: by the actors they mention and by date.

On a store of 100,000 articles a stored query's whole answer is a table of 100,000 rows and more:
no store computes that in a second, and ``diplograph export`` is the way to it. An analyst asks a
narrower question: what did these actors say, do and commit to, in this period? A :class:`Scope`
names it; :func:`scoped_store` copies the article graphs it selects, with every shared graph (the
ontology, code lists, registries), into a small in-memory store, and the stored query runs there
unchanged: its rows are exactly the rows the query gives on those articles alone.

An article is selected when it mentions every one of ``actors`` (as the object of any triple of
its graph: a speaker, participant, holder, source or target, the side an article speaks for …)
and its ``schema:datePublished`` lies between ``since`` and ``until``, both included. The shared
graphs are the model's (``graph:diplograph``, ``graph:codes``, ``graph:actors``,
``graph:extracted-actors``: ``project.RESERVED``); every other graph is an article's.

>>> print(Scope(since=dt.date(2023, 6, 1)).dated())
?article schema:datePublished ?published .
FILTER (?published >= "2023-06-01"^^xsd:date)
>>> bool(Scope()), bool(Scope(until=dt.date(2024, 1, 1)))
(False, True)
>>> actor_iri("wang-yi")
Traceback (most recent call last):
...
diplograph.errors.DiplographError: --actor 'wang-yi': not an IRI (give id:NAME or a full IRI)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

import pyoxigraph as ox

from diplograph.errors import DiplographError
from diplograph.project import RESERVED
from diplograph.vocab import ID, graph_iri, sparql_prefixes

PUBLISHED = ox.NamedNode("https://schema.org/datePublished")
PREFIXES = sparql_prefixes("dip", "schema", "xsd")


def actor_iri(name: str) -> str:
    """The full IRI of an actor given as ``id:NAME`` or as a full IRI.

    >>> actor_iri("id:wang-yi")
    'https://w3id.org/diplograph/id/wang-yi'
    >>> actor_iri("https://www.wikidata.org/entity/Q19857")
    'https://www.wikidata.org/entity/Q19857'
    """
    if name.startswith("id:"):
        return ID + name[3:]
    if name.startswith(("http://", "https://")) and not any(c in name for c in '<>" {}|\\^`'):
        return name
    raise DiplographError(f"--actor {name!r}: not an IRI (give id:NAME or a full IRI)")


@dataclass(frozen=True)
class Scope:
    """The articles a stored query is run on: those mentioning every actor, published in range."""

    actors: tuple[str, ...] = ()
    since: dt.date | None = None
    until: dt.date | None = None

    def __bool__(self) -> bool:
        return bool(self.actors) or self.since is not None or self.until is not None

    def dated(self) -> str:
        """The graph pattern of the articles published in range."""
        lines = ["?article schema:datePublished ?published ."]
        for operator, day in ((">=", self.since), ("<=", self.until)):
            if day is not None:
                lines.append(f'FILTER (?published {operator} "{day.isoformat()}"^^xsd:date)')
        return "\n".join(lines)


def _graphs(store: ox.Store, pattern: str, limit: int | None = None) -> set[ox.NamedNode]:
    """The named graphs in which ``pattern`` matches (at most ``limit`` of them)."""
    query = f"{PREFIXES}SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{\n{pattern}\n}} }}"
    solutions = store.query(query if limit is None else f"{query} LIMIT {limit}")
    assert isinstance(solutions, ox.QuerySolutions)
    return {graph for graph in (row["g"] for row in solutions) if isinstance(graph, ox.NamedNode)}


def shared_graphs(store: ox.Store) -> list[ox.NamedNode]:
    """The model's graphs (ontology, code lists, registries) that ``store`` holds, sorted by IRI."""
    graphs = (ox.NamedNode(graph_iri(name)) for name in sorted(RESERVED))
    return [graph for graph in graphs if store.contains_named_graph(graph)]


LOOK_UPS = 1_000  # up to this many candidate graphs, one look-up each beats a scan


def article_graphs(store: ox.Store, scope: Scope) -> list[ox.NamedNode]:
    """The article graphs of ``store`` that ``scope`` selects, sorted by IRI.

    Each condition (the day range, each actor) is a pattern; the first whose graphs number at
    most ``LOOK_UPS`` (a scan stopped after that many) gives the candidates, and every other
    condition is one look-up per candidate. When none is that narrow, every condition is one
    scan, and their graphs are intersected.
    """
    actors = [ox.NamedNode(actor_iri(actor)) for actor in scope.actors]
    conditions: list[tuple[str, Callable[[ox.NamedNode], bool]]] = [
        (f"?mention ?property {actor} .", partial(_mentions, store, actor)) for actor in actors
    ]
    if scope.since is not None or scope.until is not None or not actors:
        conditions.append((scope.dated(), partial(_published_in, store, scope)))
    for pattern, holds in conditions:
        found = _graphs(store, pattern, LOOK_UPS + 1)
        if len(found) <= LOOK_UPS:
            others = [other for _, other in conditions if other is not holds]
            candidates = {graph for graph in found if all(check(graph) for check in others)}
            break
    else:
        candidates = set.intersection(*(_graphs(store, pattern) for pattern, _ in conditions))
    selected = candidates - set(shared_graphs(store))
    return sorted(selected, key=lambda graph: graph.value)


def _mentions(store: ox.Store, actor: ox.NamedNode, graph: ox.NamedNode) -> bool:
    return next(iter(store.quads_for_pattern(None, None, actor, graph)), None) is not None


def _published_in(store: ox.Store, scope: Scope, graph: ox.NamedNode) -> bool:
    days = (quad.object for quad in store.quads_for_pattern(None, PUBLISHED, None, graph))
    return any(
        (scope.since or day) <= day <= (scope.until or day)
        for day in (
            dt.date.fromisoformat(term.value) for term in days if isinstance(term, ox.Literal)
        )
    )


def scoped_store(store: ox.Store, scope: Scope) -> ox.Store:
    """An in-memory store of the article graphs ``scope`` selects and of every shared graph."""
    scoped = ox.Store()
    for graph in [*shared_graphs(store), *article_graphs(store, scope)]:
        scoped.extend(store.quads_for_pattern(None, None, None, graph))
    return scoped
