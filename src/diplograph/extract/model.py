"""What extraction finds in one article, before it becomes RDF (:mod:`.graph`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from diplograph.extract.actors import Actor
from diplograph.extract.corpus import Article
from diplograph.extract.dates import When
from diplograph.extract.text import Span

INTERACTION_KINDS = ("Meeting", "Talks", "Call", "PhoneCall", "VideoCall", "Visit")


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
    # (local name of a dip: property, why): values the extractor inferred, not read in the text
    inferred: list[tuple[str, str]] = field(default_factory=list)


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
    cited_at: list[Span] = field(default_factory=list)  # the mention of each cited item
    cameo: str = "010"  # the CAMEO code of its coded event (statements.event_code)
    on_behalf_of: Actor | None = None  # the side the speaker speaks for (dip:onBehalfOf)
    speaker_inferred: bool = False  # from the paragraph's reported speech, not the sentence
    target_inferred: bool = False  # "urged him to": the pronoun read as the one addressee


@dataclass
class Claim:
    """A relation a statement asserts (a ``dip:Claim``): that ``subject`` (an agreement) was
    reached at the interaction ``object`` (``dip:reachedAt``)."""

    key: str
    statement: Statement
    subject: Actor
    property: str  # the local name of a dip: property, e.g. reachedAt
    object: Interaction
    evidence: list[Span]
    object_inferred: bool = False  # the text does not name the object: marked dip:claimObject


@dataclass
class Holding:
    key: str
    person: Actor
    post: Actor
    evidence: Span
    titles: tuple[str, ...] = ()  # the title as the text gives it ("Deputy Secretary of State")


@dataclass
class Stance:
    key: str
    holder: Actor
    issue: str  # the IRI of a code:issue concept, or of a cited agreement or principle
    issue_label: str
    polarity: str  # support or oppose
    expressed_by: list[Statement]
    evidence: list[Span]


@dataclass
class Mention:
    """An item the narrator names outside every statement (``schema:mentions`` of the article):
    in a topic ("discussed the JCPOA"), as a setting ("during the NATO Summit"), as a framework
    ("cooperation through the Quad"); ``evidence`` is each span that names it."""

    item: Actor
    evidence: list[Span]


@dataclass
class Extraction:
    """Everything found in one article."""

    article: Article
    publisher: Actor
    according_to: list[Actor] = field(default_factory=list)  # the publisher, and its state
    interactions: list[Interaction] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    holdings: list[Holding] = field(default_factory=list)
    stances: list[Stance] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)  # what the narrator names
