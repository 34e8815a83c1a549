"""Every stored query answers its question on the seed article with exactly the expected rows.

The expected answers are SPARQL 1.1 CSV files in ``fixtures/queries/``, one per stored query,
reviewed by hand against the article text. ``fixtures/queries/v2-cases.ttl`` adds the cases the
seed does not have: a visit with a range of days only, a place inferred, taken from the visit or
missing, a statement of two speakers, shared evidence only, several PLOVER modes and contexts, a
summit named by one party that the narrator mentions and a statement cites.
"""

from __future__ import annotations

import csv
import datetime as dt
import io

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

import diplograph.scope as scope_module
from conftest import FIXTURES, ROOT
from diplograph.cli import main
from diplograph.project import Project
from diplograph.query import render, resolve, run, stored_queries
from diplograph.rdfio import load_store
from diplograph.scope import Scope, article_graphs, scoped_store, shared_graphs
from diplograph.vocab import GRAPH

NAMES = [
    "commitments",
    "demands",
    "events",
    "meetings",
    "positions",
    "posts",
    "references",
    "said-in",
    "stances",
    "statements",
    "timeline",
]
ARTICLE = "https://w3id.org/diplograph/id/article/global-times-2023-06-19-wang-yi-blinken"
SEED = "https://w3id.org/diplograph/id/global-times-2023-06-19-wang-yi-blinken/"
CASES = "https://w3id.org/diplograph/id/test-v2-cases/"
CASES_ARTICLE = "https://w3id.org/diplograph/id/article/test-v2-cases"
DIP = "https://w3id.org/diplograph/ontology#"
SUMMIT_QUOTE = "next month\u2019s NATO Summit"  # the span that names the summit in v2-cases.ttl


def rows(project: Project, store: ox.Store, name: str) -> list[dict[str, str]]:
    output = render(run(store, resolve(project.queries, name)), "csv").decode("utf-8")
    return list(csv.DictReader(io.StringIO(output)))


@pytest.fixture(scope="module")
def cases(project: Project) -> ox.Store:
    """The vocabulary and the v2 test cases, without the seed article."""
    return load_store([*project.vocabulary(), FIXTURES / "queries" / "v2-cases.ttl"])


def test_the_stored_queries_are_the_documented_ones() -> None:
    queries = stored_queries(ROOT / "queries")
    assert sorted(queries) == NAMES
    assert all(query.question.endswith("?") or "." in query.question for query in queries.values())


@pytest.mark.parametrize("name", NAMES)
def test_query_returns_exactly_the_expected_rows(
    project: Project, store: ox.Store, name: str
) -> None:
    output = render(run(store, resolve(project.queries, name)), "csv")
    expected = (FIXTURES / "queries" / f"{name}.csv").read_bytes()
    assert output.decode("utf-8").splitlines() == expected.decode("utf-8").splitlines()


def test_meetings_list_each_participant_with_role_date_and_place(
    project: Project, store: ox.Store
) -> None:
    found = {
        (r["type"], r["date"], r["placeLabel"], r["placeSource"], r["participantLabel"], r["role"])
        for r in rows(project, store, "meetings")
        if r["article"] == ARTICLE
    }
    assert found == {
        ("Meeting", "", "Bali", "stated", "Xi Jinping", "participant"),
        ("Meeting", "", "Bali", "stated", "Joe Biden", "participant"),
        ("Visit", "", "Beijing", "stated", "Antony Blinken", "visitor"),
        ("Visit", "", "Beijing", "stated", "People's Republic of China", "host"),
        # the Sunday talks state no place: they were in Beijing because their visit was
        ("Talks", "2023-06-18", "Beijing", "visit", "Qin Gang", "participant"),
        ("Talks", "2023-06-18", "Beijing", "visit", "Antony Blinken", "participant"),
        ("Meeting", "2023-06-19", "Beijing", "stated", "Wang Yi", "host"),
        ("Meeting", "2023-06-19", "Beijing", "stated", "Antony Blinken", "visitor"),
    }


