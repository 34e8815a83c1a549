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
from extracted import dated

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
    # the sentence names where the meetings are: in Rome, the trip's destination (inferred)
    assert _rows(extraction) == [
        ("Meeting", ["Antony Blinken", "Tomas Varga"], "Rome", "Visit"),
        ("Meeting", ["Antony Blinken", "Ana Ruiz"], "Rome", "Visit"),
        ("Visit", ["Antony Blinken", "Italy"], "Rome", None),
    ]
    assert [name for name, _ in extraction.interactions[0].inferred] == ["place", "partOfVisit"]


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


# --- secondary interactions: dialogues, summits and events named by a noun (issue 9) -------------


def _found(extraction: Extraction) -> list[tuple[str, list[str], str | None, str | None]]:
    """(type, participants, date or range, place) of each interaction, in text order."""
    rows = []
    for i in extraction.interactions:
        when = None
        if i.when is not None:
            when = f"{i.when.start}" + (f"..{i.when.end}" if i.when.end else "")
        place = i.place.label if i.place is not None else None
        rows.append((i.kind, [p.iri.removeprefix(ID) for p in i.participants], when, place))
    return rows


CALL = "Deputy Secretary Wendy Sherman spoke today with Hungarian Foreign Minister Tomas Varga. "


def test_a_dialogue_named_with_a_spaced_dash_is_talks_of_the_two_states() -> None:
    extraction = _one(
        CALL + "They looked to the next meeting of the U.S. \u2013 Hungary Strategic Dialogue."
    )
    assert _found(extraction)[1:] == [("Talks", ["united-states", "hungary"], None, None)]


def test_a_definite_lower_case_dialogue_is_talks_but_a_relation_is_not() -> None:
    event = _one(CALL + "They built on the productive 2021 U.S.-Hungary dialogue on energy.")
    relation = _one(CALL + "They support continued U.S.-Hungary dialogue on energy.")
    assert _found(event)[1:] == [("Talks", ["united-states", "hungary"], None, None)]
    assert _found(relation)[1:] == []


def test_a_dated_summit_of_two_sides_is_a_meeting_of_them() -> None:
    extraction = _one(CALL + "They discussed the upcoming U.S.-ASEAN Special Summit.")
    assert _found(extraction)[1:] == [
        ("Meeting", ["united-states", "association-of-southeast-asian-nations"], None, None)
    ]


def test_a_summit_named_as_a_setting_is_no_interaction_of_its_own() -> None:
    extraction = _one(
        "Deputy Secretary Wendy Sherman met with Hungarian Foreign Minister Tomas Varga at the "
        "U.S.-ASEAN Summit."
    )
    assert [kind for kind, *_ in _found(extraction)] == ["Meeting"]


def test_a_place_fronted_before_the_participants_is_the_place() -> None:
    extraction = _one(
        "Today in Lisbon, Deputy Secretary Wendy Sherman met with Hungarian Foreign Minister "
        "Tomas Varga."
    )
    assert _found(extraction) == [
        ("Meeting", ["wendy-sherman", "tomas-varga"], "2022-03-11", "Lisbon")
    ]


def test_counterparts_of_a_named_group_are_its_members_officials_named_before() -> None:
    extraction = _one(
        "Secretary Blinken met with French Foreign Minister Claire Dumont, German Foreign "
        "Minister Jonas Weber, Italian Foreign Minister Marco Ricci, and UK Foreign Secretary "
        "Alice Hart in Brussels. Earlier, Secretary Blinken met with his E3 counterparts to "
        "discuss Iran."
    )
    assert _found(extraction)[1] == (
        "Meeting",
        ["antony-blinken", "claire-dumont", "jonas-weber", "alice-hart"],
        None,
        None,
    )


def test_counterparts_of_a_named_group_no_one_named_are_one_group() -> None:
    extraction = _one("Secretary Blinken met with his Quad counterparts in Madrid.")
    [meeting] = extraction.interactions
    assert [p.label for p in meeting.participants] == ["Antony Blinken", "Quad counterparts"]


def test_a_planned_meeting_of_several_possessors_with_another() -> None:
    extraction = _one(
        CALL
        + "They welcomed Slovak President Jan Novak and Czech Prime Minister Petr Dvorak\u2019s "
        "planned meeting on April 6 with European Council President Anna Berg."
    )
    assert _found(extraction)[1:] == [
        ("Meeting", ["jan-novak", "petr-dvorak", "anna-berg"], "2022-04-06", None)
    ]


