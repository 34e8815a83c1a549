"""Forms of other publishers' news and foreign ministries' readouts, on sentences of our own: a
dateline is no speaker label, a counterpart named after "his X counterpart", "spoke to" and
"during a telephone call" as calls, two leaders joined by "and", and a ministry qualified by a
state other than the registry's."""

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


def _one(text: str, publisher: str = "Press Trust of India") -> Extraction:
    article = Article("news", text, PUBLISHED, publisher)
    return extract_articles(PROJECT, [article]).extractions[0]


def _interactions(extraction: Extraction) -> list[tuple[str, list[str]]]:
    return [
        (i.kind, [p.iri.removeprefix(ID) for p in i.participants]) for i in extraction.interactions
    ]


def _speakers(extraction: Extraction) -> list[str]:
    return [s.speaker.label for s in extraction.statements]


def test_regression_a_dateline_is_no_speaker_label() -> None:
    extraction = _one(
        "LIMA: Peruvian Foreign Minister Jorge Salas met Chilean Foreign Minister Ana Vidal "
        "here on Tuesday. Salas said the two countries must cooperate on water security."
    )
    assert "Lima" not in _speakers(extraction)
    assert _interactions(extraction) == [("Meeting", ["jorge-salas", "ana-vidal"])]
    assert _speakers(extraction) == ["Jorge Salas"]


def test_a_transcript_label_still_opens_a_turn() -> None:
    extraction = _one(
        "Lima, Peru\n\nMINISTER SALAS: We call on all parties to return to the negotiating table.",
        "U.S. Department of State",
    )
    assert _speakers(extraction) == ["Salas"]
    assert [s.kind for s in extraction.statements] == ["Demand"]


def test_his_counterpart_named_after_the_state_is_a_participant_of_that_state() -> None:
    extraction = _one(
        "Pakistani Foreign Minister Amina Rauf and her Peruvian counterpart Jorge Salas on "
        "Thursday held bilateral talks in Lima."
    )
    assert _interactions(extraction) == [("Talks", ["amina-rauf", "jorge-salas"])]
    salas = extraction.interactions[0].participants[1]
    assert salas.nationality == ID + "peru"


def test_spoke_to_a_leader_is_a_call_and_spoke_to_an_assembly_is_none() -> None:
    call = _one(
        "Prime Minister Lena Kovac spoke to the President of Chile, Ana Vidal, this evening.",
        "Prime Minister's Office, 10 Downing Street",
    )
    speech = _one("Prime Minister Lena Kovac spoke to the UN General Assembly this evening.")
    reporters = _one("Prime Minister Lena Kovac spoke to reporters in Lima this evening.")
    assert _interactions(call) == [("Call", ["lena-kovac", "ana-vidal"])]
    assert speech.interactions == [] and reporters.interactions == []


def test_during_a_telephone_call_is_a_phone_call_of_the_named_ministers() -> None:
    extraction = _one(
        "Chilean Foreign Minister Ana Vidal and Peruvian Foreign Minister Jorge Salas discussed "
        "fisheries during a telephone call on Thursday."
    )
    assert _interactions(extraction) == [("PhoneCall", ["ana-vidal", "jorge-salas"])]
    assert extraction.interactions[0].when is not None
    assert extraction.interactions[0].when.start == dt.date(2024, 5, 16)


def test_regression_two_leaders_joined_by_and_are_two_people() -> None:
    extraction = _one(
        "The Prime Minister and President Ana Vidal of Chile agreed on the need to protect the "
        "fisheries."
    )
    assert [(h.person.label, h.post.label) for h in extraction.holdings] == [
        ("Ana Vidal", "President of Chile")
    ]
    compound = _one("Deputy Prime Minister and Foreign Minister Jorge Salas of Peru met Ana Vidal.")
    assert sorted(h.post.label for h in compound.holdings) == [
        "Deputy Prime Minister of Peru",
        "Foreign Minister of Peru",
    ]


def test_regression_another_states_foreign_ministry_is_not_chinas() -> None:
    extraction = _one(
        "Japan's Foreign Ministry said in a statement that the talks were useful. "
        "The Peruvian Foreign Ministry said the talks would continue."
    )
    iris = {s.speaker.iri for s in extraction.statements}
    assert ID + "chinese-ministry-of-foreign-affairs" not in iris