def test_statements_quote_their_own_span_in_the_order_of_the_text(
    project: Project, store: ox.Store
) -> None:
    found = rows(project, store, "statements")
    text = (ROOT / "data" / "articles" / "global-times-2023-06-19-wang-yi-blinken.txt").read_text(
        "utf-8"
    )
    # the four appeals of the lede share ", during which Wang asked the US to": each quotes its item
    assert [(r["statement"].removeprefix(SEED), r["quote"]) for r in found[:4]] == [
        ("appeal-stop-china-threat-narrative", 'stop hyping the "China threat" narrative,'),
        ("appeal-lift-sanctions", "lift illegal unilateral sanctions on China,"),
        (
            "appeal-stop-pressuring-technology",
            "stop pressuring China's technology and developments",
        ),
        (
            "appeal-stop-interfering-in-internal-affairs",
            "and stop willfully interfering in China's internal affairs.",
        ),
    ]
    shared = {", during which Wang asked the US to", "Wang asked the US to", "Wang urged the US"}
    assert not shared & {r["quote"] for r in found}
    starts = [text.index(r["quote"]) for r in found]
    assert starts == sorted(starts)
    assert len({r["statement"] for r in found}) == len(found) == 25


def test_demands_include_the_appeals_of_the_lede(project: Project, store: ox.Store) -> None:
    demands = rows(project, store, "demands")
    actions = {r["action"]: r["cameo"] for r in demands if r["speakerLabel"] == "Wang Yi"}
    assert {
        'stop hyping the "China threat" narrative': "0242",
        "lift illegal unilateral sanctions on China": "0254",
        "stop pressuring China's technology and developments": "0242",
        "stop willfully interfering in China's internal affairs": "0242",
    }.items() <= actions.items()
    assert actions["truly adhere to the one-China principle"] == "1042"  # "must": a demand
    assert {r["targetLabel"] for r in demands} == {"United States"}


def test_references_include_the_cited_bali_meeting_and_the_citing_statement(
    project: Project, store: ox.Store
) -> None:
    found = {
        (r["itemLabel"], r["type"], r["citedByLabel"], r["statement"].removeprefix(SEED))
        for r in rows(project, store, "references")
    }
    assert (
        "meeting of the Chinese and US heads of state in Bali",
        "Meeting",
        "Antony Blinken",
        "commitment-return-to-bali-agenda",
    ) in found
    assert (
        "agenda set by the two heads of state in Bali",
        "Agenda",
        "Antony Blinken",
        "commitment-return-to-bali-agenda",
    ) in found


def test_timeline_is_in_date_order_and_has_the_dated_statements(
    project: Project, store: ox.Store
) -> None:
    found = rows(project, store, "timeline")
    dates = [r["date"] for r in found]
    assert dates == sorted(dates)
    assert [(r["date"], r["type"]) for r in found[:2]] == [
        ("2023-06-18", "Talks"),
        ("2023-06-19", "Meeting"),
    ]
    assert {r["type"] for r in found[2:]} == {
        "Assertion",
        "Commitment",
        "Criticism",
        "Demand",
        "Proposal",
        "Rejection",
    }


def test_said_in_tells_the_sunday_talks_from_the_monday_meeting(
    project: Project, store: ox.Store
) -> None:
    found = rows(project, store, "said-in")
    assert {(r["interaction"].removeprefix(SEED), r["date"]) for r in found} == {
        ("meeting-wang-yi-blinken", "2023-06-19")
    }
    assert {r["speakerLabel"] for r in found} == {"Wang Yi", "Antony Blinken"}


def test_commitments_name_the_side_and_the_encounter(project: Project, store: ox.Store) -> None:
    found = [
        (r["speakerLabel"], r["sideLabel"], r["interaction"].removeprefix(SEED), r["date"])
        for r in rows(project, store, "commitments")
    ]
    assert found == [("Antony Blinken", "United States", "meeting-wang-yi-blinken", "2023-06-19")]


def test_positions_take_issues_from_concepts_agreements_and_principles(
    project: Project, store: ox.Store
) -> None:
    found = rows(project, store, "positions")
    issues = {r["issue"].rsplit("/", 2)[-2] for r in found}
    assert issues == {"issue", "agreement", "principle"}
    # a stance expressed by two statements: one row each, quoting the stance's span in each
    stable = [
        (r["statement"].removeprefix(SEED), r["quote"])
        for r in found
        if r["stance"] == SEED + "stance-china-supports-stable-china-us-relations"
    ]
    assert stable == [
        ("proposal-reverse-downward-spiral", "push it back to a healthy and stable track"),
        (
            "assertion-implement-heads-of-state-consensus",
            "In order for China-US relations to stop falling and stabilize",
        ),
    ]


