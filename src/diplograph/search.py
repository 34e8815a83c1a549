"""Full-text search over article text, statement quotes and actor names: a SQLite FTS5 side index
built from the RDF by SPARQL (the dataset stays the single source of truth).

Each **item** of the index is an article (its ``schema:text``), a statement (the quotes of its
evidence spans, in text order) or an actor (its label, ``skos:altLabel``\\ s and alias labels),
with its date (an article's publication date, a statement's date; actors have none), its article
and the actors it is about (an article: every actor named by a node reported in it; a statement:
speaker, addressee, side and target; an actor: itself). Words are matched after Unicode case
folding, diacritics removal and Porter stemming (``sanction`` finds "sanctions").

User text is never FTS5 syntax: :func:`fts_query` turns it into quoted FTS5 strings, all of
which must match, so ``"`` ``*`` ``(`` ``NEAR`` ``OR`` ``-`` or ``:`` mean nothing special
except a ``"…"`` phrase and a trailing ``*`` (prefix):

>>> fts_query('sanctions "China threat" tech* OR (x')
'"sanctions" AND "China threat" AND "tech"* AND "OR" AND "(x"'
>>> fts_query('say "hi" ""')
'"say" AND "hi"'
>>> fts_query("?!")
Traceback (most recent call last):
...
diplograph.search.BadQuery: the query '?!' has no word to search for

The CLI keeps the index in a file (``dist/search.sqlite``: generated output, like the dump)
that records which dataset it indexes (:func:`files_key`, :func:`store_key`): when ``build``,
``load`` or an ingest changed the dataset, the next search rebuilds it (into a temporary file
renamed into place, never half-written). The server keeps one index in memory per snapshot.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import os
import re
import sqlite3
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from diplograph import select
from diplograph.errors import DiplographError
from diplograph.vocab import sparql_prefixes

KINDS = ("article", "statement", "actor")
FORMAT = "diplograph-search-3"  # bump when the index's tables change: old files are rebuilt
MAX_QUERY_CHARS = 256
MAX_TERMS = 16
MAX_LIMIT = 100
SEPARATOR = " … "  # between the quotes of one statement
_OPEN, _CLOSE = "\x02", "\x03"  # highlight markers (never in the text: control characters)
_TERM = re.compile(r'"([^"]*)"?|(\S+)')
_WORD = re.compile(r"\w")
_BEFORE = re.compile(
    r"(?:[^\s]+[ \t]+){0,3}[^\s]*\Z"
)  # up to three words before a match, same line
_AFTER = re.compile(r"[^\s]*(?:[ \t]+[^\s]+){0,3}")  # and after it

_PREFIXES = sparql_prefixes("dip", "rdfs", "skos", "oa", "schema")
ARTICLES = (
    _PREFIXES
    + """SELECT ?article (MIN(?name) AS ?label) (MIN(STR(?published)) AS ?date) ?text WHERE {
  ?article a dip:Article ; schema:text ?text .
  OPTIONAL { ?article rdfs:label ?name }
  OPTIONAL { ?article schema:datePublished ?published }
}
GROUP BY ?article ?text"""
)
QUOTES = (
    _PREFIXES
    + """SELECT DISTINCT ?statement ?label ?date ?article ?start ?end ?quote WHERE {
  ?statement dip:speaker ?speaker ; dip:reportedIn ?article ; dip:hasEvidence ?span .
  ?span oa:hasSelector ?exact , ?position .
  ?exact oa:exact ?quote .
  ?position oa:start ?start ; oa:end ?end .
  OPTIONAL { ?statement rdfs:label ?label }
  OPTIONAL { ?statement dip:date ?date }
}"""
)
ACTORS = (
    _PREFIXES
    + """SELECT DISTINCT ?actor ?label ?name WHERE {
  ?actor a/rdfs:subClassOf* dip:Actor ; rdfs:label ?label .
  OPTIONAL { { ?actor skos:altLabel ?name } UNION { ?actor dip:alias/rdfs:label ?name } }
}"""
)
SPOKEN_ABOUT = (  # the actors of a statement
    _PREFIXES
    + """SELECT DISTINCT ?item ?actor WHERE {
  ?item dip:speaker ?speaker ; ?role ?actor .
  VALUES ?role { dip:speaker dip:addressee dip:onBehalfOf dip:target }
}"""
)
REPORTED_ABOUT = (  # the actors of an article: named by any node reported in it
    _PREFIXES
    + """SELECT DISTINCT ?item ?actor WHERE {
  ?item a dip:Article .
  ?node dip:reportedIn ?item ; ?property ?actor .
  ?actor a ?class . ?class rdfs:subClassOf* dip:Actor .
}"""
)
SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE items (
  id INTEGER PRIMARY KEY, kind TEXT NOT NULL, iri TEXT NOT NULL, label TEXT NOT NULL,
  date TEXT, article TEXT, parts TEXT NOT NULL
);
CREATE TABLE about (item INTEGER NOT NULL, actor TEXT NOT NULL);
CREATE INDEX about_item ON about (item, actor);
CREATE TABLE names (name TEXT NOT NULL, actor TEXT NOT NULL);
CREATE INDEX names_name ON names (name);
CREATE VIRTUAL TABLE texts USING fts5 (body, tokenize = 'porter unicode61 remove_diacritics 2');
"""


