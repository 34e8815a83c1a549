"""Every stored query answers its question on the seed article with exactly the expected rows.

The expected answers are SPARQL 1.1 CSV files in ``fixtures/queries/``, one per stored query,
reviewed by hand against the article text.
"""

from __future__ import annotations

import csv
import io

import pyoxigraph as ox
import pytest

from conftest import FIXTURES, ROOT
from diplograph.project import Project
from diplograph.query import render, resolve, run, stored_queries
from diplograph.rdfio import load_store

NAMES = ["demands", "meetings", "posts", "references", "stances", "statements", "timeline"]
ARTICLE = "https://w3id.org/diplograph/id/article/global-times-2023-06-19-wang-yi-blinken"


def rows(project: Project, store: ox.Store, name: str) -> list[dict[str, str]]:
    output = render(run(store, resolve(project.queries, name)), "csv").decode("utf-8")
    return list(csv.DictReader(io.StringIO(output)))


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


def test_meetings_lists_each_participant_with_date_place_and_article(
    project: Project, store: ox.Store
) -> None:
    found = {
        (r["type"], r["date"], r["placeLabel"], r["participantLabel"], r["article"])
        for r in rows(project, store, "meetings")
        if r["date"]
    }
    assert found == {
        ("Meeting", "2023-06-19", "Beijing", "Wang Yi", ARTICLE),
        ("Meeting", "2023-06-19", "Beijing", "Antony Blinken", ARTICLE),
        ("Talks", "2023-06-18", "", "Qin Gang", ARTICLE),
        ("Talks", "2023-06-18", "", "Antony Blinken", ARTICLE),
    }


def test_demands_include_the_four_demands_on_the_us(project: Project, store: ox.Store) -> None:
    demands = rows(project, store, "demands")
    actions = {r["action"] for r in demands if r["speakerLabel"] == "Wang Yi"}
    assert {
        'stop hyping the "China threat" narrative',
        "lift illegal unilateral sanctions on China",
        "stop interfering in China's internal affairs",
    } <= actions
    assert {r["targetLabel"] for r in demands} == {"United States"}


def test_timeline_is_in_date_order(project: Project, store: ox.Store) -> None:
    dates = [r["date"] for r in rows(project, store, "timeline")]
    assert dates == sorted(dates)
    assert dates[0] == "2023-06-18"


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
