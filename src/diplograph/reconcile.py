"""Reconciliation (W3C Reconciliation Service API 0.2) of names against the dataset's actors: the
registry's and the extracted ones, each a Person, State or Organization (or a subclass).

**Scoring.** Both strings are normalised (``rapidfuzz.utils.default_process``: lower case,
anything but letters and digits a space, trimmed) and lose the words of titles (:data:`TITLES`:
"President", "Secretary", "the", ...) unless nothing else is left. The similarity of a query and
one name of an actor is ``0.6 * token_set_ratio + 0.4 * token_sort_ratio`` (rapidfuzz, 0 to
100): 100 when the words are the same, high when one name's words are all in the other
("Blinken" in "Antony Blinken"), the sort ratio telling the full name from a part of it. The
names of an actor are its ``rdfs:label``, its ``skos:altLabel``\\ s and its aliases
(``dip:alias``): an alias counts only within its period (``dip:validFrom`` to
``dip:validUntil``) when the query gives a ``date`` property (``YYYY-MM-DD``), and at 0.9 of its
similarity when it gives none. An actor's score is its best name's, rounded to one decimal;
candidates score at least :data:`CUTOFF`, best first, then by label and IRI. A candidate is a
``match`` when it alone scores 100.

>>> similarity("Blinken", "Antony Blinken"), similarity("Secretary Blinken", "secretary  blinken")
(86.7, 100.0)
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pyoxigraph as ox
from rapidfuzz import fuzz, process, utils

from diplograph import __version__, select
from diplograph.errors import DiplographError
from diplograph.vocab import DIP, ID, sparql_prefixes

TYPES = {"Person": DIP + "Person", "State": DIP + "State", "Organization": DIP + "Organization"}
CUTOFF = 60.0
ALIAS_WITHOUT_DATE = 0.9
BATCH_SIZE = 50
MAX_QUERY_CHARS = 200
MAX_KEY_CHARS = 100
MAX_LIMIT = 25
DEFAULT_LIMIT = 5
MAX_PROPERTIES = 10
MAX_TYPES = 10
SUGGESTIONS = 10
MAX_CURSOR = 1000
QUERY_FIELDS = frozenset({"query", "type", "limit", "properties", "type_strict"})
# Words of titles and honorifics, left out when names are compared ("President Abbas" is Abbas).
TITLES = frozenset(
    {
        "the", "mr", "mrs", "ms", "dr", "president", "vice", "deputy", "prime", "minister",
        "secretary", "director", "ambassador", "chairman", "spokesperson", "king", "queen",
    }
)  # fmt: skip

_PREFIXES = sparql_prefixes("dip", "rdfs", "skos", "org", "schema")
ACTORS = (
    _PREFIXES
    + """SELECT ?actor ?type (MIN(?name) AS ?label) (MIN(STR(?class)) AS ?kind)
       (MIN(?nationLabel) AS ?nation) (MIN(?parentLabel) AS ?parent) (MIN(STR(?same)) AS ?wikidata)
