"""Sentences and evidence spans, with offsets in Unicode code points into the article text.

>>> text = "Office of the Spokesperson\\n\\nBlinken met Wang today. They discussed trade."
>>> [s.text for s in sentences(text)]
['Office of the Spokesperson', 'Blinken met Wang today.', 'They discussed trade.']
>>> sentences(text)[1].start, sentences(text)[1].paragraph
(28, 1)
>>> span(text, 28, 35)
Span(start=28, end=35, text='Blinken')
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from anyascii import anyascii

# A sentence ends at . ! ? (optionally followed by a closing quote) before a space and a capital
# letter or an opening quote, but not after an initial ("Antony J.") or a common abbreviation.
_END = re.compile(r"[.!?][\"\u201d\u2019)]?(?=\s+[\"\u201cA-Z])")
# Abbreviated honorifics and ranks before a name ("Dr. S. Jaishankar", "Brig. Gen. Pat Ryder"):
# their period ends no sentence and stays with the word.
NAME_ABBREVIATIONS = "Dr|Mr|Ms|Mrs|Jr|Sr|St|Hon|Gen|Lt|Col|Adm|Maj|Capt|Cmdr|Brig|Sgt|Sen|Rep|Gov"
_ABBREVIATIONS = re.compile(
    rf"\b(?:[A-Z]|U\.S|U\.N|D\.C|Rt|No|vs|[ap]\.m|U\.K|E\.U|{NAME_ABBREVIATIONS})\.$"
)
# A possessive ending right after a name ("Putin\u2019s regime", "the allies\u2019 resolve").
POSSESSIVE_END = re.compile(r"[\u2019'](?:s\b|(?=\s))")
_PARAGRAPH = re.compile(r"\n\s*\n")
# No sentence of a readout is longer than ~540 characters; a longer stretch without a sentence
# end (a list, a run-on line, hostile input) is cut into pieces of at most this many characters
# at the last clause boundary (";", ",") or space before the limit, so that the work per
# sentence stays bounded and extraction linear in the text.
MAX_SENTENCE = 1500
# normalize and slug are pure and called again and again on the same few thousand words and
# labels (every token of every sentence, every actor's aliases): their answers are cached.
CACHED = 1 << 16


@dataclass(frozen=True)
class Span:
    """A stretch of an article: ``text[start:end]``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Sentence(Span):
    """A sentence, and the number of the paragraph it is in (from 0)."""

    paragraph: int = 0


def span(text: str, start: int, end: int) -> Span:
    """The span ``text[start:end]`` with surrounding white space trimmed."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end, text[start:end])


def sentences(text: str) -> list[Sentence]:
    """The article's sentences in order; a paragraph break always ends a sentence."""
    found: list[Sentence] = []
    paragraph_start = 0
    for number, paragraph_end in enumerate(
        [*(m.start() for m in _PARAGRAPH.finditer(text)), len(text)]
    ):
        start = paragraph_start
        for match in _END.finditer(text, paragraph_start, paragraph_end):
            if _ABBREVIATIONS.search(text, start, match.start() + 1):
                continue
            _append(found, text, start, match.end(), number)
            start = match.end()
        _append(found, text, start, paragraph_end, number)
        gap = _PARAGRAPH.match(text, paragraph_end)
        paragraph_start = gap.end() if gap else paragraph_end
    return found


def _append(found: list[Sentence], text: str, start: int, end: int, paragraph: int) -> None:
    while end - start > MAX_SENTENCE:
        cut = _cut(text, start, start + MAX_SENTENCE)
        _append(found, text, start, cut, paragraph)
        start = cut
    trimmed = span(text, start, end)
    if trimmed.text:
        found.append(Sentence(trimmed.start, trimmed.end, trimmed.text, paragraph))


def _cut(text: str, start: int, limit: int) -> int:
    """Where to end a piece of an over-long sentence: after the last clause boundary in the
    second half of ``text[start:limit]``, else after its last space, else at ``limit``.

    >>> text = "a, " + "b" * 10 + " c; d"
    >>> text[: _cut(text, 0, 17)]
    'a, bbbbbbbbbb c; '
    """
    half = start + (limit - start) // 2
    window = text[half:limit]
    for mark in ("; ", ", ", " "):
        at = window.rfind(mark)
        if at >= 0:
            return half + at + len(mark)
    return limit


@lru_cache(maxsize=CACHED)
def normalize(label: str) -> str:
    """A label as matching sees it: case, periods, apostrophe kinds and spacing ignored.

    >>> normalize("U.S. Secretary  of State")
    'us secretary of state'
    >>> normalize("Blinken\u2019s") == normalize("Blinken's")
    True
    """
    cleaned = (
        label.replace("\u2019", "'").replace("\u202f", " ").replace("\u00a0", " ").replace(".", "")
    )
    return " ".join(cleaned.lower().split())


@lru_cache(maxsize=CACHED)
def slug(label: str) -> str:
    """A lower-case IRI slug: letters and digits, accents removed, joined by hyphens; letters of
    other scripts transliterated (anyascii), and a name with no letter or digit at all gets a
    stable one from its hash, so that no name has an empty slug (only the empty string has).

    >>> slug("Mohammed bin Abdulrahman Al-Thani")
    'mohammed-bin-abdulrahman-al-thani'
    >>> slug("Carlos França"), slug("Łukasz Kowalski")
    ('carlos-franca', 'lukasz-kowalski')
    >>> slug("Сергей Лавров"), slug("新华社")
    ('sergei-lavrov', 'xinhuashe')
    >>> slug("★★★")
    'x-597d977655'
    """
    plain = unicodedata.normalize("NFKD", label.replace("\u2019", "").replace("'", ""))
    letters = "".join(
        c if c.isascii() else anyascii(c) if unicodedata.category(c)[0] in "LN" else ""
        for c in plain
    )
    found = "-".join(re.findall(r"[a-z0-9]+", letters.lower()))
    if found or not label.strip():
        return found  # nothing at all names nothing: the empty slug
    digest = hashlib.sha256(normalize(label).encode("utf-8")).hexdigest()
    return f"x-{digest[:10]}"
