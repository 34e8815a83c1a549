"""`diplograph load --endpoint` and `query --endpoint` against a real Virtuoso Open Source 7.

The server runs on 127.0.0.1 with its own database (see ``virtuoso.py``). Without virtuoso-t the
tests are skipped with the reason, except under CI=true, where they fail.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from conftest import FIXTURES, ROOT
from diplograph.build import BuildReport
from diplograph.cli import main
from diplograph.contents import VerificationFailed, check_contents, fingerprint
from diplograph.project import Project
from diplograph.query import paged, resolve, run, stored_queries
from diplograph.rdfio import load_store
from diplograph.remote import Connection, RemoteError, Server, load, select, verify
from diplograph.store import read_graphs
from diplograph.validate import validate
from diplograph.vocab import graph_iri
from test_queries import NAMES
from virtuoso import PASSWORD, USER, Virtuoso, free_port, missing

CASES = FIXTURES / "queries" / "v2-cases.ttl"


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Virtuoso]:
    reason = missing()
    if reason is not None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true and Virtuoso cannot run: {reason}")
        pytest.skip(reason)
    server = Virtuoso(tmp_path_factory.mktemp("virtuoso"))
    server.start()
    yield server
    server.stop()


@pytest.fixture(autouse=True)
def dba(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DIPLOGRAPH_USER", USER)
    monkeypatch.setenv("DIPLOGRAPH_PASSWORD", PASSWORD)
    monkeypatch.setenv("NETRC", "/nonexistent")


def server(virtuoso: Virtuoso, **options: float) -> Server:
    return Server(virtuoso.sparql, virtuoso.graph_store, virtuoso.sparql_auth, **options)  # type: ignore[arg-type]


def invoke(project: Project, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["--root", str(project.root), *args])
    return result.exit_code, result.stdout, result.stderr


def load_args(virtuoso: Virtuoso) -> list[str]:
    return ["load", "--endpoint", virtuoso.sparql, "--graph-store", virtuoso.graph_store]


def on_server(virtuoso: Virtuoso) -> dict[str, int]:
    with Connection(server(virtuoso)) as connection:
        return connection.counts()


@pytest.fixture(scope="module")
def loaded(virtuoso: Virtuoso, built: tuple[Project, BuildReport]) -> Virtuoso:
    with pytest.MonkeyPatch.context() as env:
        env.setenv("DIPLOGRAPH_USER", USER)
        env.setenv("DIPLOGRAPH_PASSWORD", PASSWORD)
        code, _, err = invoke(built[0], *load_args(virtuoso))
    assert code == 0, err
    return virtuoso


def test_load_puts_every_graph_with_its_triple_count(
    loaded: Virtuoso, built: tuple[Project, BuildReport]
) -> None:
    assert on_server(loaded) == built[1].triples


def test_the_virtuoso_store_dumped_back_has_the_dumps_content_and_conforms(
    loaded: Virtuoso, built: tuple[Project, BuildReport], tmp_path: Path
) -> None:
    """Virtuoso gave offsets back as xsd:integer: not the dump's triples, and not conforming."""
    project, report = built
    graphs = read_graphs(project.dump)
    with Connection(server(loaded)) as connection:
        back = {name: connection.triples(name, count) for name, count in report.triples.items()}
    dumped = tmp_path / "virtuoso.nq"
    quads = (
        ox.Quad(t.subject, t.predicate, t.object, ox.NamedNode(name))
        for name, ts in back.items()
        for t in ts
    )
    dumped.write_bytes(ox.serialize(quads, format=ox.RdfFormat.N_QUADS) or b"")
    assert check_contents(loaded.sparql, graphs, back) == {
        name: fingerprint(triples) for name, triples in graphs.items()
    }
    assert validate(project, [dumped]).results == []
    integer = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
    offsets = {t.object for ts in back.values() for t in ts if t.predicate.value.endswith("#end")}
    assert offsets and all(isinstance(o, ox.Literal) and o.datatype == integer for o in offsets)


def test_verify_names_the_first_triple_virtuoso_holds_differently(
    loaded: Virtuoso, built: tuple[Project, BuildReport]
) -> None:
    project, _ = built
    graphs = read_graphs(project.dump)
    actors = graph_iri("actors")
    label = next(t for t in graphs[actors] if t.predicate.value.endswith("#label"))
    changed = ox.Triple(label.subject, label.predicate, ox.Literal("someone else", language="en"))
    altered = {**graphs, actors: [changed if t == label else t for t in graphs[actors]]}
    with pytest.raises(VerificationFailed) as failed:
        verify(server(loaded), altered)
    line, kind = min((f"{changed} .", "missing"), (f"{label} .", "unexpected"))
    assert str(failed.value) == (
        f"graph contents differ in {loaded.sparql}: graph:actors (dump 173 triples, found 173; "
        f"first difference: {kind} {line})"
    )


