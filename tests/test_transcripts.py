"""Transcripts (issue 9): the generic forms of spoken remarks that are, or are not, statements of
the turn's speaker (tests/gold/README.md, "Transcripts"). Every sentence here is written for the
test, not taken from the corpus."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from diplograph.extract.corpus import Article
from diplograph.extract.model import Extraction
from diplograph.extract.run import extract_articles
from diplograph.project import Project
from extracted import dated

PROJECT = Project(Path(__file__).resolve().parents[1])


def _one(text: str) -> Extraction:
    article = Article("a", text, dt.date(2022, 6, 24), "U.S. Department of State")
    return extract_articles(PROJECT, [article]).extractions[0]


def _remarks(turn: str) -> list[tuple[str, str]]:
    """(kind, evidence) of each statement of a one-turn transcript by Secretary Blinken."""
    text = f"Remarks\n\nSECRETARY BLINKEN: {turn}"
    return [(s.kind, s.evidence[0].text) for s in _one(text).statements]


@pytest.mark.parametrize(
    "thanks",
    [
        "So thank you all for the effort you put into the fisheries agreement.",
        "Thank you, Minister, for your hospitality in Accra this week.",
        "I want to begin by thanking the negotiators for their patience with the text.",
        "I want to say, above all, thank you to this remarkable embassy team in Lima.",
        "To every one of the volunteers in the camps, thank you.",
    ],
)
def test_thanks_for_work_or_hospitality_is_a_statement(thanks: str) -> None:
    """Regression: every sentence with "thank you" was dropped, where the guide counts thanks
    for someone's work or hospitality, or thanks to someone named, as statements (051)."""
    assert _remarks(thanks) == [("Assertion", thanks)]


@pytest.mark.parametrize(
    "thanks",
    [
        "Thank you, Madam Ambassador, and good afternoon.",
        "Thank you for coming out on such a cold morning.",
        "I want to start by thanking all of you for taking the time to be here.",
        "So once again, thank you, thank you, thank you.",
        "To each of you, thank you for joining us in the hall today.",
    ],
)
def test_bare_thanks_or_thanks_for_attending_is_no_statement(thanks: str) -> None:
    assert _remarks(thanks) == []


def test_a_joke_the_audience_laughs_at_is_no_statement() -> None:
    joke = "Nobody on this team has slept since Tuesday."
    assert _remarks(f"{joke} (Laughter.)") == []
    assert _remarks(f"{joke} (Applause.)") == [("Assertion", joke)]


@pytest.mark.parametrize(
    "hand_over",
    [
        "The Minister has a lot to share with you, so I will turn the floor over to her.",
        "And I think they will be happy to explain their work to you in a moment.",
    ],
)
def test_a_hand_over_anywhere_in_a_sentence_is_no_statement(hand_over: str) -> None:
    assert _remarks(hand_over) == []


@pytest.mark.parametrize(
    "courtesy",
    [
        "It is wonderful to be able to see all of you in one room at last.",
        "The trip was long for many of you, but I am grateful to see each of you.",
        "There is no better day to welcome Minister Osei back to the embassy.",
        "This is our first time together as a full team since the move.",
        "For me, it is always great to be back in Geneva for these talks.",
        "It\u2019s so good to see colleagues around this table again.",
        "It has been a real pleasure to have you all here this week.",
        "We are delighted to have you with us in the capital today.",
        "Ladies and gentlemen, dear Lena, a very warm welcome once again.",
        "I bid you a cordial welcome to the capital in this busy week.",
        "And in an official manner, I warmly welcome you to Valbourg.",
    ],
)
def test_courtesies_of_the_occasion_are_no_statement(courtesy: str) -> None:
    assert _remarks(courtesy) == []


def test_a_substantive_turn_is_still_a_statement() -> None:
    turn = "It is good to see progress on the ceasefire, and we will keep supporting the talks."
    assert _remarks(turn) == [("Commitment", turn)]


def test_an_aside_question_after_a_dash_leaves_the_sentence_before_it() -> None:
    """Regression: a sentence ending in a dash and an aside question was dropped as a question."""
    said = "All of these talks were arranged by our logistics staff, led by Ana Ruiz"
    assert _remarks(f"{said} \u2013 is Ana here today?") == [("Assertion", said)]
    assert _remarks("Is the ceasefire holding in the north today?") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Having spoken with the minister, I can tell you that the border talks are on track.",
        "Working with our partners, we have delivered food aid to two million people.",
        "For those of you who served in Kabul, your courage made the evacuation possible.",
    ],
)
def test_a_sentence_opening_with_a_participle_or_those_of_you_is_a_statement(
    sentence: str,
) -> None:
    assert _remarks(sentence) == [("Assertion", sentence)]


