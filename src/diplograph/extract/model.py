"""What extraction finds in one article, before it becomes RDF (:mod:`.graph`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from diplograph.extract.actors import Actor
from diplograph.extract.corpus import Article
from diplograph.extract.dates import When
from diplograph.extract.text import Span

INTERACTION_KINDS = ("Meeting", "Talks", "PhoneCall", "VideoCall", "Visit")
STATEMENT_KINDS = (
    "Assertion",
    "Demand",
    "Warning",
    "Commitment",
    "Proposal",
    "Criticism",
    "AgreementStatement",
)


@dataclass
class Interaction:
    key: str  # the last segment of its IRI
    kind: str  # one of INTERACTION_KINDS
    participants: list[Actor]
    evidence: list[Span]
    when: When | None = None
    when_span: Span | None = None
    place: Actor | None = None
    hosts: list[Actor] = field(default_factory=list)
    visitors: list[Actor] = field(default_factory=list)
    part_of: Interaction | None = None
    known: str | None = None  # the IRI of a registry event this re-reports
    label: str | None = None  # the curated label of a re-reported event


@dataclass
class Statement:
    key: str
    kind: str  # one of STATEMENT_KINDS
    speaker: Actor
    evidence: list[Span]
    addressees: list[Actor] = field(default_factory=list)
    made_during: Interaction | None = None
    target: Actor | None = None
    action: str | None = None
    cites: list[Actor] = field(default_factory=list)


@dataclass
class Holding:
    key: str
    person: Actor
    post: Actor
    evidence: Span


@dataclass
class Stance:
    key: str
    holder: Actor
    issue: str  # the local name of a code:issue concept
    polarity: str  # support or oppose
    expressed_by: list[Statement]
    evidence: list[Span]


@dataclass
class Extraction:
    """Everything found in one article."""

    article: Article
    publisher: Actor
    interactions: list[Interaction] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    holdings: list[Holding] = field(default_factory=list)
    stances: list[Stance] = field(default_factory=list)
