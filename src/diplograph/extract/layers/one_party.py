"""One-party interactions: events the text names by one party only, a summit or conference by its
organiser or host ("next month's NATO Summit", "the Uzbekistan-hosted Tashkent Conference on
Afghanistan on July 26"), a trip by its traveller ("the Secretary's planned travel to the region").
Each is a ``Meeting`` with its one participant (and its host) or a ``Visit`` with its visitor, never
coded (a coded event is a dyad). An event named only as the setting of what the sentence reports
("on the margins of the NATO Summit") is not one of them: it stays a reference. A body's dated
session ("the measures adopted in the Andean Council on March 3") is a meeting of the body.

The forms, each with the party it names:

>>> ORGANISED.search("discussed next month's NATO Summit").group("party")
'NATO'
>>> HOSTED.search("after the Peru-hosted Lima Forum on Water on May 2").group("party", "name")
('Peru', 'Lima Forum on Water')
>>> PARTICIPATION.search("welcomed Chile's participation in the upcoming Summit of the Andes")[0]
"Chile's participation in the upcoming Summit of the Andes"
>>> SESSION.search("the steps adopted in the Andean Council on March 3").group("party", "date")
('Andean Council', 'March 3')
>>> bool(PLANNED_TRIP.match("'s planned travel to the region"))
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from diplograph.extract.actors import Actor
from diplograph.extract.dates import find_date, nearest
from diplograph.extract.interactions import DIALOGUE, opening_person
from diplograph.extract.layers.doc import Cursor, Doc, local, unique
from diplograph.extract.layers.interactions import side_named
from diplograph.extract.model import Interaction
from diplograph.extract.text import normalize, span

_APOSTROPHE = "[\u2019']"
_EVENT_NOUN = r"(?:Summit|Conference|Forum|Ministerial)"
# A dated phrase that names an event as earlier or planned, not as where something happens now.
_WHEN = (
    rf"(?:(?:next|last|this)\s+(?:week|month|year){_APOSTROPHE}s"
    r"|(?:the\s+)?(?:upcoming|forthcoming))"
)
_EVENT_NAME = (
    rf"(?:[A-Z][\w.\u2019'-]*\s+){{0,5}}{_EVENT_NOUN}"
    r"(?:\s+(?:on|of|for)\s+(?:the\s+)?[A-Z]\w*(?:\s[A-Z]\w*)*)?"
)
_DAY = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r"\s+\d{1,2}"
)
_DAYS = rf"{_DAY}(?:\s*[-\u2013]\s*\d{{1,2}})?"  # "June 29-30"
# An event named as earlier or planned: "next month's NATO Summit", "the upcoming June 28-30 NATO
# Summit", "the March 24 Extraordinary NATO Summit", "the successful Andean Ministerial". The
# organiser is the known state or organisation right before the noun ("NATO Summit", "G20
# Leaders' Summit"); a name without one ("the upcoming UN Food Systems Summit") is a meeting of its
# unnamed participants.
ORGANISED = re.compile(
    rf"(?:\b{_WHEN}\s+|\b(?:plans|preparations)\s+for\s+the\s+|\bahead\s+of\s+the\s+"
    rf"|\bthe\s+(?:successful|recent|previous)\s+|\b(?:the|a)\s+(?:successful\s+)?(?={_DAY}))"
    rf"(?:(?P<date>{_DAYS})\s+)?"
    rf"(?P<name>(?:(?:[A-Z][\w.\u2019'-]*\s+){{0,4}}?(?P<party>[A-Z][\w.&-]*)"
    rf"(?:\s+Leaders{_APOSTROPHE}?)?\s+{_EVENT_NOUN}|{_EVENT_NOUN}(?=\s+(?:on|of|for)\s))"
    r"(?:\s+(?:on|of|for)\s+(?:the\s+)?[A-Z]\w*(?:\s[A-Z]\w*)*)?)\b"
    # the whole name ("... Ministerial Council Meeting" is no Ministerial), whose participants
    # the text does not name after it ("the May 21 Summit between A and B": a named event)
    r"(?!\s+(?:[A-Z]|between\b|with\b))"
)
# "the Uzbekistan-hosted Tashkent Conference on Afghanistan": the host names the event.
HOSTED = re.compile(rf"\b(?P<party>[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)-hosted\s+(?P<name>{_EVENT_NAME})")
# "Jamaica's participation in the upcoming Summit of the Americas": the party names itself;
# "his recent participation in the Negev Summit": the sentence's subject took part.
PARTICIPATION = re.compile(
    rf"\b(?:(?P<party>[A-Z][\w.]*(?:\s[A-Z][\w.]*)?){_APOSTROPHE}s|(?P<own>his|her|their))\s+"
    rf"(?:(?:upcoming|forthcoming|next|recent|planned)\s+)?participation\s+in\s+"
    rf"(?:the\s+)?(?:(?:upcoming|forthcoming|next|recent)\s+)?(?P<name>{_EVENT_NAME})"
)
# "the NATO Foreign Ministerial taking place in Berlin May 14-15": an event with its place and days.
TAKING_PLACE = re.compile(
    rf"\bthe\s+(?P<name>(?:[A-Z][\w.\u2019'-]*\s+){{0,4}}?(?P<party>[A-Z][\w.&-]*)"
    rf"(?:\s+[A-Z][\w.-]*)*?\s+{_EVENT_NOUN})\s+(?:(?:is|will\s+be)\s+)?"
    rf"(?:taking\s+place|to\s+take\s+place|to\s+be\s+held|being\s+held|held)\s+"
    rf"in\s+(?P<where>[A-Z][\w.-]*)\s+(?:on\s+|from\s+)?(?P<date>{_DAYS})\b"
)
# "Secretary Blinken's planned travel to the region", "the Minister's trip to the Middle East": a
# trip to a region, with no host to name (nor a place: a region is no city or country).
PLANNED_TRIP = re.compile(
    rf"^{_APOSTROPHE}s\s+(?:(?:planned|upcoming|forthcoming|recent)\s+)?(?:travel|trip|visit)\s+"
    r"to\s+(?P<where>the\s+(?:region|Middle\s+East|Indo-Pacific|Gulf|Balkans"
    r"|Western\s+Hemisphere))\b"
)
_BODY = (
    r"(?P<party>[A-Z][\w.-]*\s+(?:(?:[A-Z][\w.-]*|of|for|the)\s+){0,6}"
    r"(?:Council|Assembly|Committee|Commission))"
)
# A dated session of a body: "the steps outlined in the United Nations Security Council on July 2",
# "the June 15 vote at the Organization of American States Permanent Council", "the outcomes of
# the January 6 U.S.-Japan Security Consultative Committee".
SESSION = re.compile(
    rf"\b(?:in|at|by)\s+the\s+{_BODY}\s+on\s+(?P<date>{_DAY})\b"
    rf"|\bthe\s+(?:[a-z]+\s+)?(?P<date2>{_DAY})\s+(?:vote|session|meeting|debate)\s+"
    rf"(?:at|of|in)\s+the\s+{_BODY.replace('party', 'party2')}"
    rf"|\bthe\s+(?P<date3>{_DAY})\s+{_BODY.replace('party', 'party3')}\b"
)
# "... Conference on July 26": the date an event is named with.
_ON_DAY = re.compile(rf"\s+on\s+({_DAY})\b")
_IN = re.compile(r"\s+in\s+")
# What comes just before an event that is only the setting of the sentence's interaction.
_SETTING = re.compile(
    r"(?:\b(?:sidelines|margins|occasion)\s+of|\b(?:at|during|in))\s+(?:the\s+)?$", re.IGNORECASE
)


@dataclass
class OneParty:
    """An event one party names: its kind, party, host (for "X-hosted"), name, span, the span
    of the date it is named with ("... on July 26", "the June 29-30 ... Summit") and the place
    named right after it ("... Summit in Madrid"), offsets into the article's text."""

    kind: str  # Meeting or Visit
    party: Actor
    host: bool
    name: str
    start: int
    end: int
    date: tuple[int, int] | None = None
    place: Actor | None = None
    others: list[Actor] = field(default_factory=list)  # "his participation in": the subject


