"""Forms of defence ministries' and prime ministers' readouts, and of news reports that quote a
readout, on sentences of our own: "spoke on Friday with", "has spoken today by phone to", two
leaders who "spoke over the phone", abbreviated military ranks, a press secretary who reports, the
state of "his Australian counterpart," for the posts of the appositive after it, a spokesperson's
"said:", a possessor before "must", and a paragraph that quotes a readout whole."""

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
PUBLISHED = dt.date(2024, 5, 17)  # a Friday
DEFENSE = "U.S. Department of Defense"
NO_10 = "Prime Minister's Office, 10 Downing Street"


def _one(text: str, publisher: str = "Press Trust of India") -> Extraction:
    article = Article("readout", text, PUBLISHED, publisher)
    return extract_articles(PROJECT, [article]).extractions[0]


def _interactions(extraction: Extraction) -> list[tuple[str, list[str], str | None]]:
    return [
        (
            i.kind,
            [p.iri.removeprefix(ID) for p in i.participants],
            i.when.start.isoformat() if i.when else None,
        )
        for i in extraction.interactions
    ]


def _posts(extraction: Extraction) -> list[tuple[str, str]]:
    return [(h.person.label, h.post.label) for h in extraction.holdings]


def _statements(extraction: Extraction) -> list[tuple[str, str, str, str | None]]:
    return [
        (
            s.kind,
            s.speaker.label,
            " / ".join(e.text for e in s.evidence),
            s.target.label if s.target else None,
        )
        for s in extraction.statements
    ]


def test_regression_spoke_on_a_weekday_with_is_a_call() -> None:
    extraction = _one(
        "President Ana Ruiz spoke on Thursday with Prime Minister Jorge Salas of Peru."
    )
    assert _interactions(extraction) == [("Call", ["ana-ruiz", "jorge-salas"], "2024-05-16")]


def test_regression_has_spoken_today_by_phone_to_is_a_phone_call() -> None:
    extraction = _one(
        "Amina Rauf, the Prime Minister, has spoken today by phone to Jorge Salas, the President "
        "of Peru, on the floods."
    )
    assert _interactions(extraction) == [("PhoneCall", ["amina-rauf", "jorge-salas"], "2024-05-17")]


def test_two_leaders_who_spoke_over_the_phone_held_a_phone_call() -> None:
    extraction = _one(
        "Prime Minister Amina Rauf and President Jorge Salas spoke over the phone for 45 minutes "
        "this evening."
    )
    assert _interactions(extraction) == [("PhoneCall", ["amina-rauf", "jorge-salas"], "2024-05-17")]


def test_spoke_for_an_hour_with_is_a_call() -> None:
    extraction = _one("President Ana Ruiz spoke for an hour with Prime Minister Jorge Salas.")
    assert _interactions(extraction) == [("Call", ["ana-ruiz", "jorge-salas"], None)]


def test_regression_an_abbreviated_rank_ends_no_sentence_and_a_press_secretary_takes_no_part() -> (
    None
):
    extraction = _one(
        "Pentagon Press Secretary Brig. Gen. Ana Ruiz provided the following readout: Secretary "
        "of Defense Jorge Salas met with Lt. Gen. Amina Rauf of Pakistan in Islamabad today.",
        DEFENSE,
    )
    assert _interactions(extraction) == [("Meeting", ["jorge-salas", "amina-rauf"], "2024-05-17")]
    # a rank is no post; the publisher's state gives the Secretary of Defense's
    assert _posts(extraction) == [("Jorge Salas", "Secretary of Defense of United States")]


def test_the_state_of_his_counterpart_gives_the_posts_of_the_appositive_after_it() -> None:
    extraction = _one(
        "Secretary of Defense Jorge Salas met with his Peruvian counterpart, Deputy Prime "
        "Minister and Minister of Defence Ana Ruiz, at the Pentagon today.",
        DEFENSE,
    )
    assert _interactions(extraction) == [("Meeting", ["jorge-salas", "ana-ruiz"], "2024-05-17")]
    assert _posts(extraction) == [
        ("Jorge Salas", "Secretary of Defense of United States"),
        ("Ana Ruiz", "Deputy Prime Minister of Peru"),
        ("Ana Ruiz", "Minister of Defence of Peru"),
    ]
    assert {s.speaker.label for s in extraction.statements} <= {"Jorge Salas", "Ana Ruiz"}


