"""Extraction: small articles with exact expected graphs (model v2: coded events, the side a speaker
speaks for, time-bound aliases, claims), the corpus and seed scores, validation, determinism and
errors."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from diplograph.cli import main
from diplograph.errors import DiplographError
from diplograph.extract.corpus import Article, read_jsonl, read_txt
from diplograph.extract.evaluate import main_interaction, score_article, score_corpus
from diplograph.extract.model import Extraction
from diplograph.extract.pipeline import Extractor
from diplograph.extract.run import Result, extract_articles, serialize
from diplograph.extract.text import MAX_SENTENCE, sentences
from diplograph.project import Project
from diplograph.rdfio import read_quads
from diplograph.validate import validate
from diplograph.vocab import CODE, DIP, ID, PREFIXES, compact, graph_iri

ROOT = Path(__file__).resolve().parents[1]
PROJECT = Project(ROOT)
CORPUS = ROOT / "data" / "corpus" / "state-department-readouts.jsonl"
SEED = ROOT / "data" / "articles" / "global-times-2023-06-19-wang-yi-blinken"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
PUBLISHED = dt.date(2022, 6, 24)  # a Friday
STATE = "U.S. Department of State"
SCHEMA = PREFIXES["schema"]

TWO_COUNTERPARTS = (
    "Secretary of State Antony J. Blinken met today in Washington with Japanese Foreign Minister "
    "Hayashi Yoshimasa and Republic of Korea Foreign Minister Park Jin. The Secretary underscored "
    "the importance of trilateral cooperation."
)
CALL = (
    "Deputy Secretary of State Wendy Sherman spoke yesterday with Peruvian Foreign Minister "
    "César Landa. The Deputy Secretary welcomed Peru\u2019s leadership in the region."
)
THE_SECRETARY = (
    "Secretary of State Antony J. Blinken spoke today with Ukrainian Foreign Minister Dmytro "
    "Kuleba. The Secretary urged Russia to withdraw its forces from Ukraine. He reiterated the "
    "U.S. commitment to Ukraine\u2019s sovereignty."
)
RANGE = (
    "Secretary of State Antony J. Blinken held talks with French Foreign Minister Jean-Yves Le "
    "Drian in Paris on June 18-19."
)
NOTHING = "The Department of State released its annual report on religious freedom today."


def _article(
    identifier: str, text: str, published: dt.date = PUBLISHED, publisher: str = STATE
) -> Article:
    return Article(identifier, text, published, publisher)


def _seed() -> Article:
    """The seed article's text, under an id of its own: the curated article has its id."""
    return read_txt(SEED.with_suffix(".txt"), publisher="Global Times", identifier="seed")


def _run(*articles: Article) -> Result:
    return extract_articles(PROJECT, list(articles))


def _one(text: str) -> Extraction:
    return _run(_article("a", text)).extractions[0]


def _interactions(extraction: Extraction) -> list[tuple[str, list[str], str | None, str | None]]:
    rows = []
    for i in extraction.interactions:
        start = i.when.start.isoformat() if i.when else None
        end = i.when.end.isoformat() if i.when and i.when.end else None
        rows.append((i.kind, [p.iri.removeprefix(ID) for p in i.participants], start, end))
    return rows


def _statements(extraction: Extraction) -> list[tuple[str, str, str | None]]:
    return [
        (
            s.speaker.iri.removeprefix(ID),
            s.kind,
            s.target.iri.removeprefix(ID) if s.target else None,
        )
        for s in extraction.statements
    ]


def _graph(result: Result, name: str = "a") -> dict[str, set[tuple[str, str]]]:
    """The named graph ``name`` (an article id, or "extracted-actors"): each subject, compacted,
    with its (predicate, object) pairs, compacted (literals by their value)."""
    subjects: dict[str, set[tuple[str, str]]] = {}
    for quad in result.quads:
        subject, value = quad.subject, quad.object
        if quad.graph_name == ox.NamedNode(graph_iri(name)):
            assert isinstance(subject, ox.NamedNode) and not isinstance(value, ox.Triple)
            pair = (compact(quad.predicate.value), compact(value.value))
            subjects.setdefault(compact(subject.value), set()).add(pair)
    return subjects


def test_a_meeting_with_two_counterparts() -> None:
    extraction = _one(TWO_COUNTERPARTS)
    assert _interactions(extraction) == [
        ("Meeting", ["antony-blinken", "hayashi-yoshimasa", "park-jin"], "2022-06-24", None)
    ]
    assert extraction.interactions[0].place is not None
    assert extraction.interactions[0].place.label == "Washington"
    assert _statements(extraction) == [("antony-blinken", "Assertion", None)]
    assert [(h.person.label, h.post.label) for h in extraction.holdings] == [
        ("Antony Blinken", "US Secretary of State"),  # a known person still holds the post
        ("Hayashi Yoshimasa", "Foreign Minister of Japan"),
        ("Park Jin", "Foreign Minister of South Korea"),
    ]


