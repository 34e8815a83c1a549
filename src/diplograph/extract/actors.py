"""The actor registry: one IRI per real person, state, organisation, place and post.

Actors of data/actors.ttl keep their IRIs (matched by rdfs:label and skos:altLabel, and by the
label of a ``dip:Alias`` only in articles published within its ``dip:validFrom``..
``dip:validUntil``); the gazetteer's states, organisations and places, and the people and posts the
texts name, get deterministic IRIs ``id:<slug of the canonical name>`` (posts ``id:post/<slug>``)
the first time they are used. The registry holds identity only: a person's nationality
(``schema:nationality``), the organisation a post is in (``org:postIn``) and the organisation a
body belongs to (``org:subOrganizationOf``); what texts say of agreements (where they were
reached) comes from the curated articles' ``dip:Claim`` nodes (:meth:`Registry.add_events`).

>>> registry = Registry.empty()
>>> registry.person("Antony J. Blinken", None).iri
'https://w3id.org/diplograph/id/antony-blinken'
>>> registry.person("Blinken", None).iri
'https://w3id.org/diplograph/id/antony-blinken'
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pyoxigraph as ox

from diplograph.extract.gazetteer import Gazetteer, load
from diplograph.extract.text import normalize, slug
from diplograph.vocab import DIP, ID

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
SKOS_ALT = "http://www.w3.org/2004/02/skos/core#altLabel"
ORG_POST_IN = "http://www.w3.org/ns/org#postIn"
ORG_SUB_ORGANIZATION_OF = "http://www.w3.org/ns/org#subOrganizationOf"
SCHEMA_NATIONALITY = "https://schema.org/nationality"
SCHEMA_PUBLISHER = "https://schema.org/publisher"
ARTICLE = ID + "article/"
GROUP = ID + "group/"  # unnamed groups of people, one article each
_ROMAN = re.compile(r"^[IVX]+$")  # "Lloyd J. Austin III"
_SUFFIXES = frozenset({"II", "III", "IV"})
_INITIAL = re.compile(r"^(?:[A-Z]\.|Dr\.?|Jr\.?|Sr\.?|Mr\.?|Ms\.?)$")
ORGANIZATION_KINDS = (
    "Organization",
    "GovernmentBody",
    "PoliticalParty",
    "PartyBody",
    "NewsOrganization",
)
ACTOR_KINDS = ("Person", "State", *ORGANIZATION_KINDS)
POST_KINDS = ("Post", "StatePost", "PartyPost")
# Organisations whose posts are party posts (dip:PartyPost), and those whose posts are state posts.
PARTY_KINDS = frozenset({"PoliticalParty", "PartyBody"})
STATE_KINDS = frozenset({"State", "GovernmentBody"})


@dataclass
class Actor:
    """A registry entry. ``new`` actors are not in data/actors.ttl and go into the output."""

    iri: str
    kind: str  # local name of its dip: class
    label: str
    aliases: set[str] = field(default_factory=set)  # time-independent surface forms, as written
    nationality: str | None = None  # persons: the IRI of their state (schema:nationality)
    post_in: str | None = None  # posts: the IRI of their state or organisation
    part_of: str | None = None  # organisations: the IRI of the one they belong to
    new: bool = False

    @property
    def is_post(self) -> bool:
        return self.kind in POST_KINDS


@dataclass(frozen=True)
class Period:
    """A time-bound alias (a ``dip:Alias`` node): ``label`` names ``actor`` from ``valid_from``
    to ``valid_until``, both inclusive, either open.

    >>> yang = "https://w3id.org/diplograph/id/yang-jiechi"
    >>> alias = Period(yang, "China's top diplomat", dt.date(2013, 3, 16), dt.date(2022, 12, 31))
    >>> alias.holds_on(dt.date(2021, 3, 18)), alias.holds_on(dt.date(2023, 6, 19))
    (True, False)
    """

    actor: str
    label: str
    valid_from: dt.date | None
    valid_until: dt.date | None

    def holds_on(self, day: dt.date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_until is None or day <= self.valid_until
        )


@dataclass(frozen=True)
class KnownEvent:
    """A curated interaction at which, a curated article's claim says, an agreement was reached
    (the Bali meeting of the two heads of state)."""

    iri: str
    kind: str
    label: str
    participants: tuple[str, ...]
    place: str | None


# Lower-case particles of names written in capitals ("MARIA DE LA CRUZ" is "Maria de la Cruz").
_PARTICLES = frozenset(
    {"de", "da", "di", "do", "dos", "du", "van", "von", "der", "den", "la", "le"}
)


def canonical_name(name: str) -> str:
    """A person's name without initials, honorifics and suffixes; a name in capitals (a
    transcript's speaker label) in the case names are written in.

    >>> canonical_name("Antony J. Blinken"), canonical_name("Surangel Whipps, Jr.")
    ('Antony Blinken', 'Surangel Whipps')
    >>> canonical_name("MARIA DE LA CRUZ")
    'Maria de la Cruz'

    A family name in capitals before the given name, as Japanese readouts write it, keeps its
    place (the order of a name's words never decides who it is: :func:`name_key`):

    >>> canonical_name("HAYASHI Yoshimasa")
    'Hayashi Yoshimasa'
    >>> canonical_name("Teodoro L Locsin"), canonical_name("S Jaishankar")
    ('Teodoro Locsin', 'Jaishankar')
    >>> canonical_name("Lloyd J. Austin III"), canonical_name("LLOYD J. AUSTIN III")
    ('Lloyd Austin III', 'Lloyd Austin III')
    >>> canonical_name("XI JINPING")
    'Xi Jinping'
    """
    words = [w for w in name.replace(",", " ").split() if not _INITIAL.match(w)]
    if len(words) > 2 or (len(words) == 2 and not name.isupper()):
        # an initial without its period: "S Jaishankar", "Teodoro L Locsin"
        words = [w for w in words if not (len(w) == 1 and w.isupper())] or words
    if name.isupper() and any(len(w) > 1 for w in words):
        words = [
            w.lower()
            if w.lower() in _PARTICLES
            else w
            if i and w in _SUFFIXES  # "AUSTIN III", not "XI JINPING"'s "Xi"
            else _capitalized(w)
            for i, w in enumerate(words)
        ]
    elif len(words) > 1:
        words = [
            _capitalized(w)
            if w.isupper() and len(w) > 2 and w.replace("-", "").isalpha() and not _ROMAN.match(w)
            else w
            for w in words
        ]
    return " ".join(words) or name


def _capitalized(word: str) -> str:
    """A word in capitals as names write it, each part of a hyphenated one: "HYUN-DONG" is
    "Hyun-Dong"."""
    return "-".join(part.capitalize() for part in word.split("-"))


def name_key(name: str) -> tuple[str, ...]:
    """A person's name words, hyphens dropped, in any order: "Cho Hyun-dong" is "Cho Hyundong",
    "Kishida Fumio" is "Fumio Kishida".

    >>> name_key("Cho Hyun-dong") == name_key("Cho Hyundong")
    True
    >>> name_key("Kishida Fumio") == name_key("Fumio Kishida")
    True
    """
    return tuple(sorted(word.replace("-", "") for word in normalize(name).split()))


@cache
def _people_index(gazetteer: Gazetteer) -> dict[tuple[str, ...], str]:
    """The gazetteer's ``people`` by :func:`name_key`."""
    return {name_key(canonical_name(name)): state for name, state in gazetteer.people.items()}


class Registry:
    """Every actor the extractor knows, by IRI and by normalised surface form."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.actors: dict[str, Actor] = {}
        self.index: dict[str, list[str]] = {}
        # time-bound aliases: by the IRI of their dip:Alias node, and by normalised label
        self.alias_nodes: dict[str, Period] = {}
        self.periods: dict[str, list[Period]] = {}
        self.events: dict[str, KnownEvent] = {}  # agreement IRI -> the meeting it was reached at
        # the ids of the curated articles (data/articles/*.ttl) -> their file: taken ids
        self.curated_articles: dict[str, Path] = {}

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
        aliases = {iri for iri, kind in kinds.items() if kind == "Alias"}
        for iri, kind in sorted(kinds.items()):
            if iri not in aliases:
                registry.actors[iri] = Actor(iri, kind, "")
        alias_of: dict[str, str] = {}
        facts: dict[str, dict[str, str]] = {iri: {} for iri in aliases}
        for quad in quads:
            subject, predicate, value = quad.subject.value, quad.predicate.value, quad.object.value
            if subject in facts:
                facts[subject].setdefault(predicate, value)
                continue
            actor = registry.actors.get(subject)
            if actor is None:
                continue
            if predicate == RDFS_LABEL:
                actor.label = value
                registry._alias(actor, value)
            elif predicate == SKOS_ALT:
                registry._alias(actor, value)
            elif predicate == SCHEMA_NATIONALITY:
                actor.nationality = value
            elif predicate == ORG_POST_IN:
                actor.post_in = value
            elif predicate == ORG_SUB_ORGANIZATION_OF:
                actor.part_of = value
            elif predicate == DIP + "alias" and value in aliases:
                alias_of[value] = subject
        for iri in sorted(alias_of):
            label = facts[iri].get(RDFS_LABEL)
            if label is None:
                continue
            start, until = facts[iri].get(DIP + "validFrom"), facts[iri].get(DIP + "validUntil")
            period = Period(
                alias_of[iri],
                label,
                dt.date.fromisoformat(start) if start else None,
                dt.date.fromisoformat(until) if until else None,
            )
            registry.alias_nodes[iri] = period
            registry.periods.setdefault(normalize(label), []).append(period)
        return registry

    def add_events(self, paths: Iterable[Path]) -> None:
        """The curated interactions at which, by a ``dip:Claim`` of a curated article
        (data/articles/*.ttl), a registry agreement was reached (``dip:claimProperty
        dip:reachedAt``), so that a text saying it was reached re-reports the same event; and the
        ids of the curated articles, which no extracted article may take."""
        for path in paths:
            quads = list(ox.parse(path=str(path), format=ox.RdfFormat.TURTLE))
            for q in quads:
                if q.predicate.value == SCHEMA_PUBLISHER and q.subject.value.startswith(ARTICLE):
                    self.curated_articles.setdefault(q.subject.value[len(ARTICLE) :], path)
            claims: dict[str, dict[str, str]] = {}
            for q in quads:
                if q.predicate.value in (
                    DIP + "claimSubject",
                    DIP + "claimProperty",
                    DIP + "claimObject",
                ):
                    claims.setdefault(q.subject.value, {})[q.predicate.value] = q.object.value
            reached = sorted(
                (claim[DIP + "claimSubject"], claim[DIP + "claimObject"])
                for claim in claims.values()
                if claim.get(DIP + "claimProperty") == DIP + "reachedAt"
                and DIP + "claimSubject" in claim
                and DIP + "claimObject" in claim
            )
            for agreement, event in reached:
                if agreement not in self.actors or agreement in self.events:
                    continue
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
                self.events[agreement] = KnownEvent(
                    event, kinds[0], labels[0], tuple(people), places[0] if places else None
                )

    def _alias(self, actor: Actor, surface: str) -> None:
        actor.aliases.add(surface)
        iris = self.index.setdefault(normalize(surface), [])
        if actor.iri not in iris:
            iris.append(actor.iri)

    def known_labels(self) -> dict[str, str]:
        """``{surface form: iri}`` of the registry's actors, agreements and principles (not its
        posts); the label of a time-bound alias maps to its ``dip:Alias`` node, which
        :meth:`known` resolves by the article's date."""
        labels: dict[str, str] = {}
        for actor in self.actors.values():
            if actor.new or actor.is_post:
                continue
            for alias in sorted(actor.aliases):
                labels.setdefault(alias, actor.iri)
        for iri, period in sorted(self.alias_nodes.items()):
            labels.setdefault(period.label, iri)
        return labels

    def known(self, iri: str, day: dt.date | None) -> Actor | None:
        """The actor a known phrase (:meth:`known_labels`) names in an article published on
        ``day``: a time-bound alias names the actor whose period holds then, else none."""
        period = self.alias_nodes.get(iri)
        if period is None:
            return self.actors[iri]
        valid = self._valid(period.label, day)
        return self.actors[valid[0]] if valid else None

    def _valid(self, surface: str, day: dt.date | None) -> list[str]:
        """The IRIs of actors a time-bound alias ``surface`` names on ``day`` (none without one)."""
        if day is None:
            return []
        return sorted(
            {p.actor for p in self.periods.get(normalize(surface), []) if p.holds_on(day)}
        )

    def find(self, surface: str, kinds: tuple[str, ...]) -> Actor | None:
        """The actor of one of ``kinds`` that ``surface`` names at all times."""
        for iri in self.index.get(normalize(surface), []):
            if self.actors[iri].kind in kinds:
                return self.actors[iri]
        return None

    def state_of(self, actor: Actor | None) -> Actor | None:
        """The state an organisation or a state belongs to, up ``org:subOrganizationOf``."""
        seen: set[str] = set()
        while actor is not None and actor.iri not in seen:
            if actor.kind == "State":
                return actor
            seen.add(actor.iri)
            actor = self.actors.get(actor.part_of or "")
        return None

    def _mint(self, iri: str, kind: str, label: str, **extra: str | None) -> Actor:
        actor = self.actors.get(iri)
        if actor is None:
            actor = Actor(
                iri,
                kind,
                label,
                new=True,
                nationality=extra.get("nationality"),
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
        found = self.find(label, ORGANIZATION_KINDS)
        if found:
            return found
        for alias in self.gazetteer.organizations.get(label, []):
            found = self.find(alias, ORGANIZATION_KINDS)
            if found:
                return found
        return self._mint(ID + slug(label), "Organization", label)

    def is_group(self, actor: Actor) -> bool:
        """Whether ``actor`` is an unnamed group of people minted by :meth:`group`."""
        return actor.iri.startswith(GROUP)

    def group(self, label: str, scope: str) -> Actor:
        """An unnamed group of people of one article (``scope``), "NUG representatives": a
        dip:Organization of that article only, since nothing tells two such groups apart. A
        group named by its state or organisation ("U.S. officials", "AU observers") belongs to
        it, and so speaks for it."""
        group = self._mint(GROUP + slug(f"{scope} {label}"), "Organization", label)
        if group.part_of is None:
            owner = self._named_first(label)
            group.part_of = owner.iri if owner is not None else None
        return group

    def _named_first(self, label: str) -> Actor | None:
        """The state or organisation whose gazetteer name ``label`` starts with, the longest
        name first: "U.S. delegation" is of the United States, "delegation" of nobody."""
        g = self.gazetteer
        words = label.split()
        while words and words[0].islower():
            words.pop(0)  # "senior Taliban representatives"
        head = " ".join(words)
        named = [
            (len(name), kind, key)
            for kind, table in (("state", g.states), ("organization", g.organizations))
            for key, names in table.items()
            for name in (key, *names)
            if head.startswith(name + " ")
        ]
        if not named:
            return None
        _, kind, key = max(named)
        return self.state(key) if kind == "state" else self.organization(key)

    def ministry(self, state: Actor, name: str, surface: str) -> Actor:
        """The ministry or department ``name`` of ``state`` ("Ministry of Foreign Affairs",
        abbreviated "MFA"), as the text writes it (``surface``: "French MFA")."""
        label = f"{'Ministry of Foreign Affairs' if name == 'MFA' else name} of {state.label}"
        ministry = self.find(label, ORGANIZATION_KINDS) or self._mint(
            ID + slug(label), "GovernmentBody", label
        )
        ministry.part_of = ministry.part_of or state.iri
        self._alias(ministry, surface)
        return ministry

    def official(self, label: str, scope: str, state: Actor | None) -> Actor:
        """An official the text names by post only ("the ASEAN Secretary General"), of one
        article (``scope``): a person labelled by the post."""
        iri = ID + "official/" + slug(f"{scope} {label}")
        return self._mint(iri, "Person", label, nationality=state.iri if state else None)

    def place(self, label: str) -> Actor:
        found = self.find(label, ("Place",))
        return found or self._mint(ID + slug(label), "Place", label)

    def publisher(self, name: str) -> Actor:
        """The registry organisation of this name, of any kind (a government body that publishes
        readouts too), else a new news organisation."""
        found = self.find(name, ORGANIZATION_KINDS)
        if found is not None:
            return found
        iri = ID + slug(name)
        taken = self.actors.get(iri)
        if self.find(name, ("Person",)) or (taken is not None and taken.kind != "NewsOrganization"):
            # a person's name (or another actor's IRI) is never also a news organisation
            iri = ID + "publisher/" + slug(name)
        return self._mint(iri, "NewsOrganization", name)

    def person(self, name: str, state: str | None) -> Actor:
        """The person of this name: known by the full name, else by a unique part, else new (of
        nationality ``state``, the IRI of the state the text gives)."""
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
        if not matches and len(words) > 1:  # "Joseph Biden" is "Joe Biden"
            formal = self._formal_key(canonical)
            matches = [a for a in people if self._formal_key(canonical_name(a.label)) == formal]
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
            and (a.nationality is None or state is None or a.nationality == state)
        ]
        if len(shorter) == 1:
            shorter[0].label = canonical
            self._alias(shorter[0], name)
            return shorter[0]
        iri = ID + slug(canonical)
        if iri in self.actors and self.actors[iri].kind != "Person":
            iri = ID + "person/" + slug(canonical)  # a publisher's name: never typed both
        if state is None and (known := self.nationality_of(canonical)) is not None:
            state = self.state(known).iri
        actor = self._mint(iri, "Person", canonical, nationality=state)
        self._alias(actor, name)
        return actor

    def nationality_of(self, name: str) -> str | None:
        """The gazetteer label of the state the office holder of this full name acts for
        (its ``[people]`` table), in any order of the name's words; None for anyone else.

        >>> registry = Registry.empty()
        >>> registry.nationality_of("Lavrov Sergey"), registry.nationality_of("Lavrov")
        ('Russia', None)
        """
        return _people_index(self.gazetteer).get(name_key(canonical_name(name)))

    def _formal_key(self, name: str) -> tuple[str, ...]:
        """:func:`name_key` with each short given name in its formal form ("Joe" as "Joseph")."""
        given = self.gazetteer.given_names
        return tuple(sorted(given.get(word, word) for word in name_key(name)))

    def post(self, title: str, holder: Actor, where: Actor | None) -> Actor | None:
        """The post ``title`` of a state or organisation (``where``, else the holder's state),
        existing or new; a new post is a dip:StatePost of a state or a government body, a
        dip:PartyPost of a party or a party body, else a dip:Post."""
        place = where
        if place is None and title in self.gazetteer.subnational_titles:
            return None  # "Governor Whitmer": a post of a region the text does not name
        if place is None and holder.nationality:
            place = self.actors[holder.nationality]
        if place is None:
            return None
        title = self.gazetteer.short_titles.get(place.label, {}).get(title, title)
        forms = [f"{place.label} {title}", f"{title} of {place.label}"]
        forms += [f"{alias} {title}" for alias in sorted(place.aliases)]
        forms += [f"{demonym} {title}" for demonym in self.gazetteer.states.get(place.label, [])]
        for form in forms:
            found = self.find(form, POST_KINDS)
            if found:
                return found
        label = f"{title[:1].upper() + title[1:]} of {place.label}"
        kind = (
            "StatePost"
            if place.kind in STATE_KINDS
            else "PartyPost"
            if place.kind in PARTY_KINDS
            else "Post"
        )
        return self._mint(ID + "post/" + slug(label), kind, label, post_in=place.iri)

    def new_actors(self) -> list[Actor]:
        return [self.actors[iri] for iri in sorted(self.actors) if self.actors[iri].new]


def _contains(words: list[str], part: list[str]) -> bool:
    """Whether ``part`` is a contiguous run of ``words``."""
    size = len(part)
    return size > 0 and any(words[i : i + size] == part for i in range(len(words) - size + 1))
