"""The curated gazetteer (``gazetteer.toml``): states, organisations, places, title words, issues.

>>> g = load()
>>> g.states["Germany"]
['German']
>>> "Foreign" in g.title_words
True
"""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from diplograph.errors import DiplographError
from diplograph.extract.text import normalize

PATH = Path(__file__).with_name("gazetteer.toml")


@dataclass(frozen=True, eq=False)
class Gazetteer:
    """What the rule-based extractor knows beyond data/actors.ttl (hashed by identity: the
    tables derived from it are cached per gazetteer)."""

    states: dict[str, list[str]]
    organizations: dict[str, list[str]]
    places: dict[str, str]
    title_words: frozenset[str]
    connectors: frozenset[str]
    honorifics: tuple[str, ...]
    heads: tuple[str, ...]
    inner_honorifics: tuple[str, ...]
    name_particles: frozenset[str]
    roles: tuple[str, ...]
    leaders: frozenset[str]  # titles one person of a state holds at a time ("President")
    publishers: dict[str, str]
    foreign_titles: dict[str, frozenset[str]]  # state label -> titles only other states have
    issues: dict[str, list[str]]
    state_groups: dict[str, list[str]]  # "E3" -> its member states
    # state label -> a title its officials bear without their department -> the full title
    short_titles: dict[str, dict[str, str]] = field(default_factory=dict)
    # titles of a region's or city's officials: no post of the holder's state ("Governor")
    subnational_titles: frozenset[str] = frozenset()
    # a given name's short form -> its formal form, lower case ("joe" -> "joseph")
    given_names: dict[str, str] = field(default_factory=dict)
    # an office holder's full name -> the label of the state they act for ("Sergey Lavrov" ->
    # "Russia"): the state of a person the text names without one
    people: dict[str, str] = field(default_factory=dict)
    # state label -> leading post -> its holders: (name, first day, day the term ended or None)
    office_holders: dict[str, dict[str, list[tuple[str, dt.date, dt.date | None]]]] = field(
        default_factory=dict
    )

    def holder(self, state: str, post: str, day: dt.date) -> str | None:
        """Who held ``post`` of ``state`` on ``day`` (the ``[office_holders]`` table), if known.

        >>> load().holder("United Kingdom", "Prime Minister", dt.date(2023, 6, 28))
        'Rishi Sunak'
        >>> load().holder("United Kingdom", "Prime Minister", dt.date(2022, 10, 25))
        'Rishi Sunak'
        >>> load().holder("Freedonia", "Prime Minister", dt.date(2023, 6, 28)) is None
        True
        """
        for name, start, end in self.office_holders.get(state, {}).get(post, []):
            if start <= day and (end is None or day < end):
                return name
        return None

    def state_called(self, name: str) -> str | None:
        """The label of the state ``name`` is the name or an alias of (normalised), if any.

        >>> load().state_called("German"), load().state_called("Cape Town")
        ('Germany', None)
        """
        wanted = normalize(name)
        for label, names in self.states.items():
            if wanted in (normalize(n) for n in (label, *names)):
                return label
        return None


@cache
def load(path: Path = PATH) -> Gazetteer:
    """The gazetteer at ``path`` (the packaged one by default)."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise DiplographError(f"{path}: {error}") from None
    titles = data["titles"]
    unknown = sorted(set(data.get("people", {})) - set(data["states"]))
    if unknown:
        raise DiplographError(f"{path}: [people]: {unknown[0]!r} is no state of [states]")
    elsewhere = sorted(
        p for p, state in data["places"].items() if state and state not in data["states"]
    )
    if elsewhere:
        place = elsewhere[0]
        raise DiplographError(
            f"{path}: [places]: {place!r} is in {data['places'][place]!r}, no state of [states]"
        )
    return Gazetteer(
        states=data["states"],
        organizations=data["organizations"],
        places=data["places"],
        title_words=frozenset(titles["words"]),
        connectors=frozenset(titles["connectors"]),
        honorifics=tuple(titles["honorifics"]),
        heads=tuple(titles["heads"]),
        inner_honorifics=tuple(titles["inner_honorifics"]),
        name_particles=frozenset(titles["name_particles"]),
        roles=tuple(titles["roles"]),
        leaders=frozenset(titles["leaders"]),
        publishers=data["publishers"],
        foreign_titles={k: frozenset(v) for k, v in data["foreign_titles"].items()},
        issues=data["issues"],
        state_groups=data["state_groups"],
        short_titles=data.get("short_titles", {}),
        subnational_titles=frozenset(titles.get("subnational", [])),
        given_names={
            short.lower(): formal.lower()
            for formal, shorts in data.get("given_names", {}).items()
            for short in shorts
        },
        people={name: state for state, names in data.get("people", {}).items() for name in names},
        office_holders=_office_holders(path, data.get("office_holders", {}), data["states"]),
    )


def _office_holders(
    path: Path, table: dict[str, dict[str, list[list[str]]]], states: dict[str, list[str]]
) -> dict[str, dict[str, list[tuple[str, dt.date, dt.date | None]]]]:
    """The ``[office_holders]`` table with its days parsed; a state not in ``[states]`` or a day
    that is no ISO date is a one-line error naming the entry."""
    parsed: dict[str, dict[str, list[tuple[str, dt.date, dt.date | None]]]] = {}
    for state, posts in table.items():
        if state not in states:
            raise DiplographError(f"{path}: [office_holders]: {state!r} is no state of [states]")
        for post, terms in posts.items():
            for term in terms:
                try:
                    name, start, *end = term
                    days = (dt.date.fromisoformat(start), *map(dt.date.fromisoformat, end))
                except (TypeError, ValueError):
                    raise DiplographError(
                        f"{path}: [office_holders.{state!r}] {post!r}: {term!r} is not "
                        "[name, first day, end day]"
                    ) from None
                parsed.setdefault(state, {}).setdefault(post, []).append(
                    (name, days[0], days[1] if len(days) > 1 else None)
                )
    return parsed
