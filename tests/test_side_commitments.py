"""A speaker binds its own side whatever state it is: "said the UK would continue to", "told
President X that the UK would always stand with", "reiterated that the UK stood with" are
commitments in a No. 10 readout as "the United States will" are in a State Department one; the
same words about another state are not the speaker's commitment. Sentences of our own."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from diplograph.extract.corpus import Article
from diplograph.extract.run import extract_articles
from diplograph.project import Project

PROJECT = Project(Path(__file__).resolve().parents[1])
PUBLISHED = dt.date(2022, 3, 1)
NO_10 = "Prime Minister's Office, 10 Downing Street"
OPENING = "The Prime Minister spoke to President Ana Ruiz of Peru this morning. "


def _kinds(text: str, publisher: str = NO_10) -> list[tuple[str, str]]:
    article = Article("readout", text, PUBLISHED, publisher)
    extraction = extract_articles(PROJECT, [article]).extractions[0]
    return [(s.kind, s.evidence[0].text) for s in extraction.statements]


@pytest.mark.parametrize(
    "sentence",
    [
        "The Prime Minister said the UK would continue to support Peru.",
        "He said that the United Kingdom will keep providing support to Peru.",
        "The Prime Minister reiterated that the UK stood with Peru.",
        "The Prime Minister told President Ruiz that the UK would always stand with Peru.",
        "The Prime Minister said the British government would continue to help.",
    ],
)
def test_the_speakers_own_state_binding_itself_is_a_commitment(sentence: str) -> None:
    assert _kinds(OPENING + sentence) == [("Commitment", sentence)]


def test_regression_the_us_will_continue_to_is_a_commitment_when_restated() -> None:
    # "reaffirmed that the U.S. will continue to" was an assertion: "the United States" only
    sentence = "The Secretary reaffirmed that the U.S. will continue to support Ukraine."
    text = (
        "Secretary Blinken spoke today with Ukrainian Foreign Minister Dmytro Kuleba. " + sentence
    )
    assert _kinds(text, "U.S. Department of State") == [("Commitment", sentence)]


def test_another_states_continuing_is_not_the_speakers_commitment() -> None:
    sentence = "The Prime Minister said Peru would continue to reform its courts."
    assert _kinds(OPENING + sentence) == [("Assertion", sentence)]


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        # what the side "will" do, whatever the verb: it binds itself
        ("The Prime Minister said the UK would send a special envoy to Lima.", "Commitment"),
        ("The Prime Minister said he would work with allies on a path for Peru.", "Commitment"),
        # no binding: a passive, a refusal, a wish, a fact about the side
        (
            "The Prime Minister said the case would be handled in accordance with the law.",
            "Assertion",
        ),
        ("The Prime Minister said he would like to visit Lima.", "Assertion"),
        ("The Prime Minister emphasized that the UK is not a party to the dispute.", "Assertion"),
        ("The Prime Minister reiterated that the UK is firmly committed to Peru.", "Commitment"),
    ],
)
def test_what_the_speakers_side_will_do_binds_it(sentence: str, kind: str) -> None:
    assert _kinds(OPENING + sentence) == [(kind, sentence)]


def test_regression_a_side_named_by_its_registry_alias_binds_itself() -> None:
    # "Xi said that China will continue to" was an assertion: the registry's state is labelled
    # "People's Republic of China", and only the gazetteer's names ("Chinese", "PRC") were its own
    sentence = "Xi Jinping said that China will continue to provide humanitarian assistance."
    text = "Chinese President Xi Jinping spoke with Peruvian President Ana Ruiz. " + sentence
    assert _kinds(text, "Xinhua") == [("Commitment", sentence)]