def test_their_recent_meeting_is_one_of_the_main_participants_where_it_was() -> None:
    extraction = _one(CALL + "They followed up on their recent meeting in Warsaw.")
    assert _found(extraction)[1:] == [("Meeting", ["wendy-sherman", "tomas-varga"], None, "Warsaw")]


def test_a_possessor_alone_names_no_planned_meeting() -> None:
    extraction = _one(CALL + "They discussed President Jan Novak\u2019s planned meeting.")
    assert _found(extraction)[1:] == []


# --- more triggers of an interaction --------------------------------------------------------------


def test_hosted_a_person_is_a_meeting() -> None:
    extraction = _one(
        "Secretary Blinken hosted Hungarian Foreign Minister Tomas Varga at the Department of "
        "State today."
    )
    assert _found(extraction) == [
        ("Meeting", ["antony-blinken", "tomas-varga"], "2022-03-11", None)
    ]


def test_sat_down_with_is_a_meeting() -> None:
    sat = _one("Secretary Blinken sat down with Hungarian Foreign Minister Tomas Varga today.")
    assert _found(sat) == [("Meeting", ["antony-blinken", "tomas-varga"], "2022-03-11", None)]


def test_hosting_an_event_is_no_meeting_with_anyone() -> None:
    extraction = _one(CALL + "The Secretary thanked Hungary, which hosted the NATO Summit in 2021.")
    assert [kind for kind, *_ in _found(extraction)] == ["Call"]


def test_a_meeting_framing_the_sentence_is_a_meeting() -> None:
    extraction = _one(
        "During his meeting with Hungarian Foreign Minister Tomas Varga in Lisbon on Monday, "
        "Secretary Blinken stressed energy security."
    )
    assert _found(extraction) == [
        ("Meeting", ["tomas-varga", "antony-blinken"], "2022-03-07", "Lisbon")
    ]


def test_a_virtual_call_is_a_video_call() -> None:
    extraction = _one(
        "Secretary Blinken and Hungarian Foreign Minister Tomas Varga held a virtual call today."
    )
    assert [i.kind for i in extraction.interactions] == ["VideoCall"]


def test_a_trip_and_its_meetings_share_the_past_date_range_and_place() -> None:
    # regression: the trip took the nearest June 18-19 (after publication), its meetings the
    # latest one before it; the meetings had no place
    extraction = _one(
        "Secretary Blinken traveled to Lisbon on June 18-19 for meetings with Hungarian Foreign "
        "Minister Tomas Varga and Slovak Prime Minister Jan Novak."
    )
    assert _found(extraction) == [
        ("Meeting", ["antony-blinken", "tomas-varga"], "2021-06-18..2021-06-19", "Lisbon"),
        ("Meeting", ["antony-blinken", "jan-novak"], "2021-06-18..2021-06-19", "Lisbon"),
        ("Visit", ["antony-blinken", "portugal"], "2021-06-18..2021-06-19", "Lisbon"),
    ]


def test_following_their_meeting_is_an_earlier_meeting_with_its_place_and_past_date() -> None:
    extraction = _one(
        "Secretary Blinken spoke today with Hungarian Foreign Minister Tomas Varga following "
        "their meeting in Madrid on June 3."
    )
    assert _found(extraction) == [
        ("Call", ["antony-blinken", "tomas-varga"], "2022-03-11", None),
        ("Meeting", ["antony-blinken", "tomas-varga"], "2021-06-03", "Madrid"),
    ]


def test_their_meeting_after_the_meeting_in_scope_is_that_meeting() -> None:
    extraction = _one(
        "Secretary Blinken met today with Hungarian Foreign Minister Tomas Varga. The Secretary "
        "thanked him after their meeting."
    )
    assert [kind for kind, *_ in _found(extraction)] == ["Meeting"]


def test_they_agreed_to_meet_is_a_planned_meeting_of_the_two_sides() -> None:
    extraction = _one(CALL + "They agreed to meet in Budapest in the coming weeks.")
    assert _found(extraction)[1:] == [
        ("Meeting", ["wendy-sherman", "tomas-varga"], None, "Budapest")
    ]


def test_will_speak_again_on_a_weekday_is_a_planned_call_on_the_next_one() -> None:
    extraction = _one(CALL + "The two will speak again on Monday.")
    assert _found(extraction)[1:] == [
        ("Call", ["wendy-sherman", "tomas-varga"], "2022-03-14", None)
    ]


