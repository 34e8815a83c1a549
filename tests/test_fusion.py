"""One event, many reports (diplograph.fusion): two articles' accounts of one meeting are one event.

The texts are invented for these tests: a readout of a state (the U.S. Department of State) and an
article of a newspaper of the other state (the Korea Herald) about the same meeting.
"""

from __future__ import annotations

import datetime as dt
import shutil
from dataclasses import replace
from pathlib import Path

import pyoxigraph as ox
import pytest

from diplograph.build import compile_quads, run_checks
from diplograph.extract.corpus import Article
from diplograph.extract.run import extract_articles, serialize
from diplograph.fusion import Account, accounts, clusters, fuse
from diplograph.project import Project, init_folder
from diplograph.query import render, resolve, run
from diplograph.rdfio import canonical_nquads, load_store, read_quads
from diplograph.validate import validate
from diplograph.vocab import CODE, DIP, ID, graph_iri

ROOT = Path(__file__).resolve().parents[1]
PROJECT = Project(ROOT)
SEED = ROOT / "data" / "articles" / "global-times-2023-06-19-wang-yi-blinken.ttl"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")

READOUT = Article(
    "state-2024-03-12-blinken-cho",
    "Secretary of State Antony J. Blinken met with Republic of Korea Foreign Minister Cho Tae-yul "
    "in Washington today. Secretary Blinken reaffirmed the ironclad U.S. commitment to the "
    "defense of the Republic of Korea. The two sides agreed to deepen trilateral cooperation "
    "with Japan.",
    dt.date(2024, 3, 12),
    "U.S. Department of State",
)
NEWSPAPER = Article(
    "korea-herald-2024-03-13-cho-blinken",
    "Foreign Minister Cho Tae-yul met with US Secretary of State Antony Blinken in Washington on "
    "Tuesday. Cho urged the United States to keep pressure on North Korea over its missile "
    "launches.",
    dt.date(2024, 3, 13),  # a Wednesday: "Tuesday" is 2024-03-12
    "Korea Herald",
)
EVENT = f"{ID}event/meeting-2024-03-12-antony-blinken-cho-tae-yul"
READOUT_NODE = f"{ID}{READOUT.id}/meeting-antony-blinken-cho-tae-yul"
NEWSPAPER_NODE = f"{ID}{NEWSPAPER.id}/meeting-cho-tae-yul-antony-blinken"


def _quads(*articles: Article) -> list[ox.Quad]:
    return extract_articles(PROJECT, list(articles)).quads


@pytest.fixture(scope="module")
def fused() -> list[ox.Quad]:
    return _quads(READOUT, NEWSPAPER)


def _iri(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple) -> str:
    return term.value if isinstance(term, ox.NamedNode) else str(term)


def _objects(quads: list[ox.Quad], subject: str, predicate: str) -> set[str]:
    return {
        q.object.value
        for q in quads
        if q.subject == ox.NamedNode(subject)
        and q.predicate == ox.NamedNode(DIP + predicate)
        and isinstance(q.object, ox.NamedNode | ox.Literal)
    }


def _interactions(quads: list[ox.Quad]) -> set[str]:
    return {
        _iri(q.subject)
        for q in quads
        if q.predicate == RDF_TYPE
        and q.object in {ox.NamedNode(DIP + k) for k in ("Meeting", "Talks", "Call", "Visit")}
    }


def test_two_reports_of_one_meeting_are_one_event(fused: list[ox.Quad]) -> None:
    assert _interactions(fused) == {EVENT}
    assert _objects(fused, EVENT, "reportedIn") == {
        f"{ID}article/{READOUT.id}",
        f"{ID}article/{NEWSPAPER.id}",
    }
    assert _objects(fused, EVENT, "participant") == {f"{ID}antony-blinken", f"{ID}cho-tae-yul"}
    assert _objects(fused, EVENT, "date") == {"2024-03-12"}
    assert _objects(fused, EVENT, "place") == {f"{ID}washington"}
    # each article's evidence of the meeting, in that article's graph
    evidence = {
        (q.object.value, q.graph_name.value)
        for q in fused
        if q.subject == ox.NamedNode(EVENT)
        and q.predicate == ox.NamedNode(DIP + "hasEvidence")
        and isinstance(q.object, ox.NamedNode)
        and isinstance(q.graph_name, ox.NamedNode)
    }
    assert evidence == {
        (f"{ID}{READOUT.id}/char/0-113", graph_iri(READOUT.id)),
        (f"{ID}{NEWSPAPER.id}/char/0-100", graph_iri(NEWSPAPER.id)),
    }