def test_regression_a_person_named_inside_reported_speech_is_not_one_of_the_two_sides() -> None:
    # no interaction is found ("the leaders of Peru and Chile" names no one); "the leaders"
    # were read as the first two people the text named, President Salas among them
    extraction = _one(
        "The Prime Minister spoke to the leaders of Peru and Chile this afternoon.\n\n"
        "The Prime Minister underscored that we must judge President Salas\u2019s regime by its "
        "actions.\n\nThe leaders agreed to stay in close contact.",
        NO_10,
    )
    assert "Salas" not in {s.speaker.label for s in extraction.statements}
    assert [s.speaker.label for s in extraction.statements] == ["Rishi Sunak"]  # that day's


def test_regression_a_spokespersons_said_colon_is_no_statement() -> None:
    extraction = _one(
        "The Prime Minister spoke to Chancellor Ana Ruiz of Austria this afternoon.\n\n"
        "A spokesperson for the Prime Minister said:\n\n"
        "The Prime Minister stressed that the sanctions should be ready to come into force.",
        NO_10,
    )
    assert [(kind, quote) for kind, _, quote, _ in _statements(extraction)] == [
        (
            "Assertion",
            "The Prime Minister stressed that the sanctions should be ready to come into force.",
        )
    ]


def test_regression_the_possessor_before_must_is_not_the_target_of_the_demand() -> None:
    extraction = _one(
        "The Prime Minister spoke to President Jorge Salas of Peru this afternoon. The Prime "
        "Minister stressed that Chile\u2019s voice must be central in any discussions.",
        NO_10,
    )
    demands = [s for s in _statements(extraction) if s[0] == "Demand"]
    assert demands and all(target is None for *_, target in demands)


def test_a_paragraph_quoting_a_readout_whole_is_the_readouts_narration() -> None:
    extraction = _one(
        "President Ana Ruiz spoke by telephone with Prime Minister Jorge Salas on Thursday.\n\n"
        '"She underscored that a ceasefire is essential to protect civilians, and she urged the '
        'Prime Minister to conclude a deal without delay," the readout stated.'
    )
    assert _statements(extraction) == [
        (
            "Assertion",
            "Ana Ruiz",
            "underscored that a ceasefire is essential to protect civilians",
            None,
        ),
        (
            "Demand",
            "Ana Ruiz",
            "conclude a deal without delay / urged the Prime Minister to conclude a deal "
            "without delay",
            "Jorge Salas",
        ),
    ]


def test_a_quotation_of_a_person_keeps_its_quotation_marks() -> None:
    # only a document's words are narration: a person's quoted words stay a quotation
    extraction = _one(
        "President Ana Ruiz spoke by telephone with Prime Minister Jorge Salas on Thursday.\n\n"
        '"We will not accept any delay," Ruiz said.'
    )
    assert [quote for _, _, quote, _ in _statements(extraction)] == [
        '"We will not accept any delay," Ruiz said.'
    ]


def test_regression_a_date_before_a_noun_does_not_date_the_call() -> None:
    # a closing summary line ("Special Rep. X called Y to condemn the March 4 tests") made a
    # second call, dated by the tests
    extraction = _one(
        "On May 10, Special Representative Ana Ruiz called Special Representative Jorge Salas "
        "of Peru to discuss the missile launches.\n\n"
        "Special Rep. Ruiz called Special Rep. Salas to condemn the Feb 26 and March 4 tests.",
        "U.S. Department of State",
    )
    assert _interactions(extraction) == [("Call", ["ana-ruiz", "jorge-salas"], "2024-05-10")]


def test_regression_the_source_of_a_reported_meeting_is_no_participant_and_no_speaker() -> None:
    extraction = _one(
        "Foreign Minister Ana Ruiz and Deputy Foreign Minister Jorge Salas met Chilean Vice "
        "Foreign Minister Amina Rauf, the Peruvian foreign ministry said."
    )
    assert _interactions(extraction) == [
        ("Meeting", ["ana-ruiz", "jorge-salas", "amina-rauf"], None)
    ]
    assert extraction.statements == []


def test_regression_the_day_a_source_spoke_does_not_date_what_it_reports() -> None:
    extraction = _one(
        "Foreign Minister Ana Ruiz and her Chilean counterpart, Jorge Salas, have held talks on "
        "the sidelines of the summit in Lima, Peru\u2019s foreign ministry said Friday."
    )
    assert _interactions(extraction) == [("Talks", ["ana-ruiz", "jorge-salas"], None)]


