"""The ingest run: decide what to do with each article, run the work, write the target.

An article whose content key (its fields and :func:`version`) is the one the ledger recorded, and
whose graph the target still holds (or which was kept out then), is skipped; the others are
extracted and validated. A conforming article's graph is added (new) or replaces its old version
(changed); an article that no longer conforms loses its old graph. Writes are buffered and made
in large bulk loads, by one writer thread while the main thread goes on taking the workers'
results (Oxigraph releases the GIL while it loads); the ledger is written after the target, so an
interrupted run redoes at most the articles it had not recorded. Then ``graph:extracted-actors``
is rebuilt from the ledger, and the ontology, code lists, actor registry and curated articles are
put in place, so that the target serves the whole dataset.
"""

from __future__ import annotations

import hashlib
import itertools
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

import diplograph
from diplograph.extract.corpus import Article
from diplograph.ingest import actors
from diplograph.ingest.engines import Runner, Tasks
from diplograph.ingest.ledger import Ledger
from diplograph.ingest.reading import content_key, stream
from diplograph.ingest.targets import Target
from diplograph.ingest.work import Job, Outcome
from diplograph.project import Project
from diplograph.rdfio import read_quads
from diplograph.validate import Engine
from diplograph.vocab import graph_iri

LOOKUP = 500  # articles looked up in the ledger at a time
FLUSH_TRIPLES = 200_000  # triples buffered before a bulk load (its memory: see docs/scaling.md)
Advance = Callable[[int], None]  # articles just done


def version(project: Project) -> str:
    """A hash of everything an article's graph and verdict depend on besides the article: the
    package version, the extractor's and validator's code and tables, the registry, the curated
    articles (their events), the ontology, code lists and shapes."""
    package = Path(diplograph.__file__).parent
    code = sorted(
        [*(package / "extract").glob("*.py"), *(package / "extract").glob("*.toml")]
        + [package / name for name in ("vocab.py", "provenance.py", "validate.py", "rdfio.py")]
    )
    code += sorted((package / "ingest").glob("*.py"))
    model = [*project.vocabulary(), *project.articles, *project.shape_files()]
    digest = hashlib.sha256(diplograph.__version__.encode())
    for path in [*code, *model]:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


@dataclass
class Report:
    """What an ingest run did, for the summary table."""

    read: int = 0
    unchanged: int = 0
    new: int = 0
    replaced: int = 0
    rejected: list[tuple[str, list[str]]] = field(default_factory=list)  # (id, violations)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (id, exception)
    triples: int = 0  # triples of the article graphs loaded in this run
    actors: int = 0  # triples of graph:extracted-actors
    shared: list[str] = field(default_factory=list)  # vocabulary and curated graphs replaced
    extract_seconds: float = 0.0  # summed over the workers
    validate_seconds: float = 0.0  # summed over the workers
    load_seconds: float = 0.0
    seconds: float = 0.0  # wall clock, end to end


@dataclass
class Buffer:
    """Outcomes waiting for the next write to the target."""

    new: list[Outcome] = field(default_factory=list)
    changed: list[Outcome] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)  # graphs of articles kept out now
    recorded: list[Outcome] = field(default_factory=list)
    triples: int = 0