def test_posts_are_of_the_state_that_holds_them() -> None:
    extraction = _one(
        "Secretary Blinken met today with South African Minister of International Relations "
        "and Cooperation Naledi Pandor and Bulgarian Deputy Prime Minister for EU Funds Assen "
        "Vassilev. The Secretary also thanked Prime Minister Kishida."
    )
    assert [(h.person.label, h.post.label) for h in extraction.holdings] == [
        ("Naledi Pandor", "Minister of International Relations and Cooperation of South Africa"),
        ("Assen Vassilev", "Deputy Prime Minister for EU Funds of Bulgaria"),
    ]


def _holdings(extraction: Extraction) -> list[tuple[str, str | None, str]]:
    return [
        (h.person.label, (h.person.nationality or "").removeprefix(ID) or None, h.post.label)
        for h in extraction.holdings
    ]


def test_an_organisation_named_with_its_acronym_in_brackets_is_the_post_not_a_participant() -> None:
    extraction = _one(
        "Secretary Blinken spoke today with NATO Secretary General Jens Stoltenberg and "
        "Organization for Security and Cooperation in Europe (OSCE) Chairman-in-Office Zbigniew "
        "Rau."
    )
    assert _interactions(extraction) == [
        ("Call", ["antony-blinken", "jens-stoltenberg", "zbigniew-rau"], "2022-06-24", None)
    ]
    assert _holdings(extraction) == [
        ("Jens Stoltenberg", None, "Secretary General of North Atlantic Treaty Organization"),
        (
            "Zbigniew Rau",
            "poland",  # by the gazetteer's office holders; the post is the OSCE's all the same
            "Chairman-in-Office of Organization for Security and Co-operation in Europe",
        ),
    ]


def test_continued_discussions_with_a_group_are_talks() -> None:
    # the delegation West led (an indefinite one, new to the text) is a party to the talks
    extraction = _one(
        "On June 22 and 23, Special Representative for Afghanistan Thomas West led a delegation "
        "to continue discussions with senior Taliban representatives in Doha, Qatar."
    )
    assert _interactions(extraction) == [
        (
            "Talks",
            ["thomas-west", "group/a-delegation", "group/a-senior-taliban-representatives"],
            "2022-06-22",
            "2022-06-23",
        )
    ]


def test_a_state_after_for_is_the_portfolio_not_the_holders_state() -> None:
    extraction = _one(
        "Special Representative for Afghanistan Thomas West and Special Envoy for Afghan Women, "
        "Girls, and Human Rights Rina Amiri met today with Under Secretary for Economic Growth, "
        "Energy, and the Environment Jose Fernandez."
    )
    assert _holdings(extraction) == [
        ("Thomas West", "united-states", "Special Representative for Afghanistan of United States"),
        (
            "Rina Amiri",
            "united-states",
            "Special Envoy for Afghan Women, Girls, and Human Rights of United States",
        ),
        (
            "Jose Fernandez",
            "united-states",
            "Under Secretary for Economic Growth, Energy, and the Environment of United States",
        ),
    ]


def test_a_foreign_leader_named_without_a_state_is_not_the_publishers() -> None:
    result = _run(
        _article(
            "a",
            "Secretary Blinken met today with President Zelenskyy in Kyiv. The Secretary said "
            "President Putin and President Biden had spoken.",
        )
    )
    extraction = result.extractions[0]
    assert _interactions(extraction) == [
        ("Meeting", ["antony-blinken", "zelenskyy"], "2022-06-24", None)
    ]
    # no post for Zelenskyy or Putin: "President" of no named state; "Secretary" alone names none
    assert _holdings(extraction) == [("Joe Biden", "united-states", "President of United States")]
    people = {a.label: a.nationality for a in result.registry.new_actors() if a.kind == "Person"}
    assert people == {"Zelenskyy": None, "Putin": None}  # Biden is data/actors.ttl's


def test_one_person_across_spellings_and_name_orders() -> None:
    result = _run(
        _article("a", "Secretary Blinken spoke today with Foreign Minister Jaishankar."),
        _article(
            "b", "Secretary Blinken met today with Indian Foreign Minister Subrahmanyam Jaishankar."
        ),
        _article("c", "Secretary Blinken met today with Korean Ambassador Cho Hyun-dong."),
        _article("d", "Secretary Blinken met today with Korean Ambassador Cho Hyundong."),
    )
    people = sorted(a.label for a in result.registry.new_actors() if a.kind == "Person")
    assert people == ["Cho Hyun-dong", "Subrahmanyam Jaishankar"]


def test_a_call_yesterday_is_a_call_of_the_day_before() -> None:
    extraction = _one(CALL)  # "spoke with": remote, the medium not stated
    assert _interactions(extraction) == [
        ("Call", ["wendy-sherman", "cesar-landa"], "2022-06-23", None)
    ]
    assert extraction.interactions[0].participants[1].nationality == ID + "peru"


