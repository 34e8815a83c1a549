"""`diplograph ingest`: corpus to store, incremental, parallel, on a Dask cluster, then served."""

from __future__ import annotations

import importlib.util
import json
import os
import re
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from starlette.testclient import TestClient

from conftest import ROOT
from diplograph.cli import main
from diplograph.extract.graph import actor_quads
from diplograph.ingest.checking import Checker, Graph
from diplograph.ingest.engines import Runner, cluster, in_process, local
from diplograph.ingest.ledger import Ledger
from diplograph.ingest.pipeline import Report, Run, version
from diplograph.ingest.reading import stream
from diplograph.ingest.targets import LEDGER, StoreTarget
from diplograph.ingest.work import Context, Outcome, extract
from diplograph.project import Project
from diplograph.rdfio import canonical_nquads
from diplograph.store import open_store
from diplograph.validate import validate
from diplograph.vocab import GRAPH, graph_iri

SCHEMA = "https://schema.org/"

SHARED = [GRAPH + name for name in ("actors", "codes", "diplograph")]


def _make_corpus() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_corpus", ROOT / "benchmarks/make_corpus.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


make_corpus = _make_corpus()


def write_corpus(path: Path, rows: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


def synthetic(count: int, seed: int = 3) -> list[dict[str, str]]:
    return list(make_corpus.articles(count, seed))


def invoke(root: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["--root", str(root), *args])
    return result.exit_code, result.stdout, result.stderr


def dump(folder: Path) -> bytes:
    return canonical_nquads(open_store(folder, read_only=True))


@pytest.fixture(autouse=True)
def fixed_version(monkeypatch: pytest.MonkeyPatch) -> None:
    """The pipeline version pinned: others editing the extractor's code during a test run would
    otherwise (rightly) make every rerun re-extract everything."""
    monkeypatch.setattr("diplograph.ingest.pipeline.version", lambda project: "v1")


def ingest(
    project: Project, corpus: Path, folder: Path, engine: Runner = in_process, batch: int = 4
) -> Report:
    ledger = Ledger(folder / LEDGER)
    try:
        return Run(project, StoreTarget(folder), ledger).run(corpus, engine, batch, lambda _: None)
    finally:
        ledger.close()


def test_make_corpus_is_deterministic_and_varied() -> None:
    first, again, other = synthetic(30), synthetic(30), synthetic(30, seed=4)
    assert first == again
    assert first != other
    assert len({row["id"] for row in first}) == 30
    titles = " ".join(row["title"] for row in first)
    assert all(kind in titles for kind in ("Call", "Meeting", "Travel", "Joint Statement"))


def test_one_and_two_workers_give_the_same_nquads(tmp_path: Path) -> None:
    project = Project(ROOT)
    corpus = write_corpus(tmp_path / "c.jsonl", synthetic(8))
    one = ingest(project, corpus, tmp_path / "one")
    two = ingest(project, corpus, tmp_path / "two", local(2))
    assert (one.read, one.new, two.new) == (8, 8, 8)
    assert dump(tmp_path / "one") == dump(tmp_path / "two")
    graphs = {g.value for g in open_store(tmp_path / "two", read_only=True).named_graphs()}
    articles = {graph_iri(row["id"]) for row in synthetic(8)}
    assert articles | {GRAPH + "extracted-actors", *SHARED} <= graphs


def test_dask_cluster_gives_the_single_process_output(tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    project = Project(ROOT)
    corpus = write_corpus(tmp_path / "c.jsonl", synthetic(6, seed=5))
    ingest(project, corpus, tmp_path / "single")
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as local_cluster:
        report = ingest(
            project, corpus, tmp_path / "cluster", cluster(local_cluster.scheduler_address), 3
        )
    assert report.new == 6
    assert dump(tmp_path / "single") == dump(tmp_path / "cluster")


def test_rerun_skips_unchanged_replaces_changed_and_adds_new(tmp_path: Path) -> None:
    project = Project(ROOT)
    rows = synthetic(4, seed=6)
    corpus = write_corpus(tmp_path / "c.jsonl", rows)
    ingest(project, corpus, tmp_path / "s")
    changed = {**rows[1], "text": rows[1]["text"] + " The Secretary thanked Qatar for its support."}
    added = synthetic(5, seed=6)[4]
    write_corpus(corpus, [rows[0], changed, rows[2], rows[3], added])
    report = ingest(project, corpus, tmp_path / "s")
    assert (report.read, report.unchanged, report.replaced, report.new) == (5, 3, 1, 1)
    store = open_store(tmp_path / "s", read_only=True)
    texts = [
        str(q.object.value) if isinstance(q.object, ox.Literal) else None
        for q in store.quads_for_pattern(
            None, ox.NamedNode(SCHEMA + "text"), None, ox.NamedNode(graph_iri(rows[1]["id"]))
        )
    ]
    assert texts == [changed["text"]]
    assert ingest(project, corpus, tmp_path / "s").unchanged == 5


def test_new_pipeline_version_redoes_every_article(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = Project(ROOT)
    corpus = write_corpus(tmp_path / "c.jsonl", synthetic(2, seed=6))
    ingest(project, corpus, tmp_path / "s")
    monkeypatch.setattr("diplograph.ingest.pipeline.version", lambda project: "v2")
    report = ingest(project, corpus, tmp_path / "s")
    assert (report.unchanged, report.replaced) == (0, 2)


def test_store_removed_under_the_ledger_is_refilled(tmp_path: Path) -> None:
    """Regression: a ledger saying "loaded" must not skip an article whose graph is gone."""
    project = Project(ROOT)
    corpus = write_corpus(tmp_path / "c.jsonl", synthetic(2, seed=7))
    ingest(project, corpus, tmp_path / "s")
    store = open_store(tmp_path / "s")
    store.remove_graph(ox.NamedNode(graph_iri(synthetic(2, seed=7)[0]["id"])))
    store.flush()
    del store
    report = ingest(project, corpus, tmp_path / "s")
    assert (report.unchanged, report.new) == (1, 1)


STRICT_SHAPE = """@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix dip: <https://w3id.org/diplograph/ontology#> .
<urn:test:CallShape> a sh:NodeShape ; sh:targetClass dip:Call ;
  sh:property [ sh:path dip:strictTestProperty ; sh:minCount 1 ] .
"""


def test_version_follows_the_shapes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.undo()
    folder = tmp_path / "project"
    assert invoke(tmp_path, "init", str(folder))[0] == 0
    project = Project.find(folder)
    before = version(project)
    assert version(project) == before
    (folder / "shapes" / "strict.ttl").write_text(STRICT_SHAPE)
    assert version(project) != before


def test_articles_violating_a_shape_are_kept_out_and_listed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the version as the shapes make it (test_version_follows_the_shapes), not the extractor's code
    shapes = "diplograph.ingest.pipeline.version"
    monkeypatch.setattr(shapes, lambda project: f"shapes-{len(project.shape_files())}")
    folder = tmp_path / "project"
    assert invoke(tmp_path, "init", str(folder))[0] == 0
    rows = synthetic(6, seed=8)
    calls = [row["id"] for row in rows if " spoke today with " in row["text"]]
    assert 0 < len(calls) < len(rows)
    corpus = write_corpus(tmp_path / "c.jsonl", rows)
    assert invoke(folder, "ingest", str(corpus), "--workers", "1")[0] == 0
    (folder / "shapes" / "strict.ttl").write_text(STRICT_SHAPE)
    code, out, _ = invoke(folder, "ingest", str(corpus), "--workers", "1")
    assert code == 1
    for identifier in calls:
        assert f"rejected: {identifier}: 1 violations" in out
    assert re.search(
        r"  id:\S+/call-\S+ dip:strictTestProperty: .*\[sh:MinCountConstraintComponent\]", out
    )
    graphs = {
        g.value for g in open_store(folder / "data" / ".store", read_only=True).named_graphs()
    }
    assert graphs.isdisjoint({graph_iri(i) for i in calls})
    assert {graph_iri(row["id"]) for row in rows if row["id"] not in calls} <= graphs
    code, out, _ = invoke(folder, "ingest", str(corpus), "--workers", "1")
    assert code == 1 and f"rejected: {calls[0]}: 1 violations" in out
    assert "│ unchanged (skipped)      │ 6     │" in out


def test_bad_corpus_line_is_an_error_and_writes_nothing(tmp_path: Path) -> None:
    rows = synthetic(3)
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps(rows[0]) + "\n" + json.dumps(rows[1]) + "\n{not json\n")
    code, _, err = invoke(ROOT, "ingest", str(corpus), "--store", str(tmp_path / "s"))
    assert code == 2
    assert err.startswith(f"error: {corpus}:3: not JSON")
    assert not (tmp_path / "s").exists()


def test_stream_gives_corpus_line_numbers_across_chunks(tmp_path: Path) -> None:
    rows = synthetic(5)
    del rows[3]["publisher"]
    corpus = write_corpus(tmp_path / "c.jsonl", rows)
    with pytest.raises(Exception, match=rf"^{corpus}:4: missing field 'publisher'$"):
        list(stream(corpus, chunk=2))
    assert [a.id for a in stream(write_corpus(corpus, rows[:3]), chunk=2)] == [
        row["id"] for row in rows[:3]
    ]


def test_ingested_store_is_served(tmp_path: Path) -> None:
    from diplograph.publish.site import yasgui_assets
    from diplograph.serve import Settings, Source, application

    rows = synthetic(2, seed=9)
    corpus = write_corpus(tmp_path / "c.jsonl", rows)
    code, out, _ = invoke(ROOT, "ingest", str(corpus), "--store", str(tmp_path / "s"))
    assert code == 0 and "│ new graphs loaded        │ 2     │" in out
    project = Project(ROOT)
    source = Source(store=tmp_path / "s")
    settings = Settings(
        "http://x/", source, tuple(project.query_folders()), yasgui_assets(ROOT), 5.0, 10**6
    )
    query = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph_iri(rows[0]['id'])}> {{ ?s ?p ?o }} }}"
    with TestClient(application(settings)) as client:
        response = client.get("/sparql", params={"query": query}, headers={"Accept": "text/csv"})
    store = open_store(tmp_path / "s", read_only=True)
    expected = len(
        list(store.quads_for_pattern(None, None, None, ox.NamedNode(graph_iri(rows[0]["id"]))))
    )
    assert response.status_code == 200
    assert response.text.split() == ["n", str(expected)]
    assert expected > 50


