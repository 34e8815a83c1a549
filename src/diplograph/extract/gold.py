"""Scoring extraction against the hand-made gold annotations of ``tests/gold/`` (the format is
``tests/gold/README.md``, the contract).

:func:`load_gold` reads and checks one gold file against its corpus record: every quote an exact
substring of the text (its ``occurrence``-th one), every key resolving; a bad file raises a
:class:`~diplograph.errors.DiplographError` naming the file and the field. :func:`score_article`
aligns one article's :class:`~diplograph.extract.model.Extraction` with its gold, one to one per
item kind, and counts true positives, false positives (extracted items matching nothing) and false
negatives; :func:`score_split` micro-averages over the articles of a split.

**Actors.** Each extracted actor is mapped to at most one gold actor key (:class:`ActorMap`): by its
label, else by any of its forms (label, the registry's aliases, the gazetteer's other names of a
state or an organisation) equal to the gold label or a gold surface form, else by one name's words
contained in the other's; forms are compared case- and diacritic-blind, in any word order, without
hyphens, "the", initials and honorifics (:func:`name_key`). A gold ``Group`` matches an extracted
organisation whose label shares a word with it. Type must agree (a Person with a Person, a State
with a State, an Organization or a Group with an organisation); a match by containment or shared
word is taken only for a gold actor no closer match took. An extracted actor mapped to nothing
keeps its label, so that it equals no gold actor.

**Alignment.** Within an article gold and extracted items are paired one to one by a maximum-weight
assignment: first as many pairs as possible among the candidate pairs, then the pairs that agree on
more fields. Unpaired extracted items are false positives, unpaired gold items false negatives.

- *Interactions*, with the earlier events the extractor re-reports (``known``; the gold lists an
  earlier meeting the text cites as an interaction and as a reference): a candidate pair shares
  evidence (the extracted sentence overlaps the gold quote) or half its participants (Jaccard ≥
  0.5). ``interactions`` counts the pairs; ``interactions strict`` the pairs with type equal
  (PhoneCall, VideoCall and Call are distinct), participant set equal under the actor map, date
  equal (a day, or start and end; none = none) and place equal (first comma-part of the label,
  or of an alias of a visit's host state: "China" of "People's Republic of China"; none = none).
  Per field, ``type``, ``date``, ``place`` count the pairs where it is equal
  (precision over all extracted interactions, recall over all gold ones), ``participants`` the
  (interaction, participant) pairs.
- *The main interaction* of a readout, gold interaction 0 against the extractor's main one (the
  first not a visit, :func:`diplograph.extract.evaluate.main_interaction`), is right when its type,
  its participants and its date are. A readout has an *invented participant* when a participant of
  any extracted interaction maps to no gold actor.
- *Statements*: the extractor writes one statement per speaker; those with the same kind and
  evidence are one item with several speakers. The item's span is its first evidence span (the
  demanded action of a demand, else the sentence). It *detects* a gold statement when the overlap
  of span and quote is at least half the shorter of the two (:func:`detects`): a sentence-level
  extraction detects each clause-level gold statement of its sentence, but the one-to-one
  assignment gives it only one. ``statements detected`` counts the pairs, ``statement speakers``
  the pairs whose speaker sets are equal, ``statement kind`` those whose kinds are, ``statements
  strict`` those with both.
- *Stances*: (holder, polarity, issue) triples, each once per article; the extracted issue is the
  local name of its ``code:issue`` concept, or the slug of the label of the cited agreement or
  principle (or of its IRI's local name).
- *References*: what the statements cite and what the narrator names outside them (the
  article's mentions: the gold's references with an empty ``cited_by``; who cites is not
  compared) — agreements, principles, and earlier interactions when the text names them — each
  once per article by normalised label. A pair matches when the labels'
  content words (:func:`content_words`) are equal, one set contains the other, or they share at
  least half (Jaccard ≥ 0.5), and the categories agree (:data:`REFERENCE_CATEGORIES`).
- *Posts*: the holder maps to the gold person, the post label equals the gold post once the
  organisation's name is taken off ("Foreign Minister of Peru", "Peruvian Foreign Minister" →
  "Foreign Minister", :func:`bare_post`), and the post's organisation, or one it belongs to
  (the State Council's post is a post of China), maps to the gold organisation (not checked when
  the gold gives none).

>>> Counts(8, 2, 0).precision, Counts(8, 2, 0).recall, round(Counts(8, 2, 0).f1, 3)
(0.8, 1.0, 0.889)
>>> detects((10, 40), (20, 30)), detects((0, 100), (90, 120)), detects((0, 10), (4, 30))
(True, False, True)
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from diplograph.errors import DiplographError
from diplograph.extract.actors import ORGANIZATION_KINDS, Actor
from diplograph.extract.corpus import Article
from diplograph.extract.evaluate import main_interaction
from diplograph.extract.gazetteer import Gazetteer, load
from diplograph.extract.model import (
    INTERACTION_KINDS,
    Extraction,
    Interaction,
    Statement,
)
from diplograph.extract.text import normalize, slug
from diplograph.vocab import CODE, STATEMENT_KINDS

ACTOR_TYPES = ("Person", "State", "Organization", "Group")
REFERENCE_TYPES = (
    "Agreement",
    "Principle",
    "Summit",
    "Conference",
    "Initiative",
    "WorkingGroup",
    "Organization",
    "Interaction",
)
POLARITIES = ("support", "oppose")
# Which gold reference types and extracted kinds are the same kind of cited item.
REFERENCE_CATEGORIES = {
    "Agreement": "agreement",
    "JointCommunique": "agreement",
    "Consensus": "agreement",
    "Agenda": "agreement",
    "Principle": "principle",
    "Summit": "event",
    "Conference": "event",
    "Interaction": "event",
    "Meeting": "event",
    "Talks": "event",
    "PhoneCall": "event",
    "VideoCall": "event",
    "Visit": "event",
    "Initiative": "framework",
    "WorkingGroup": "framework",
    **dict.fromkeys(ORGANIZATION_KINDS, "organization"),
}

# The item kinds and fields scored, in the order the tables show them.
INTERACTIONS = "interactions"
INTERACTIONS_STRICT = "interactions strict"
PARTICIPANTS = "interaction participants"
TYPE = "interaction type"
DATE = "interaction date"
PLACE = "interaction place"
DETECTED = "statements detected"
SPEAKERS = "statement speakers"
KIND = "statement kind"
STATEMENTS_STRICT = "statements strict"
STANCES = "stances"
REFERENCES = "references"
POSTS = "posts"
METRICS = (
    INTERACTIONS,
    INTERACTIONS_STRICT,
    PARTICIPANTS,
    TYPE,
    DATE,
    PLACE,
    DETECTED,
    SPEAKERS,
    KIND,
    STATEMENTS_STRICT,
    STANCES,
    REFERENCES,
    POSTS,
)
MAIN = "main interaction"
INVENTED = "readouts with an invented participant"


@dataclass(frozen=True)
class Target:
    """A target of the issue "Extraction that holds on text it has never seen", on the test split:
    the F1 of a metric, or the rate of :data:`MAIN` (at least) or :data:`INVENTED` (below)."""

    metric: str
    value: float

    @property
    def at_most(self) -> bool:
        return self.metric == INVENTED

    def met(self, measured: float) -> bool:
        return measured < self.value if self.at_most else measured >= self.value

    def __str__(self) -> str:
        return f"{'<' if self.at_most else '≥'} {self.value:.0%}"


TARGETS = (
    Target(STATEMENTS_STRICT, 0.80),
    Target(INTERACTIONS_STRICT, 0.90),
    Target(MAIN, 0.98),
    Target(STANCES, 0.60),
    Target(REFERENCES, 0.60),
    Target(POSTS, 0.80),
    Target(INVENTED, 0.01),
)


# --- the gold records ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Quote:
    """A quote of the article and where it is: ``text[start:end]``."""

    text: str
    start: int
    end: int

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)


@dataclass(frozen=True)
class GoldActor:
    key: str
    label: str
    type: str  # one of ACTOR_TYPES
    state: str | None = None
    surface: tuple[str, ...] = ()


@dataclass(frozen=True)
class GoldInteraction:
    key: str
    type: str  # one of INTERACTION_KINDS
    participants: tuple[str, ...]
    quote: Quote
    date: dt.date | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    place: str | None = None
    planned: bool = False
    part_of: str | None = None
    setting: str | None = None

    @property
    def when(self) -> tuple[dt.date | None, dt.date | None]:
        """The date as the scores compare it: (day, None), (start, end), or (None, None)."""
        return (self.date, None) if self.date is not None else (self.start, self.end)


@dataclass(frozen=True)
class GoldStatement:
    speakers: tuple[str, ...]
    kind: str  # one of STATEMENT_KINDS
    quote: Quote
    on_behalf_of: str | None = None
    addressees: tuple[str, ...] = ()
    target: str | None = None
    interaction: str | None = None
    cameo: str | None = None


@dataclass(frozen=True)
class GoldStance:
    holder: str
    polarity: str
    issue: str
    quote: Quote
    statement: int | None = None


@dataclass(frozen=True)
class GoldReference:
    label: str
    type: str  # one of REFERENCE_TYPES
    quote: Quote
    cited_by: tuple[str, ...] = ()
    statement: int | None = None


@dataclass(frozen=True)
class GoldPost:
    person: str
    post: str
    quote: Quote
    organization: str | None = None


@dataclass(frozen=True)
class Gold:
    """One gold file, checked against its article."""

    id: str
    path: Path
    article: Article
    actors: dict[str, GoldActor]
    interactions: tuple[GoldInteraction, ...] = ()
    statements: tuple[GoldStatement, ...] = ()
    stances: tuple[GoldStance, ...] = ()
    references: tuple[GoldReference, ...] = ()
    posts: tuple[GoldPost, ...] = ()
    notes: str = ""


# --- loading and checking ------------------------------------------------------------------------


class _Reader:
    """Typed access to the fields of one gold file; every error names the file and the field."""

    def __init__(self, path: Path, text: str) -> None:
        self.path = path
        self.text = text

    def fail(self, where: str, problem: str) -> DiplographError:
        return DiplographError(f"{self.path}: {where}: {problem}")

    def list(self, row: Mapping[str, Any], name: str, where: str) -> list[Any]:
        value = row.get(name, [])
        if not isinstance(value, list):
            raise self.fail(f"{where}{name}", "not a list")
        return value

    def object(self, value: Any, where: str) -> Mapping[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(where, "not a JSON object")
        return value

    def string(self, row: Mapping[str, Any], name: str, where: str, optional: bool = False) -> Any:
        value = row.get(name)
        if value is None and optional:
            return None
        if not isinstance(value, str) or not value.strip():
            raise self.fail(f"{where}.{name}", "missing or not a non-empty string")
        return value

    def key(
        self, row: Mapping[str, Any], name: str, where: str, keys: Iterable[str], optional: bool
    ) -> str | None:
        value: str | None = self.string(row, name, where, optional)
        if value is not None and value not in keys:
            raise self.fail(f"{where}.{name}", f"unknown key {value!r}")
        return value

    def keys(
        self,
        row: Mapping[str, Any],
        name: str,
        where: str,
        keys: Iterable[str],
        required: bool = False,
    ) -> tuple[str, ...]:
        values = self.list(row, name, where + ".")
        known = set(keys)
        for number, value in enumerate(values):
            if not isinstance(value, str) or value not in known:
                raise self.fail(f"{where}.{name}[{number}]", f"unknown key {value!r}")
        if required and not values:
            raise self.fail(f"{where}.{name}", "empty")
        return tuple(values)

    def choice(self, row: Mapping[str, Any], name: str, where: str, allowed: Sequence[str]) -> str:
        value: str = self.string(row, name, where)
        if value not in allowed:
            raise self.fail(f"{where}.{name}", f"{value!r} is none of {', '.join(allowed)}")
        return value

    def date(self, row: Mapping[str, Any], name: str, where: str) -> dt.date | None:
        value = row.get(name)
        if value is None:
            return None
        try:
            return dt.date.fromisoformat(value)
        except (TypeError, ValueError):
            raise self.fail(f"{where}.{name}", f"not a date YYYY-MM-DD: {value!r}") from None

    def index(self, row: Mapping[str, Any], name: str, where: str, size: int) -> int | None:
        value = row.get(name)
        if value is None:
            return None
        if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value < size:
            raise self.fail(f"{where}.{name}", f"not a statement index 0..{size - 1}: {value!r}")
        return value

    def quote(self, row: Mapping[str, Any], where: str) -> Quote:
        quote: str = self.string(row, "quote", where)
        occurrence = row.get("occurrence", 1)
        if not isinstance(occurrence, int) or isinstance(occurrence, bool) or occurrence < 1:
            raise self.fail(f"{where}.occurrence", f"not a number from 1: {occurrence!r}")
        at = -1
        for number in range(occurrence):
            at = self.text.find(quote, at + 1)
            if at < 0:
                problem = (
                    "not a substring of the article's text"
                    if number == 0
                    else f"occurs {number} time(s), not {occurrence}"
                )
                raise self.fail(f"{where}.quote", f"{problem}: {_short(quote)!r}")
        return Quote(quote, at, at + len(quote))


def load_gold(path: Path, article: Article) -> Gold:
    """The gold file ``path`` for ``article``, checked: ids and publication date agree, keys
    resolve, types are known, every quote is in the text."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise DiplographError(f"{path}: cannot read: {error.strerror}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise DiplographError(f"{path}: not JSON: {error}") from None
    r = _Reader(path, article.text)
    top = r.object(data, "file")
    identifier = r.string(top, "id", "file")
    if identifier != path.stem:
        raise r.fail("id", f"{identifier!r} is not the file's name {path.stem!r}")
    if identifier != article.id:
        raise r.fail("id", f"{identifier!r} is not the article's id {article.id!r}")
    published = r.date(top, "published", "file")
    if published is not None and published != article.published:
        raise r.fail("published", f"{published} is not the article's {article.published}")
    actors: dict[str, GoldActor] = {}
    for n, value in enumerate(r.list(top, "actors", "")):
        where = f"actors[{n}]"
        row = r.object(value, where)
        key = r.string(row, "key", where)
        if key in actors:
            raise r.fail(f"{where}.key", f"duplicate key {key!r}")
        surface = r.list(row, "surface", where + ".")
        if not all(isinstance(s, str) for s in surface):
            raise r.fail(f"{where}.surface", "not a list of strings")
        actors[key] = GoldActor(
            key,
            r.string(row, "label", where),
            r.choice(row, "type", where, ACTOR_TYPES),
            row.get("state") if isinstance(row.get("state"), str) else None,
            tuple(surface),
        )
    for n, value in enumerate(r.list(top, "actors", "")):
        r.key(value, "state", f"actors[{n}]", actors, optional=True)
    interaction_keys = [
        str(value.get("key"))
        for value in r.list(top, "interactions", "")
        if isinstance(value, dict)
    ]
    interactions = []
    for n, value in enumerate(r.list(top, "interactions", "")):
        where = f"interactions[{n}]"
        row = r.object(value, where)
        key = r.string(row, "key", where)
        if interaction_keys.count(key) > 1:
            raise r.fail(f"{where}.key", f"duplicate key {key!r}")
        interactions.append(
            GoldInteraction(
                key,
                r.choice(row, "type", where, INTERACTION_KINDS),
                r.keys(row, "participants", where, actors),
                r.quote(row, where),
                r.date(row, "date", where),
                r.date(row, "start", where),
                r.date(row, "end", where),
                r.string(row, "place", where, optional=True),
                bool(row.get("planned", False)),
                r.key(row, "part_of", where, interaction_keys, optional=True),
                r.string(row, "setting", where, optional=True),
            )
        )
    statements = []
    for n, value in enumerate(r.list(top, "statements", "")):
        where = f"statements[{n}]"
        row = r.object(value, where)
        statements.append(
            GoldStatement(
                r.keys(row, "speakers", where, actors, required=True),
                r.choice(row, "kind", where, STATEMENT_KINDS),
                r.quote(row, where),
                r.key(row, "on_behalf_of", where, actors, optional=True),
                r.keys(row, "addressees", where, actors),
                r.key(row, "target", where, actors, optional=True),
                r.key(row, "interaction", where, interaction_keys, optional=True),
                r.string(row, "cameo", where, optional=True),
            )
        )
    size = len(statements)
    stances = []
    for n, value in enumerate(r.list(top, "stances", "")):
        where = f"stances[{n}]"
        row = r.object(value, where)
        holder = r.key(row, "holder", where, actors, optional=False)
        assert holder is not None
        stances.append(
            GoldStance(
                holder,
                r.choice(row, "polarity", where, POLARITIES),
                r.string(row, "issue", where),
                r.quote(row, where),
                r.index(row, "statement", where, size),
            )
        )
    references = []
    for n, value in enumerate(r.list(top, "references", "")):
        where = f"references[{n}]"
        row = r.object(value, where)
        references.append(
            GoldReference(
                r.string(row, "label", where),
                r.choice(row, "type", where, REFERENCE_TYPES),
                r.quote(row, where),
                r.keys(row, "cited_by", where, actors),
                r.index(row, "statement", where, size),
            )
        )
    posts = []
    for n, value in enumerate(r.list(top, "posts", "")):
        where = f"posts[{n}]"
        row = r.object(value, where)
        person = r.key(row, "person", where, actors, optional=False)
        assert person is not None
        posts.append(
            GoldPost(
                person,
                r.string(row, "post", where),
                r.quote(row, where),
                r.key(row, "organization", where, actors, optional=True),
            )
        )
    notes = top.get("notes")
    return Gold(
        identifier,
        path,
        article,
        actors,
        tuple(interactions),
        tuple(statements),
        tuple(stances),
        tuple(references),
        tuple(posts),
        notes if isinstance(notes, str) else "",
    )