def test_each_article_keeps_its_own_report(fused: list[ox.Quad]) -> None:
    for node, article, span, expression in (
        (READOUT_NODE, READOUT.id, "char/0-113", "today"),
        (NEWSPAPER_NODE, NEWSPAPER.id, "char/0-100", "Tuesday"),
    ):
        assert _objects(fused, node, "reportOf") == {EVENT}
        assert _objects(fused, node, "reportedIn") == {f"{ID}article/{article}"}
        assert _objects(fused, node, "hasEvidence") == {f"{ID}{article}/{span}"}
        assert _objects(fused, node, "date") == {"2024-03-12"}
        (resolution,) = _objects(fused, node, "dateResolution")
        assert _objects(fused, resolution, "relativeExpression") == {expression}
        derived = {
            _iri(q.object)
            for q in fused
            if q.subject == ox.NamedNode(node) and q.predicate.value.endswith("#wasDerivedFrom")
        }
        assert derived == {f"{ID}{article}/{span}"}


def test_statements_of_both_articles_are_made_during_the_one_event(fused: list[ox.Quad]) -> None:
    during = {
        _iri(q.subject).split("/")[-2]
        for q in fused
        if q.predicate == ox.NamedNode(DIP + "madeDuring") and q.object == ox.NamedNode(EVENT)
    }
    assert during == {READOUT.id, NEWSPAPER.id}
    assert not [q for q in fused if q.object in {ox.NamedNode(READOUT_NODE)}]


def test_the_event_is_coded_once(fused: list[ox.Quad]) -> None:
    coded = sorted(
        _iri(q.subject)
        for q in fused
        if q.predicate == ox.NamedNode(DIP + "codes") and q.object == ox.NamedNode(EVENT)
    )
    assert coded == [f"{NEWSPAPER_NODE}/event"]


def test_the_fused_graphs_conform(fused: list[ox.Quad], tmp_path: Path) -> None:
    path = tmp_path / "fused.nq"
    path.write_bytes(serialize(fused, "nquads"))
    assert validate(PROJECT, [path]).results == []


def test_the_meetings_query_shows_the_event_once_with_both_articles(
    fused: list[ox.Quad], tmp_path: Path
) -> None:
    path = tmp_path / "fused.nq"
    path.write_bytes(serialize(fused, "nquads"))
    store = load_store([*PROJECT.vocabulary(), path])
    output = render(run(store, resolve(PROJECT.queries, "meetings")), "csv").decode("utf-8")
    assert output.splitlines() == [
        "event,type,date,placeLabel,participantLabel,article,role,placeSource,start,end",
        *(
            f"{EVENT},Meeting,2024-03-12,Washington,{person},{ID}article/{article},{role},stated,,"
            for person, role in (("Antony Blinken", "host"), ("Cho Tae-yul", "visitor"))
            for article in (NEWSPAPER.id, READOUT.id)
        ),
    ]


@pytest.fixture(scope="module")
def separate(tmp_path_factory: pytest.TempPathFactory) -> list[ox.Quad]:
    """Each article extracted on its own and read back from its file, as the build reads them."""
    folder = tmp_path_factory.mktemp("articles")
    quads: list[ox.Quad] = []
    for article in (READOUT, NEWSPAPER):
        path = folder / f"{article.id}.nq"
        path.write_bytes(serialize(_quads(article), "nquads"))
        quads.extend(read_quads(path))
    return quads


def test_article_graphs_read_from_files_fuse_into_one_event(separate: list[ox.Quad]) -> None:
    assert _interactions(separate) == {READOUT_NODE, NEWSPAPER_NODE}
    built = fuse(separate)
    assert _interactions(built) == {EVENT}
    assert _objects(built, READOUT_NODE, "reportOf") == {EVENT}
    assert _objects(built, NEWSPAPER_NODE, "reportOf") == {EVENT}