def _party(doc: Doc, match: re.Match[str], pattern: re.Pattern[str]) -> Actor | None:
    """The party of an event match: the known state or organisation the name gives, else (for an
    earlier or planned event, :data:`ORGANISED`) the group of its participants; none for a name
    of two sides ("the U.S.-ASEAN Special Summit": their meeting, :data:`DIALOGUE`)."""
    named = match.group("party")
    party = side_named(doc, normalize(named).rstrip(".")) if named else None
    own = pattern is PARTICIPATION and match.group("own") is not None
    if (
        party is not None
        or not (pattern is ORGANISED or own)
        or DIALOGUE.search(match.group("name"))
    ):
        return party
    name = " ".join(match.group("name").split())
    body = _body_named(doc.text, name)
    if body is not None:  # "the Three Seas Summit" of "the Three Seas Initiative" it names
        return doc.registry.organization(body)
    return doc.registry.group(f"{name} participants", doc.article.id)


_BODY_NOUN = r"(?:Initiative|Group|Forum|Partnership|Alliance|Organization|Community|Union)"


def _body_named(text: str, event: str) -> str | None:
    """The body an event is a meeting of, when the text names it by the event's name without
    its noun: "the Three Seas Initiative" for "Three Seas Summit"; else None.

    >>> _body_named("led the Three Seas Initiative.", "Three Seas Summit")
    'Three Seas Initiative'
    """
    words = event.split()
    if len(words) < 2 or words[-1] not in ("Summit", "Conference", "Forum", "Ministerial"):
        return None
    stem = re.escape(" ".join(words[:-1]))
    found = re.search(rf"\b{stem}\s+{_BODY_NOUN}\b", text)
    return " ".join(found.group(0).split()) if found else None


