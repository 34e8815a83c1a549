"""Reading articles: one ``.txt`` article with its metadata, or a ``.jsonl`` corpus.

A JSONL corpus has one JSON object a line with the fields ``id, text, published, publisher`` and,
optionally, ``title, url, creator`` (the format of data/corpus/state-department-readouts.jsonl).

What the reader makes of its fields:

- ``published`` (and ``--date``) is an ISO date ``YYYY-MM-DD``, nothing else (not ``20230619``);
- an ``id`` (or a ``.txt`` file name) that is not a lower-case slug is made into one
  (``01_summary.txt`` is ``01-summary``), as the extractor mints IRIs (:func:`slug`);
- a parenthesised part after the publisher's name names a part of the publisher, such as an office:
  ``U.S. Department of State (Office of the Spokesperson)`` is the publisher
  ``U.S. Department of State``, and the part becomes the ``creator`` when none is given;
- an article's text may hold at most the extractor's limit of characters
  (:func:`diplograph.extract.limits.max_article_chars`: 500,000 unless the environment variable
  ``DIPLOGRAPH_MAX_ARTICLE_CHARS`` says otherwise); a longer one is refused with its line.

>>> import_id("01_summary", "f.txt"), import_id("Blinken's Call", "c.jsonl:3")
('01-summary', 'blinkens-call')
>>> split_publisher("U.S. Department of State (Office of the Spokesperson)")
('U.S. Department of State', 'Office of the Spokesperson')
>>> iso_date("20230619", "c.jsonl:3", "published")
Traceback (most recent call last):
...
diplograph.errors.DiplographError: c.jsonl:3: field 'published' is not a date YYYY-MM-DD: '20230619'

>>> import tempfile
>>> folder = Path(tempfile.mkdtemp())
>>> _ = (folder / "c.jsonl").write_text('{"id": "a", "text": "Hi.", "published": "2021-05-21"}\\n')
>>> read_jsonl(folder / "c.jsonl")
Traceback (most recent call last):
...
diplograph.errors.DiplographError: ...c.jsonl:1: missing field 'publisher'
"""

from __future__ import annotations

import codecs
import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path

from diplograph.errors import DiplographError
from diplograph.extract.limits import MAX_ARTICLE_CHARS_VARIABLE, max_article_chars
from diplograph.extract.text import slug

_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$", re.ASCII)
_DATELINE = re.compile(r"^\s*date (\d{4}-\d{2}-\d{2})\b", re.ASCII)
_PART = re.compile(r"^(?P<name>.*\S)\s+\((?P<part>[^()]*\S[^()]*)\)$")
REQUIRED = ("id", "text", "published", "publisher")


@dataclass(frozen=True)
class Article:
    """One article: its identifier (a lower-case slug), text and publication metadata."""

    id: str
    text: str
    published: dt.date
    publisher: str
    title: str | None = None
    url: str | None = None
    creator: str | None = None


def iso_date(value: str, where: str, field: str) -> dt.date:
    """The date ``YYYY-MM-DD`` of a field; an error naming ``where`` and the field otherwise."""
    try:
        if not _ISO_DATE.match(value):
            raise ValueError(value)
        return dt.date.fromisoformat(value)
    except ValueError:
        raise DiplographError(
            f"{where}: field {field!r} is not a date YYYY-MM-DD: {value!r}"
        ) from None


def import_id(value: str, where: str) -> str:
    """The article id: ``value`` when it is a lower-case slug, else the slug of it."""
    identifier = value if _ID.match(value) else slug(value)
    if not identifier:  # a blank id (a file named " .txt")
        raise DiplographError(f"{where}: id {value!r} is blank")
    return identifier


def split_publisher(name: str) -> tuple[str, str | None]:
    """The publisher's name, and the part of it a parenthesised suffix names (or None)."""
    found = _PART.match(name.strip())
    if found is None:
        return name.strip(), None
    return found["name"], found["part"].strip()