SPLITS = ("dev", "test")


def read_splits(folder: Path) -> dict[str, list[str]]:
    """``splits.json`` of a gold folder: the article ids of each split."""
    path = folder / "splits.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise DiplographError(f"{path}: cannot read: {error.strerror}") from None
    except json.JSONDecodeError as error:
        raise DiplographError(f"{path}: not JSON: {error}") from None
    splits: dict[str, list[str]] = {}
    for name in SPLITS:
        ids = data.get(name) if isinstance(data, dict) else None
        if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
            raise DiplographError(f"{path}: {name}: not a list of article ids")
        splits[name] = ids
    return splits


@dataclass
class GoldSplit:
    """The gold files of one split: those present, and the ids listed but without a file yet."""

    name: str
    golds: list[Gold]
    missing: list[str]  # ids of splits.json without a file
    unlisted: list[str]  # files of the folder whose id splits.json does not list here


def load_split(folder: Path, name: str, articles: Mapping[str, Article]) -> GoldSplit:
    """Every gold file of ``folder/name/`` (``articles``: the corpus by id), checked."""
    listed = read_splits(folder)[name]
    golds: list[Gold] = []
    unlisted: list[str] = []
    for path in sorted((folder / name).glob("*.json")):
        if path.stem not in listed:
            unlisted.append(path.stem)
            continue
        article = articles.get(path.stem)
        if article is None:
            raise DiplographError(f"{path}: id: {path.stem!r} is not an article of the corpus")
        golds.append(load_gold(path, article))
    present = {g.id for g in golds}
    return GoldSplit(name, golds, [i for i in listed if i not in present], unlisted)


