"""Scoring extraction against labels: corpus titles (weak labels) and a curated article graph.

A State Department readout's title names who met or called whom ("Secretary Blinken's Call with
German Foreign Minister Maas"). :func:`parse_title` turns it into a :class:`TitleLabel`: the kind
(call or meeting) and the parties, each a name ("Maas"), or a group of officials of named states
("French, German, Italian, and UK Counterparts"), or a group the title does not name ("Taliban
Representatives"). :func:`score_corpus` checks the article's *main* interaction (the first one
extracted) against it:

- found: an interaction was extracted at all;
- type: a call is a ``Call``, ``PhoneCall`` or ``VideoCall`` (a "Virtual Meeting" a ``VideoCall``
  and a "Phone Call" a ``PhoneCall``, or a ``Call`` when the text does not state the medium), a
  meeting a ``Meeting`` or ``Talks``;
- date: the title gives none, so the weak label is that a readout reports an interaction of the last
  week: a day (or a range overlapping the days) from 7 days before the publication date to it;
- participants: every party of the title is among the participants (recall); a participant that is
  no party of the title is *invented* (precision).

:func:`score_article` compares one article's extraction with its curated graph: interactions (type
and participants, and the date where the curated graph gives one) and statements (speaker and kind,
matched through overlapping evidence).

>>> label = parse_title("Secretary Blinken\u2019s Call with German Foreign Minister Maas")
>>> label.kinds, [p.words for p in label.principals], [p.words for p in label.counterparts]
(('Call', 'PhoneCall', 'VideoCall'), [('blinken',)], [('maas',)])
>>> [p.words for p in parse_title("Secretary Blinken\u2019s Meeting with Qatari Deputy Prime "
...     "Minister and Minister of Foreign Affairs Al-Thani").counterparts]
[('thani',)]
>>> [p.states for p in parse_title("Secretary Blinken\u2019s Meeting with German, UK, and French "
...     "Counterparts").counterparts]
[('Germany',), ('United Kingdom',), ('France',)]
>>> parse_title("Secretary Antony J. Blinken At a Meeting With Moldovan Civil Society") is None
True
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

import pyoxigraph as ox

from diplograph.extract.actors import Actor
from diplograph.extract.gazetteer import Gazetteer, load
from diplograph.extract.model import INTERACTION_KINDS, Extraction, Interaction
from diplograph.extract.text import normalize, slug
from diplograph.vocab import DIP, STATEMENT_KINDS

_TITLE = re.compile(
    r"^(?P<who>.+?)(?:[\u2019']s)?\s+(?:(?P<mode>Trilateral|Virtual|Phone)\s+)?"
    r"(?P<kind>Call|Meeting|Meet)\s+[Ww]ith\s+(?P<with>.+?)(?:\s+on\s+(?:AUKUS|Afghan\b.*))?$"
)
# Titles of transcripts of remarks, not readouts: no weak label.
_REMARKS = re.compile(
    r"\b(?:at a meeting|at meeting|before his meeting|press availability)\b", re.I
)
_GROUP_WORDS = frozenset(
    [
        "counterparts",
        "representatives",
        "ministers",
        "leaders",
        "members",
        "delegation",
        "agencies",
        "parties",
        "society",
        "personnel",
        "stem",
    ]
)
_EXTRA_TITLE_WORDS = frozenset(
    normalize(w)
    for w in [
        "Chair-in-Office",
        "PM",
        "DFAT",
        "MFAT",
        "President-elect",
        "Assembly",
        "Personal",
        "Envoy",
        "Secretary-General",
        "Minister/Foreign",
        "General",
        "Jr",
        "Jr.",
        "II",
        "Ambassador",
        "Prince",
        "Sheikh",
        "the",
        "The",
        "Select",
        "Compact",
        "Negotiation",
        "Civil",
        "Women",
        "in",
        "Energy",
        "Labor",
        "Mission",
        "Nuclear",
        "Non-Proliferation",
        "Treaty",
        "(NPT)",
        "Non-Nuclear",
        "Weapons",
        "Rome-Based",
    ]
)
_PARTICLES = frozenset(
    [
        "al",
        "el",
        "bin",
        "bint",
        "ibn",
        "de",
        "da",
        "di",
        "le",
        "la",
        "van",
        "von",
        "der",
        "den",
        "jr",
        "ii",
    ]
)
_SPLIT = re.compile(r",\s*(?:and\s+)?|\s+and\s+|/")
DATE_WINDOW = dt.timedelta(days=7)


@dataclass(frozen=True)
class Party:
    """A party a title names: a person by name words, the officials of a state ("German
    counterpart"), or a group ("U.S. Labor Leaders", "Taliban Representatives")."""

    text: str
    words: tuple[str, ...] = ()  # name words, lower-case ASCII, particles removed
    states: tuple[str, ...] = ()  # gazetteer labels of the states a group is from
    group: bool = False  # a group the title does not name person by person

    def matches(self, actor: Actor, nationality: str | None) -> bool:
        """Whether ``actor`` (of the state labelled ``nationality``) is this party."""
        if self.words:
            names = {w for alias in (actor.label, *actor.aliases) for w in slug(alias).split("-")}
            return any(word in names for word in self.words)
        if self.states and (nationality in self.states or actor.label in self.states):
            return True
        # a group the title does not name: anyone not known to be from another state
        return self.group and (not self.states or (nationality is None and actor.kind == "Person"))


@dataclass(frozen=True)
class TitleLabel:
    kinds: tuple[str, ...]  # acceptable interaction types
    principals: tuple[Party, ...]
    counterparts: tuple[Party, ...]

    @property
    def parties(self) -> tuple[Party, ...]:
        return self.principals + self.counterparts


def _words(name: str) -> tuple[str, ...]:
    return tuple(w for w in slug(name).split("-") if len(w) > 1 and w not in _PARTICLES)


def _protect(text: str, gazetteer: Gazetteer) -> str:
    """``text`` with the spaces, "and"s and commas inside known multi-word names unsplittable."""
    names = [n for label, aliases in gazetteer.states.items() for n in (label, *aliases)]
    names += [n for label, aliases in gazetteer.organizations.items() for n in (label, *aliases)]
    for name in sorted(names, key=len, reverse=True):
        if (" and " in name or "," in name) and name in text:
            text = text.replace(name, name.replace(" ", "_").replace(",", "\u201a"))
    return text


def _party(text: str, gazetteer: Gazetteer, home: str | None) -> Party | None:
    """One party from a piece of a title ("German Foreign Minister Maas"); None if none named."""
    lexicon = _lexicon(gazetteer)
    piece = re.sub(
        r"(?<!People)[\u2019']s\b", "", text.replace("_", " ").replace("\u201a", ",")
    ).strip()
    tokens = piece.split()
    states = tuple(dict.fromkeys(s for s in _states_in(piece, lexicon)))
    if tokens and normalize(tokens[-1]) in _GROUP_WORDS:
        return Party(piece, states=states or ((home,) if home else ()), group=True)
    name: list[str] = []
    for token in reversed(tokens):
        word = normalize(token.strip("(),"))
        if word in lexicon or word in _EXTRA_TITLE_WORDS or word in ("of", "for", "on"):
            if name:
                break
            continue
        name.insert(0, token)
    words = _words(" ".join(name))
    if not words:
        return None
    return Party(piece, words=words)


def _states_in(piece: str, lexicon: dict[str, str | None]) -> list[str]:
    found = []
    norm = normalize(piece)
    for phrase, state in lexicon.items():
        if state and re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", norm):
            found.append((norm.find(phrase), -len(phrase), state))
    found.sort()
    kept: list[str] = []
    covered: list[tuple[int, int]] = []
    for at, negative_length, state in found:
        if any(start <= at < end for start, end in covered):
            continue
        covered.append((at, at - negative_length))
        kept.append(state)
    return kept


_LEXICON: dict[int, dict[str, str | None]] = {}


def _lexicon(gazetteer: Gazetteer) -> dict[str, str | None]:
    """Normalised state names and demonyms (to their state), organisation names and title words."""
    cached = _LEXICON.get(id(gazetteer))
    if cached is None:
        cached = {normalize(w): None for w in gazetteer.title_words}
        for label, aliases in gazetteer.organizations.items():
            for name in (label, *aliases):
                cached.update({normalize(w): None for w in name.split()})
        for label, aliases in gazetteer.states.items():
            for name in (label, *aliases):
                cached.update({normalize(w.strip("()")): None for w in name.split()})
        for label, aliases in gazetteer.states.items():
            for name in (label, *aliases):
                cached[normalize(name)] = label
        _LEXICON[id(gazetteer)] = cached
    return cached


def parse_title(
    title: str, gazetteer: Gazetteer | None = None, home: str = "United States"
) -> TitleLabel | None:
    """The weak label of a readout's title; None unless it is "X's Call/Meeting with Y"."""
    g = gazetteer or load()
    title = " ".join(title.split())
    if _REMARKS.search(title):
        return None
    match = _TITLE.match(title)
    if match is None:
        return None
    mode, kind = match.group("mode"), match.group("kind")
    # A Call (remote, medium not stated) is the supertype of both: the text may not say the medium
    if mode == "Virtual":
        kinds: tuple[str, ...] = ("VideoCall", "Call")
    elif mode == "Phone":
        kinds = ("PhoneCall", "Call")
    elif kind == "Call":
        kinds = ("Call", "PhoneCall", "VideoCall")
    else:
        kinds = ("Meeting", "Talks")
    who = re.sub(r"^The Deputy Secretary$", "Deputy Secretary Sherman", match.group("who"))
    with_text = _protect(match.group("with").replace(", Jr.", " Jr."), g)
    principals = _parties(_protect(who, g), g, home)
    if with_text.rstrip().endswith("Counterparts") and "," in with_text:
        states = _states_in(with_text, _lexicon(g))
        counterparts: tuple[Party, ...] = tuple(
            Party(f"{s} counterpart", states=(s,)) for s in states
        )
    else:
        counterparts = _parties(with_text, g, None)
    if not principals:
        principals = (Party(who, states=(home,)),)
    return TitleLabel(kinds, principals, counterparts)


def _parties(text: str, gazetteer: Gazetteer, home: str | None) -> tuple[Party, ...]:
    """The parties of a list ("A, B and C"); a piece naming no one (a bare title) joins the next."""
    parties: list[Party] = []
    pending = ""
    for piece in _SPLIT.split(text):
        piece = (pending + " " + piece).strip() if pending else piece.strip()
        if not piece:
            continue
        party = _party(piece, gazetteer, home)
        if party is None:
            pending = piece
            continue
        pending = ""
        parties.append(party)
    return tuple(parties)


# --- corpus scores -------------------------------------------------------------------------------


@dataclass
class ArticleScore:
    """How the main interaction of one readout compares with its title."""

    id: str
    title: str
    found: bool = False
    type_ok: bool = False
    date_ok: bool = False
    parties_found: int = 0
    parties: int = 0
    participants_ok: int = 0  # participants that are a party of the title
    participants: int = 0
    invented: list[str] = field(default_factory=list)  # labels of participants the title lacks
    missing: list[str] = field(default_factory=list)  # title parties not among the participants
    got: str = ""  # what was extracted, for the list of misses

    @property
    def complete(self) -> bool:
        """The target: main interaction found with all participants, its type and its date."""
        return self.found and self.type_ok and self.date_ok and self.parties_found == self.parties


@dataclass
class CorpusScore:
    articles: list[ArticleScore]
    unlabelled: list[str]  # ids of articles whose title is no weak label (transcripts)

    def rate(self, test: str) -> float:
        """The share of labelled articles passing ``test`` (an attribute or property name)."""
        if not self.articles:
            return 0.0
        return sum(1 for a in self.articles if getattr(a, test)) / len(self.articles)

    @property
    def invented_rate(self) -> float:
        if not self.articles:
            return 0.0
        return sum(1 for a in self.articles if a.invented) / len(self.articles)

    def table(self) -> list[tuple[str, int, int, int]]:
        """Per item kind: (kind, true positives, extracted, labelled) — precision tp/extracted,
        recall tp/labelled."""
        n = len(self.articles)
        found = sum(a.found for a in self.articles)
        return [
            ("interaction (main)", found, found, n),
            ("interaction type", sum(a.type_ok for a in self.articles), found, n),
            ("interaction date", sum(a.date_ok for a in self.articles), found, n),
            (
                "participant",
                sum(a.participants_ok for a in self.articles),
                sum(a.participants for a in self.articles),
                sum(a.parties for a in self.articles),
            ),
        ]


def score_corpus(extractions: Iterable[Extraction], actors: dict[str, Actor]) -> CorpusScore:
    """Score each extraction's main interaction against its article's title."""
    scores: list[ArticleScore] = []
    unlabelled: list[str] = []
    for extraction in extractions:
        title = extraction.article.title or ""
        label = parse_title(title)
        if label is None:
            unlabelled.append(extraction.article.id)
            continue
        scores.append(_score_main(extraction, label, actors))
    return CorpusScore(scores, unlabelled)


def main_interaction(extraction: Extraction) -> Interaction | None:
    """The interaction a readout is about: the first one extracted that is not a visit."""
    return next((i for i in extraction.interactions if not i.known and i.kind != "Visit"), None)


def _score_main(
    extraction: Extraction, label: TitleLabel, actors: dict[str, Actor]
) -> ArticleScore:
    article = extraction.article
    score = ArticleScore(article.id, article.title or "", parties=len(label.parties))
    main = main_interaction(extraction)
    score.missing = [p.text for p in label.parties]
    if main is None:
        return score
    score.found = True
    score.type_ok = main.kind in label.kinds
    if main.when is not None:
        last = main.when.end or main.when.start
        score.date_ok = (
            article.published - DATE_WINDOW <= last and main.when.start <= article.published
        )
    nationalities = {
        p.iri: actors[p.nationality].label if p.nationality in actors else None
        for p in main.participants
    }
    matched: set[int] = set()
    for person in main.participants:
        hits = [
            n
            for n, party in enumerate(label.parties)
            if party.matches(person, nationalities[person.iri])
        ]
        matched.update(hits)
        if hits:
            score.participants_ok += 1
        else:
            score.invented.append(person.label)
    score.participants = len(main.participants)
    score.parties_found = len(matched)
    score.missing = [p.text for n, p in enumerate(label.parties) if n not in matched]
    when = main.when
    dated = "no date" if when is None else f"{when.start}" + (f"..{when.end}" if when.end else "")
    score.got = f"{main.kind} of {', '.join(p.label for p in main.participants)}, {dated}"
    return score


# --- curated article scores ----------------------------------------------------------------------


@dataclass(frozen=True)
class Fact:
    """An interaction or statement of a graph, as the scores compare them."""

    iri: str
    kind: str
    people: frozenset[str]  # participants (interactions) or the speaker (statements)
    dates: tuple[str, ...] = ()
    spans: tuple[tuple[int, int], ...] = ()


def graph_facts(quads: Iterable[ox.Quad], article: str) -> tuple[list[Fact], list[Fact]]:
    """The interactions and statements a graph reports in ``article`` (the article's IRI)."""
    subjects: dict[str, dict[str, list[str]]] = {}
    for quad in quads:
        if isinstance(quad.subject, ox.NamedNode) and not isinstance(quad.object, ox.Triple):
            properties = subjects.setdefault(quad.subject.value, {})
            properties.setdefault(quad.predicate.value, []).append(quad.object.value)
    interactions, statements = [], []
    for iri, properties in sorted(subjects.items()):
        if article not in properties.get(DIP + "reportedIn", []):
            continue
        kinds = [t[len(DIP) :] for t in properties.get(_RDF_TYPE, []) if t.startswith(DIP)]
        spans = tuple(
            sorted(
                (int(m.group(1)), int(m.group(2)))
                for e in properties.get(DIP + "hasEvidence", [])
                if (m := re.search(r"/char/(\d+)-(\d+)$", e))
            )
        )
        dates = tuple(
            properties.get(DIP + "date", [])
            + properties.get(DIP + "startDate", [])
            + properties.get(DIP + "endDate", [])
        )
        for kind in kinds:
            if kind in INTERACTION_KINDS:
                people = frozenset(properties.get(DIP + "participant", []))
                interactions.append(Fact(iri, kind, people, dates, spans))
            elif kind in STATEMENT_KINDS:
                people = frozenset(properties.get(DIP + "speaker", []))
                statements.append(Fact(iri, kind, people, (), spans))
    return interactions, statements


_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


@dataclass
class KindScore:
    kind: str
    matched_gold: int
    gold: int
    matched_found: int
    found: int
    misses: list[str] = field(default_factory=list)  # gold items not found
    extra: list[str] = field(default_factory=list)  # found items matching no gold item

    @property
    def precision(self) -> float:
        return self.matched_found / self.found if self.found else 0.0

    @property
    def recall(self) -> float:
        return self.matched_gold / self.gold if self.gold else 0.0


def _overlaps(a: Sequence[tuple[int, int]], b: Sequence[tuple[int, int]]) -> bool:
    return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in b)