def test_regression_he_after_a_sentence_opened_by_a_state_is_no_state() -> None:
    extraction = _one(
        "Chilean Foreign Minister Ana Vidal met Peruvian Foreign Minister Jorge Salas in Lima on "
        "Wednesday. The United States and Chile should work for consensus on many issues, Vidal "
        "said. "
        "He urged the two sides to implement the results of the summit."
    )
    assert all(s.speaker.kind == "Person" for s in extraction.statements)
    assert [s.speaker.label for s in extraction.statements][:1] == ["Ana Vidal"]


def test_an_untitled_subject_of_a_telephone_conversation_is_a_person() -> None:
    extraction = _one(
        "On Friday Lev Petrov had a telephone conversation with President of Chile Ana Vidal.",
        "President of Russia",
    )
    assert [(i.kind, [p.label for p in i.participants]) for i in extraction.interactions] == [
        ("PhoneCall", ["Lev Petrov", "Ana Vidal"])
    ]


def test_regression_a_participle_held_far_from_talks_reports_no_talks_of_the_subjects() -> None:
    extraction = _one(
        "President Lev Petrov of Peru spoke with President Ana Vidal of Chile today. The two "
        "presidents welcomed the consultations of a contact group held in Lima and noted the "
        "importance of continuing talks in this format."
    )
    assert [i.kind for i in extraction.interactions] == ["Call"]


def test_the_day_a_report_names_is_not_the_day_of_the_talks_it_reports() -> None:
    extraction = _one(
        "President Lev Petrov of Peru spoke with President Ana Vidal of Chile today. Petrov and "
        "Vidal last held talks in November in Lima, the newspaper El Sol reported Wednesday."
    )
    talks = next(i for i in extraction.interactions if i.kind == "Talks")
    assert talks.when is None


def test_a_name_of_us_is_a_person_of_the_united_states() -> None:
    extraction = _one(
        "Foreign Minister Lin Tao held telephone talks with Secretary of State Dan Hale of US. "
        "Dan Hale stated that the United States supports stability in the region.",
        "Embassy of the People's Republic of China",
    )
    hale = next(p for p in extraction.interactions[0].participants if p.label == "Dan Hale")
    assert hale.nationality == ID + "united-states"


def test_indian_news_forms_of_meetings_and_calls() -> None:
    met = _one(
        "External Affairs Minister R Mehra and Peruvian counterpart Jorge Salas met on the "
        "sidelines of the Andean summit in Lima. Mehra is also set to meet his Chilean "
        "counterpart Ana Vidal shortly."
    )
    assert [(i.kind, [p.label for p in i.participants]) for i in met.interactions] == [
        ("Meeting", ["Mehra", "Jorge Salas"]),
        ("Meeting", ["Mehra", "Ana Vidal"]),
    ]
    planned = met.interactions[1]
    assert planned.when is None
    calls = _one(
        "External Affairs Minister R Mehra spoke on phone to Peruvian Foreign Minister Jorge Salas "
        "and Chilean Foreign Minister Ana Vidal. Mehra spoke to his Chilean counterpart again "
        "today."
    )
    second = calls.interactions[1]
    assert [p.label for p in second.participants] == ["Mehra", "Ana Vidal"]


def test_an_eu_title_with_a_slash_and_vice_president_names_its_holder() -> None:
    extraction = _one(
        "The EU High Representative for Foreign Affairs and Security Policy/Vice-President of the "
        "European Commission, Ana Ruiz, spoke with the Peruvian Foreign Minister, Jorge Salas, on "
        "Tuesday. US Secretary of Defense Lloyd J. Austin III met with Salas too.",
        "Europost",
    )
    call = extraction.interactions[0]
    assert (call.kind, [p.label for p in call.participants]) == (
        "Call",
        ["Ana Ruiz", "Jorge Salas"],
    )
    assert "Lloyd Austin III" in {h.person.label for h in extraction.holdings}