def test_he_who_will_meet_takes_part_and_no_one_else_is_added() -> None:
    # regression: "he" was skipped, and the one counterpart named got the main interaction's
    # participants, the Hungarian minister included
    extraction = _one(
        CALL + "Deputy Secretary Sherman will travel to Madrid next week, where she will meet "
        "with Prime Minister Jan Novak."
    )
    assert _found(extraction)[1] == ("Meeting", ["wendy-sherman", "jan-novak"], None, "Madrid")


def test_led_a_delegation_to_talks_with_another_is_talks() -> None:
    extraction = _one(
        "Deputy Secretary Wendy Sherman led the U.S. delegation to talks with Hungarian State "
        "Secretary Tomas Varga in Geneva on January 10."
    )
    assert _found(extraction) == [
        ("Talks", ["wendy-sherman", "tomas-varga"], "2022-01-10", "Geneva")
    ]


def test_a_round_of_a_dialogue_convened_by_two_people_is_their_talks_only() -> None:
    extraction = _one(
        "Secretary Blinken and Hungarian Foreign Minister Tomas Varga convened the third round of "
        "the U.S.-Hungary Strategic Dialogue in Washington today."
    )
    assert _found(extraction) == [
        ("Talks", ["antony-blinken", "tomas-varga"], "2022-03-11", "Washington")
    ]


def test_the_place_of_a_setting_named_with_words_after_its_head() -> None:
    extraction = _one(
        "Secretary Blinken met with Hungarian Foreign Minister Tomas Varga on the margins of the "
        "OSCE Ministerial Council in Warsaw."
    )
    assert _found(extraction) == [("Meeting", ["antony-blinken", "tomas-varga"], None, "Warsaw")]


def test_the_ministers_of_a_list_of_states_are_one_group_named_by_all() -> None:
    extraction = _one(
        "Secretary Blinken met today with the foreign ministers of Hungary, Slovakia, and Poland."
    )
    [meeting] = extraction.interactions
    assert meeting.participants[1].label == "foreign ministers of Hungary, Slovakia, and Poland"


def test_a_telephone_conversation_held_is_a_phone_call() -> None:
    held = _one(
        "Foreign Minister Lev Petrov of Slovakia held a telephone conversation with Hungarian "
        "Foreign Minister Tomas Varga today."
    )
    over = _one(
        "Secretary Blinken spoke over the phone with Hungarian Foreign Minister Tomas Varga."
    )
    assert [i.kind for i in held.interactions] == ["PhoneCall"]
    assert [i.kind for i in over.interactions] == ["PhoneCall"]


def test_received_a_person_is_a_meeting_but_not_their_letter() -> None:
    met = _one("Secretary Blinken received Hungarian Foreign Minister Tomas Varga in Lisbon today.")
    letter = _one("Secretary Blinken received President Jan Novak\u2019s letter today.")
    assert _found(met) == [("Meeting", ["antony-blinken", "tomas-varga"], "2022-03-11", "Lisbon")]
    assert letter.interactions == []


def test_agreed_to_meet_again_is_no_retelling_of_their_earlier_meeting() -> None:
    # regression: the undated planned meeting was taken for the dated one already found
    extraction = _one(
        "Secretary Blinken met with Hungarian Foreign Minister Tomas Varga on March 3. The two "
        "agreed to meet again in Madrid."
    )
    assert _found(extraction) == [
        ("Meeting", ["antony-blinken", "tomas-varga"], "2022-03-03", None),
        ("Meeting", ["antony-blinken", "tomas-varga"], None, "Madrid"),
    ]


def test_counterparts_of_a_group_the_subject_belongs_to_are_not_the_subject() -> None:
    # regression: Blinken, of a Quad state, was his own counterpart, and no meeting was left
    extraction = _one(CALL + "Earlier, Secretary Blinken met with his Quad counterparts in Madrid.")
    assert [p.label for p in extraction.interactions[1].participants] == [
        "Antony Blinken",
        "Quad counterparts",
    ]


def test_their_dated_meeting_in_a_city_is_an_earlier_meeting_there() -> None:
    extraction = _one(CALL + "They followed up on their March 1 meeting in Berlin.")
    assert _found(extraction)[1:] == [
        ("Meeting", ["wendy-sherman", "tomas-varga"], "2022-03-01", "Berlin")
    ]


