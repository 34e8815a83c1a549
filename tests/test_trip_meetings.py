"""Issue 9 (several meetings of a trip; visits named by their visitors), on sentences of our own:
one meeting per counterpart of a trip, "met separately", "also/later met", held talks, an official
visit, planned discussions, date ranges and sideline places; a trip named by its destination and
then its visitors ("the visit to X by A and B") is a `Visit` of the visitors and the host."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pyoxigraph as ox

from diplograph.extract.corpus import Article
from diplograph.extract.model import Interaction
from diplograph.extract.run import extract_articles, serialize
from diplograph.project import Project
from diplograph.validate import validate
from diplograph.vocab import DIP, ID
from extracted import dated

PROJECT = Project(Path(__file__).resolve().parents[1])
PUBLISHED = dt.date(2022, 3, 11)  # a Friday
OPENING = "Secretary of State Antony J. Blinken met today with Foreign Minister Ana Ruiz of Peru. "

Row = tuple[str, list[str], str | None, str | None]


def _later(sentence: str) -> list[Interaction]:
    """The interactions after the opening meeting, for the opening followed by ``sentence``."""
    article = Article("a", OPENING + sentence, PUBLISHED, "U.S. Department of State")
    return extract_articles(PROJECT, [article]).extractions[0].interactions[1:]


def _rows(sentence: str) -> list[Row]:
    """(kind, participant keys, ISO date or range, place label) of each later interaction."""
    rows: list[Row] = []
    for i in _later(sentence):
        when = None
        if i.when is not None:
            when = i.when.start.isoformat() + (f"..{i.when.end.isoformat()}" if i.when.end else "")
        place = i.place.label if i.place else None
        rows.append((i.kind, [p.iri.removeprefix(ID) for p in i.participants], when, place))
    return rows


def test_visit_named_by_its_visitors_is_a_visit_of_the_visitors_and_the_host() -> None:
    sentence = (
        "They welcomed the visit to the United States by Chilean President Carlos Mendez "
        "and Chairman Luis Ortega."
    )
    assert _rows(sentence) == [
        ("Visit", ["carlos-mendez", "luis-ortega", "united-states"], None, None)
    ]
    (trip,) = _later(sentence)
    assert [v.label for v in trip.visitors] == ["Carlos Mendez", "Luis Ortega"]
    assert [h.label for h in trip.hosts] == ["United States"]
    assert trip.evidence[0].text == (
        "visit to the United States by Chilean President Carlos Mendez and Chairman Luis Ortega"
    )


def test_regression_two_visitors_of_one_host_are_two_coded_events_that_conform(
    tmp_path: Path,
) -> None:
    # both visitor -> host events were once minted under one IRI (named by the host alone)
    text = OPENING + (
        "They welcomed the visit to the United States by Chilean President Carlos Mendez "
        "and Chairman Luis Ortega."
    )
    quads = extract_articles(PROJECT, [Article("a", text, PUBLISHED, "x")]).quads
    coded = ox.NamedNode(DIP + "CodedEvent")
    events = sorted(
        q.subject.value
        for q in quads
        if isinstance(q.subject, ox.NamedNode)
        and q.object == coded
        and "/visit-" in q.subject.value
    )
    trip = ID + "a/visit-carlos-mendez-united-states"
    assert events == [f"{trip}/event-carlos-mendez", f"{trip}/event-luis-ortega"]
    out = tmp_path / "out.nq"
    out.write_bytes(serialize(quads, "nquads"))
    assert [str(r) for r in validate(PROJECT, [out]).results] == []


def test_visit_named_by_its_visitor_to_a_city_is_hosted_by_the_city_s_state() -> None:
    assert _rows("They discussed the upcoming visit to Lima by Chilean President Rosa Diaz.") == [
        ("Visit", ["rosa-diaz", "peru"], None, "Lima")
    ]


def test_visit_by_an_unnamed_group_is_not_read_as_a_visit() -> None:
    # only persons the text names are visitors: "the delegation" names nobody
    assert _rows("They discussed the visit to Chile by the delegation.") == []


def test_trip_for_meetings_with_several_counterparts_is_one_meeting_each_in_the_city() -> None:
    sentence = (
        "Secretary Blinken traveled to Lima for meetings with President Carlos Mendez, "
        "Prime Minister Luis Ortega and Foreign Minister Rosa Diaz."
    )
    rows = _rows(sentence)
    assert rows == [
        ("Meeting", ["antony-blinken", "carlos-mendez"], None, "Lima"),
        ("Meeting", ["antony-blinken", "luis-ortega"], None, "Lima"),
        ("Meeting", ["antony-blinken", "rosa-diaz"], None, "Lima"),
        ("Visit", ["antony-blinken", "peru"], None, "Lima"),
    ]
    trips = _later(sentence)
    assert [m.part_of.kind if m.part_of else None for m in trips] == [
        "Visit",
        "Visit",
        "Visit",
        None,
    ]


def test_met_separately_is_one_meeting_per_counterpart() -> None:
    sentence = (
        "The Secretary met separately with President Carlos Mendez of Bolivia "
        "and with Prime Minister Luis Ortega of Chile."
    )
    assert _rows(sentence) == [
        ("Meeting", ["antony-blinken", "carlos-mendez"], None, None),
        ("Meeting", ["antony-blinken", "luis-ortega"], None, None),
    ]


def test_also_met_and_later_met_are_further_meetings() -> None:
    for adverb in ("also", "later"):
        sentence = f"The Secretary {adverb} met with Prime Minister Luis Ortega of Chile."
        assert _rows(sentence) == [("Meeting", ["antony-blinken", "luis-ortega"], None, None)]


def test_held_talks_is_talks() -> None:
    assert _rows("The Secretary held talks with Prime Minister Luis Ortega of Chile.") == [
        ("Talks", ["antony-blinken", "luis-ortega"], None, None)
    ]


def test_hosted_for_an_official_visit_is_a_visit() -> None:
    sentence = "Secretary Blinken hosted Prime Minister Luis Ortega of Chile for an official visit."
    assert _rows(sentence) == [("Visit", ["antony-blinken", "luis-ortega"], None, None)]


def test_continued_discussions_on_a_weekday_are_planned_talks_of_the_two_sides() -> None:
    # planned: the first Friday after the publication date
    assert _rows("The two ministers will continue their discussions on Friday.") == [
        ("Talks", ["antony-blinken", "ana-ruiz"], "2022-03-18", None)
    ]


def test_date_range_and_place_of_a_planned_meeting() -> None:
    sentence = (
        "The Secretary will meet Prime Minister Luis Ortega of Chile on June 18-19 in Santiago."
    )
    assert _rows(sentence) == [
        ("Meeting", ["antony-blinken", "luis-ortega"], "2022-06-18..2022-06-19", "Santiago")
    ]


def test_place_after_on_the_sidelines_of_a_summit_is_the_city() -> None:
    sentence = (
        "The Secretary met Prime Minister Luis Ortega of Chile on the sidelines of the "
        "G20 Summit in Bali."
    )
    assert _rows(sentence) == [("Meeting", ["antony-blinken", "luis-ortega"], None, "Bali")]


def test_a_departure_for_a_place_is_a_trip_dated_by_the_day_that_opens_the_sentence() -> None:
    def trips(text: str) -> list[tuple[str, list[str], str | None]]:
        article = Article("a", text, dt.date(2024, 2, 20), "U.S. Department of State")
        return dated(extract_articles(PROJECT, [article]).extractions[0])

    assert trips("Tonight Secretary Blinken departs for Ghana.") == [
        ("Visit", ["Antony Blinken", "Ghana"], "2024-02-20")
    ]
    assert trips("Secretary Blinken left for Ghana on Monday.") == [
        ("Visit", ["Antony Blinken", "Ghana"], "2024-02-19")
    ]
    # a day far before the visitor dates the sentence's main clause, not the trip
    assert trips(
        "On February 19, for approximately 45 minutes after the opening session, Secretary "
        "Blinken, who is visiting Ghana, held a meeting with Foreign Minister Ana Ruiz."
    )[1:] == [("Visit", ["Antony Blinken", "Ghana"], None)]