def test_the_secretary_and_he_are_the_secretary_of_state() -> None:
    extraction = _one(THE_SECRETARY)
    assert _statements(extraction) == [
        ("antony-blinken", "Demand", "russia"),
        ("antony-blinken", "Commitment", None),  # reiterated the U.S. commitment: binds its side
    ]
    demand = extraction.statements[0]
    assert demand.action == "withdraw its forces from Ukraine"
    assert demand.made_during is extraction.interactions[0]


def test_a_date_range_is_not_one_day() -> None:
    extraction = _one(RANGE)
    assert _interactions(extraction) == [
        ("Talks", ["antony-blinken", "jean-yves-le-drian"], "2022-06-18", "2022-06-19")
    ]
    quads = serialize(_run(_article("a", RANGE)).quads, "nquads").decode()
    assert 'ontology#startDate> "2022-06-18"' in quads
    assert 'ontology#endDate> "2022-06-19"' in quads
    assert "ontology#date>" not in quads


def test_an_article_with_no_interaction() -> None:
    result = _run(_article("a", NOTHING))
    assert _interactions(result.extractions[0]) == []
    assert result.summary.empty == ["a"]


def test_one_iri_per_person_across_articles() -> None:
    result = _run(
        _article("a", THE_SECRETARY),
        _article("b", "Secretary Blinken met with Foreign Minister Kuleba in Brussels today."),
    )
    first, second = (main_interaction(e) for e in result.extractions)
    assert first is not None and second is not None
    assert [p.iri for p in first.participants] == [p.iri for p in second.participants]
    assert [p.iri for p in second.participants] == [ID + "antony-blinken", ID + "dmytro-kuleba"]
    assert result.summary.actors_reused >= 1


# --- model v2 -------------------------------------------------------------------------------------

ADDRESSEE = (
    "The addressee is the counterpart in the interaction it was made during, which the sentence "
    "does not name."
)


def test_a_statement_speaks_for_a_side_and_is_coded_on_a_coded_event() -> None:
    graph = _graph(_run(_article("a", THE_SECRETARY)))
    call = "id:a/call-antony-blinken-dmytro-kuleba"
    assert graph["id:a/demand-1-1"] == {
        ("rdf:type", "dip:Demand"),
        ("rdfs:label", "Antony Blinken: withdraw its forces from Ukraine"),
        ("dip:speaker", "id:antony-blinken"),
        ("dip:onBehalfOf", "id:united-states"),  # by nationality: no post of his is attested
        ("dip:addressee", "id:dmytro-kuleba"),
        ("dip:inferredProperty", "dip:addressee"),
        ("rdfs:comment", ADDRESSEE),
        ("dip:madeDuring", call),
        ("dip:date", "2022-06-24"),
        ("dip:target", "id:russia"),
        ("dip:demandedAction", "withdraw its forces from Ukraine"),
        ("dip:reportedIn", "id:article/a"),
        ("dip:hasEvidence", "id:a/char/126-158"),
        ("dip:hasEvidence", "id:a/char/96-159"),
        ("prov:wasDerivedFrom", "id:a/char/126-158"),
        ("prov:wasDerivedFrom", "id:a/char/96-159"),
    }
    assert graph["id:a/demand-1-1/event"] == {
        ("rdf:type", "dip:CodedEvent"),
        ("rdfs:label", "Antony Blinken \u2192 Russia: REQUEST change, CAMEO 0242"),
        ("dip:codes", "id:a/demand-1-1"),
        ("dip:sourceActor", "id:antony-blinken"),
        ("dip:targetActor", "id:russia"),  # the target, not the addressee
        ("dip:cameoCode", "code:cameo/0242"),  # "urged": an appeal
        ("dip:ploverEvent", "code:plover/REQUEST"),
        ("dip:ploverMode", "code:plover-mode/REQUEST-change"),
        ("dip:reportedIn", "id:article/a"),
    }
    # no target: the addressee; "reiterated the U.S. commitment" is a commitment (CAMEO 032)
    assert graph["id:a/commitment-2-1/event"] == {
        ("rdf:type", "dip:CodedEvent"),
        ("rdfs:label", "Antony Blinken \u2192 Dmytro Kuleba: AGREE, CAMEO 032"),
        ("dip:codes", "id:a/commitment-2-1"),
        ("dip:sourceActor", "id:antony-blinken"),
        ("dip:targetActor", "id:dmytro-kuleba"),
        ("dip:cameoCode", "code:cameo/032"),
        ("dip:ploverEvent", "code:plover/AGREE"),
        ("dip:reportedIn", "id:article/a"),
    }
    assert graph[call + "/event"] == {
        ("rdf:type", "dip:CodedEvent"),
        ("rdfs:label", "Antony Blinken \u2192 Dmytro Kuleba: CONSULT phone, CAMEO 041"),
        ("dip:codes", call),
        ("dip:sourceActor", "id:antony-blinken"),
        ("dip:targetActor", "id:dmytro-kuleba"),
        ("dip:cameoCode", "code:cameo/041"),
        ("dip:ploverEvent", "code:plover/CONSULT"),
        ("dip:ploverMode", "code:plover-mode/CONSULT-phone"),
        ("dip:ploverContext", "code:plover-context/diplomatic"),
        ("dip:reportedIn", "id:article/a"),
    }
    # a readout is the account of the Department and of the state it belongs to; an interaction
    # (an event, not a record) is not derived from the text
    assert {o for p, o in graph["id:article/a"] if p == "dip:accordingTo"} == {
        "id:us-department-of-state",
        "id:united-states",
    }
    assert ("schema:publisher", "id:us-department-of-state") in graph["id:article/a"]
    assert not {p for p, _ in graph[call]} & {"prov:wasDerivedFrom", "dip:cameoCode"}
    holding = graph["id:a/holding-dmytro-kuleba-foreign-minister-of-ukraine"]
    assert ("org:organization", "id:ukraine") in holding  # the post's org:postIn