def test_had_talks_and_held_a_discussion_with_are_talks() -> None:
    extraction = _one(
        "On Thursday Minister Ana Ruiz had detailed talks with Defence Minister Jorge Salas.\n\n"
        "On Friday Minister Ruiz held an in-depth discussion with Foreign Minister Amina Rauf."
    )
    assert _interactions(extraction) == [
        ("Talks", ["ana-ruiz", "jorge-salas"], "2024-05-16"),
        ("Talks", ["ana-ruiz", "amina-rauf"], "2024-05-17"),
    ]


def test_regression_the_place_of_a_topic_is_not_where_the_talks_took_place() -> None:
    extraction = _one(
        "Foreign Minister Ana Ruiz held talks with Foreign Minister Jorge Salas with a focus on "
        "the situation in Gaza."
    )
    assert [i.place for i in extraction.interactions] == [None]


def test_leaders_who_held_a_summit_met() -> None:
    extraction = _one(
        "Peruvian President Ana Ruiz and Chilean President Jorge Salas held a summit in Lima "
        "on Thursday, agreeing to reopen their border."
    )
    assert _interactions(extraction) == [("Meeting", ["ana-ruiz", "jorge-salas"], "2024-05-16")]


def test_regression_a_news_datelines_day_dated_the_meeting() -> None:
    # "LIMA, May 17 (Reuters) - ... held talks ... on Thursday" was dated May 17, the report's day
    extraction = _one(
        "LIMA, May 17 (Reuters) - Peruvian President Ana Ruiz held talks with Chilean President "
        "Jorge Salas in Lima on Thursday."
    )
    assert _interactions(extraction) == [("Talks", ["ana-ruiz", "jorge-salas"], "2024-05-16")]
    assert extraction.interactions[0].evidence[0].text.startswith("Peruvian President")
    without_day = _one(
        "LIMA (AP) \u2014 Peruvian President Ana Ruiz held talks with Chilean President Jorge "
        "Salas on Thursday."
    )
    assert _interactions(without_day) == [("Talks", ["ana-ruiz", "jorge-salas"], "2024-05-16")]


def test_regression_an_organisation_in_the_topic_before_the_trigger_took_part() -> None:
    # "A and his US counterpart B discussed Sweden's NATO membership bid in a phone call": NATO
    # was a participant of the call
    extraction = _one(
        "Peruvian Foreign Minister Ana Ruiz and her Chilean counterpart Jorge Salas discussed "
        "the Organization of American States' budget in a phone call on Tuesday."
    )
    assert _interactions(extraction) == [("PhoneCall", ["ana-ruiz", "jorge-salas"], "2024-05-14")]
    with_whom = _one(
        "Peruvian Foreign Minister Ana Ruiz discussed with Chilean Foreign Minister Jorge Salas "
        "the border in a phone call on Tuesday."
    )
    assert _interactions(with_whom) == [("PhoneCall", ["ana-ruiz", "jorge-salas"], "2024-05-14")]


def test_a_planned_trip_to_a_state_is_a_visit_hosted_by_it() -> None:
    extraction = _one(
        "Peruvian President Ana Ruiz met Chilean President Jorge Salas in Lima on Thursday. "
        "Peruvian Foreign Minister Elena Vidal will travel to Chile next month."
    )
    trip = extraction.interactions[-1]
    assert (trip.kind, [p.iri.removeprefix(ID) for p in trip.participants]) == (
        "Visit",
        ["elena-vidal", "chile"],
    )
    assert trip.place is None and [h.label for h in trip.hosts] == ["Chile"]
    assert extraction.interactions[0].part_of is None  # the meeting is no part of a later trip


def test_regression_a_red_line_that_must_not_be_crossed_asks_no_named_actor() -> None:
    # "Xi told Biden that Taiwan is ... the first red line that must not be crossed": Taiwan was
    # the target of a demand
    extraction = _one(
        "Peruvian President Ana Ruiz met Chilean President Jorge Salas in Lima on Thursday. "
        "Ruiz told Salas that the Mantaro Valley is the first red line that must not be crossed."
    )
    # a red line warns (CAMEO 130), as the fourth blind round annotates it; it asks no one
    assert [(s.kind, s.target) for s in extraction.statements] == [("Warning", None)]