class BadQuery(DiplographError):
    """Search text or options that cannot be searched for (a 400, or a one-line CLI error)."""


def fts_query(text: str) -> str:
    """The FTS5 query for the user's ``text``: each word or ``"phrase"`` an FTS5 string (``"``
    doubled), joined with ``AND``; a word ending in ``*`` a prefix query."""
    if len(text) > MAX_QUERY_CHARS:
        raise BadQuery(f"the query is longer than {MAX_QUERY_CHARS} characters")
    terms = []
    for match in _TERM.finditer(text):
        phrase, word = match.groups()
        term = phrase if phrase is not None else word.rstrip("*")
        if not _WORD.search(term):
            continue
        prefix = "*" if phrase is None and word.endswith("*") else ""
        terms.append('"' + term.replace('"', '""') + '"' + prefix)
    if not terms:
        raise BadQuery(f"the query {text!r} has no word to search for")
    if len(terms) > MAX_TERMS:
        raise BadQuery(f"the query has more than {MAX_TERMS} words or phrases")
    return " AND ".join(terms)


def parse_date(value: str | None, option: str) -> str | None:
    """``value`` as an ISO date string, or None; :class:`BadQuery` naming ``option`` otherwise.

    >>> parse_date("2023-06-19", "--from"), parse_date(None, "--to")
    ('2023-06-19', None)
    >>> parse_date("19.6.2023", "--from")
    Traceback (most recent call last):
    ...
    diplograph.search.BadQuery: --from '19.6.2023': not a date YYYY-MM-DD
    """
    if value is None:
        return None
    try:
        return datetime.date.fromisoformat(value).isoformat()
    except ValueError:
        raise BadQuery(f"{option} {value!r}: not a date YYYY-MM-DD") from None


@dataclass(frozen=True)
class Search:
    """One search: the user's text, and its filters (``actors``: IRIs, any of which the item is
    about; dates inclusive, ISO strings; an item without a date fails any date filter)."""

    text: str
    kind: str | None = None
    actors: tuple[str, ...] = ()
    start: str | None = None
    end: str | None = None
    limit: int = 20

    def __post_init__(self) -> None:
        if self.kind is not None and self.kind not in KINDS:
            raise BadQuery(f"kind {self.kind!r}: not one of {', '.join(KINDS)}")
        if not 1 <= self.limit <= MAX_LIMIT:
            raise BadQuery(f"limit {self.limit}: not between 1 and {MAX_LIMIT}")


@dataclass(frozen=True)
class Hit:
    """One item found: what it is, a snippet around the match (``highlights``: the matched
    ``[start, end)`` ranges in ``snippet``) and where in its article the match is (``start``,
    ``end``: character offsets of the matched quote, for a statement, or of the first matched
    words with up to three words either side on their line, for an article; ``quote``: that
    text)."""

    kind: str
    iri: str
    label: str
    date: str | None
    article: str | None
    snippet: str
    highlights: tuple[tuple[int, int], ...]
    start: int | None
    end: int | None
    quote: str | None

    def record(self) -> dict[str, Any]:
        """The hit as a JSON object."""
        record = asdict(self)
        record["highlights"] = [list(pair) for pair in self.highlights]
        return record