def test_regression_a_quote_of_another_speaker_is_not_the_paragraphs_speakers() -> None:
    extraction = _one(
        "Foreign Minister Lin Tao received his Peruvian counterpart Jorge Salas in Beijing on "
        "Monday. Lin told Salas that Lima has stepped up its rhetoric.\n"
        "“We require that Peru stop such actions,” he said.\n"
        "The Peruvian foreign minister responded by saying that the two countries disagree.\n"
        "“We have great concerns over these actions,” Salas said.",
        "Xinhua",
    )
    meeting = extraction.interactions[0]
    assert [p.label for p in meeting.participants] == ["Lin Tao", "Jorge Salas"]
    by = {s.evidence[0].text[:12]: s.speaker.label for s in extraction.statements}
    assert by.get("“We require ") == "Lin Tao"
    assert by.get("“We have gre") == "Jorge Salas"
    assert not any("responded" in s.evidence[0].text for s in extraction.statements)


def test_a_state_that_should_stop_is_asked_to() -> None:
    extraction = _one(
        "Foreign Minister Lin Tao spoke with Foreign Minister Jorge Salas of Peru by phone on "
        "Wednesday. Lin said Peru should stop arming the rebels.",
        "Xinhua",
    )
    demand = extraction.statements[-1]
    assert (demand.kind, demand.target.label if demand.target else None) == ("Demand", "Peru")


def test_a_sentence_naming_unnamed_others_adds_no_counterpart_of_the_main_meeting() -> None:
    extraction = _one(
        "Foreign Minister Lin Tao and Peruvian Foreign Minister Jorge Salas held talks in Lima on "
        "Wednesday. Salas is scheduled to meet with diplomats and senior leaders on Thursday.",
        "Xinhua",
    )
    assert [i.kind for i in extraction.interactions] == ["Talks"]


# Someone who joins an interaction the text has reported ("King X also joined the call", "The
# ministers were joined by X", "to invite him to join the meeting") takes part in it; a name with
# a transliterating apostrophe before its particle ("Shia' al-Sudani") is one name.
WHITE_HOUSE = "The White House"


def test_a_leader_who_also_joined_the_call_takes_part_in_it() -> None:
    extraction = _one(
        "President Ana Ruiz spoke today with Prime Minister Jorge Salas of Peru. "
        "King Tomas of Andorra also joined the call. The leaders agreed to stay in close touch.",
        WHITE_HOUSE,
    )
    assert _interactions(extraction) == [("Call", ["ana-ruiz", "jorge-salas", "tomas"])]
    agreed = [s for s in extraction.statements if s.kind == "AgreementStatement"]
    assert sorted(s.speaker.label for s in agreed) == ["Ana Ruiz", "Jorge Salas", "Tomas"]


def test_the_person_invited_to_join_the_call_takes_part_in_it() -> None:
    extraction = _one(
        "President Ana Ruiz spoke today with Prime Minister Jorge Salas of Peru. The President "
        "took the opportunity of King Tomas of Andorra's visit to invite him to join the call.",
        WHITE_HOUSE,
    )
    assert _interactions(extraction) == [("Call", ["ana-ruiz", "jorge-salas", "tomas"])]


def test_those_a_meeting_was_joined_by_take_part_in_it() -> None:
    extraction = _one(
        "Secretary of State Ana Ruiz met today with Foreign Minister Jorge Salas of Peru in Lima. "
        "They were joined by Minister of Trade Elena Vidal.",
        WHITE_HOUSE,
    )
    assert _interactions(extraction) == [("Meeting", ["ana-ruiz", "jorge-salas", "elena-vidal"])]


def test_joining_another_kind_of_interaction_adds_no_one() -> None:
    # a meeting was reported, the joiner joined "the call": no call to join
    extraction = _one(
        "Secretary of State Ana Ruiz met today with Foreign Minister Jorge Salas of Peru in Lima. "
        "Later, King Tomas of Andorra joined the call.",
        WHITE_HOUSE,
    )
    assert _interactions(extraction) == [("Meeting", ["ana-ruiz", "jorge-salas"])]


def test_joining_named_inside_reported_speech_adds_no_one() -> None:
    extraction = _one(
        "President Ana Ruiz spoke today with Prime Minister Jorge Salas of Peru. The President "
        "said that King Tomas of Andorra had joined the call.",
        WHITE_HOUSE,
    )
    assert _interactions(extraction) == [("Call", ["ana-ruiz", "jorge-salas"])]