def test_new_actors_have_a_nationality_and_new_posts_a_kind() -> None:
    result = _run(_article("a", THE_SECRETARY))
    actors = _graph(result, "extracted-actors")
    assert actors["id:dmytro-kuleba"] == {
        ("rdf:type", "dip:Person"),
        ("rdfs:label", "Dmytro Kuleba"),
        ("schema:nationality", "id:ukraine"),
    }
    assert actors["id:post/foreign-minister-of-ukraine"] == {
        ("rdf:type", "dip:StatePost"),
        ("rdfs:label", "Foreign Minister of Ukraine"),
        ("org:postIn", "id:ukraine"),
    }
    # the publisher keeps its registry type (a dip:GovernmentBody): no dip:NewsOrganization
    assert "id:us-department-of-state" not in actors
    assert not [q for q in result.quads if q.predicate.value == DIP + "represents"]


def test_a_meeting_is_coded_once_per_counterpart() -> None:
    graph = _graph(_run(_article("a", TWO_COUNTERPARTS)))
    meeting = "id:a/meeting-antony-blinken-hayashi-yoshimasa-park-jin"
    events = {s: pairs for s, pairs in graph.items() if s.startswith(meeting + "/event")}
    assert sorted(events) == [meeting + "/event-hayashi-yoshimasa", meeting + "/event-park-jin"]
    assert events[meeting + "/event-park-jin"] == {
        ("rdf:type", "dip:CodedEvent"),
        ("rdfs:label", "Antony Blinken \u2192 Park Jin: CONSULT, CAMEO 040"),
        ("dip:codes", meeting),
        ("dip:sourceActor", "id:antony-blinken"),
        ("dip:targetActor", "id:park-jin"),
        ("dip:cameoCode", "code:cameo/040"),  # a meeting, not a visit: no mode
        ("dip:ploverEvent", "code:plover/CONSULT"),
        ("dip:ploverContext", "code:plover-context/diplomatic"),
        ("dip:reportedIn", "id:article/a"),
    }
    why = (
        "Host and visitor are inferred from the place: Washington is in United States, the hosts' "
        "state."
    )
    assert {("dip:inferredProperty", "dip:host"), ("rdfs:comment", why)} <= graph[meeting]


def test_the_verb_decides_appeal_from_demand_and_refusals_are_rejections() -> None:
    result = _run(
        _article(
            "a",
            "Secretary Blinken spoke today with Russian Foreign Minister Sergey Lavrov. The "
            "Secretary urged Russia to lift its sanctions on Ukrainian grain exports. He insisted "
            "that Russia must withdraw its forces from Ukraine. The Secretary rejected "
            "Russia\u2019s demands.",
        )
    )
    extraction = result.extractions[0]
    assert [(s.kind, s.cameo, s.action) for s in extraction.statements] == [
        ("Demand", "0254", "lift its sanctions on Ukrainian grain exports"),  # appeal, sanctions
        ("Demand", "1042", "withdraw its forces from Ukraine"),  # "insisted ... must": a demand
        ("Rejection", "120", None),
    ]
    graph = _graph(result)
    assert graph["id:a/rejection-3-1/event"] == {
        ("rdf:type", "dip:CodedEvent"),
        ("rdfs:label", "Antony Blinken \u2192 Sergey Lavrov: REJECT, CAMEO 120"),
        ("dip:codes", "id:a/rejection-3-1"),
        ("dip:sourceActor", "id:antony-blinken"),
        ("dip:targetActor", "id:sergey-lavrov"),
        ("dip:cameoCode", "code:cameo/120"),
        ("dip:ploverEvent", "code:plover/REJECT"),
        ("dip:reportedIn", "id:article/a"),
    }
    assert ("dip:ploverMode", "code:plover-mode/REQUEST-yield") in graph["id:a/demand-1-1/event"]


