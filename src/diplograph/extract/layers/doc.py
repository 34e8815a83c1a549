"""One annotated document: an article's text and the layers the components add to it, in order.

Like spaCy's ``Doc`` or NewsReader's NAF, every layer points into the text by character offsets
(code points): the sentences (``doc.sentences``), the tokens of each sentence (``doc.tokens``),
its actor mentions (``doc.mentions``), the actors each mention resolves to (``doc.resolved``), its
reporting clauses (``doc.clauses``: speakers, verb and spans), then the frames of the
:class:`~diplograph.extract.model.Extraction` (holdings, interactions, statements, claims,
stances, references), each with its evidence spans. A component reads the layers before its own
and adds its own; :class:`~diplograph.extract.pipeline.Extractor` runs them in one direction.

>>> keys = Keys()
>>> [unique("meeting-a-b", keys) for _ in range(3)]
['meeting-a-b', 'meeting-a-b-2', 'meeting-a-b-3']
>>> local_iri("https://example.org/id/person/wang-yi")
'wang-yi'
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from diplograph.extract.actors import Actor, Registry
from diplograph.extract.coreference import Coreference, Resolved
from diplograph.extract.corpus import Article
from diplograph.extract.gazetteer import Gazetteer
from diplograph.extract.layers.index import InteractionIndex
from diplograph.extract.mentions import Mention, Token
from diplograph.extract.model import Extraction, Interaction
from diplograph.extract.text import Sentence, slug

if TYPE_CHECKING:  # the clause layer reads the coreference layer, which reads this module
    from diplograph.extract.layers.clauses import Clause


class Keys(set[str]):
    """The keys taken in one article, and for each base key the next number to try, so that
    minting the n-th ``meeting-a-b`` costs O(1), not O(n)."""

    def __init__(self, keys: Iterable[str] = ()) -> None:
        super().__init__(keys)
        self.next: dict[str, int] = {}


@dataclass
class Doc:
    """An article being annotated, with the registry and gazetteer its components resolve by."""

    extraction: Extraction  # the frames: holdings, interactions, statements, claims, stances
    registry: Registry
    gazetteer: Gazetteer
    coref: Coreference  # who the article has introduced so far, and who "they" are
    index: InteractionIndex  # the extraction's interactions, indexed as they are added
    keys: Keys = field(default_factory=Keys)  # the item keys taken in the article
    # (its number among the article's sentences, the sentence): boilerplate trimmed or left out
    sentences: list[tuple[int, Sentence]] = field(default_factory=list)
    tokens: list[list[Token]] = field(default_factory=list)  # per sentence, in text order
    mentions: list[list[Mention]] = field(default_factory=list)  # per sentence, in text order
    resolved: list[list[Resolved]] = field(default_factory=list)  # per sentence: the actors
    clauses: list[list[Clause]] = field(default_factory=list)  # per sentence: reporting clauses
    # what the sentences so far leave for the next one (the sentence pass, :mod:`.discourse`)
    main: Interaction | None = None  # the article's main interaction: who "the two sides" are
    previous: list[Actor] = field(default_factory=list)  # the last subject named ("he")
    last_speaker: tuple[int, Actor] | None = None  # (paragraph, its speaker) of the last statement
    turn: tuple[Actor | None] | None = None  # in a transcript, whose turn it is (if known)
    speakers: list[Actor] = field(default_factory=list)  # in a transcript: its labels' speakers
    first_label: int | None = None  # where a transcript's first speaker label is
    joint: bool = False  # a joint statement: its "we" are the main interaction's participants
    dateline: str | None = None  # the place of a news dateline ("MOSCOW, Nov 8 (Reuters) -")
    # the initials of the titles of the people named so far ("EAM": External Affairs Minister X)
    initials: dict[str, Actor] = field(default_factory=dict)

    @classmethod
    def new(cls, article: Article, registry: Registry, gazetteer: Gazetteer) -> Doc:
        """An article with no layer yet: its publisher, whose account it is (the publisher, and
        the state a government publisher is of), and the state of officials named without one
        (the publisher's home state)."""
        publisher = registry.publisher(article.publisher)
        home_label = gazetteer.publishers.get(article.publisher)
        home = registry.state(home_label) if home_label else None
        according_to = [publisher]
        publisher_state = registry.state_of(publisher)
        if publisher_state is not None and publisher_state is not publisher:
            according_to.append(publisher_state)
        extraction = Extraction(article, publisher, according_to)
        coref = Coreference(registry, home, article.published, scope=article.id)
        return cls(
            extraction, registry, gazetteer, coref, InteractionIndex(extraction.interactions)
        )

    @property
    def article(self) -> Article:
        """The article annotated."""
        return self.extraction.article

    @property
    def text(self) -> str:
        """The article's text, which every offset points into."""
        return self.extraction.article.text


@dataclass
class Cursor:
    """The sentence the sentence pass is at (:mod:`.discourse`): its mentions, the actors they
    resolve to, those of them who take part in what the sentence reports, and its reporting
    clauses."""

    number: int  # among all the article's sentences
    sentence: Sentence
    mentions: list[Mention]
    resolved: list[Resolved] = field(default_factory=list)
    taking_part: list[Resolved] = field(default_factory=list)
    clauses: list[Clause] = field(default_factory=list)
    # a sentence of a transcript's turn that reports what others said ("Qin Gang pointed out
    # that ..." in a spokesperson's answer): its statements are its clauses', not the speaker's
    reported: bool = False
    # the participants of an interaction of the sentence other than the main one ("He also held
    # talks with B, and the two ministers agreed"): who its plural subjects are
    group: list[Actor] = field(default_factory=list)


class Step(Protocol):
    """One step of the sentence pass: adds its layer for the sentence ``at``."""

    def __call__(self, doc: Doc, at: Cursor) -> None: ...


class Component(Protocol):
    """One step of the pipeline: adds its layer to ``doc``, reading the layers before it."""

    def __call__(self, doc: Doc) -> None: ...


def unique(key: str, keys: Keys) -> str:
    """The slug of ``key``, numbered from 2 when it is taken; taken from then on."""
    base = slug(key)
    candidate, number = base, keys.next.get(base, 2)
    if candidate in keys:
        candidate = f"{base}-{number}"
        while candidate in keys:
            number += 1
            candidate = f"{base}-{number}"
        number += 1
    keys.next[base] = number
    keys.add(candidate)
    return candidate


def local(actor: Actor) -> str:
    """The last segment of an actor's IRI."""
    return local_iri(actor.iri)


def local_iri(iri: str) -> str:
    """The last segment of an IRI."""
    return iri.rstrip("/").rsplit("/", 1)[-1]
