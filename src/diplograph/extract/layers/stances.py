"""The stance layer: the positions the statements express, a group of representatives holding
them for the side its label names."""

from __future__ import annotations

import re

from diplograph.extract.actors import Actor
from diplograph.extract.layers.doc import Doc
from diplograph.extract.stances import StanceFinder
from diplograph.vocab import ID

_GROUP_IRI = ID + "group/"  # the unnamed groups of an article (Registry.group)
# A group that acts as the agent of who its label names ("Taliban representatives").
_AGENTS = re.compile(r"\b(?:representatives|officials|delegation|delegates|negotiators)\b", re.I)


class Stances:
    """Adds the stances (``doc.extraction.stances``), found by a
    :class:`~diplograph.extract.stances.StanceFinder`."""

    def __init__(self, finder: StanceFinder) -> None:
        self.finder = finder

    def __call__(self, doc: Doc) -> None:
        """The stances the statements express (:mod:`.stances`); a group of the article that
        acts for the state or organisation its label names holds them for it ("NUG
        representatives": the NUG; "senior Taliban officials": the Taliban), a group of
        officials of several ("ASEAN foreign ministers") for itself."""
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
        for (
            statement
        ) in doc.extraction.statements:  # the group speaks for that side: dip:onBehalfOf
            speaker, side = statement.speaker, statement.on_behalf_of
            if speaker.iri in sides and (side is None or side.iri == speaker.iri):
                statement.on_behalf_of = sides[speaker.iri]
        doc.extraction.stances = self.finder.find(doc.extraction, sides)


def _named_side(doc: Doc, label: str) -> Actor | None:
    """The state or organisation (no group) that the longest run of words of ``label``
    names, the first such run when two are as long."""
    words = label.split()
    kinds = ("State", "Organization", "GovernmentBody", "PartyBody", "PoliticalParty")
    for size in range(len(words), 0, -1):
        for first in range(len(words) - size + 1):
            found = doc.registry.find(" ".join(words[first : first + size]), kinds)
            if found is not None and not found.iri.startswith(_GROUP_IRI):
                return found
    return None