def test_we_are_here_to_make_sure_binds_the_speaker() -> None:
    here = "We are really here to make sure that the voices of farmers are heard in these talks."
    assert _remarks(here) == [("Commitment", here)]
    not_here = "We are not here to make sure that anyone wins the argument today."
    assert _remarks(not_here) == [("Assertion", not_here)]


def test_my_government_in_the_third_person_is_the_speakers_own_verb() -> None:
    extraction = _one(
        "Remarks\n\nSECRETARY BLINKEN: My government urges Borovia to withdraw its troops now."
    )
    assert [
        (s.kind, s.speaker.label, s.on_behalf_of.label if s.on_behalf_of else None)
        for s in extraction.statements
    ] == [("Demand", "Antony Blinken", "United States")]


def test_first_person_is_the_speaker_of_the_turn_it_is_in() -> None:
    text = (
        "Remarks\n\nSECRETARY BLINKEN: We call on both parties to return to the talks in Doha.\n\n"
        "MINISTER OSEI: We will keep our border crossings open to the refugees."
    )
    assert [(s.kind, s.speaker.label) for s in _one(text).statements] == [
        ("Demand", "Antony Blinken"),
        ("Commitment", "Osei"),
    ]


def _titled(text: str, title: str) -> Extraction:
    article = Article("b", text, dt.date(2022, 6, 24), "U.S. Department of State", title=title)
    return extract_articles(PROJECT, [article]).extractions[0]


def test_regression_a_speaker_label_of_any_script_opens_a_turn() -> None:
    extraction = _one(
        "SECRETARY BLINKEN: We are grateful for Freedonia's work on the grain corridor.\n\n"
        "FOREIGN MINISTER ÇOBANOĞLU: We will keep working on the corridor with our partners."
    )
    assert [s.speaker.label for s in extraction.statements] == ["Antony Blinken", "Çobanoğlu"]


def test_regression_a_label_in_capitals_gives_no_post_of_the_publishers_state() -> None:
    # "FOREIGN MINISTER" in capitals is a minister's title all the same: no U.S. post
    extraction = _one(
        "SECRETARY BLINKEN: It is a pleasure to work with you.\n\n"
        "FOREIGN MINISTER VALDEZ: We will keep working together on the corridor."
    )
    assert [(h.person.label, h.titles) for h in extraction.holdings] == []


def test_two_speakers_before_their_meeting_meet_where_the_title_says() -> None:
    extraction = _titled(
        "SECRETARY BLINKEN: Today we will talk about the grain corridor and energy.\n\n"
        "FOREIGN MINISTER VALDEZ: We will keep working together on the corridor.",
        "Secretary Antony J. Blinken and Freedonian Foreign Minister Lena Valdez Before Their "
        "Meeting",
    )
    meeting = extraction.interactions[0]
    assert meeting.kind == "Meeting"
    assert [p.label for p in meeting.participants] == ["Antony Blinken", "Lena Valdez"]
    assert meeting.when is not None and meeting.when.start == dt.date(2022, 6, 24)


def test_how_the_words_came_to_the_transcript_is_not_part_of_the_statement() -> None:
    turn = "(Via interpreter) We will keep supporting the talks on the corridor."
    assert _remarks(turn) == [("Commitment", "We will keep supporting the talks on the corridor.")]


def test_regression_a_label_by_surname_is_the_person_the_title_names_in_full() -> None:
    # "FOREIGN MINISTER LE ROUX" was a second person, "le Roux", beside the title's
    # "Marie-Claire Le Roux": both took part in the meeting
    extraction = _titled(
        "SECRETARY BLINKEN: Today we will talk about the grain corridor with Marie-Claire Le "
        "Roux.\n\nFOREIGN MINISTER LE ROUX: We will keep working together on the corridor.",
        "Secretary Antony J. Blinken and Freedonian Foreign Minister Marie-Claire Le Roux Before "
        "Their Meeting",
    )
    assert [p.label for p in extraction.interactions[0].participants] == [
        "Antony Blinken",
        "Marie-Claire Le Roux",
    ]
    assert [s.speaker.label for s in extraction.statements][-1] == "Marie-Claire Le Roux"


@pytest.mark.parametrize(
    "title",
    [
        "Secretary Antony J. Blinken and Freedonian Foreign Minister Lena Valdez at a Joint Press "
        "Availability",
        "Secretary Antony J. Blinken Remarks at Top of Meeting with Freedonian Foreign Minister "
        "Lena Valdez",
    ],
)
def test_a_joint_press_availability_or_the_top_of_a_meeting_is_the_speakers_meeting(
    title: str,
) -> None:
    extraction = _titled(
        "SECRETARY BLINKEN: We are grateful for the grain corridor and its energy.\n\n"
        "FOREIGN MINISTER VALDEZ: We will keep working together on the corridor.",
        title,
    )
    assert [(i.kind, sorted(p.label for p in i.participants)) for i in extraction.interactions] == [
        ("Meeting", ["Antony Blinken", "Lena Valdez"])
    ]
    assert {s.speaker.label for s in extraction.statements} == {"Antony Blinken", "Lena Valdez"}


