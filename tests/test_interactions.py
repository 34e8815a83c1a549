"""Interactions and post holdings on sentences of our own: the type of a call by what the text says
of its medium, unnamed groups of people as participants, and the posts of known actors."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from diplograph.extract.corpus import Article
from diplograph.extract.dates import RULES
from diplograph.extract.model import Extraction
from diplograph.extract.run import extract_articles, serialize
from diplograph.project import Project
from diplograph.validate import validate
from diplograph.vocab import ID

PROJECT = Project(Path(__file__).resolve().parents[1])
PUBLISHED = dt.date(2022, 3, 11)  # a Friday


def _one(text: str) -> Extraction:
    article = Article("a", text, PUBLISHED, "U.S. Department of State")
    return extract_articles(PROJECT, [article]).extractions[0]


def _interactions(extraction: Extraction) -> list[tuple[str, list[str]]]:
    return [
        (i.kind, [p.iri.removeprefix(ID) for p in i.participants]) for i in extraction.interactions
    ]


def _posts(extraction: Extraction) -> list[tuple[str, str]]:
    return [(h.person.label, h.post.label) for h in extraction.holdings]


# --- the type of a call ---------------------------------------------------------------------------


def test_spoke_with_is_a_call_of_unstated_medium() -> None:
    extraction = _one("Deputy Secretary of State Wendy Sherman spoke today with Nadia Okafor.")
    assert _interactions(extraction) == [("Call", ["wendy-sherman", "nadia-okafor"])]


def test_spoke_by_telephone_is_a_phone_call() -> None:
    extraction = _one(
        "Deputy Secretary of State Wendy Sherman spoke by telephone today with Nadia Okafor."
    )
    assert _interactions(extraction) == [("PhoneCall", ["wendy-sherman", "nadia-okafor"])]


def test_held_a_call_is_a_call_and_a_phone_call_says_so() -> None:
    call = _one("Secretary Blinken held a call with Foreign Minister Tomas Varga of Hungary.")
    phone = _one(
        "Secretary Blinken held a phone call with Foreign Minister Tomas Varga of Hungary."
    )
    assert [i.kind for i in call.interactions] == ["Call"]
    assert [i.kind for i in phone.interactions] == ["PhoneCall"]


# --- unnamed groups of people ---------------------------------------------------------------------


def test_a_qualified_group_takes_part_with_its_named_members() -> None:
    extraction = _one(
        "Secretary Blinken met today in Geneva with Freedonian opposition representatives, "
        "including Ann Marie Lee."
    )
    assert _interactions(extraction) == [
        (
            "Meeting",
            ["antony-blinken", "group/a-freedonian-opposition-representatives", "ann-marie-lee"],
        )
    ]
    group = extraction.interactions[0].participants[1]
    assert (group.kind, group.label) == ("Organization", "Freedonian opposition representatives")


def test_the_ministers_of_an_organisation_take_part_not_the_organisation() -> None:
    extraction = _one(
        "Secretary Blinken met with foreign ministers of the Association of Southeast Asian "
        "Nations (ASEAN) in Jakarta."
    )
    [meeting] = extraction.interactions
    assert [p.label for p in meeting.participants] == [
        "Antony Blinken",
        "foreign ministers of the Association of Southeast Asian Nations",
    ]


def test_unqualified_officials_are_no_participant() -> None:
    # "officials" alone says nothing of whose: no group, and no interaction with one participant
    assert _one("Secretary Blinken met with officials in the morning.").interactions == []


def test_a_group_inside_another_is_not_a_second_participant() -> None:
    extraction = _one(
        "Secretary Blinken met with a senior delegation including representatives from the "
        "Ministry of Health of Freedonia."
    )
    assert _interactions(extraction) == [
        ("Meeting", ["antony-blinken", "group/a-senior-delegation"])
    ]


# --- posts ----------------------------------------------------------------------------------------


def test_a_known_person_still_holds_the_post_the_text_gives() -> None:
    extraction = _one(
        "Secretary of State Antony J. Blinken met today with Foreign Minister Tomas Varga of "
        "Hungary."
    )
    assert ("Antony Blinken", "US Secretary of State") in _posts(extraction)


def test_a_shortened_title_is_the_post_already_held() -> None:
    extraction = _one(
        "Deputy Secretary of State Wendy Sherman met today with Hungarian Minister of Energy "
        "Tomas Varga. Deputy Secretary Sherman and Minister Varga discussed energy security."
    )
    assert _posts(extraction) == [
        ("Wendy Sherman", "Deputy Secretary of State of United States"),
        ("Tomas Varga", "Minister of Energy of Hungary"),
    ]


def test_a_title_without_its_portfolio_names_no_post() -> None:
    extraction = _one("Secretary Blinken met today with Minister Varga.")
    assert _posts(extraction) == []


def test_an_official_named_by_post_only_takes_part_and_holds_it() -> None:
    extraction = _one(
        "Secretary Blinken met today with Foreign Minister Tomas Varga of Hungary and the NATO "
        "Secretary General."
    )
    [meeting] = extraction.interactions
    official = meeting.participants[2]
    assert (official.kind, official.label) == ("Person", "NATO Secretary General")
    assert (
        "NATO Secretary General",
        "Secretary General of North Atlantic Treaty Organization",
    ) in (_posts(extraction))


def test_a_post_before_an_appositive_name_is_that_persons() -> None:
    extraction = _one(
        "Secretary Blinken spoke today with the Foreign Minister of Hungary, Tomas Varga, about "
        "energy security."
    )
    assert [p.label for p in extraction.interactions[0].participants] == [
        "Antony Blinken",
        "Tomas Varga",
    ]


# --- earlier and planned interactions the text names ------------------------------------------


def test_a_dated_meeting_between_two_people_is_an_interaction_of_its_day() -> None:
    extraction = _one(
        "Secretary Blinken spoke today with Foreign Minister Tomas Varga of Hungary about the "
        "February 2 summit between President Biden and President Lena Holm."
    )
    assert [(i.kind, [p.label for p in i.participants]) for i in extraction.interactions] == [
        ("Call", ["Antony Blinken", "Tomas Varga"]),
        ("Meeting", ["Joe Biden", "Lena Holm"]),
    ]
    named = extraction.interactions[1]
    assert named.when is not None and named.when.start == dt.date(2022, 2, 2)


def test_their_planned_meeting_is_of_the_main_participants_and_the_nearest_day() -> None:
    extraction = _one(
        "Secretary Blinken met today with Foreign Minister Tomas Varga of Hungary. They discussed "
        "their March 15 trilateral meeting with Foreign Minister Ana Ruiz of Spain."
    )
    assert [(i.kind, [p.label for p in i.participants]) for i in extraction.interactions] == [
        ("Meeting", ["Antony Blinken", "Tomas Varga"]),
        ("Meeting", ["Antony Blinken", "Tomas Varga", "Ana Ruiz"]),
    ]
    planned = extraction.interactions[1]
    assert planned.when is not None and planned.when.start == dt.date(2022, 3, 15)  # not 2021


# --- trips, separate meetings and places ------------------------------------------------------


def _rows(extraction: Extraction) -> list[tuple[str, list[str], str | None, str | None]]:
    return [
        (
            i.kind,
            [p.label for p in i.participants],
            i.place.label if i.place else None,
            i.part_of.kind if i.part_of else None,
        )
        for i in extraction.interactions
    ]


def test_a_trip_for_meetings_with_several_is_a_visit_and_one_meeting_each() -> None:
    extraction = _one(
        "Secretary Blinken traveled to Rome for meetings with Foreign Minister Tomas Varga of "
        "Hungary and Foreign Minister Ana Ruiz of Spain."
    )
    assert _rows(extraction) == [
        ("Meeting", ["Antony Blinken", "Tomas Varga"], None, "Visit"),
        ("Meeting", ["Antony Blinken", "Ana Ruiz"], None, "Visit"),
        ("Visit", ["Antony Blinken", "Italy"], "Rome", None),
    ]


def test_met_separately_is_one_meeting_per_counterpart_with_the_date_range() -> None:
    extraction = _one(
        "Secretary Blinken met separately with Foreign Minister Tomas Varga of Hungary and "
        "Foreign Minister Ana Ruiz of Spain in Brussels on March 7-8."
    )
    assert _rows(extraction) == [
        ("Meeting", ["Antony Blinken", "Tomas Varga"], "Brussels", None),
        ("Meeting", ["Antony Blinken", "Ana Ruiz"], "Brussels", None),
    ]
    when = extraction.interactions[1].when
    assert when is not None and (when.start, when.end) == (dt.date(2022, 3, 7), dt.date(2022, 3, 8))


def test_the_place_after_the_sidelines_of_a_summit() -> None:
    extraction = _one(
        "Secretary Blinken met with Foreign Minister Tomas Varga of Hungary on the sidelines of "
        "the Danube Summit in Vienna."
    )
    assert _rows(extraction) == [("Meeting", ["Antony Blinken", "Tomas Varga"], "Vienna", None)]


def test_a_place_the_gazetteer_does_not_know() -> None:
    extraction = _one(
        "Secretary Blinken met with Foreign Minister Tomas Varga of Hungary in Esztergom."
    )
    assert _rows(extraction) == [("Meeting", ["Antony Blinken", "Tomas Varga"], "Esztergom", None)]
    # not a month, nor a name the mentions resolve
    assert _rows(_one("Secretary Blinken met with Foreign Minister Tomas Varga in May.")) == [
        ("Meeting", ["Antony Blinken", "Tomas Varga"], None, None)
    ]


def test_a_post_of_the_abbreviated_foreign_ministry() -> None:
    extraction = _one(
        "Deputy Secretary of State Wendy Sherman spoke today with Hungarian MFA State Secretary "
        "Tomas Varga."
    )
    assert ("Tomas Varga", "State Secretary of Ministry of Foreign Affairs of Hungary") in (
        _posts(extraction)
    )
    ministry = next(h.post for h in extraction.holdings if h.person.label == "Tomas Varga")
    assert ministry.post_in == ID + "ministry-of-foreign-affairs-of-hungary"


def test_a_post_in_an_appositive_after_the_name() -> None:
    extraction = _one(
        "Secretary Blinken met with Jose Ramos, the Foreign Minister of Peru, in Lima. "
        "Antony J. Blinken, Secretary of State\n"
    )
    # the role after the name is Ramos's post, not another participant
    assert [p.label for p in extraction.interactions[0].participants] == [
        "Antony Blinken",
        "Jose Ramos",
    ]
    assert _posts(extraction) == [
        ("Jose Ramos", "Foreign Minister of Peru"),
        ("Antony Blinken", "US Secretary of State"),
    ]


def test_a_planned_meeting_in_a_relative_clause_is_of_that_clause() -> None:
    extraction = _one(
        "Secretary Blinken spoke today with President Ana Ruiz of Spain. The President welcomed "
        "Secretary Blinken\u2019s coming trip to the region, where the Secretary will meet with "
        "Freedonian, Ruritanian, and regional counterparts to discuss relief."
    )
    assert _rows(extraction) == [
        ("Call", ["Antony Blinken", "Ana Ruiz"], None, None),
        (
            "Meeting",
            ["Antony Blinken", "Freedonian, Ruritanian, and regional counterparts"],
            None,
            None,
        ),
    ]


def test_a_named_person_is_never_swallowed_by_a_group() -> None:
    extraction = _one("Secretary Blinken met with Ana Ruiz, and Freedonian officials.")
    assert [p.label for p in extraction.interactions[0].participants] == [
        "Antony Blinken",
        "Ana Ruiz",
    ]


def test_an_interaction_told_again_is_one() -> None:
    extraction = _one(
        "On March 10, Secretary Blinken called Foreign Minister Tomas Varga of Hungary to discuss "
        "energy.\n\n@Spokesperson: Secretary Blinken called Foreign Minister Varga about "
        "energy."
    )
    [call] = extraction.interactions
    assert call.when is not None and call.when.start == dt.date(2022, 3, 10)
    assert len(call.evidence) == 2


def test_a_planned_visit_takes_its_date_and_the_nearest_year() -> None:
    extraction = _one(
        "Secretary Blinken met today with Foreign Minister Tomas Varga of Hungary. They discussed "
        "President Lena Holm\u2019s planned visit to Washington on March 30."
    )
    visit = extraction.interactions[-1]
    assert visit.kind == "Visit" and visit.when is not None
    assert visit.when.start == dt.date(2022, 3, 30)  # after the publication date: planned


def test_a_dialogue_named_after_two_states_is_their_talks() -> None:
    extraction = _one(
        "Secretary Blinken met today with Foreign Minister Tomas Varga of Hungary. They welcomed "
        "the launch of the second U.S.-Hungary Strategic Dialogue."
    )
    assert _interactions(extraction)[1] == ("Talks", ["united-states", "hungary"])
    # not an alliance, and not a state with itself
    assert (
        len(
            _one(
                "Secretary Blinken met Tomas Varga to discuss the U.S.-Hungary Alliance."
            ).interactions
        )
        <= 1
    )


# --- titles and names -----------------------------------------------------------------------------


def test_the_organisation_of_a_post_is_no_participant() -> None:
    extraction = _one(
        "Secretary Blinken met today with Director of the Office of the Central Foreign Affairs "
        "Commission Wang Yi."
    )
    assert _interactions(extraction) == [("Meeting", ["antony-blinken", "wang-yi"])]


def test_a_compound_title_before_a_name_is_two_posts() -> None:
    extraction = _one(
        "Secretary Blinken met today with State Councilor and Minister of Foreign Affairs Wang Yi."
    )
    assert [post for person, post in _posts(extraction) if person == "Wang Yi"] == [
        "Chinese State Councilor",
        "Minister of Foreign Affairs of People's Republic of China",
    ]


def test_a_name_with_particles_in_a_row_is_one_person() -> None:
    extraction = _one(
        "Secretary Blinken met today with Commissioner Maria de la Cruz at 10 a.m. EST."
    )
    assert [p.label for p in extraction.interactions[0].participants] == [
        "Antony Blinken",
        "Maria de la Cruz",
    ]


def test_the_spokesperson_is_no_participant_and_holds_no_post() -> None:
    extraction = _one(
        "Department Spokesperson Ned Price said Secretary Blinken met today with Foreign Minister "
        "Tomas Varga of Hungary."
    )
    assert _interactions(extraction) == [("Meeting", ["antony-blinken", "tomas-varga"])]
    assert [person for person, _ in _posts(extraction)] == ["Tomas Varga"]


def test_hosted_for_an_official_visit_is_the_guests_visit() -> None:
    extraction = _one(
        "President Lena Holm hosted Prime Minister Tomas Varga of Hungary for an official visit "
        "to Oslo on March 3."
    )
    [visit] = extraction.interactions
    assert (visit.kind, [h.label for h in visit.hosts], [v.label for v in visit.visitors]) == (
        "Visit",
        ["Lena Holm"],
        ["Tomas Varga"],
    )
    assert visit.place is not None and visit.place.label == "Oslo"


def test_the_new_forms_give_graphs_that_conform_to_the_shapes(tmp_path: Path) -> None:
    texts = [
        "Secretary Blinken met today in Geneva with Freedonian opposition representatives, "
        "including Ann Marie Lee, and the NATO Secretary General.",
        "Secretary Blinken traveled to Rome for meetings with Foreign Minister Tomas Varga of "
        "Hungary and Foreign Minister Ana Ruiz of Spain.",
        "President Lena Holm hosted Prime Minister Tomas Varga of Hungary for an official visit "
        "to Esztergom on March 3. They welcomed the U.S.-Hungary Strategic Dialogue and "
        "their March 15 trilateral meeting with Foreign Minister Ana Ruiz of Spain.",
        "Deputy Secretary of State Wendy Sherman spoke today with Hungarian MFA State Secretary "
        "Tomas Varga.",
        # planned on a weekday; meetings listed with ", and with"; the two sides of a readout
        # without a trigger; joint speakers with no one to target
        "Secretary Blinken spoke today with Foreign Minister Ana Ruiz of Chile. The two "
        "ministers will continue their discussions on Friday.",
        "Secretary Blinken met with Estonian Foreign Minister Kaja Tamm on March 7-8 in Tallinn, "
        "and with Lithuanian Foreign Minister Jonas Petras on March 9 in Vilnius. They condemned "
        "the attack on civilians.",
        "Secretary Blinken and Chilean Foreign Minister Ana Soto discussed regional security "
        "today. Both sides condemned Russia\u2019s attacks on Ukraine\u2019s energy grid.",
        # groups by a possessor, "a group of", an indefinite "led a delegation"
        "Deputy Secretary of State Wendy Sherman met today with Hungarian President-elect "
        "Ana Ruiz\u2019s Transition Policy Delegation, led by Senator Tomas Varga, and a group "
        "of Treaty of Esztergom negotiation delegation members.",
        "Special Envoy Tomas Varga led another senior interagency delegation to continue "
        "discussions with senior Freedonian opposition representatives in Geneva.",
    ]
    articles = [
        Article(f"a{n}", text, PUBLISHED, "U.S. Department of State")
        for n, text in enumerate(texts)
    ]
    articles.append(  # the meeting at which a transcript's remarks are given
        Article(
            "remarks",
            "Geneva, Switzerland\n\nMINISTER VARGA: It is wonderful to see all of you here "
            "today. We stand with the people of Freedonia.",
            PUBLISHED,
            "U.S. Department of State",
            title="Minister Tomas Varga at a Meeting with Freedonian Civil Society",
        )
    )
    out = tmp_path / "out.nq"
    out.write_bytes(serialize(extract_articles(PROJECT, articles).quads, "nquads"))
    assert [str(r) for r in validate(PROJECT, [out]).results] == []


# --- forms of issue 9, section 2, not met before ----------------------------------------------


def test_a_planned_interaction_is_dated_on_the_next_such_weekday() -> None:
    extraction = _one(
        "Secretary Blinken spoke today with Foreign Minister Ana Ruiz of Chile. The two ministers "
        "will continue their discussions on Friday. Secretary Blinken will meet Prime Minister "
        "Oyun Bat of Mongolia on Tuesday."
    )  # published on Friday 2022-03-11
    assert [
        (i.kind, [p.label for p in i.participants], i.when.start if i.when else None)
        for i in extraction.interactions
    ] == [
        ("Call", ["Antony Blinken", "Ana Ruiz"], dt.date(2022, 3, 11)),
        ("Talks", ["Antony Blinken", "Ana Ruiz"], dt.date(2022, 3, 18)),
        ("Meeting", ["Antony Blinken", "Oyun Bat"], dt.date(2022, 3, 15)),
    ]
    assert extraction.interactions[2].when is not None
    assert extraction.interactions[2].when.rule == RULES["upcoming weekday"]


def test_meetings_listed_with_and_with_are_one_each_with_their_own_date_and_place() -> None:
    extraction = _one(
        "Secretary Blinken met with Estonian Foreign Minister Kaja Tamm on March 7-8 in Tallinn, "
        "and with Lithuanian Foreign Minister Jonas Petras and Defense Minister Ona Rute on March "
        "9 in Vilnius."
    )
    rows = [
        (
            [p.label for p in i.participants],
            (i.when.start, i.when.end) if i.when else None,
            i.place.label if i.place else None,
        )
        for i in extraction.interactions
    ]
    assert rows == [
        (["Antony Blinken", "Kaja Tamm"], (dt.date(2022, 3, 7), dt.date(2022, 3, 8)), "Tallinn"),
        (["Antony Blinken", "Jonas Petras", "Ona Rute"], (dt.date(2022, 3, 9), None), "Vilnius"),
    ]


def test_a_name_after_a_title_may_open_with_its_particles() -> None:
    extraction = _one(
        "Secretary Blinken spoke with European Commissioner Maria de la Cruz today. Secretary "
        "Blinken and Commissioner de la Cruz agreed to deepen cooperation on critical minerals."
    )
    assert [(s.speaker.label, s.kind) for s in extraction.statements] == [
        ("Antony Blinken", "AgreementStatement"),
        ("Maria de la Cruz", "AgreementStatement"),
    ]


def test_a_ministry_portfolio_is_part_of_the_title_not_of_the_name() -> None:
    extraction = _one(
        "Deputy Secretary of State Wendy Sherman met with Paraguayan Vice Minister for Foreign "
        "Affairs Raul "
        "Benitez and Minister of Industry and Commerce Luis Castiglioni in Asuncion on June 22."
    )
    assert _interactions(extraction) == [
        ("Meeting", ["wendy-sherman", "raul-benitez", "luis-castiglioni"])
    ]
    assert _posts(extraction)[1:] == [
        ("Raul Benitez", "Vice Minister for Foreign Affairs of Paraguay"),
        ("Luis Castiglioni", "Minister of Industry and Commerce of Paraguay"),
    ]


def test_posts_before_an_appositive_name_are_that_persons() -> None:
    extraction = _one(
        "Secretary Blinken met today with the Crown Prince and Prime Minister of Jordan, His "
        "Royal Highness Karim bin Talal."
    )
    assert _posts(extraction) == [
        ("Karim bin Talal", "Crown Prince of Jordan"),
        ("Karim bin Talal", "Prime Minister of Jordan"),
    ]


# --- groups named by a possessor, "a group of", or an indefinite "led a delegation" --------------


def test_a_delegation_named_after_its_possessor_takes_part_with_its_leader() -> None:
    extraction = _one(
        "Deputy Secretary of State Wendy Sherman met today with Hungarian President-elect "
        "Ana Ruiz\u2019s Transition Policy Delegation, led by Senator Tomas Varga."
    )
    [meeting] = extraction.interactions
    assert [p.label for p in meeting.participants] == [
        "Wendy Sherman",
        "Transition Policy Delegation",
        "Tomas Varga",
    ]


def test_a_group_of_members_takes_part_whatever_qualifies_it() -> None:
    extraction = _one(
        "Deputy Secretary of State Wendy Sherman met today with Foreign Minister Tomas Varga "
        "of Hungary and a group of Treaty of Esztergom negotiation delegation members."
    )
    [meeting] = extraction.interactions
    assert [p.label for p in meeting.participants] == [
        "Wendy Sherman",
        "Tomas Varga",
        "group of Treaty of Esztergom negotiation delegation members",
    ]


def test_an_indefinite_delegation_led_to_talks_takes_part_a_definite_one_does_not() -> None:
    talks = _one(
        "Special Envoy Tomas Varga led another senior interagency delegation to continue "
        "discussions with senior Freedonian opposition representatives in Geneva."
    )
    assert [(i.kind, [p.label for p in i.participants]) for i in talks.interactions] == [
        (
            "Talks",
            [
                "Tomas Varga",
                "senior interagency delegation",
                "senior Freedonian opposition representatives",
            ],
        )
    ]
    # "led the delegation": one already named, whose leaders stand for it
    led = _one(
        "Minister Ana Ruiz led the delegation, which met with Freedonian trade officials in Geneva."
    )
    assert [[p.label for p in i.participants] for i in led.interactions] == [
        ["Ana Ruiz", "Freedonian trade officials"]
    ]


# --- the event at which a transcript's remarks are given ------------------------------------------


def _transcript(title: str, text: str) -> Extraction:
    article = Article("a", text, PUBLISHED, "U.S. Department of State", title=title)
    return extract_articles(PROJECT, [article]).extractions[0]


def test_a_transcript_is_a_meeting_of_its_speakers_and_the_audience_its_title_names() -> None:
    extraction = _transcript(
        "Minister Tomas Varga at a Meeting with Freedonian Civil Society",
        "Tomas Varga, Minister\n\nGeneva, Switzerland\n\nMINISTER VARGA: Good evening. It is "
        "wonderful to see all of you here today. We stand with the people of Freedonia.\n\n"
        "MS RUIZ: We will keep working with all of you.",
    )
    main = extraction.interactions[0]
    assert (main.kind, [p.label for p in main.participants]) == (
        "Meeting",
        ["Varga", "Ruiz", "Freedonian Civil Society"],
    )
    assert main.when is not None and main.when.start == PUBLISHED  # "today"
    assert main.place is not None and main.place.label == "Geneva"


def test_a_transcript_without_today_or_an_audience_in_its_title() -> None:
    undated = _transcript(
        "Minister Tomas Varga Before His Meeting with Non-Nuclear States Parties (NNSP) on the "
        "Margins of the Review Conference",
        "Tomas Varga, Minister\n\nMINISTER VARGA: Good morning. We are committed to a "
        "successful Review Conference.",
    )
    [main] = undated.interactions
    assert [p.label for p in main.participants] == ["Varga", "Non-Nuclear States Parties"]
    assert (main.when, main.place) == (None, None)
    remarks = _transcript(
        "Minister Tomas Varga\u2019s Remarks to the Press",
        "MINISTER VARGA: Good morning. We are committed to a successful Review Conference.",
    )
    assert remarks.interactions == []  # a press statement names no one it meets


def test_a_transcript_title_that_names_a_person_gives_that_person_not_a_group() -> None:
    extraction = _transcript(
        "Minister Tomas Varga at a Meeting with Foreign Minister Ana Ruiz of Spain",
        "MINISTER VARGA: Good morning. We are committed to a successful partnership with Spain.",
    )
    assert _interactions(extraction) == [("Meeting", ["varga", "ana-ruiz"])]
