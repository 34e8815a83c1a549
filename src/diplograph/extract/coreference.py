"""Resolving an article's mentions to registry actors: names, roles, pronouns and groups.

Within one article "Secretary of State Antony J. Blinken", "Secretary Blinken", "the Secretary" and
"he" (as the subject after a sentence about him) are one actor. A time-bound alias names the actor
whose period holds on the article's publication date: "China's top diplomat" is Yang Jiechi in 2021
and Wang Yi in 2023.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from diplograph.extract.actors import Actor, Registry, canonical_name
from diplograph.extract.mentions import Mention
from diplograph.extract.text import normalize

SYNONYMS = {
    "foreign minister": (
        "minister of foreign affairs",
        "minister for foreign affairs",
        "external affairs minister",
        "foreign secretary",
        "cabinet secretary for foreign affairs",
        "minister for europe and foreign affairs",
        "minister of foreign affairs and trade",
        "minister for external affairs",
    ),
    "minister": ("foreign minister", "minister of foreign affairs"),
    "president": ("chairperson",),
    # news reports' roles: "the Chinese leader", "China's top diplomat"
    "leader": ("president", "prime minister", "premier", "chancellor", "general secretary"),
    "top diplomat": (
        "foreign minister",
        "minister of foreign affairs",
        "secretary of state",
        "foreign secretary",
        "director of the office of the central foreign affairs commission",
    ),
}


@dataclass
class Resolved:
    """A mention and the actors it stands for (several for "they" or "the two leaders")."""

    mention: Mention
    actors: list[Actor]


def actors_within(
    resolved: list[Resolved], start: int, end: int, kinds: Collection[str]
) -> list[Actor]:
    """The first actor of each mention inside ``start``..``end`` whose kind is one of ``kinds``."""
    return [
        r.actors[0]
        for r in resolved
        if start <= r.mention.start
        and r.mention.end <= end
        and r.actors
        and r.actors[0].kind in kinds
    ]


@dataclass
class Coreference:
    """The people an article has introduced so far, with the titles it gave them."""

    registry: Registry
    home: Actor | None  # the state of officials named without one (the publisher's state)
    published: dt.date | None = None  # the article's date, for the time-bound aliases
    scope: str = ""  # the article's id: the scope of the officials it names by post only
    titles: dict[str, list[str]] = field(default_factory=dict)  # person IRI -> normalised titles
    order: list[str] = field(default_factory=list)  # person IRIs, most recent last
    group: list[Actor] = field(default_factory=list)  # who "they" and "the two sides" are

    def resolve(
        self, mention: Mention, previous_subject: list[Actor], state: str | None = None
    ) -> list[Actor]:
        """The actors ``mention`` stands for; ``state``: the IRI of the state the words just
        before it name ("U.S. Special Representative Kim"), for a name two people share."""
        kind = mention.kind
        if kind == "known":
            assert mention.known is not None
            introduced = self._role_alias(mention)
            if introduced is not None:  # "the Secretary" after "Secretary of State Marco Rubio"
                return [introduced]
            actor = self.registry.known(mention.known, self.published)
            if actor is None:
                return []  # a time-bound alias outside its period
            if actor.kind == "Person":
                self._remember(actor, mention.titles)  # "President Biden": "the President"
            return [actor]
        if kind in ("person", "name"):
            assert mention.name is not None
            person = self._person(mention, state)
            return [person] if person else []
        if kind == "role":
            role = self.role_holder(mention) or self.home_leader(mention, self.scope)
            if role is not None:
                self._remember(role, mention.titles)
            return [role] if role else []
        if kind == "pronoun":
            if mention.text.lower() == "they" or mention.text == "Both":
                return list(self.group)
            # "he" or "she" is a person: not the state a sentence opened with
            return [a for a in previous_subject if a.kind == "Person"][:1]
        if kind == "group":
            # the group's head noun: "diplomats" in "the top diplomats of the two nations"
            head = mention.text.lower().split(" of ")[0].split()[-1]
            if head in ("countries", "governments", "nations"):
                return self._states_of(self.group)  # "the two countries": the sides' states
            return list(self.group)
        if kind == "state" and mention.state:
            return [self.registry.state(mention.state)]
        if kind == "place" and mention.name:
            return [self.registry.place(mention.name)]
        if kind == "organization" and mention.organization:
            return [self.registry.organization(mention.organization)]
        return []

    def _states_of(self, actors: list[Actor]) -> list[Actor]:
        """The states ``actors`` are or act for, once each, in order."""
        states: list[Actor] = []
        for actor in actors:
            state = actor if actor.kind == "State" else None
            if state is None and actor.nationality in self.registry.actors:
                state = self.registry.actors[actor.nationality]
            if state is not None and state not in states:
                states.append(state)
        return states

    def _person(self, mention: Mention, hint: str | None = None) -> Actor | None:
        assert mention.name is not None
        words = _name_words(mention.name)
        introduced = self._introduced(mention, hint)
        if introduced is not None:
            self._remember(introduced, mention.titles)
            return introduced
        if (
            mention.kind == "name"
            and not self.registry.find(mention.name, ("Person",))
            and self.registry.nationality_of(mention.name) is None  # a known office holder
            and (
                len(words) < 2
                or not any(
                    a.kind == "Person" and _contains(_label_words(a.label), words)
                    for a in self.registry.actors.values()
                )
            )
        ):
            return None
        state = None
        if mention.state:
            state = self.registry.state(mention.state).iri
        elif mention.titles and not mention.organization and self._home_title(mention.titles):
            assert self.home is not None
            state = self.home.iri
        actor = self.registry.person(mention.name, state)
        if actor.nationality is None and state is not None and actor.new:
            actor.nationality = state
        self._remember(actor, mention.titles)
        return actor

    def _introduced(self, mention: Mention, hint: str | None) -> Actor | None:
        """The person introduced so far whom ``mention`` names (also after a title's acronym:
        "HRVP Borrell"), the most recent first; never one of another state than the mention's
        title names ("U.S. Special Representative Kim" is not the Korean Kim named last); of two
        who share the name, the one of the state the ``hint`` names."""
        assert mention.name is not None
        words = _name_words(mention.name)
        forms = [words, *_after_acronym(mention.name, words)]
        titled = self.registry.find(mention.state, ("State",)) if mention.state else None
        named = []
        for iri in reversed(self.order):
            actor = self.registry.actors[iri]
            if titled is not None and actor.nationality and actor.nationality != titled.iri:
                continue
            names = {_name_words(a) for a in actor.aliases} | {_label_words(actor.label)}
            if any(_contains(n, form) for n in names for form in forms):
                named.append(actor)
        if len(named) > 1 and titled is None and hint is not None:
            named.sort(key=lambda actor: actor.nationality != hint)  # stable: most recent first
        return named[0] if named else None

    def _home_title(self, titles: tuple[str, ...]) -> bool:
        """Whether officials of the home state bear these titles ("Secretary", not "Minister");
        never where the gazetteer lists no titles only other states have: a Japanese readout's
        "Foreign Minister Wong" may be anyone's foreign minister."""
        if self.home is None or self.home.label not in self.registry.gazetteer.foreign_titles:
            return False
        if self._foreign(titles):
            return False
        return not (len(titles) == 1 and self._home_holder(titles[0]))

    def _foreign(self, titles: tuple[str, ...]) -> bool:
        """Whether one of ``titles`` names a post no official of the home state holds."""
        assert self.home is not None
        foreign = self.registry.gazetteer.foreign_titles.get(self.home.label, frozenset())
        return any(  # case aside: a speaker label's "FOREIGN MINISTER" is a "Minister"
            re.search(rf"\b{re.escape(f)}\b", title, re.IGNORECASE)
            for f in foreign
            for title in titles
        )

    def home_leader(self, mention: Mention, scope: str) -> Actor | None:
        """The home state's leader a role names when no one of the article holds it: "The Prime
        Minister spoke to President Biden" in a readout of the Prime Minister's own office is
        that state's Prime Minister, the holder of the post that day (the gazetteer's
        ``[office_holders]``), else an official labelled by the post; none where data/actors.ttl
        names the holder ("the President" of a State Department readout) or the title is
        foreign to the home state."""
        title = mention.titles[0] if len(mention.titles) == 1 else ""
        if (
            self.home is None
            or mention.organization is not None
            or mention.state not in (None, self.home.label)
            or title not in self.registry.gazetteer.leaders
            or self._foreign((title,))
            or self._home_holder(title)
        ):
            return None
        # "The Prime Minister" of a Downing Street readout of 2023: who held the post that day
        name = (
            self.registry.gazetteer.holder(self.home.label, title, self.published)
            if self.published
            else None
        )
        if name is not None:
            return self.registry.person(name, self.home.iri)
        return self.registry.official(f"{title} of {self.home.label}", scope, self.home)

    def _home_holder(self, title: str) -> bool:
        """Whether ``title`` is one a single person of the home state holds ("President") and
        data/actors.ttl names its holder ("President Biden"): then "President Putin", whom the
        registry does not know by that name, is a foreign leader, not the home state's."""
        assert self.home is not None
        if title not in self.registry.gazetteer.leaders:
            return False
        prefix = normalize(title) + " "
        return any(
            actor.kind == "Person"
            and not actor.new
            and actor.nationality == self.home.iri
            and any(normalize(alias).startswith(prefix) for alias in actor.aliases)
            for actor in self.registry.actors.values()
        )

    def remember(self, actor: Actor) -> None:
        """Introduce a person the text names without a title."""
        self._remember(actor, ())

    def _remember(self, actor: Actor, titles: tuple[str, ...]) -> None:
        if actor.iri in self.order:
            self.order.remove(actor.iri)
        self.order.append(actor.iri)
        known = self.titles.setdefault(actor.iri, [])
        known.extend(normalize(t) for t in titles if normalize(t) not in known)

    def _role_alias(self, mention: Mention) -> Actor | None:
        """The person of the article a known alias that is a role ("the Secretary", of the
        Secretary of State of the day) names by the titles the article gave them: the text's
        own Secretary goes before the registry's."""
        words = mention.text.split()
        if len(words) < 2 or words[0].lower() != "the":
            return None
        role = " ".join(words[1:])
        if normalize(role) not in _normalized(self.registry.gazetteer.roles):
            return None
        return self.role_holder(
            Mention("role", mention.start, mention.end, mention.text, titles=(role,))
        )

    def role_holder(self, mention: Mention) -> Actor | None:
        """The person of the article a role mention names by the titles the article gave them
        (the best match, the most recent first), without remembering anything; None when none
        holds it."""
        role = normalize(mention.titles[0]) if mention.titles else ""
        best: tuple[int, int, str] | None = None
        # "the Chinese leader": a person of that state only
        state = self.registry.find(mention.state, ("State",)) if mention.state else None
        for rank, iri in enumerate(self.order):
            if state is not None and self.registry.actors[iri].nationality != state.iri:
                continue
            for title in self.titles.get(iri, []):
                score = _role_score(role, title)
                if score and (best is None or (score, rank) > best[:2]):
                    best = (score, rank, iri)
        if best is None:
            return None
        return self.registry.actors[best[2]]