def test_fusion_is_independent_of_the_order_of_its_input(separate: list[ox.Quad]) -> None:
    forward = serialize(fuse(sorted(separate, key=str)), "nquads")
    assert serialize(fuse(sorted(separate, key=str, reverse=True)), "nquads") == forward
    assert serialize(fuse(separate), "nquads") == forward


def test_same_participants_on_another_day_are_two_events() -> None:
    next_day = replace(
        NEWSPAPER,
        id="korea-herald-2024-03-14-cho-blinken",
        text=NEWSPAPER.text.replace("Tuesday", "Wednesday"),
        published=dt.date(2024, 3, 14),
    )
    quads = _quads(READOUT, next_day)
    assert _interactions(quads) == {
        READOUT_NODE,
        f"{ID}{next_day.id}/meeting-cho-tae-yul-antony-blinken",
    }
    # the two accounts differ in their day only
    assert {(a.participants, a.place, a.days) for a in accounts(quads)} == {
        (PEOPLE, f"{ID}washington", DAY),
        (PEOPLE, f"{ID}washington", (dt.date(2024, 3, 13), dt.date(2024, 3, 13))),
    }


def test_a_conflicting_place_makes_two_events() -> None:
    elsewhere = replace(NEWSPAPER, text=NEWSPAPER.text.replace("Washington", "New York"))
    quads = _quads(READOUT, elsewhere)
    assert _interactions(quads) == {READOUT_NODE, NEWSPAPER_NODE}
    # the two accounts differ in their place only
    assert {(a.participants, a.place, a.days) for a in accounts(quads)} == {
        (PEOPLE, f"{ID}washington", DAY),
        (PEOPLE, f"{ID}new-york", DAY),
    }


def test_two_events_of_one_kind_day_and_participants_get_numbered_iris() -> None:
    """Two meetings of the same two people on one day, one in Washington and one in New York,
    each reported by two articles: two events, the one whose first account's IRI sorts later
    numbered ("…-cho-blinken-new-york/…" sorts before "…-cho-blinken/…")."""
    in_new_york = [
        replace(a, id=f"{a.id}-new-york", text=a.text.replace("Washington", "New York"))
        for a in (READOUT, NEWSPAPER)
    ]
    quads = _quads(READOUT, NEWSPAPER, *in_new_york)
    assert _interactions(quads) == {EVENT, f"{EVENT}-2"}
    assert _objects(quads, EVENT, "place") == {f"{ID}new-york"}
    assert _objects(quads, f"{EVENT}-2", "place") == {f"{ID}washington"}


DAY = (dt.date(2024, 3, 12), dt.date(2024, 3, 12))
PEOPLE = frozenset({f"{ID}antony-blinken", f"{ID}cho-tae-yul"})
ONE = Account(f"{ID}a/meeting", "a", ("Meeting",), PEOPLE, frozenset(), frozenset(), DAY, None)


def test_an_account_with_two_candidates_in_one_article_fuses_with_neither() -> None:
    second = replace(ONE, node=f"{ID}b/meeting-1", article_id="b")
    third = replace(ONE, node=f"{ID}b/meeting-2", article_id="b")
    assert clusters([ONE, second, third]) == []
    assert clusters([ONE, second]) == [[ONE, second]]


def test_a_host_in_one_account_and_visitor_in_the_other_are_two_events() -> None:
    host = replace(ONE, hosts=frozenset({f"{ID}antony-blinken"}))
    visitor = replace(
        ONE, node=f"{ID}b/meeting", article_id="b", visitors=frozenset({f"{ID}antony-blinken"})
    )
    assert clusters([host, visitor]) == []


def test_a_call_and_a_meeting_are_two_events_and_undated_accounts_never_fuse() -> None:
    call = replace(ONE, node=f"{ID}b/call", article_id="b", kinds=("Call",))
    undated = replace(ONE, node=f"{ID}c/meeting", article_id="c", days=None)
    assert clusters([ONE, call, undated]) == []