def _named_events(doc: Doc, at: Cursor) -> list[OneParty]:
    """The summits and conferences the sentence at ``at`` names by their organiser, host or a
    party taking part, or as earlier or planned, with the date and place they are named with."""
    sentence, text = at.sentence, at.sentence.text
    found: list[OneParty] = []
    patterns = ((HOSTED, True), (PARTICIPATION, False), (TAKING_PLACE, False), (ORGANISED, False))
    for pattern, host in patterns:
        for match in pattern.finditer(text):
            begin, end = sentence.start + match.start(), sentence.start + match.end()
            if _SETTING.search(text, 0, match.start()) or any(
                e.start < end and begin < e.end for e in found
            ):
                continue  # a setting, or an event of a name already read
            party = _party(doc, match, pattern)
            if party is None:
                continue
            dated = match.groupdict().get("date")
            on = None if dated else _ON_DAY.match(text, match.end())
            date = None
            if dated:
                date = (sentence.start + match.start("date"), sentence.start + match.end("date"))
            elif on is not None:
                date = (sentence.start + on.start(1), sentence.start + on.end())
                end = date[1]
            name = " ".join(match.group("name").split())
            event = OneParty("Meeting", party, host, name, begin, end, date)
            where = match.groupdict().get("where")
            event.place = _place_at(at, sentence.start + match.start("where")) if where else None
            event.place = event.place or _place_after(at, end)
            if pattern is PARTICIPATION and match.group("own"):
                event.others = opening_person(at.sentence, at.resolved)
            found.append(event)
    return found


