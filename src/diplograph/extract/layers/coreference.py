"""The coreference layer: the actors a sentence's mentions stand for, resolved again once the
group of "they" and "the two sides" is known."""

from __future__ import annotations

import re
from dataclasses import replace

from diplograph.extract.actors import Actor
from diplograph.extract.coreference import Coreference, Resolved
from diplograph.extract.layers.doc import Cursor, Doc
from diplograph.extract.mentions import Mention

PERSONLIKE = frozenset({"person", "name", "role", "pronoun", "group", "known"})
# Between two roles of one person or subject ("the Crown Prince and Prime Minister").
ROLE_AND = re.compile(r"\s+and\s+(?:the\s+)?")


def regroup(item: Resolved, coref: Coreference, previous: list[Actor]) -> Resolved:
    """A mention of a group ("they", "the two sides") resolved again, once the group is known."""
    m = item.mention
    if m.kind == "group" or (
        m.kind == "pronoun" and (m.text.lower() == "they" or m.text == "Both")
    ):
        return Resolved(m, coref.resolve(m, previous))
    return item


def is_person(item: Resolved) -> bool:
    """Whether a resolved mention stands for one or more people."""
    return (
        item.mention.kind in PERSONLIKE
        and bool(item.actors)
        and all(a.kind == "Person" for a in item.actors)
    )


class Resolve:
    """Adds the actors the sentence's mentions stand for: "he" the sentence's own subject when
    it opens with a person ("Kishida stated ..., and he expressed"), else the last subject;
    "the two sides" the group of the interaction in scope."""

    def __call__(self, doc: Doc, at: Cursor) -> None:
        text = doc.extraction.article.text
        resolved: list[Resolved] = []
        at.mentions = [part for m in at.mentions for part in _two_people(doc.coref, m)]
        for mention in at.mentions:
            state = _state_before(text, mention, resolved[-1] if resolved else None)
            subject = doc.previous
            if (
                resolved
                and resolved[0].mention.start == at.sentence.start
                and is_person(resolved[0])
            ):
                subject = resolved[0].actors
            actors = doc.coref.resolve(mention, subject, state)
            if not actors and mention.kind == "name" and mention.text in doc.initials:
                actors = [doc.initials[mention.text]]  # "EAM called on ...": the minister
            if len(actors) == 1 and actors[0].kind == "Person":
                for title in mention.titles:
                    words = [w for w in title.split() if w[:1].isupper()]
                    if len(words) >= 2:
                        doc.initials.setdefault("".join(w[0] for w in words), actors[0])
            resolved.append(Resolved(mention, actors))
        at.resolved = at.taking_part = _officials_of_states(doc, at, resolved)


# Unnamed officials of states a sentence opens with: "The foreign ministers of Iran and Saudi
# Arabia held a brief meeting": one official per state, labelled by the post (tests/gold/README.md:
# unnamed officials are Person actors labelled by their post).
_OFFICIALS_OF = re.compile(
    r"\b[Tt]he\s+(?P<title>foreign ministers|defen[cs]e ministers|finance ministers|leaders"
    r"|presidents|prime ministers|heads of state|heads of government|top diplomats)"
    r"\s+of\s+(?:the\s+)?$"
)
_OFFICIAL_TITLES = {
    "foreign ministers": "Foreign Minister",
    "defense ministers": "Defense Minister",
    "defence ministers": "Defence Minister",
    "finance ministers": "Finance Minister",
    "leaders": "Leader",
    "presidents": "President",
    "prime ministers": "Prime Minister",
    "heads of state": "Head of State",
    "heads of government": "Head of Government",
    "top diplomats": "Foreign Minister",
}
_LOWER_WORD = re.compile(r"\b[a-z]")
_STATE_LIST = re.compile(r"(?:,\s+|\s+and\s+|,\s+and\s+)(?:the\s+)?$")


def _officials_of_states(doc: Doc, at: Cursor, resolved: list[Resolved]) -> list[Resolved]:
    """``resolved`` with a mention of the officials before each list of two or more states after
    "the foreign ministers of" that opens the sentence (the states' own mentions stay, after it);
    an object ("met with the foreign ministers of A, B and C") stays the group it is."""
    text, out = doc.text, list(resolved)
    for index, item in enumerate(resolved):
        if item.mention.kind != "state" or not item.actors:
            continue
        head = _OFFICIALS_OF.search(
            text, max(at.sentence.start, item.mention.start - 40), item.mention.start
        )
        if head is None or _LOWER_WORD.search(text, at.sentence.start, head.start()):
            continue  # a subject only: "met with the foreign ministers of A, B and C" is a group
        states = [item.actors[0]]
        end = item.mention.end
        for later in resolved[index + 1 :]:
            if later.mention.kind != "state" or not later.actors:
                break
            if not _STATE_LIST.fullmatch(text, end, later.mention.start):
                break
            states.append(later.actors[0])
            end = later.mention.end
        if len(states) < 2:
            continue
        title = _OFFICIAL_TITLES[head.group("title").lower()]
        officials = [
            doc.registry.official(f"{title} of {s.label}", doc.article.id, s) for s in states
        ]
        mention = Mention("role", head.start(), end, text[head.start() : end], titles=(title,))
        out.insert(out.index(item), Resolved(mention, officials))
    return out


def _two_people(coref: Coreference, mention: Mention) -> list[Mention]:
    """A titled mention that opens with a role of someone the article has named and "and" is
    two people: "The Deputy Secretary and Minister Cleverly" after "Deputy Secretary of State
    Wendy Sherman" is Sherman and Cleverly, not Cleverly with both titles; any other mention
    as it is ("the Deputy Prime Minister and Foreign Minister X" first naming X)."""
    words = mention.text.split(" and ", 1)
    if (
        mention.kind != "person"
        or len(mention.titles) < 2
        or len(words) < 2
        or not words[0].lower().startswith("the ")
        or mention.name is None
        or mention.name in words[0]
    ):
        return [mention]
    first = words[0].split(" ", 1)[1]
    end = mention.start + len(words[0])
    role = Mention("role", mention.start, end, words[0], titles=(first,))
    other = coref.role_holder(role)
    if other is None or any(w in other.label for w in mention.name.split()):
        return [mention]
    start = end + len(" and ")
    title_span = (start, mention.title_span[1]) if mention.title_span else None
    rest = replace(
        mention,
        start=start,
        text=mention.text[start - mention.start :],
        titles=mention.titles[1:],
        title_span=title_span,
        state_titles=mention.state_titles[1:],
    )
    return [role, rest]


def _state_before(text: str, mention: Mention, before: Resolved | None) -> str | None:
    """The IRI of the state a known label just before a titled person names ("U.S." in "U.S.
    Special Representative Kim"), else None."""
    if (
        before is None
        or mention.kind != "person"
        or mention.state is not None
        or before.mention.kind != "known"
        or len(before.actors) != 1
        or before.actors[0].kind != "State"
        or text[before.mention.end : mention.start] != " "
    ):
        return None
    return before.actors[0].iri


class Subject:
    """Keeps the people or group the sentence opens with as the subject "he" or "they" of the
    next one."""

    def __call__(self, doc: Doc, at: Cursor) -> None:
        subject = [a for r in at.resolved[:1] if r.mention.kind in PERSONLIKE for a in r.actors]
        if subject:
            doc.previous = subject
