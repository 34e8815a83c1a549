"""The actor registry: one IRI per real person, state, organisation, place and post.

Actors of data/actors.ttl keep their IRIs (matched by rdfs:label and skos:altLabel); the gazetteer's
states, organisations and places, and the people and posts the texts name, get deterministic IRIs
``id:<slug of the canonical name>`` (posts ``id:post/<slug>``) the first time they are used.

>>> registry = Registry.empty()
>>> registry.person("Antony J. Blinken", None).iri
'https://w3id.org/diplograph/id/antony-blinken'
>>> registry.person("Blinken", None).iri
'https://w3id.org/diplograph/id/antony-blinken'
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from diplograph.extract.gazetteer import Gazetteer, load
from diplograph.extract.text import normalize, slug
from diplograph.vocab import DIP, ID

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
SKOS_ALT = "http://www.w3.org/2004/02/skos/core#altLabel"
ORG_POST_IN = "http://www.w3.org/ns/org#postIn"
_INITIAL = re.compile(r"^(?:[A-Z]\.|Dr\.?|Jr\.?|Sr\.?|Mr\.?|Ms\.?)$")
ACTOR_KINDS = (
    "Person",
    "State",
    "Organization",
    "GovernmentBody",
    "PoliticalParty",
    "NewsOrganization",
)


@dataclass
class Actor:
    """A registry entry. ``new`` actors are not in data/actors.ttl and go into the output."""

    iri: str
    kind: str  # local name of its dip: class
    label: str
    aliases: set[str] = field(default_factory=set)  # surface forms, as written
    represents: str | None = None  # persons: the IRI of their state
    post_in: str | None = None  # posts: the IRI of their state or organisation
    new: bool = False
    reached_at: str | None = None  # agreements: the IRI of the meeting that reached them


@dataclass(frozen=True)
class KnownEvent:
    """A curated interaction at which a registry agreement was reached (the Bali meeting)."""

    iri: str
    kind: str
    label: str
    participants: tuple[str, ...]
    place: str | None


def canonical_name(name: str) -> str:
    """A person's name without initials, honorifics and suffixes.

    >>> canonical_name("Antony J. Blinken"), canonical_name("Surangel Whipps, Jr.")
    ('Antony Blinken', 'Surangel Whipps')
    """
    words = [w for w in name.replace(",", " ").split() if not _INITIAL.match(w)]
    return " ".join(words) or name


def name_key(name: str) -> tuple[str, ...]:
    """A person's name words, hyphens dropped, in any order: "Cho Hyun-dong" is "Cho Hyundong",
    "Kishida Fumio" is "Fumio Kishida".

    >>> name_key("Cho Hyun-dong") == name_key("Cho Hyundong")
    True
    >>> name_key("Kishida Fumio") == name_key("Fumio Kishida")
    True
    """
    return tuple(sorted(word.replace("-", "") for word in normalize(name).split()))


class Registry:
    """Every actor the extractor knows, by IRI and by normalised surface form."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.actors: dict[str, Actor] = {}
        self.index: dict[str, list[str]] = {}
        self.events: dict[str, KnownEvent] = {}

    @classmethod
    def empty(cls) -> Registry:
        return cls(load())

    @classmethod
    def from_files(cls, paths: Iterable[Path], gazetteer: Gazetteer | None = None) -> Registry:
        """The actors, places, posts, agreements and principles of RDF files (data/actors.ttl)."""
        registry = cls(gazetteer or load())
        quads = [q for path in paths for q in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE)]
        kinds: dict[str, str] = {}
        for quad in quads:
            if quad.predicate.value == RDF_TYPE and quad.object.value.startswith(DIP):
                kinds.setdefault(quad.subject.value, quad.object.value[len(DIP) :])
        for iri, kind in sorted(kinds.items()):
            registry.actors[iri] = Actor(iri, kind, "")
        for quad in quads:
            actor = registry.actors.get(quad.subject.value)
            if actor is None:
                continue
            value = quad.object.value
            if quad.predicate.value == RDFS_LABEL:
                actor.label = value
                registry._alias(actor, value)
            elif quad.predicate.value == SKOS_ALT:
                registry._alias(actor, value)
            elif quad.predicate.value == DIP + "represents":
                actor.represents = value
            elif quad.predicate.value == ORG_POST_IN:
                actor.post_in = value
            elif quad.predicate.value == DIP + "reachedAt":
                actor.reached_at = value
        return registry

    def add_events(self, paths: Iterable[Path]) -> None:
        """The curated interactions of article files (data/articles/*.ttl) at which an agreement
        was reached, so that a text citing the agreement re-reports the same event."""
        for path in paths:
            quads = list(ox.parse(path=str(path), format=ox.RdfFormat.TURTLE))
            reached = {
                (q.subject.value, q.object.value)
                for q in quads
                if q.predicate.value == DIP + "reachedAt"
            }
            for agreement, event in sorted(reached):
                facts = [q for q in quads if q.subject.value == event]
                kinds = [
                    q.object.value[len(DIP) :]
                    for q in facts
                    if q.predicate.value == RDF_TYPE and q.object.value.startswith(DIP)
                ]
                labels = [q.object.value for q in facts if q.predicate.value == RDFS_LABEL]
                people = sorted(
                    q.object.value for q in facts if q.predicate.value == DIP + "participant"
                )
                places = [q.object.value for q in facts if q.predicate.value == DIP + "place"]
                if not kinds or not labels or len(people) < 2:
                    continue
                self.events[event] = KnownEvent(
                    event, kinds[0], labels[0], tuple(people), places[0] if places else None
                )
                if agreement in self.actors:
                    self.actors[agreement].reached_at = event

    def _alias(self, actor: Actor, surface: str) -> None:
        actor.aliases.add(surface)
        iris = self.index.setdefault(normalize(surface), [])
        if actor.iri not in iris:
            iris.append(actor.iri)

    def known_labels(self) -> dict[str, str]:
        """``{surface form: iri}`` of persons and multi-word labels of other registry actors."""
        labels: dict[str, str] = {}
        for actor in self.actors.values():
            if actor.new or actor.kind in ("Post",):
                continue
            for alias in sorted(actor.aliases):
                labels.setdefault(alias, actor.iri)
        return labels

    def find(self, surface: str, kinds: tuple[str, ...]) -> Actor | None:
        for iri in self.index.get(normalize(surface), []):
            if self.actors[iri].kind in kinds:
                return self.actors[iri]
        return None

    def _mint(self, iri: str, kind: str, label: str, **extra: str | None) -> Actor:
        actor = self.actors.get(iri)
        if actor is None:
            actor = Actor(
                iri,
                kind,
                label,
                new=True,
                represents=extra.get("represents"),
                post_in=extra.get("post_in"),
            )
            self.actors[iri] = actor
            self._alias(actor, label)
        return actor

    def state(self, label: str) -> Actor:
        """The state with this gazetteer label, reusing data/actors.ttl's IRI when it has it."""
        found = self.find(label, ("State",))
        return found or self._mint(ID + slug(label), "State", label)

    def organization(self, label: str) -> Actor:
        found = self.find(label, ACTOR_KINDS[2:])
        if found:
            return found
        for alias in self.gazetteer.organizations.get(label, []):
            found = self.find(alias, ACTOR_KINDS[2:])
            if found:
                return found
        return self._mint(ID + slug(label), "Organization", label)

    def place(self, label: str) -> Actor:
        found = self.find(label, ("Place",))
        return found or self._mint(ID + slug(label), "Place", label)

    def publisher(self, name: str) -> Actor:
        found = self.find(name, ACTOR_KINDS[2:])
        return found or self._mint(ID + slug(name), "NewsOrganization", name)

    def person(self, name: str, state: str | None) -> Actor:
        """The person of this name: known by the full name, else by a unique part, else new."""
        canonical = canonical_name(name)
        for surface in (name, canonical):
            found = self.find(surface, ("Person",))
            if found:
                self._alias(found, name)
                return found
        words = normalize(canonical).split()
        people = [a for a in self.actors.values() if a.kind == "Person"]
        key = name_key(canonical)
        matches = [a for a in people if name_key(canonical_name(a.label)) == key]
        matches = matches or [
            a for a in people if _contains(normalize(canonical_name(a.label)).split(), words)
        ]
        if len(matches) == 1:
            self._alias(matches[0], name)
            return matches[0]
        # a full name after the surname alone ("Jaishankar", then "Subrahmanyam Jaishankar")
        shorter = [
            a
            for a in people
            if len(words) > 1
            and a.new
            and normalize(a.label) == words[-1]
            and (a.represents is None or state is None or a.represents == state)
        ]
        if len(shorter) == 1:
            shorter[0].label = canonical
            self._alias(shorter[0], name)
            return shorter[0]
        actor = self._mint(ID + slug(canonical), "Person", canonical, represents=state)
        self._alias(actor, name)
        return actor

    def post(self, title: str, holder: Actor, where: Actor | None) -> Actor | None:
        """The post ``title`` of a state or organisation (``where``), existing or new."""
        place = where
        if place is None and holder.represents:
            place = self.actors[holder.represents]
        if place is None:
            return None
        forms = [f"{place.label} {title}", f"{title} of {place.label}"]
        forms += [f"{alias} {title}" for alias in sorted(place.aliases)]
        forms += [f"{demonym} {title}" for demonym in self.gazetteer.states.get(place.label, [])]
        for form in forms:
            found = self.find(form, ("Post",))
            if found:
                return found
        label = f"{title[:1].upper() + title[1:]} of {place.label}"
        return self._mint(ID + "post/" + slug(label), "Post", label, post_in=place.iri)

    def new_actors(self) -> list[Actor]:
        return [self.actors[iri] for iri in sorted(self.actors) if self.actors[iri].new]


def _contains(words: list[str], part: list[str]) -> bool:
    """Whether ``part`` is a contiguous run of ``words``."""
    size = len(part)
    return size > 0 and any(words[i : i + size] == part for i in range(len(words) - size + 1))