# --- normalising names ---------------------------------------------------------------------------

_HONORIFICS = frozenset(
    ("mr", "mrs", "ms", "miss", "dr", "sir", "dame", "madam", "his", "her", "excellency", "he")
) | frozenset(("hrh", "hm", "royal", "highness", "sheikh", "sheikha"))
_STOP = frozenset(["the", "of", "and", "for", "a", "an", "in", "on", "to", "at", "by", "with", "s"])


def fold(text: str) -> str:
    """Lower case, accents and periods removed, apostrophes of both kinds one.

    >>> fold("Carlos França"), fold("U.S. Secretary"), fold("People\u2019s Republic")
    ('carlos franca', 'us secretary', "people's republic")
    """
    plain = unicodedata.normalize("NFKD", text.replace("\u2018", "'"))
    return normalize("".join(c for c in plain if not unicodedata.combining(c)))


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", fold(text).replace("'s ", " ").replace("-", " "))


def name_form(name: str) -> str:
    """A name as actor matching compares it: folded, no "the", initials, honorifics or
    possessive.

    >>> name_form("Secretary Antony J. Blinken") == name_form("secretary antony blinken")
    True
    >>> name_form("the United States"), name_form("H.E. Dr. Jean-Yves Le Drian")
    ('united states', 'jean yves le drian')
    """
    words = [w for w in _words(name) if len(w) > 1 or w.isdigit()]
    while words and words[0] in ("the", *_HONORIFICS):
        words = words[1:]
    return " ".join(w for w in words if w not in _HONORIFICS)


