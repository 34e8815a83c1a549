"""The work on one batch of articles: extract each on its own, then validate the batch.

Every article is extracted against a fresh copy of the actor registry (data/actors.ttl and the
curated articles' events), never against actors another article minted: an article's graph then
depends on its own fields and the pipeline's version only, which is what lets a rerun skip an
unchanged article, and what makes the output the same whatever the batches, their order or the
number of workers. The new actors an article mints travel with its outcome, for
:mod:`diplograph.ingest.actors` to merge.

>>> from diplograph.extract.actors import Actor
>>> NewActor.of(Actor("urn:x", "Person", "X", {"X", "Mr X"}, new=True)).aliases
('Mr X', 'X')
"""

from __future__ import annotations

import gc
import io
import pickle
import time
from collections.abc import Sequence
from dataclasses import dataclass

import pyoxigraph as ox

from diplograph.extract.actors import Actor, Registry
from diplograph.extract.corpus import Article
from diplograph.extract.gazetteer import Gazetteer, load
from diplograph.extract.graph import actor_quads, article_quads
from diplograph.extract.mentions import MentionFinder
from diplograph.extract.pipeline import Extractor
from diplograph.ingest.checking import Checker, Graph
from diplograph.project import Project
from diplograph.rdfio import canonical_nquads
from diplograph.validate import Engine
from diplograph.validation.fast import nquads


@dataclass(frozen=True)
class NewActor:
    """An actor an article minted (not in data/actors.ttl), as its outcome carries it."""

    iri: str
    kind: str
    label: str
    aliases: tuple[str, ...]
    nationality: str | None
    post_in: str | None

    @classmethod
    def of(cls, actor: Actor) -> NewActor:
        return cls(
            actor.iri,
            actor.kind,
            actor.label,
            tuple(sorted(actor.aliases)),
            actor.nationality,
            actor.post_in,
        )

    def actor(self) -> Actor:
        return Actor(
            self.iri,
            self.kind,
            self.label,
            set(self.aliases),
            nationality=self.nationality,
            post_in=self.post_in,
            new=True,
        )


@dataclass(frozen=True)
class Outcome:
    """What became of one article: its graph when it conforms, else why it was kept out."""

    id: str
    key: str  # its content key (:func:`diplograph.ingest.reading.content_key`)
    nquads: bytes  # canonical N-Quads of graph:<id>; empty unless accepted
    triples: int
    actors: tuple[NewActor, ...]  # the new actors it mints; empty unless accepted
    violations: tuple[str, ...] = ()
    error: str | None = None  # the extractor's exception, when it raised one

    @property
    def accepted(self) -> bool:
        return self.error is None and not self.violations


@dataclass(frozen=True)
class Batch:
    """The outcomes of a batch, in its order, and the seconds each stage took."""

    outcomes: list[Outcome]
    extract_seconds: float
    validate_seconds: float


@dataclass(frozen=True)
class Job:
    """What every batch of one run shares: the project, the pipeline version
    (:func:`diplograph.ingest.pipeline.version`) and the validation engine."""

    project: Project
    version: str
    validator: Engine = "fast"


GAZETTEER = "gazetteer"  # the persistent id of the shared gazetteer in a pickled registry


class _SharingPickler(pickle.Pickler):
    """Pickles a registry without its gazetteer, which stays a reference (frozen tables that no
    article changes: every copy can share the process's one)."""

    def __init__(self, file: io.BytesIO, gazetteer: Gazetteer) -> None:
        super().__init__(file, pickle.HIGHEST_PROTOCOL)
        self.gazetteer = gazetteer

    def persistent_id(self, obj: object) -> str | None:
        return GAZETTEER if obj is self.gazetteer else None


class _SharingUnpickler(pickle.Unpickler):
    """Unpickles what :class:`_SharingPickler` wrote, with this gazetteer for the reference."""

    def __init__(self, data: bytes, gazetteer: Gazetteer) -> None:
        super().__init__(io.BytesIO(data))
        self.gazetteer = gazetteer

    def persistent_load(self, pid: object) -> Gazetteer:
        if pid != GAZETTEER:
            raise pickle.UnpicklingError(f"unknown persistent id {pid!r}")
        return self.gazetteer