def test_ingest_into_a_sparql_server_matches_the_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from diplograph.remote import Connection, Server
    from virtuoso import PASSWORD, USER, Virtuoso, missing

    reason = missing()
    if reason is not None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true and Virtuoso cannot run: {reason}")
        pytest.skip(reason)
    monkeypatch.setenv("DIPLOGRAPH_USER", USER)
    monkeypatch.setenv("DIPLOGRAPH_PASSWORD", PASSWORD)
    monkeypatch.setenv("NETRC", "/nonexistent")
    corpus = write_corpus(tmp_path / "c.jsonl", synthetic(4, seed=10))
    ingest(Project(ROOT), corpus, tmp_path / "s")
    store = open_store(tmp_path / "s", read_only=True)
    expected = {
        g.value: len(list(store.quads_for_pattern(None, None, None, g)))
        for g in store.named_graphs()
        if isinstance(g, ox.NamedNode)
    }
    del store
    virtuoso = Virtuoso(tmp_path / "virtuoso")
    virtuoso.start()
    try:
        args = ["ingest", str(corpus), "--endpoint", virtuoso.sparql]
        args += ["--graph-store", virtuoso.graph_store, "--ledger", str(tmp_path / "l.sqlite")]
        code, out, err = invoke(ROOT, *args, "--workers", "1")
        assert code == 0, err
        assert "│ new graphs loaded        │ 4     │" in out
        server = Server(virtuoso.sparql, virtuoso.graph_store, virtuoso.sparql_auth)
        with Connection(server) as connection:
            assert connection.counts() == expected
        code, out, _ = invoke(ROOT, *args, "--workers", "1")
        assert code == 0 and "│ unchanged (skipped)      │ 4     │" in out
        assert "(none to extract)" in out and "articles/s" not in out
    finally:
        virtuoso.stop()