def test_a_statement_with_no_target_and_no_addressee_is_not_coded() -> None:
    result = _run(_article("a", "Secretary Blinken underscored the importance of the alliance."))
    assert _statements(result.extractions[0]) == [("antony-blinken", "Assertion", None)]
    graph = _graph(result)
    assert ("dip:onBehalfOf", "id:united-states") in graph["id:a/assertion-0-1"]
    assert "id:a/assertion-0-1/event" not in graph
    assert not [s for s, pairs in graph.items() if ("rdf:type", "dip:CodedEvent") in pairs]


# Two texts of the kind the registry's time-bound aliases are for: "China's top diplomat" was Yang
# Jiechi until 2022 (dip:validUntil 2022-12-31) and is Wang Yi from 2023 (dip:validFrom 2023-01-01).
TOP_DIPLOMAT_2021 = (
    "Secretary of State Antony J. Blinken met with China\u2019s top diplomat in Anchorage on "
    "Thursday. The Chinese top diplomat urged the United States to lift unilateral sanctions on "
    "China."
)
TOP_DIPLOMAT_2023 = (
    "China\u2019s top diplomat met with Secretary of State Antony J. Blinken in Beijing on Monday. "
    "The Chinese top diplomat urged the US to stop interfering in China\u2019s internal affairs."
)


def test_a_time_bound_alias_names_the_actor_of_the_articles_date() -> None:
    result = _run(
        _article("alaska", TOP_DIPLOMAT_2021, dt.date(2021, 3, 19)),
        _article("beijing", TOP_DIPLOMAT_2023, dt.date(2023, 6, 19), "Global Times"),
    )
    alaska, beijing = result.extractions
    assert _interactions(alaska) == [
        ("Meeting", ["antony-blinken", "yang-jiechi"], "2021-03-18", None)
    ]
    assert _statements(alaska) == [("yang-jiechi", "Demand", "united-states")]
    assert _interactions(beijing) == [
        ("Meeting", ["wang-yi", "antony-blinken"], "2023-06-19", None)
    ]
    assert _statements(beijing) == [("wang-yi", "Demand", "united-states")]
    graph = _graph(result, "beijing")
    assert ("dip:onBehalfOf", "id:china") in graph["id:beijing/demand-1-1"]
    assert {o for p, o in graph["id:article/beijing"] if p == "dip:accordingTo"} == {
        "id:global-times"
    }


def test_a_time_bound_alias_outside_its_period_names_no_one() -> None:
    # the same words in texts of other years: 2023 for the 2021 text and the other way round
    swapped = _run(
        _article("alaska", TOP_DIPLOMAT_2021, dt.date(2023, 3, 17)),
        _article("beijing", TOP_DIPLOMAT_2023, dt.date(2021, 3, 22), "Global Times"),
    )
    assert [_statements(e) for e in swapped.extractions] == [
        [("wang-yi", "Demand", "united-states")],
        [("yang-jiechi", "Demand", "united-states")],
    ]
    # 2012: neither Yang Jiechi (from 2013-03-16) nor Wang Yi; Blinken's names hold at all times
    extraction = _run(_article("a", TOP_DIPLOMAT_2021, dt.date(2012, 3, 16))).extractions[0]
    assert (_interactions(extraction), _statements(extraction)) == ([], [])


