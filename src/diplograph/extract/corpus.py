"""Reading articles: one ``.txt`` article with its metadata, or a ``.jsonl`` corpus.

A JSONL corpus has one JSON object a line with the fields ``id, text, published, publisher`` and,
optionally, ``title, url, creator`` (the format of data/corpus/state-department-readouts.jsonl).

>>> import tempfile
>>> folder = Path(tempfile.mkdtemp())
>>> _ = (folder / "c.jsonl").write_text('{"id": "a", "text": "Hi.", "published": "2021-05-21"}\\n')
>>> read_jsonl(folder / "c.jsonl")
Traceback (most recent call last):
...
diplograph.errors.DiplographError: ...c.jsonl:1: missing field 'publisher'
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path

from diplograph.errors import DiplographError

_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_DATELINE = re.compile(r"^\s*date (\d{4}-\d{2}-\d{2})\b")
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


def _date(value: str, where: str, field: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise DiplographError(
            f"{where}: field {field!r} is not a date YYYY-MM-DD: {value!r}"
        ) from None


def _identifier(value: str, where: str) -> str:
    if not _ID.match(value):
        raise DiplographError(f"{where}: id {value!r} is not a lower-case slug (a-z, 0-9, -)")
    return value


def read_jsonl(path: Path) -> list[Article]:
    """Every article of a JSONL corpus; the first bad line raises with its number and field."""
    articles: list[Article] = []
    seen: set[str] = set()
    for number, line in enumerate(_read(path).splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            raise DiplographError(f"{where}: not JSON: {error.msg}") from None
        if not isinstance(row, dict):
            raise DiplographError(f"{where}: not a JSON object")
        for field in REQUIRED:
            if not isinstance(row.get(field), str) or not row[field].strip():
                raise DiplographError(f"{where}: missing field {field!r}")
        for field in ("title", "url", "creator"):
            if field in row and not isinstance(row[field], str):
                raise DiplographError(f"{where}: field {field!r} is not a string")
        identifier = _identifier(row["id"], where)
        if identifier in seen:
            raise DiplographError(f"{where}: duplicate id {identifier!r}")
        seen.add(identifier)
        articles.append(
            Article(
                identifier,
                row["text"],
                _date(row["published"], where, "published"),
                row["publisher"].strip(),
                (row.get("title") or "").strip() or None,
                row.get("url") or None,
                row.get("creator") or None,
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
    if not publisher:
        raise DiplographError(f"{path}: no publisher: pass --publisher NAME")
    return Article(
        _identifier(identifier or path.stem.lower(), str(path)),
        text,
        _date(published, str(path), "date"),
        publisher,
        title,
        url,
    )


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError as error:
        raise DiplographError(f"{path}: cannot read: {error.strerror}") from None
    except UnicodeDecodeError as error:
        raise DiplographError(f"{path}: not UTF-8 text (byte {error.start})") from None