def test_the_place_of_a_setting_is_a_place_with_a_comma_in_its_name() -> None:
    # regression: "in Washington, D.C." after the summit ended past the setting's last word
    extraction = _one(
        "Secretary Blinken met with Hungarian Foreign Minister Tomas Varga on the sidelines of "
        "the U.S.-ASEAN Special Summit in Washington, D.C."
    )
    assert _found(extraction) == [
        ("Meeting", ["antony-blinken", "tomas-varga"], None, "Washington, D.C.")
    ]


# --- issue 9 §2: earlier and planned events the text names, and the fields of a readout's call ----


def test_a_period_that_names_no_day_leaves_the_interaction_undated() -> None:
    extraction = _one(
        "Deputy Secretary Wendy Sherman spoke with Hungarian Foreign Minister Tomas Varga last "
        "week about the March 2 floods."
    )
    assert _found(extraction) == [("Call", ["wendy-sherman", "tomas-varga"], None, None)]


def test_spoke_with_during_a_ministerial_meeting_is_a_call_on_its_sidelines_a_meeting() -> None:
    during = _one(
        "Secretary Blinken spoke with Hungarian Foreign Minister Tomas Varga during the Danube "
        "Foreign Ministerial Meeting."
    )
    sidelines = _one(
        "Secretary Blinken spoke with Hungarian Foreign Minister Tomas Varga on the sidelines of "
        "the Danube Summit."
    )
    assert [i.kind for i in during.interactions] == ["Call"]
    assert [i.kind for i in sidelines.interactions] == ["Meeting"]


def test_a_summit_of_two_sides_people_are_in_a_city_for_is_their_meeting_there() -> None:
    extraction = _one(
        CALL + "Noting the many leaders in Washington for the U.S.-Hungary Special Summit, they "
        "discussed trade."
    )
    assert _found(extraction)[1:] == [("Meeting", ["united-states", "hungary"], None, "Washington")]


def test_his_recent_engagement_with_a_group_is_talks_of_the_subject_and_the_group() -> None:
    extraction = _one(
        CALL + "The Deputy Secretary shared with the Foreign Minister his recent engagement with "
        "Sylvanian counterparts."
    )
    assert [(i.kind, [p.label for p in i.participants]) for i in extraction.interactions[1:]] == [
        ("Talks", ["Wendy Sherman", "Sylvanian counterparts"])
    ]


def test_a_meeting_between_the_officials_of_two_states_named_by_post_is_theirs() -> None:
    extraction = _one(
        CALL + "They welcomed the recent meeting between the Peruvian and Chilean Foreign "
        "Ministers in Santiago."
    )
    [meeting] = extraction.interactions[1:]
    assert (meeting.kind, meeting.place and meeting.place.label) == ("Meeting", "Santiago")
    assert [(p.label, p.kind, p.nationality) for p in meeting.participants] == [
        ("Peruvian Foreign Minister", "Person", ID + "peru"),
        ("Chilean Foreign Minister", "Person", ID + "chile"),
    ]


def test_a_meeting_between_officials_of_an_unknown_state_names_no_one() -> None:
    extraction = _one(
        CALL + "They welcomed the recent meeting between the Quorvanian and Chilean Foreign "
        "Ministers in Santiago."
    )
    assert _found(extraction)[1:] == []


def test_a_call_via_video_teleconference_is_a_video_call() -> None:
    extraction = _one(
        "Secretary Austin spoke today with Freedonian Defense Minister Lev Petrov via video "
        "teleconference."
    )
    assert [i.kind for i in extraction.interactions] == ["VideoCall"]


def test_regression_joined_for_a_named_meeting_was_added_to_the_bilateral_one() -> None:
    extraction = _one(
        "Secretary Ruiz met today with Freedonian Foreign Minister Lev Petrov in Valbourg. "
        "Following their bilateral meeting, Secretary Ruiz and Foreign Minister Petrov were "
        "joined by Ruritanian Foreign Minister Ivo Novak for the 14th Trilateral Foreign "
        "Ministerial Meeting. The three ministers condemned the missile launches. The ministers "
        "also reaffirmed their opposition to coercion."
    )
    assert dated(extraction) == [
        ("Meeting", ["Ruiz", "Lev Petrov"], "2022-03-11"),
        ("Meeting", ["Ruiz", "Lev Petrov", "Ivo Novak"], "2022-03-11"),
    ]
    assert extraction.interactions[1].place is not None
    assert [s.speaker.label for s in extraction.statements] == [
        "Ruiz",
        "Lev Petrov",
        "Ivo Novak",
    ] * 2
