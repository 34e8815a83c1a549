"""Statements: one per reporting clause, the kind from the clause, joint and state speakers,
transcripts with speaker labels, and reported speech that stays a claim (issue 9, section 2).
Every text here is written for the test, not taken from the corpus."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from diplograph.extract.corpus import Article
from diplograph.extract.model import Extraction
from diplograph.extract.run import extract_articles
from diplograph.project import Project
from diplograph.vocab import ID

PROJECT = Project(Path(__file__).resolve().parents[1])
CALL = (
    "Secretary of State Antony J. Blinken spoke today with Ukrainian Foreign Minister Dmytro "
    "Kuleba. "
)


def _one(text: str) -> Extraction:
    article = Article("a", text, dt.date(2022, 6, 24), "U.S. Department of State")
    return extract_articles(PROJECT, [article]).extractions[0]


def _said(extraction: Extraction) -> list[tuple[str, str, str | None, str]]:
    """(speaker, kind, target, first evidence) of each statement."""
    return [
        (
            s.speaker.iri.removeprefix(ID),
            s.kind,
            s.target.iri.removeprefix(ID) if s.target else None,
            s.evidence[0].text,
        )
        for s in extraction.statements
    ]


def test_a_sentence_with_several_reporting_clauses_is_several_statements() -> None:
    extraction = _one(
        CALL + "The Secretary denounced Russia\u2019s strikes on power stations and pressed "
        "Russia to withdraw its troops, stressing that the United States will keep supplying "
        "Ukraine\u2019s air defenses."
    )
    assert _said(extraction) == [
        (
            "antony-blinken",
            "Criticism",
            "russia",
            "denounced Russia\u2019s strikes on power stations",
        ),
        ("antony-blinken", "Demand", "russia", "withdraw its troops"),
        (
            "antony-blinken",
            "Commitment",
            None,
            "stressing that the United States will keep supplying Ukraine\u2019s air defenses",
        ),
    ]
    assert extraction.statements[1].action == "withdraw its troops"


def test_a_clause_with_a_subject_of_its_own_has_its_own_speakers() -> None:
    extraction = _one(
        CALL + "The Secretary thanked the Foreign Minister for the briefing, and the two sides "
        "agreed to meet again in the autumn."
    )
    assert _said(extraction) == [
        ("antony-blinken", "Assertion", None, "thanked the Foreign Minister for the briefing"),
        ("antony-blinken", "AgreementStatement", None, "agreed to meet again in the autumn"),
        ("dmytro-kuleba", "AgreementStatement", None, "agreed to meet again in the autumn"),
    ]


def test_joint_speakers_of_two_sides_and_a_joint_welcome_is_an_agreement() -> None:
    extraction = _one(
        CALL + "The Secretary and the Foreign Minister welcomed the reopening of the Black Sea "
        "ports. The Secretary welcomed the new grain corridor."
    )
    assert [(s, k) for s, k, _, _ in _said(extraction)] == [
        ("antony-blinken", "AgreementStatement"),  # said by both sides together
        ("dmytro-kuleba", "AgreementStatement"),
        ("antony-blinken", "Assertion"),  # one speaker welcoming something
    ]
    sides = [
        s.on_behalf_of.iri.removeprefix(ID) for s in extraction.statements[:2] if s.on_behalf_of
    ]
    assert sides == ["united-states", "ukraine"]  # each speaker keeps its own side


def test_they_in_the_sentence_that_names_the_group() -> None:
    extraction = _one(
        "Secretary of State Antony J. Blinken met with Japanese Foreign Minister Hayashi Yoshimasa "
        "in Tokyo today, where they renewed their pledge to deepen cooperation on critical "
        "minerals. They also pledged to coordinate on export controls."
    )
    assert [(s, k) for s, k, _, _ in _said(extraction)] == [
        ("antony-blinken", "Commitment"),
        ("hayashi-yoshimasa", "Commitment"),
    ]


def test_a_state_is_a_speaker() -> None:
    extraction = _one(
        CALL + "The United States reaffirmed its support for Ukraine\u2019s recovery."
    )
    assert _said(extraction) == [
        (
            "united-states",
            "Commitment",
            None,
            "The United States reaffirmed its support for Ukraine\u2019s recovery.",
        )
    ]
    assert extraction.statements[0].on_behalf_of is extraction.statements[0].speaker


def test_the_kind_comes_from_the_clause() -> None:
    extraction = _one(
        CALL + "The Secretary underlined the U.S. commitment to Ukraine\u2019s reconstruction. "
        "The Secretary stressed the need for all parties to protect civilians. "
        "The Secretary raised serious concerns over Russia\u2019s deportation of children. "
        "The Secretary cautioned that Moscow would face severe consequences. "
        "The Secretary made clear that Russia would face severe consequences for any attack. "
        "The Secretary offered to host a donors\u2019 conference. "
        "The Secretary rejected Russia\u2019s claims to annex Ukrainian land. "
        "The Secretary and the Foreign Minister reviewed the battlefield situation."
    )
    assert [k for _, k, _, _ in _said(extraction)] == [
        "Commitment",  # "underlined the U.S. commitment to": binds its side
        "Assertion",  # "stressed the need for": the verb decides
        "Criticism",  # "raised concerns over" another state's conduct
        "Warning",  # "cautioned that", a news verb of warning
        "Warning",  # "made clear that ... would face severe consequences"
        "Proposal",
        "Rejection",
    ]  # "reviewed" is a topic, no statement


def test_offered_sentiments_and_a_side_resolved_to_act() -> None:
    extraction = _one(
        CALL + "The Secretary offered steadfast solidarity with the people of the flooded towns. "
        "The Secretary offered technical help to restore the power grid. "
        "The Secretary emphasized that the United States and its partners are resolved to keep "
        "the grain corridor open."
    )
    assert [k for _, k, _, _ in _said(extraction)] == [
        "Assertion",  # solidarity is a sentiment offered, no offer of action
        "Proposal",
        "Commitment",  # the speaker's side, with its partners, binds itself
    ]


def test_called_for_without_an_infinitive_is_a_demand() -> None:
    extraction = _one(CALL + "The Secretary condemned the shelling and called for accountability.")
    assert [(s.kind, s.action) for s in extraction.statements] == [
        ("Criticism", None),
        ("Demand", "accountability"),
    ]


def test_a_transcript_speaker_label_gives_the_speaker_of_its_turn() -> None:
    extraction = _one(
        "Antony J. Blinken, Secretary of State\n\n"
        "SECRETARY BLINKEN: Good afternoon, everyone. We are committed to helping our partners "
        "rebuild their power grid. I think this winter will test all of us.\n\n"
        "Q: Mr. Secretary, will you send more air defense systems?\n\n"
        "SECRETARY BLINKEN: We will keep working with Congress on that. Thank you all."
    )
    assert [(s, k, e) for s, k, _, e in _said(extraction)] == [
        (
            "antony-blinken",
            "Commitment",
            "We are committed to helping our partners rebuild their power grid.",
        ),
        ("antony-blinken", "Assertion", "I think this winter will test all of us."),
        # first person binding the speaker's side: "we will" is a commitment, as "the United
        # States will continue to" is in a readout
        ("antony-blinken", "Commitment", "We will keep working with Congress on that."),
    ]  # the greeting, the question and the thanks are no statements


def test_reported_speech_does_not_become_an_interaction() -> None:
    extraction = _one(
        CALL + "The Foreign Minister noted that President Zelenskyy had met with Polish President "
        "Andrzej Duda in Warsaw on Monday."
    )
    assert [[p.iri.removeprefix(ID) for p in i.participants] for i in extraction.interactions] == [
        ["antony-blinken", "dmytro-kuleba"]
    ]
    assert [(s, k) for s, k, _, _ in _said(extraction)] == [("dmytro-kuleba", "Assertion")]


def test_a_topic_of_the_interaction_is_no_statement() -> None:
    extraction = _one(
        CALL + "The Secretary and the Foreign Minister discussed energy security and exchanged "
        "views on the upcoming summit. Participants discussed reconstruction financing."
    )
    assert extraction.statements == []


def test_welcoming_a_visitor_is_no_statement_but_what_the_host_says_is() -> None:
    extraction = _one(
        "Secretary of State Antony J. Blinken welcomed Ukrainian Foreign Minister Dmytro Kuleba to "
        "the Department of State, where he reaffirmed the U.S. commitment to Ukraine\u2019s "
        "reconstruction."
    )
    assert _said(extraction) == [
        (
            "antony-blinken",
            "Commitment",
            None,
            "reaffirmed the U.S. commitment to Ukraine\u2019s reconstruction",
        )
    ]


def test_praise_and_condolences_are_assertions_whatever_they_mention() -> None:
    extraction = _one(
        CALL + "The Secretary praised Ukraine for condemning the attack on the embassy. The "
        "Secretary reiterated his condolences for the victims of the strike. The Secretary "
        "reaffirmed U.S. readiness to impose severe costs on Russia."
    )
    assert [k for _, k, _, _ in _said(extraction)] == ["Assertion", "Assertion", "Commitment"]


def test_a_participle_clause_before_the_subject_is_a_statement_of_its_own() -> None:
    extraction = _one(
        CALL + "Voicing alarm at the shelling of the nuclear plant, the Secretary urged Russia to "
        "hand the plant back to Ukraine. Expressing concern about Russia\u2019s strikes on the "
        "grid, the Secretary pledged additional generators."
    )
    assert _said(extraction) == [
        ("antony-blinken", "Demand", "russia", "hand the plant back to Ukraine"),
        (
            "antony-blinken",
            "Criticism",
            "russia",
            "Expressing concern about Russia\u2019s strikes on the grid",
        ),
        ("antony-blinken", "Commitment", None, "pledged additional generators"),
    ]  # "Voicing" opens no statement: it is no reporting verb of the list


def test_a_state_speaking_in_the_present() -> None:
    extraction = _one(
        CALL + "The United States remains firmly committed to Ukraine\u2019s recovery. The "
        "United States condemns Russia\u2019s attacks on grain ports."
    )
    assert [(s, k, t) for s, k, t, _ in _said(extraction)] == [
        ("united-states", "Commitment", None),
        ("united-states", "Criticism", "russia"),
    ]


def test_a_plural_subject_is_the_participants_of_the_interaction() -> None:
    extraction = _one(
        "Secretary of State Antony J. Blinken met with Japanese Foreign Minister Hayashi Yoshimasa "
        "and Republic of Korea Foreign Minister Park Jin today. The Secretary and the two foreign "
        "ministers denounced the DPRK\u2019s missile launches; reaffirmed their resolve to deter "
        "aggression; and agreed to hold regular consultations."
    )
    speakers = ["antony-blinken", "hayashi-yoshimasa", "park-jin"]
    assert [(s, k, t, e) for s, k, t, e in _said(extraction)][:3] == [
        (s, "Criticism", "north-korea", "denounced the DPRK\u2019s missile launches")
        for s in speakers
    ]
    assert [(s, k, e) for s, k, _, e in _said(extraction)] == [
        *[(s, "Criticism", "denounced the DPRK\u2019s missile launches") for s in speakers],
        *[(s, "Commitment", "reaffirmed their resolve to deter aggression") for s in speakers],
        *[(s, "AgreementStatement", "agreed to hold regular consultations") for s in speakers],
    ]


def test_on_behalf_of_someone_is_no_second_speaker() -> None:
    extraction = _one(
        CALL + "On behalf of President Biden, the Secretary delivered a message of solidarity to "
        "the people of Ukraine and reflected on the courage of its defenders."
    )
    assert [(s, k, e) for s, k, _, e in _said(extraction)] == [
        (
            "antony-blinken",
            "Assertion",
            "delivered a message of solidarity to the people of Ukraine",
        ),
        ("antony-blinken", "Assertion", "reflected on the courage of its defenders"),
    ]


def test_restating_the_importance_of_something_is_an_assertion() -> None:
    extraction = _one(
        CALL + "The Secretary reiterated the importance of keeping shipping lanes open. The "
        "Secretary reiterated that the United States will help demine farmland."
    )
    assert [k for _, k, _, _ in _said(extraction)] == ["Assertion", "Commitment"]


def test_an_adjective_after_and_opens_no_clause() -> None:
    extraction = _one(
        CALL + "The Secretary praised Ukraine as a reliable and committed partner and an agreed "
        "and shared priority of the alliance."
    )
    assert [(k, e) for _, k, _, e in _said(extraction)] == [
        (
            "Assertion",
            "The Secretary praised Ukraine as a reliable and committed partner and an agreed and "
            "shared priority of the alliance.",
        )
    ]


def test_joint_speakers_never_criticise_address_or_target_one_another() -> None:
    # regression: "They condemned the attack" was Blinken criticising his counterpart, and each
    # the other's addressee
    extraction = _one(
        "Secretary Blinken met with Latvian Foreign Minister Ilse Varnek in Riga today. They "
        "condemned the attack on civilians and urged all parties to respect the ceasefire. They "
        "also condemned Russia\u2019s strikes on the power grid."
    )
    assert [(s, k, t) for s, k, t, _ in _said(extraction)] == [
        ("antony-blinken", "Criticism", None),
        ("ilse-varnek", "Criticism", None),
        ("antony-blinken", "Demand", None),
        ("ilse-varnek", "Demand", None),
        ("antony-blinken", "Criticism", "russia"),
        ("ilse-varnek", "Criticism", "russia"),
    ]  # a target only where the clause names an actor (issue 9), never a co-speaker
    assert all(s.addressees == [] for s in extraction.statements)


def test_first_person_verbs_of_a_speaker_turn_give_their_kind_and_target() -> None:
    extraction = _one(
        "MINISTER VARGA: Thank you, Minister. We call on Borduria\u2019s ally Russia to withdraw "
        "its troops from the border. Hungary will never accept the annexation of Ukrainian "
        "territory. My government is committed to the security of our neighbors. We strongly "
        "condemn the shelling of Kharkiv by Russia.\n\n"
        "MODERATOR: Next question, please."
    )
    speaker = extraction.statements[0].speaker
    assert [(k, t, e) for _, k, t, e in _said(extraction)] == [
        ("Demand", "russia", "withdraw its troops from the border"),
        (
            "Rejection",
            None,
            "Hungary will never accept the annexation of Ukrainian territory.",
        ),
        ("Commitment", None, "My government is committed to the security of our neighbors."),
        ("Criticism", "russia", "We strongly condemn the shelling of Kharkiv by Russia."),
    ]
    assert speaker.label == "Varga"  # the label names the speaker; the moderator says nothing


def test_the_two_sides_are_the_readouts_principals_when_no_interaction_is_found() -> None:
    extraction = _one(
        "The following is attributable to Spokesperson Ned Price: Secretary Blinken and Chilean "
        "Foreign Minister Ana Soto discussed regional security today. The two sides agreed to "
        "deepen cooperation on critical minerals. Both sides condemned Russia\u2019s attacks on "
        "Ukraine\u2019s energy grid."
    )
    assert extraction.interactions == []  # "discussed" reports no meeting or call
    assert [(s, k, t) for s, k, t, _ in _said(extraction)] == [
        ("antony-blinken", "AgreementStatement", None),
        ("ana-soto", "AgreementStatement", None),
        ("antony-blinken", "Criticism", "russia"),
        ("ana-soto", "Criticism", "russia"),
    ]  # and the spokesperson of the attribution is no speaker


def test_a_plural_title_as_subject_is_the_participants() -> None:
    extraction = _one(
        "Special Envoy Mara Lind of Sweden spoke today with Special Envoy Piet Ruiz of Spain. The "
        "Special Envoys condemned Russia\u2019s attacks on grain ports, and the group further "
        "noted the importance of humanitarian corridors."
    )
    assert [(s, k) for s, k, _, _ in _said(extraction)] == [
        ("mara-lind", "Criticism"),
        ("piet-ruiz", "Criticism"),
        ("mara-lind", "Assertion"),
        ("piet-ruiz", "Assertion"),
    ]


def test_looking_forward_is_an_assertion_and_will_continue_to_a_commitment() -> None:
    extraction = _one(
        CALL + "The United States will continue to support Ukraine\u2019s energy security and "
        "looks forward to working with the Foreign Minister on demining."
    )
    assert [(s, k, e) for s, k, _, e in _said(extraction)] == [
        (
            "united-states",
            "Commitment",
            "will continue to support Ukraine\u2019s energy security",
        ),
        (
            "united-states",
            "Assertion",
            "looks forward to working with the Foreign Minister on demining",
        ),
    ]


def test_a_restated_stance_binds_the_side_and_a_restated_fact_does_not() -> None:
    extraction = _one(
        CALL + "The Secretary reaffirmed the strength of the U.S.-Ukraine partnership. He "
        "reiterated our shared priority to protect civilians. He reaffirmed his support for "
        "Ukraine\u2019s sovereignty. He reiterated U.S. concerns about Belarus\u2019s military "
        "drills. The Secretary and the Foreign Minister expressed strong support for the grain "
        "corridor."
    )
    assert [(s, k, t) for s, k, t, _ in _said(extraction)] == [
        ("antony-blinken", "Assertion", None),
        ("antony-blinken", "Commitment", None),
        ("antony-blinken", "Commitment", None),
        ("antony-blinken", "Criticism", "belarus"),
        ("antony-blinken", "Assertion", None),  # "A and the B": both are its speakers
        ("dmytro-kuleba", "Assertion", None),
    ]


def test_a_speaker_label_names_a_person_the_text_has_not_named() -> None:
    # regression: a label of someone neither the text nor the registry knew gave no speaker, and
    # the whole turn was lost
    extraction = _one(
        "AMBASSADOR NORA VAN-DER-BERG: Good morning, everyone. I want to start by thanking all "
        "of you for coming today. Our mission has worked hard on food security this month. Now, "
        "I\u2019m pleased to introduce our guest. So everyone, please join me in welcoming her.\n\n"
        "INTERPRETER: (In Dutch.)"
    )
    assert [(s.speaker.label, s.evidence[0].text) for s in extraction.statements] == [
        ("Nora Van-Der-Berg", "Our mission has worked hard on food security this month.")
    ]  # the greeting, the thanks, the introduction and the interpreter are no statements


ESTONIA = (
    "Secretary of State Antony J. Blinken met today with Estonian Foreign Minister Kaja Tamm in "
    "Tallinn. "
)


def test_a_participle_after_while_is_a_statement_of_its_own() -> None:
    # "discussed X while reaffirming": the topic is no statement, the participle is, with the
    # subject of the main clause ("Participants", a bare plural: both sides)
    extraction = _one(
        ESTONIA + "Participants discussed the energy crisis while reaffirming their readiness to "
        "impose severe costs on any aggressor. The Secretary underscored the value of the Baltic "
        "partnership, while recognizing Estonia\u2019s role in regional security."
    )
    assert [(s, k, e) for s, k, _, e in _said(extraction)] == [
        (
            "antony-blinken",
            "Commitment",
            "reaffirming their readiness to impose severe costs on any aggressor",
        ),
        (
            "kaja-tamm",
            "Commitment",
            "reaffirming their readiness to impose severe costs on any aggressor",
        ),
        ("antony-blinken", "Assertion", "underscored the value of the Baltic partnership"),
        ("antony-blinken", "Assertion", "recognizing Estonia\u2019s role in regional security"),
    ]


def test_gapped_objects_of_different_kinds_are_two_statements() -> None:
    extraction = _one(
        ESTONIA + "The Secretary reiterated the importance of free elections and support for "
        "Estonia\u2019s right to defend itself. He emphasized the enduring and steadfast support "
        "for Estonia\u2019s sovereignty."
    )
    assert [(k, e) for _, k, _, e in _said(extraction)] == [
        ("Assertion", "The Secretary reiterated the importance of free elections"),
        ("Commitment", "support for Estonia\u2019s right to defend itself"),
        # regression: "enduring and steadfast support" was cut at its "and"
        (
            "Commitment",
            "He emphasized the enduring and steadfast support for Estonia\u2019s sovereignty.",
        ),
    ]


def test_the_speakers_side_continuing_to_act_is_a_commitment() -> None:
    extraction = _one(
        ESTONIA + "He said the United States would continue to support Estonia\u2019s defense "
        "modernization, while reaffirming that the United States continues to seek dialogue "
        "with its neighbors. He said Russia would continue its drills."
    )
    assert [k for _, k, _, _ in _said(extraction)] == ["Commitment", "Commitment", "Assertion"]


def test_names_without_a_verb_in_a_turn_are_no_statement() -> None:
    extraction = _one(
        "SECRETARY BLINKEN: Our teams have worked on the grain corridor all week.\n\n"
        "SECRETARY BLINKEN: Oslo, Bergen, Troms\u00f8.\n\n"
        "SECRETARY BLINKEN: We will keep pressing for a lasting peace."
    )
    assert [(k, e) for _, k, _, e in _said(extraction)] == [
        ("Assertion", "Our teams have worked on the grain corridor all week."),
        ("Commitment", "We will keep pressing for a lasting peace."),
    ]


def test_a_reporting_verb_coordinated_with_the_meeting_has_its_subject() -> None:
    # "A spoke with B and underscored ...": A, not B, nor nobody
    extraction = _one(
        "Secretary of State Antony J. Blinken spoke today with Estonian Foreign Minister Kaja "
        "Tamm and underscored the shared desire for a stable bilateral relationship. The "
        "agenda of the talks with Foreign Minister Tamm was long and underscored their ties."
    )  # the agenda is no speaker, and Tamm, who does not open the sentence, is not its subject
    assert [(s, k) for s, k, _, _ in _said(extraction)] == [("antony-blinken", "Assertion")]


def test_states_listed_as_examples_are_no_speakers() -> None:
    # regression: "including X and Y, and the Secretary commended" made X and Y speakers
    extraction = _one(
        ESTONIA + "They discussed regional developments, including Latvia and Lithuania, and the "
        "Secretary commended Estonia\u2019s leadership in the region."
    )
    assert [(s, k) for s, k, _, _ in _said(extraction)] == [("antony-blinken", "Assertion")]


def test_a_sentence_about_the_states_it_opens_with_is_the_narrators() -> None:
    # a sentence without a reporting verb continues the paragraph's speaker, unless it opens
    # with states: "The United States and Estonia are partners in ..." is the readout's voice
    extraction = _one(
        ESTONIA + "The Secretary stressed the importance of energy security. The United States "
        "and Estonia are partners in promoting prosperity. This work will grow every year."
    )
    assert [e for _, _, _, e in _said(extraction)] == [
        "The Secretary stressed the importance of energy security.",
        "This work will grow every year.",
    ]


def test_reporting_verbs_of_news_prose_in_the_past_and_the_present() -> None:
    # other publishers write "says", "stated", "warns": the same kinds as the readouts' verbs
    extraction = _one(
        ESTONIA + "Tamm says the talks were useful. The Secretary warns that further aggression "
        "would be met with severe costs. Tamm stated that Estonia remains committed to the "
        "alliance. The Secretary rejects any change of borders by force."
    )
    assert [(s, k) for s, k, _, _ in _said(extraction)] == [
        ("kaja-tamm", "Assertion"),
        ("antony-blinken", "Warning"),
        ("kaja-tamm", "Commitment"),
        ("antony-blinken", "Rejection"),
    ]


def test_according_to_an_actor_is_that_actors_statement() -> None:
    extraction = _one(
        ESTONIA + "According to Foreign Minister Tamm, Estonia will never accept a change of "
        "borders by force. According to reports, the talks were long."
    )
    assert [(s, k) for s, k, _, _ in _said(extraction)] == [("kaja-tamm", "Rejection")]


def test_a_purpose_clause_of_the_interaction_is_a_statement_of_its_subject() -> None:
    # "spoke with B to reaffirm X and condemn Y": two statements of A; "to discuss" is a topic,
    # and an infinitive inside the topic ("ways to welcome") is none
    extraction = _one(
        "Secretary of State Antony J. Blinken spoke today with Estonian Foreign Minister Kaja "
        "Tamm to reaffirm the strong U.S.-Estonia alliance and condemn the attacks on Narva.\n\n"
        "Secretary of State Antony J. Blinken met today with Latvian Foreign Minister Juris "
        "Ozols to discuss ways to welcome refugees."
    )
    assert [(s, k, e) for s, k, _, e in _said(extraction)] == [
        ("antony-blinken", "Assertion", "reaffirm the strong U.S.-Estonia alliance"),
        ("antony-blinken", "Criticism", "condemn the attacks on Narva"),
    ]


def test_a_participant_joined_with_an_unresolved_title_is_both_participants() -> None:
    # "The Secretary and Foreign Minister underscored": the role named no one the text knows,
    # yet with the Secretary it is the call's two participants
    extraction = _one(
        "Secretary of State Antony J. Blinken spoke today with Libyan interim Foreign Minister "
        "Najla Mangoush. The Secretary and Foreign Minister discussed the conference and "
        "underscored the importance of elections. All expressed concern over food prices."
    )
    assert [(s, e) for s, _, _, e in _said(extraction)] == [
        ("antony-blinken", "underscored the importance of elections"),
        ("najla-mangoush", "underscored the importance of elections"),
        ("antony-blinken", "All expressed concern over food prices."),
        ("najla-mangoush", "All expressed concern over food prices."),
    ]


def test_condolences_extended_or_offered_are_assertions_and_relayed_stances_bind() -> None:
    extraction = _one(
        ESTONIA + "The Secretary extended his deepest condolences to the families of the victims. "
        "He offered his condolences to the Prime Minister. He offered help with demining. He "
        "relayed that the United States stands with Estonia."
    )
    assert [k for _, k, _, _ in _said(extraction)] == [
        "Assertion",
        "Assertion",
        "Proposal",
        "Commitment",
    ]


def test_an_appeal_for_a_noun_phrase_is_a_demand() -> None:
    said = _said(
        _one(
            CALL + "The Secretary urged continued judicial reforms in Ukraine. The Secretary "
            "encouraged further dialogue and hailed the recent prisoner exchange."
        )
    )
    assert [(speaker, kind) for speaker, kind, _, _ in said] == [
        ("antony-blinken", "Demand"),
        ("antony-blinken", "Demand"),
        ("antony-blinken", "Assertion"),
    ]
    assert said[2][3] == "hailed the recent prisoner exchange"


def test_a_second_predicate_standing_ready_is_a_commitment_of_its_own() -> None:
    said = _said(
        _one(
            CALL + "The Secretary noted that the United States has long backed the talks and "
            "stands ready to help both sides reach a settlement."
        )
    )
    assert [kind for _, kind, _, _ in said] == ["Assertion", "Commitment"]


def test_a_predicate_inside_a_discussed_topic_is_no_statement() -> None:
    extraction = _one(
        CALL + "They discussed the export controls the United States and the EU have imposed "
        "and will continue to impose in response."
    )
    assert extraction.statements == []


def test_a_foreign_states_stance_in_the_present_is_the_narrators() -> None:
    extraction = _one(
        CALL + "Ukraine stands with its neighbours in upholding the UN Charter. The United "
        "States supports Ukraine's efforts to rebuild its energy grid."
    )
    assert [(s.speaker.label, s.kind) for s in extraction.statements] == [
        ("United States", "Assertion")
    ]


def test_they_both_is_the_joint_subject() -> None:
    said = _said(_one(CALL + "They both expressed firm support for Ukraine's sovereignty."))
    assert [speaker for speaker, _, _, _ in said] == ["antony-blinken", "dmytro-kuleba"]


def test_a_commitment_expressed_is_a_commitment() -> None:
    said = _said(_one(CALL + "The Secretary expressed the U.S. commitment to European security."))
    assert [kind for _, kind, _, _ in said] == ["Commitment"]


def test_a_state_object_before_a_comma_and_is_no_joint_speaker() -> None:
    said = _said(
        _one(
            CALL + "They praised the partnership between the United States and Ukraine, and the "
            "Secretary noted the importance of reform."
        )
    )
    assert [(speaker, kind) for speaker, kind, _, _ in said][-1:] == [
        ("antony-blinken", "Assertion")
    ]
    assert not any(speaker in ("united-states", "ukraine") for speaker, _, _, _ in said)


def test_aid_the_publishers_state_has_committed_is_its_commitment() -> None:
    said = _said(
        _one(
            CALL + "The Secretary praised Ukraine's reforms. Since March, the United States has "
            "committed more than $40 million in energy assistance to Ukraine. Since March, the "
            "United States and Ukraine have held four rounds of talks."
        )
    )
    assert [(speaker, kind) for speaker, kind, _, _ in said] == [
        ("antony-blinken", "Assertion"),
        ("united-states", "Commitment"),
    ]


def test_the_importance_after_a_commitment_is_an_assertion_of_its_own() -> None:
    said = _said(
        _one(
            CALL + "The Secretary emphasized our steadfast commitment to Ukraine's defense, as "
            "well as the importance of regional cooperation in the Black Sea."
        )
    )
    assert [(kind, evidence) for _, kind, _, evidence in said] == [
        ("Commitment", "The Secretary emphasized our steadfast commitment to Ukraine's defense"),
        ("Assertion", "the importance of regional cooperation in the Black Sea"),
    ]


def test_a_second_purpose_infinitive_after_and_to_is_a_statement() -> None:
    said = _said(
        _one(
            "Secretary of State Antony J. Blinken spoke today with Ukrainian Foreign Minister "
            "Dmytro Kuleba to congratulate the Ukrainian people on their national day and to "
            "welcome continued cooperation on energy security."
        )
    )
    assert [(kind, evidence) for _, kind, _, evidence in said] == [
        ("Assertion", "congratulate the Ukrainian people on their national day"),
        ("Assertion", "welcome continued cooperation on energy security"),
    ]