def test_regression_a_name_with_an_apostrophe_before_al_is_one_person() -> None:
    # "Prime Minister Mohammed Shia' al-Sudani" was the person "Mohammed Shia"
    extraction = _one(
        "President Ana Ruiz spoke on Friday with Prime Minister Karim Shia' al-Hadi of Iraq.",
        WHITE_HOUSE,
    )
    assert _interactions(extraction) == [("Call", ["ana-ruiz", "karim-shia-al-hadi"])]
    assert [(h.person.label, h.post.label) for h in extraction.holdings][-1] == (
        "Karim Shia' al-Hadi",
        "Prime Minister of Iraq",
    )


# Governments' own readouts: the Pentagon's "conducted a call with", a foreign ministry's "held
# a Japan-U.S. Foreign Ministers' telephone talk with", Downing Street's "welcomed the President
# of X, Name, to Downing Street"; a body's name is no person; a speaker of no stated side binds
# the publisher's state; "set out", "responded that", "updated on" report; horror is a criticism.
NO_10 = "Prime Minister's Office, 10 Downing Street"


@pytest.mark.parametrize(
    ("publisher", "sentence", "kind"),
    [
        (
            "U.S. Department of Defense",
            "Secretary of Defense Ana Ruiz conducted a call with her Peruvian counterpart, "
            "Minister of Defense Jorge Salas, March 4 to discuss the border.",
            "Call",
        ),
        (
            "Ministry of Foreign Affairs of Japan",
            "On May 17, Ms. RUIZ Ana, Minister for Foreign Affairs of Japan, held a Japan-Peru "
            "Foreign Ministers\u2019 telephone talk with Mr. Jorge Salas, Minister of Foreign "
            "Affairs of Peru.",
            "PhoneCall",
        ),
        (
            NO_10,
            "Prime Minister Ana Ruiz welcomed the President of Peru, Jorge Salas, to Downing "
            "Street this morning.",
            "Meeting",
        ),
    ],
)
def test_governments_own_forms_of_a_call_or_meeting(
    publisher: str, sentence: str, kind: str
) -> None:
    extraction = _one(sentence, publisher)
    assert [(i.kind, len(i.participants)) for i in extraction.interactions] == [(kind, 2)]


def test_regression_a_bodys_name_after_a_title_word_was_a_person() -> None:
    # "the Joint Action Group on Energy Security has met": a person "Action Group" took part
    extraction = _one(
        "Prime Minister Ana Ruiz welcomed the President of Peru, Jorge Salas, to Downing Street "
        "this morning. Since then, the Joint Action Group on Energy Security has met.",
        NO_10,
    )
    assert _interactions(extraction) == [("Meeting", ["ana-ruiz", "jorge-salas"])]
    assert "Action Group" not in {m.item.label for m in extraction.mentions}


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        # a speaker whose side the text does not state, in Downing Street's readout: the UK's
        ("The Prime Minister confirmed that the UK would continue providing aid.", "Commitment"),
        (
            "Prime Minister Ana Ruiz reiterated the UK\u2019s unwavering military, economic and "
            "political support for Peru.",
            "Commitment",
        ),
        ("Prime Minister Ana Ruiz expressed her horror at the attacks on civilians.", "Criticism"),
        ("President Salas set out how the support is protecting the border.", "Assertion"),
        ("The Prime Minister also updated on the Lima Summit this autumn.", "Assertion"),
    ],
)
def test_downing_street_forms_of_statements(sentence: str, kind: str) -> None:
    extraction = _one(
        "Prime Minister Ana Ruiz spoke to President Jorge Salas of Peru today. " + sentence, NO_10
    )
    assert [(s.kind, s.evidence[0].text) for s in extraction.statements] == [(kind, sentence)]


def test_regression_a_criticism_took_its_target_from_the_next_clause() -> None:
    # "expressed his outrage at the Kremlin's brutal tactics and underscored continued U.S.
    # support for Ukraine's sovereignty": the criticism was aimed at Ukraine
    extraction = _one(
        "Secretary Blinken spoke today with Ukrainian Foreign Minister Dmytro Kuleba. The "
        "Secretary expressed his outrage at the Kremlin\u2019s brutal tactics and underscored "
        "continued U.S. support for Ukraine\u2019s sovereignty.",
        "U.S. Department of State",
    )
    assert [(s.kind, s.target.label if s.target else None) for s in extraction.statements] == [
        ("Criticism", "Russia"),  # the Kremlin is Russia's government
        ("Commitment", None),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "President Putin met with his advisers at the Kremlin.",
        "President Zelenskyy met with his Polish counterpart.",
    ],
)
def test_regression_one_named_person_meeting_others_was_given_the_principal(sentence: str) -> None:
    # one participant named: the readout's principal was added as the other, also for "his
    # advisers" and for a counterpart of another named state
    extraction = _one(
        "Secretary Blinken spoke today with Ukrainian Foreign Minister Dmytro Kuleba. " + sentence,
        "U.S. Department of State",
    )
    assert _interactions(extraction) == [("Call", ["antony-blinken", "dmytro-kuleba"])]