class Run:
    """One ingest of a corpus into a target, with its ledger."""

    def __init__(
        self, project: Project, target: Target, ledger: Ledger, validator: Engine = "fast"
    ) -> None:
        self.project = project
        self.validator = validator
        self.target = target
        self.ledger = ledger
        self.version = version(project)
        self.report = Report()
        self.buffer = Buffer()
        self.present: set[str] = set()
        self.writer = ThreadPoolExecutor(1, thread_name_prefix="diplograph-write")
        self.writing: tuple[Future[float], Buffer] | None = None

    def _todo(self, corpus: Path, advance: Advance) -> Iterator[tuple[str, Article]]:
        """The (key, article) pairs to work on; the unchanged ones counted and skipped (the
        ledger asked about ``LOOKUP`` articles at a time)."""
        articles = stream(corpus)
        while chunk := list(itertools.islice(articles, LOOKUP)):
            entries = self.ledger.entries([article.id for article in chunk])
            for article in chunk:
                self.report.read += 1
                key = content_key(article, self.version)
                entry = entries.get(article.id)
                if entry is not None and entry[0] == key and self._kept(article.id, entry[1]):
                    advance(1)
                    continue
                yield key, article

    def _kept(self, identifier: str, status: str) -> bool:
        """Whether an unchanged article stays as it is: kept out then (listed again), or loaded
        and its graph still in the target."""
        if status == "loaded" and graph_iri(identifier) not in self.present:
            return False
        self.report.unchanged += 1
        if status == "rejected":
            self.report.rejected.append((identifier, self.ledger.problems(identifier)))
        elif status == "failed":
            self.report.failed.append((identifier, self.ledger.problems(identifier)[0]))
        return True

    def _take(self, outcome: Outcome) -> None:
        graph = graph_iri(outcome.id)
        buffer = self.buffer
        if outcome.accepted:
            (buffer.changed if graph in self.present else buffer.new).append(outcome)
            buffer.triples += outcome.triples
        else:
            if graph in self.present:
                buffer.dropped.append(graph)
            if outcome.error is not None:
                self.report.failed.append((outcome.id, outcome.error))
            else:
                self.report.rejected.append((outcome.id, list(outcome.violations)))
        buffer.recorded.append(outcome)
        if buffer.triples >= FLUSH_TRIPLES:
            self._flush()

    def _flush(self) -> None:
        """Hand the buffer to the writer thread, once the write before it is settled: the
        target is written by one thread, in order, while this one goes on taking results."""
        buffer, self.buffer = self.buffer, Buffer()
        self._settle()
        self.writing = (self.writer.submit(self._write, buffer), buffer)

    def _write(self, buffer: Buffer) -> float:
        """Write the buffer to the target (in the writer thread); the seconds it took."""
        started = time.perf_counter()
        self.target.drop(buffer.dropped)
        self.target.add(buffer.new, buffer.changed)
        return time.perf_counter() - started

    def _settle(self) -> None:
        """Wait for the write in progress (its error raised here), then record it in the ledger:
        the ledger never names a graph the target does not hold."""
        if self.writing is None:
            return
        (future, buffer), self.writing = self.writing, None
        seconds = future.result()
        started = time.perf_counter()
        self.ledger.record(buffer.recorded)
        self.report.load_seconds += seconds + time.perf_counter() - started
        self.report.new += len(buffer.new)
        self.report.replaced += len(buffer.changed)
        self.report.triples += sum(o.triples for o in [*buffer.new, *buffer.changed])
        self.present.update(graph_iri(o.id) for o in buffer.new)
        self.present.difference_update(buffer.dropped)

    def _shared_graphs(self) -> None:
        """The ontology, code lists, registry and curated articles, each graph replaced when it
        differs from the project's."""
        graphs: dict[str, list[ox.Quad]] = {}
        for path in self.project.sources():
            for quad in read_quads(path):
                assert isinstance(quad.graph_name, ox.NamedNode)
                graphs.setdefault(quad.graph_name.value, []).append(quad)
        for name, quads in sorted(graphs.items()):
            if self.target.put(name, quads):
                self.report.shared.append(name)

    def run(self, corpus: Path, runner: Runner, batch_size: int, advance: Advance) -> Report:
        """Ingest ``corpus`` with ``runner``, ``batch_size`` articles a task."""
        started = time.perf_counter()
        self.present = self.target.graphs()
        todo = self._todo(corpus, advance)
        batches: Iterator[Tasks] = iter(lambda: list(itertools.islice(todo, batch_size)), [])
        job = Job(self.project, self.version, self.validator)
        try:
            for batch in runner(job, batches):
                self.report.extract_seconds += batch.extract_seconds
                self.report.validate_seconds += batch.validate_seconds
                for outcome in batch.outcomes:
                    self._take(outcome)
                advance(len(batch.outcomes))
            self._flush()
            self._settle()
        finally:
            self.writer.shutdown()  # a write in progress ends before the store is closed
        loading = time.perf_counter()
        merged = actors.quads(self.ledger.loaded())
        self.target.put(actors.GRAPH, merged)
        self.report.actors = len(merged)
        self._shared_graphs()
        self.target.close()
        self.report.load_seconds += time.perf_counter() - loading
        self.report.seconds = time.perf_counter() - started
        return self.report
