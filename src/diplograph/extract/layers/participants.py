"""Who takes part where a sentence reports an interaction: untitled full names, the official of
a named post ("the ASEAN Secretary General"), unnamed groups of people and a group's members
("his Quad counterparts")."""

from __future__ import annotations

import re

from diplograph.extract.actors import Actor
from diplograph.extract.coreference import Resolved
from diplograph.extract.interactions import (
    find_groups,
    find_members,
    kind_of,
)
from diplograph.extract.layers.doc import Cursor, Doc
from diplograph.extract.layers.holdings import (
    COUNTERPART,
    add_holding,
    appositive_post,
    counterpart_state,
)
from diplograph.extract.mentions import Kind, Mention
from diplograph.extract.statements import NOT_STATEMENTS, VERBS
from diplograph.extract.text import Sentence, Span, span

_BEFORE_BARE_NAME = re.compile(r"\b(?:with|including|and)\s+$")
_AFTER_BARE_NAME = re.compile(
    r",\s+(?:the\s+)?(?:[A-Z][\w.-]*\s+){0,3}(?:Chair|President|Minister|Envoy|Secretary|Director|Head|Ambassador)\b"
)
_NAME_BEFORE = re.compile(r"[A-Z][\w.\u2019'-]*,\s+$")
# What may open a sentence before its subject ("On Friday", "Today,"), and an interaction verb
# right after the subject: "On Friday Vladimir Putin had a telephone conversation with ..."
_OPENING = re.compile(
    r"\s*(?:(?:On\s+\w+(?:\s+\d{1,2})?|Today|Yesterday|Earlier\s+today|This\s+\w+),?\s+)?"
)
_SUBJECT_OF = re.compile(
    r"\s+(?:(?:today|yesterday|also|again|on\s+\w+day)\s+)?"
    r"(?:met|spoke|talked|had|held|conducted|hosted|received)\b"
)
_APPOSITIVE_NAME = re.compile(r",\s+[A-Z]")
_GROUP_LABEL = re.compile(r"^(?:the|a|an|another)\s+|\s+\([A-Z]+\)$")


def bare_name(
    doc: Doc, item: Resolved, sentence_items: list[Resolved], sentence: Sentence
) -> Resolved:
    """An untitled full name where an interaction names its participants is a person: "met
    with Staffan de Mistura, the UN ...", "with NUG representatives, including Zin Mar Aung",
    "and his Russian counterpart Sergey Lavrov" (of the state the sentence names there), and the
    subject the sentence opens with ("On Friday Vladimir Putin had a telephone conversation")."""
    m, text = item.mention, doc.text
    if m.kind != "name" or item.actors or m.name is None or len(m.name.split()) < 2:
        return item
    before = text[max(0, m.start - 12) : m.start]
    after = text[m.end : m.end + 40]
    counterpart = COUNTERPART.search(text, max(0, m.start - 60), m.start)
    subject = _OPENING.fullmatch(text, sentence.start, m.start) and _SUBJECT_OF.match(after)
    if counterpart or subject or _BEFORE_BARE_NAME.search(before) or _AFTER_BARE_NAME.match(after):
        state = counterpart_state(doc, sentence_items, m)
        person = doc.registry.person(m.name, state.iri if state else None)
        doc.coref.remember(person)
        return Resolved(m, [person])
    return item


# A reporting verb right after a name ("John Kirby welcomed the call", "Maria Zakharova, the
# ministry's spokeswoman, said"), or "said" right before it (", said Maria Zakharova").
_SPEAKS_AFTER = re.compile(
    r"(?:,\s+(?:the\s+|a\s+)?[^,.;]{3,60},)?\s+(?:(?:also|later|earlier|again|on\s+\w+day)\s+)?"
    rf"(?:{VERBS})\b"
)
_SAID_BEFORE = re.compile(r"\b(?:said|says|told|added)\s+$")


def speaker_name(doc: Doc, item: Resolved) -> Resolved:
    """An untitled full name the text gives a reporting verb ("spokesman John Kirby welcomed
    the call", ", said Maria Zakharova") is a person, as news reports name their sources."""
    m, text = item.mention, doc.text
    if m.kind != "name" or item.actors or m.name is None or len(m.name.split()) < 2:
        return item
    after = _SPEAKS_AFTER.match(text, m.end)
    if not (after and after.group().split()[-1] not in NOT_STATEMENTS) and not (
        _SAID_BEFORE.search(text, max(0, m.start - 8), m.start)
    ):
        return item
    person = doc.registry.person(m.name, None)
    doc.coref.remember(person)
    return Resolved(m, [person])