def marked(text: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """Text with highlight markers as plain text and the marked ranges.

    >>> marked("a \\x02b\\x03 c \\x02d\\x03")
    ('a b c d', ((2, 3), (6, 7)))
    """
    plain: list[str] = []
    ranges: list[tuple[int, int]] = []
    position = 0
    for piece in re.split(f"([{_OPEN}{_CLOSE}])", text):
        if piece == _OPEN:
            opened = position
        elif piece == _CLOSE:
            ranges.append((opened, position))
        else:
            plain.append(piece)
            position += len(piece)
    return "".join(plain), tuple(ranges)


@dataclass(frozen=True)
class _Item:
    kind: str
    iri: str
    label: str
    date: str | None
    article: str | None
    body: str
    parts: tuple[tuple[int, int, int], ...]  # (offset in body, start, end in the article)


def _articles(store: ox.Store) -> Iterator[_Item]:
    for row in select.rows(store, ARTICLES):
        article = row["article"] or ""
        yield _Item(
            "article", article, row["label"] or article, row["date"], article, row["text"] or "", ()
        )


def _statements(store: ox.Store) -> Iterator[_Item]:
    """One item per statement: its distinct evidence spans in text order, quotes joined."""
    quotes: dict[str, list[dict[str, str | None]]] = {}
    for row in select.rows(store, QUOTES):
        quotes.setdefault(row["statement"] or "", []).append(row)
    for statement, rows in quotes.items():
        spans = sorted({(int(r["start"] or 0), int(r["end"] or 0), r["quote"] or "") for r in rows})
        parts, offset = [], 0
        for start, end, quote in spans:
            parts.append((offset, start, end))
            offset += len(quote) + len(SEPARATOR)
        yield _Item(
            "statement",
            statement,
            min(r["label"] or statement for r in rows),
            min((r["date"] for r in rows if r["date"]), default=None),
            rows[0]["article"],
            SEPARATOR.join(quote for _, _, quote in spans),
            tuple(parts),
        )


def _names(store: ox.Store) -> dict[str, tuple[str, set[str]]]:
    """Each actor's label and its other names (altLabels, alias labels)."""
    names: dict[str, tuple[str, set[str]]] = {}
    for row in select.rows(store, ACTORS):
        actor = row["actor"] or ""
        label, others = names.setdefault(actor, (row["label"] or actor, set()))
        names[actor] = (min(label, row["label"] or actor), others)
        if row["name"]:
            others.add(row["name"])
    return names


def _items(store: ox.Store) -> tuple[list[_Item], dict[str, set[str]], list[tuple[str, str]]]:
    """The index's items (sorted), the actors each is about, and the (name, actor) pairs."""
    names = _names(store)
    items = [*_articles(store), *_statements(store)]
    for actor, (label, others) in names.items():
        body = " · ".join([label, *sorted(others - {label})])
        items.append(_Item("actor", actor, label, None, None, body, ()))
    about: dict[str, set[str]] = {actor: {actor} for actor in names}
    for query in (SPOKEN_ABOUT, REPORTED_ABOUT):
        for row in select.rows(store, query):
            if row["actor"] in names:
                about.setdefault(row["item"] or "", set()).add(row["actor"] or "")
    pairs = {
        (n.casefold(), actor) for actor, (label, others) in names.items() for n in {label, *others}
    }
    items.sort(key=lambda item: (KINDS.index(item.kind), item.iri))
    return items, about, sorted(pairs)


def _fill(connection: sqlite3.Connection, store: ox.Store, key: str) -> None:
    items, about, pairs = _items(store)
    connection.executescript(SCHEMA)
    connection.executemany("INSERT INTO meta VALUES (?, ?)", [("format", FORMAT), ("dataset", key)])
    for number, item in enumerate(items, 1):
        connection.execute(
            "INSERT INTO items VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                number,
                item.kind,
                item.iri,
                item.label,
                item.date,
                item.article,
                json.dumps(item.parts),
            ),
        )
        connection.execute("INSERT INTO texts (rowid, body) VALUES (?, ?)", (number, item.body))
        connection.executemany(
            "INSERT INTO about VALUES (?, ?)",
            [(number, actor) for actor in sorted(about.get(item.iri, ()))],
        )
    connection.executemany("INSERT INTO names VALUES (?, ?)", pairs)
    connection.commit()


def files_key(paths: Sequence[Path]) -> str:
    """The content hash of a dataset read from files: SHA-256 over each file's SHA-256."""
    digest = hashlib.sha256(FORMAT.encode())
    for path in paths:
        with path.open("rb") as stream:
            digest.update(hashlib.file_digest(stream, "sha256").digest())
    return digest.hexdigest()


def store_key(folder: Path) -> str:
    """What changes when a persistent store does: SHA-256 over the names, sizes and modification
    times of its data files (hashing a store's content takes seconds per 100k quads; a write,
    such as ``diplograph load``, always changes these files, so the index is never stale, and a
    compaction that changes them without changing the content only costs a rebuild)."""
    from diplograph.serve.worker import Source  # the same test the server uses to follow a store

    digest = hashlib.sha256(FORMAT.encode())
    digest.update(repr(Source(store=folder).version()).encode())
    return digest.hexdigest()


