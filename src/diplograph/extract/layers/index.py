"""An article's interactions, indexed as they are added to the extraction."""

from __future__ import annotations

from collections.abc import Iterable

from diplograph.extract.actors import Actor
from diplograph.extract.dates import When
from diplograph.extract.model import Interaction
from diplograph.extract.text import Span


class InteractionIndex:
    """An article's interactions, indexed as they are appended to its list, so that looking up
    "the same interaction told again" or "the last one this speaker took part in" costs O(1),
    not a walk over every interaction found so far. Calls of any medium count as one kind."""

    def __init__(self, interactions: list[Interaction]) -> None:
        self.interactions = interactions
        self.indexed = 0
        self.first: dict[tuple[object, ...], Interaction] = {}
        # by participant IRI: the last one not a visit nor named by one party (a summit)
        self.last: dict[str, Interaction] = {}
        self.evidence: dict[int, set[Span]] = {}

    def _sync(self) -> None:
        """Index the interactions appended since the last look."""
        for interaction in self.interactions[self.indexed :]:
            members = frozenset(p.iri for p in interaction.participants)
            kind = _medium_blind(interaction.kind)
            for key in (
                (members, kind),
                (members, kind, interaction.when),
                (members, None, interaction.when),
            ):
                self.first.setdefault(key, interaction)
            if interaction.kind != "Visit" and len(interaction.participants) > 1:
                for participant in interaction.participants:
                    self.last[participant.iri] = interaction
        self.indexed = len(self.interactions)

    def same(
        self, participants: Iterable[Actor], kind: str | None, when: When | None
    ) -> Interaction | None:
        """The first interaction with exactly these participants, of this kind (any kind for
        None; a call of any medium for a call) and on this date (any date for None)."""
        self._sync()
        members = frozenset(p.iri for p in participants)
        group = None if kind is None else _medium_blind(kind)
        return self.first.get((members, group) if when is None else (members, group, when))

    def last_with(self, actor: Actor) -> Interaction | None:
        """The last interaction, not a visit nor one of one party, that ``actor`` takes part in."""
        self._sync()
        return self.last.get(actor.iri)

    def add_evidence(self, interaction: Interaction, evidence: list[Span]) -> None:
        """Add the spans of ``evidence`` that ``interaction`` does not have yet."""
        seen = self.evidence.setdefault(id(interaction), set(interaction.evidence))
        for item in evidence:
            if item not in seen:
                seen.add(item)
                interaction.evidence.append(item)


def _medium_blind(kind: str) -> str:
    """A call of any medium as one kind."""
    return "Call" if kind in ("Call", "PhoneCall", "VideoCall") else kind