def test_the_seed_article_as_model_v2() -> None:
    article = _seed()
    result = _run(article)
    graph = _graph(result, article.id)
    base = f"id:{article.id}/"
    codes = {
        s.removeprefix(base): (
            {o for p, o in pairs if p == "dip:sourceActor"},
            {o for p, o in pairs if p == "dip:targetActor"},
            {o.rsplit("/", 1)[-1] for p, o in pairs if p.startswith(("dip:plover", "dip:cameo"))},
        )
        for s, pairs in graph.items()
        if ("rdf:type", "dip:CodedEvent") in pairs
    }
    # the visit is the CONSULT-visit; the meeting and the talks that are part of it are CONSULT
    assert codes["visit-antony-blinken-beijing/event"] == (
        {"id:antony-blinken"},
        {"id:china"},
        {"CONSULT", "CONSULT-visit", "diplomatic", "042"},
    )
    assert codes["meeting-wang-yi-antony-blinken/event"] == (
        {"id:wang-yi"},
        {"id:antony-blinken"},
        {"CONSULT", "diplomatic", "040"},
    )
    assert codes["talks-qin-gang-antony-blinken/event"] == (
        {"id:qin-gang"},
        {"id:antony-blinken"},
        {"CONSULT", "diplomatic", "040"},
    )
    assert codes["rejection-13-1/event"] == (
        {"id:wang-yi"},
        {"id:antony-blinken"},
        {"REJECT", "REJECT-yield", "124"},  # "no room for compromise": refuse to yield
    )
    assert codes["demand-0-2/event"][2] == {"REQUEST", "REQUEST-yield", "0254"}  # asked: lift…
    assert codes["demand-14-1/event"][2] == {"REQUEST", "REQUEST-change", "1042"}  # must
    # 23 statements (all with an addressee; "analyzed ..., emphasizing that ..." is two) and 3
    # interactions
    assert len(codes) == 26
    # the Bali meeting is cited, not coded; where an agreement was reached is a claim of the
    # statement that says so, its object marked inferred where the text does not name the place
    assert "id:event/bali-heads-of-state-meeting-2022/event" not in graph
    consensus = graph[base + "claim-bali-consensus-reached-at-bali-heads-of-state-meeting-2022"]
    agenda = graph[base + "claim-bali-agenda-reached-at-bali-heads-of-state-meeting-2022"]
    assert {
        ("dip:claimedIn", base + "assertion-8-1"),
        ("dip:claimSubject", "id:agreement/bali-consensus"),
        ("dip:claimProperty", "dip:reachedAt"),
        ("dip:claimObject", "id:event/bali-heads-of-state-meeting-2022"),
        ("dip:inferredProperty", "dip:claimObject"),
        ("dip:hasEvidence", base + "char/1766-1813"),
    } <= consensus
    assert ("dip:inferredProperty", "dip:claimObject") not in agenda
    assert ("dip:cites", "id:event/bali-heads-of-state-meeting-2022") in graph[
        base + "commitment-15-1"
    ]
    # stances are held by the side the speaker speaks for, which the graph says it inferred
    stance = graph[base + "stance-china-support-one-china"]
    assert {
        ("dip:holder", "id:china"),
        ("dip:issue", "id:principle/one-china"),
        ("dip:inferredProperty", "dip:holder"),
        ("rdfs:comment", "The holder is the state Wang Yi speaks for in the expressing statement."),
    } <= stance
    assert ("dip:issue", "id:agreement/bali-agenda") in graph[
        base + "stance-united-states-support-bali-agenda"
    ]
    # Wang Yi's attested post is a party post: he speaks for China by nationality
    assert ("dip:onBehalfOf", "id:china") in graph[base + "assertion-2-1"]
    coded = [
        q
        for q in result.quads
        if q.predicate.value in {DIP + n for n in ("ploverEvent", "ploverMode", "cameoCode")}
    ]
    assert {compact(str(q.subject)[1:-1]).removeprefix(base) for q in coded} == set(codes)


def test_extracted_graphs_validate(tmp_path: Path) -> None:
    articles = [
        _article(name, text)
        for name, text in (("two", TWO_COUNTERPARTS), ("call", CALL), ("range", RANGE))
    ]
    articles.append(_seed())
    articles += read_jsonl(CORPUS)[:5]
    out = tmp_path / "out.nq"
    out.write_bytes(serialize(_run(*articles).quads, "nquads"))
    validation = validate(PROJECT, [out])
    assert [str(r) for r in validation.results] == []


def test_output_is_deterministic() -> None:
    articles = read_jsonl(CORPUS)[:30]
    assert serialize(_run(*articles).quads, "nquads") == serialize(_run(*articles).quads, "nquads")


