"""News agencies' reports, on sentences of our own: the dateline in its house styles (the day's
and agency's forms, "(dpa)", "/TASS/.", a place in capitals on its own line) opens no sentence
and gives the place of a meeting the text places nowhere else; the day of the lede dates a
meeting told undated in the next paragraph; a city that acts ("as Lima courts investors") is no
place; an invitation to a summit is a proposal; the states of every member of the United
Nations are known."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from diplograph.extract.corpus import Article
from diplograph.extract.model import Extraction
from diplograph.extract.run import extract_articles
from diplograph.project import Project

PROJECT = Project(Path(__file__).resolve().parents[1])
PUBLISHED = dt.date(2024, 1, 16)  # a Tuesday


def _extract(text: str, publisher: str = "Agence France-Presse") -> Extraction:
    article = Article("wire", text, PUBLISHED, publisher)
    return extract_articles(PROJECT, [article]).extractions[0]


def _meetings(extraction: Extraction) -> list[tuple[str, list[str], str | None, str | None]]:
    return [
        (
            i.kind,
            [p.label for p in i.participants],
            i.when.start.isoformat() if i.when else None,
            i.place.label if i.place else None,
        )
        for i in extraction.interactions
    ]


MEETING = "Foreign Minister Ana Ruiz of Peru met Chilean Foreign Minister Luis Soto on Monday."


@pytest.mark.parametrize(
    ("dateline", "place"),
    [
        ("SANTIAGO, Jan 15 (Reuters) - ", "Santiago"),
        ("Santiago (AFP) \u2013 ", "Santiago"),
        ("Santiago (dpa) - ", "Santiago"),
        ("SANTIAGO, January 15. /TASS/. ", "Santiago"),
        ("Valparaiso (Chile), Jan 15 (PTI) ", "Valparaiso"),
        ("SANTIAGO \u2014 ", "Santiago"),
        ("SANTIAGO\n\n", "Santiago"),
    ],
)
def test_a_datelines_place_is_where_the_main_meeting_was(dateline: str, place: str) -> None:
    extraction = _extract(dateline + MEETING)
    assert _meetings(extraction) == [("Meeting", ["Ana Ruiz", "Luis Soto"], "2024-01-15", place)]
    # the sentence starts after the dateline: its first words are the minister's
    assert extraction.interactions[0].evidence[0].text.startswith("Foreign Minister Ana Ruiz")


def test_a_dateline_places_no_call_and_no_planned_meeting() -> None:
    extraction = _extract(
        "LIMA (AP) \u2014 Foreign Minister Ana Ruiz of Peru spoke by phone with Chilean Foreign "
        "Minister Luis Soto on Monday. Ruiz will meet Argentine Foreign Minister Diana Mondino "
        "next week."
    )
    assert [(i.kind, i.place) for i in extraction.interactions] == [
        ("PhoneCall", None),
        ("Meeting", None),
    ]


def test_a_place_in_the_sentence_wins_over_the_dateline() -> None:
    extraction = _extract("LIMA (AP) \u2014 " + MEETING.replace(" on Monday", " in Quito"))
    assert _meetings(extraction)[0][3] == "Quito"


def test_a_state_dateline_names_no_place() -> None:
    extraction = _extract("Peru \u2014 " + MEETING)
    assert _meetings(extraction)[0][3] is None


def test_regression_a_city_that_acts_was_the_meetings_place() -> None:
    # "..., as Beijing courts a continent" placed the meeting in Beijing
    extraction = _extract(
        "Foreign Minister Ana Ruiz of Peru met Chilean Foreign Minister Luis Soto on Monday, as "
        "Lima courts investors from the Pacific."
    )
    assert _meetings(extraction)[0][3] is None


def test_the_ledes_day_dates_the_meeting_told_in_the_next_paragraph() -> None:
    extraction = _extract(
        "Foreign Minister Ana Ruiz of Peru confronted her Chilean counterpart on Monday over "
        "the fishing dispute, officials said.\n\nRuiz met Chilean Foreign Minister Luis Soto on "
        "the sidelines of the Pacific Alliance Summit."
    )
    assert _meetings(extraction)[0][:3] == ("Meeting", ["Ana Ruiz", "Luis Soto"], "2024-01-15")


def test_a_lede_of_other_people_dates_no_meeting() -> None:
    extraction = _extract(
        "Chile's President Gabriel Boric spoke on Monday about the fishing dispute.\n\nForeign "
        "Minister Ana Ruiz of Peru met Chilean Foreign Minister Luis Soto in Quito."
    )
    assert _meetings(extraction)[0][2] is None


@pytest.mark.parametrize(
    ("said", "kind"),
    [
        ("Ruiz invited Peru to take part in the Summit on Peace in Geneva.", "Proposal"),
        (
            "Ruiz invited Soto to the Pacific Alliance Summit that Peru will host next year.",
            "Proposal",
        ),
        ("Ruiz invited Soto to visit Lima.", "Proposal"),
        # an appeal to act, not an invitation to meet
        ("Ruiz invited Chile to join Peru in applying the principles of the Charter.", "Demand"),
    ],
)
def test_an_invitation_to_meet_is_a_proposal(said: str, kind: str) -> None:
    extraction = _extract(MEETING + " " + said)
    assert [(s.kind, s.evidence[0].text) for s in extraction.statements][-1][0] == kind


def test_every_member_of_the_united_nations_is_a_state() -> None:
    extraction = _extract(
        "Chinese Foreign Minister Wang Yi met Togolese President Faure Gnassingbe on Wednesday "
        "in Lome, before travelling to Ivory Coast."
    )
    (meeting, *_) = extraction.interactions
    assert [(p.label, p.nationality) for p in meeting.participants] == [
        ("Wang Yi", "https://w3id.org/diplograph/id/china"),
        ("Faure Gnassingbe", "https://w3id.org/diplograph/id/togo"),
    ]
    assert meeting.place is not None and meeting.place.label == "Lome"


def _statements(text: str) -> list[tuple[str, str, str]]:
    extraction = _extract(text, "Associated Press")
    return [(s.kind, s.speaker.label, s.evidence[0].text) for s in extraction.statements]


CALL = "Peruvian President Ana Ruiz spoke by phone with Chilean President Luis Soto on Monday. "


def test_a_present_perfect_reports_a_statement() -> None:
    said = "Ruiz and Soto have urged Bolivia to reopen the border."
    assert [k for k, _, _ in _statements(CALL + said)] == ["Demand", "Demand"]


@pytest.mark.parametrize(
    ("role", "speaker"),
    [
        ("The Chilean leader", "Luis Soto"),
        ("The Peruvian president", "Ana Ruiz"),
        ("The Chilean president", "Luis Soto"),
    ],
)
def test_a_role_in_lower_case_after_a_state_names_its_holder(role: str, speaker: str) -> None:
    said = f"{role} said relations had begun to stabilize."
    assert _statements(CALL + said) == [("Assertion", speaker, said)]


def test_a_red_line_is_a_warning() -> None:
    said = "Soto told Ruiz the border was \u201cthe first red line that must not be crossed.\u201d"
    assert [k for k, _, _ in _statements(CALL + said)] == ["Warning"]


def test_the_two_of_a_later_meeting_agree_in_its_own_sentence() -> None:
    extraction = _extract(
        "Foreign Minister Ana Ruiz of Peru met Chilean President Luis Soto on Monday. She also "
        "held talks with her Chilean counterpart Alberto van Klaveren, and the two ministers "
        "agreed to deepen cooperation in fisheries."
    )
    talks = extraction.interactions[1]
    assert [p.label for p in talks.participants] == ["Ana Ruiz", "Alberto van Klaveren"]
    assert [(s.kind, s.speaker.label) for s in extraction.statements] == [
        ("AgreementStatement", "Ana Ruiz"),
        ("AgreementStatement", "Alberto van Klaveren"),
    ]
