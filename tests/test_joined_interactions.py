"""Someone who joins an interaction the text has reported ("King X also joined the call", "The
ministers were joined by X", "to invite him to join the meeting") takes part in it; a name with
a transliterating apostrophe before its particle ("Shia' al-Sudani") is one name. Sentences of
our own."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from diplograph.extract.corpus import Article
from diplograph.extract.model import Extraction
from diplograph.extract.run import extract_articles
from diplograph.project import Project
from diplograph.vocab import ID

PROJECT = Project(Path(__file__).resolve().parents[1])
PUBLISHED = dt.date(2024, 5, 17)  # a Friday


def _one(text: str, publisher: str = "The White House") -> Extraction:
    article = Article("readout", text, PUBLISHED, publisher)
    return extract_articles(PROJECT, [article]).extractions[0]


def _participants(extraction: Extraction) -> list[tuple[str, list[str]]]:
    return [
        (i.kind, [p.iri.removeprefix(ID) for p in i.participants]) for i in extraction.interactions
    ]


def test_a_leader_who_also_joined_the_call_takes_part_in_it() -> None:
    extraction = _one(
        "President Ana Ruiz spoke today with Prime Minister Jorge Salas of Peru. "
        "King Tomas of Andorra also joined the call. The leaders agreed to stay in close touch."
    )
    assert _participants(extraction) == [("Call", ["ana-ruiz", "jorge-salas", "tomas"])]
    agreed = [s for s in extraction.statements if s.kind == "AgreementStatement"]
    assert sorted(s.speaker.label for s in agreed) == ["Ana Ruiz", "Jorge Salas", "Tomas"]


def test_the_person_invited_to_join_the_call_takes_part_in_it() -> None:
    extraction = _one(
        "President Ana Ruiz spoke today with Prime Minister Jorge Salas of Peru. The President "
        "took the opportunity of King Tomas of Andorra's visit to invite him to join the call."
    )
    assert _participants(extraction) == [("Call", ["ana-ruiz", "jorge-salas", "tomas"])]


def test_those_a_meeting_was_joined_by_take_part_in_it() -> None:
    extraction = _one(
        "Secretary of State Ana Ruiz met today with Foreign Minister Jorge Salas of Peru in Lima. "
        "They were joined by Minister of Trade Elena Vidal."
    )
    assert _participants(extraction) == [("Meeting", ["ana-ruiz", "jorge-salas", "elena-vidal"])]


def test_joining_another_kind_of_interaction_adds_no_one() -> None:
    # a meeting was reported, the joiner joined "the call": no call to join
    extraction = _one(
        "Secretary of State Ana Ruiz met today with Foreign Minister Jorge Salas of Peru in Lima. "
        "Later, King Tomas of Andorra joined the call."
    )
    assert _participants(extraction) == [("Meeting", ["ana-ruiz", "jorge-salas"])]


def test_joining_named_inside_reported_speech_adds_no_one() -> None:
    extraction = _one(
        "President Ana Ruiz spoke today with Prime Minister Jorge Salas of Peru. The President "
        "said that King Tomas of Andorra had joined the call."
    )
    assert _participants(extraction) == [("Call", ["ana-ruiz", "jorge-salas"])]


def test_regression_a_name_with_an_apostrophe_before_al_is_one_person() -> None:
    # "Prime Minister Mohammed Shia' al-Sudani" was the person "Mohammed Shia"
    extraction = _one(
        "President Ana Ruiz spoke on Friday with Prime Minister Karim Shia' al-Hadi of Iraq."
    )
    assert _participants(extraction) == [("Call", ["ana-ruiz", "karim-shia-al-hadi"])]
    assert [(h.person.label, h.post.label) for h in extraction.holdings][-1] == (
        "Karim Shia' al-Hadi",
        "Prime Minister of Iraq",
    )
