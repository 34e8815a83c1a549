"""Rules of the extractor's leaf modules from the audited gold guide (issue 9): statement kinds
from the clause's complement, slash and "former" titles, a capital standing for its government,
posts named by a short title, and a former office holder's side. Every sentence here is written
for the test, not taken from the corpus."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from diplograph.extract.corpus import Article
from diplograph.extract.gazetteer import load
from diplograph.extract.mentions import Lexicon, RuleMentionFinder
from diplograph.extract.model import Extraction
from diplograph.extract.run import extract_articles
from diplograph.extract.statements import event_code, kind_for
from diplograph.project import Project
from diplograph.vocab import ID

PROJECT = Project(Path(__file__).resolve().parents[1])
FINDER = RuleMentionFinder(Lexicon.build(load(), {}))


def _one(text: str) -> Extraction:
    article = Article("a", text, dt.date(2022, 6, 24), "U.S. Department of State")
    return extract_articles(PROJECT, [article]).extractions[0]


def _mentions(text: str) -> list[tuple[str, str | None, tuple[str, ...], str | None]]:
    return [(m.kind, m.name, m.titles, m.state) for m in FINDER.find(text, 0, len(text))]


@pytest.mark.parametrize(
    ("verb", "content", "kind"),
    [
        # the side restates its own support, with any owner before it
        (
            "reiterated",
            " the United States\u2019 support for Peru\u2019s reform agenda",
            "Commitment",
        ),
        ("reaffirmed", " the Union\u2019s firm support for the talks", "Commitment"),
        # emphasis on one's own support or focus binds the side; expressing support does not
        ("underscored", " strong U.S. support for the people of Chad", "Commitment"),
        ("stressed", " the U.S. focus on clean energy partnerships", "Commitment"),
        ("expressed", " strong support for the mediation", "Assertion"),
        # resolve binds the side, readiness expressed is an intent stated
        ("expressed", " resolve to see the perpetrators brought to justice", "Commitment"),
        ("expressed", " readiness to work together on port security", "Assertion"),
        ("highlighted", " the Ministry\u2019s readiness to host the next round", "Assertion"),
        ("reaffirmed", " readiness to resume the dialogue", "Commitment"),
        # the state standing ready, reported without "that"
        ("reiterated", " the United States stands ready to assist with demining", "Commitment"),
        # looking forward is an assertion, whatever the verb that reports it
        ("noted", " that they look forward to working together on the summit", "Assertion"),
        ("said", " she looks forward to welcoming the delegation", "Assertion"),
        # announced aid binds the side
        ("outlined", " $20 million in new humanitarian assistance for Sudan", "Commitment"),
        ("outlined", " the agenda of the ministerial", "Assertion"),
        # concern about a situation is no criticism; about an actor's conduct it is
        ("highlighted", " his concern about recent developments in the Sahel", "Assertion"),
        ("expressed", " grave concern over the humanitarian situation in Tigray", "Assertion"),
        ("expressed", " concern over Minsk\u2019s detention of journalists", "Criticism"),
        # opposition to conduct, and a restated warning, keep their kinds
        ("reiterated", " opposition to any attempt to redraw borders by force", "Criticism"),
        ("made clear", " U.S. willingness to impose severe costs on any aggressor", "Warning"),
    ],
)
def test_kind_from_the_complement(verb: str, content: str, kind: str) -> None:
    # the speaker speaks for the United States (its names as layers.sides.own_names gives them)
    assert kind_for(verb, content, own=("U.S", "US", "United States")) == kind


def test_event_codes_of_intent_and_aid() -> None:
    assert event_code("Assertion", "noted", " that he looks forward to visiting Accra") == "030"
    assert event_code("Assertion", "expressed", " readiness to host the talks") == "030"
    assert event_code("Commitment", "outlined", " $5 million in new aid for refugees") == "033"
    assert event_code("Commitment", "reaffirmed", " support for the ceasefire") == "032"
    assert event_code("Assertion", "noted", " the progress of the talks") == "010"


def test_slash_between_titles_is_two_posts_of_one_person() -> None:
    text = "She met Thai Deputy Prime Minister/Foreign Minister Somchai Rattanakul today."
    assert _mentions(text) == [
        ("pronoun", None, (), None),
        (
            "person",
            "Somchai Rattanakul",
            ("Deputy Prime Minister", "Foreign Minister"),
            "Thailand",
        ),
    ]


def test_former_is_part_of_the_title() -> None:
    text = "He mourned former Kenyan President Mwai Kibaki and thanked former Minister Ito."
    assert _mentions(text) == [
        ("pronoun", None, (), None),
        ("person", "Mwai Kibaki", ("former President",), "Kenya"),
        ("person", "Ito", ("former Minister",), None),
    ]


def test_former_before_no_title_names_no_post() -> None:
    text = "They recalled the former colony of Portugal."
    assert [m[0] for m in _mentions(text)] == ["pronoun", "state"]


def test_capital_standing_for_its_government_is_the_state() -> None:
    text = "He called upon Pyongyang to return to talks and urged Moscow to stop; in Moscow, later."
    assert _mentions(text) == [
        ("pronoun", None, (), None),
        ("state", None, (), "North Korea"),
        ("state", None, (), "Russia"),
        ("place", "Moscow", (), None),
    ]


def test_regression_demand_of_a_capital_had_no_target_and_became_an_assertion() -> None:
    extraction = _one(
        "Secretary of State Antony J. Blinken spoke today with Japanese Foreign Minister "
        "Hayashi Yoshimasa. The two called upon Pyongyang to return to negotiations."
    )
    demands = [s for s in extraction.statements if s.kind == "Demand"]
    assert {s.speaker.iri.removeprefix(ID) for s in demands} == {
        "antony-blinken",
        "hayashi-yoshimasa",
    }
    assert {s.target.iri.removeprefix(ID) for s in demands if s.target} == {"north-korea"}


def test_regression_deputy_secretary_was_a_post_of_the_united_states() -> None:
    extraction = _one(
        "Deputy Secretary Jane Doe met today with Chilean Foreign Minister Ana Soto. "
        "Deputy Secretary Doe stressed the importance of the partnership."
    )
    posts = sorted((h.person.label, h.post.label) for h in extraction.holdings)
    assert posts == [
        ("Ana Soto", "Foreign Minister of Chile"),
        ("Jane Doe", "Deputy Secretary of State of United States"),
    ]


def test_regression_a_governor_was_given_a_post_of_the_united_states() -> None:
    extraction = _one(
        "Secretary of State Antony J. Blinken spoke today with Governor Jane Roe about the "
        "case of a detained citizen."
    )
    assert [h.person.label for h in extraction.holdings] == ["Antony Blinken"]


def test_regression_the_secretary_general_was_read_as_the_secretary() -> None:
    extraction = _one(
        "Secretary of State Antony J. Blinken spoke today with OECD Secretary General Jane Moe. "
        "The Secretary and the Secretary General stressed that open trade is essential."
    )
    assert sorted((s.speaker.label, s.kind) for s in extraction.statements) == [
        ("Antony Blinken", "Assertion"),
        ("Jane Moe", "Assertion"),
    ]
    finder = RuleMentionFinder(Lexicon.build(load(), {"the Secretary": ID + "a-secretary"}))
    text = "The Secretary and the Secretary General stressed it."
    assert [(m.kind, m.text, m.known) for m in finder.find(text, 0, len(text))] == [
        ("known", "The Secretary", ID + "a-secretary"),
        ("role", "the Secretary General", None),
    ]


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