def _check_size(text: str, where: str, field: str) -> str:
    """The text, unless it is longer than the extractor's limit (refused here, naming the line)."""
    limit = max_article_chars()
    if len(text) > limit:
        raise DiplographError(
            f"{where}: field {field!r} holds {len(text):,} characters, more than the limit of "
            f"{limit:,} (set {MAX_ARTICLE_CHARS_VARIABLE} to raise it)"
        )
    return text


def read_jsonl(path: Path) -> list[Article]:
    """Every article of a JSONL corpus; the first bad line raises with its number and field."""
    articles: list[Article] = []
    seen: set[str] = set()
    # lines end at "\n" only: str.splitlines() would also cut at U+2028 or U+0085 inside a string
    for number, line in enumerate(_read(path).split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            raise DiplographError(f"{where}: not JSON: {error.msg}") from None
        except RecursionError:
            raise DiplographError(f"{where}: not JSON this reader takes: nested too deep") from None
        except ValueError as error:  # an integer of more than 4,300 digits
            raise DiplographError(f"{where}: not JSON this reader takes: {error}") from None
        if not isinstance(row, dict):
            raise DiplographError(f"{where}: not a JSON object")
        for field in REQUIRED:
            if not isinstance(row.get(field), str) or not row[field].strip():
                raise DiplographError(f"{where}: missing field {field!r}")
        for field in ("title", "url", "creator"):
            if row.get(field) is not None and not isinstance(row[field], str):  # null: absent
                raise DiplographError(f"{where}: field {field!r} is not a string")
        identifier = import_id(row["id"], where)
        if identifier in seen:
            raise DiplographError(f"{where}: duplicate id {identifier!r}")
        seen.add(identifier)
        publisher, part = split_publisher(row["publisher"])
        articles.append(
            Article(
                identifier,
                _check_size(row["text"], where, "text"),
                iso_date(row["published"], where, "published"),
                publisher,
                (row.get("title") or "").strip() or None,
                row.get("url") or None,
                row.get("creator") or part,
            )
        )
    return articles


def read_txt(
    path: Path,
    *,
    published: str | None = None,
    publisher: str | None = None,
    identifier: str | None = None,
    url: str | None = None,
    title: str | None = None,
) -> Article:
    """One plain-text article; its date is ``published`` or a ``date YYYY-MM-DD`` dateline."""
    text = _read(path)
    if published is None:
        dateline = _DATELINE.match(text)
        if dateline is None:
            raise DiplographError(
                f"{path}: no date: pass --date YYYY-MM-DD (no dateline in the text)"
            )
        published = dateline.group(1)
    if not publisher or not publisher.strip():
        raise DiplographError(f"{path}: no publisher: pass --publisher NAME")
    name, part = split_publisher(publisher)
    return Article(
        import_id(identifier or path.stem, str(path)),
        _check_size(text, str(path), "text"),
        iso_date(published, str(path), "date"),
        name,
        title,
        url,
        part,
    )


def _read(path: Path) -> str:
    """The text of a file: UTF-8 (a byte order mark dropped), or UTF-16 with a byte order mark.

    Anything else is refused naming the byte offset and the encoding the bytes look like.
    """
    try:
        data = path.read_bytes()
    except OSError as error:
        raise DiplographError(f"{path}: cannot read: {error.strerror}") from None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise DiplographError(f"{path}: not UTF-16 text (byte {error.start})") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise DiplographError(
            f"{path}: not UTF-8 text (byte {error.start}); it looks like {_looks_like(data)}"
        ) from None


def _looks_like(data: bytes) -> str:
    """A guess at the encoding of bytes that are not UTF-8.

    >>> _looks_like("Fran\u00e7a".encode("cp1252")), _looks_like("ab".encode("utf-16-le"))
    ('Windows-1252 (Latin-1)', 'UTF-16 without a byte order mark')
    """
    sample = data[:4096]
    if sample.count(0) * 4 >= len(sample):
        return "UTF-16 without a byte order mark"
    try:
        sample.decode("cp1252")
    except UnicodeDecodeError:
        return "binary data or an unknown encoding"
    return "Windows-1252 (Latin-1)"
