"""Reading a JSONL corpus as a stream, and the content key of an article.

:func:`diplograph.extract.corpus.read_jsonl` (its reader, with every check of a corpus line) reads
the whole file; :func:`stream` hands it the corpus a chunk of lines at a time, so memory does not
grow with the corpus, and gives its errors the line numbers of the corpus itself.

>>> import tempfile
>>> folder = Path(tempfile.mkdtemp())
>>> row = '{{"id": "{}", "text": "Hi.", "published": "2021-05-21", "publisher": "P"}}\\n'
>>> _ = (folder / "c.jsonl").write_text(row.format("a") + row.format("b") + row.format("a"))
>>> [article.id for article in stream(folder / "c.jsonl", chunk=2)]
Traceback (most recent call last):
...
diplograph.errors.DiplographError: ...c.jsonl:3: duplicate id 'a'
>>> _ = (folder / "d.jsonl").write_text(row.format("a") + row.format("b"))
>>> article, _ = stream(folder / "d.jsonl", chunk=1)
>>> content_key(article, "v1") == content_key(article, "v1") != content_key(article, "v2")
True
"""

from __future__ import annotations

import hashlib
import itertools
import json
import tempfile
from collections.abc import Iterator
from pathlib import Path

from diplograph.errors import DiplographError
from diplograph.extract.corpus import Article, read_jsonl

CHUNK = 2_000  # corpus lines parsed at a time


def stream(path: Path, chunk: int = CHUNK) -> Iterator[Article]:
    """The articles of a JSONL corpus in file order, ``chunk`` lines in memory at a time.

    A bad line raises :class:`DiplographError` with the corpus's own path and line number; an id
    seen on an earlier line is a duplicate, as in one :func:`read_jsonl` call.
    """
    seen: set[str] = set()
    try:
        source = path.open(encoding="utf-8")
    except OSError as error:
        raise DiplographError(f"{path}: cannot read: {error.strerror}") from None
    with source, tempfile.TemporaryDirectory(prefix="diplograph-corpus-") as scratch:
        part = Path(scratch) / "part.jsonl"
        for offset in itertools.count(0, chunk):
            try:
                lines = list(itertools.islice(source, chunk))
            except UnicodeDecodeError as error:
                raise DiplographError(f"{path}: not UTF-8 text (byte {error.start})") from None
            if not lines:
                return
            part.write_text("".join(lines), encoding="utf-8")
            try:
                articles = read_jsonl(part)
            except DiplographError as error:
                raise DiplographError(_renumbered(str(error), part, path, offset)) from None
            for article in articles:
                if article.id in seen:
                    number = offset + 1 + _line_of(lines, article.id)
                    raise DiplographError(f"{path}:{number}: duplicate id {article.id!r}")
                seen.add(article.id)
                yield article


def _renumbered(message: str, part: Path, path: Path, offset: int) -> str:
    """An error of the chunk file ``part`` as one of line ``offset + n`` of the corpus."""
    prefix = f"{part}:"
    if not message.startswith(prefix):
        return message.replace(str(part), str(path))
    number, _, rest = message[len(prefix) :].partition(":")
    if not number.isdigit():
        return f"{path}:{message[len(prefix) :]}"
    return f"{path}:{offset + int(number)}:{rest}"


def _line_of(lines: list[str], identifier: str) -> int:
    """The index of the line of ``lines`` whose id is ``identifier``."""
    for index, line in enumerate(lines):
        if line.strip() and json.loads(line).get("id") == identifier:
            return index
    raise AssertionError(identifier)  # pragma: no cover - the reader just read it


def count(path: Path) -> int:
    """The number of non-blank lines of the corpus: the total of the progress bar."""
    with path.open("rb") as source:
        return sum(1 for line in source if line.strip())


def content_key(article: Article, version: str) -> str:
    """The SHA-256 of the article's fields and the pipeline version: what decides a rerun."""
    fields = {
        "id": article.id,
        "text": article.text,
        "published": article.published.isoformat(),
        "publisher": article.publisher,
        "title": article.title,
        "url": article.url,
        "creator": article.creator,
        "version": version,
    }
    encoded = json.dumps(fields, sort_keys=True, ensure_ascii=False).encode("utf-8")
    return hashlib.sha256(encoded).hexdigest()