def test_regression_a_high_representative_holds_no_post_of_the_publishers_state() -> None:
    extraction = _one(
        "SECRETARY BLINKEN: It is a pleasure to work with you.\n\n"
        "HIGH REPRESENTATIVE VALDEZ: We will keep working together on the corridor."
    )
    assert [(h.person.label, h.post.label) for h in extraction.holdings] == []


def test_a_long_speaker_label_with_a_suffix_names_the_person() -> None:
    # "SECRETARY OF DEFENSE LLOYD J. AUSTIN III:" (eight words, "OF", a suffix) opened no turn
    extraction = _titled(
        "SECRETARY OF DEFENSE ANA M. RUIZ III: Minister Petrov, it is great to see you again. "
        "Our two countries share a common vision for a stable region.",
        "Secretary of Defense Ana M. Ruiz III Remarks Welcoming Freedonian Minister of Defence "
        "Lev Petrov to the Pentagon",
    )
    assert [(s.speaker.label, s.evidence[0].text) for s in extraction.statements] == [
        ("Ana Ruiz III", "Our two countries share a common vision for a stable region.")
    ]
    # the remarks welcoming a visitor are their meeting
    assert [sorted(p.label for p in i.participants) for i in extraction.interactions] == [
        ["Ana Ruiz III", "Lev Petrov"]
    ]


def test_a_label_of_a_name_and_a_post_opens_a_turn() -> None:
    extraction = _one(
        "Ana Ruiz, Minister for Foreign Affairs: Thanks very much for being here. We will "
        "work very closely with our neighbours on food security.\n\n"
        "I\u2019m happy to take questions."
    )
    assert [(s.speaker.label, s.kind) for s in extraction.statements] == [
        ("Ana Ruiz", "Commitment")
    ]


def test_a_title_before_bilateral_meeting_names_its_two_speakers_meeting_and_its_place() -> None:
    extraction = _titled(
        "PRESIDENT RUIZ: Welcome back to Valbourg. We are going to continue working on the "
        "energy challenges we face.\n\nPRESIDENT PETROV: Our alliance is stronger than ever.",
        "Remarks by President Ana Ruiz and President Lev Petrov of Freedonia Before Bilateral "
        "Meeting",
    )
    meeting = extraction.interactions[0]
    assert sorted(p.label for p in meeting.participants) == ["Ana Ruiz", "Lev Petrov"]
    assert meeting.place is not None and meeting.place.label == "Valbourg"
    assert [(s.speaker.label, s.kind) for s in extraction.statements] == [
        ("Ana Ruiz", "Commitment"),
        ("Lev Petrov", "Assertion"),
    ]


@pytest.mark.parametrize(
    "courtesy",
    [
        "It\u2019s always great spending time together.",
        "So Lev, good to see you.",
        "We appreciate you being here in Valbourg.",
        "I\u2019m very much looking forward today to pursuing those.",
        "And I\u2019m looking forward to not only a good discussion, but to our dinner.",
        "Today, we\u2019ll discuss a range of issues, including our trade.",
        "We\u2019ll also talk about our growing cooperation with Japan.",
    ],
)
def test_courtesies_and_the_topics_ahead_are_no_statements(courtesy: str) -> None:
    assert _remarks(courtesy) == []


def test_looking_forward_to_a_named_event_is_a_statement() -> None:
    turn = "We are very much looking forward to the leaders meeting in June."
    assert _remarks(turn) == [("Assertion", turn)]


def test_posts_the_title_gives_the_labelled_speakers_are_held_at_their_labels() -> None:
    extraction = _titled(
        "FOREIGN MINISTER PETROV: We value our friendship.\n\n"
        "SECRETARY BLINKEN: We could ask for no better partner.",
        "Secretary Antony J. Blinken and Peruvian Foreign Minister Lev Petrov Before Their Meeting",
    )
    petrov = [h for h in extraction.holdings if h.person.label == "Lev Petrov"]
    assert [(h.post.label, h.evidence.text) for h in petrov] == [
        ("Foreign Minister of Peru", "FOREIGN MINISTER PETROV")
    ]


@pytest.mark.parametrize(
    ("said", "kind"),
    [
        ("I urged Peru to release the detained journalists without delay.", "Demand"),
        ("I raised our serious concerns about the detention of two reporters.", "Criticism"),
        ("We strongly condemned the attack on the convoy near Kherson.", "Criticism"),
        ("I rejected the claim that the fishing fleet had entered Chilean waters.", "Rejection"),
    ],
)
def test_first_person_past_reporting_verbs_give_their_kind(said: str, kind: str) -> None:
    """Regression: a speaker telling what it said in the meeting ("I urged", "I raised our
    concerns") was an Assertion; only the present ("I urge") gave the kind."""
    assert [k for k, _ in _remarks(said)] == [kind]


