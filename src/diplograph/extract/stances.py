"""The stance layer: the positions statements express on issues, agreements and principles.

A stance is held by the side a speaker speaks for (``dip:onBehalfOf``, else the speaker), is on one
thing — a concept of the ``code:issue`` scheme, or an agreement or principle the statement cites —
and has a polarity. Issues are found by the vocabulary of ``issues.toml``: the words that name each
concept, and the polarity a position on it has (a good such as democracy is supported by a
statement that names it, whether it welcomes it or condemns what threatens it; a harm such as
Russia's war against Ukraine is opposed; for a few, such as sanctions, the clause decides). Each
(holder, issue, statement) is one stance; its evidence is the words that name the issue.

>>> vocabulary = load_issues()
>>> [(i.slug, i.polarity) for i in issues_in("reaffirmed support for Ukraine's sovereignty and "
...     "territorial integrity in the face of Russia's war", vocabulary, dt.date(2022, 3, 1))]
[('russia-war-against-ukraine', 'oppose'), ('sovereignty-and-territorial-integrity', 'support')]
>>> [i.slug for i in issues_in("condemned the DPRK's ballistic missile launches", vocabulary)]
['korean-peninsula-denuclearization']
>>> [i.slug for i in issues_in("the Democratic People's Republic of Korea", vocabulary)]
[]

The layer runs once over the statements of an extraction, each issue pattern once over each
statement's span: linear in the text, deterministic.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from diplograph.errors import DiplographError
from diplograph.extract.actors import Actor
from diplograph.extract.model import Extraction, Stance, Statement
from diplograph.extract.text import Span, span
from diplograph.vocab import CODE

PATH = Path(__file__).with_name("issues.toml")
POLARITIES = ("support", "oppose", "clause")
# Words before an issue that make the clause oppose it (issues whose polarity the clause decides).
_OPPOSING = re.compile(
    r"\b(?:oppos\w*|against|reject\w*|lift\w*|remov\w*|eas(?:e|es|ed|ing)|relax\w*|"
    r"end(?:ing)?|stop\w*|condemn\w*|critici[sz]\w*|unilateral|illegal|refrain\w*|"
    r"interfer\w*|not)\b",
    re.IGNORECASE,
)
# A negation just before such a word, which turns the clause back to support ("will not lift
# the sanctions", "vowed never to ease them").
_NEGATED = re.compile(r"\b(?:not|never|no)\s+(?:to\s+)?$", re.IGNORECASE)
# The topics of an interaction ("discussed the climate crisis and agreed to ..."): no position; up
# to the next reporting verb or the end of the clause. The verbs, and the noun only with what it is
# on ("discussions on democracy"): "The discussion emphasized" and "the Compact Review" name no
# topic.
_TOPIC = re.compile(
    r"\b(?:discuss(?:ed|es|ing)?|discussions? (?:on|of|about|regarding)|exchanged views on|"
    r"(?-i:review(?:ed|ing)?)|spoke about|talked about|covered)\b"
    r".*?(?=,? and (?:also )?\w+ed\b|[.;]|$)",
    re.IGNORECASE | re.DOTALL,
)
# Statement kinds whose cited agreement or principle they support ("must adhere to the one-China
# principle"; "committed to implementing the Bali agenda").
CITED_KINDS = ("Demand", "Commitment")
CITABLE = frozenset({"Agreement", "JointCommunique", "Consensus", "Agenda", "Principle"})


@dataclass(frozen=True)
class Issue:
    """A concept of the ``code:issue`` scheme and the words that name it."""

    slug: str
    polarity: str  # support, oppose, or clause (the clause decides)
    pattern: re.Pattern[str]
    since: dt.date | None = None  # the concept applies to texts published from this day
    until: dt.date | None = None  # ... and to texts published before this day
    yields_to: frozenset[str] = frozenset()  # more specific concepts that take the position
    harms: re.Pattern[str] | None = None  # the words of its harmful form, which is opposed

    @property
    def iri(self) -> str:
        return f"{CODE}issue/{self.slug}"

    def applies(self, published: dt.date | None) -> bool:
        """Whether the concept applies to a text published on ``published`` (a text of no date
        takes the concepts of today, not those of a period that has ended)."""
        if published is None:
            return self.until is None
        after = self.since is None or published >= self.since
        return after and (self.until is None or published < self.until)

    @property
    def label(self) -> str:
        return self.slug.replace("-", " ")


@dataclass(frozen=True)
class Found:
    """An issue named at ``start``-``end`` of a text, with the polarity of the position."""

    issue: Issue
    polarity: str
    start: int
    end: int

    @property
    def slug(self) -> str:
        return self.issue.slug


@cache
def load_issues(path: Path = PATH) -> tuple[Issue, ...]:
    """The issue vocabulary at ``path`` (the packaged one by default), in file order."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise DiplographError(f"{path}: {error}") from None
    issues = []
    for slug, entry in data.items():
        polarity = entry.get("polarity", "support")
        words = entry.get("words", [])
        if polarity not in POLARITIES or not words:
            raise DiplographError(f"{path}: [{slug}] needs words and a polarity in {POLARITIES}")
        harms = entry.get("harms")
        issues.append(
            Issue(
                slug,
                polarity,
                _words(words),
                _day(entry.get("since")),
                _day(entry.get("until")),
                frozenset(entry.get("yields_to", [])),
                _words(harms) if harms else None,
            )
        )
    return tuple(issues)


