"""The curated articles: text byte for byte, every sentence evidenced, relative dates resolved."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pyoxigraph as ox
import pytest

from conftest import ROOT
from diplograph.project import Project
from diplograph.vocab import DIP, ID, graph_iri

ARTICLES = sorted((ROOT / "data" / "articles").glob("*.ttl"))
SCHEMA = "https://schema.org/"
OA = "http://www.w3.org/ns/oa#"
DATELINE = re.compile(r"^ ?date \d{4}-\d{2}-\d{2} ")
SENTENCE_END = re.compile(r"(?<=[.!?])[\"”]?\s+")


def sentences(text: str) -> list[tuple[int, int]]:
    """Character spans of the dateline and of each sentence (a line without a full stop counts)."""
    spans = []
    start = 0
    dateline = DATELINE.match(text)
    if dateline:
        spans.append((0, dateline.end()))
        start = dateline.end()
    for match in SENTENCE_END.finditer(text, start):
        spans.append((start, match.start() + len(match.group().rstrip())))
        start = match.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def test_sentences_splits_the_dateline_and_keeps_a_sentence_across_a_line_break() -> None:
    text = ' date 2023-06-19 A met B. On Sunday, C held talks\nwith D. "We agree," A said.\nPaper'
    found = [text[s:e].strip() for s, e in sentences(text)]
    assert found == [
        "date 2023-06-19",
        "A met B.",
        "On Sunday, C held talks\nwith D.",
        '"We agree," A said.',
        "Paper",
    ]


def article_node(store: ox.Store, article_id: str) -> ox.NamedNode:
    return ox.NamedNode(f"{ID}article/{article_id}")


@pytest.mark.parametrize("source", ARTICLES, ids=lambda p: p.stem)
def test_article_text_is_the_text_file_byte_for_byte(store: ox.Store, source: Path) -> None:
    node = article_node(store, source.stem)
    texts = [q.object for q in store.quads_for_pattern(node, ox.NamedNode(SCHEMA + "text"), None)]
    assert len(texts) == 1
    assert isinstance(texts[0], ox.Literal)
    assert texts[0].value.encode("utf-8") == source.with_suffix(".txt").read_bytes()


@pytest.mark.parametrize("source", ARTICLES, ids=lambda p: p.stem)
def test_article_lives_in_its_own_named_graph(store: ox.Store, source: Path) -> None:
    node = article_node(store, source.stem)
    graphs = {q.graph_name for q in store.quads_for_pattern(node, None, None)}
    assert graphs == {ox.NamedNode(graph_iri(source.stem))}


@pytest.mark.parametrize("source", ARTICLES, ids=lambda p: p.stem)
def test_every_sentence_is_evidence_of_a_fact(store: ox.Store, source: Path) -> None:
    text = source.with_suffix(".txt").read_text(encoding="utf-8")
    query = f"""
        PREFIX oa: <{OA}>
        PREFIX dip: <{DIP}>
        SELECT ?start ?end WHERE {{
            ?fact dip:hasEvidence ?evidence .
            ?evidence oa:hasSource <{article_node(store, source.stem).value}> ;
                      oa:hasSelector/oa:start ?start ; oa:hasSelector/oa:end ?end .
        }}"""
    solutions = store.query(query, use_default_graph_as_union=True)
    assert isinstance(solutions, ox.QuerySolutions)
    evidence = [(int(s["start"].value), int(s["end"].value)) for s in solutions]
    assert len(evidence) >= 20
    uncovered = []
    for start, end in sentences(text):
        covered = {i for s, e in evidence for i in range(max(s, start), min(e, end))}
        visible = [i for i in range(start, end) if not text[i].isspace()]
        if sum(i in covered for i in visible) < len(visible) / 2:
            uncovered.append(text[start:end])
    assert uncovered == []


def test_relative_dates_are_resolved_against_the_dateline(
    project: Project, store: ox.Store
) -> None:
    query = f"""
        PREFIX dip: <{DIP}>
        PREFIX schema: <{SCHEMA}>
        SELECT ?event ?expression ?anchor ?resolved ?published WHERE {{
            ?event dip:dateResolution ?resolution ; dip:reportedIn ?article .
            ?article schema:datePublished ?published .
            ?resolution dip:relativeExpression ?expression ; dip:anchorDate ?anchor ;
                        dip:resolvedDate ?resolved .
        }} ORDER BY ?resolved"""
    solutions = store.query(query, use_default_graph_as_union=True)
    assert isinstance(solutions, ox.QuerySolutions)
    rows = [
        {name: s[name].value for name in ("expression", "anchor", "resolved", "published")}
        for s in solutions
    ]
    assert [(r["expression"], r["resolved"]) for r in rows] == [
        ("Sunday", "2023-06-18"),
        ("Monday", "2023-06-19"),
    ]
    for row in rows:
        anchor = datetime.date.fromisoformat(row["anchor"])
        resolved = datetime.date.fromisoformat(row["resolved"])
        assert row["anchor"] == row["published"]
        assert resolved.strftime("%A") == row["expression"]
        assert 0 <= (anchor - resolved).days < 7
