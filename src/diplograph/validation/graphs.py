"""Validating article graphs one by one — in parallel, and only those that changed.

The API an ingest pipeline calls per article graph::

    shared = prepare(project, extra=extracted_actor_quads)   # once: shapes, shared graphs
    report = validate_graph(article_quads, shared)           # one article graph -> Report
    reports = validate_graphs(graphs, shared, workers=2, cache=Path(".cache/validation"))

Each article graph is validated on the fast engine together with the shared graphs — the
ontology, code lists and actor registry, plus ``extra`` (the extractor's
``graph:extracted-actors``) — and its :class:`Report` holds the results of that union less those
of the shared graphs alone (which :func:`prepare` computes once: they are no article's doing);
its ``focus_nodes`` are those the article adds to the shared graphs'.

What crosses an article's own graph. The extractor and the curated articles mint every node of an
article under that article's own IRIs (``id/<article>/…``), so a node's triples are all in its
article's graph; what a shape follows out of it lands in the shared graphs: ``sh:class`` of
actors, places, posts and states (registry, extracted actors), code-list concepts (``sh:node``
into the PLOVER/CAMEO/issue schemes), and the SPARQL constraints that read the ontology (a
statement's kind through ``rdfs:subClassOf``, a claim's property's ``rdfs:domain``/``rdfs:range``,
a statement kind's ``dip:expectedPloverEvent``), the code lists (a PLOVER mode's
``skos:broadMatch``) or the registry (a speaker's ``schema:nationality``, a post's
``org:postIn``). Those are correct per graph because the shared graphs are present. An article
node that pointed into *another* article's graph (a statement made during another article's
meeting) would be validated without that graph; no source does so, and a test checks that the
per-graph results of an extracted corpus equal the whole-graph ones.

Batches: :func:`validate_graphs` validates independent graphs together, up to ``BATCH`` quads per
run (one run over 2,700 shared triples per article would cost more than the article itself). Graphs
are independent when none has as subject a node that another one mentions; then each graph's
results — every path a shape follows from a focus node of one graph stays in that graph and the
shared graphs, as the shapes' SPARQL starts from ``$this`` (the rule ``ontology/shapes.ttl``
states) — are those of the batch whose focus node it mentions, exactly the results of validating
it alone. A graph that is not independent of the batch, or a batch with a result no graph can be
given, is validated alone.

Incremental: a graph's key is the SHA-256 of its canonical N-Quads and of the fingerprint of the
shapes, the shared graphs and the engine versions; with ``cache`` set, a graph whose key has a
report there is not validated again. Changing a shape or a shared graph changes every key.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
from collections.abc import Iterable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox
import shacl

from diplograph import __version__
from diplograph.project import Project
from diplograph.rdfio import canonical_nquads, read_quads
from diplograph.validation.fast import FastEngine, nquads
from diplograph.validation.report import Result, sort_results
from diplograph.validation.sparql import term_text


@dataclass(frozen=True)
class Shared:
    """The shapes and the shared graphs every article graph is validated with (picklable)."""

    shapes: bytes  # N-Quads
    data: bytes  # N-Quads
    baseline: frozenset[Result]  # the results of the shared graphs alone
    focus_nodes: frozenset[str]  # of the shared graphs alone
    fingerprint: str


@dataclass(frozen=True)
class Report:
    """The validation of one article graph."""

    results: list[Result]
    focus_nodes: int  # the focus nodes the article adds to those of the shared graphs
    cached: bool = False

    @property
    def conforms(self) -> bool:
        return not self.results


BATCH = 40_000  # quads validated in one run


def prepare(project: Project, extra: Iterable[ox.Quad] = ()) -> Shared:
    """The project's shapes and shared graphs (with ``extra``), ready for :func:`validate_graph`."""
    shapes = nquads(quad for path in project.shape_files() for quad in read_quads(path))
    extra = list(extra)
    data = nquads([*(q for path in project.vocabulary() for q in read_quads(path)), *extra])
    results, focus_nodes = _engine(shapes).validate(data)
    digest = hashlib.sha256()  # of the sources: the parsed shapes' blank nodes differ each time
    versions = f"{__version__} {shacl.__version__} {ox.__version__}".encode()
    sources = [path.read_bytes() for path in [*project.shape_files(), *project.vocabulary()]]
    for part in (*sources, canonical_nquads(extra), versions):
        digest.update(hashlib.sha256(part).digest())
    return Shared(shapes, data, frozenset(results), frozenset(focus_nodes), digest.hexdigest())


def validate_graph(quads: Iterable[ox.Quad], shared: Shared) -> Report:
    """Validate one article graph together with the shared graphs."""
    results, focus_nodes = _run(nquads(quads), shared)
    return Report(sort_results(results), len(focus_nodes))