RDFS_LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")


def test_each_bad_article_of_a_batch_gets_the_violations_diplograph_validate_gives_it(
    tmp_path: Path,
) -> None:
    """The checker validates the batch, then halves of it, down to each failing article alone;
    what it reports for an article is what `diplograph validate` (fast) finds in its file."""
    project = Project(ROOT)
    context = Context.build(project)
    corpus = write_corpus(tmp_path / "c.jsonl", synthetic(6, seed=11))
    graphs = []
    for index, article in enumerate(stream(corpus)):
        quads, minted = extract(context, article)
        if index in (1, 4):  # damaged: every rdfs:label of the article's own nodes dropped
            quads = [q for q in quads if q.predicate != RDFS_LABEL]
        graphs.append([*quads, *actor_quads(minted)])
    verdicts = Checker(project).check([Graph.of(graph) for graph in graphs])
    for index, graph in enumerate(graphs):
        path = tmp_path / f"article-{index}.nq"
        path.write_bytes(canonical_nquads(graph))
        expected = [str(result) for result in validate(project, [path], "fast").results]
        assert verdicts[index] == expected
        assert bool(expected) == (index in (1, 4))
    assert any("rdfs:label" in violation for violation in verdicts[1])


class BrokenDisk(StoreTarget):
    def add(self, new: Sequence[Outcome], changed: Sequence[Outcome]) -> None:
        raise OSError("No space left on device")