def test_events_have_one_row_per_coded_event(project: Project, store: ox.Store) -> None:
    found = rows(project, store, "events")
    count = store.query(
        f"SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {{ ?e a <{DIP}CodedEvent> }}",
        use_default_graph_as_union=True,
    )
    assert isinstance(count, ox.QuerySolutions)
    number = next(iter(count))["n"]
    assert isinstance(number, ox.Literal)
    assert len(found) == len({r["codedEvent"] for r in found}) == int(number.value)
    visit = next(r for r in found if r["coded"] == SEED + "visit-blinken-beijing")
    assert (visit["ploverEvent"], visit["ploverMode"], visit["cameoCode"]) == (
        "CONSULT",
        "CONSULT-visit",
        "042",
    )


def test_a_visit_with_only_a_range_of_days_is_on_the_timeline(
    project: Project, cases: ox.Store
) -> None:
    found = [
        (r["date"], r["event"].removeprefix(CASES), r["type"], r["start"], r["end"])
        for r in rows(project, cases, "timeline")
    ]
    assert found == [
        ("2023-10-25", "call", "PhoneCall", "", ""),
        ("", "visit", "Visit", "2023-10-26", "2023-10-28"),
        ("2023-10-27", "meeting", "Meeting", "", ""),
        ("2023-10-27", "agreement-maintain-communication", "AgreementStatement", "", ""),
        ("2023-10-28", "talks", "Talks", "", ""),
    ]


def test_meetings_say_where_a_place_comes_from(project: Project, cases: ox.Store) -> None:
    found = [
        (r["event"].removeprefix(CASES), r["placeLabel"], r["placeSource"], r["start"], r["end"])
        for r in rows(project, cases, "meetings")
        if r["article"] == CASES_ARTICLE
    ]
    assert sorted(set(found)) == [
        ("call", "", "", "", ""),
        ("meeting", "Beijing", "inferred", "", ""),
        ("nato-summit", "", "", "", ""),
        ("talks", "Beijing", "visit", "", ""),
        ("visit", "Beijing", "stated", "2023-10-26", "2023-10-28"),
    ]


def test_a_statement_of_two_speakers_whose_spans_are_all_shared(
    project: Project, cases: ox.Store
) -> None:
    found = [
        (r["statement"].removeprefix(CASES), r["type"], r["speakerLabel"], r["quote"])
        for r in rows(project, cases, "statements")
    ]
    assert found == [
        (
            "agreement-maintain-communication",
            "AgreementStatement",
            "Antony Blinken",
            "The two sides agreed",
        ),
        (
            "agreement-maintain-communication",
            "AgreementStatement",
            "Wang Yi",
            "The two sides agreed",
        ),
        (
            "commitment-hold-talks",
            "Commitment",
            "Antony Blinken",
            "and the US will hold further talks",
        ),
        ("assertion-welcome-summit", "Assertion", "Wang Yi", "Wang Yi welcomed the summit"),
    ]
    commitments = [
        (r["sideLabel"], r["interaction"].removeprefix(CASES), r["date"])
        for r in rows(project, cases, "commitments")
    ]
    assert commitments == [("United States", "meeting", "2023-10-27")]  # the meeting's day


def test_events_sort_several_modes_and_contexts_into_one_cell(
    project: Project, cases: ox.Store
) -> None:
    found = [
        (r["date"], r["coded"].removeprefix(CASES), r["ploverMode"], r["ploverContext"])
        for r in rows(project, cases, "events")
    ]
    assert found == [
        ("2023-10-25", "call", "CONSULT-phone", ""),
        ("2023-10-26", "visit", "CONSULT-visit", "diplomatic;military;territory"),
        ("2023-10-27", "agreement-maintain-communication", "future;hypothetical", ""),
    ]