def test_a_server_that_cuts_results_short_is_an_error_not_a_pass(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    one_row = b"""{"head": {"vars": ["s", "p", "o"]}, "results": {"bindings": [
        {"s": {"type": "uri", "value": "urn:s"}, "p": {"type": "uri", "value": "urn:p"},
         "o": {"type": "literal", "value": "o"}}]}}"""
    url = "http://127.0.0.1:9/sparql"
    with Connection(Server(url)) as connection:
        monkeypatch.setattr(
            connection,
            "select",
            lambda query: ox.parse_query_results(one_row, ox.QueryResultsFormat.JSON),
        )
        assert [str(t) for t in connection.triples(graph_iri("a"), 1)] == ['<urn:s> <urn:p> "o"']
        with pytest.raises(RemoteError) as error:
            connection.triples(graph_iri("a"), 2)
    assert str(error.value) == (
        f"{url}: graph:a answered 1 of its 2 triples: the server cuts results short "
        "(Virtuoso: raise ResultSetMaxRows in virtuoso.ini, see docs/loading.md)"
    )


def rows(solutions: ox.QuerySolutions) -> list[tuple[str, ...]]:
    names = [variable.value for variable in solutions.variables]
    return sorted(tuple(str(s[n]) if s[n] is not None else "" for n in names) for s in solutions)


@pytest.mark.parametrize("name", NAMES)
def test_stored_query_has_the_same_rows_on_virtuoso_and_the_embedded_store(
    loaded: Virtuoso, project: Project, store: ox.Store, name: str
) -> None:
    query = resolve(project.queries, name)
    expected = rows(run(store, query))
    assert expected, f"{name} returns no row"
    # str() of a term keeps language tags and datatypes: "Wang Yi"@en, "2023-06-19"^^xsd:date
    assert rows(select(Server(loaded.sparql), query.text)) == expected


@pytest.mark.parametrize("name", NAMES)
def test_a_page_of_a_stored_query_is_the_same_on_virtuoso_and_the_embedded_store(
    loaded: Virtuoso, project: Project, store: ox.Store, name: str
) -> None:
    query = resolve(project.queries, name)
    offset = 1 if len(rows(run(store, query))) > 1 else 0  # commitments has one row
    expected = rows(run(store, query, limit=2, offset=offset))
    assert expected, f"{name} returns no row"
    page = paged(query.text, limit=2, offset=offset)
    assert rows(select(Server(loaded.sparql), page)) == expected


def test_every_stored_query_is_compared() -> None:
    assert sorted(stored_queries(ROOT / "queries")) == NAMES


@pytest.fixture
def with_cases(loaded: Virtuoso) -> Iterator[Virtuoso]:
    """The server with fixtures/queries/v2-cases.ttl in a graph of its own, for one test."""
    auth = httpx.DigestAuth(USER, PASSWORD)
    graph = {"graph": graph_iri(CASES.stem)}
    answer = httpx.put(
        loaded.graph_store,
        params=graph,
        content=CASES.read_bytes(),
        headers={"Content-Type": "text/turtle"},
        auth=auth,
    )
    assert answer.status_code in (200, 201), answer.text
    try:
        yield loaded
    finally:
        assert httpx.delete(loaded.graph_store, params=graph, auth=auth).status_code in (200, 204)


@pytest.mark.parametrize("name", NAMES)
def test_stored_query_has_the_same_rows_on_virtuoso_with_the_v2_cases(
    with_cases: Virtuoso, project: Project, name: str
) -> None:
    # the cases the seed lacks: ranges of days, derived places, two speakers, shared spans only,
    # several PLOVER modes and contexts (sorted in one cell)
    query = resolve(project.queries, name)
    expected = rows(run(load_store([project.dump, CASES]), query))
    assert rows(select(Server(with_cases.sparql), query.text)) == expected


def test_query_command_on_the_endpoint_prints_the_same_csv(
    loaded: Virtuoso, project: Project
) -> None:
    code, remote, err = invoke(
        project, "query", "posts", "--endpoint", loaded.sparql, "--format", "csv"
    )
    assert code == 0, err
    local = invoke(project, "query", "posts", "--format", "csv")[1]
    assert sorted(remote.splitlines()) == sorted(local.splitlines())


def test_reload_is_idempotent_and_drops_graphs_the_dump_lacks(
    loaded: Virtuoso, built: tuple[Project, BuildReport]
) -> None:
    stale = graph_iri("withdrawn-article")
    answer = httpx.put(
        loaded.graph_store,
        params={"graph": stale},
        content=b"<urn:x> <urn:p> <urn:o> .",
        headers={"Content-Type": "text/turtle"},
        auth=httpx.DigestAuth(USER, PASSWORD),
    )
    assert answer.status_code == 201
    assert on_server(loaded)[stale] == 1
    code, out, err = invoke(built[0], *load_args(loaded))
    assert code == 0, err
    assert "4 graphs replaced, 0 unchanged, 1 removed" in out
    assert on_server(loaded) == built[1].triples


def test_update_fallback_when_there_is_no_graph_store(
    loaded: Virtuoso, built: tuple[Project, BuildReport]
) -> None:
    project, report = built
    graphs = read_graphs(project.dump)
    article = next(name for name in graphs if "global-times" in name)
    few = {article: graphs[article][:600]}  # more than one INSERT DATA batch
    nowhere = Server(loaded.sparql, f"{loaded.base}/no-graph-store-here", loaded.sparql_auth)
    done = load(nowhere, {**graphs, **few})
    assert done.replaced == list(graphs)
    assert on_server(loaded) == {**report.triples, article: 600}
    assert invoke(project, *load_args(loaded))[0] == 0
    assert on_server(loaded) == report.triples


def test_kill_mid_load_then_restart_and_reload_loses_and_doubles_nothing(
    loaded: Virtuoso, built: tuple[Project, BuildReport]
) -> None:
    project, report = built
    graphs = read_graphs(project.dump)
    batches: list[str] = []

    def crash_on_the_third_batch(graph: str, triples: int) -> None:
        batches.append(graph)
        if len(batches) == 3:
            loaded.kill()

    with pytest.raises(RemoteError) as failure:
        load(server(loaded, batch=200, retries=1, backoff=0.1), graphs, crash_on_the_third_batch)
    loaded.start()
    message = str(failure.value)
    assert batches == [graph_iri("actors"), graph_iri("codes"), graph_iri("codes")]
    assert message.startswith(f"POST {loaded.graph_store}: cannot connect")
    assert message.endswith(
        "loaded 1 of 4 graphs (graph:actors), not loaded: graph:codes, graph:diplograph, "
        "graph:global-times-2023-06-19-wang-yi-blinken; rerun the load to complete it"
    )
    assert on_server(loaded)[graph_iri("codes")] == 400  # two batches of 200 made it
    code, _, err = invoke(project, *load_args(loaded))
    assert code == 0, err
    assert on_server(loaded) == report.triples
    assert all(
        rows(select(Server(loaded.sparql), resolve(project.queries, name).text))
        for name in ("meetings", "statements")
    )


def test_wrong_credentials_are_a_clear_error(
    loaded: Virtuoso, project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DIPLOGRAPH_PASSWORD", "not-the-password")
    code, _, err = invoke(project, *load_args(loaded))
    assert code == 2
    assert err.strip() == (
        f"error: GET {loaded.graph_store}: HTTP 401: the server refused the credentials of "
        f"user 'dba'"
    )


def test_missing_credentials_say_where_to_put_them(
    loaded: Virtuoso, project: Project, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("DIPLOGRAPH_USER")
    monkeypatch.delenv("DIPLOGRAPH_PASSWORD")
    code, _, err = invoke(project, *load_args(loaded))
    assert code == 2
    assert "HTTP 401: the server wants credentials; set DIPLOGRAPH_USER and" in err
    netrc = tmp_path / "netrc"
    netrc.write_text(f"machine 127.0.0.1 login {USER} password {PASSWORD}\n")
    netrc.chmod(0o600)
    monkeypatch.setenv("NETRC", str(netrc))
    code, _, err = invoke(project, *load_args(loaded))
    assert code == 0, err


def test_unreachable_endpoint_fails_clearly_in_bounded_time(project: Project) -> None:
    url = f"http://127.0.0.1:{free_port()}/sparql"
    started = time.monotonic()
    code, _, err = invoke(project, "load", "--endpoint", url, "--retries", "2")
    elapsed = time.monotonic() - started
    assert code == 2
    assert err.strip() == (
        f"error: POST {url}: cannot connect (is the server running, and is the URL right?) "
        "(after 3 attempts)"
    )
    assert elapsed < 30  # 0.5 s + 1 s of backoff; the bound is what matters, not the speed