class SearchIndex:
    """An FTS5 index of one dataset; safe to share between threads (one search at a time)."""

    def __init__(self, connection: sqlite3.Connection, seconds: float = 5.0) -> None:
        self.connection = connection
        self.seconds = seconds
        self.lock = threading.Lock()

    @classmethod
    def build(cls, store: ox.Store) -> SearchIndex:
        """An index of ``store``, in memory."""
        connection = sqlite3.connect(":memory:", check_same_thread=False)
        _fill(connection, store, "")
        return cls(connection)

    @classmethod
    def kept(cls, path: Path, key: str, store: Callable[[], ox.Store]) -> tuple[SearchIndex, bool]:
        """The index in ``path`` if it was built from the dataset whose key is ``key``;
        else one built from ``store()`` and written to ``path`` (atomically). Also says whether
        it was (re)built."""
        if path.is_file():
            connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
            try:
                meta = dict(connection.execute("SELECT key, value FROM meta").fetchall())
            except sqlite3.DatabaseError:
                meta = {}
            if meta.get("format") == FORMAT and meta.get("dataset") == key:
                return cls(connection), False
            connection.close()
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor, staging = tempfile.mkstemp(prefix=path.name + ".", dir=path.parent)
        os.close(descriptor)
        try:
            with sqlite3.connect(staging) as connection:
                _fill(connection, store(), key)
            connection.close()
            os.replace(staging, path)
        except BaseException:
            Path(staging).unlink(missing_ok=True)
            raise
        return cls(sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)), True

    def actors(self, name: str) -> tuple[str, ...]:
        """The actors an ``--actor`` value means: an IRI as it is, or every actor with that label,
        altLabel or alias (case-insensitive); :class:`BadQuery` when none has it."""
        if name.startswith(("http://", "https://")):
            return (name,)
        with self.lock:
            rows = self.connection.execute(
                "SELECT DISTINCT actor FROM names WHERE name = ? ORDER BY actor", (name.casefold(),)
            ).fetchall()
        if not rows:
            raise BadQuery(f"actor {name!r}: no actor has this name; give its label or IRI")
        return tuple(actor for (actor,) in rows)

    def search(self, search: Search) -> list[Hit]:
        """The items matching ``search``, best first (BM25), then by kind and IRI."""
        where = ["texts MATCH ?"]
        arguments: list[object] = [fts_query(search.text)]
        if search.kind:
            where.append("items.kind = ?")
            arguments.append(search.kind)
        if search.start:
            where.append("items.date >= ?")
            arguments.append(search.start)
        if search.end:
            where.append("items.date <= ?")
            arguments.append(search.end)
        if search.actors:
            marks = ", ".join("?" * len(search.actors))
            where.append(
                f"EXISTS (SELECT 1 FROM about WHERE item = items.id AND actor IN ({marks}))"
            )
            arguments.extend(search.actors)
        markers = f"'{_OPEN}', '{_CLOSE}'"
        sql = f"""SELECT items.kind, items.iri, items.label, items.date, items.article, items.parts,
              snippet(texts, 0, {markers}, '…', 24), highlight(texts, 0, {markers})
            FROM texts JOIN items ON items.id = texts.rowid
            WHERE {" AND ".join(where)}
            ORDER BY bm25(texts), items.kind, items.iri LIMIT ?"""
        arguments.append(search.limit)
        deadline = time.monotonic() + self.seconds
        with self.lock:
            self.connection.set_progress_handler(lambda: int(time.monotonic() > deadline), 10_000)
            try:
                rows = self.connection.execute(sql, arguments).fetchall()
            except sqlite3.OperationalError as error:
                if "interrupted" in str(error):
                    raise BadQuery(f"the search took longer than {self.seconds:g} s") from None
                raise BadQuery(f"the query cannot be searched for: {error}") from None
            finally:
                self.connection.set_progress_handler(None, 0)
        return [_hit(*row) for row in rows]


def _hit(
    kind: str,
    iri: str,
    label: str,
    date: str | None,
    article: str | None,
    parts: str,
    snippet: str,
    whole: str,
) -> Hit:
    text, highlights = marked(snippet)
    body, matches = marked(whole)
    shown = _shown_match(body, text, highlights)
    first = shown if shown is not None else matches[0][0] if matches else None
    start = end = quote = None
    if first is not None and kind == "article":
        length = next((e - s for s, e in matches if s == first), 0)
        before = _BEFORE.search(body, max(0, first - 80), first)
        after = _AFTER.match(body, first + length, first + length + 80)
        start = before.start() if before else first
        end = after.end() if after else first + length
        quote = body[start:end]
    elif first is not None and kind == "statement":
        for offset, span_start, span_end in reversed(json.loads(parts)):
            if offset <= first:
                start, end = span_start, span_end
                quote = body[offset : offset + span_end - span_start]
                break
    return Hit(kind, iri, label, date, article, text, highlights, start, end, quote)


def _shown_match(body: str, snippet: str, highlights: tuple[tuple[int, int], ...]) -> int | None:
    """Where in ``body`` the snippet's first highlighted match is (None: not found).

    >>> _shown_match("a b a c", "…a c", ((1, 2),))
    4
    """
    if not highlights:
        return None
    lead = len(snippet) - len(snippet.lstrip("…"))
    found = body.find(snippet.strip("…"))
    return None if found < 0 else found + highlights[0][0] - lead