def _place_after(at: Cursor, end: int) -> Actor | None:
    """The place named right after an event's name ("... Summit in Madrid")."""
    following = _IN.match(at.sentence.text, end - at.sentence.start)
    if following is None:
        return None
    return _place_at(at, at.sentence.start + following.end())


def _place_at(at: Cursor, where: int) -> Actor | None:
    """The place whose mention starts at offset ``where`` of the text, if any."""
    return next(
        (
            r.actors[0]
            for r in at.resolved
            if r.mention.start == where and r.actors and r.actors[0].kind == "Place"
        ),
        None,
    )


def find_one_party(doc: Doc, at: Cursor) -> list[OneParty]:
    """The one-party events the sentence at ``at`` names, in text order; none named only as a
    setting ("at the upcoming NATO Summit"), none of a host or party that is not a known state or
    organisation (the event) or a person (the trip)."""
    sentence = at.sentence
    text = sentence.text
    found = _named_events(doc, at)
    for match in SESSION.finditer(text):
        form = next(n for n in ("", "2", "3") if match.group("party" + n))
        name = " ".join(match.group("party" + form).split())
        body = side_named(doc, normalize(name)) or doc.registry.organization(name)
        name = f"a session of the {name}"
        group = "date" + form
        begin = sentence.start + (match.start("party") if not form else match.start())
        date = (sentence.start + match.start(group), sentence.start + match.end(group))
        found.append(
            OneParty("Meeting", body, False, name, begin, sentence.start + match.end(), date)
        )
    for item in at.resolved:
        if not item.actors or item.actors[0].kind != "Person":
            continue
        offset = item.mention.end - sentence.start
        if not 0 <= offset <= len(text):
            continue
        trip = PLANNED_TRIP.match(text[offset:])
        if trip is not None:
            where = " ".join(trip.group("where").split())
            end = item.mention.end + trip.end()
            found.append(OneParty("Visit", item.actors[0], False, where, item.mention.start, end))
    return sorted(found, key=lambda e: (e.start, e.end))


def add_one_party(doc: Doc, event: OneParty) -> Interaction | None:
    """The interaction of ``event``, added unless the article has it already (then None): a
    meeting dated by the date right after its name ("... Conference on July 26"), placed in the
    city its name begins with ("Tashkent Conference"); a trip with its traveller as visitor."""
    text, published = doc.text, doc.article.published
    when = None
    if event.date is not None:  # an earlier or planned event: the nearest such day
        when = find_date(text, event.date[0], published, event.date[1])
        when = None if when is None else nearest(when, published)
    if doc.index.same([event.party], event.kind, when) is not None:
        return None
    key = unique(f"{event.kind.lower()}-{local(event.party)}", doc.keys)
    participants = [*event.others, event.party]
    interaction = Interaction(key, event.kind, participants, [span(text, event.start, event.end)])
    if when is not None:
        interaction.when = when
        interaction.when_span = span(text, when.offset, when.offset + len(when.expression))
    interaction.place = event.place  # "the June 29-30 NATO Summit in Madrid"
    if event.kind == "Visit":
        interaction.visitors = [event.party]
        interaction.label = f"{event.party.label}: travel to {event.name}"
    else:
        named = event.party.label in event.name or event.name in event.party.label
        interaction.label = event.name if named else f"{event.name} ({event.party.label})"
        if event.host:
            interaction.hosts = [event.party]
        city = next((w for w in event.name.split()[:3] if w in doc.gazetteer.places), None)
        if event.place is None and city is not None:  # "Tashkent Conference", "Second Berlin ..."
            interaction.place = doc.registry.place(city)
            why = f"The event is named after the city it is held in, {city}."
            interaction.inferred.append(("place", why))
    doc.extraction.interactions.append(interaction)
    return interaction


class OnePartyEvents:
    """Adds the one-party events the sentence names (:func:`find_one_party`)."""

    def __call__(self, doc: Doc, at: Cursor) -> None:
        for event in find_one_party(doc, at):
            add_one_party(doc, event)