def official(doc: Doc, item: Resolved) -> Resolved:
    """An unresolved definite post of a named state or organisation where an interaction
    names its participants ("and the ASEAN Secretary General") is an official of that post,
    who holds it."""
    m = item.mention
    if (
        m.kind != "role"
        or item.actors
        or not m.titles
        or not (m.state or m.organization)
        or not m.text.lower().startswith("the ")
        or _APPOSITIVE_NAME.match(doc.text, m.end)
        or _NAME_BEFORE.search(doc.text, max(0, m.start - 40), m.start)
    ):
        # "the Foreign Minister of X, Prince Y", "Y, the Foreign Minister of X": the post of
        # the named person
        return item
    where = (
        doc.registry.organization(m.organization)
        if m.organization
        else doc.registry.state(m.state or "")
    )
    state = where if where.kind == "State" else None
    person = doc.registry.official(m.text[4:], doc.article.id, state)
    post = doc.registry.post(m.titles[0], person, where)
    if post is not None:
        add_holding(doc, person, post, span(doc.text, m.start, m.end), m.titles[:1])
    return Resolved(m, [person])


def groups(doc: Doc, sentence: Sentence, resolved: list[Resolved]) -> list[Resolved]:
    """The mentions of an interaction sentence with its unnamed groups of people in place of
    the words inside them ("foreign ministers of the Association of Southeast Asian Nations":
    the ministers take part, not the association)."""
    resolved = _members(doc, sentence, resolved)
    named = [
        g
        for g in find_groups(sentence)
        if not any(  # a named person is no modifier of a group ("Ana Ruiz, and officials")
            g.start <= r.mention.start < g.end and any(a.kind == "Person" for a in r.actors)
            for r in resolved
        )
    ]
    if not named:
        return resolved
    items = [
        r
        for r in resolved
        if not any(g.start <= r.mention.start and r.mention.end <= g.end for g in named)
    ]
    for group in named:
        actor = group_actor(doc, group)
        mention = Mention("organization", group.start, group.end, group.text)
        items.append(Resolved(mention, [actor]))
    return sorted(items, key=lambda r: (r.mention.start, r.mention.end))


def group_actor(doc: Doc, group: Span) -> Actor:
    """The unnamed group of people ``group`` names ("the NUG representatives"), of this article."""
    return doc.registry.group(_GROUP_LABEL.sub("", group.text), doc.article.id)


def _members(doc: Doc, sentence: Sentence, resolved: list[Resolved]) -> list[Resolved]:
    """The mentions of an interaction sentence with "his E3 counterparts" in place of the
    words inside it: the people of the article's interactions so far who are of the group's
    member states, else one group of people ("E3 counterparts")."""
    scope = doc.article.id
    found = find_members(sentence, tuple(doc.gazetteer.state_groups))
    if not found:
        return resolved
    items = [r for r in resolved if not any(s.start <= r.mention.start < s.end for s, _ in found)]
    seen = {p.iri: p for i in doc.index.interactions for p in i.participants}
    # "A met his Quad counterparts": neither A nor anyone of A's state
    own = {a.nationality for r in items for a in r.actors if a.kind == "Person"}
    for where, name in found:
        states = {doc.registry.state(m).iri for m in doc.gazetteer.state_groups[name]}
        people = [p for p in seen.values() if p.kind == "Person" and p.nationality in states - own]
        label = _GROUP_LABEL.sub("", re.sub(r"^(?:his|her|their|our)\s+", "", where.text))
        actors = people or [doc.registry.group(label, scope)]
        kind: Kind = "person" if people else "organization"
        items.append(Resolved(Mention(kind, where.start, where.end, where.text), actors))
    return sorted(items, key=lambda r: (r.mention.start, r.mention.end))


class Participants:
    """Where the sentence reports an interaction: who takes part (``at.taking_part``), bare
    names, officials of a named post and unnamed groups made actors, and the posts of names
    with an appositive ("with Jose Ramos, the Foreign Minister of Peru,")."""

    def __call__(self, doc: Doc, at: Cursor) -> None:
        at.resolved = [speaker_name(doc, item) for item in at.resolved]
        if kind_of(at.sentence.text) is None:
            return
        resolved = [bare_name(doc, item, at.resolved, at.sentence) for item in at.resolved]
        for item in resolved:
            if item.mention.kind == "name" and item.actors:
                appositive_post(doc, item)
        at.resolved = [official(doc, r) for r in resolved]
        at.taking_part = groups(doc, at.sentence, at.resolved)