def test_a_jsonl_line_without_a_field_names_file_and_line(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    good = {"id": "a", "text": "Hi.", "published": "2022-06-24", "publisher": STATE}
    corpus.write_text(json.dumps(good) + "\n" + json.dumps({**good, "id": "b", "text": ""}) + "\n")
    with pytest.raises(DiplographError, match=r"c\.jsonl:2: missing field 'text'$"):
        read_jsonl(corpus)
    result = CliRunner().invoke(main, ["--root", str(ROOT), "extract", str(corpus)])
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [f"error: {corpus}:2: missing field 'text'"]


def test_regression_a_null_creator_title_or_url_is_absent_and_a_number_is_refused(
    tmp_path: Path,
) -> None:
    # other publishers' JSON Lines write null for a field they lack: it was refused as no string
    corpus = tmp_path / "c.jsonl"
    good = {"id": "a", "text": "Hi.", "published": "2022-06-24", "publisher": "Reuters"}
    corpus.write_text(json.dumps({**good, "creator": None, "title": None, "url": None}) + "\n")
    [article] = read_jsonl(corpus)
    assert (article.creator, article.title, article.url) == (None, None, None)
    corpus.write_text(json.dumps({**good, "creator": 3}) + "\n")
    with pytest.raises(DiplographError, match=r"c\.jsonl:1: field 'creator' is not a string$"):
        read_jsonl(corpus)


def test_a_failing_article_is_reported_and_the_others_come_out(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    original = Extractor.extract

    def extract(self: Extractor, article: Article) -> Extraction:
        if article.id == "bad":
            raise ValueError("no sentences")
        return original(self, article)

    monkeypatch.setattr(Extractor, "extract", extract)
    result = _run(_article("bad", CALL), _article("good", CALL))
    assert result.summary.failed == [("bad", "ValueError: no sentences")]
    assert [e.article.id for e in result.extractions] == ["good"]


# --- the scores of issue 4 ------------------------------------------------------------------------


@pytest.fixture(scope="session")
def corpus_result() -> Result:
    return extract_articles(PROJECT, read_jsonl(CORPUS))


def test_corpus_scores_stay_at_or_above_the_targets(corpus_result: Result) -> None:
    score = score_corpus(corpus_result.extractions, corpus_result.registry.actors)
    assert len(score.articles) == 222
    assert score.rate("complete") >= 0.95
    assert score.invented_rate <= 0.02
    # the measured scores, so that they cannot silently drop: 215/222 complete, one "invented"
    # participant: a delegation named after its possessor ("President-elect Y's Policy
    # Consultation Delegation"), which the title parser does not read and the gold lists
    assert sum(a.complete for a in score.articles) >= 214
    assert sum(bool(a.invented) for a in score.articles) <= 1


def test_the_corpus_reuses_actors(corpus_result: Result) -> None:
    summary = corpus_result.summary
    assert (summary.articles, summary.failed) == (228, [])
    blinken = corpus_result.registry.actors[ID + "antony-blinken"]
    assert {"Secretary Blinken", "Secretary of State Antony J. Blinken"} <= blinken.aliases
    new = [a for a in corpus_result.registry.new_actors() if a.kind == "Person"]
    # persons, states and organisations, not posts and places; 16 of them are the unnamed groups
    # and officials of single articles ("NUG representatives", "the ASEAN Secretary General",
    # the delegations led to talks, the audiences transcript titles name), 6 the ministries
    # and departments titles open with ("French MFA Secretary General", "Australian Department
    # of Foreign Affairs and Trade Secretary"), 3 the speakers of transcripts
    # named only by their speaker label ("AMBASSADOR THOMAS-GREENFIELD:"), 4 the named groups
    # of states the narrator names as a framework or in a topic ("through the Quad", "G7
    # members"), 2 the bodies of dated sessions, one-party meetings ("the United Nations Security
    # Council on July 2"), 3 more the bodies of organisations a text cites by name ("the Council
    # of the EU", "the African Union Transition Mission in Somalia"); 2 the organisations a title
    # or a group names ("Palestinian Authority President", "NUG representatives"); 8 (issue 9 §2,
    # the interactions round) the participants of earlier and planned events the text names: 4
    # groups of an event's participants ("UN Food Systems Summit participants"), a group an
    # engagement is with ("Russian counterparts"), 2 officials named by post ("the Armenian and
    # Azerbaijani Foreign Ministers") and a body named after its session; 2 (the seventh gold
    # round) a summit's participants ("his recent participation in the Negev Summit") and the
    # initiative a summit is named after ("the Three Seas Summit" of the Three Seas Initiative);
    # 3 organisations of the gazetteer a statement cites (APEC, the G77, the G20); 1 a state
    # named by its formal name in a topic ("the Republic of Cyprus"); 1 a person of the
    # gazetteer's office holders' name the text thanks ("the protocol team, Matthew Miller"); 6
    # states of the United Nations' members added to the gazetteer, named in topics ("Eritrean
    # and Amhara forces", "the juntas of Mali and Burkina Faso")
    assert summary.actors_new <= 349
    # three of them officials named by post only (the ASEAN Secretary General, two ministers),
    # one the protocol staffer above
    assert len(new) <= 178


def test_regression_the_extracted_corpus_conforms_with_the_aid_code_033(
    corpus_result: Result, tmp_path: Path
) -> None:
    """The 228 readouts, extracted, conform to every shape. Regression: a state's aid commitment
    ("the United States has committed more than $30 million in humanitarian assistance") was
    coded CAMEO 033, which ontology/codes.ttl lacked, and its article failed dsh:CodedEventShape
    (a coded event's code is a concept of code:cameo); the narrator's mentions (75 when written)
    are citable items named by a span of their article (dsh:MentionShape, dsh:NamingSpanShape)."""
    mentions = [q for q in corpus_result.quads if q.predicate.value == SCHEMA + "mentions"]
    assert len(mentions) >= 70
    cameo = {
        q.object.value
        for q in corpus_result.quads
        if q.predicate.value == DIP + "cameoCode" and isinstance(q.object, ox.NamedNode)
    }
    assert CODE + "cameo/033" in cameo
    out = tmp_path / "corpus.nq"
    out.write_bytes(serialize(corpus_result.quads, "nquads"))
    validation = validate(PROJECT, [out], engine="fast")
    assert validation.shapes >= 40 and validation.focus_nodes >= 13_000  # 43 and 13,130
    assert [str(r) for r in validation.results] == []


def test_seed_scores_stay_at_or_above_the_targets() -> None:
    article = _seed()
    found = _run(article).quads
    interactions, statements = score_article(
        read_quads(SEED.with_suffix(".ttl")),
        found,
        f"{ID}article/{SEED.name}",
        f"{ID}article/{article.id}",
    )
    assert (interactions.matched_gold, interactions.gold) == (4, 4)
    assert statements.recall >= 0.80


# --- issue 13: bounded time and identity ----------------------------------------------------------


def test_a_sentence_without_end_is_cut_into_bounded_pieces() -> None:
    # 150 KB without a full stop took 13 s (every reporting verb re-scanned the sentence so far)
    clause = "Minister Ana Varga of Ruritania urged Borduria to free the detained sailors, "
    text = clause * (150_000 // len(clause))
    pieces = sentences(text)
    assert max(len(p.text) for p in pieces) <= MAX_SENTENCE
    assert "".join(text[p.start : p.end] for p in pieces).replace(" ", "") == text.replace(" ", "")
    assert all(text[p.start : p.end] == p.text for p in pieces)


def test_an_article_above_the_size_limit_is_refused_and_the_others_come_out(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("DIPLOGRAPH_MAX_ARTICLE_CHARS", str(len(CALL)))
    result = _run(_article("long", CALL + " More."), _article("short", CALL))
    assert result.summary.failed == [
        (
            "long",
            f"DiplographError: long: text: {len(CALL) + 6} characters, above the limit of "
            f"{len(CALL)} (set DIPLOGRAPH_MAX_ARTICLE_CHARS to change it)",
        )
    ]
    assert [e.article.id for e in result.extractions] == ["short"]
    monkeypatch.setenv("DIPLOGRAPH_MAX_ARTICLE_CHARS", "many")
    with pytest.raises(DiplographError, match=r"^DIPLOGRAPH_MAX_ARTICLE_CHARS: not a positive"):
        _run(_article("short", CALL))


def test_an_extracted_article_may_not_take_the_id_of_a_curated_one() -> None:
    curated = read_txt(SEED.with_suffix(".txt"), publisher="Global Times")
    result = _run(curated, _article("extracted-actors", CALL), _article("fine", CALL))
    assert result.summary.failed == [
        (
            SEED.name,
            f"DiplographError: {SEED.name}: id: taken by the curated article {SEED.name}.ttl; "
            "give the extracted article another id",
        ),
        (
            "extracted-actors",
            "DiplographError: extracted-actors: id: taken by graph:extracted-actors; give the "
            "extracted article another id",
        ),
    ]
    assert [e.article.id for e in result.extractions] == ["fine"]


def test_a_publisher_with_no_latin_letters_gets_a_stable_iri_of_its_own() -> None:
    # every non-Latin publisher collapsed into .../id/ (the empty slug)
    first = _run(_article("a", CALL, publisher="新华社"), _article("b", CALL, publisher="Труд"))
    assert [e.publisher.iri.removeprefix(ID) for e in first.extractions] == ["xinhuashe", "trud"]
    again = _run(_article("c", CALL, publisher="新华社"))
    assert again.extractions[0].publisher.iri == ID + "xinhuashe"
    symbols = _run(_article("d", CALL, publisher="★☆★"))
    assert symbols.extractions[0].publisher.iri.removeprefix(ID).startswith("x-")


def test_a_known_person_as_publisher_is_not_typed_a_news_organisation() -> None:
    result = _run(_article("a", CALL, publisher="Antony Blinken"))
    publisher = result.extractions[0].publisher
    assert (publisher.iri, publisher.kind) == (ID + "publisher/antony-blinken", "NewsOrganization")
    blinken = ox.NamedNode(ID + "antony-blinken")
    types = {q.object for q in result.quads if q.subject == blinken and q.predicate == RDF_TYPE}
    assert ox.NamedNode(DIP + "NewsOrganization") not in types
    # and a person named like a publisher met before is a person of an IRI of its own
    registry = result.registry
    registry.publisher("Ana Varga")
    person = registry.person("Ana Varga", None)
    assert (person.iri, person.kind) == (ID + "person/ana-varga", "Person")


def test_regression_a_preposition_or_participle_opening_a_sentence_is_no_person() -> None:
    # "Leaving Vienna" and "From Vienna" were minted as people.
    extraction = _one(
        "Leaving Valbourg, Secretary Jane Smith spoke with Freedonian Foreign Minister Ivo Tarn. "
        "From Valbourg, Secretary Smith also spoke with Ruritanian Foreign Minister Ana Lisk."
    )
    assert [(kind, people) for kind, people, _, _ in _interactions(extraction)] == [
        ("Call", ["jane-smith", "ivo-tarn"]),
        ("Call", ["jane-smith", "ana-lisk"]),
    ]
