"""The ingest ledger: per article, the content key it was ingested with and what became of it.

A SQLite file: inside the store's folder for an embedded store (so removing the store removes its
ledger), or a file of its own for a SPARQL server. It also keeps the new actors of each loaded
article, from which :mod:`diplograph.ingest.actors` rebuilds ``graph:extracted-actors``.

>>> import tempfile
>>> from diplograph.ingest.work import NewActor, Outcome
>>> ledger = Ledger(Path(tempfile.mkdtemp()) / "ledger.sqlite")
>>> person = NewActor("urn:p", "Person", "P", ("P",), None, None)
>>> ledger.record([Outcome("a", "k1", b"", 3, (person,)), Outcome("b", "k2", b"", 0, (), ("bad",))])
>>> ledger.entry("a"), ledger.entry("b"), ledger.entry("c")
(('k1', 'loaded'), ('k2', 'rejected'), None)
>>> ledger.entries(["c", "b"])
{'b': ('k2', 'rejected')}
>>> [(identifier, [actor.iri for actor in actors]) for identifier, actors in ledger.loaded()]
[('a', ['urn:p'])]
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from diplograph.errors import DiplographError
from diplograph.ingest.work import NewActor, Outcome

SCHEMA = """CREATE TABLE IF NOT EXISTS articles (
  id TEXT PRIMARY KEY, key TEXT NOT NULL, status TEXT NOT NULL, actors TEXT NOT NULL,
  problems TEXT NOT NULL
)"""


def status(outcome: Outcome) -> str:
    """``loaded``, ``rejected`` (violations) or ``failed`` (the extractor raised)."""
    if outcome.error is not None:
        return "failed"
    return "rejected" if outcome.violations else "loaded"


def problems(outcome: Outcome) -> list[str]:
    """Why the article was kept out: its violations, or the extractor's exception."""
    return [outcome.error] if outcome.error is not None else list(outcome.violations)


class Ledger:
    """The ledger file at ``path`` (created when missing)."""

    def __init__(self, path: Path) -> None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self.connection = sqlite3.connect(path)
            self.connection.execute(SCHEMA)
        except (OSError, sqlite3.Error) as error:
            raise DiplographError(f"{path}: cannot open the ingest ledger: {error}") from None
        self.path = path

    def entry(self, identifier: str) -> tuple[str, str] | None:
        """(content key, status) of the article's last ingest, or None."""
        row = self.connection.execute(
            "SELECT key, status FROM articles WHERE id = ?", (identifier,)
        ).fetchone()
        return None if row is None else (row[0], row[1])

    def entries(self, identifiers: Sequence[str]) -> dict[str, tuple[str, str]]:
        """(content key, status) of each of the articles the ledger knows, in one query (at most
        500 identifiers: SQLite's limit on a statement's parameters is 999 in old versions)."""
        marks = ", ".join("?" * len(identifiers))
        rows = self.connection.execute(
            f"SELECT id, key, status FROM articles WHERE id IN ({marks})", tuple(identifiers)
        )
        return {identifier: (key, status) for identifier, key, status in rows}

    def record(self, outcomes: Iterable[Outcome]) -> None:
        """Record the outcomes, in one transaction."""
        rows = [
            (
                o.id,
                o.key,
                status(o),
                json.dumps([vars(actor) for actor in o.actors]),  # asdict's, without its copies
                json.dumps(problems(o)),
            )
            for o in outcomes
        ]
        with self.connection:
            self.connection.executemany(
                "INSERT OR REPLACE INTO articles (id, key, status, actors, problems) "
                "VALUES (?, ?, ?, ?, ?)",
                rows,
            )

    def loaded(self) -> Iterator[tuple[str, list[NewActor]]]:
        """(id, new actors) of every loaded article, in id order."""
        cursor = self.connection.execute(
            "SELECT id, actors FROM articles WHERE status = 'loaded' ORDER BY id"
        )
        for identifier, actors in cursor:
            records = [
                NewActor(**{**row, "aliases": tuple(row["aliases"])}) for row in json.loads(actors)
            ]
            yield identifier, records

    def problems(self, identifier: str) -> list[str]:
        """The recorded violations (or exception) of an article kept out, else []."""
        row = self.connection.execute(
            "SELECT problems FROM articles WHERE id = ?", (identifier,)
        ).fetchone()
        return [] if row is None else list(json.loads(row[0]))

    def close(self) -> None:
        self.connection.close()
