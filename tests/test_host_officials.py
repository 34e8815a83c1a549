"""Officials of the host state met on a trip, on sentences of our own: a meeting with them takes
place in the trip's city; a place before a title names the official's state ("Lima Party
Secretary X"); "Premier" is a title of its state, not the publisher's; a dateline in capitals
("LIMA \u2014") opens no subject."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from diplograph.extract.corpus import Article
from diplograph.extract.model import Extraction
from diplograph.extract.run import extract_articles
from diplograph.project import Project

PROJECT = Project(Path(__file__).resolve().parents[1])
PUBLISHED = dt.date(2024, 4, 7)  # a Sunday
TREASURY = "U.S. Department of the Treasury"


def _extract(text: str, publisher: str = TREASURY) -> Extraction:
    article = Article("trip", text, PUBLISHED, publisher)
    return extract_articles(PROJECT, [article]).extractions[0]


def _places(extraction: Extraction) -> list[tuple[str, list[str], str | None]]:
    return [
        (i.kind, [p.label for p in i.participants], i.place.label if i.place else None)
        for i in extraction.interactions
    ]


def test_a_meeting_with_a_host_official_during_the_trip_is_in_its_city() -> None:
    extraction = _extract(
        "Secretary Janet Yellen traveled to Beijing on Saturday. On Sunday, Secretary Yellen "
        "met with Minister of Finance Lan Fo\u2019an. She then met with Commerce Minister "
        "Wang Wentao."
    )
    assert _places(extraction) == [
        ("Visit", ["Janet Yellen", "People's Republic of China"], "Beijing"),
        ("Meeting", ["Janet Yellen", "Lan Fo\u2019an"], "Beijing"),
        ("Meeting", ["Janet Yellen", "Wang Wentao"], "Beijing"),
    ]
    trip = extraction.interactions[0]
    assert [i.part_of for i in extraction.interactions[1:]] == [trip, trip]


def test_a_meeting_with_a_third_states_official_is_not_placed_in_the_trip_city() -> None:
    extraction = _extract(
        "Secretary Janet Yellen traveled to Beijing on Saturday. On Sunday, Secretary Yellen "
        "met with Japanese Finance Minister Shunichi Suzuki."
    )
    assert _places(extraction)[1] == ("Meeting", ["Janet Yellen", "Shunichi Suzuki"], None)


def test_a_trip_to_two_cities_of_the_host_leaves_the_meetings_place_open() -> None:
    extraction = _extract(
        "Secretary Janet Yellen traveled to Guangzhou on Thursday. She traveled to Beijing on "
        "Saturday. On Sunday, Secretary Yellen met with Minister of Finance Lan Fo\u2019an."
    )
    assert _places(extraction)[-1] == ("Meeting", ["Janet Yellen", "Lan Fo\u2019an"], None)


def test_a_place_before_a_title_names_the_officials_state() -> None:
    extraction = _extract("Secretary Janet Yellen met today with Beijing Party Secretary Yin Li.")
    (meeting,) = extraction.interactions
    assert [(p.label, p.nationality) for p in meeting.participants] == [
        ("Janet Yellen", "https://w3id.org/diplograph/id/united-states"),
        ("Yin Li", "https://w3id.org/diplograph/id/china"),
    ]
    # "in Beijing Secretary Yellen met" is where she met, not whose secretary she is
    extraction = _extract("In Beijing Secretary Janet Yellen met with Minister Lan Fo\u2019an.")
    assert extraction.interactions[0].participants[0].nationality == (
        "https://w3id.org/diplograph/id/united-states"
    )


def test_regression_premier_li_was_the_publishers_premier_and_another_person() -> None:
    # "Premier" was no title: "Premier Li Qiang" was a person of that name, "Premier Li" a
    # third; now the Premier of China, named again by title and surname
    extraction = _extract(
        "Secretary Janet Yellen met today with Premier Li Qiang. In her meeting with Premier Li, "
        "Secretary Yellen stressed the importance of fair competition."
    )
    labels = [[p.label for p in i.participants] for i in extraction.interactions]
    assert labels == [["Janet Yellen", "Li Qiang"]]
    assert [(h.person.label, h.post.label) for h in extraction.holdings if h.post] == [
        ("Li Qiang", "Premier of People's Republic of China")
    ]


def test_regression_a_capitals_dateline_was_the_first_sentences_subject() -> None:
    # "BEIJING \u2014 Secretary Yellen met ... as she continued her visit": the dateline opened
    # the sentence, so "she" was the last person named, and the governor made the visit
    extraction = _extract(
        "BEIJING \u2014 Secretary Janet Yellen met today with Minister of Finance Lan Fo\u2019an "
        "and Governor Pan Gongsheng as she continued her visit to the People\u2019s Republic of "
        "China."
    )
    visits = [i for i in extraction.interactions if i.kind == "Visit"]
    assert [[p.label for p in v.visitors] for v in visits] == [["Janet Yellen"]]
