"""The curated articles: text byte for byte, every character evidenced, relative dates resolved."""

from __future__ import annotations

import datetime
from pathlib import Path

import pyoxigraph as ox
import pytest

from conftest import ROOT
from diplograph.project import Project
from diplograph.vocab import DIP, ID, graph_iri

ARTICLES = sorted((ROOT / "data" / "articles").glob("*.ttl"))
SCHEMA = "https://schema.org/"
OA = "http://www.w3.org/ns/oa#"


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


def evidence_spans(store: ox.Store, article: ox.NamedNode) -> list[tuple[int, int]]:
    query = f"""
        PREFIX oa: <{OA}>
        PREFIX dip: <{DIP}>
        SELECT ?start ?end WHERE {{
            ?fact dip:hasEvidence ?evidence .
            ?evidence oa:hasSource <{article.value}> ;
                      oa:hasSelector/oa:start ?start ; oa:hasSelector/oa:end ?end .
        }}"""
    solutions = store.query(query, use_default_graph_as_union=True)
    assert isinstance(solutions, ox.QuerySolutions)
    return [(int(s["start"].value), int(s["end"].value)) for s in solutions]


@pytest.mark.parametrize("source", ARTICLES, ids=lambda p: p.stem)
def test_every_character_but_whitespace_is_evidence_of_a_fact(
    store: ox.Store, source: Path
) -> None:
    text = source.with_suffix(".txt").read_text(encoding="utf-8")
    evidence = evidence_spans(store, article_node(store, source.stem))
    assert len(evidence) >= 40
    covered = {i for start, end in evidence for i in range(start, end)}
    uncovered = "".join(c if i not in covered else " " for i, c in enumerate(text))
    assert uncovered.split() == []


@pytest.mark.parametrize("source", ARTICLES, ids=lambda p: p.stem)
def test_a_headline_is_recorded_only_when_the_source_has_it(store: ox.Store, source: Path) -> None:
    """regression (model v2): the seed carried a curator's headline that its text does not have."""
    text = source.with_suffix(".txt").read_text(encoding="utf-8")
    node = article_node(store, source.stem)
    quads = store.quads_for_pattern(node, ox.NamedNode(SCHEMA + "headline"), None)
    headlines = [q.object.value for q in quads if isinstance(q.object, ox.Literal)]
    assert [headline for headline in headlines if headline not in text] == []


@pytest.mark.parametrize("source", ARTICLES, ids=lambda p: p.stem)
def test_demanded_actions_are_the_articles_own_words(store: ox.Store, source: Path) -> None:
    """Qualifiers such as 'willfully' or 'illegal' are kept as the text has them, never dropped."""
    text = source.with_suffix(".txt").read_text(encoding="utf-8").replace(",", "")
    query = f"""
        PREFIX dip: <{DIP}>
        SELECT ?demand ?action WHERE {{
            GRAPH <{graph_iri(source.stem)}> {{ ?demand dip:demandedAction ?action }}
        }}"""
    solutions = store.query(query)
    assert isinstance(solutions, ox.QuerySolutions)
    actions = [(s["demand"].value, s["action"].value) for s in solutions]
    assert actions
    assert [(d, a) for d, a in actions if a.replace(",", "") not in text] == []
    demands = [d for d, _ in actions]
    assert len(demands) == len(set(demands)), "one demanded action per demand"


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