def test_a_meeting_named_by_one_party_is_one_row_and_no_coded_event_nor_edge(
    project: Project, cases: ox.Store
) -> None:
    """Issue 9: "next month's NATO Summit" names NATO alone; the queries must not assume two."""
    summit = CASES + "nato-summit"
    meetings = [
        (r["type"], r["date"], r["placeLabel"], r["participantLabel"], r["role"], r["placeSource"])
        for r in rows(project, cases, "meetings")
        if r["event"] == summit
    ]
    assert meetings == [
        ("Meeting", "", "", "North Atlantic Treaty Organization", "participant", "")
    ]
    assert summit not in {r["coded"] for r in rows(project, cases, "events")}
    assert summit not in {r["event"] for r in rows(project, cases, "timeline")}  # it has no day
    export = ROOT / "queries" / "export"
    interactions = [
        (r["type"], r["participants"], r["quote"], r["start"], r["end"])
        for r in rows(project, cases, str(export / "interactions.rq"))
        if r["interaction"] == summit
    ]
    assert interactions == [("Meeting", "1", SUMMIT_QUOTE, "250", "274")]
    edges = rows(project, cases, str(export / "network-edges.rq"))
    assert [e for e in edges if summit in e["interactions"].split()] == []
    nodes = rows(project, cases, str(export / "network-nodes.rq"))
    assert [(n["label"], n["interactions"]) for n in nodes if n["actor"].endswith("/nato")] == [
        ("North Atlantic Treaty Organization", "1")
    ]


def test_references_list_the_narrators_mentions_beside_the_speakers_citations(
    project: Project, cases: ox.Store
) -> None:
    """Issue 9: an item the narrator names (schema:mentions, a naming span) was not listed."""
    found = [
        (
            r["itemLabel"],
            r["type"],
            r["citedByLabel"],
            r["statement"].removeprefix(CASES),
            r["voice"],
            r["article"],
            r["quote"],
        )
        for r in rows(project, cases, "references")
    ]
    assert found == [
        (
            "NATO Summit",
            "Meeting",
            "Global Times",
            "",
            "narrator",
            CASES_ARTICLE,
            SUMMIT_QUOTE,
        ),
        (
            "NATO Summit",
            "Meeting",
            "Wang Yi",
            "assertion-welcome-summit",
            "speaker",
            CASES_ARTICLE,
            "",
        ),
    ]


def test_references_keep_their_first_four_columns_and_every_seed_row(
    project: Project, store: ox.Store
) -> None:
    """The narrator's rows came as new columns after the old ones: existing readers still work."""
    header, *found = csv_rows(project, store, "references")
    assert header == ["itemLabel", "type", "citedByLabel", "statement", "voice", "article", "quote"]
    assert len(found) == 8
    assert {(voice, article, quote) for *_, voice, article, quote in found} == {
        ("speaker", ARTICLE, "")
    }


def test_a_call_is_typed_by_its_most_specific_class(project: Project) -> None:
    fixture = FIXTURES / "queries" / "phone-call.ttl"
    store = load_store([project.ontology, project.actors, fixture])
    found = [
        (r["type"], r["date"], r["participantLabel"]) for r in rows(project, store, "meetings")
    ]
    assert found == [
        ("PhoneCall", "2023-02-04", "Antony Blinken"),
        ("PhoneCall", "2023-02-04", "Wang Yi"),
    ]


@pytest.fixture(scope="module")
def both(project: Project) -> ox.Store:
    """The built dataset (the seed article, 2023-06-19) and the v2 cases (2023-10-28)."""
    return load_store([project.dump, FIXTURES / "queries" / "v2-cases.ttl"])


def csv_rows(project: Project, store: ox.Store, name: str, **page: int) -> list[list[str]]:
    """The header and the rows of a stored query's SPARQL CSV (a quote may hold a line break)."""
    output = render(run(store, resolve(project.queries, name), **page), "csv")
    return list(csv.reader(io.StringIO(output.decode("utf-8"), newline="")))


@pytest.mark.parametrize(
    "scope",
    [
        Scope(since=dt.date(2023, 6, 19), until=dt.date(2023, 6, 19)),
        Scope(actors=("id:xi-jinping",)),
        Scope(actors=("id:wang-yi", "id:xi-jinping"), until=dt.date(2023, 7, 1)),
    ],
    ids=["published-that-day", "one-actor", "every-actor-and-until"],
)
@pytest.mark.parametrize("name", NAMES)
def test_a_scope_of_the_seed_article_gives_exactly_its_rows(
    project: Project, both: ox.Store, scope: Scope, name: str
) -> None:
    expected = (FIXTURES / "queries" / f"{name}.csv").read_text(encoding="utf-8")
    found = csv_rows(project, scoped_store(both, scope), name)
    assert found == list(csv.reader(io.StringIO(expected, newline="")))


