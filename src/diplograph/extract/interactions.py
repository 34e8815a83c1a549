"""Finding interactions: meetings, talks, calls and visits, with participants, date and place.

>>> kind_of("Secretary Blinken spoke today with Foreign Minister Maas.")
('PhoneCall', 18)
>>> kind_of("Wang Yi met with Antony Blinken in Beijing on Monday")
('Meeting', 8)
>>> kind_of("The two sides exchanged views.") is None
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from diplograph.extract.actors import Actor
from diplograph.extract.coreference import Resolved
from diplograph.extract.text import Sentence, Span

TRIGGERS: list[tuple[str, re.Pattern[str]]] = [
    (
        "VideoCall",
        re.compile(
            r"\b(?:video ?conference|video call|virtual meeting|met virtually|spoke virtually)\b",
            re.I,
        ),
    ),
    (
        "PhoneCall",
        re.compile(
            r"\b(?:spoke|speaks|talked)\b(?=(?:\s+(?:today|yesterday|\w+day|again|by phone"
            r"|by telephone|on \w+ \d+|this \w+|last \w+))*\s+with\b)"
        ),
    ),
    (
        "PhoneCall",
        re.compile(
            r"\b(?:held|had|holds)\s+(?:an?\s+|his\s+|her\s+|their\s+)?(?:\w+\s+)?"
            r"(?:phone call|telephone call|call)\b"
        ),
    ),
    ("PhoneCall", re.compile(r"\bcalled\b(?=\s+(?:[A-Z]|his|her))")),
    ("PhoneCall", re.compile(r"^In an? (?:[\w-]+ ){0,4}(?:phone |telephone )?call\b")),
    ("Talks", re.compile(r"\bheld\b[^.;]{0,80}?\btalks?\b")),
    (
        "Talks",
        re.compile(r"\b(?:held|hold|continued?|resumed?)\s+(?:\w+\s+){0,2}discussions\s+with\b"),
    ),
    ("Meeting", re.compile(r"\b(?:met|meets)\b")),
    (
        "Meeting",
        re.compile(
            r"\b(?:held|hosted|convened)\s+(?:an?\s+)?(?:\w+\s+){0,2}(?:meeting|conversation|dialogue)\b"
        ),
    ),
    (
        "Meeting",
        re.compile(r"\bwelcomed\b(?=\s+(?:[A-Z][\w.\u2019'-]*\s+){2,}[^.\u2019']*?\bto\b)"),
    ),
]
_WINDOW_END = re.compile(
    r"\b(?:to discuss|to review|to reaffirm|to express|to congratulate|to follow|to affirm|"
    r"to offer|to highlight|to underscore|to emphasize|to continue|to thank|to coordinate|"
    r"regarding|about|where|during which|concerning|on the (?:margins|sidelines)|ahead of|"
    r"following|after)\b|[;:]"
)
_LOCATIVE = re.compile(r"\b(?:at|to|in|from)\s+(?:the\s+)?$")
_OF_TITLE = re.compile(r"\b[A-Z][\w-]*\s+(?:of|for)\s+(?:the\s+)?$")
_VISIT = re.compile(r"[\u2019']s\s+(?:\w+\s+)?(?:trip|visit|travel)\s+to\s+")


# "spoke with X during the ... Ministerial Meeting" or "on the margins of": in person, not a call.
_IN_PERSON = re.compile(
    r"\b(?:during|at|on the (?:margins|sidelines) of)\b[^;]*?"
    r"\b(?:[Mm]eeting|[Ss]ummit|[Cc]onference|Ministerial|General Assembly|G7|G20)\b"
)


def kind_of(text: str) -> tuple[str, int] | None:
    """The interaction type a sentence reports, and where its trigger starts.

    >>> kind_of("Blinken spoke with ministers during the ASEAN-U.S. Foreign Ministerial Meeting.")
    ('Meeting', 8)
    """
    best: tuple[str, int] | None = None
    for kind, pattern in TRIGGERS:
        match = pattern.search(text)
        if match and (best is None or match.start() < best[1]):
            best = (kind, match.start())
    if (
        best
        and best[0] == "PhoneCall"
        and text[best[1] :].startswith("spoke")
        and _IN_PERSON.search(text, best[1])
    ):
        return "Meeting", best[1]
    return best


@dataclass
class Found:
    """An interaction found in a sentence, before it is named and dated."""

    kind: str
    participants: list[Actor]
    window: Span  # the stretch that names the participants
    place: Actor | None


def find_interaction(sentence: Sentence, resolved: list[Resolved]) -> Found | None:
    """The interaction the sentence reports, with the people and organisations who took part."""
    trigger = kind_of(sentence.text)
    if trigger is None:
        return None
    kind, offset = trigger
    at = sentence.start + offset
    stop = _WINDOW_END.search(sentence.text, offset + 3)
    end = sentence.start + stop.start() if stop else sentence.end
    participants: list[Actor] = []
    place: Actor | None = None
    for item in resolved:
        if item.mention.end > end:
            break
        is_place = bool(item.actors) and item.actors[0].kind == "Place"
        if is_place and item.mention.start > at and place is None:
            place = item.actors[0]
            continue
        if item.mention.kind in ("state", "pronoun", "place") or _possessive(sentence, item):
            continue
        if item.mention.kind == "organization" and _OF_TITLE.search(
            sentence.text, 0, item.mention.start - sentence.start
        ):
            continue  # "Chair of the Institute ...": the organisation of a participant's post
        if _LOCATIVE.search(sentence.text, 0, item.mention.start - sentence.start):
            continue  # "at the Department of State": where, not who
        for actor in item.actors:
            if actor not in participants and actor.kind not in _NOT_ACTORS:
                participants.append(actor)
    window_end = max(end, at + 1)
    return Found(kind, participants, Span(sentence.start, window_end, ""), place)


# States take part through the people who represent them ("U.S.-Poland Strategic Dialogue").
_NOT_ACTORS = frozenset(
    {
        "State",
        "Place",
        "Post",
        "StatePost",
        "PartyPost",
        "Agreement",
        "JointCommunique",
        "Consensus",
        "Agenda",
        "Principle",
        "Meeting",
        "Talks",
        "PhoneCall",
        "VideoCall",
        "Visit",
        "Article",
    }
)


def _possessive(sentence: Sentence, item: Resolved) -> bool:
    following = sentence.text[
        item.mention.end - sentence.start : item.mention.end - sentence.start + 2
    ]
    return following in ("\u2019s", "'s")


def find_visit(sentence: Sentence, resolved: list[Resolved]) -> tuple[Actor, Actor, Span] | None:
    """A person's trip to a place ("Blinken's trip to Beijing"): visitor, place, evidence span."""
    for index, item in enumerate(resolved):
        if not item.actors or item.actors[0].kind != "Person":
            continue
        offset = item.mention.end - sentence.start
        match = _VISIT.match(sentence.text, offset)
        if not match:
            continue
        for later in resolved[index + 1 :]:
            if (
                later.mention.start == sentence.start + match.end()
                and later.actors
                and later.actors[0].kind == "Place"
            ):
                where = Span(item.mention.start, later.mention.end, "")
                return item.actors[0], later.actors[0], where
    return None
