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

import re
import unicodedata
from dataclasses import dataclass

# A sentence ends at . ! ? (optionally followed by a closing quote) before a space and a capital
# letter or an opening quote, but not after an initial ("Antony J.") or a common abbreviation.
_END = re.compile(r"[.!?][\"\u201d\u2019)]?(?=\s+[\"\u201cA-Z])")
_ABBREVIATIONS = re.compile(
    r"(?:\b[A-Z]|\bU\.S|\bU\.N|\bD\.C|\bDr|\bMr|\bMs|\bMrs|\bJr|\bSt|\bNo|\bvs|\bU\.K|\bE\.U)\.$"
)
_PARAGRAPH = re.compile(r"\n\s*\n")


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
    trimmed = span(text, start, end)
    if trimmed.text:
        found.append(Sentence(trimmed.start, trimmed.end, trimmed.text, paragraph))


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


def slug(label: str) -> str:
    """A lower-case IRI slug: letters and digits, accents removed, joined by hyphens.

    >>> slug("Mohammed bin Abdulrahman Al-Thani")
    'mohammed-bin-abdulrahman-al-thani'
    >>> slug("Carlos França")
    'carlos-franca'
    """

    plain = unicodedata.normalize("NFKD", label.replace("\u2019", "").replace("'", ""))
    ascii_only = plain.encode("ascii", "ignore").decode("ascii").lower()
    return "-".join(re.findall(r"[a-z0-9]+", ascii_only))
