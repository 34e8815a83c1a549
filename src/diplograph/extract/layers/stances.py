"""The stance layer: the positions the statements express, a group of representatives holding
them for the side its label names."""

from __future__ import annotations

import re

from diplograph.extract.actors import Actor
from diplograph.extract.layers.doc import Doc
from diplograph.extract.model import Statement
from diplograph.extract.stances import StanceFinder
from diplograph.vocab import ID

_GROUP_IRI = ID + "group/"  # the unnamed groups of an article (Registry.group)
# A group that acts as the agent of who its label names ("Taliban representatives").
_AGENTS = re.compile(
    r"\b(?:representatives|officials|delegation|delegates|negotiators|ministers)\b", re.I
)
# The words that name the members of a group ("NUG representatives, including Zin Mar Aung").
_MEMBERS = r"(?:including|led by|headed by|among them)\b"
_ORGANIZATIONS = ("Organization", "GovernmentBody", "PartyBody", "PoliticalParty")


class Stances:
    """Adds the stances (``doc.extraction.stances``), found by a
    :class:`~diplograph.extract.stances.StanceFinder`."""

    def __init__(self, finder: StanceFinder) -> None:
        self.finder = finder

    def __call__(self, doc: Doc) -> None:
        """The stances the statements express (:mod:`.stances`); a group of the article that
        acts for the state or organisation its label names holds them for it ("NUG
        representatives": the NUG; "senior Taliban officials": the Taliban), a group of
        officials of several ("the foreign ministers of Ghana, Kenya, and Senegal") for itself;
        an organisation's official for the organisation the text pairs with the other side
        ("U.S.-EU coordination": the EU, not the European Council whose President he is)."""
        sides: dict[str, Actor] = {}
        for statement in doc.extraction.statements:
            holder = statement.on_behalf_of or statement.speaker
            if (
                holder.iri.startswith(_GROUP_IRI)
                and holder.iri not in sides
                and _AGENTS.search(holder.label)
            ):
                side = _named_side(doc, holder.label)
                if side is not None:
                    sides[holder.iri] = side
        sides.update(_members(doc, sides))
        paired = _paired(doc)
        for statement in doc.extraction.statements:  # the official speaks for the paired side
            side = paired.get(statement.speaker.iri)
            if side is not None:
                statement.on_behalf_of = sides[statement.speaker.iri] = side
        for (
            statement
        ) in doc.extraction.statements:  # the group speaks for that side: dip:onBehalfOf
            speaker, side = statement.speaker, statement.on_behalf_of
            if speaker.iri in sides and (side is None or side.iri == speaker.iri):
                statement.on_behalf_of = sides[speaker.iri]
        doc.extraction.stances = self.finder.find(doc.extraction, sides)


def _members(doc: Doc, sides: dict[str, Actor]) -> dict[str, Actor]:
    """The side of each speaker who speaks for no side but whom the text names as a member of a
    group that speaks for one ("NUG representatives, including Zin Mar Aung"; "a delegation led
    by ...")."""
    text = doc.extraction.article.text
    groups: dict[str, tuple[Actor, Actor]] = {}  # by IRI, each group and its side
    for said in doc.extraction.statements:
        group, side = said.speaker, sides.get(said.speaker.iri) or said.on_behalf_of
        if group.iri.startswith(_GROUP_IRI) and side is not None and side.iri != group.iri:
            groups[group.iri] = (group, side)
    members: dict[str, Actor] = {}
    for statement in doc.extraction.statements:
        person = statement.speaker
        if person.kind != "Person" or statement.on_behalf_of or person.nationality:
            continue
        names = "|".join(re.escape(n) for n in sorted({person.label, *person.aliases}))
        for group, side in groups.values():
            if re.search(
                rf"{re.escape(group.label)},? {_MEMBERS}[^.;]{{0,80}}?\b(?:{names})\b", text
            ):
                members[person.iri] = side
    return members


