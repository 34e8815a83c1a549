"""Extracting one article: a pipeline of components over one annotated document.

Each component adds one layer to a :class:`~diplograph.extract.layers.doc.Doc` and reads only the
layers before it, in one direction: text -> sentences -> tokens -> mentions -> (per sentence)
coreference, holdings, interactions, clauses and statements -> transcript remarks -> sides ->
claims -> stances -> references. ``Extractor.pipeline`` is that list (like spaCy's
``nlp.pipeline``); any component can be replaced by another object with the same call
(``__call__(doc) -> None``), and the mention layer by any
:class:`~diplograph.extract.mentions.MentionFinder`.
"""

from __future__ import annotations

from functools import cache

from diplograph.errors import DiplographError
from diplograph.extract.actors import Registry
from diplograph.extract.corpus import Article
from diplograph.extract.gazetteer import Gazetteer
from diplograph.extract.layers.claims import Claims
from diplograph.extract.layers.discourse import Discourse
from diplograph.extract.layers.doc import Component, Doc
from diplograph.extract.layers.mentions import MentionLayer
from diplograph.extract.layers.references import References
from diplograph.extract.layers.sentences import SentenceLayer
from diplograph.extract.layers.sides import Sides
from diplograph.extract.layers.stances import Stances
from diplograph.extract.layers.tokens import TokenLayer
from diplograph.extract.layers.turns import Remarks
from diplograph.extract.limits import (
    MAX_ARTICLE_CHARS,
    MAX_ARTICLE_CHARS_VARIABLE,
    max_article_chars,
)
from diplograph.extract.mentions import Lexicon, MentionFinder, RuleMentionFinder
from diplograph.extract.model import Extraction
from diplograph.extract.references import ReferenceFinder
from diplograph.extract.stances import StanceFinder

# The named graphs of the model and of the extracted actors: an article's graph is graph:<id>.
RESERVED_GRAPHS = frozenset({"actors", "codes", "diplograph", "extracted-actors"})


@cache
def _stance_finder(gazetteer: Gazetteer) -> StanceFinder:
    """The stance finder of a gazetteer (it holds no state of an article: one per process)."""
    return StanceFinder(legacy=gazetteer.issues)


class Extractor:
    """Turns articles into :class:`Extraction` records, sharing one registry across a corpus.

    An article longer than ``max_chars`` characters (default: :func:`max_article_chars`) or with
    the id of a curated article is refused with a :class:`DiplographError` naming it.
    """

    def __init__(
        self,
        registry: Registry,
        gazetteer: Gazetteer,
        finder: MentionFinder | None = None,
        max_chars: int | None = None,
    ):
        self.max_chars = max_article_chars() if max_chars is None else max_chars
        self.registry = registry
        self.gazetteer = gazetteer
        self.finder = finder or RuleMentionFinder(Lexicon.build(gazetteer, registry.known_labels()))
        self.pipeline: list[Component] = [
            SentenceLayer(),
            TokenLayer(),
            MentionLayer(self.finder),
            Discourse(),
            Remarks(self.finder),
            Sides(),
            Claims(),
            Stances(_stance_finder(gazetteer)),
            References(ReferenceFinder(registry, gazetteer)),
        ]

    def extract(self, article: Article) -> Extraction:
        """The article's extraction: the layers of every component of the pipeline, in order."""
        return self.annotate(article).extraction

    def annotate(self, article: Article) -> Doc:
        """The article as one annotated document, every layer added."""
        if len(article.text) > self.max_chars:
            raise DiplographError(
                f"{article.id}: text: {len(article.text):,} characters, above the limit of "
                f"{self.max_chars:,} (set {MAX_ARTICLE_CHARS_VARIABLE} to change it)"
            )
        curated = self.registry.curated_articles.get(article.id)
        if curated is not None or article.id in RESERVED_GRAPHS:
            taken = f"the curated article {curated.name}" if curated else f"graph:{article.id}"
            raise DiplographError(
                f"{article.id}: id: taken by {taken}; give the extracted article another id"
            )
        doc = Doc.new(article, self.registry, self.gazetteer)
        for component in self.pipeline:
            component(doc)
        return doc


__all__ = ["MAX_ARTICLE_CHARS", "Extractor", "max_article_chars"]