def _day(value: str | None) -> dt.date | None:
    """The day an ISO date names, or None."""
    return dt.date.fromisoformat(value) if value else None


def _words(words: Sequence[str]) -> re.Pattern[str]:
    """One case-insensitive pattern for ``words``, each matched at word boundaries."""
    return re.compile(
        r"(?<![\w-])(?:" + "|".join(f"(?:{w})" for w in words) + r")(?![\w-])", re.IGNORECASE
    )


def issues_in(
    text: str,
    issues: Iterable[Issue],
    published: dt.date | None = None,
    start: int = 0,
    end: int | None = None,
) -> list[Found]:
    """The issues ``text[start:end]`` names, each once (its first mention), in text order, with
    the polarity of the position.

    >>> vocabulary = load_issues()
    >>> [(f.slug, f.polarity) for f in issues_in("urged them to lift sanctions", vocabulary)]
    [('sanctions', 'oppose')]
    >>> [(f.slug, f.polarity) for f in issues_in("to impose sanctions", vocabulary)]
    [('sanctions', 'support')]
    >>> [f.slug for f in issues_in("a diplomatic solution on the JCPOA", vocabulary)]
    ['iran-nuclear-program']
    >>> [(f.slug, f.polarity) for f in issues_in("to counter irregular migration", vocabulary)]
    [('migration', 'oppose')]
    """
    stop = len(text) if end is None else end
    found = []
    for issue in issues:
        if not issue.applies(published):
            continue
        harm = issue.harms.search(text, start, stop) if issue.harms is not None else None
        match = harm or issue.pattern.search(text, start, stop)
        if match is None:
            continue
        polarity = "oppose" if harm is not None else issue.polarity
        if polarity == "clause":
            polarity = clause_polarity(text[max(start, match.start() - 60) : match.start()])
        found.append(Found(issue, polarity, match.start(), match.end()))
    named = {f.slug for f in found}
    found = [f for f in found if not f.issue.yields_to & named]
    return sorted(found, key=lambda f: (f.start, f.slug))


def clause_polarity(before: str) -> str:
    """The polarity of a position whose words the clause ``before`` leads up to: oppose after
    an opposing word, unless a negation comes just before it.

    >>> clause_polarity("urged them to lift"), clause_polarity("called on them not to impose")
    ('oppose', 'oppose')
    >>> clause_polarity("said they would not lift the"), clause_polarity("vowed never to ease")
    ('support', 'support')
    """
    words = [m for m in _OPPOSING.finditer(before) if not re.search(r"[.;]", before[m.end() :])]
    if not words:
        return "support"
    last = words[-1]
    negated = last.group(0).lower() != "not" and _NEGATED.search(before, 0, last.start())
    return "support" if negated else "oppose"


def _legacy(phrases: Mapping[str, Sequence[str]]) -> tuple[Issue, ...]:
    """The gazetteer's ``[issues]`` (exact phrases of Chinese readouts), as issues whose polarity
    the clause decides, interference always opposed."""
    return tuple(
        Issue(
            slug,
            "oppose" if slug.endswith("interference") else "clause",
            re.compile("|".join(re.escape(p) for p in sorted(words, key=len, reverse=True))),
        )
        for slug, words in phrases.items()
        if words
    )


