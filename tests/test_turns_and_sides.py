"""A transcript's courtesies are not statements, and a former office holder speaks for no side.
Every text here is written for the test, not taken from the corpus."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from diplograph.extract.corpus import Article
from diplograph.extract.model import Extraction
from diplograph.extract.run import extract_articles
from diplograph.project import Project
from diplograph.vocab import ID

PROJECT = Project(Path(__file__).resolve().parents[1])


def _one(text: str) -> Extraction:
    article = Article("a", text, dt.date(2022, 6, 24), "U.S. Department of State")
    return extract_articles(PROJECT, [article]).extractions[0]


def _remarks(turn: str) -> list[tuple[str, str]]:
    text = f"Remarks\n\nSECRETARY BLINKEN: {turn}"
    return [(s.kind, s.evidence[0].text) for s in _one(text).statements]


@pytest.mark.parametrize(
    "courtesy",
    [
        "For me, it is always great to be back in Geneva for these talks.",
        "It\u2019s so good to see colleagues around this table again.",
        "It has been a real pleasure to have you all here this week.",
        "We are delighted to have you with us in the capital today.",
    ],
)
def test_courtesy_anywhere_in_a_turn_is_no_statement(courtesy: str) -> None:
    assert _remarks(courtesy) == []


def test_a_substantive_turn_is_still_a_statement() -> None:
    turn = "It is good to see progress on the ceasefire, and we will keep supporting the talks."
    assert _remarks(turn) == [("Commitment", turn)]


def test_former_president_speaks_for_no_side_so_they_agree_jointly() -> None:
    """Regression: "former President X" got the post's state as side, so "They welcomed" by the
    Secretary and him was one side's assertion instead of a joint agreement."""
    text = (
        "Secretary of State Antony J. Blinken spoke with former President Maria Lindqvist today "
        "about the elections in Ruritania. They welcomed the decision of the electoral commission "
        "to publish the results."
    )
    extraction = _one(text)
    assert [(h.person.label, h.post.label) for h in extraction.holdings][1:] == [
        ("Maria Lindqvist", "Former President of United States")
    ]
    welcomed = [s for s in extraction.statements if "welcomed" in s.evidence[0].text]
    assert [(s.kind, s.speaker.label) for s in welcomed] == [
        ("AgreementStatement", "Antony Blinken"),
        ("AgreementStatement", "Maria Lindqvist"),
    ]
    assert [s.on_behalf_of.iri if s.on_behalf_of else None for s in welcomed] == [
        ID + "united-states",
        None,
    ]