def _paired(doc: Doc) -> dict[str, Actor]:
    """The organisation each official of another organisation speaks for when a statement he
    makes with a state's official pairs that state with it ("U.S.-EU coordination", "the United
    States' and the EU's shared resolve", "between the United States and the AU"), by the
    official's IRI."""
    text = doc.extraction.article.text
    spans: dict[tuple[int, int], list[Statement]] = {}
    for statement in doc.extraction.statements:
        where = statement.evidence[0]
        spans.setdefault((where.start, where.end), []).append(statement)
    paired: dict[str, Actor] = {}
    for (start, end), said in spans.items():
        states = {
            s.on_behalf_of.iri: s.on_behalf_of
            for s in said
            if s.on_behalf_of is not None and s.on_behalf_of.kind == "State"
        }
        for statement in said:
            side = statement.on_behalf_of
            if statement.speaker.kind != "Person" or side is None or side.kind == "State":
                continue
            for state in states.values():
                for name in _paired_names(text[start:end], state):
                    other = _organization(doc, name)
                    if other is not None and other.iri != side.iri:
                        paired[statement.speaker.iri] = other
    return paired


def _organization(doc: Doc, name: str) -> Actor | None:
    """The organisation of the article's registry that ``name`` or the gazetteer's label of it
    names ("EU": the European Union), without minting one."""
    labels = [
        label
        for label, aliases in doc.gazetteer.organizations.items()
        if name == label or name in aliases
    ]
    for label in [name, *labels]:
        found = doc.registry.find(label, _ORGANIZATIONS)
        if found is not None:
            return found
    return None


def _paired_names(text: str, state: Actor) -> list[str]:
    """The names ``text`` pairs with ``state``'s: "U.S.-EU", "the United States' and the EU's"
    (either apostrophe), "between the United States and the AU"."""
    forms = "|".join(
        re.escape(f.rstrip(".")) + r"\.?"
        for f in sorted({state.label, *state.aliases}, key=len)[::-1]
    )
    name = r"([A-Z][\w.]*(?: [A-Z][\w.]*){0,4}?)"
    patterns = (
        rf"\b(?:{forms})[-\u2013]{name}(?![\w-])",
        rf"\b(?:{forms})['\u2019]s? and (?:the )?{name}['\u2019]s?(?!\w)",
        rf"\bbetween (?:the )?(?:{forms}) and (?:the )?{name}(?![\w-])",
    )
    return [m.group(1).rstrip(".") for p in patterns for m in re.finditer(p, text)]


def _named_side(doc: Doc, label: str) -> Actor | None:
    """The state or organisation (no group) that the longest run of words of ``label``
    names, the first such run when two are as long; None when the label names several ("the
    foreign ministers of Hungary, Slovakia, and Poland" act for no one of them)."""
    words = re.findall(r"[^\s,;]+", label)
    kinds = ("State", "Organization", "GovernmentBody", "PartyBody", "PoliticalParty")
    named: list[Actor] = []
    for size in range(len(words), 0, -1):
        for first in range(len(words) - size + 1):
            found = doc.registry.find(" ".join(words[first : first + size]), kinds)
            if found is not None and not found.iri.startswith(_GROUP_IRI):
                named.append(found)
    if any(not _related(doc, actor, named[0]) for actor in named[1:]):
        return None
    return named[0] if named else None


def _related(doc: Doc, one: Actor, other: Actor) -> bool:
    """Whether one of the two actors is the other or one of its bodies ("U.S. Department of
    State officials" name the department and its state)."""
    return _within(doc, one, other) or _within(doc, other, one)


def _within(doc: Doc, actor: Actor, side: Actor) -> bool:
    """Whether ``actor`` is ``side`` or one of its bodies (a ministry of the state)."""
    seen = {actor.iri}
    while actor.iri != side.iri and actor.part_of and actor.part_of not in seen:
        seen.add(actor.part_of)
        parent = doc.registry.actors.get(actor.part_of)
        if parent is None:
            return False
        actor = parent
    return actor.iri == side.iri
