"""The reference layer (src/diplograph/extract/references.py): cited agreements, principles,
summits, conferences, initiatives, working groups, dialogues and organisations, minted when cited.
Every sentence here is written for the test, not taken from the corpus."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pyoxigraph as ox
import pytest

from diplograph.extract.corpus import Article
from diplograph.extract.gold import reference_items
from diplograph.extract.model import Extraction
from diplograph.extract.references import find_references
from diplograph.extract.run import Result, extract_articles, serialize
from diplograph.project import Project
from diplograph.validate import validate
from diplograph.vocab import DIP, ID, PREFIXES, graph_iri

ROOT = Path(__file__).resolve().parents[1]


def _found(text: str) -> list[tuple[str, str]]:
    return [(c.kind, c.label) for c in find_references(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "recalled the Helsinki Final Act and the Dayton Accords",
            [("Agreement", "Dayton Accords")],
        ),
        ("welcomed the Paris Agreement", [("Agreement", "Paris Agreement")]),
        ("upheld the Geneva Conventions", []),  # a plural head not in the list: nothing guessed
        ("pointed to the Treaty of Tlatelolco", [("Agreement", "Treaty of Tlatelolco")]),
        (
            "recalled UN Security Council Resolution 2231",
            [("Agreement", "UN Security Council Resolution 2231")],
        ),
        ("urged full implementation of the Minsk agreements", [("Agreement", "Minsk agreements")]),
        (
            "cited several UN General Assembly resolutions",
            [("Agreement", "UN General Assembly resolutions")],
        ),
        ("called for a return to the JCPOA", [("Agreement", "JCPOA")]),
        ("backed the region's seven-point plan", [("Agreement", "seven-point plan")]),
        ("defended freedom of navigation in the strait", [("Principle", "freedom of navigation")]),
        (
            "upheld the principles of sovereign equality",
            [("Principle", "principles of sovereign equality")],
        ),
        ("looked ahead to the G20 Summit in Bali", [("Summit", "G20 Summit")]),
        ("praised the Summit for Democracy", [("Summit", "Summit for Democracy")]),
        ("prepared the Conference on Disarmament", [("Conference", "Conference on Disarmament")]),
        ("ahead of the OSCE Ministerial Council", []),  # no head word at the end
        ("ahead of the Pacific Islands Forum", [("Conference", "Pacific Islands Forum")]),
        ("launched the Clean Water Initiative", [("Initiative", "Clean Water Initiative")]),
        (
            "joined the Global Methane Pledge initiative",
            [("Initiative", "Global Methane Pledge initiative")],
        ),
        ("convened the Arctic Working Group", [("WorkingGroup", "Arctic Working Group")]),
        (
            "resumed the U.S.-Mexico High-Level Security Dialogue",
            [("Interaction", "U.S.-Mexico High-Level Security Dialogue")],
        ),
        (
            "strengthened the U.S.-Philippines Alliance",
            [("Agreement", "U.S.-Philippines Alliance")],
        ),
        ("joined the Alliance for Clean Oceans", [("Initiative", "Alliance for Clean Oceans")]),
        (
            "briefed delegates in Geneva for the Nuclear Security Summit",
            [("Summit", "Nuclear Security Summit")],
        ),
        (
            "addressed the Review Conference of the Biological Weapons Convention",
            [
                ("Conference", "Review Conference of the Biological Weapons Convention"),
                ("Agreement", "Biological Weapons Convention"),
            ],
        ),
        ("Secretary Rubio spoke with Minister Sikorski", []),
        (
            "looked ahead to the adoption of the NATO Strategic Concept",
            [("Agreement", "NATO Strategic Concept")],
        ),
        ("backed the Somalia peace process", [("Initiative", "Somalia peace process")]),
        (
            "upheld the principles of the UN Charter",
            [("Principle", "principles of the UN Charter")],
        ),
        ("restoring order through a Kenyan-led dialogue", []),  # a process described, not named
        # earlier meetings: dated, or said to be earlier
        (
            "built on the March 3 ministerial meeting",
            [("Interaction", "March 3 ministerial meeting")],
        ),
        (
            "recalled their previous conversation with Chancellor Scholz.",
            [("Interaction", "previous conversation with Chancellor Scholz")],
        ),
        (
            "followed up on the October 12 Summit between President Lula and Prime Minister Modi",
            [("Summit", "October 12 Summit between President Lula and Prime Minister Modi")],
        ),
        (
            "to implement the steps as agreed by President Macron and Chancellor Scholz in Aachen",
            [("Interaction", "meeting by President Macron and Chancellor Scholz in Aachen")],
        ),
        ("said the meeting was at last productive", []),
        # a ceasefire or truce is an agreement of its parties
        (
            "welcomed the ceasefire between Armenia and Azerbaijan",
            [("Agreement", "ceasefire between Armenia and Azerbaijan")],
        ),
        (
            "helped secure a truce in Sudan after months of fighting",
            [("Agreement", "truce in Sudan")],
        ),
        # principles: international law, a charter's, an organisation's, a named set
        ("insisted on respect for international law at sea", [("Principle", "international law")]),
        (
            "called the strike a breach of international law and principles",
            [("Principle", "international law and principles")],
        ),
        (
            "called the raid a breach of international law and the Arctic Council principles",
            [("Principle", "international law"), ("Principle", "Arctic Council principles")],
        ),
        ("upheld the Vienna Guiding Principles", [("Principle", "Vienna Guiding Principles")]),
        (
            "defended the principles enshrined in the UN and Arab League Charters",
            [("Principle", "principles enshrined in the UN and Arab League Charters")],
        ),
        ("backed a negotiated two-state solution", [("Principle", "two-state solution")]),
        # an earlier session of a body, named with its date
        (
            "built on the March 4 U.S.-Chile Joint Commission",
            [("Interaction", "March 4 U.S.-Chile Joint Commission")],
        ),
        # a body before a title it gives ("a ... Co-Chair"), a roadmap, a fair, a statement
        (
            "said Norway remains a Lake Chad Contact Group Co-Chair",
            [("WorkingGroup", "Lake Chad Contact Group")],
        ),
        (
            "tracked progress under the Roadmap for a Greener Danube Partnership",
            [("Agreement", "Roadmap for a Greener Danube Partnership")],
        ),
        ("will attend this year's Lagos Trade Fair", [("Conference", "Lagos Trade Fair")]),
        (
            "welcomed the Quad Leaders\u2019 Joint Statement",
            [("Agreement", "Quad Leaders\u2019 Joint Statement")],
        ),
        # a name's own possessive is no part of it
        ("praised the Paris Agreement\u2019s ambition", [("Agreement", "Paris Agreement")]),
        # a political process named by its sponsor or its place
        (
            "backed the UN-led political process for Cyprus",
            [("Initiative", "UN-led political process for Cyprus")],
        ),
        (
            "welcomed Yemen\u2019s UN-facilitated political process",
            [("Initiative", "Yemen\u2019s UN-facilitated political process")],
        ),
        # a ceasefire sought is no agreement yet
        ("urged both sides to commit to an immediate, lasting ceasefire", []),
        ("backed efforts to reach a truce in Sudan", []),
        ("voiced support for a comprehensive cease-fire in Libya", []),
        # a body named by what it works on, in lower case
        (
            "agreed to set up a working group on water management and a task force on "
            "border crossings",
            [
                ("WorkingGroup", "working group on water management"),
                ("WorkingGroup", "task force on border crossings"),
            ],
        ),
        # an en dash between spaces joins two states' names, as a hyphen does
        (
            "reaffirmed the Peru \u2013 Chile Alliance",
            [("Agreement", "Peru \u2013 Chile Alliance")],
        ),
        # regression: a comma left out ("the Peru-Chile Alliance the Enduring Alliance") ran two
        # names into one; "the" joins words of one name only after "of", "for", "on" ...
        (
            "reaffirmed the Peru-Chile Alliance the Enduring Alliance",
            [("Agreement", "Peru-Chile Alliance"), ("Agreement", "Enduring Alliance")],
        ),
        ("attended the Summit of the Andes", [("Summit", "Summit of the Andes")]),
        # the title of its chair is no part of a meeting's name
        (
            "spoke as the Chair of the Lima Foreign Ministers\u2019 Meeting",
            [("Conference", "Lima Foreign Ministers\u2019 Meeting")],
        ),
        # regression: "the Non-Proliferation and Disarmament Initiative" was cut at "and"
        (
            "strengthen the Andean Security and Mining Initiative",
            [("Initiative", "Andean Security and Mining Initiative")],
        ),
        # two names after "and" stay two
        (
            "the Lima Trade Agreement and Quito Water Agreement",
            [("Agreement", "Lima Trade Agreement"), ("Agreement", "Quito Water Agreement")],
        ),
        ("the Chile and Peru Accord", [("Agreement", "Chile and Peru Accord")]),
        ("between Chile and Peru", []),
    ],
)
def test_cited_items_by_their_head_word(text: str, expected: list[tuple[str, str]]) -> None:
    assert _found(text) == expected


def _extract(text: str) -> tuple[list[ox.Quad], list[tuple[str, str, str]]]:
    article = Article("reference-test", text, dt.date(2022, 9, 14), "U.S. Department of State")
    result = extract_articles(Project(ROOT), [article])
    cited = [
        (s.speaker.label, c.kind, c.label)
        for s in result.extractions[0].statements
        for c in s.cites
    ]
    return result.quads, cited


def test_references_are_minted_with_who_cites_them() -> None:
    quads, cited = _extract(
        "Secretary of State Antony J. Blinken spoke today with Kenyan Foreign Minister Alfred "
        "Mutua. Secretary Blinken welcomed the Lake Victoria Water Agreement and looked forward "
        "to the Nile Basin Summit."
    )
    assert cited == [
        ("Antony Blinken", "Agreement", "Lake Victoria Water Agreement"),
        ("Antony Blinken", "Summit", "Nile Basin Summit"),
    ]
    triples = {
        (str(q.subject.value), q.predicate.value, str(q.object.value))
        for q in quads
        if not isinstance(q.subject, ox.Triple) and not isinstance(q.object, ox.Triple)
    }
    agreement = ID + "agreement/lake-victoria-water-agreement"
    summit = ID + "event/nile-basin-summit"
    assert (agreement, PREFIXES["rdf"] + "type", DIP + "Agreement") in triples
    assert (agreement, PREFIXES["rdfs"] + "label", "Lake Victoria Water Agreement") in triples
    assert (summit, PREFIXES["rdf"] + "type", PREFIXES["schema"] + "Event") in triples
    citing = {s for s, p, o in triples if p == DIP + "cites" and o == agreement}
    citing_the_summit = {s for s, p, o in triples if p == DIP + "cites" and o == summit}
    assert len(citing) == 1 and citing == citing_the_summit


def test_an_organisation_is_cited_as_a_framework_unless_it_is_a_party() -> None:
    _, cited = _extract(
        "Secretary of State Antony J. Blinken spoke today with Kenyan Foreign Minister Alfred "
        "Mutua. Secretary Blinken stressed the role of the African Union in mediation."
    )
    assert ("Antony Blinken", "Organization", "African Union") in cited
    _, cited = _extract(
        "Secretary of State Antony J. Blinken spoke today with African Union Commission "
        "Chairperson Moussa Faki. Secretary Blinken praised the African Union Commission for its "
        "mediation."
    )
    assert [c for c in cited if c[1] == "Organization"] == []


def test_an_organisation_named_like_a_programme_is_the_organisation() -> None:
    _, cited = _extract(
        "Secretary of State Antony J. Blinken spoke today with Kenyan Foreign Minister Alfred "
        "Mutua. Secretary Blinken praised Kenya's contribution through the World Food Program "
        "and its leadership in APEC."
    )
    organizations = {c[2] for c in cited if c[1] == "Organization"}
    assert organizations >= {"World Food Programme", "Asia-Pacific Economic Cooperation"}
    assert not any(c[1] == "Initiative" for c in cited)


def test_an_organisation_a_summit_is_named_after_stays_citable() -> None:
    # the sides of the "U.S.-ASEAN Summit" meet there, but take no part in a reported interaction
    _, cited = _extract(
        "Secretary of State Antony J. Blinken spoke today with Kenyan Foreign Minister Alfred "
        "Mutua. They discussed the upcoming U.S.-ASEAN Special Summit. Secretary Blinken stressed "
        "that the United States would work closely with ASEAN."
    )
    assert ("Antony Blinken", "Organization", "Association of Southeast Asian Nations") in cited


def test_an_earlier_meeting_is_minted_under_its_article() -> None:
    quads, cited = _extract(
        "Secretary of State Antony J. Blinken spoke today with Kenyan Foreign Minister Alfred "
        "Mutua. Secretary Blinken welcomed progress since their June 2 meeting in Nairobi."
    )
    assert cited == [("Antony Blinken", "Interaction", "June 2 meeting")]
    event = ID + "reference-test/cited-june-2-meeting"
    assert ox.Quad(
        ox.NamedNode(event),
        ox.NamedNode(PREFIXES["rdf"] + "type"),
        ox.NamedNode(PREFIXES["schema"] + "Event"),
        ox.NamedNode(graph_iri("extracted-actors")),
    ) in set(quads)


def test_a_ceasefire_is_an_agreement_of_its_article_not_every_ceasefire() -> None:
    # "the ceasefire" of one text is not the ceasefire of another: minted under the article
    quads, cited = _extract(
        "Secretary of State Antony J. Blinken spoke today with Kenyan Foreign Minister Alfred "
        "Mutua. Secretary Blinken welcomed the ceasefire."
    )
    assert cited == [("Antony Blinken", "Agreement", "ceasefire")]
    assert ox.NamedNode(ID + "reference-test/cited-ceasefire") in {q.object for q in quads}


def test_a_working_group_named_by_its_topic_is_one_of_its_article() -> None:
    # two texts' "working group on energy" are not one body: minted under the article
    quads, cited = _extract(
        "Secretary of State Antony J. Blinken spoke today with Kenyan Foreign Minister Alfred "
        "Mutua. The two sides agreed to launch a working group on energy and climate."
    )
    assert cited == [
        ("Antony Blinken", "WorkingGroup", "working group on energy and climate"),
        ("Alfred Mutua", "WorkingGroup", "working group on energy and climate"),
    ]
    minted = ID + "reference-test/cited-working-group-on-energy-and-climate"
    assert ox.NamedNode(minted) in {q.object for q in quads}


# --- what the narrator names: the article's schema:mentions, each tied to its span -------------

CALL = (
    "Secretary of State Antony J. Blinken spoke today with Kenyan Foreign Minister Alfred Mutua. "
)
ITSRDF = "http://www.w3.org/2005/11/its/rdf#"


def _narrated(text: str) -> tuple[Result, Extraction]:
    article = Article("mention-test", text, dt.date(2022, 9, 14), "U.S. Department of State")
    result = extract_articles(Project(ROOT), [article])
    return result, result.extractions[0]


def _mentioned(extraction: Extraction) -> list[tuple[str, str, list[str]]]:
    return [(m.item.kind, m.item.label, [s.text for s in m.evidence]) for m in extraction.mentions]


def test_items_named_in_a_topic_clause_are_the_narrators_not_a_statements() -> None:
    _, extraction = _narrated(
        CALL + "They discussed the Lake Victoria Water Agreement and the upcoming Nile Basin "
        "Summit."
    )
    assert _mentioned(extraction) == [
        ("Agreement", "Lake Victoria Water Agreement", ["Lake Victoria Water Agreement"]),
        ("Summit", "Nile Basin Summit", ["Nile Basin Summit"]),
    ]
    assert [c for s in extraction.statements for c in s.cites] == []


def test_the_summit_an_interaction_is_held_at_is_mentioned() -> None:
    _, extraction = _narrated(
        "Secretary of State Antony J. Blinken met with Kenyan Foreign Minister Alfred Mutua on "
        "the margins of the Horn of Africa Ministerial Conference in Nairobi."
    )
    assert _mentioned(extraction) == [
        (
            "Conference",
            "Horn of Africa Ministerial Conference",
            ["Horn of Africa Ministerial Conference"],
        )
    ]


def test_an_organisation_after_through_or_at_is_a_framework_unless_a_party() -> None:
    _, extraction = _narrated(
        CALL + "They discussed cooperation through the Quad and coordination at the African "
        "Union, and the role of the European Union."
    )
    assert [(kind, label) for kind, label, _ in _mentioned(extraction)] == [
        ("Organization", "Quad"),
        ("Organization", "African Union"),
        ("Organization", "European Union"),  # named in the topic: cited too (the guide)
    ]
    _, extraction = _narrated(
        "Secretary of State Antony J. Blinken spoke today with African Union Commission "
        "Chairperson Moussa Faki. They discussed coordination through the African Union "
        "Commission."
    )
    assert _mentioned(extraction) == []


def test_a_topic_noun_is_no_reference() -> None:
    _, extraction = _narrated(
        CALL + "They discussed the situation in Ukraine, the war in Sudan and regional security."
    )
    assert _mentioned(extraction) == []


def test_what_a_statement_names_it_cites_and_the_narrator_does_not_mention() -> None:
    _, extraction = _narrated(
        CALL + "Secretary Blinken welcomed the Lake Victoria Water Agreement."
    )
    assert _mentioned(extraction) == []
    assert [c.label for s in extraction.statements for c in s.cites] == [
        "Lake Victoria Water Agreement"
    ]


def test_each_span_naming_a_mentioned_item_is_its_evidence() -> None:
    text = (
        CALL + "They discussed the Lake Victoria Water Agreement. They also reviewed how to fund "
        "the Lake Victoria Water Agreement."
    )
    result, extraction = _narrated(text)
    assert _mentioned(extraction) == [
        ("Agreement", "Lake Victoria Water Agreement", ["Lake Victoria Water Agreement"] * 2)
    ]
    agreement = ID + "agreement/lake-victoria-water-agreement"
    first = text.index("Lake Victoria")
    second = text.index("Lake Victoria", first + 1)
    graph = graph_iri("mention-test")
    triples = {
        (str(q.subject.value), q.predicate.value, str(q.object.value))
        for q in result.quads
        if q.graph_name == ox.NamedNode(graph)
        and not isinstance(q.subject, ox.Triple)
        and not isinstance(q.object, ox.Triple)
    }
    assert (ID + "article/mention-test", PREFIXES["schema"] + "mentions", agreement) in triples
    naming = sorted(s for s, p, o in triples if p == ITSRDF + "taIdentRef")
    assert naming == sorted(
        f"{ID}mention-test/char/{start}-{start + 29}" for start in (first, second)
    )
    for span in naming:
        assert (span, PREFIXES["oa"] + "hasSource", ID + "article/mention-test") in triples


def test_narrator_mentions_are_scored_as_references() -> None:
    _, extraction = _narrated(CALL + "They discussed the JCPOA and the Nile Basin Summit.")
    assert [(i.label, i.category) for i in reference_items(extraction)] == [
        ("JCPOA", "agreement"),
        ("Nile Basin Summit", "event"),
    ]


def test_an_article_with_mentions_conforms_to_the_shapes(tmp_path: Path) -> None:
    result, extraction = _narrated(
        CALL + "They discussed the JCPOA, cooperation through the Quad, and the Somalia peace "
        "process ahead of the Nile Basin Summit."
    )
    assert len(extraction.mentions) == 4
    out = tmp_path / "mentions.nq"
    out.write_bytes(serialize(result.quads, "nquads"))
    validation = validate(Project(ROOT), [out])
    assert [str(r) for r in validation.results] == []


def _organizations(text: str) -> list[tuple[str, list[str]]]:
    _, extraction = _narrated(text)
    return [
        (label, spans) for kind, label, spans in _mentioned(extraction) if kind == "Organization"
    ]


def test_an_organisation_named_in_a_topic_is_mentioned_also_as_a_modifier() -> None:
    assert _organizations(
        CALL + "They discussed support for NATO Allies, sanctions by G7 members, and EU "
        "accession for Moldova."
    ) == [
        ("North Atlantic Treaty Organization", ["NATO"]),
        ("G7", ["G7"]),
        ("European Union", ["EU"]),
    ]
    # "the NATO Alliance" is NATO, not an alliance agreement
    assert _organizations(CALL + "They touched upon the NATO Alliance.") == [
        ("North Atlantic Treaty Organization", ["NATO Alliance"])
    ]


def test_an_organisation_in_a_longer_name_or_as_a_subject_is_not_mentioned() -> None:
    assert (
        _organizations(
            CALL + "They discussed the tariffs the United States and EU have imposed, and the "
            "plans of the Kenyan Minister for EU Funds."
        )
        == []
    )
    assert (
        _organizations(CALL + "They discussed a report by Amina Diallo, Chair of the OECD.") == []
    )


def test_a_body_of_an_organisation_is_cited_by_its_own_name() -> None:
    result, extraction = _narrated(
        CALL + "They discussed cooperation at the UN Security Council and the coming presidency "
        "of the Council of the EU."
    )
    # one body however its organisation is named: labelled by the organisation's label, known
    # by the text's form, part of the organisation
    assert _mentioned(extraction) == [
        ("Organization", "United Nations Security Council", ["UN Security Council"]),
        ("Organization", "Council of the European Union", ["Council of the EU"]),
    ]
    bodies = [m.item for m in extraction.mentions]
    assert [sorted(b.aliases) for b in bodies] == [
        ["UN Security Council", "United Nations Security Council"],
        ["Council of the EU", "Council of the European Union"],
    ]
    owners = [result.registry.actors[b.part_of or ""].label for b in bodies]
    assert owners == ["United Nations", "European Union"]


def test_an_organisation_its_group_of_participants_belongs_to_is_a_party() -> None:
    assert (
        _organizations(
            "On May 3, Special Envoy Jane Harlow led a delegation of the Department of State to "
            "continue discussions with senior Taliban representatives in Doha, Qatar. The "
            "delegation raised concerns about interference by the Taliban in the delivery of aid."
        )
        == []
    )


def test_a_reworded_label_keeps_the_span_of_its_words() -> None:
    text = "reinforced the vision of a free and open Indo-Pacific. They met again."
    (cited,) = find_references(text, 0, text.index(" They"))
    assert (cited.label, text[cited.start : cited.end]) == (
        "free and open Indo-Pacific",
        "the vision of a free and open Indo-Pacific",
    )