WHERE {
  VALUES ?type { dip:Person dip:State dip:Organization }
  ?actor a ?class . ?class rdfs:subClassOf* ?type .
  ?actor rdfs:label ?name .
  OPTIONAL { ?actor schema:nationality/rdfs:label ?nationLabel }
  OPTIONAL { ?actor org:subOrganizationOf/rdfs:label ?parentLabel }
  OPTIONAL { ?actor schema:sameAs ?same
             FILTER STRSTARTS(STR(?same), "http://www.wikidata.org/entity/") }
}
GROUP BY ?actor ?type"""
)
NAMES = (
    _PREFIXES
    + """SELECT DISTINCT ?actor ?name ?from ?until WHERE {
  { ?actor skos:altLabel ?name }
  UNION
  { ?actor dip:alias ?alias . ?alias rdfs:label ?name .
    OPTIONAL { ?alias dip:validFrom ?start } OPTIONAL { ?alias dip:validUntil ?stop }
    BIND (COALESCE(STR(?start), "0001-01-01") AS ?from)
    BIND (COALESCE(STR(?stop), "9999-12-31") AS ?until) }
}"""
)


class BadRequest(DiplographError):
    """A reconciliation request that does not follow the API (answered with 400)."""


def normal(text: str) -> str:
    """The normal form names are compared in.

    >>> normal("  U.S. Secretary-of-State ")
    'u s secretary of state'
    """
    return str(utils.default_process(text))


def untitled(text: str) -> str:
    """A normalised name without the titles in :data:`TITLES`.

    >>> untitled("President Mahmoud Abbas"), untitled("the Secretary")
    ('mahmoud abbas', '')
    """
    return " ".join(word for word in normal(text).split() if word not in TITLES)


def similarity(query: str, name: str) -> float:
    """How alike a query and a name are, from 0 to 100 (see the module's docstring)."""
    a, b = untitled(query), untitled(name)
    if not a or not b:  # a title alone ("the Secretary") is compared as it is
        a, b = normal(query), normal(name)
    if not a or not b:
        return 0.0
    return round(0.6 * fuzz.token_set_ratio(a, b) + 0.4 * fuzz.token_sort_ratio(a, b), 1)


@dataclass(frozen=True)
class Name:
    """A name of an actor; an alias holds only from ``start`` to ``end`` (ISO dates)."""

    text: str
    alias: bool = False
    start: str = "0001-01-01"
    end: str = "9999-12-31"

    def weight(self, date: str | None) -> float:
        """What this name's similarity counts for on ``date`` (None: no date given)."""
        if not self.alias:
            return 1.0
        if date is None:
            return ALIAS_WITHOUT_DATE
        return 1.0 if self.start <= date <= self.end else 0.0


@dataclass(frozen=True)
class Entity:
    """An actor as the service shows it."""

    iri: str
    label: str
    type: str  # Person, State or Organization
    kind: str  # its most specific class's local name, e.g. GovernmentBody
    names: tuple[Name, ...]
    description: str
    wikidata: str | None

    def score(self, query: str, date: str | None) -> float:
        return max(
            (round(similarity(query, n.text) * n.weight(date), 1) for n in self.names), default=0.0
        )

    def typed(self) -> dict[str, str]:
        return {"id": TYPES[self.type], "name": self.type}


class Registry:
    """The actors to reconcile against, read from a dataset by SPARQL."""

    def __init__(self, entities: Sequence[Entity]) -> None:
        self.entities = sorted(entities, key=lambda e: e.iri)
        self.by_iri = {entity.iri: entity for entity in self.entities}
        owners = [(name.text, entity) for entity in self.entities for name in entity.names]
        self.titled = [(normal(text), e) for text, e in owners if not untitled(text)]
        self.untitled = [(untitled(text), e) for text, e in owners if untitled(text)]

    def shortlist(self, text: str) -> set[str]:
        """The IRIs of the actors that may score :data:`CUTOFF` or more for ``text``: those with a
        name whose token-set ratio reaches ``(CUTOFF - 40) / 0.6`` (the score is at most
        ``0.6 * token_set_ratio + 40``), found by rapidfuzz's C loop rather than one Python
        call per name."""
        floor = (CUTOFF - 40) / 0.6
        bare, plain = untitled(text), normal(text)
        groups = (
            [(bare, self.untitled), (plain, self.titled)]
            if bare
            else [(plain, self.untitled + self.titled)]
        )
        found: set[str] = set()
        for query, names in groups:
            matches = process.extract(
                query,
                [n for n, _ in names],
                scorer=fuzz.token_set_ratio,
                score_cutoff=floor,
                limit=None,
            )
            found.update(names[index][1].iri for _, _, index in matches)
        return found

    @classmethod
    def from_store(cls, store: ox.Store) -> Registry:
        names: dict[str, set[Name]] = {}
        for row in select.rows(store, NAMES):
            alias = row["from"] is not None
            name = Name(
                row["name"] or "", alias, row["from"] or "0001-01-01", row["until"] or "9999-12-31"
            )
            names.setdefault(row["actor"] or "", set()).add(name)
        entities: dict[str, Entity] = {}
        found = select.rows(store, ACTORS)
        for row in sorted(found, key=lambda r: (r["actor"] or "", r["type"] or "")):
            iri, label = row["actor"] or "", row["label"] or ""
            kind = (row["kind"] or "").rpartition("#")[2]
            described = [kind]
            if row["nation"]:
                described.append(row["nation"])
            if row["parent"]:
                described.append(f"part of {row['parent']}")
            own = names.get(iri, set())
            entity = Entity(
                iri,
                label,
                (row["type"] or "").rpartition("#")[2],
                kind,
                (
                    Name(label),
                    *sorted(own - {Name(label)}, key=lambda n: (n.alias, n.text, n.start)),
                ),
                ", ".join(described),
                row["wikidata"],
            )
            entities.setdefault(iri, entity)  # an actor of two types keeps the first type's IRI
        return cls(list(entities.values()))

    def candidates(self, query: Query) -> list[dict[str, Any]]:
        """The candidates for one query, as the API's result objects."""
        shortlist = self.shortlist(query.text)
        found = [
            (score, entity)
            for entity in self.entities
            if entity.iri in shortlist
            and query.accepts(entity)
            and (score := entity.score(query.text, query.date)) >= CUTOFF
        ]
        found.sort(key=lambda pair: (-pair[0], pair[1].label, pair[1].iri))
        exact = sum(1 for score, _ in found if score == 100.0)
        return [
            {
                "id": entity.iri,
                "name": entity.label,
                "description": entity.description,
                "score": score,
                "match": score == 100.0 and exact == 1,
                "type": [entity.typed()],
            }
            for score, entity in found[: query.limit]
        ]

    def suggest(self, prefix: str, cursor: int) -> list[dict[str, Any]]:
        """Entities one of whose names has words starting with every word of ``prefix``."""
        words = normal(prefix).split()
        if not words:
            return []

        def fits(name: str) -> bool:
            tokens = normal(name).split()
            return all(any(t.startswith(w) for t in tokens) for w in words)

        found = [e for e in self.entities if any(fits(n.text) for n in e.names)]
        found.sort(key=lambda e: (not normal(e.label).startswith(" ".join(words)), e.label, e.iri))
        return [
            {"id": e.iri, "name": e.label, "description": e.description, "notable": [e.typed()]}
            for e in found[cursor : cursor + SUGGESTIONS]
        ]


def suggest_types(prefix: str) -> list[dict[str, str]]:
    """The reconciliation types whose name starts with ``prefix`` (case-insensitive)."""
    wanted = normal(prefix)
    return [
        {"id": iri, "name": name} for name, iri in TYPES.items() if normal(name).startswith(wanted)
    ]


def manifest(base: str) -> dict[str, Any]:
    """The service manifest for a server at ``base`` (ending in ``/``)."""
    service = base + "reconcile"
    return {
        "versions": ["0.2"],
        "name": "diplograph actors",
        "identifierSpace": ID,
        "schemaSpace": DIP,
        "serviceVersion": __version__,
        "defaultTypes": [{"id": iri, "name": name} for name, iri in TYPES.items()],
        "view": {"url": service + "/view?id={{id}}"},
        "preview": {"url": service + "/preview?id={{id}}", "width": 420, "height": 200},
        "suggest": {
            "entity": {"service_url": service, "service_path": "/suggest/entity"},
            "type": {"service_url": service, "service_path": "/suggest/type"},
            "property": {"service_url": service, "service_path": "/suggest/property"},
        },
        "batchSize": BATCH_SIZE,
    }


PROPERTIES = [{"id": "date", "name": "date (YYYY-MM-DD) on which the name was used"}]


@dataclass(frozen=True)
class Query:
    """One reconciliation query, checked."""

    text: str
    types: frozenset[str] = frozenset()
    limit: int = DEFAULT_LIMIT
    date: str | None = None

    def accepts(self, entity: Entity) -> bool:
        return not self.types or TYPES[entity.type] in self.types

    @classmethod
    def parse(cls, key: str, value: object) -> Query:
        """A query from its JSON object (or a bare string); :class:`BadRequest` naming ``key``
        and the field when it breaks the API's query schema or our limits."""
        if isinstance(value, str):
            value = {"query": value}
        if not isinstance(value, dict):
            raise BadRequest(f"query {key!r}: not a JSON object")
        unknown = sorted(set(value) - QUERY_FIELDS)
        if unknown:
            raise BadRequest(f"query {key!r}: unknown field {unknown[0]!r}")
        text = value.get("query", "")
        if not isinstance(text, str):
            raise BadRequest(f"query {key!r}: `query` is not a string")
        if len(text) > MAX_QUERY_CHARS:
            raise BadRequest(f"query {key!r}: `query` is longer than {MAX_QUERY_CHARS} characters")
        return cls(
            text,
            _types(key, value.get("type"), value.get("type_strict", "any")),
            _limit(key, value.get("limit", DEFAULT_LIMIT)),
            _date(key, value.get("properties", []), "query" in value),
        )


def _types(key: str, given: object, strict: object) -> frozenset[str]:
    if strict not in ("any", "all", "should"):
        raise BadRequest(f"query {key!r}: `type_strict` is not any, all or should")
    listed = [given] if isinstance(given, str) else given if given is not None else []
    if not isinstance(listed, list) or not all(isinstance(n, str) for n in listed):
        raise BadRequest(f"query {key!r}: `type` is not a string or a list of strings")
    if len(listed) > MAX_TYPES:
        raise BadRequest(f"query {key!r}: more than {MAX_TYPES} types")
    if strict == "should":
        return frozenset()  # a preference only: every type stays a candidate
    names: list[str] = listed
    return frozenset(TYPES.get(name.removeprefix("dip:"), name) for name in names)


def _limit(key: str, limit: object) -> int:
    if (
        isinstance(limit, bool)
        or not isinstance(limit, int | float)
        or limit != int(limit)
        or limit < 1
    ):
        raise BadRequest(f"query {key!r}: `limit` is not a positive integer")
    return min(int(limit), MAX_LIMIT)


def _date(key: str, properties: object, has_text: bool) -> str | None:
    if not isinstance(properties, list) or len(properties) > MAX_PROPERTIES:
        raise BadRequest(f"query {key!r}: `properties` is not a list of at most {MAX_PROPERTIES}")
    if not has_text and not properties:
        raise BadRequest(f"query {key!r}: give `query` or `properties`")
    date = None
    for item in properties:
        if not isinstance(item, dict) or not isinstance(item.get("pid"), str) or "v" not in item:
            raise BadRequest(f"query {key!r}: a property is not an object with `pid` and `v`")
        if item["pid"] != "date":
            continue  # other properties are not used in scoring
        value = item["v"][0] if isinstance(item["v"], list) and item["v"] else item["v"]
        try:
            date = (
                datetime.date.fromisoformat(value).isoformat() if isinstance(value, str) else None
            )
        except ValueError:
            date = None
        if date is None:
            raise BadRequest(f"query {key!r}: property `date` is not a date YYYY-MM-DD")
    return date


def reconcile(registry: Registry, batch: object) -> dict[str, dict[str, Any]]:
    """Answer a query batch (a JSON object of queries by key) with a result batch."""
    if not isinstance(batch, dict):
        raise BadRequest("`queries` is not a JSON object of queries")
    if len(batch) > BATCH_SIZE:
        raise BadRequest(f"more than {BATCH_SIZE} queries in one batch")
    for key in batch:
        if len(key) > MAX_KEY_CHARS:
            raise BadRequest(f"a query key is longer than {MAX_KEY_CHARS} characters")
    queries = {key: Query.parse(key, value) for key, value in batch.items()}
    return {key: {"result": registry.candidates(query)} for key, query in queries.items()}


def preview_context(entity: Entity, page: str) -> Mapping[str, object]:
    """What the preview template shows of ``entity``; ``page``: the URL of its page."""
    return {"entity": entity, "page": page, "others": entity.names[1:]}