def name_key(name: str) -> tuple[str, ...]:
    """The words of :func:`name_form` in any order, hyphens dropped: "Hayashi Yoshimasa" is
    "Yoshimasa Hayashi", "Cho Hyun-dong" is "Cho Hyundong".

    >>> name_key("Cho Hyun-dong") == name_key("Hyundong Cho"), name_key("the")
    (True, ())
    """
    return tuple(sorted(name_form(name.replace("-", "")).split()))


def content_words(text: str) -> frozenset[str]:
    """The words of a label that identify it: folded, stop words out, a plural -s off.

    >>> sorted(content_words("the three China-US Joint Communiqués"))
    ['china', 'communique', 'joint', 'three', 'us']
    """
    words = [w for w in _words(name_form(text) or text) if w not in _STOP]
    return frozenset(
        w[:-1] if len(w) > 3 and w.endswith("s") and w[-2] != "s" else w for w in words
    )


def _contained(a: frozenset[str], b: frozenset[str]) -> bool:
    """One set of words within the other, the smaller holding a word of three letters or more."""
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    return bool(small) and small <= large and any(len(w) >= 3 for w in small)


def _jaccard(a: frozenset[str] | set[str], b: frozenset[str] | set[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 1.0


def place_form(label: str | None) -> str | None:
    """A place as compared: its first comma-part, folded, without "the" and "city".

    >>> place_form("Washington, D.C.") == place_form("Washington"), place_form("San José")
    (True, 'san jose')
    """
    if label is None:
        return None
    first = name_form(label.split(",")[0])
    return re.sub(r"\s+city$", "", first) or None


# --- actors --------------------------------------------------------------------------------------


class ActorMap:
    """Which gold actor each extracted actor is (module docstring, "Actors")."""

    def __init__(self, gold: Gold, gazetteer: Gazetteer | None = None) -> None:
        self.gold = gold
        self.gazetteer = gazetteer or load()
        self.keys: dict[str, str | None] = {}  # extracted actor IRI -> gold key
        self._forms = {
            key: {name_key(f) for f in (a.label, *a.surface)} - {()}
            for key, a in gold.actors.items()
        }

    def _extracted_forms(self, actor: Actor) -> set[tuple[str, ...]]:
        forms = {actor.label, *actor.aliases}
        if actor.kind == "State":
            forms.update(self.gazetteer.states.get(actor.label, []))
        if actor.kind in ORGANIZATION_KINDS:
            forms.update(self.gazetteer.organizations.get(actor.label, []))
        return {name_key(f) for f in forms} - {()}

    def _tier(self, actor: Actor, key: str) -> tuple[int, float]:
        """How closely ``actor`` matches the gold actor ``key``: 3 by label, 2 by a form, 1 by
        contained words or (a group) a shared word, 0 not; and the Jaccard index of the labels."""
        gold = self.gold.actors[key]
        compatible = {
            "Person": actor.kind == "Person",
            "State": actor.kind == "State",
            "Organization": actor.kind in ORGANIZATION_KINDS,
            "Group": actor.kind in ORGANIZATION_KINDS,
        }[gold.type]
        if not compatible:
            return 0, 0.0
        words = content_words(actor.label)
        gold_words = content_words(gold.label)
        overlap = _jaccard(words, gold_words)
        if name_key(actor.label) == name_key(gold.label):
            return 3, overlap
        if self._extracted_forms(actor) & self._forms[key]:
            return 2, overlap
        if _contained(words, gold_words):
            return 1, overlap
        if gold.type == "Group" and any(len(w) >= 3 for w in words & gold_words):
            return 1, overlap
        return 0, 0.0

    def add(self, actors: Iterable[Actor]) -> None:
        """Map ``actors`` (all the actors of one extraction, in one call)."""
        pending = {a.iri: a for a in actors if a.iri not in self.keys}
        candidates = []
        for iri, actor in sorted(pending.items()):
            for index, key in enumerate(self.gold.actors):
                tier, overlap = self._tier(actor, key)
                if tier:
                    candidates.append((-tier, -overlap, iri, index, key))
        used = {k for k in self.keys.values() if k is not None}
        for negative_tier, _, iri, _, key in sorted(candidates):
            if iri in self.keys:
                continue
            if -negative_tier < 2 and key in used:
                continue
            self.keys[iri] = key
            used.add(key)
        for iri in pending:
            self.keys.setdefault(iri, None)

    def key(self, actor: Actor) -> str | None:
        """The gold key of ``actor``, None when it is no gold actor."""
        if actor.iri not in self.keys:
            self.add([actor])
        return self.keys[actor.iri]

    def token(self, actor: Actor) -> str:
        """The gold key of ``actor``, else ``?<label>``: equal to no gold key."""
        return self.key(actor) or f"?{actor.label}"


def extraction_actors(extraction: Extraction, actors: Mapping[str, Actor]) -> list[Actor]:
    """Every actor the scored items of ``extraction`` name (``actors``: the registry by IRI)."""
    found: list[Actor] = []
    for interaction in _interactions(extraction):
        found += interaction.participants
    for statement in extraction.statements:
        found.append(statement.speaker)
        found += [a for a in (statement.on_behalf_of, statement.target) if a is not None]
        found += statement.addressees
    found += [s.holder for s in extraction.stances]
    for holding in extraction.holdings:
        found.append(holding.person)
        where = actors.get(holding.post.post_in or "")
        if where is not None:
            found.append(where)
    return list({a.iri: a for a in found}.values())


# --- assignment ----------------------------------------------------------------------------------


def assign(weights: Sequence[Sequence[float]]) -> list[tuple[int, int]]:
    """The one-to-one pairs (row, column) of greatest total weight, among the pairs of weight > 0
    (the Hungarian algorithm).

    >>> assign([[1000, 1000], [1000, 0]])  # both rows get a column: the first takes the second
    [(0, 1), (1, 0)]
    >>> assign([[0, 0], [0, 5]]), assign([])
    ([(1, 1)], [])
    """
    rows = len(weights)
    columns = len(weights[0]) if rows else 0
    if not rows or not columns:
        return []
    matrix = [list(row) for row in weights]
    transposed = rows > columns
    if transposed:
        matrix = [list(column) for column in zip(*matrix, strict=True)]
        rows, columns = columns, rows
    infinity = float("inf")
    u = [0.0] * (rows + 1)
    v = [0.0] * (columns + 1)
    owner = [0] * (columns + 1)
    way = [0] * (columns + 1)
    for row in range(1, rows + 1):
        owner[0] = row
        j0 = 0
        least = [infinity] * (columns + 1)
        used = [False] * (columns + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = owner[j0], infinity, 0
            for j in range(1, columns + 1):
                if not used[j]:
                    cost = -matrix[i0 - 1][j - 1] - u[i0] - v[j]
                    if cost < least[j]:
                        least[j], way[j] = cost, j0
                    if least[j] < delta:
                        delta, j1 = least[j], j
            for j in range(columns + 1):
                if used[j]:
                    u[owner[j]] += delta
                    v[j] -= delta
                else:
                    least[j] -= delta
            j0 = j1
            if owner[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            owner[j0] = owner[j1]
            j0 = j1
    pairs = [(owner[j] - 1, j - 1) for j in range(1, columns + 1) if owner[j]]
    if transposed:
        pairs = [(j, i) for i, j in pairs]
    return sorted((i, j) for i, j in pairs if weights[i][j] > 0)


def _pairs(
    gold: Sequence[Any], found: Sequence[Any], weight: Any
) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    """The assigned pairs, the unpaired gold indices and the unpaired extracted indices."""
    pairs = assign([[weight(g, f) for f in found] for g in gold]) if gold and found else []
    paired_gold = {i for i, _ in pairs}
    paired_found = {j for _, j in pairs}
    return (
        pairs,
        [i for i in range(len(gold)) if i not in paired_gold],
        [j for j in range(len(found)) if j not in paired_found],
    )


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    """The number of characters two spans share."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def detects(span: tuple[int, int], quote: tuple[int, int]) -> bool:
    """Whether an extracted statement's span detects a gold quote: they share at least half the
    shorter of the two."""
    shorter = min(span[1] - span[0], quote[1] - quote[0])
    return shorter > 0 and 2 * overlap(span, quote) >= shorter


# --- scores --------------------------------------------------------------------------------------


@dataclass
class Counts:
    """True positives, false positives and false negatives of one metric."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float:
        """tp / (tp + fp); 1 when there is nothing at all to find or to find wrong."""
        if not self.tp + self.fp:
            return 1.0 if not self.fn else 0.0
        return self.tp / (self.tp + self.fp)

    @property
    def recall(self) -> float:
        if not self.tp + self.fn:
            return 1.0 if not self.fp else 0.0
        return self.tp / (self.tp + self.fn)

    @property
    def f1(self) -> float:
        if not self.tp + self.fp + self.fn:
            return 1.0
        return 2 * self.tp / (2 * self.tp + self.fp + self.fn)


@dataclass(frozen=True)
class Miss:
    """One error: a gold item not found (``FN``), an extracted item matching none (``FP``), or a
    paired item wrong in a field (``≠``); ``category`` groups errors of one kind."""

    mark: str
    category: str
    text: str

    def __str__(self) -> str:
        return f"{self.mark:2} {self.text}"


@dataclass
class ArticleResult:
    """One article's counts per metric, main interaction, invented participants and errors."""

    id: str
    counts: dict[str, Counts] = field(default_factory=lambda: {m: Counts() for m in METRICS})
    main_ok: bool = False
    main_problems: list[str] = field(default_factory=list)
    invented: list[str] = field(default_factory=list)  # labels of participants no gold actor is
    misses: list[Miss] = field(default_factory=list)

    def count(self, metric: str, tp: int = 0, fp: int = 0, fn: int = 0) -> None:
        self.counts[metric] += Counts(tp, fp, fn)


def _short(text: str, size: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= size else text[: size - 1] + "…"


def _interactions(extraction: Extraction) -> list[Interaction]:
    return list(extraction.interactions)


def _when(interaction: Interaction) -> tuple[dt.date | None, dt.date | None]:
    when = interaction.when
    return (None, None) if when is None else (when.start, when.end)


def _show_when(when: tuple[dt.date | None, dt.date | None]) -> str:
    start, end = when
    if start is None and end is None:
        return "no date"
    return f"{start}" + (f"..{end}" if end else "")


@dataclass(frozen=True)
class _Found:
    """An extracted interaction as scored."""

    type: str
    participants: frozenset[str]
    when: tuple[dt.date | None, dt.date | None]
    place: str | None
    spans: tuple[tuple[int, int], ...]
    label: str
    # the other names of a state the place is ("China" of "People's Republic of China")
    place_names: frozenset[str] = frozenset()


def _score_interactions(
    gold: Gold, extraction: Extraction, actors: ActorMap, result: ArticleResult
) -> None:
    found = []
    for interaction in _interactions(extraction):
        tokens = frozenset(actors.token(p) for p in interaction.participants)
        place = interaction.place.label if interaction.place is not None else None
        names: frozenset[str] = frozenset()
        if place is None and interaction.kind == "Visit" and len(interaction.hosts) == 1:
            # a trip to a state: the model's host is the gold's country of the visit
            host = interaction.hosts[0]
            place = host.label if host.kind == "State" else None
            if place is not None:
                names = frozenset(n for a in host.aliases if (n := place_form(a)) is not None)
        found.append(
            _Found(
                interaction.kind,
                tokens,
                _when(interaction),
                place_form(place),
                tuple((e.start, e.end) for e in interaction.evidence),
                f"{interaction.kind} [{', '.join(sorted(tokens))}] "
                f"{_show_when(_when(interaction))}" + (f" in {place}" if place else ""),
                names,
            )
        )
        result.invented += [p.label for p in interaction.participants if actors.key(p) is None]
    result.invented = list(dict.fromkeys(result.invented))
    golds = gold.interactions

    def fields(g: GoldInteraction, f: _Found) -> tuple[bool, bool, bool, bool]:
        return (
            g.type == f.type,
            frozenset(g.participants) == f.participants,
            g.when == f.when,
            place_form(g.place) == f.place
            or (g.place is not None and place_form(g.place) in f.place_names),
        )

    def weight(g: GoldInteraction, f: _Found) -> float:
        shared = max((overlap(g.quote.span, s) for s in f.spans), default=0)
        jaccard = _jaccard(set(g.participants), set(f.participants))
        if not shared and jaccard < 0.5:
            return 0.0
        agree = fields(g, f)
        return 1000 + 100 * all(agree) + 10 * sum(agree) + 10 * jaccard + shared / len(g.quote.text)

    pairs, lost, extra = _pairs(golds, found, weight)
    result.count(INTERACTIONS, len(pairs), len(extra), len(lost))
    strict = 0
    for i, j in pairs:
        g, f = golds[i], found[j]
        type_ok, participants_ok, date_ok, place_ok = fields(g, f)
        strict += type_ok and participants_ok and date_ok and place_ok
        shared = len(set(g.participants) & f.participants)
        result.count(
            PARTICIPANTS, shared, len(f.participants) - shared, len(g.participants) - shared
        )
        for metric, ok in ((TYPE, type_ok), (DATE, date_ok), (PLACE, place_ok)):
            result.count(metric, int(ok), int(not ok), int(not ok))
        name = f"interaction {g.key} ({g.type} [{', '.join(g.participants)}])"
        if not type_ok:
            result.misses.append(
                Miss("≠", f"interaction type: {g.type} as {f.type}", f"{name}: type {f.type}")
            )
        if not participants_ok:
            lacking = sorted(set(g.participants) - f.participants)
            added = sorted(f.participants - set(g.participants))
            what = "; ".join(
                part
                for part in (
                    f"missing {', '.join(lacking)}" if lacking else "",
                    f"added {', '.join(added)}" if added else "",
                )
                if part
            )
            category = "interaction participants: " + (
                "missing and added" if lacking and added else "missing" if lacking else "added"
            )
            result.misses.append(Miss("≠", category, f"{name}: participants {what}"))
        if not date_ok:
            result.misses.append(
                Miss(
                    "≠",
                    "interaction date: " + ("none found" if f.when == (None, None) else "wrong"),
                    f"{name}: date {_show_when(g.when)}, got {_show_when(f.when)}",
                )
            )
        if not place_ok:
            result.misses.append(
                Miss(
                    "≠",
                    "interaction place",
                    f"{name}: place {g.place or 'none'}, got {f.place or 'none'}",
                )
            )
    result.count(INTERACTIONS_STRICT, strict, len(found) - strict, len(golds) - strict)
    participants_lost = sum(len(golds[i].participants) for i in lost)
    participants_extra = sum(len(found[j].participants) for j in extra)
    result.count(PARTICIPANTS, 0, participants_extra, participants_lost)
    for metric in (TYPE, DATE, PLACE):
        result.count(metric, 0, len(extra), len(lost))
    for i in lost:
        g = golds[i]
        result.misses.append(
            Miss(
                "FN",
                "interaction missed",
                f"interaction {g.key} {g.type} [{', '.join(g.participants)}] "
                f"{_show_when(g.when)}: “{_short(g.quote.text)}”",
            )
        )
    for j in extra:
        result.misses.append(Miss("FP", "interaction spurious", f"interaction {found[j].label}"))
    _score_main(gold, extraction, actors, result)


def _score_main(
    gold: Gold, extraction: Extraction, actors: ActorMap, result: ArticleResult
) -> None:
    main = main_interaction(extraction)
    if not gold.interactions:
        result.main_ok = main is None
        return
    g = gold.interactions[0]
    if main is None:
        result.main_problems = ["none found"]
    else:
        tokens = {actors.token(p) for p in main.participants}
        if main.kind != g.type:
            result.main_problems.append(f"type {main.kind}, not {g.type}")
        if tokens != set(g.participants):
            result.main_problems.append(
                f"participants [{', '.join(sorted(tokens))}], not [{', '.join(g.participants)}]"
            )
        if _when(main) != g.when:
            result.main_problems.append(f"date {_show_when(_when(main))}, not {_show_when(g.when)}")
    result.main_ok = not result.main_problems
    for problem in result.main_problems:
        result.misses.append(
            Miss("≠", "main interaction: " + problem.split()[0], f"main interaction: {problem}")
        )


@dataclass(frozen=True)
class _Said:
    """Extracted statements of one kind and span: one item with its speakers."""

    kind: str
    span: tuple[int, int]
    speakers: tuple[str, ...]
    text: str


def statement_items(extraction: Extraction, actors: ActorMap) -> list[_Said]:
    """The extracted statements as scored: those of one kind and first evidence span are one
    item, with all their speakers."""
    groups: dict[tuple[str, int, int], list[Statement]] = {}
    for statement in extraction.statements:
        first = statement.evidence[0]
        groups.setdefault((statement.kind, first.start, first.end), []).append(statement)
    items = []
    for (kind, start, end), statements in groups.items():
        speakers = tuple(dict.fromkeys(actors.token(s.speaker) for s in statements))
        items.append(_Said(kind, (start, end), speakers, statements[0].evidence[0].text))
    return items


def _score_statements(
    gold: Gold, extraction: Extraction, actors: ActorMap, result: ArticleResult
) -> None:
    found = statement_items(extraction, actors)
    golds = gold.statements

    def weight(g: GoldStatement, f: _Said) -> float:
        if not detects(f.span, g.quote.span):
            return 0.0
        speakers_ok = set(g.speakers) == set(f.speakers)
        kind_ok = g.kind == f.kind
        union = max(f.span[1], g.quote.end) - min(f.span[0], g.quote.start)
        return (
            1000
            + 100 * (speakers_ok and kind_ok)
            + 10 * (speakers_ok + kind_ok)
            + (overlap(f.span, g.quote.span) / union)
        )

    pairs, lost, extra = _pairs(golds, found, weight)
    speakers = kinds = strict = 0
    for i, j in pairs:
        g, f = golds[i], found[j]
        speakers_ok = set(g.speakers) == set(f.speakers)
        kind_ok = g.kind == f.kind
        speakers += speakers_ok
        kinds += kind_ok
        strict += speakers_ok and kind_ok
        said = f"statement [{', '.join(g.speakers)}] {g.kind} “{_short(g.quote.text)}”"
        if not speakers_ok:
            lacking = set(g.speakers) - set(f.speakers)
            added = set(f.speakers) - set(g.speakers)
            category = "statement speakers: " + (
                "missing one of several"
                if lacking and not added
                else "one too many"
                if added and not lacking
                else "unknown speaker"
                if any(s.startswith("?") for s in added)
                else "wrong speaker"
            )
            result.misses.append(Miss("≠", category, f"{said}: speakers [{', '.join(f.speakers)}]"))
        if not kind_ok:
            result.misses.append(
                Miss("≠", f"statement kind: {g.kind} as {f.kind}", f"{said}: kind {f.kind}")
            )
    n_found, n_gold = len(found), len(golds)
    result.count(DETECTED, len(pairs), n_found - len(pairs), n_gold - len(pairs))
    result.count(SPEAKERS, speakers, n_found - speakers, n_gold - speakers)
    result.count(KIND, kinds, n_found - kinds, n_gold - kinds)
    result.count(STATEMENTS_STRICT, strict, n_found - strict, n_gold - strict)
    for i in lost:
        g = golds[i]
        verb = (_words(g.quote.text) or ["?"])[0]
        result.misses.append(
            Miss(
                "FN",
                f"statement missed: {g.kind}",
                f"statement [{', '.join(g.speakers)}] {g.kind} “{_short(g.quote.text)}” ({verb})",
            )
        )
    for j in extra:
        f = found[j]
        result.misses.append(
            Miss(
                "FP",
                f"statement spurious: {f.kind}",
                f"statement [{', '.join(f.speakers)}] {f.kind} “{_short(f.text)}”",
            )
        )


def issue_names(issue: str, label: str) -> set[str]:
    """The slugs an extracted stance's issue goes by: its ``code:issue`` local name, or the slug
    of the cited item's label and of its IRI's local name.

    >>> one_china = "https://w3id.org/diplograph/principle/one-china"
    >>> sorted(issue_names(one_china, "one-China principle"))
    ['one-china', 'one-china-principle']
    """
    local = issue.rstrip("/").rsplit("/", 1)[-1]
    if issue.startswith(f"{CODE}issue/"):
        return {local}
    return {local, slug(label)}


def _score_stances(
    gold: Gold, extraction: Extraction, actors: ActorMap, result: ArticleResult
) -> None:
    golds = list(dict.fromkeys((s.holder, s.polarity, s.issue) for s in gold.stances))
    found = list(
        dict.fromkeys(
            (actors.token(s.holder), s.polarity, frozenset(issue_names(s.issue, s.issue_label)))
            for s in extraction.stances
        )
    )

    def weight(g: tuple[str, str, str], f: tuple[str, str, frozenset[str]]) -> float:
        return 1000.0 if g[0] == f[0] and g[1] == f[1] and g[2] in f[2] else 0.0

    pairs, lost, extra = _pairs(golds, found, weight)
    result.count(STANCES, len(pairs), len(extra), len(lost))
    for i in lost:
        holder, polarity, issue = golds[i]
        result.misses.append(Miss("FN", "stance missed", f"stance {holder} {polarity} {issue}"))
    for j in extra:
        holder, polarity, issues = found[j]
        result.misses.append(
            Miss(
                "FP",
                "stance spurious",
                f"stance {holder} {polarity} {' / '.join(sorted(issues))}",
            )
        )


@dataclass(frozen=True)
class _Cited:
    label: str
    category: str
    words: tuple[frozenset[str], ...]


def reference_items(extraction: Extraction) -> list[_Cited]:
    """What the extracted statements cite and the narrator names (the gold's references with an
    empty ``cited_by``), once per article by label: agreements, principles, and the earlier
    interactions the text names (claims whose object it names)."""
    items: dict[str, _Cited] = {}
    cited_items = [c for s in extraction.statements for c in s.cites]
    for cited in [*cited_items, *(m.item for m in extraction.mentions)]:
        forms = (cited.label, *sorted(cited.aliases))
        category = REFERENCE_CATEGORIES.get(cited.kind, cited.kind.lower())
        items.setdefault(
            name_form(cited.label),
            _Cited(cited.label, category, tuple(content_words(f) for f in forms)),
        )
    for claim in extraction.claims:
        if not claim.object_inferred:
            label = claim.object.label or claim.object.key
            items.setdefault(name_form(label), _Cited(label, "event", (content_words(label),)))
    return list(items.values())


def labels_match(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two labels' content words name the same item: equal, one within the other, or
    sharing half their words.

    >>> labels_match(content_words("the G7"), content_words("G7 Summit"))
    True
    >>> labels_match(content_words("Minsk agreements"), content_words("Paris Agreement"))
    False
    """
    return bool(a and b) and (a == b or _contained(a, b) or _jaccard(a, b) >= 0.5)


def _score_references(gold: Gold, extraction: Extraction, result: ArticleResult) -> None:
    seen: dict[str, GoldReference] = {}
    for reference in gold.references:
        seen.setdefault(name_form(reference.label), reference)
    golds = list(seen.values())
    found = reference_items(extraction)

    def weight(g: GoldReference, f: _Cited) -> float:
        words = content_words(g.label)
        if REFERENCE_CATEGORIES[g.type] != f.category:
            return 0.0
        if not any(labels_match(words, w) for w in f.words):
            return 0.0
        return 1000 + max(_jaccard(words, w) for w in f.words)

    pairs, lost, extra = _pairs(golds, found, weight)
    result.count(REFERENCES, len(pairs), len(extra), len(lost))
    for i in lost:
        g = golds[i]
        result.misses.append(
            Miss("FN", f"reference missed: {g.type}", f"reference {g.type} “{g.label}”")
        )
    for j in extra:
        f = found[j]
        result.misses.append(
            Miss("FP", "reference spurious", f"reference {f.category} “{f.label}”")
        )


def bare_post(
    label: str, organizations: Sequence[Actor], gazetteer: Gazetteer | None = None
) -> str:
    """A post label without the name of its organisation (or of one that organisation belongs
    to), folded: "Foreign Minister of Peru" and "Peruvian Foreign Minister" are "foreign minister".

    >>> peru = Actor("https://w3id.org/diplograph/id/peru", "State", "Peru")
    >>> bare_post("Foreign Minister of Peru", [peru])
    'foreign minister'
    >>> bare_post("Peruvian Foreign Minister", [peru])
    'foreign minister'
    >>> formal = Actor(peru.iri, "State", "Republic of Peru")
    >>> bare_post("President of the Republic of Peru", [formal])
    'president'
    """
    text = name_form(label)
    g = gazetteer or load()
    names: set[str] = set()
    for organization in organizations:
        names.update({organization.label, *organization.aliases})
        names.update(g.states.get(organization.label, []))
        names.update(g.organizations.get(organization.label, []))
    for name in sorted({name_form(n) for n in names} - {""}, key=lambda n: (-len(n), n)):
        for pattern in (rf"\s+of\s+(?:the\s+)?{re.escape(name)}$", rf"^{re.escape(name)}\s+"):
            shorter = re.sub(pattern, "", text)
            if shorter != text and shorter:
                return shorter
    return text


def organization_chain(actor: Actor | None, registry: Mapping[str, Actor]) -> list[Actor]:
    """``actor`` and the organisations it belongs to (``org:subOrganizationOf``), in order."""
    chain: list[Actor] = []
    while actor is not None and actor not in chain:
        chain.append(actor)
        actor = registry.get(actor.part_of or "")
    return chain


def _score_posts(
    gold: Gold,
    extraction: Extraction,
    actors: ActorMap,
    registry: Mapping[str, Actor],
    result: ArticleResult,
) -> None:
    seen: dict[tuple[str, str], GoldPost] = {}
    for post in gold.posts:
        seen.setdefault((post.person, name_form(post.post)), post)
    golds = list(seen.values())
    found = []
    for holding in extraction.holdings:
        chain = organization_chain(registry.get(holding.post.post_in or ""), registry)
        found.append(
            (
                actors.token(holding.person),
                bare_post(holding.post.label, chain, actors.gazetteer),
                [actors.token(a) for a in chain],
                holding.post.label,
            )
        )

    def weight(g: GoldPost, f: tuple[str, str, list[str], str]) -> float:
        person, post, organizations, _ = f
        if person != g.person or post != name_form(g.post):
            return 0.0
        if g.organization is not None and g.organization not in organizations:
            return 0.0
        return 1000.0

    pairs, lost, extra = _pairs(golds, found, weight)
    result.count(POSTS, len(pairs), len(extra), len(lost))
    for i in lost:
        g = golds[i]
        result.misses.append(
            Miss(
                "FN",
                "post missed",
                f"post {g.person}: {g.post}" + (f" ({g.organization})" if g.organization else ""),
            )
        )
    for j in extra:
        person, _, organizations, label = found[j]
        result.misses.append(
            Miss(
                "FP",
                "post spurious",
                f"post {person}: {label} ({' < '.join(organizations) or 'none'})",
            )
        )


def score_article(
    gold: Gold,
    extraction: Extraction,
    registry: Mapping[str, Actor],
    gazetteer: Gazetteer | None = None,
) -> ArticleResult:
    """Score one article's extraction against its gold (``registry``: the actors by IRI, for the
    organisations of posts)."""
    if extraction.article.id != gold.id:
        raise DiplographError(f"{gold.path}: id: scored against article {extraction.article.id!r}")
    actors = ActorMap(gold, gazetteer)
    actors.add(extraction_actors(extraction, registry))
    result = ArticleResult(gold.id)
    _score_interactions(gold, extraction, actors, result)
    _score_statements(gold, extraction, actors, result)
    _score_stances(gold, extraction, actors, result)
    _score_references(gold, extraction, result)
    _score_posts(gold, extraction, actors, registry, result)
    return result


@dataclass
class SplitScore:
    """The micro-averaged scores of one split."""

    name: str
    articles: list[ArticleResult]
    missing: list[str] = field(default_factory=list)  # gold files not written yet

    @property
    def totals(self) -> dict[str, Counts]:
        totals = {metric: Counts() for metric in METRICS}
        for article in self.articles:
            for metric, counts in article.counts.items():
                totals[metric] += counts
        return totals

    def rate(self, name: str) -> float:
        """The share of readouts whose main interaction is right (:data:`MAIN`) or that have an
        invented participant (:data:`INVENTED`)."""
        if not self.articles:
            return 0.0
        if name == MAIN:
            return sum(a.main_ok for a in self.articles) / len(self.articles)
        return sum(bool(a.invented) for a in self.articles) / len(self.articles)

    def value(self, metric: str) -> float:
        """What a target compares: the F1 of a metric, or a rate."""
        return self.rate(metric) if metric in (MAIN, INVENTED) else self.totals[metric].f1

    def targets(self) -> list[tuple[Target, float, bool]]:
        """Each target, the measured value and whether it is met (none met without articles)."""
        return [
            (t, self.value(t.metric), bool(self.articles) and t.met(self.value(t.metric)))
            for t in TARGETS
        ]

    @property
    def passed(self) -> bool:
        return all(ok for _, _, ok in self.targets())

    def categories(self) -> list[tuple[str, int]]:
        """The kinds of error, most common first."""
        counter = Counter(m.category for a in self.articles for m in a.misses)
        return sorted(counter.items(), key=lambda item: (-item[1], item[0]))


def score_split(
    split: GoldSplit,
    extractions: Mapping[str, Extraction],
    registry: Mapping[str, Actor],
    gazetteer: Gazetteer | None = None,
) -> SplitScore:
    """Score every gold article of ``split`` (``extractions``: by article id)."""
    results = []
    for gold in split.golds:
        extraction = extractions.get(gold.id)
        if extraction is None:
            raise DiplographError(f"{gold.path}: id: the extractor failed on {gold.id!r}")
        results.append(score_article(gold, extraction, registry, gazetteer))
    return SplitScore(split.name, results, list(split.missing))
