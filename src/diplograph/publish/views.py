"""The data of the site's pictures: a timeline of interactions and the network of who met whom.

Both come from the export tables of ``queries/export/`` (``interactions``, ``participants``,
``network-nodes``, ``network-edges``, see :mod:`diplograph.export.tables`) and are written into
the site as ``views/timeline.json`` and ``views/network.json``, which ``assets/views.js`` draws
with vis-timeline and vis-network. Every list is sorted, so the same data gives the same bytes.
Links (``href``) are relative to the site's root, like every link between its pages.

>>> store = ox.Store()
>>> views = Views(store, [])
>>> views.timeline()
{'actors': [], 'interactions': [], 'kinds': [], 'states': []}
>>> print(to_json(views.network()).decode(), end="")
{
 "edges": [],
 "nodes": [],
 "states": []
}
"""

from __future__ import annotations

import dataclasses
import datetime
import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import pyoxigraph as ox

from diplograph.export.network import edges, nodes
from diplograph.export.tables import Row, Table, read_tables
from diplograph.publish.html import href

TABLES = ("interactions", "participants", "network-nodes", "network-edges")
SITE_ROOT = "index.html"  # the page links in the JSON files are relative to

JsonValue = str | int | None | list["JsonValue"] | dict[str, "JsonValue"]


@dataclass(frozen=True)
class Interaction:
    """One interaction on the timeline: its day (or range of days) and its participants."""

    id: str
    label: str | None
    type: str | None
    date: str | None
    start: str | None
    end: str | None
    place: str | None
    href: str | None
    participants: tuple[str, ...]


@dataclass(frozen=True)
class Actor:
    """An actor that takes part in an interaction: a node of the network, a timeline filter."""

    id: str
    label: str
    type: str | None
    states: tuple[str, ...]
    interactions: int
    href: str | None


@dataclass(frozen=True)
class State:
    """A state some participant belongs to (itself, by nationality or as its organisation's)."""

    id: str
    label: str
    href: str | None


@dataclass(frozen=True)
class Pair:
    """Two actors who took part in ``weight`` interactions together: an edge of the network."""

    source: str
    target: str
    weight: int
    firstDate: str | None  # the export column's name
    lastDate: str | None
    interactions: tuple[str, ...]


def _iso(value: object) -> str | None:
    return value.isoformat() if isinstance(value, datetime.date) else None


