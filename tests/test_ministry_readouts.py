"""Forms of governments' own readouts beyond the State Department's, on sentences of our own
(fictional people): a post in an appositive after the name, Commonwealth honorifics, a family
name in capitals, the foreign ministries' joint verbs ("concurred", "shared the view"), a
leader the publisher's own office names by post only, a short given name, and summits named
by "plans for", "taking place in" or "his participation in"."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from diplograph.extract.corpus import Article
from diplograph.extract.model import Extraction
from diplograph.extract.run import extract_articles
from diplograph.project import Project
from diplograph.vocab import ID

PROJECT = Project(Path(__file__).resolve().parents[1])
PUBLISHED = dt.date(2024, 5, 17)
MINISTRY = "Ministry of Foreign Affairs of Japan"


def _one(text: str, publisher: str = MINISTRY) -> Extraction:
    return extract_articles(PROJECT, [Article("readout", text, PUBLISHED, publisher)]).extractions[
        0
    ]


def _interactions(extraction: Extraction) -> list[tuple[str, list[str]]]:
    return [(i.kind, [p.label for p in i.participants]) for i in extraction.interactions]


def _posts(extraction: Extraction) -> set[tuple[str, str, str | None]]:
    return {(h.person.label, h.titles[0], h.post.post_in) for h in extraction.holdings}


def test_a_post_in_an_appositive_after_the_name_makes_a_person_of_that_state() -> None:
    extraction = _one(
        "On May 16, Mr. Kenji Arata, Minister for Foreign Affairs of Japan, held a meeting with "
        "Senator the Hon. Mara Quill, Minister for Foreign Affairs of the Commonwealth of "
        "Australia. The overview of the meeting is as follows."
    )
    assert _interactions(extraction) == [("Meeting", ["Kenji Arata", "Mara Quill"])]
    assert extraction.interactions[0].when is not None
    assert extraction.interactions[0].when.start == dt.date(2024, 5, 16)
    posts = _posts(extraction)
    assert ("Kenji Arata", "Minister for Foreign Affairs", ID + "japan") in posts
    assert ("Mara Quill", "Minister for Foreign Affairs", ID + "australia") in posts


def test_regression_honorific_hon_ends_no_sentence_and_mp_is_no_name() -> None:
    extraction = _one(
        "Mr. Kenji Arata held a meeting with the Hon. Mara Quill MP, Minister for Foreign "
        "Affairs of Australia."
    )
    assert _interactions(extraction) == [("Meeting", ["Kenji Arata", "Mara Quill"])]


def test_a_family_name_in_capitals_is_one_person_with_the_surname_alone() -> None:
    extraction = _one(
        "Mr. ARATA Kenji, Minister for Foreign Affairs of Japan, held a meeting with Mr. Tomas "
        "Reyes, Minister of Foreign Affairs of Peru. Foreign Minister ARATA stated that the two "
        "countries share fundamental values."
    )
    assert _interactions(extraction) == [("Meeting", ["Arata Kenji", "Tomas Reyes"])]
    assert [s.speaker.label for s in extraction.statements] == ["Arata Kenji"]


def test_a_same_sentence_he_is_its_subject_not_the_last_sentences() -> None:
    extraction = _one(
        "Mr. Kenji Arata, Minister for Foreign Affairs of Japan, held a meeting with Mr. Tomas "
        "Reyes, Minister of Foreign Affairs of Peru. Foreign Minister Reyes expressed his "
        "approval. Foreign Minister Arata stated that he regretted the loss of life, and he "
        "expressed his condolences."
    )
    condolences = [s for s in extraction.statements if "condolences" in s.evidence[0].text]
    assert [s.speaker.label for s in condolences] == ["Kenji Arata"]


def test_ministries_joint_verbs_are_agreements_of_both_ministers() -> None:
    extraction = _one(
        "Mr. Kenji Arata, Minister for Foreign Affairs of Japan, held a meeting with Mr. Tomas "
        "Reyes, Minister of Foreign Affairs of Peru. The two ministers concurred to deepen "
        "cooperation on fisheries. The two ministers shared the view that maritime order must "
        "be upheld."
    )
    kinds = [(s.kind, s.speaker.label) for s in extraction.statements]
    assert kinds == [
        ("AgreementStatement", "Kenji Arata"),
        ("AgreementStatement", "Tomas Reyes"),
        ("AgreementStatement", "Kenji Arata"),
        ("AgreementStatement", "Tomas Reyes"),
    ]


def test_a_title_without_a_state_gives_no_state_outside_the_state_department() -> None:
    # both sides' foreign ministers bear the title: neither is the publisher's by default
    extraction = _one("Foreign Minister Kenji Arata met Foreign Minister Tomas Reyes in Lima.")
    assert [p.nationality for p in extraction.interactions[0].participants] == [None, None]
    assert extraction.holdings == []


def test_the_publishers_own_leader_named_by_post_only_is_its_states_official() -> None:
    office = "Prime Minister's Office, 10 Downing Street"
    text = "The Prime Minister spoke to President Ana Vidal of Chile this evening."
    # the holder of the day, where the gazetteer's [office_holders] knows the term
    call = _one(text, office)
    assert _interactions(call) == [("Call", ["Rishi Sunak", "Ana Vidal"])]
    # else an official of the state labelled by the post
    older = extract_articles(
        PROJECT, [Article("readout", text, dt.date(2015, 3, 2), office)]
    ).extractions[0]
    assert _interactions(older) == [("Call", ["Prime Minister of United Kingdom", "Ana Vidal"])]
    leader = older.interactions[0].participants[0]
    assert leader.nationality == ID + "united-kingdom"
    # a State Department readout: "the President" is no unnamed U.S. official
    readout = _one(
        "The President spoke to President Ana Vidal of Chile.", "U.S. Department of State"
    )
    assert all(
        p.label != "President of United States"
        for i in readout.interactions
        for p in i.participants
    )


def test_a_short_given_name_is_the_registry_person_of_the_formal_one() -> None:
    extraction = _one(
        "President Joseph R. Biden, Jr. met today with President Ana Vidal of Chile. President "
        "Biden stressed the importance of trade.",
        "The White House",
    )
    assert _interactions(extraction)[0][1][0] == "Joe Biden"
    assert extraction.interactions[0].participants[0].iri == ID + "joe-biden"


def test_summits_named_by_plans_taking_place_and_participation_are_meetings() -> None:
    extraction = _one(
        "Secretary Blinken spoke today with Foreign Minister Tomas Reyes of Peru. They reviewed "
        "plans for the OAS Summit in Madrid. Blinken briefed him on the OAS Ministerial taking "
        "place in Lima May 20-21. The Secretary also spoke of his recent participation in the "
        "Andean Summit.",
        "U.S. Department of State",
    )
    named = {i.label: i for i in extraction.interactions if i.label}
    assert "OAS Summit (Organization of American States)" in named
    ministerial = next(i for i in extraction.interactions if "Ministerial" in (i.label or ""))
    assert ministerial.when is not None and ministerial.when.start == dt.date(2024, 5, 20)
    assert ministerial.place is not None and ministerial.place.label == "Lima"
    andean = next(i for i in extraction.interactions if "Andean" in (i.label or ""))
    assert andean.participants[0].label == "Antony Blinken"


def test_the_secretary_is_the_texts_own_secretary_before_the_registrys() -> None:
    state = "U.S. Department of State"
    later = extract_articles(
        PROJECT,
        [
            Article(
                "later",
                "Secretary of State Jane Doe spoke today with Foreign Minister Tomas Reyes of "
                "Peru. The Secretary urged Peru to lower its tariffs.",
                dt.date(2026, 3, 2),
                state,
            )
        ],
    ).extractions[0]
    assert [(s.kind, s.speaker.label) for s in later.statements] == [("Demand", "Jane Doe")]
    # within the registry's period of "the Secretary" too: the Secretary the text names
    commerce = _one(
        "Secretary of Commerce Ana Ruiz met with Foreign Minister Tomas Reyes of Peru. The "
        "Secretary stressed the importance of supply chains.",
        state,
    )
    assert [s.speaker.label for s in commerce.statements] == ["Ana Ruiz"]


def test_regression_a_state_attacked_is_not_the_target_of_the_condemnation() -> None:
    state = "U.S. Department of State"
    unnamed = _one("Secretary Blinken condemned the missile attacks on Ukraine.", state)
    named = _one("Secretary Blinken condemned Russia's missile attacks on Ukraine.", state)
    assert [s.target for s in unnamed.statements] == [None]
    assert [s.target.label if s.target else None for s in named.statements] == ["Russia"]


def test_a_joint_statement_of_two_states_in_the_present_is_theirs() -> None:
    extraction = _one(
        "The United States and Peru reaffirm their commitment to the partnership. The two "
        "countries strongly oppose any attempt to change borders by force. Both countries call "
        "on all parties to respect the ceasefire.",
        "U.S. Department of State",
    )
    assert [(s.kind, s.speaker.label) for s in extraction.statements] == [
        ("Commitment", "United States"),
        ("Commitment", "Peru"),
        ("Criticism", "United States"),
        ("Criticism", "Peru"),
        ("Demand", "United States"),
        ("Demand", "Peru"),
    ]
    # an infinitive or a noun is no present-tense statement
    plain = _one(
        "Secretary Blinken spoke with Foreign Minister Tomas Reyes of Peru to offer support and "
        "condemn the attacks. The call on Monday was productive.",
        "U.S. Department of State",
    )
    assert [s.kind for s in plain.statements].count("Criticism") == 1
    assert not any("Monday" in s.evidence[0].text for s in plain.statements)


def test_a_virtual_meeting_is_a_video_call_and_a_second_leg_of_a_trip_is_a_visit() -> None:
    video = _one(
        "Deputy Secretary Sherman held a virtual meeting with Foreign Minister Tomas Reyes of Peru "
        "on May 14.",
        "U.S. Department of State",
    )
    assert [i.kind for i in video.interactions] == ["VideoCall"]
    trip = _one(
        "Secretary Blinken traveled to Cairo, where he met with Egyptian Foreign Minister Sameh "
        "Shoukry. He then traveled to Doha for meetings with Qatari Prime Minister Mohammed bin "
        "Abdulrahman Al Thani.",
        "U.S. Department of State",
    )
    visits = [(i.kind, i.place.label if i.place else None) for i in trip.interactions]
    assert ("Visit", "Doha") in visits and ("Meeting", "Doha") in visits


def test_regression_the_role_of_one_and_the_title_of_another_are_two_people() -> None:
    state = "U.S. Department of State"
    extraction = _one(
        "Deputy Secretary of State Wendy Sherman met with Peruvian Minister of State Tomas Reyes "
        "today. The Deputy Secretary and Minister Reyes agreed on the importance of trade.",
        state,
    )
    assert [(s.kind, s.speaker.label) for s in extraction.statements] == [
        ("AgreementStatement", "Wendy Sherman"),
        ("AgreementStatement", "Tomas Reyes"),
    ]
    reyes = {h.titles[0] for h in extraction.holdings if h.person.label == "Tomas Reyes"}
    assert reyes == {"Minister of State"}
    # a first naming of one person with two posts stays one person with two posts
    one = _one(
        "Secretary Blinken met the Deputy Prime Minister and Foreign Minister Ana Vidal of Chile.",
        state,
    )
    assert {h.titles[0] for h in one.holdings if h.person.label == "Ana Vidal"} == {
        "Deputy Prime Minister",
        "Foreign Minister",
    }


def test_a_royal_rank_is_no_post_and_crown_prince_is_one() -> None:
    state = "U.S. Department of State"
    extraction = _one(
        "Secretary Blinken spoke with Saudi Prince Faisal bin Farhan and Saudi Crown Prince "
        "Mohammed bin Salman.",
        state,
    )
    titles = {(h.person.label, h.titles[0]) for h in extraction.holdings}
    assert not any(t == "Prince" for _, t in titles)
    assert any(t == "Crown Prince" for _, t in titles)


def test_meeting_again_is_a_planned_meeting_and_a_city_names_its_conference() -> None:
    state = "U.S. Department of State"
    extraction = _one(
        "Secretary Blinken spoke today with Foreign Minister Tomas Reyes of Peru. They looked "
        "forward to meeting again soon. They discussed the upcoming June 23 Second Berlin "
        "Conference on Peru.",
        state,
    )
    kinds = [(i.kind, len(i.participants)) for i in extraction.interactions]
    assert ("Meeting", 2) in kinds
    berlin = next(i for i in extraction.interactions if "Berlin" in (i.label or ""))
    assert berlin.place is not None and berlin.place.label == "Berlin"


def test_readout_forms_of_the_ninth_round() -> None:
    state = "U.S. Department of State"
    extraction = _one(
        "Deputy Secretary of State Wendy Sherman spoke with EEAS Secretary-General Ana Ruiz "
        "yesterday. The Deputy Secretary and Secretary-General reaffirmed support for Ukraine. "
        "The Deputy Secretary briefed Secretary-General Ruiz on the talks. The Deputy Secretary "
        "repeated the United States' belief that Peru is a strong candidate. The United States "
        "and its Allies and partners will respond in a united way.",
        state,
    )
    said = [(s.kind, s.speaker.label) for s in extraction.statements]
    assert ("Commitment", "Wendy Sherman") in said and ("Commitment", "Ana Ruiz") in said
    assert [k for k, who in said if who == "Wendy Sherman"].count("Assertion") == 2
    assert said[-1] == ("Commitment", "United States")


def test_a_trip_to_several_cities_and_calls_held_separately() -> None:
    state = "U.S. Department of State"
    trip = _one(
        "Deputy Secretary Campbell traveled to Manila, Jakarta, and Hanoi from May 13-17.", state
    )
    visits = [(i.kind, i.place.label if i.place else None) for i in trip.interactions]
    assert visits == [("Visit", "Manila"), ("Visit", "Jakarta"), ("Visit", "Hanoi")]
    assert all(i.when is not None and i.when.end == dt.date(2024, 5, 17) for i in trip.interactions)
    calls = _one(
        "Secretary Blinken spoke separately with Egyptian Foreign Minister Sameh Shoukry and "
        "Peruvian Foreign Minister Tomas Reyes.",
        state,
    )
    assert [(i.kind, [p.label for p in i.participants]) for i in calls.interactions] == [
        ("Call", ["Antony Blinken", "Sameh Shoukry"]),
        ("Call", ["Antony Blinken", "Tomas Reyes"]),
    ]


def test_the_tenth_rounds_forms() -> None:
    state = "U.S. Department of State"
    extraction = _one(
        "Secretary Blinken spoke today with Foreign Minister Tomas Reyes of Peru to reinforce the "
        "United States' steadfast commitment to Peru's security. The Secretary provided an update "
        "on the talks. He stressed that the United States, Allies, and partners will continue to "
        "support Peru. The Secretary noted he looked forward to hosting the Foreign Minister in "
        "Washington soon.",
        state,
    )
    kinds = [s.kind for s in extraction.statements]
    assert kinds[:3] == ["Commitment", "Assertion", "Commitment"]
    planned = extraction.interactions[-1]
    assert planned.kind == "Meeting" and planned.place is not None
    assert [p.label for p in planned.participants] == ["Antony Blinken", "Tomas Reyes"]
