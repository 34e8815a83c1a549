"""Finding interactions: meetings, talks, calls and visits, with participants, date and place.

>>> kind_of("Secretary Blinken spoke today with Foreign Minister Maas.")
('Call', 18)
>>> kind_of("Secretary Blinken spoke by phone today with Foreign Minister Maas.")
('PhoneCall', 18)
>>> kind_of("Wang Yi met with Antony Blinken in Beijing on Monday")
('Meeting', 8)
>>> kind_of("The two sides exchanged views.") is None
True
>>> kind_of("Minister Lee and Minister Kim held a virtual call today.")
('VideoCall', 30)
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from functools import cache, lru_cache

from diplograph.extract.actors import Actor
from diplograph.extract.coreference import Resolved, actors_within
from diplograph.extract.dates import CALENDAR_WORDS
from diplograph.extract.text import Sentence, Span

# What may stand between "spoke" and "with" or "to": when, how, for how long ("spoke on Friday
# by phone with", "has spoken today by phone to", "spoke for an hour with").
_SPOKE_HOW = (
    r"(?:today|yesterday|\w+day|again|separately|by (?:tele)?phone|(?:over|on) the (?:tele)?phone"
    r"|on \w+(?: \d+)?|this \w+|last \w+|earlier|(?:for|over) (?:about |nearly |more than )?"
    r"(?:\d+|an?|one|two|three|several) (?:minutes|hours?))"
)
# Planned: "is expected / scheduled / set / due to", and a trip's "is to" ("is to travel to").
SCHEDULED = r"(?:is|are|was|were)\s+(?:also\s+)?(?:set|due|scheduled|expected)\s+to"
TO_BE_AHEAD = rf"(?:(?:is|are|was|were)\s+to|{SCHEDULED})"
TRIGGERS: list[tuple[str, re.Pattern[str]]] = [
    (
        "VideoCall",
        re.compile(
            r"\b(?:video[ -]?(?:tele)?conference|video call|met virtually|spoke virtually"
            r"|virtual (?:meeting|call|conversation|discussion|session|summit|talks))\b",
            re.I,
        ),
    ),
    # A remote conversation whose medium the text does not state is a Call; it is a PhoneCall
    # only where the sentence says phone or telephone (:data:`_BY_PHONE`).
    (
        "Call",
        re.compile(
            r"\b(?:spoke|speaks|talked|(?:has|have|had) spoken)\b(?=(?:\s+" + _SPOKE_HOW + r")*"
            r"\s+with\b)"
        ),
    ),
    (
        "Call",
        re.compile(
            r"\b(?:held|had|holds|conducted|made)\s+(?:an?\s+|his\s+|her\s+|their\s+)?(?:\w+\s+)?"
            r"(?:phone call|telephone call|call)\b"  # "conducted a call with", as the Pentagon
        ),
    ),
    # "has had a \"long and meaningful\" phone call with", as news reports quote it
    (
        "Call",
        re.compile(
            r"\b(?:held|had|has\s+had|have\s+had)\s+an?\s+(?:[\w\"\u201c\u201d\u2019'-]+,?\s+){1,4}?"
            r"(?:phone|telephone)\s+call\b"
        ),
    ),
    # "held a telephone conversation with", as foreign ministries write it
    (
        "Call",
        re.compile(
            # "held a Japan-U.S. Foreign Ministers' telephone talk with"
            r"\b(?:held|had|holds|has|conducted)\s+(?:an?\s+)?(?:[\w.\u2019'-]+\s+){0,4}?"
            r"(?:phone|telephone)\s+(?:conversation|talks?)\b"
        ),
    ),
    # "A spoke to President B": a call, as British and Commonwealth readouts write it; not a
    # speech ("spoke to the General Assembly", "spoke to reporters")
    (
        "Call",
        re.compile(
            r"\b(?:spoke|speaks|talked|(?:has|have|had) spoken)\s+(?:" + _SPOKE_HOW + r"\s+)*"
            r"to\s+(?=(?:(?:the|his|her|their)\s+)?[A-Z])"
            r"(?!(?:the\s+)?(?:[\w.\u2019'-]+\s+){0,4}?(?:Assembly|Conference|Council|Congress"
            r"|Parliament|Senate|House|Forum|Summit|Committee|Press|Nation|Students?)\b)"
        ),
    ),
    # "A and B spoke by phone on Monday": the medium says a call, with no "with" or "to"
    (
        "Call",
        re.compile(
            r"\b(?:spoke|talked|(?:has|have|had) spoken)\s+(?:(?:today|yesterday|again)\s+)?"
            r"(?:by (?:tele)?phone|(?:over|on) the (?:tele)?phone|by video(?:conference| link)?)\b"
        ),
    ),
    # "A and B discussed X during a telephone call on Thursday"
    (
        "Call",
        re.compile(
            r"\b(?:during|in|over)\s+(?:an?|their)\s+(?:[\w-]+\s+){0,2}"
            r"(?:(?:tele)?phone\s+call|telephone\s+conversation)\b"
        ),
    ),
    ("Call", re.compile(r"\bcalled\b(?=\s+(?:[A-Z]|his|her))")),
    ("Call", re.compile(r"^In an? (?:[\w-]+ ){0,4}(?:phone |telephone )?call\b")),
    # "In a meeting with B, A stressed", "During his meeting with B": the meeting as a frame
    (
        "Meeting",
        re.compile(
            r"\b(?:[Ii]n|[Dd]uring|[Aa]t)\s+(?:an?|his|her|their)\s+(?:(?!virtual)[\w-]+\s+){0,2}"
            r"meeting\s+with\b"
        ),
    ),
    ("Meeting", re.compile(r"\bsat down\s+(?:\w+\s+)?with\b")),
    # "called on President X at the Kremlin", a courtesy call in person; not "called on X to act"
    (
        "Meeting",
        re.compile(
            r"\bcalled\s+on\b(?=\s+(?:H\.E\.\s+)?(?:the\s+)?[A-Z])"
            r"(?![^.;]{0,80}?\bto\s+(?!the\b|a\b|an\b|his\b|her\b)[a-z]+)"
        ),
    ),
    # "A received B in Beijing", not "received B's letter"
    (
        "Meeting",
        re.compile(
            r"\breceived\b(?=\s+(?:the\s+)?(?:visiting\s+)?[A-Z]"
            r"|\s+(?:his|her|their)\s+(?:[A-Z][\w.-]*\s+)?counterparts?\b)"
            r"(?!(?:\s+[\w.-]+){1,6}?[\u2019']s\b)"
        ),
    ),
    # "held bilateral talks", "held a nearly six-hour candid, in-depth and constructive talk";
    # not "the consultations held in Minsk and noted ... talks" (a participle and its place)
    (
        "Talks",
        re.compile(
            r"\b(?:held|had)\s+(?!(?:in|at|on|by|during|since|under|with|for|last|earlier)\b)"
            r"(?:[\w-]+,?\s+){0,8}?talks?\b"
        ),
    ),
    (
        "Talks",
        re.compile(
            r"\b(?:held|had|hold|continued?|resumed?)\s+(?:[\w-]+\s+){0,2}discussions?\s+with\b"
        ),
    ),
    # "concluded the sixth Peru-Chile Strategic Dialogue with B": a session of talks with B
    (
        "Talks",
        re.compile(
            r"\b(?:concluded|held|had|hosted|co-chaired|chaired)\s+(?:the|a|an|our|their)\s+"
            r"(?:[\w-]+\s+){0,6}?(?:Dialogue|Consultations|dialogue|consultations)\s+with\b"
        ),
    ),
    # planned: "the two ministers will continue their discussions on Friday"
    (
        "Talks",
        re.compile(
            r"\b(?:will|plans? to|(?:is|are)\s+(?:set|due|scheduled|expected)\s+to)\s+"
            r"(?:\w+\s+)?(?:continue|resume|hold)\s+"
            r"(?:their|these|the|further|more)\s+(?:\w+\s+)?(?:discussions|talks|consultations)\b"
        ),
    ),
    # planned: "the two ministers will speak again on Friday"
    (
        "Call",
        re.compile(r"\b(?:will|plans? to)\s+(?:\w+\s+)?(?:speak|talk)\b(?=\s+(?:again|with)\b)"),
    ),
    # "led the delegation to talks with B", "A and B convened the third round of the Dialogue"
    ("Talks", re.compile(r"\b(?:for|to|in)\s+(?:\w+\s+)?talks\s+with\b")),
    (
        "Talks",
        re.compile(
            r"\b(?:held|convened|co-?chaired|chaired|hosted|launched)\s+(?:the\s+|an?\s+)?"
            r"(?:[\w-]+\s+){0,2}(?:round|session)\s+of\b"
        ),
    ),
    ("Meeting", re.compile(r"\bagreed\s+to\s+meet\b")),  # planned
    (
        "Meeting",
        re.compile(rf"\b{SCHEDULED}\s+meet\b"),
    ),
    # planned: "looked forward to meeting again soon", "... to meeting in person", "looked
    # forward to hosting the Foreign Minister in Washington soon"
    ("Meeting", re.compile(r"\blook(?:s|ed|ing)?\s+forward\s+to\s+meeting\b(?!\s+with\b)")),
    (
        "Meeting",
        re.compile(
            r"\blook(?:s|ed|ing)?\s+forward\s+to\s+(?:hosting|welcoming)\s+(?:the\s+)?[A-Z]"
        ),
    ),
    ("Meeting", re.compile(r"\b(?:met|meets)\b")),
    # "A hosted B for an official visit": B's visit, A its host
    (
        "Visit",
        re.compile(
            r"\bhosted\b(?=[^.;]*?\bfor\s+(?:an?|his|her|their)\s+(?:[\w-]+\s+){0,2}visit\b)"
        ),
    ),
    # "A hosted B at the Department of State" (a visit when "for a visit" follows: above)
    # not "hosted the NATO Summit": an event is no one met
    (
        "Meeting",
        re.compile(
            r"\bhosted\b(?=\s+(?:the\s+)?[A-Z])"
            r"(?!\s+(?:the\s+)?(?:[\w.\u2019'-]+\s+){0,5}?(?:Summit|Conference|Forum|Games"
            r"|Olympics|Ministerial|Meeting|Dialogue|Congress|Session|Assembly)\b)"
        ),
    ),
    ("Meeting", re.compile(r"\bmeetings\s+with\b")),
    (
        "Meeting",
        re.compile(r"\bwill\s+(?:also\s+)?meet\b"),
    ),  # planned  # "traveled to X for meetings with A and B"
    (
        "Meeting",
        re.compile(
            r"\b(?:held|had|hosted|convened)\s+(?:an?\s+)?(?:\w+\s+){0,2}"
            r"(?:meeting|conversation|dialogue|summit)\b"  # "held a summit in Tokyo"
        ),
    ),
    # "held a Japan-Australia Foreign Ministers\u2019 Meeting with B", as ministries write it
    (
        "Meeting",
        re.compile(r"\bheld\s+an?\s+(?:[\w\u2019'-]+\s+){1,4}?Meeting\s+with\b"),
    ),
    (
        "Meeting",
        # "welcomed Minister O\u2019Brien to Washington", not "welcomed Blinken\u2019s trip to"
        re.compile(
            r"\bwelcomed\b(?=\s+(?:[A-Z][\w.-]*(?:[\u2019'][A-Z][\w.-]*)?\s+){2,}"
            r"[^.\u2019']*?\bto\b"
            # "welcomed the President of the United States, Joe Biden, to Downing Street"
            r"|\s+the\s+(?:[A-Z][\w.-]*\s+){1,3}(?:of\s+(?:the\s+)?(?:[A-Z][\w.-]*\s+){0,3}"
            r"[A-Z][\w.-]*)?,\s+(?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*,\s+to\b)"
        ),
    ),
]
# ", the Chinese foreign ministry said", ", Seoul's foreign ministry said Friday": the source of
# the report, at the end of the sentence; no participant, and not the date of what it reports.
ATTRIBUTION = re.compile(
    r",\s+(?:the\s+)?(?:[A-Z][\w.\u2019'-]*\s+){0,4}(?:[a-z]+\s+){0,2}"
    r"(?:reported|said|told|announced|added|stated)\b[^,;]*$"
)
# A place a topic is in ("the situation in West Asia"), not where the interaction took place.
_TOPIC_IN = re.compile(
    r"\b(?:situation|crisis|conflict|war|developments?|peace|security|stability|tensions"
    r"|violence|events|issues?)\s+in\s+(?:the\s+)?$"
)
# A coordinated clause after the trigger, with a subject of its own: ", and the two ministers".
_NEXT_CLAUSE = re.compile(r",\s+and\s+")
_WINDOW_END = re.compile(
    r"\b(?:to discuss|to review|to reaffirm|to express|to congratulate|to follow|to affirm|"
    r"to offer|to highlight|to underscore|to emphasize|to continue|to thank|to coordinate|"
    r"regarding|about|where|during which|concerning|on the (?:margins|sidelines)|ahead of|"
    r"following|after)\b|[;:]"
    # "called on X and conveyed the greetings of Y": a second verb's object takes no part
    r"|\band\s+(?:also\s+)?(?:conveyed|expressed|discussed|reviewed|handed|extended|thanked"
    r"|delivered|briefed|invited)\b"
)
# The event an interaction took place at, and where: "on the sidelines of the G7 Summit in Elmau".
_SETTING = re.compile(
    r"\s*,?\s*(?:on the (?:margins|sidelines) of|during|at)\s+(?:the\s+)?[^;:,]{0,80}?"
    r"\b(?:[Ss]ummit|[Cc]onference|[Mm]eeting|[Mm]inisterial|[Ff]orum|[Aa]ssembly)\b"
    r"(?:\s+[A-Z][\w-]*){0,2}"  # "the OSCE Ministerial Council in Warsaw"
    r"(?:\s+in\s+[A-Z][\w.-]*(?:[ -][A-Z][\w.-]*)?)?"
)
# The words that make a place where an interaction is: "in", "at the", "in the Chinese capital,".
_WHERE_BEFORE = re.compile(
    r"\b(?:in|at|near|outside|to|from|of)\s+(?:the\s+)?(?:[\w.\u2019'-]+\s+){0,3}?[\w,]*\s*$"
)
# A place the sentence fronts, before anyone is named: "Today in Brussels, A met with B".
_FRONTED_IN = re.compile(
    r"^\s*(?:(?:[Tt]oday|[Yy]esterday|[Ee]arlier|[Ll]ater|[Oo]n\s+\w+(?:\s+\d{1,2})?),?\s+)?"
    r"[Ii]n\s+(?:the\s+)?$"
)
# A trigger in a relative clause takes its participants from that clause.
_CLAUSE_START = re.compile(r"\b(?:where|during which)\s+|;\s*")
_SEPARATE = re.compile(r"meetings\b|(?:met|spoke|talked)\s+separately\b")
# The titles of who reports for a government ("Spokesperson", "Press Secretary"): no actor of it.
SPOKESPERSON = re.compile(r"\bSpokes(?:person|man|woman)\b|\bPress Secretary\b", re.I)
# where, not who: "at the Department of State", "at next week's G20 meeting"
_LOCATIVE = re.compile(
    r"\b(?:at|to|in|from)\s+(?:the\s+|(?:this|next|last)\s+(?:week|month|year)[\u2019']s\s+)?$"
)
_SPOKE_TO = re.compile(r"\b(?:spoke|speaks|talked|spoken)\s+(?:[\w-]+\s+){0,3}?to\s+(?:the\s+)?$")
_OF_TITLE = re.compile(
    r"(?:\b[A-Z][\w-]*\s+(?:of|for)\s+(?:the\s+)?"
    # "director of the Communist Party's Central Foreign Affairs Commission office"
    r"|\b(?:director|head|chief|chair|secretary|minister|president|envoy|ambassador"
    r"|spokesperson|spokesman|spokeswoman)\s+(?:of|for)\s+(?:the\s+)?"
    r"(?:(?:[A-Z][\w.-]*\s+){0,4}[A-Z][\w.-]*[\u2019']s\s+)?)$"
)
_VISIT = re.compile(
    r"[\u2019']s\s+(?:\w+\s+)?(?:trip|visit|travel)\s+to\s+"
    # "A traveled to X", "A will travel to X", "A visited X", "A arrived in X", "A then traveled"
    # "A, who is on a five-day visit to X", "A, who is visiting X"
    r"|,?\s+(?:who\s+)?(?:is|was)\s+(?:currently\s+)?(?:on\s+(?:an?|his|her)\s+"
    r"(?:[\w-]+\s+){0,3}visit\s+to|visiting)\s+(?:the\s+)?"
    # "A is expected to travel to X", "A is scheduled to visit X"
    rf"|\s+(?:(?:will|plans to|{TO_BE_AHEAD})\s+)?"
    r"(?:(?:then|later|also|subsequently)\s+)?"
    r"(?:travel(?:l?ed|s)?\s+to|visit(?:ed|s)?|arrived\s+in"
    # "A departs for X", "A left for X on Monday"
    r"|depart(?:ed|s)?\s+for|(?:leaves|left)\s+for"
    # "A paid an official visit to X", "A will make a two-day working visit to X"
    r"|(?:paid|pays|pay|made|makes|make)\s+(?:an?|his|her|their)\s+(?:[\w-]+\s+){0,2}visit\s+to)"
    r"\s+(?:the\s+)?"
)


# "spoke with X on the margins of the G20 Summit": a side meeting, in person, not a call; "spoke
# with X during the ... Ministerial Meeting" stays a call (the meeting itself may be virtual).
_IN_PERSON = re.compile(
    r"\bon the (?:margins|sidelines) of\b[^;]*?"
    r"\b(?:[Mm]eeting|[Ss]ummit|[Cc]onference|Ministerial|General Assembly|G7|G20)\b"
)


_BY_PHONE = re.compile(r"\b(?:tele)?phone\b", re.I)
_VIRTUAL = TRIGGERS[0][1]


# A trigger after "will" (or "plan to", "agreed to") reports a planned interaction.
PLANNED = re.compile(r"\b(?:will|plans? to)\s+(?:(?:also|again|\w+ly)\s+)?$")
_PLANNED_TRIGGER = re.compile(
    r"(?:will|plans? to|agreed to meet|look(?:s|ed|ing)? forward"
    rf"|{SCHEDULED})\b"
)


def planned(text: str, trigger_at: int) -> bool:
    """Whether the trigger at ``trigger_at`` reports a planned interaction ("will meet").

    >>> planned("Blinken will meet Kim on Friday.", 8), planned("Blinken met Kim.", 8)
    (True, False)
    """
    return bool(PLANNED.search(text, 0, trigger_at) or _PLANNED_TRIGGER.match(text, trigger_at))


@lru_cache(maxsize=256)
def kind_of(text: str) -> tuple[str, int] | None:
    """The interaction type a sentence reports, and where its trigger starts.

    >>> kind_of("Blinken spoke with Ana Ruiz on the sidelines of the Andean Summit.")
    ('Meeting', 8)
    >>> kind_of("Blinken spoke with ministers during the Freedonia Ministerial Meeting.")
    ('Call', 8)
    >>> kind_of("Austin spoke today with Minister Lev Petrov via video teleconference.")
    ('VideoCall', 7)
    """
    best: tuple[str, int] | None = None
    for kind, pattern in TRIGGERS:
        match = pattern.search(text)
        if match and (best is None or match.start() < best[1]):
            best = (kind, match.start())
    if (
        best
        and best[0] == "Call"
        and text[best[1] :].startswith("spoke")
        and _IN_PERSON.search(text, best[1])
    ):
        return "Meeting", best[1]
    if best and best[0] in ("Call", "Meeting"):
        # a meeting's medium next to it ("held a virtual meeting with"), a call's anywhere after
        # it ("held a virtual call", "spoke today with X via video teleconference")
        end = len(text) if best[0] == "Call" else best[1] + 40
        if _VIRTUAL.search(text, best[1], end):
            return "VideoCall", best[1]
    if best and best[0] == "Call" and _BY_PHONE.search(text):
        return "PhoneCall", best[1]
    return best


@dataclass
class Found:
    """An interaction found in a sentence, before it is named and dated."""

    kind: str
    participants: list[Actor]
    window: Span  # the stretch that names the participants
    place: Actor | None
    place_name: str | None = None  # a place the gazetteer does not know ("in Cornwall")
    # "meetings with A and B", "met separately with A and B": one meeting with each counterpart
    separate: bool = False
    subjects: int = 0  # how many participants are named before the trigger (who met them)
    # "met with A on June 21 in X, and with B on June 23 in Y": the counterparts of each meeting,
    # with the stretch of text (start, end) that gives its date and place
    groups: list[tuple[list[Actor], int, int, Actor | None]] = field(default_factory=list)
    dated: tuple[int, int] | None = None  # where to look for the date, when not the sentence


def find_interaction(sentence: Sentence, resolved: list[Resolved]) -> Found | None:
    """The interaction the sentence reports, with the people and organisations who took part."""
    trigger = kind_of(sentence.text)
    if trigger is None:
        return None
    kind, offset = trigger
    at = sentence.start + offset
    stop = _WINDOW_END.search(sentence.text, offset + 3)
    source = ATTRIBUTION.search(sentence.text, offset + 3)
    cut = min((m.start() for m in (stop, source) if m), default=None)
    end = sentence.start + cut if cut is not None else sentence.end
    participants: list[Actor] = []
    starts: list[int] = []  # where each participant is first named
    subjects = 0
    place: Actor | None = None
    clauses = list(_CLAUSE_START.finditer(sentence.text, 0, offset))
    begin = sentence.start + clauses[-1].end() if clauses else sentence.start
    topic = _TOPIC_BEFORE.search(sentence.text, begin - sentence.start, offset)
    for item in resolved:
        if item.mention.end > end:
            break
        if item.mention.start < begin:
            continue  # "A welcomed B's travel, where B will meet C": not A
        if topic and sentence.start + topic.end() <= item.mention.start < at:
            continue  # "A and B discussed Sweden's NATO bid in a phone call": a topic's
        is_place = bool(item.actors) and item.actors[0].kind == "Place"
        fronted = not participants and _FRONTED_IN.search(
            sentence.text, begin - sentence.start, item.mention.start - sentence.start
        )
        if is_place and _TOPIC_IN.search(sentence.text, 0, item.mention.start - sentence.start):
            continue  # "with a focus on the situation in West Asia": a topic's place
        if is_place and place is None and (item.mention.start > at or fronted):
            if fronted or _WHERE_BEFORE.search(
                sentence.text,
                max(0, item.mention.start - sentence.start - 40),
                item.mention.start - sentence.start,
            ):
                place = item.actors[0]  # not "..., as Beijing courts a continent"
            continue
        subject_pronoun = (
            item.mention.kind == "pronoun"
            and item.mention.start < at
            and item.mention.text.lower() in ("he", "she", "they")
        )  # "..., where he will meet with B": the one "he" is
        if item.mention.kind in ("state", "place") or _possessive(sentence, item):
            continue
        if item.mention.kind == "group" and _NEXT_CLAUSE.search(
            sentence.text, offset, item.mention.start - sentence.start
        ):
            continue  # "held talks with B, and the two ministers agreed": a clause of its own
        if item.mention.kind == "pronoun" and not subject_pronoun:
            continue
        organization = item.mention.kind == "organization" or (
            item.mention.kind == "known"
            and bool(item.actors)
            and item.actors[0].kind not in ("Person", "State")
        )
        if organization and _OF_TITLE.search(sentence.text, 0, item.mention.start - sentence.start):
            continue  # "Chair of the Institute ...": the organisation of a participant's post
        if any(SPOKESPERSON.search(t) for t in item.mention.titles):
            continue  # the spokesperson reports, and takes no part
        before = sentence.text[: item.mention.start - sentence.start]
        if _LOCATIVE.search(before) and not _SPOKE_TO.search(before):
            continue  # "at the Department of State": where, not who
        for actor in item.actors:
            if actor not in participants and actor.kind not in _NOT_ACTORS:
                participants.append(actor)
                starts.append(item.mention.start)
                subjects += item.mention.start < at
    window_end = max(end, at + 1)
    setting = _SETTING.match(sentence.text, window_end - sentence.start)
    place_end = sentence.start + setting.end() if setting else window_end
    if place is None and setting:  # "on the sidelines of the G7 Summit in Elmau"
        place = next(  # a place that starts there ("in Washington, D.C.")
            (
                r.actors[0]
                for r in resolved
                if window_end <= r.mention.start < place_end
                and r.actors
                and r.actors[0].kind == "Place"
            ),
            None,
        )
    found = Found(kind, participants, Span(sentence.start, window_end, ""), place)
    found.separate = bool(_SEPARATE.match(sentence.text, offset))
    found.subjects = subjects
    found.groups = _groups_of(sentence, resolved, at, participants[subjects:], starts[subjects:])
    if place is None:
        found.place_name = _unknown_place(sentence, resolved, offset, place_end - sentence.start)
    return found


# The topic named before the trigger ("A and B discussed X in a phone call"): what follows the
# topic verb is no participant, unless "with" names one ("discussed with B in a call").
_TOPIC_BEFORE = re.compile(
    r"\b(?:discussed|reviewed|exchanged views on|talked about|spoke about)\b(?!\s+with\b)"
)


# ", and with B": the next of several meetings the sentence lists, each with its date and place.
_AND_WITH = re.compile(r",\s+(?:and\s+)?(?:(?:then|later|also|separately)\s+)?with\b")


def _groups_of(
    sentence: Sentence,
    resolved: list[Resolved],
    at: int,
    counterparts: list[Actor],
    starts: list[int],
) -> list[tuple[list[Actor], int, int, Actor | None]]:
    """The counterparts of each meeting when a sentence lists several ("met with A on Monday in
    X, and with B on Tuesday in Y"), each with the stretch that gives its date, and its place;
    none for one meeting."""
    cuts = [
        m.start() + sentence.start for m in _AND_WITH.finditer(sentence.text, at - sentence.start)
    ]
    if not cuts or not counterparts:
        return []
    bounds = [at, *cuts, sentence.end]
    groups = []
    for begin, end in itertools.pairwise(bounds):
        members = [a for a, s in zip(counterparts, starts, strict=True) if begin <= s < end]
        if members:
            places = actors_within(resolved, begin, end, ("Place",))
            groups.append((members, begin, end, places[0] if places else None))
    return groups if len(groups) > 1 else []


# "met with A in Cornwall": a capitalised name after "in" that names no one the rules know.
_IN_PLACE = re.compile(r"\bin\s+(?P<name>[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?)(?=[\s,.;]|$)")
_NOT_PLACES = CALENDAR_WORDS | {"The", "His", "Her", "Their", "Our"}


def _unknown_place(
    sentence: Sentence, resolved: list[Resolved], start: int, end: int
) -> str | None:
    """The place an interaction sentence names with "in" but the gazetteer does not know."""
    match = _IN_PLACE.search(sentence.text, start, end)
    if match is None or match.group("name").split()[0] in _NOT_PLACES:
        return None
    if _TOPIC_IN.search(sentence.text, 0, match.start() + 3):
        return None  # "the situation in Gaza": a topic's place
    at, stop = sentence.start + match.start("name"), sentence.start + match.end("name")
    following = sentence.text[match.end("name") : match.end("name") + 2]
    if following.strip()[:1].isupper() or any(
        r.mention.start < stop and at < r.mention.end and (r.actors or r.mention.kind != "name")
        for r in resolved
    ):
        return None  # a longer name, or one the mentions resolve: not an unknown place
    return match.group("name")


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
        "Call",
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


# An unnamed set of people who take part ("NUG representatives", "visiting African leaders", "the
# heads of the Rome-Based Food Security Agencies", "a senior interagency delegation"): a plural
# head noun, qualified by a proper word before it or an "of"/"from" phrase after it; a delegation
# or mission needs no qualifier. It follows a word that introduces participants ("met with",
# "hosted"), or a possessor ("President-elect Yoon's Policy Consultation Delegation"); after "led"
# only when indefinite ("A led a delegation to hold talks": a new party to them), not "A and B led
# the delegation" (one already named, whose leaders stand for it).
_GROUP_HEAD = (
    r"(?:representatives|ministers|leaders|heads|officials|counterparts|envoys|experts|members"
    r"|delegates|parties|professionals|[Dd]elegation|[Mm]ission)"
)
_GROUP_WORD = r"(?:[A-Z][\w.\u2019'-]*|[a-z][a-z-]*)"
_PROPER = r"(?:the\s+)?[A-Z][\w.\u2019'-]*(?:\s+(?:of\s+|for\s+|and\s+)?[A-Z][\w.\u2019'-]*)*"
# "of Hungary, Slovakia, and Poland": a list closed by "and" is one tail
_PROPER_TAIL = rf"{_PROPER}(?:(?:,\s+{_PROPER})+,?\s+and\s+{_PROPER})?"
_GROUP = re.compile(
    rf"(?:\b(?:with|hosted|welcomed|and)\s+|[\u2019']s\s+|\bled\s+(?=(?:a|an|another)\s))"
    rf"(?P<np>(?:(?:the|a|an|another)\s+)?"
    rf"(?P<mods>(?:{_GROUP_WORD}(?:,\s+(?:and\s+)?|\s+)){{0,4}}?){_GROUP_HEAD}\b"
    rf"(?P<tail>\s+(?:of|from)\s+{_PROPER_TAIL}(?:\s+\([A-Z]+\))?)?)"
)
# "a group of Freedonian negotiation delegation members": a group by name, whatever qualifies it.
_GROUP_OF = re.compile(
    rf"\b(?:with|hosted|welcomed|and)\s+(?P<np>(?:a|an)\s+(?:group|team|number)\s+of\s+"
    rf"[^,;:.()]{{0,80}}\b{_GROUP_HEAD})\b"
)
# Words that end a noun phrase rather than modify its head.
_NOT_MODIFIERS = frozenset(
    {
        "with",
        "and",
        "or",
        "to",
        "of",
        "in",
        "on",
        "at",
        "for",
        "from",
        "by",
        "the",
        "a",
        "an",
        "his",
        "her",
        "their",
        "its",
        "our",
        "who",
        "which",
        "that",
        "was",
        "were",
        "is",
        "are",
        "be",
        "has",
        "have",
        "had",
        "also",
        "today",
        "yesterday",
        "including",
        "met",
        "spoke",
        "discussed",
    }
)


def find_groups(sentence: Sentence) -> list[Span]:
    """The unnamed groups of people an interaction sentence names as taking part.

    >>> text = "Minister Smith met today with senior Freedonian trade officials, including Ann Lee."
    >>> [g.text for g in find_groups(Sentence(0, len(text), text))]
    ['senior Freedonian trade officials']
    >>> text = "Minister Smith met with officials of the ministry."
    >>> find_groups(Sentence(0, len(text), text))
    []
    >>> text = "Minister Smith met with Ann Lee and a group of Freedonian trade mission members."
    >>> [g.text for g in find_groups(Sentence(0, len(text), text))]
    ['a group of Freedonian trade mission members']
    """
    text = sentence.text
    found = [
        Span(sentence.start + m.start("np"), sentence.start + m.end("np"), m.group("np"))
        for m in _GROUP_OF.finditer(text)
    ]
    for match in _GROUP.finditer(text):
        # a list of modifiers ("Palestinian, Israeli, and regional counterparts") is one
        mods = re.sub(r",\s+(?:and\s+)?", " ", match.group("mods")).split()
        if any(word.lower() in _NOT_MODIFIERS for word in mods):
            continue
        head = text[match.end("mods") : match.end("np") - len(match.group("tail") or "")]
        qualified = any(w[:1].isupper() for w in mods) or bool(match.group("tail"))
        if not qualified and head.lower() not in ("delegation", "mission"):
            continue
        if re.search(r"\bincluding\s+$", text[: match.start("np")]):
            continue  # a part of the group just named, not another participant
        start, end = match.start("np"), match.end("np")
        last = text[start:end].split()[-1]
        if last.endswith(".") and "." not in last[:-1]:
            end -= 1  # the sentence's full stop ("... and Poland."), not an abbreviation's
        if any(g.start <= sentence.start + start < g.end for g in found):
            continue  # the head of "a group of ... members" already found
        found.append(Span(sentence.start + start, sentence.start + end, text[start:end]))
    return found


# The officials of a named group of states: "his E3 counterparts", "the Quad foreign ministers".
_MEMBERS_HEAD = r"(?:counterparts|colleagues|partners|(?:foreign\s+)?ministers|leaders)"


@cache
def _members_pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(
        rf"\b(?:his|her|their|our|the)\s+(?P<name>{alternatives})\s+{_MEMBERS_HEAD}\b"
    )


def find_members(sentence: Sentence, names: tuple[str, ...]) -> list[tuple[Span, str]]:
    """Where a sentence names the officials of a group of states by the group's name, and which.

    >>> text = "Minister Lee met with her Trio counterparts in Valdora."
    >>> [(s.text, name) for s, name in find_members(Sentence(0, len(text), text), ("Trio",))]
    [('her Trio counterparts', 'Trio')]
    >>> find_members(Sentence(0, len(text), text), ())
    []
    """
    if not names:
        return []
    return [
        (Span(sentence.start + m.start(), sentence.start + m.end(), m.group(0)), m.group("name"))
        for m in _members_pattern(names).finditer(sentence.text)
    ]


# An earlier or planned interaction the text names by a dated noun: "the June 8 trilateral meeting
# with A", "the May 21 Summit between A and B", "their March 3 call with A".
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
_EVENT_NOUN = (
    r"(?:(?:trilateral|bilateral|multilateral|virtual|in-person)\s+)?"
    r"(?P<noun>[Mm]eeting|[Ss]ummit|[Cc]all|[Tt]alks|[Ee]ngagements?)\s+"
)
_EVENT_DATE = rf"\b{_MONTH}\s+\d{{1,2}}(?:\s*[-\u2013]\s*\d{{1,2}})?"
# "the June 29 trilateral meeting with A", "their May 15 meeting in Berlin"
_NAMED_EVENT = re.compile(rf"(?P<date>{_EVENT_DATE})\s+{_EVENT_NOUN}(?:(?P<prep>between|with)\s+)?")
# "A and B's planned meeting April 6 with C", "the upcoming call with A": an event the text marks as
# planned or recent, dated after its noun or not at all.
_MARKED_EVENT = re.compile(
    r"(?:\b(?P<mark>planned|upcoming|forthcoming|proposed|recent|previous|last)\s+"
    # "following their meeting in Madrid on June 3": another meeting of theirs, before or after
    r"|\b(?P<framed>following|after|since|ahead\s+of|before|prior\s+to|building\s+on)\s+"
    r"(?:their|our)\s+(?:(?:last|previous|next|first)\s+)?"
    # "In my meeting with Minister X": the transcript's speaker's (a mention of the speaker at "my")
    r"|\b(?P<mine>[Mm]y)\s+(?:(?:recent|last|first|bilateral)\s+)?)"
    rf"{_EVENT_NOUN}(?:(?:on\s+)?(?P<date>{_EVENT_DATE})\s+)?(?:(?P<prep>between|with)\s+)?"
)
_BEFORE_NOW = ("following", "after", "since", "building on")
_LATER_DATE = re.compile(
    rf"\s*(?:in\s+[A-Z][\w.-]*(?:,?\s+[A-Z][\w.-]*)?\s+)?(?:on\s+)?(?P<date>{_EVENT_DATE})"
)
# "their recent meeting in Warsaw": where the event took place.
_EVENT_PLACE = re.compile(r"\s*(?:in|at)\s+(?:the\s+)?$")
_NAMED_EVENT_END = re.compile(r"[,;:.]\s|\s(?:to|on|in|at|for|where|which|that)\s|[;:]|\.$")
_NOUN_KINDS = {
    "meeting": "Meeting",
    "summit": "Meeting",
    "call": "Call",
    "talks": "Talks",
    "engagement": "Talks",  # "his recent engagement with Russian counterparts"
    "engagements": "Talks",
}
# Who an event noun belongs to: "their", or names ending in "'s" ("the President's", "A's and
# B's", "President A and Prime Minister B's"), capitalised words and "and" only.
_POSSESSOR = re.compile(
    r"(?:(?P<chain>(?:[A-Z][\w.\u2019'-]*)(?:,?\s+(?:[A-Z][\w.\u2019'-]*|and))*)[\u2019']s"
    r"|\b(?P<their>their|our)|\b(?P<own>his|her))\s+(?:the\s+)?$"
)


@dataclass
class NamedEvent:
    """An interaction a noun phrase names, with the stretch of its date expression (none when
    the text marks it planned or recent without a date)."""

    kind: str
    participants: list[Actor]
    date: Span | None
    where: Span
    of_group: bool  # "their ... meeting": the participants of the interaction in scope take part
    place: Actor | None = None
    past: bool = False  # "recent", "following their meeting": a date is the latest such day
    earlier: bool = False  # "their previous meeting": another one than the meeting in scope
    groups: list[Span] = field(default_factory=list)  # "with Russian counterparts": unnamed
    # "between the Armenian and Azerbaijani Foreign Ministers": officials by post, and the
    # adjective of their state
    officials: list[tuple[str, str]] = field(default_factory=list)


def find_named_events(sentence: Sentence, resolved: list[Resolved]) -> list[NamedEvent]:
    """The interactions a sentence names by a noun, dated ("the June 8 trilateral meeting with
    A") or marked planned or recent ("A's planned meeting on April 6 with B"): the people after
    "with"/"between", and the possessors before it ("the President's", "A's and B's", "their").

    >>> from diplograph.extract.mentions import Mention
    >>> text = "They welcomed Ana Ruiz and Lev Petrov's planned meeting on May 2 with Kim Lee."
    >>> def person(name):
    ...     at = text.index(name)
    ...     mention = Mention("name", at, at + len(name), name, name)
    ...     return Resolved(mention, [Actor("id:" + name, "Person", name)])
    >>> resolved = [person("Ana Ruiz"), person("Lev Petrov"), person("Kim Lee")]
    >>> [(e.kind, [a.label for a in e.participants]) for e in find_named_events(
    ...     Sentence(0, len(text), text), resolved)]
    [('Meeting', ['Ana Ruiz', 'Lev Petrov', 'Kim Lee'])]
    """
    found: list[NamedEvent] = []
    text = sentence.text
    matches = [*_NAMED_EVENT.finditer(text), *_MARKED_EVENT.finditer(text)]
    for match in sorted(matches, key=lambda m: m.start()):
        stop = _NAMED_EVENT_END.search(text, match.end())
        end = sentence.start + (stop.start() if stop else len(text))
        begin = sentence.start + match.end()
        people: list[Actor] = []
        before = max(0, match.start() - 120)
        possessor = _POSSESSOR.search(text, before, match.start())
        framed = match.groupdict().get("framed")
        of_group = bool(possessor and possessor.group("their")) or bool(framed)
        if possessor and possessor.group("chain"):
            chain = (sentence.start + possessor.start(), sentence.start + possessor.end())
            people += [
                a
                for r in resolved
                if r.mention.start < chain[1] and chain[0] < r.mention.end
                for a in r.actors
                if a.kind == "Person" and a not in people
            ]
        if match.group("prep") is None and not of_group and len(people) < 2:
            continue  # "A's planned meeting" names no one else; "A and B's last meeting" does
        if possessor and possessor.group("own"):
            people += opening_person(sentence, resolved)  # "The Secretary shared his recent talks"
        if match.groupdict().get("mine"):
            people += [
                a
                for r in resolved
                if r.mention.start == sentence.start + match.start("mine")
                for a in r.actors
            ]
            if not people:
                continue  # "my meeting" of no known speaker
        for item in resolved:
            inside = begin <= item.mention.start and item.mention.end <= end
            if inside and item.mention.kind in ("person", "known", "role", "name"):
                people += [a for a in item.actors if a.kind == "Person" and a not in people]
        groups = [g for g in find_groups(sentence) if begin <= g.start and g.end <= end]
        officials = _officials(sentence, begin, end) if match.group("prep") else []
        date = None
        dated = match if match.group("date") else _LATER_DATE.match(text, match.end())
        if dated:
            date = Span(
                sentence.start + dated.start("date"), sentence.start + dated.end("date"), ""
            )
        where = Span(sentence.start + match.start(), end, "")
        kind = _NOUN_KINDS[match.group("noun").lower()]
        place = next(
            (
                r.actors[0]
                for r in resolved
                if r.actors
                and r.actors[0].kind == "Place"
                and r.mention.start >= sentence.start + match.end()
                and any(  # "their meeting in Warsaw", "the meeting between A and B in Tbilisi"
                    _EVENT_PLACE.fullmatch(text, after, r.mention.start - sentence.start)
                    for after in (match.end(), end - sentence.start)
                )
            ),
            None,
        )
        earlier = match.groupdict().get("mark") in ("previous", "last")
        past = earlier or framed in _BEFORE_NOW or match.groupdict().get("mark") == "recent"
        event = NamedEvent(kind, people, date, where, of_group, place, past, earlier, groups)
        event.officials = officials
        found.append(event)
    return found


# "between the Armenian and Azerbaijani Foreign Ministers": one official of each state, by post.
_OFFICIALS = re.compile(
    r"the\s+(?P<a>[A-Z][\w-]*)\s+and\s+(?P<b>[A-Z][\w-]*)\s+"
    r"(?P<post>(?:[A-Z][a-z]+\s+){0,2}(?:Ministers|Presidents|Secretaries))\b"
)


def _officials(sentence: Sentence, begin: int, end: int) -> list[tuple[str, str]]:
    """The officials a named event lists by their states' adjectives and one plural post ("the
    meeting between the Armenian and Azerbaijani Foreign Ministers"): (label, adjective) each.

    >>> text = "the talks between the Freedonian and Sylvanian Prime Ministers in Valdora"
    >>> _officials(Sentence(0, len(text), text), 18, len(text))
    [('Freedonian Prime Minister', 'Freedonian'), ('Sylvanian Prime Minister', 'Sylvanian')]
    """
    match = _OFFICIALS.match(sentence.text, begin - sentence.start, end - sentence.start)
    if match is None:
        return []
    post = re.sub(r"ies$", "y", match.group("post")).removesuffix("s")
    return [(f"{match.group(side)} {post}", match.group(side)) for side in ("a", "b")]


def opening_person(sentence: Sentence, resolved: list[Resolved]) -> list[Actor]:
    """The person the sentence opens with, whom a later "his" or "her" refers to."""
    first = next((r for r in resolved if r.mention.start >= sentence.start), None)
    if first is None or first.mention.start != sentence.start:
        return []
    return [a for a in first.actors if a.kind == "Person"][:1]


# A dialogue or summit of two sides by name: "the second U.S.-Bahrain Strategic Dialogue", "the
# next meeting of the U.S. \u2013 Jamaica Strategic Dialogue", "the September 2021 U.S.-Morocco
# dialogue on human rights", "the upcoming U.S.-ASEAN Special Summit".
_DIALOGUE_WORDS = (
    r"(?:Strategic|Economic|Security|Political|High-Level|Commercial|Special|Leaders[\u2019']?|and)"
)
DIALOGUE = re.compile(
    rf"\b(?P<a>[A-Z][\w.]*)(?:-|\s?\u2013\s?)(?P<b>[A-Z]\w*(?:\s(?!{_DIALOGUE_WORDS}\b)[A-Z]\w*)?)\s+"
    rf"(?:{_DIALOGUE_WORDS}\s+)*(?P<noun>Dialogue|dialogue|Summit)\b"
)
# A lower-case dialogue is an event only when the noun phrase is definite ("the productive
# U.S.-Morocco dialogue"), not a kind of relation ("continued U.S.-Morocco dialogue"); a summit
# when the phrase dates it ("the upcoming ... Summit", "last year's ... Summit") or does not name
# it as the setting of what the sentence reports ("at", "during", "on the sidelines of" the
# summit): the event people are in a city for.
_DEFINITE = re.compile(r"\bthe\s+(?:[\w-]+\s+){0,4}$")
_DATED = re.compile(
    r"\b(?:upcoming|forthcoming|next|last|recent|previous|planned"
    r"|(?:next|last)\s+(?:week|month|year)[\u2019']s)\s+(?:[\w-]+\s+){0,3}$"
)
_AS_SETTING = re.compile(
    r"(?:\b(?:sidelines|margins|occasion)\s+of|\b(?:at|during|in))\s+the\s+(?:[\w-]+\s+){0,3}$"
    r"|\b(?:at|during|in)\s+$",
    re.IGNORECASE,
)
# "leaders in Washington for the U.S.-ASEAN Special Summit": where the summit is held.
CITY_FOR = re.compile(
    r"\bin\s+(?P<city>[A-Z][\w.]*(?:,?\s+[A-Z][\w.]*)?)\s+for\s+the\s+(?:[\w-]+\s+){0,3}$"
)


def is_dialogue_event(text: str, match: re.Match[str]) -> bool:
    """Whether a :data:`DIALOGUE` match names an event rather than a relation or a setting.

    >>> def event(text): return is_dialogue_event(text, DIALOGUE.search(text))
    >>> event("They met at the Freedonia-Sylvania Strategic Dialogue.")
    True
    >>> event("They welcomed the productive Freedonia-Sylvania dialogue on trade.")
    True
    >>> event("They support continued Freedonia-Sylvania dialogue on trade.")
    False
    >>> event("They discussed the upcoming Freedonia-Sylvania Special Summit.")
    True
    >>> event("Leaders are in Valdora for the Freedonia-Sylvania Summit.")
    True
    >>> event("They met at the Freedonia-Sylvania Summit.")
    False
    >>> event("They met on the sidelines of the Freedonia-Sylvania Special Summit.")
    False
    """
    before = text[max(0, match.start() - 80) : match.start()]
    if match.group("noun") == "dialogue":
        return bool(_DEFINITE.search(before))
    if match.group("noun") == "Summit":
        return bool(_DATED.search(before)) or not _AS_SETTING.search(before)
    return True


_PLACE_LIST = re.compile(r",\s+(?:and\s+)?|\s+and\s+")


def find_visit(sentence: Sentence, resolved: list[Resolved]) -> list[tuple[Actor, Actor, Span]]:
    """A person's trip to a place ("Blinken's trip to Beijing"), or to each place of a list
    ("traveled to Manila, Jakarta, and Hanoi"): visitor, place and evidence span of each (the
    span runs to the list's last place, where the trip's date follows)."""
    for index, item in enumerate(resolved):
        if not item.actors or item.actors[0].kind != "Person":
            continue
        offset = item.mention.end - sentence.start
        match = _VISIT.match(sentence.text, offset)
        if not match:
            continue
        places: list[Actor] = []
        at, end = sentence.start + match.end(), 0
        for later in resolved[index + 1 :]:
            if later.mention.start == at - 4 and later.mention.text.startswith("the "):
                at -= 4  # "visit to the Republic of Cyprus": the state's mention has "the"
            if (
                later.mention.start != at
                or not later.actors
                or later.actors[0].kind not in ("Place", "State")
            ):
                break
            places.append(later.actors[0])
            end = later.mention.end
            glue = _PLACE_LIST.match(sentence.text, end - sentence.start)
            at = sentence.start + glue.end() if glue else -1
        if places:
            where = Span(item.mention.start, end, "")
            return [(item.actors[0], place, where) for place in places]
    return _own_trip(sentence, resolved)


# "Cho shared the outcome of his recent trip to Beijing": the trip of the person the sentence
# opens with, whom "his" refers to.
_HIS_TRIP = re.compile(
    r"\b(?:his|her|[Mm]y)\s+(?:(?:recent|latest|last|first|second|third|fourth|fifth|\d+(?:st|nd|rd|th)"
    r"|upcoming|planned|official|state)\s+)*"
    r"(?:trip|visit|travel)\s+to\s+(?:the\s+)?$"
)


_OBJECT_OF = re.compile(r"\b(?:to|with)\s+(?:\w+\s+){0,2}$")


def _own_trip(sentence: Sentence, resolved: list[Resolved]) -> list[tuple[Actor, Actor, Span]]:
    """The trip "his trip to X" names ("his second visit to X"), of the person named last before
    "his", not as an object ("noted President Biden looks forward to his visit to Israel":
    Biden's, not the Secretary's); none without one."""
    for item in resolved:
        if not item.actors or item.actors[0].kind not in ("Place", "State"):
            continue
        head = _HIS_TRIP.search(sentence.text, 0, item.mention.start - sentence.start)
        if head is None:
            continue
        # not one after "to" or "with" ("Cho explained to Blinken that his visit": Cho's)
        before = [
            r.actors[0]
            for r in resolved
            if r.mention.start <= sentence.start + head.start()  # "my": the speaker's mention
            and len(r.actors) == 1
            and r.actors[0].kind == "Person"
            and not _OBJECT_OF.search(sentence.text, 0, r.mention.start - sentence.start)
        ]
        if before:
            where = Span(sentence.start + head.start(), item.mention.end, "")
            return [(before[-1], item.actors[0], where)]
    return []


# "the visit to X by A and B": the trip named by its destination and then its visitors
_VISIT_TO = re.compile(r"\b(?:visit|trip)\s+to\s+(?:the\s+)?$")
_BY = re.compile(r"\s+by\s+")
_VISITOR_GLUE = re.compile(r"(?:,\s+(?:and\s+)?|\s+and\s+)")


def find_visit_by(
    sentence: Sentence, resolved: list[Resolved]
) -> tuple[list[Actor], Actor, Span] | None:
    """A trip named by its destination and its visitors ("the visit to the United States by
    President A and Chairman B"): the visitors, the destination, the evidence span.

    The visitors are the persons listed right after "by", joined by commas or "and"; a list that
    names anyone but persons is not read.
    """
    text = sentence.text
    for index, item in enumerate(resolved):
        if not item.actors or item.actors[0].kind not in ("Place", "State"):
            continue
        start = item.mention.start - sentence.start
        head = _VISIT_TO.search(text, max(0, start - 30), start)
        by = _BY.match(text, item.mention.end - sentence.start)
        if not head or head.end() != start or not by:
            continue
        visitors: list[Actor] = []
        at = by.end()
        for later in resolved[index + 1 :]:
            if later.mention.start - sentence.start != at:
                break
            if not later.actors or later.actors[0].kind != "Person":
                return None
            visitors.append(later.actors[0])
            end = later.mention.end - sentence.start
            glue = _VISITOR_GLUE.match(text, end)
            at = glue.end() if glue else -1
        if visitors:
            where = Span(sentence.start + head.start(), sentence.start + end, "")
            return visitors, item.actors[0], where
    return None