def test_a_dateline_with_a_region_is_trimmed() -> None:
    extraction = _one(
        "CUSCO, Peru (AP) \u2014 Peruvian President Ana Ruiz held talks with Chilean President "
        "Jorge Salas on Thursday."
    )
    assert extraction.interactions[0].evidence[0].text.startswith("Peruvian President")


def test_unnamed_officials_of_listed_states_meet_and_hold_their_posts() -> None:
    extraction = _one(
        "LIMA \u2013 The foreign ministers of Peru and Chile held a brief meeting in Lima on "
        "Thursday, the ministry said. The two ministers agreed to continue their talks."
    )
    assert _interactions(extraction) == [
        (
            "Meeting",
            [
                "official/readout-foreign-minister-of-peru",
                "official/readout-foreign-minister-of-chile",
            ],
            "2024-05-16",
        )
    ]
    assert _posts(extraction) == [
        ("Foreign Minister of Peru", "Foreign Minister of Peru"),
        ("Foreign Minister of Chile", "Foreign Minister of Chile"),
    ]
    assert sorted(s.speaker.label for s in extraction.statements) == [
        "Foreign Minister of Chile",
        "Foreign Minister of Peru",
    ]


def test_the_top_diplomats_of_the_two_nations_are_the_two_not_their_states() -> None:
    # a news report's lede without a day, its second paragraph with the day and the city: one
    # meeting, dated and placed
    extraction = _one(
        "Foreign Minister Ana Ruiz and her Chilean counterpart, Jorge Salas, have held talks on "
        "the sidelines of the Andean summit, the ministry said Friday. The top diplomats of the "
        "two nations held a meeting in Lima on Thursday, according to the ministry."
    )
    assert _interactions(extraction) == [("Talks", ["ana-ruiz", "jorge-salas"], "2024-05-16")]
    assert extraction.interactions[0].place is not None
    assert extraction.interactions[0].place.label == "Lima"


def test_a_meeting_held_again_is_another_meeting() -> None:
    extraction = _one(
        "Foreign Minister Ana Ruiz and her Chilean counterpart, Jorge Salas, held talks in Quito. "
        "The two ministers met again in Lima on Thursday."
    )
    assert [
        (i.kind, i.when.start.isoformat() if i.when else None) for i in extraction.interactions
    ] == [
        ("Talks", None),
        ("Meeting", "2024-05-16"),
    ]


def test_his_trip_to_a_city_is_the_trip_of_the_person_named_last_before_his() -> None:
    extraction = _one(
        "Foreign Minister Ana Ruiz held phone talks with Chilean Foreign Minister Jorge Salas on "
        "Friday. Ruiz shared the outcome of her recent trip to Beijing, where she held talks with "
        "her Chinese counterpart, Wang Yi. Salas noted that President Elena Vidal looks forward "
        "to her visit to Peru next month."
    )
    trips = [
        (i.visitors[0].label, i.hosts[0].label)
        for i in extraction.interactions
        if i.kind == "Visit"
    ]
    assert trips == [("Ana Ruiz", "People's Republic of China"), ("Elena Vidal", "Peru")]
    talks = next(i for i in extraction.interactions if i.kind == "Talks")
    assert talks.place is not None and talks.place.label == "Beijing"


def test_regression_the_summit_at_next_weeks_meeting_took_part() -> None:
    # "The two will meet at next week's G20 meeting in Rio": the G20 was a participant
    extraction = _one(
        "Foreign Minister Ana Ruiz held phone talks with Chilean Foreign Minister Jorge Salas on "
        "Friday. The two will meet at next week's G20 meeting in Rio."
    )
    assert [i.participants for i in extraction.interactions][-1] == list(
        extraction.interactions[0].participants
    )


def test_a_trip_told_twice_is_one_and_his_after_an_object_is_the_subjects() -> None:
    extraction = _one(
        "Foreign Minister Ana Ruiz spoke by phone with Chilean Foreign Minister Jorge Salas on "
        "Friday, following Ruiz\u2019s visit to China earlier this week. Ruiz used the call to "
        "share the outcome of her recent trip to Beijing. Ruiz explained to Salas that her visit "
        "to China was significant."
    )
    trips = [i for i in extraction.interactions if i.kind == "Visit"]
    assert [(t.visitors[0].label, t.hosts[0].label) for t in trips] == [
        ("Ana Ruiz", "People's Republic of China")
    ]
    assert trips[0].place is not None and trips[0].place.label == "Beijing"