def test_we_agreed_in_a_meeting_is_the_agreement_of_its_participants() -> None:
    extraction = _one(
        "Remarks\n\nSECRETARY BLINKEN: Foreign Minister Ana Ruiz and I met this morning in Lima. "
        "We agreed to open a new consulate in Cusco next year."
    )
    agreed = [s for s in extraction.statements if s.kind == "AgreementStatement"]
    assert [s.speaker.label for s in agreed] == ["Antony Blinken", "Ana Ruiz"]
    assert {s.evidence[0].text for s in agreed} == {
        "We agreed to open a new consulate in Cusco next year."
    }


def test_a_label_in_title_case_opens_a_turn_and_others_reported_in_it_are_theirs() -> None:
    """A ministry's transcript labels its speakers in title case ("Spokesperson Ana Ruiz:");
    what a spokesperson reports of others ("Minister Salas pointed out that ...") is theirs."""
    extraction = _one(
        "Regular Press Conference\n\nReporter: Can you share details of the talks?\n\n"
        "Spokesperson Ana Ruiz: Foreign Minister Jorge Salas held talks with Chilean Foreign "
        "Minister Elena Vidal in Lima. Minister Salas pointed out that the border must stay "
        "open to trade. We will release more information in due course."
    )
    said = [(s.speaker.label, s.kind) for s in extraction.statements]
    assert said == [("Jorge Salas", "Demand"), ("Ana Ruiz", "Commitment")]


def test_the_speakers_own_meetings_and_trips_in_the_first_person() -> None:
    """Regression: "I" took part in nothing: "I have just concluded the Dialogue with X",
    "Minister X and I had a meeting", "I'll travel to A and B" (on the label's own line)."""
    extraction = _one(
        "Press Conference\n\nSECRETARY BLINKEN: Good evening. I have just concluded the third "
        "Peru-United States Strategic Dialogue with Foreign Minister Ana Ruiz. Minister Ruiz and "
        "I had a very productive meeting this morning.\n\nQ: Where next?\n\n"
        "SECRETARY BLINKEN: I\u2019ll travel to Chile and Argentina later this week."
    )
    assert [(i.kind, [p.label for p in i.participants]) for i in extraction.interactions] == [
        ("Talks", ["Antony Blinken", "Ana Ruiz"]),
        ("Visit", ["Antony Blinken", "Chile"]),
        ("Visit", ["Antony Blinken", "Argentina"]),
    ]
    # the sentences that narrate the speaker's meetings are no statements of it
    assert [s.evidence[0].text for s in extraction.statements] == []


def test_the_speakers_own_meeting_and_visit_named_in_passing() -> None:
    extraction = _one(
        "Press Conference\n\nFOREIGN MINISTER RUIZ: As I announced during my visit to Kyiv on "
        "January 7, Freedonia will host the conference. In my meeting with Foreign Minister "
        "Lev Petrov, we confirmed that we will work together."
    )
    assert dated(extraction) == [
        ("Visit", ["Ruiz", "Ukraine"], "2022-01-07"),
        ("Meeting", ["Ruiz", "Lev Petrov"], None),
    ]
    # the sentences that name them in passing are still the speaker's statements
    assert [s.evidence[0].text[:20] for s in extraction.statements] == [
        "As I announced durin",
        "In my meeting with F",
    ]


@pytest.mark.parametrize(
    ("said", "kind"),
    [
        ("I\u2019m here to reaffirm our unwavering support for Freedonia.", "Commitment"),
        (
            "Ruritania continues to strike our cities, a clear violation of international law.",
            "Criticism",
        ),
        ("We hold the Ruritanian Government responsible for his death.", "Criticism"),
        ("There will be no deals that trade Freedonian territory for a pause.", "Rejection"),
        ("Ruritania has taken a reckless decision today.", "Criticism"),
        # a predicate that judges another's conduct, not an attribute ("Ruritania's brutal war")
        ("This is 100% an abuse of force and a violation of the Charter.", "Criticism"),
        ("The so-called referendums were not free, and they were not fair.", "Criticism"),
        ("Ruritania has also failed to stand up for the regime it helped build.", "Criticism"),
        (
            "We are deeply troubled that Ruritania has deepened its ties with the junta.",
            "Criticism",
        ),
        (
            "We stand with Freedonia against Ruritania\u2019s brutal and unprovoked war.",
            "Commitment",
        ),
        ("Ruritania\u2019s brutal war has lasted two years.", "Assertion"),
    ],
)
def test_the_kind_of_a_spoken_sentence_without_a_reporting_verb(said: str, kind: str) -> None:
    assert _remarks(said) == [(kind, said)]