@dataclass
class Context:
    """What every batch of a process needs, built once per process and project."""

    registry: bytes  # the registry every article starts from, pickled without its gazetteer
    gazetteer: Gazetteer
    finder: MentionFinder
    checker: Checker

    @classmethod
    def build(cls, project: Project, validator: Engine = "fast") -> Context:
        gazetteer = load()
        registry = Registry.from_files([project.actors], gazetteer)
        registry.add_events(project.articles)
        finder = Extractor(registry, gazetteer).finder
        pickled = io.BytesIO()
        _SharingPickler(pickled, gazetteer).dump(registry)
        return cls(pickled.getvalue(), gazetteer, finder, Checker(project, validator))

    def fresh_registry(self) -> Registry:
        """A copy of the registry for one article: its actors and indexes its own (an article
        adds actors and aliases), the gazetteer the process's (half the cost of a whole copy).

        >>> from diplograph.project import Project
        >>> ctx = Context.build(Project.find(None))
        >>> one, two = ctx.fresh_registry(), ctx.fresh_registry()
        >>> one.gazetteer is two.gazetteer is ctx.gazetteer, one.actors is two.actors
        (True, False)
        """
        registry = _SharingUnpickler(self.registry, self.gazetteer).load()
        assert isinstance(registry, Registry)
        return registry


_contexts: dict[Job, Context] = {}


def context(job: Job) -> Context:
    """The context of ``job`` in this process (built again, the old one dropped, for a job of
    another version: a long-lived cluster worker follows the model).

    Once built, the context (and whatever else the process holds then) is moved out of the
    garbage collector's sight (``gc.freeze``): it lives as long as the process, and every full
    collection would otherwise walk its tens of thousands of objects again (half the collector's
    time in a worker, docs/scaling.md).
    """
    if job not in _contexts:
        _contexts.clear()
        gc.unfreeze()  # the old context, if any, can go
        _contexts[job] = Context.build(job.project, job.validator)
        gc.freeze()
    return _contexts[job]


def extract(ctx: Context, article: Article) -> tuple[list[ox.Quad], list[Actor]]:
    """The article's graph and the new actors it mints, from a fresh copy of the registry."""
    registry = ctx.fresh_registry()
    extraction = Extractor(registry, ctx.gazetteer, ctx.finder).extract(article)
    return article_quads(extraction), registry.new_actors()


def process(job: Job, tasks: Sequence[tuple[str, Article]]) -> Batch:
    """Extract and validate ``tasks`` (content key, article) for ``job``.

    An exception raised while extracting one article is caught on purpose, as in ``diplograph
    extract``: the rules meet arbitrary text, and one article tripping a rule must not cost the
    rest of the corpus; the outcome names the exception.
    """
    ctx = context(job)
    started = time.perf_counter()
    extracted: list[tuple[str, Article, list[ox.Quad], list[Actor]] | Outcome] = []
    for key, article in tasks:
        try:
            quads, actors = extract(ctx, article)
        except Exception as error:
            reason = f"{type(error).__name__}: {error}"
            extracted.append(Outcome(article.id, key, b"", 0, (), error=reason))
        else:
            extracted.append((key, article, quads, actors))
    validating = time.perf_counter()
    good = [item for item in extracted if not isinstance(item, Outcome)]
    texts = [canonical_nquads(quads) for _, _, quads, _ in good]
    graphs = []
    for (_, _, quads, actors), text in zip(good, texts, strict=True):
        minted = actor_quads(actors)
        graphs.append(Graph([*quads, *minted], text + nquads(minted)))
    verdicts = iter(zip(ctx.checker.check(graphs), texts, strict=True))
    outcomes = []
    for item in extracted:
        if isinstance(item, Outcome):
            outcomes.append(item)
            continue
        key, article, quads, actors = item
        found, text = next(verdicts)
        if found:
            outcomes.append(Outcome(article.id, key, b"", len(quads), (), tuple(found)))
        else:
            records = tuple(NewActor.of(actor) for actor in actors)
            outcomes.append(Outcome(article.id, key, text, len(quads), records))
    done = time.perf_counter()
    return Batch(outcomes, validating - started, done - validating)