def test_talks_scheduled_to_continue_are_planned_talks_of_the_two() -> None:
    extraction = _one(
        "Foreign Minister Ana Ruiz met Chilean Foreign Minister Jorge Salas in Lima on Friday. "
        "They are scheduled to continue their talks on Saturday morning."
    )
    assert _interactions(extraction) == [
        ("Meeting", ["ana-ruiz", "jorge-salas"], "2024-05-17"),
        ("Talks", ["ana-ruiz", "jorge-salas"], "2024-05-18"),  # the Saturday after
    ]


def test_a_and_bs_previous_meeting_is_another_meeting_of_the_two() -> None:
    extraction = _one(
        "Foreign Minister Ana Ruiz met Chilean Foreign Minister Jorge Salas in Lima on Friday. "
        "Following Ruiz and Salas\u2019s previous meeting in March, the two agreed to open a "
        "consulate."
    )
    assert _interactions(extraction) == [
        ("Meeting", ["ana-ruiz", "jorge-salas"], "2024-05-17"),
        ("Meeting", ["ana-ruiz", "jorge-salas"], None),
    ]
    assert extraction.interactions[1].place is None


def test_their_last_meeting_with_a_day_is_the_earlier_day_and_following_it_is_none() -> None:
    earlier = _one(
        "Foreign Minister Ana Ruiz met Chilean Foreign Minister Jorge Salas on Friday. Since "
        "their last meeting in Santiago on May 3, trade has grown."
    )
    same = _one(
        "Foreign Minister Ana Ruiz met Chilean Foreign Minister Jorge Salas on Friday. "
        "Following their meeting, the two agreed to open a consulate."
    )
    assert _interactions(earlier)[1] == ("Meeting", ["ana-ruiz", "jorge-salas"], "2024-05-03")
    assert len(same.interactions) == 1


def _said(extraction: Extraction) -> list[tuple[str, str]]:
    return [(s.speaker.label, s.kind) for s in extraction.statements]


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        # the act a "said" reports, as news retells a meeting
        ("Ruiz said she had raised concerns about the detention of two reporters.", "Criticism"),
        ("Ruiz told Salas that Peru opposed any unilateral change to the border.", "Criticism"),
        ("Ruiz said the two sides had agreed to resume flights.", "AgreementStatement"),
        # news verbs of criticism, warning and rejection
        ("Ruiz accused Chile of blocking the river talks.", "Criticism"),
        ("Ruiz threatened to recall the ambassador from Santiago.", "Warning"),
        ("Ruiz dismissed the proposal as unworkable.", "Rejection"),
    ],
)
def test_news_reporting_forms_give_their_kind(sentence: str, kind: str) -> None:
    extraction = _one(
        "Foreign Minister Ana Ruiz met Chilean Foreign Minister Jorge Salas. " + sentence
    )
    assert _said(extraction) == [("Ana Ruiz", kind)]


def test_regression_threatened_by_is_no_warning() -> None:
    extraction = _one(
        "Foreign Minister Ana Ruiz met Chilean Foreign Minister Jorge Salas. Ruiz expressed "
        "solidarity with the countries threatened by the drought."
    )
    assert _said(extraction) == [("Ana Ruiz", "Assertion")]


def test_an_untitled_name_before_a_reporting_verb_is_a_speaker() -> None:
    extraction = _one(
        "Foreign Minister Ana Ruiz met Chilean Foreign Minister Jorge Salas. Ministry "
        "spokeswoman Lucia Paredes welcomed the meeting. Paredes accused Bolivia of delay."
    )
    assert _said(extraction) == [("Lucia Paredes", "Assertion"), ("Lucia Paredes", "Criticism")]
    assert [p.label for p in extraction.interactions[0].participants] == [
        "Ana Ruiz",
        "Jorge Salas",
    ]


def test_a_quotation_attributed_after_it_with_the_name_after_said() -> None:
    extraction = _one(
        "Foreign Minister Ana Ruiz met Chilean Foreign Minister Jorge Salas. \u201cThis is a good "
        "day for both our peoples,\u201d said Salas."
    )
    assert _said(extraction) == [("Jorge Salas", "Assertion")]


def test_her_second_visit_to_a_state_is_her_trip() -> None:
    extraction = _one(
        "Foreign Minister Ana Ruiz said her second visit to Chile this year showed the ties."
    )
    assert [(i.kind, i.visitors[0].label, i.hosts[0].label) for i in extraction.interactions] == [
        ("Visit", "Ana Ruiz", "Chile")
    ]