class StanceFinder:
    """Finds the stances of an extraction's statements (the seam a statistical model can take)."""

    def __init__(
        self,
        issues: Sequence[Issue] | None = None,
        legacy: Mapping[str, Sequence[str]] | None = None,
    ) -> None:
        self.issues = tuple(issues if issues is not None else load_issues())
        self.legacy = _legacy(legacy or {})

    def find(
        self, extraction: Extraction, sides: Mapping[str, Actor] | None = None
    ) -> list[Stance]:
        """One stance per (holder, issue, statement), ordered by key; ``sides``: the side a
        speaker that speaks for no state holds its stances for, by the speaker's IRI (a group
        of the article, "NUG representatives", for the organisation its label names)."""
        text = extraction.article.text
        published = extraction.article.published
        stances: dict[tuple[str, str, str], Stance] = {}
        numbers: dict[str, int] = {}  # per base key, how many stances have it

        def express(statement: Statement, where: Span, iri: str, label: str, pole: str) -> None:
            holder = holder_of(statement)
            holder = (sides or {}).get(holder.iri, holder)
            index = (holder.iri, iri, statement.key)
            stance = stances.get(index)
            if stance is None:
                base = f"stance-{_local(holder.iri)}-{pole}-{_local(iri)}"
                number = numbers[base] = numbers.get(base, 0) + 1
                key = base if number == 1 else f"{base}-{number}"
                stance = Stance(key, holder, iri, label, pole, [statement], [])
                stances[index] = stance
            if where not in stance.evidence:
                stance.evidence.append(where)

        # the statements of several speakers share their span: each span is read once
        named: dict[tuple[int, int, bool], list[Found]] = {}
        for statement in extraction.statements:
            where = statement.evidence[0]  # the demanded action, else the clause or sentence
            cited_kind = statement.kind in CITED_KINDS
            if (where.start, where.end, cited_kind) not in named:
                found = issues_in(text, self.issues, published, where.start, where.end)
                if cited_kind:
                    found += issues_in(text, self.legacy, published, where.start, where.end)
                topics = topic_spans(text, where.start, where.end)
                found = [f for f in found if not any(a <= f.start < b for a, b in topics)]
                named[(where.start, where.end, cited_kind)] = found
        specific = self._article_conflict(named.values())
        for statement in extraction.statements:
            where = statement.evidence[0]
            cited_kind = statement.kind in CITED_KINDS
            found = named[(where.start, where.end, cited_kind)]
            # a statement that names a harm of its own ("a ceasefire in Ukraine") keeps its words
            own = {} if any(f.issue.polarity == "oppose" for f in found) else specific
            for item in found:
                issue = own.get(item.slug, item.issue)
                pole = item.polarity if issue is item.issue else issue.polarity
                express(statement, span(text, item.start, item.end), issue.iri, issue.label, pole)
            if cited_kind:
                for cited, mention in zip(statement.cites, statement.cited_at, strict=True):
                    inside = where.start <= mention.start and mention.end <= where.end
                    if cited.kind in CITABLE and inside:
                        express(statement, where, cited.iri, cited.label, "support")
                        break
        return sorted(stances.values(), key=lambda s: s.key)

    def _article_conflict(self, named: Iterable[list[Found]]) -> dict[str, Issue]:
        """The specific concept that the generic ones which yield to it stand for across an
        article, by the generic one's slug: in a readout whose statements name one specific
        conflict (the Middle East peace, the JCPOA, the Korean Peninsula), "the ceasefire" and
        "a diplomatic path" are positions on it, also where a statement does not name it."""
        slugs = {f.slug for found in named for f in found}
        by_slug = {issue.slug: issue for issue in self.issues}
        specific: dict[str, Issue] = {}
        for issue in self.issues:
            which = [by_slug[slug] for slug in issue.yields_to & slugs if slug in by_slug]
            if len(which) == 1:
                specific[issue.slug] = which[0]
        return specific


def topic_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Where ``text[start:end]`` names the topics of an interaction rather than a position.

    >>> text = "They discussed the climate crisis and agreed to cut emissions."
    >>> [text[a:b] for a, b in topic_spans(text, 0, len(text))]
    ['discussed the climate crisis']
    """
    return [(m.start(), m.end()) for m in _TOPIC.finditer(text, start, end)]


def holder_of(statement: Statement) -> Actor:
    """The side a statement's speaker speaks for, else the speaker."""
    return statement.on_behalf_of or statement.speaker


def _local(iri: str) -> str:
    return iri.rstrip("/").rsplit("/", 1)[-1]


__all__ = [
    "Found",
    "Issue",
    "StanceFinder",
    "clause_polarity",
    "holder_of",
    "issues_in",
    "load_issues",
]