def test_regression_a_failed_write_stops_the_run_and_is_not_in_the_ledger(tmp_path: Path) -> None:
    """Regression guard of the writer thread: its error is raised by the run, and the articles of
    the failed write are not recorded (a rerun redoes them)."""
    project = Project(ROOT)
    rows = synthetic(3, seed=12)
    corpus = write_corpus(tmp_path / "c.jsonl", rows)
    ledger = Ledger(tmp_path / "s" / LEDGER)
    run = Run(project, BrokenDisk(tmp_path / "s"), ledger)
    with pytest.raises(OSError, match="No space left on device"):
        run.run(corpus, in_process, 2, lambda _: None)
    assert [ledger.entry(row["id"]) for row in rows] == [None, None, None]
    ledger.close()


def test_registry_copies_share_the_gazetteer_and_nothing_an_article_changes(
    tmp_path: Path,
) -> None:
    """Each article's registry is a copy without the gazetteer (the process's one, shared): what
    one article mints or adds leaves the next copy as it was, so an article's graph is the same
    whatever was extracted before it in the process."""
    context = Context.build(Project(ROOT))
    first, second = stream(write_corpus(tmp_path / "c.jsonl", synthetic(2, seed=13)))
    alone = canonical_nquads(extract(context, second)[0])
    pristine = context.fresh_registry()
    aliases = {iri: set(actor.aliases) for iri, actor in pristine.actors.items()}
    quads, minted = extract(context, first)
    assert quads and minted  # the first article does mint actors
    copy = context.fresh_registry()
    assert copy.gazetteer is context.gazetteer is pristine.gazetteer
    assert copy.new_actors() == []
    assert {iri: set(actor.aliases) for iri, actor in copy.actors.items()} == aliases
    assert canonical_nquads(extract(context, second)[0]) == alone