def validate_graphs(
    graphs: Mapping[str, Sequence[ox.Quad]],
    shared: Shared,
    *,
    workers: int | None = None,
    cache: Path | None = None,
) -> dict[str, Report]:
    """Validate each graph of ``graphs`` (by name) with the shared graphs, in batches of
    independent graphs on ``workers`` processes (default: one per core), skipping those whose
    report ``cache`` holds; the reports come in the order of ``graphs``."""
    data = {name: canonical_nquads(quads) for name, quads in graphs.items()}
    keys = {name: key(shared, text) for name, text in data.items()}
    reports = {name: report for name in graphs if (report := _cached(cache, keys[name]))}
    nodes = {name: Nodes.of(graphs[name]) for name in graphs if name not in reports}
    batches = _batches(nodes, {name: len(graphs[name]) for name in nodes})
    jobs = [[(name, data[name], nodes[name]) for name in batch] for batch in batches]
    workers = workers or os.cpu_count() or 1
    if workers == 1 or len(jobs) < 2:
        done = [_validate_batch(job, shared) for job in jobs]
    else:
        # spawned, not forked: a fork copies the Rust engines' thread pools with their locks held
        spawn = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(workers, spawn, _remember, (shared,)) as pool:
            done = list(pool.map(_validate_remembered, jobs))
    for found in done:
        for name, report in found.items():
            reports[name] = report
            if cache is not None:
                _store(cache, keys[name], report)
    return {name: reports[name] for name in graphs}


def key(shared: Shared, graph: bytes) -> str:
    """The cache key of an article graph (its canonical N-Quads) under ``shared``."""
    return hashlib.sha256(shared.fingerprint.encode() + graph).hexdigest()


@dataclass(frozen=True)
class Nodes:
    """The nodes a graph has as subjects, and every node it mentions (as results show them)."""

    subjects: frozenset[str]
    mentioned: frozenset[str]

    @classmethod
    def of(cls, quads: Iterable[ox.Quad]) -> Nodes:
        subjects: set[str] = set()
        mentioned: set[str] = set()
        for quad in quads:
            subject = term_text(quad.subject)
            subjects.add(subject)
            mentioned.update((subject, quad.predicate.value, term_text(quad.object)))
        return cls(frozenset(subjects), frozenset(mentioned))


def _batches(nodes: Mapping[str, Nodes], sizes: Mapping[str, int]) -> list[list[str]]:
    """Graphs in batches of mutually independent graphs of at most ``BATCH`` quads (a graph
    that depends on one already in the batch goes into a batch of its own)."""
    batches: list[list[str]] = []
    batch: list[str] = []
    size, subjects, mentioned = 0, set[str](), set[str]()
    for name, graph in nodes.items():
        if batch and size + sizes[name] > BATCH:
            batches.append(batch)
            batch, size, subjects, mentioned = [], 0, set(), set()
        if graph.subjects & mentioned or graph.mentioned & subjects:
            batches.append([name])
            continue
        batch.append(name)
        size += sizes[name]
        subjects |= graph.subjects
        mentioned |= graph.mentioned
    return [*batches, batch] if batch else batches


@lru_cache(maxsize=4)
def _engine(shapes: bytes) -> FastEngine:
    return FastEngine(list(ox.parse(shapes, format=ox.RdfFormat.N_QUADS)))


def _run(data: bytes, shared: Shared) -> tuple[list[Result], set[str]]:
    """The results and focus nodes that ``data`` adds to those of the shared graphs."""
    results, focus_nodes = _engine(shared.shapes).validate(shared.data + data)
    return [r for r in results if r not in shared.baseline], focus_nodes - shared.focus_nodes


def _validate_batch(job: list[tuple[str, bytes, Nodes]], shared: Shared) -> dict[str, Report]:
    """The reports of a batch of independent graphs, from one run over them all."""
    results, focus_nodes = _run(b"".join(data for _, data, _ in job), shared)
    owners = {n: name for name, _, nodes in job for n in nodes.subjects}
    mentions: dict[str, list[str]] = {}
    for name, _, nodes in job:
        for node in nodes.mentioned:
            mentions.setdefault(node, []).append(name)
    found: dict[str, list[Result]] = {name: [] for name, _, _ in job}
    counts = dict.fromkeys(found, 0)
    for result in results:
        names = [owners[result.focus]] if result.focus in owners else mentions.get(result.focus)
        if not names:  # no graph of the batch can be given it: validate each alone
            return {name: validate_graph(_quads(data), shared) for name, data, _ in job}
        for name in names:
            found[name].append(result)
    for node in focus_nodes:
        for name in [owners[node]] if node in owners else mentions.get(node, []):
            counts[name] += 1
    return {name: Report(sort_results(found[name]), counts[name]) for name in found}


def _quads(data: bytes) -> list[ox.Quad]:
    return list(ox.parse(data, format=ox.RdfFormat.N_QUADS))


_SHARED: list[Shared] = []  # the worker process's Shared, set by its initializer


def _remember(shared: Shared) -> None:
    _SHARED[:] = [shared]


def _validate_remembered(job: list[tuple[str, bytes, Nodes]]) -> dict[str, Report]:
    return _validate_batch(job, _SHARED[0])


def _cached(cache: Path | None, name: str) -> Report | None:
    path = None if cache is None else cache / f"{name}.json"
    if path is None or not path.is_file():
        return None
    stored = json.loads(path.read_text(encoding="utf-8"))
    results = [Result(**fields) for fields in stored["results"]]
    return Report(results, stored["focus_nodes"], cached=True)


def _store(cache: Path, name: str, report: Report) -> None:
    """Write a report into the cache atomically (a reader never sees half a file)."""
    cache.mkdir(parents=True, exist_ok=True)
    fields = {"focus_nodes": report.focus_nodes, "results": [asdict(r) for r in report.results]}
    staging = cache / f".{name}.{os.getpid()}.tmp"
    staging.write_text(json.dumps(fields, sort_keys=True), encoding="utf-8")
    staging.replace(cache / f"{name}.json")
