"""Issue 9 (model: "Only what the text names: one party, no target"), on sentences of our own: a
summit or conference named by its organiser or host and a trip named by its traveller are
one-party interactions, never coded; one named only as the setting of a meeting is not; a demand or
criticism whose clause names no actor has no target and no coded event."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pyoxigraph as ox

from diplograph.extract.corpus import Article
from diplograph.extract.model import Extraction
from diplograph.extract.run import Result, extract_articles, serialize
from diplograph.project import Project
from diplograph.validate import validate
from diplograph.vocab import DIP, ID

PROJECT = Project(Path(__file__).resolve().parents[1])
PUBLISHED = dt.date(2022, 3, 11)
OPENING = "Secretary of State Antony J. Blinken met today with Foreign Minister Ana Ruiz of Peru. "


def _result(text: str) -> Result:
    article = Article("a", text, PUBLISHED, "U.S. Department of State")
    return extract_articles(PROJECT, [article])


def _one(text: str) -> Extraction:
    return _result(text).extractions[0]


def _one_party(extraction: Extraction) -> list[tuple[str, str, list[str], list[str], str]]:
    """(kind, participant, hosts, visitors, evidence) of each one-party interaction."""
    return [
        (
            i.kind,
            i.participants[0].iri.removeprefix(ID),
            [h.iri.removeprefix(ID) for h in i.hosts],
            [v.iri.removeprefix(ID) for v in i.visitors],
            i.evidence[0].text,
        )
        for i in extraction.interactions
        if len(i.participants) == 1
    ]


def _objects(quads: list[ox.Quad], subject_end: str, predicate: str) -> list[str]:
    """The IRIs of ``predicate`` of the subject whose IRI ends with ``subject_end``."""
    return sorted(
        q.object.value
        for q in quads
        if isinstance(q.subject, ox.NamedNode)
        and isinstance(q.object, ox.NamedNode)
        and q.subject.value.endswith(subject_end)
        and q.predicate.value == DIP + predicate
    )


def _typed(quads: list[ox.Quad], kind: str) -> set[str]:
    """The IRIs of the subjects of type dip:``kind``."""
    typed = ox.NamedNode(DIP + kind)
    return {
        q.subject.value for q in quads if isinstance(q.subject, ox.NamedNode) and q.object == typed
    }


# --- one-party events -----------------------------------------------------------------------------


def test_next_months_summit_of_an_organisation_is_its_meeting() -> None:
    extraction = _one(OPENING + "They discussed preparations for next month's NATO Summit.")
    assert _one_party(extraction) == [
        ("Meeting", "north-atlantic-treaty-organization", [], [], "next month's NATO Summit")
    ]


def test_an_x_hosted_conference_is_a_meeting_hosted_by_x_dated_and_placed() -> None:
    extraction = _one(
        OPENING + "They reviewed the outcome of the Uzbekistan-hosted Tashkent Conference on "
        "Regional Trade on March 2."
    )
    assert _one_party(extraction) == [
        (
            "Meeting",
            "uzbekistan",
            ["uzbekistan"],
            [],
            "Uzbekistan-hosted Tashkent Conference on Regional Trade on March 2",
        )
    ]
    conference = extraction.interactions[-1]
    assert conference.when is not None and conference.when.start == dt.date(2022, 3, 2)
    assert conference.place is not None and conference.place.label == "Tashkent"
    assert [name for name, _ in conference.inferred] == ["place"]


def test_a_states_participation_in_an_upcoming_summit_is_its_meeting() -> None:
    extraction = _one(
        OPENING + "The Secretary welcomed Peru's participation in the upcoming Summit of the Andes."
    )
    assert _one_party(extraction) == [
        ("Meeting", "peru", [], [], "Peru's participation in the upcoming Summit of the Andes")
    ]


def test_a_persons_planned_travel_to_the_region_is_a_visit_with_no_host() -> None:
    extraction = _one(
        OPENING + "They discussed Secretary Blinken's upcoming trip to the region next week."
    )
    assert _one_party(extraction) == [
        (
            "Visit",
            "antony-blinken",
            [],
            ["antony-blinken"],
            "Secretary Blinken's upcoming trip to the region",
        )
    ]


def test_a_dated_session_of_a_council_is_a_meeting_of_the_council() -> None:
    extraction = _one(
        OPENING + "They welcomed the unanimous May 4 vote at the Andean Regional Council, and "
        "the Secretary urged Peru to implement the measures adopted in the Andean Regional "
        "Council on March 3."
    )
    assert [(kind, party, text) for kind, party, _, _, text in _one_party(extraction)] == [
        (
            "Meeting",
            "andean-regional-council",
            "the unanimous May 4 vote at the Andean Regional Council",
        ),
        ("Meeting", "andean-regional-council", "Andean Regional Council on March 3"),
    ]
    assert [str(i.when.start) for i in extraction.interactions[1:] if i.when] == [
        "2022-05-04",
        "2022-03-03",
    ]


def test_a_summit_that_is_only_the_setting_of_a_meeting_is_no_interaction() -> None:
    extraction = _one(
        "Secretary of State Antony J. Blinken met Foreign Minister Ana Ruiz of Peru on the "
        "margins of the upcoming NATO Summit. They discussed trade."
    )
    assert _one_party(extraction) == []
    assert len(extraction.interactions) == 1


def test_a_planned_summit_of_an_unknown_organiser_is_a_meeting_of_its_participants() -> None:
    extraction = _one(OPENING + "They discussed next month's Quorvane Summit.")
    assert _one_party(extraction) == [
        ("Meeting", "group/a-quorvane-summit-participants", [], [], "next month's Quorvane Summit")
    ]
    assert extraction.interactions[-1].participants[0].label == "Quorvane Summit participants"


def test_a_dated_summit_of_an_organisation_is_its_meeting_on_those_days_in_its_city() -> None:
    extraction = _one(
        OPENING + "They discussed unity in the lead up to the June 29-30 NATO Summit in Lisbon."
    )
    assert _one_party(extraction) == [
        ("Meeting", "north-atlantic-treaty-organization", [], [], "the June 29-30 NATO Summit")
    ]
    summit = extraction.interactions[-1]
    assert summit.when is not None
    assert (summit.when.start, summit.when.end) == (dt.date(2022, 6, 29), dt.date(2022, 6, 30))
    assert summit.place is not None and summit.place.label == "Lisbon"


def test_a_dated_summit_named_with_an_adjective_before_its_organiser() -> None:
    extraction = _one(OPENING + "They prepared for the March 24 Extraordinary NATO Summit.")
    [summit] = [i for i in extraction.interactions if len(i.participants) == 1]
    assert summit.label == "Extraordinary NATO Summit (North Atlantic Treaty Organization)"
    assert summit.when is not None and summit.when.start == dt.date(2022, 3, 24)


def test_an_earlier_or_planned_event_without_organiser_is_a_meeting_of_its_participants() -> None:
    extraction = _one(
        OPENING + "They built on the successful Quorvane Ministerial and discussed the upcoming "
        "Summit of the Andes."
    )
    assert [(p, text) for _, p, _, _, text in _one_party(extraction)] == [
        ("group/a-quorvane-ministerial-participants", "the successful Quorvane Ministerial"),
        ("group/a-summit-of-the-andes-participants", "the upcoming Summit of the Andes"),
    ]


def test_a_named_event_with_its_participants_or_a_longer_name_is_no_group_meeting() -> None:
    extraction = _one(
        OPENING + "They built on the May 21 Summit between President Joe Biden and Ana Ruiz, and "
        "on this year's Ministerial Council Meeting."
    )
    assert _one_party(extraction) == []


def test_a_body_named_after_its_dated_session_is_a_meeting_of_the_body() -> None:
    extraction = _one(
        OPENING + "They built on the outcomes of the January 6 Peru-Andes Joint Committee."
    )
    assert [(p, text) for _, p, _, _, text in _one_party(extraction)] == [
        ("peru-andes-joint-committee", "the January 6 Peru-Andes Joint Committee")
    ]
    assert str(extraction.interactions[-1].when and extraction.interactions[-1].when.start) == (
        "2022-01-06"
    )


def test_a_persons_trip_to_a_region_is_a_visit_also_unmarked() -> None:
    extraction = _one(OPENING + "They discussed the Foreign Minister's trip to the Middle East.")
    assert _one_party(extraction) == [
        ("Visit", "ana-ruiz", [], ["ana-ruiz"], "the Foreign Minister's trip to the Middle East")
    ]
    assert extraction.interactions[-1].place is None  # a region is no city or country


def test_a_summit_named_twice_is_one_meeting() -> None:
    extraction = _one(
        OPENING + "They discussed next month's NATO Summit. The Secretary said next month's NATO "
        "Summit would show unity."
    )
    assert [kind for kind, *_ in _one_party(extraction)] == ["Meeting"]


def test_regression_a_one_party_visit_is_not_the_interaction_a_statement_is_made_during() -> None:
    # the index's "last interaction of this speaker" skipped visits but not one-party events
    extraction = _one(
        OPENING + "They discussed next month's NATO Summit. Blinken emphasized support for Peru."
    )
    meeting = extraction.interactions[0]
    assert len(meeting.participants) == 2
    assert [s.made_during is meeting for s in extraction.statements] == [True]


def test_one_party_events_are_not_coded_and_conform(tmp_path: Path) -> None:
    result = _result(
        OPENING + "They discussed next month's NATO Summit and Secretary Blinken's planned "
        "travel to the region."
    )
    quads = result.quads
    assert _objects(quads, "/meeting-north-atlantic-treaty-organization", "participant") == [
        ID + "north-atlantic-treaty-organization"
    ]
    assert _objects(quads, "/visit-antony-blinken", "visitor") == [ID + "antony-blinken"]
    assert _typed(quads, "CodedEvent") == {ID + "a/meeting-antony-blinken-ana-ruiz/event"}
    out = tmp_path / "out.nq"
    out.write_bytes(serialize(quads, "nquads"))
    assert [str(r) for r in validate(PROJECT, [out]).results] == []


# --- demands and criticisms: a target only where the text names one ---------------------------


def _said(extraction: Extraction) -> list[tuple[str, str | None, bool]]:
    return [
        (s.kind, s.target.iri.removeprefix(ID) if s.target else None, s.target_inferred)
        for s in extraction.statements
    ]


def test_a_demand_naming_no_one_has_no_target_not_the_addressee() -> None:
    extraction = _one(OPENING + "The Secretary called for restraint.")
    assert _said(extraction) == [("Demand", None, False)]


def test_a_demand_naming_a_third_party_targets_it() -> None:
    extraction = _one(OPENING + "The Secretary urged Russia to withdraw its forces.")
    assert _said(extraction) == [("Demand", "russia", False)]


def test_a_demand_of_him_targets_the_one_counterpart_marked_inferred() -> None:
    extraction = _one(OPENING + "The Secretary urged him to expand trade.")
    assert _said(extraction) == [("Demand", "ana-ruiz", True)]


def test_a_criticism_naming_no_actor_is_a_criticism_with_no_target() -> None:
    extraction = _one(OPENING + "The Secretary condemned the attack on the port.")
    assert _said(extraction) == [("Criticism", None, False)]


def test_targets_in_the_graph_coded_only_at_a_named_or_marked_target(tmp_path: Path) -> None:
    result = _result(
        OPENING + "The Secretary called for restraint. The Secretary urged Russia to withdraw. "
        "The Secretary urged him to expand trade."
    )
    quads = result.quads
    assert sorted(iri.removeprefix(ID + "a/") for iri in _typed(quads, "Demand")) == [
        "demand-1-1",
        "demand-2-1",
        "demand-3-1",
    ]
    assert _objects(quads, "/demand-1-1", "target") == []
    assert _objects(quads, "/demand-1-1/event", "targetActor") == []
    assert _objects(quads, "/demand-2-1/event", "targetActor") == [ID + "russia"]
    assert _objects(quads, "/demand-3-1", "target") == [ID + "ana-ruiz"]
    assert DIP + "target" in _objects(quads, "/demand-3-1", "inferredProperty")
    out = tmp_path / "out.nq"
    out.write_bytes(serialize(quads, "nquads"))
    assert [str(r) for r in validate(PROJECT, [out]).results] == []