def test_three_articles_of_one_meeting_are_one_group_in_article_order() -> None:
    b = replace(ONE, node=f"{ID}b/meeting", article_id="b")
    c = replace(
        ONE,
        node=f"{ID}c/meeting",
        article_id="c",
        days=(dt.date(2024, 3, 11), dt.date(2024, 3, 12)),
    )
    assert clusters([c, b, ONE]) == [[ONE, b, c]]


def test_the_seed_graph_is_unchanged_by_fusion() -> None:
    quads = read_quads(SEED)
    assert accounts(quads) != []
    assert fuse(quads) == quads


SEED_DAY_READOUT = Article(
    "state-2023-06-19-blinken-wang-yi",
    "Secretary of State Antony J. Blinken met with Director of the Office of the Central Foreign "
    "Affairs Commission Wang Yi in Beijing today. The Secretary stressed the importance of "
    "maintaining open channels of communication.",
    dt.date(2023, 6, 19),
    "U.S. Department of State",
)


def test_the_seed_article_and_a_readout_of_its_meeting_build_as_one_event(tmp_path: Path) -> None:
    """A project folder with the curated Global Times article and a State Department readout of
    the same meeting, as `diplograph build` compiles it: one meeting, two reports, conforming."""
    folder = tmp_path / "newsroom"
    init_folder(folder, "0")
    shutil.copy(SEED, folder / "data" / "articles" / SEED.name)
    readout = folder / "data" / "articles" / f"{SEED_DAY_READOUT.id}.ttl"
    readout.write_bytes(serialize(_quads(SEED_DAY_READOUT), "turtle"))
    project = Project.find(folder)
    quads = compile_quads(project)
    event = f"{ID}event/meeting-2023-06-19-antony-blinken-wang-yi"
    seed_meeting = f"{ID}global-times-2023-06-19-wang-yi-blinken/meeting-wang-yi-blinken"
    assert _objects(quads, seed_meeting, "reportOf") == {event}
    assert _objects(
        quads, f"{ID}{SEED_DAY_READOUT.id}/meeting-antony-blinken-wang-yi", "reportOf"
    ) == {event}
    assert _objects(quads, event, "reportedIn") == {
        f"{ID}article/global-times-2023-06-19-wang-yi-blinken",
        f"{ID}article/{SEED_DAY_READOUT.id}",
    }
    # what the curated account says of the meeting is said of the event
    assert _objects(quads, event, "partOfVisit") == {
        f"{ID}global-times-2023-06-19-wang-yi-blinken/visit-blinken-beijing"
    }
    assert _objects(quads, event, "topic") == {
        f"{CODE}issue/china-us-relations",
        f"{CODE}issue/regional-and-international-issues",
    }
    assert _objects(quads, event, "inferredProperty") == {DIP + "host", DIP + "visitor"}
    assert _objects(quads, f"{seed_meeting}/event", "codes") == {event}
    store = ox.Store()
    store.extend(quads)
    assert run_checks(project.checks, store) == []
    path = tmp_path / "built.nq"
    path.write_bytes(canonical_nquads(quads))
    assert validate(project, [path]).results == []


def test_regression_the_interactions_table_quotes_each_article_of_a_fused_event_in_its_own_text(
    fused: list[ox.Quad],
) -> None:
    # The table's one row per (event, article) took the least span over every article, so the
    # readout's row quoted the newspaper's sentence at the newspaper's offsets.
    from diplograph.dataset import Dataset

    store = load_store(PROJECT.vocabulary())
    store.extend(fused)
    rows = Dataset.open(store, PROJECT).table("interactions").records()
    texts = {f"{ID}article/{a.id}": a.text for a in (READOUT, NEWSPAPER)}
    quoted = {(row["article"], row["quote"]) for row in rows if row["interaction"] == EVENT}
    assert quoted == {
        (f"{ID}article/{READOUT.id}", READOUT.text.split(" today.")[0] + " today."),
        (f"{ID}article/{NEWSPAPER.id}", NEWSPAPER.text.split(" Tuesday.")[0] + " Tuesday."),
    }
    for row in rows:
        start, end = row["start"], row["end"]
        assert isinstance(start, int) and isinstance(end, int)
        assert texts[str(row["article"])][start:end] == row["quote"]