def _str(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _link(iri: str) -> str | None:
    return href(SITE_ROOT, iri)


def _records(table: Table, store: ox.Store) -> list[dict[str, object]]:
    names = [column.name for column in table.columns]
    rows: list[Row] = table.rows(store)
    return [dict(zip(names, row, strict=True)) for row in rows]


class Views:
    """The timeline and network data of one store, each computed once."""

    def __init__(self, store: ox.Store, queries: Path | Sequence[Path]) -> None:
        folders = [queries] if isinstance(queries, Path) else list(queries)
        found = read_tables(
            [folder / "export" for folder in folders if (folder / "export").is_dir()]
        )
        self.store = store
        self.tables = {name: found[name] for name in TABLES if name in found}

    def _rows(self, name: str) -> list[dict[str, object]]:
        table = self.tables.get(name)
        return [] if table is None else _records(table, self.store)

    @cached_property
    def actors(self) -> list[Actor]:
        """Every actor that takes part in an interaction, by label then IRI."""
        table = self.tables.get("network-nodes")
        found: dict[str, Actor] = {}
        for node in nodes(table.rows(self.store)) if table is not None else []:
            states = (node.state,) if node.state else ()
            known = found.get(node.actor)
            if known is not None:
                states = tuple(sorted({*known.states, *states}))
            found[node.actor] = Actor(
                node.actor,
                node.label or node.actor,
                node.type,
                states,
                node.interactions,
                _link(node.actor),
            )
        return sorted(found.values(), key=lambda actor: (actor.label, actor.id))

    @cached_property
    def actor_iris(self) -> frozenset[str]:
        """The IRIs of :attr:`actors`: the resources whose pages show their own timeline."""
        return frozenset(actor.id for actor in self.actors)

    @cached_property
    def states(self) -> list[State]:
        """The states of the participants, by label then IRI."""
        labels: dict[str, str] = {}
        for row in self._rows("participants"):
            state = _str(row["state"])
            if state is not None:
                labels[state] = _str(row["stateLabel"]) or state
        found = [State(iri, label, _link(iri)) for iri, label in labels.items()]
        return sorted(found, key=lambda state: (state.label, state.id))

    @cached_property
    def interactions(self) -> list[Interaction]:
        """Every interaction, in the order of the ``interactions`` table (earliest first)."""
        participants: dict[str, set[str]] = {}
        for row in self._rows("participants"):
            interaction, participant = _str(row["interaction"]), _str(row["participant"])
            if interaction is not None and participant is not None:
                participants.setdefault(interaction, set()).add(participant)
        found: list[Interaction] = []
        seen: set[str] = set()
        for row in self._rows("interactions"):
            iri = _str(row["interaction"])
            if iri is None or iri in seen:
                continue
            seen.add(iri)
            found.append(
                Interaction(
                    iri,
                    _str(row["label"]),
                    _str(row["type"]),
                    _iso(row["date"]),
                    _iso(row["startDate"]),
                    _iso(row["endDate"]),
                    _str(row["placeLabel"]),
                    _link(iri),
                    tuple(sorted(participants.get(iri, ()))),
                )
            )
        return found

    def timeline(self) -> dict[str, JsonValue]:
        """``views/timeline.json``: the interactions; the actors, states and kinds to filter by."""
        kinds = sorted({i.type for i in self.interactions if i.type is not None})
        return {
            "actors": [_json(actor) for actor in self.actors],
            "interactions": [_json(interaction) for interaction in self.interactions],
            "kinds": list(kinds),
            "states": [_json(state) for state in self.states],
        }

    def network(self) -> dict[str, JsonValue]:
        """``views/network.json``: the actors as nodes, the pairs who met as weighted edges, and
        the states (the nodes' colours).

        Each edge lists its interactions with their labels and links, in the order of the
        timeline.
        """
        table = self.tables.get("network-edges")
        order = {i.id: n for n, i in enumerate(self.interactions)}
        by_iri = {i.id: i for i in self.interactions}
        pairs = []
        for edge in edges(table.rows(self.store)) if table is not None else []:
            listed = sorted(edge.interactions, key=lambda iri: (order.get(iri, len(order)), iri))
            pairs.append(
                Pair(
                    edge.source,
                    edge.target,
                    edge.weight,
                    _iso(edge.firstDate),
                    _iso(edge.lastDate),
                    tuple(listed),
                )
            )
        pairs.sort(key=lambda pair: (pair.source, pair.target))
        return {
            "edges": [
                {
                    **_json(pair),
                    "interactions": [
                        {"id": iri, "label": _label(by_iri, iri), "href": _link(iri)}
                        for iri in pair.interactions
                    ],
                }
                for pair in pairs
            ],
            "nodes": [_json(actor) for actor in self.actors],
            "states": [_json(state) for state in self.states],
        }


def _label(interactions: dict[str, Interaction], iri: str) -> str:
    found = interactions.get(iri)
    return found.label or iri if found is not None else iri


def _json(record: Interaction | Actor | State | Pair) -> dict[str, JsonValue]:
    values: dict[str, JsonValue] = {}
    for field in dataclasses.fields(record):
        value = getattr(record, field.name)
        values[field.name] = list(value) if isinstance(value, tuple) else value
    return values


def to_json(data: dict[str, JsonValue]) -> bytes:
    """The bytes of a view's JSON file: keys sorted, one-space indent, UTF-8, a final newline.

    >>> to_json({"b": [1], "a": "Ž"})
    b'{\\n "a": "\\xc5\\xbd",\\n "b": [\\n  1\\n ]\\n}\\n'
    """
    return (json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")