def _same_interaction(gold: Fact, found: Fact) -> bool:
    if gold.iri == found.iri:
        return True
    return (
        gold.kind == found.kind
        and gold.people == found.people
        and (not gold.dates or gold.dates == found.dates)
    )


def _same_statement(gold: Fact, found: Fact) -> bool:
    return (
        gold.kind == found.kind
        and gold.people == found.people
        and _overlaps(gold.spans, found.spans)
    )


def score_article(
    gold: Iterable[ox.Quad], found: Iterable[ox.Quad], article: str, found_article: str = ""
) -> list[KindScore]:
    """Interactions (type, participants, date) and statements (speaker, kind) against a curated
    graph (``article``: the curated article's IRI; ``found_article``: the extracted one's, which
    may not take the curated id, default the same)."""
    gold_interactions, gold_statements = graph_facts(gold, article)
    found_interactions, found_statements = graph_facts(found, found_article or article)
    return [
        _compare("interaction", gold_interactions, found_interactions, _same_interaction),
        _compare("statement", gold_statements, found_statements, _same_statement),
    ]


def _compare(
    kind: str, gold: list[Fact], found: list[Fact], same: Callable[[Fact, Fact], bool]
) -> KindScore:
    score = KindScore(kind, 0, len(gold), 0, len(found))
    for g in gold:
        if any(same(g, f) for f in found):
            score.matched_gold += 1
        else:
            score.misses.append(_describe(g))
    for f in found:
        if any(same(g, f) for g in gold):
            score.matched_found += 1
        else:
            score.extra.append(_describe(f))
    return score


def _describe(fact: Fact) -> str:
    people = ", ".join(sorted(p.rsplit("/", 1)[-1] for p in fact.people))
    where = ", ".join(f"{s}-{e}" for s, e in fact.spans[:3])
    dates = f" {'..'.join(fact.dates)}" if fact.dates else ""
    return f"{fact.kind} [{people}]{dates} at {where} ({fact.iri.rsplit('/', 1)[-1]})"
