"""Extracting a list of articles into one dataset, with a summary and per-article failures."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from diplograph.extract.actors import ACTOR_KINDS, Registry
from diplograph.extract.corpus import Article
from diplograph.extract.gazetteer import load
from diplograph.extract.graph import actor_quads, article_quads
from diplograph.extract.model import Extraction
from diplograph.extract.pipeline import Extractor
from diplograph.fusion import fuse
from diplograph.project import Project
from diplograph.rdfio import canonical_nquads, canonical_turtle

FORMATS = ("nquads", "trig", "turtle")


@dataclass
class Summary:
    """What a run found, for the closing report."""

    articles: int = 0
    interactions: int = 0
    statements: int = 0
    actors_new: int = 0
    actors_reused: int = 0
    empty: list[str] = field(default_factory=list)  # ids of articles with no interaction
    failed: list[tuple[str, str]] = field(default_factory=list)  # (id, reason)


@dataclass
class Result:
    extractions: list[Extraction]
    quads: list[ox.Quad]
    summary: Summary
    registry: Registry


def extract_articles(
    project: Project, articles: Sequence[Article], progress: Callable[[Article], None] | None = None
) -> Result:
    """Extract every article with one shared registry; an article that fails is skipped and listed.

    Any exception raised while extracting one article is caught on purpose: the rules meet
    arbitrary text, and one article tripping a rule must not cost the rest of a corpus; the
    article's id and the exception are reported in the summary (``failed``).
    """
    registry = Registry.from_files([project.actors])
    registry.add_events(project.articles)
    extractor = Extractor(registry, load())
    summary = Summary()
    extractions: list[Extraction] = []
    quads: list[ox.Quad] = []
    used: set[str] = set()
    for article in articles:
        try:
            extraction = extractor.extract(article)
            article_graph = article_quads(extraction)
        except Exception as error:
            summary.failed.append((article.id, f"{type(error).__name__}: {error}"))
        else:
            extractions.append(extraction)
            quads.extend(article_graph)
            summary.articles += 1
            summary.interactions += sum(1 for i in extraction.interactions if not i.known)
            summary.statements += len(extraction.statements)
            if not extraction.interactions:
                summary.empty.append(article.id)
            used.update(q.object.value for q in article_graph if isinstance(q.object, ox.NamedNode))
        if progress is not None:
            progress(article)
    quads = fuse(quads)  # articles meet: one event for the accounts of one interaction
    new = registry.new_actors()
    new_iris = {a.iri for a in new}
    quads.extend(actor_quads(new))
    summary.actors_new = sum(1 for a in new if a.kind in ACTOR_KINDS)
    summary.actors_reused = len(
        {
            iri
            for iri in used
            if iri in registry.actors
            and iri not in new_iris
            and registry.actors[iri].kind in ACTOR_KINDS
        }
    )
    return Result(extractions, quads, summary, registry)


def serialize(quads: list[ox.Quad], output_format: str) -> bytes:
    """Canonical bytes in the chosen format: same quads, same bytes."""
    if output_format == "nquads":
        return canonical_nquads(quads)
    if output_format == "turtle":
        return canonical_turtle(quads)
    ordered = sorted(set(quads), key=str)
    data = ox.serialize(
        ordered, format=ox.RdfFormat.TRIG, prefixes={"dip": "https://w3id.org/diplograph/ontology#"}
    )
    assert data is not None
    return data


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder."""
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}-", dir=path.parent or ".")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
