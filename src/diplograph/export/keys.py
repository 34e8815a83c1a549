"""The keys of the export tables: what identifies a row, and which columns point into which table.

A primary key names the columns whose values, together, are never empty and never repeat (one row
per interaction *and article that reports it*); a foreign key says that every non-empty value of
its columns is a row of another table (an event's ``article`` is a row of ``articles``). The data
package declares both (Frictionless Table Schema ``primaryKey`` and ``foreignKeys``), so that
``frictionless validate`` checks them and R's or pandas' users can join the tables on them.

A column that can be empty is a foreign key of its own, never part of a composite one: Frictionless
reports a composite key with one empty value as dangling (an interaction outside any visit). Two
tables have no primary key: ``statements``, whose unit is statement, speaker and addressee, where
a statement said to no one has an empty addressee, which a Table Schema primary key does not
allow; and ``actors``, where an actor with two Wikidata links has two rows.

>>> KEYS["stances"].primary
('stance', 'statement', 'article')
>>> KEYS["stances"].foreign[1].descriptor()
{'fields': ['statement', 'article'],
 'reference': {'resource': 'statements', 'fields': ['statement', 'article']}}
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from diplograph.errors import DiplographError
from diplograph.export.tables import Table


@dataclass(frozen=True)
class ForeignKey:
    """Columns of one table whose non-empty values are those of ``reference`` in ``table``."""

    fields: tuple[str, ...]
    table: str
    reference: tuple[str, ...]

    def descriptor(self) -> dict[str, Any]:
        """The Table Schema ``foreignKeys`` item."""
        return {
            "fields": list(self.fields),
            "reference": {"resource": self.table, "fields": list(self.reference)},
        }


@dataclass(frozen=True)
class Keys:
    """A table's primary key (empty: none) and foreign keys."""

    primary: tuple[str, ...] = ()
    foreign: tuple[ForeignKey, ...] = ()


def _actor(*columns: str) -> tuple[ForeignKey, ...]:
    return tuple(ForeignKey((column,), "actors", ("actor",)) for column in columns)


ARTICLE = ForeignKey(("article",), "articles", ("article",))
INTERACTION = ForeignKey(("interaction",), "interactions", ("interaction",))

KEYS: dict[str, Keys] = {
    "actors": Keys((), _actor("state")),
    "articles": Keys(("article",), _actor("publisher")),
    "events": Keys(
        ("codedEvent", "article"),
        (ARTICLE, INTERACTION, *_actor("source", "sourceState", "target", "targetState")),
    ),
    "interactions": Keys(
        ("interaction", "article"),
        (ARTICLE, ForeignKey(("visit",), "interactions", ("interaction",))),
    ),
    "participants": Keys(
        ("interaction", "participant", "article"),
        (
            ARTICLE,
            ForeignKey(("interaction", "article"), "interactions", ("interaction", "article")),
            *_actor("participant", "state"),
        ),
    ),
    "statements": Keys(
        (),
        (ARTICLE, INTERACTION, *_actor("speaker", "side", "addressee", "target")),
    ),
    "stances": Keys(
        ("stance", "statement", "article"),
        (
            ARTICLE,
            ForeignKey(("statement", "article"), "statements", ("statement", "article")),
            *_actor("holder"),
        ),
    ),
    "posts": Keys(("holding", "article"), (ARTICLE, *_actor("person", "organization"))),
    "network-nodes": Keys(("actor",), _actor("actor", "state")),
    "network-edges": Keys(
        ("source", "target"),
        (
            ForeignKey(("source",), "network-nodes", ("actor",)),
            ForeignKey(("target",), "network-nodes", ("actor",)),
        ),
    ),
}


def keys(table: Table, tables: Mapping[str, Table]) -> Keys:
    """The keys of ``table`` among the exported ``tables``: a foreign key into a table that is not
    exported is left out; a key column that is not one of the query's ``@column`` lines is an
    error naming the query."""
    declared = KEYS.get(table.name, Keys())
    foreign = tuple(key for key in declared.foreign if key.table in tables)
    needed = [(table, declared.primary)]
    needed += [(table, key.fields) for key in foreign]
    needed += [(tables[key.table], key.reference) for key in foreign]
    for owner, columns in needed:
        names = {column.name for column in owner.columns}
        for column in columns:
            if column not in names:
                raise DiplographError(
                    f"{owner.query.path}: the export's key column {column!r} is not one of its "
                    "@column lines"
                )
    return Keys(declared.primary, foreign)