@pytest.mark.parametrize("name", NAMES)
def test_a_scope_of_the_cases_article_gives_the_rows_of_the_cases_alone(
    project: Project, both: ox.Store, cases: ox.Store, name: str
) -> None:
    scoped = scoped_store(both, Scope(since=dt.date(2023, 10, 1)))
    assert csv_rows(project, scoped, name) == csv_rows(project, cases, name)


@pytest.mark.parametrize("look_ups", [0, 1, 1_000], ids=["scans", "one-look-up", "look-ups"])
def test_a_scope_selects_the_articles_mentioning_every_actor_published_in_range(
    both: ox.Store, look_ups: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(scope_module, "LOOK_UPS", look_ups)  # every way of selecting, one answer
    seed, cases = GRAPH + "global-times-2023-06-19-wang-yi-blinken", GRAPH + "v2-cases"

    def selected(scope: Scope) -> list[str]:
        return [graph.value for graph in article_graphs(both, scope)]

    assert selected(Scope(actors=("id:wang-yi",))) == [seed, cases]
    assert selected(Scope(actors=("id:wang-yi",), since=dt.date(2023, 6, 20))) == [cases]
    assert selected(Scope(until=dt.date(2023, 6, 18))) == []
    assert selected(Scope(actors=("id:nobody",))) == []
    assert selected(Scope(actors=("id:xi-jinping", "id:wang-yi"), since=dt.date(2023, 6, 19))) == [
        seed
    ]
    assert [graph.value for graph in shared_graphs(both)] == [
        GRAPH + "actors",
        GRAPH + "codes",
        GRAPH + "diplograph",
    ]


@pytest.mark.parametrize("name", NAMES)
def test_a_page_is_the_slice_of_the_rows_in_the_query_order(
    project: Project, both: ox.Store, name: str
) -> None:
    header, *every = csv_rows(project, both, name)
    assert len(every) >= 2  # so that the page below is a real slice
    assert csv_rows(project, both, name, limit=2, offset=1) == [header, *every[1:3]]
    assert csv_rows(project, both, name, offset=len(every) - 1) == [header, every[-1]]
    assert csv_rows(project, both, name, limit=0) == [header]


def test_query_command_pages_a_scope(project: Project) -> None:
    cases = FIXTURES / "queries" / "v2-cases.ttl"
    args = ["query", "statements", "--data", str(project.dump), "--data", str(cases)]
    page = [*args, "--since", "2023-10-01", "--limit", "1", "--offset", "1", "--format", "csv"]
    result = CliRunner().invoke(main, ["--root", str(project.root), *page])
    assert result.exit_code == 0, result.stderr
    expected = csv_rows(project, load_store([*project.vocabulary(), cases]), "statements")
    assert list(csv.reader(io.StringIO(result.stdout, newline=""))) == [expected[0], expected[2]]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--endpoint", "http://127.0.0.1:9/sparql", "--actor", "id:wang-yi"],
            "error: --actor, --since and --until need --store or --data\n",
        ),
        (
            ["--actor", "wang-yi"],
            "error: --actor 'wang-yi': not an IRI (give id:NAME or a full IRI)\n",
        ),
    ],
    ids=["scope-on-an-endpoint", "actor-not-an-iri"],
)
def test_query_command_refuses_a_bad_scope_in_one_line(
    project: Project, args: list[str], message: str
) -> None:
    result = CliRunner().invoke(main, ["--root", str(project.root), "query", "meetings", *args])
    assert (result.exit_code, result.stderr) == (2, message)


def test_query_command_refuses_a_date_that_is_no_day(project: Project) -> None:
    result = CliRunner().invoke(
        main, ["--root", str(project.root), "query", "meetings", "--since", "2023-13-01"]
    )
    assert result.exit_code == 2
    assert "'2023-13-01' does not match the format '%Y-%m-%d'" in result.stderr