def _trips(extraction: Extraction) -> list[tuple[str, str, str | None]]:
    return [
        (i.visitors[0].label, i.hosts[0].label, i.when.start.isoformat() if i.when else None)
        for i in extraction.interactions
        if i.kind == "Visit"
    ]


@pytest.mark.parametrize(
    ("sentence", "trip"),
    [
        # as foreign ministries write it, with the formal name of the state
        (
            "Foreign Minister Ana Ruiz paid an official visit to the Republic of Cyprus from "
            "9-11 May 2024.",
            ("Ana Ruiz", "Cyprus", "2024-05-09"),
        ),
        ("Foreign Minister Ana Ruiz will make a two-day working visit to Chile.", None),
        (
            "Foreign Minister Ana Ruiz, who is on a five-day visit to Chile, met President "
            "Elena Vidal.",
            ("Ana Ruiz", "Chile", None),
        ),
        (
            "Foreign Minister Ana Ruiz, who is visiting Santiago to attend the forum, held a "
            "meeting with Foreign Minister Jorge Salas.",
            ("Ana Ruiz", "Chile", None),
        ),
        # planned: a weekday ahead of the report's Friday
        (
            "Foreign Minister Ana Ruiz is scheduled to travel to Santiago on Thursday.",
            ("Ana Ruiz", "Chile", "2024-05-23"),
        ),
        ("Foreign Minister Ana Ruiz is expected to travel to Chile next week.", None),
    ],
)
def test_trips_as_ministries_and_news_report_them(
    sentence: str, trip: tuple[str, str, str | None] | None
) -> None:
    expected = trip or ("Ana Ruiz", "Chile", None)
    assert _trips(_one(sentence)) == [expected]


def test_a_phone_call_with_quoted_words_before_it_and_a_meeting_expected() -> None:
    call = _one(
        "Chilean President Elena Vidal said she has had a \u201clong and meaningful\u201d phone "
        "call with Peruvian President Jorge Salas."
    )
    meeting = _one("Foreign Minister Ana Ruiz was expected to meet Foreign Minister Jorge Salas.")
    assert _interactions(call) == [("PhoneCall", ["elena-vidal", "jorge-salas"])]
    assert _interactions(meeting) == [("Meeting", ["ana-ruiz", "jorge-salas"])]


def test_a_courtesy_call_on_a_leader_and_the_ministers_initials() -> None:
    """As India's Ministry of External Affairs writes: "EAM" is the External Affairs Minister
    named before; "called on President X" is a meeting (its second verb's object, "the greetings
    of Prime Minister Y", takes no part), "called on X to act" a demand."""
    extraction = _one(
        "External Affairs Minister Ana Ruiz paid an official visit to Chile from 9-11 May 2024."
        "\n\nEAM called on President Elena Vidal on 10 May 2024 and conveyed the greetings of "
        "Prime Minister Jorge Salas. EAM called on Bolivia to reopen the border crossing."
    )
    assert _interactions(extraction) == [
        ("Visit", ["ana-ruiz", "chile"]),
        ("Meeting", ["ana-ruiz", "elena-vidal"]),
    ]
    assert [(s.speaker.label, s.kind) for s in extraction.statements][-1] == ("Ana Ruiz", "Demand")


def test_the_body_of_an_appositive_post_in_lower_case_takes_no_part() -> None:
    extraction = _one(
        "Foreign Minister Ana Ruiz met Counselor Li Wei, director of the Chinese Communist "
        "Party's Central Foreign Affairs Commission office, in Lima."
    )
    assert [p.label for p in extraction.interactions[0].participants] == ["Ana Ruiz", "Li Wei"]
