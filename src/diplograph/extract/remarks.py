"""The event at which a transcript's remarks are given: its audience, day and place.

A transcript (speaker labels, ``SECRETARY SMITH:``) reports no meeting in a sentence; its remarks
*are* the meeting. Its title names the audience ("Secretary Smith at a Meeting with Freedonian
Civil Society"), the header before the first speaker label names the place ("Valbourg,
Freedonia"), and the remarks date it when they say "today" or "this morning".

>>> audience("Secretary Smith at a Meeting with Freedonian Civil Society")
'Freedonian Civil Society'
>>> audience("Minister Lee Before Her Meeting with Non-Nuclear States Parties (NNSP) on the "
...     "Margins of the Review Conference")
'Non-Nuclear States Parties'
>>> audience("Secretary Smith's Remarks to the Press") is None
True

A title of two speakers "Before Their Meeting" names both: their meeting is the remarks' event.

>>> audience("Secretary Jane Smith and Freedonian Foreign Minister Lev Petrov Before Their Meeting")
'Secretary Jane Smith and Freedonian Foreign Minister Lev Petrov'
>>> audience("Remarks by President Smith and President Petrov Before Bilateral Meeting | Valbourg")
'President Smith and President Petrov'

Remarks welcoming a visitor name the visitor.

>>> audience("Secretary Smith Remarks Welcoming Freedonian Minister Lev Petrov to the Pentagon")
'Freedonian Minister Lev Petrov'
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# "at a meeting with Y", "before his meeting with Y", "during a roundtable with Y": the audience Y,
# without the conference it was held on the margins of.
_AUDIENCE = re.compile(
    r"\b(?:[Aa]t|[Bb]efore|[Aa]fter|[Dd]uring)\s+(?:(?:[Tt]he\s+)?[Tt]op\s+of\s+)?"
    r"(?:[Aa]n?|[Tt]he|[Hh]is|[Hh]er|[Tt]heir|(?<=[Tt]op of ))\s*"
    r"(?:[\w-]+\s+){0,2}?(?:[Mm]eeting|[Rr]oundtable|[Tt]own [Hh]all|[Ss]ession|[Dd]iscussion)"
    r"\s+[Ww]ith\s+(?P<audience>.+?)"
    r"(?:\s+(?:[Oo]n|[Aa]t)\s+the\s+(?:[Mm]argins|[Ss]idelines)\s+of\b.*)?$"
)
# "A and B Before Their Meeting", "A and B at the Top of Their Bilateral Meeting": A and B
_THEIR_MEETING = re.compile(
    r"^(?:Remarks by\s+)?(?P<audience>.+?\s+and\s+.+?)\s+"
    r"(?:[Bb]efore|[Aa]fter|[Aa]t\s+the\s+[Tt]op\s+of|[Aa]head\s+of)\s+"
    r"(?:[Tt]heir\s+|[Aa]\s+|[Tt]he\s+)?(?:[\w-]+\s+)?(?:[Mm]eeting|[Tt]alks)\b(?!\s+with\b)"
)
# "Secretary Smith Remarks Welcoming Foreign Minister Petrov to the Pentagon": whom the host
# welcomes, without where.
_WELCOMING = re.compile(
    r"\b[Rr]emarks\s+(?:[Ww]elcoming|[Oo]n\s+[Ww]elcoming)\s+(?P<audience>.+?)"
    r"(?:\s+(?:to|at|in)\s+(?:the\s+)?[A-Z].*)?$"
)
# "A and B at a Joint Press Availability": two who meet and speak to the press together
_JOINT_PRESS = re.compile(
    r"^(?P<audience>.+?\s+and\s+.+?)\s+(?:[Aa]t|[Dd]uring|[Aa]fter)\s+(?:[Aa]|[Tt]he|[Tt]heir)\s+"
    r"[Jj]oint\s+[Pp]ress\s+(?:[Aa]vailability|[Cc]onference|[Ss]tatements?|[Bb]riefing|[Ee]ncounter)"
)
_ABBREVIATION = re.compile(r"\s*\([A-Z]+\)")
# The remarks say which day they are given on: the publication day.
SAME_DAY = re.compile(r"\b(?:today|this (?:morning|afternoon|evening)|tonight)\b", re.I)


def audience(title: str | None) -> str | None:
    """Whom the remarks a transcript's title names are given to, without abbreviations in
    parentheses; None when the title names no meeting with anyone."""
    title = title or ""
    match = (
        _AUDIENCE.search(title)
        or _THEIR_MEETING.search(title)
        or _JOINT_PRESS.search(title)
        or _WELCOMING.search(title)
    )
    if match is None:
        return None
    return _ABBREVIATION.sub("", match.group("audience")).strip() or None


def header_place(header: str, places: Iterable[str]) -> str | None:
    """The first place of the gazetteer's ``places`` the header of a transcript names (the
    longest at that position).

    >>> header_place("Jane Smith, Secretary\\n\\nCity Hall Valbourg, Freedonia", ["Valbourg"])
    'Valbourg'
    >>> header_place("Jane Smith, Secretary", ["Valbourg"]) is None
    True
    """
    best: tuple[int, int, str] | None = None
    for place in places:
        match = re.search(rf"\b{re.escape(place)}\b", header)
        if match and (best is None or (match.start(), -len(place)) < best[:2]):
            best = (match.start(), -len(place), place)
    return best[2] if best else None