def _role_score(role: str, title: str) -> int:
    """How well a role noun ("secretary") names a title ("secretary of state"): 0 not at all."""
    if role == title:
        return 4
    if title.startswith(role + " of ") or title.startswith(role + " for "):
        return 3
    if title in SYNONYMS.get(role, ()):
        return 2
    if (
        title.split()[-1] == role.split()[-1]
        and len(role.split()) == 1
        and not title.startswith(("deputy", "vice", "under", "assistant"))
    ):
        return 1
    return 0


@lru_cache(maxsize=16)
def _normalized(phrases: tuple[str, ...]) -> frozenset[str]:
    """The :func:`normalize`-d forms of ``phrases`` (the gazetteer's roles, once per gazetteer)."""
    return frozenset(normalize(phrase) for phrase in phrases)


@lru_cache(maxsize=4096)
def _name_words(name: str) -> tuple[str, ...]:
    """The normalised words of a name without initials and honorifics (cached: names recur)."""
    return tuple(normalize(canonical_name(name)).split())


def _after_acronym(name: str, words: tuple[str, ...]) -> list[tuple[str, ...]]:
    """The words of a name after the acronym of a title it opens with ("HRVP Borrell",
    "FM Ruiz": a title, then a surname), else none."""
    first = name.split()[0]
    if len(words) > 1 and len(first) > 1 and first.isalpha() and first.isupper():
        return [words[1:]]
    return []


@lru_cache(maxsize=4096)
def _label_words(label: str) -> tuple[str, ...]:
    return tuple(normalize(label).split())


def _contains(words: Sequence[str], part: Sequence[str]) -> bool:
    size = len(part)
    return size > 0 and any(words[i : i + size] == part for i in range(len(words) - size + 1))
