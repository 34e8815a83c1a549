"""`diplograph load` into the embedded persistent store, and `query --store` on it."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from conftest import ROOT, copy_project
from diplograph.build import BuildReport, build
from diplograph.cli import main
from diplograph.contents import VerificationFailed, check_contents, fingerprint
from diplograph.project import Project
from diplograph.store import counts, load, open_store, read_back, read_graphs, stored_form
from diplograph.validate import validate
from diplograph.vocab import PREFIXES, graph_iri

OA = PREFIXES["oa"]
NAMES = sorted(path.stem for path in (ROOT / "queries").glob("*.rq"))


def invoke(project: Project, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["--root", str(project.root), *args])
    return result.exit_code, result.stdout, result.stderr


def quads(path: Path) -> set[str]:
    store = open_store(path, read_only=True)
    return {str(quad) for quad in store}


def dump_quads(project: Project) -> set[str]:
    return {str(quad) for quad in stored_form(list(ox.parse(path=project.dump)))}


def test_load_fills_the_store_with_exactly_the_dump(
    built: tuple[Project, BuildReport], tmp_path: Path
) -> None:
    project, report = built
    code, out, err = invoke(project, "load", "--store", str(tmp_path / "s"))
    assert code == 0, err
    assert counts(open_store(tmp_path / "s", read_only=True)) == report.triples
    assert "4 graphs replaced, 0 unchanged, 0 removed" in out
    assert quads(tmp_path / "s") == dump_quads(project)


def test_default_store_is_under_data(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    build(project)
    code, _, err = invoke(project, "load")
    assert code == 0, err
    assert sum(counts(open_store(tmp_path / "data" / ".store", read_only=True)).values()) == len(
        project.dump.read_text().splitlines()
    )


def test_reload_is_idempotent_and_a_changed_article_leaves_no_stale_triple(
    tmp_path: Path,
) -> None:
    project = copy_project(tmp_path / "p")
    build(project)
    store = tmp_path / "s"
    assert invoke(project, "load", "--store", str(store))[0] == 0
    first = quads(store)
    code, out, _ = invoke(project, "load", "--store", str(store))
    assert code == 0 and "0 graphs replaced, 4 unchanged, 0 removed" in out
    assert quads(store) == first
    # change the article: one label differs, so its old version must disappear from the store
    article = project.articles[0]
    text = article.read_text(encoding="utf-8")
    old, new = "Wang Yi meets Antony Blinken in Beijing", "Wang Yi receives Antony Blinken"
    assert old in text
    article.write_text(text.replace(old, new), encoding="utf-8")
    build(project)
    code, out, _ = invoke(project, "load", "--store", str(store))
    assert code == 0 and "1 graphs replaced, 3 unchanged, 0 removed" in out
    after = quads(store)
    assert after == dump_quads(project)
    assert any(new in quad for quad in after)
    assert not any(old in quad for quad in after)


def test_a_graph_no_longer_in_the_dump_is_removed(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    build(project)
    store = open_store(tmp_path / "s")
    extra = ox.NamedNode(graph_iri("withdrawn-article"))
    store.add(ox.Quad(ox.NamedNode("urn:x"), ox.NamedNode("urn:p"), ox.Literal("x"), extra))
    del store
    code, out, _ = invoke(project, "load", "--store", str(tmp_path / "s"))
    assert code == 0 and "4 graphs replaced, 0 unchanged, 1 removed" in out
    assert graph_iri("withdrawn-article") not in counts(open_store(tmp_path / "s", True))


@pytest.mark.parametrize("name", NAMES)
def test_query_on_the_store_gives_the_in_memory_rows(
    built: tuple[Project, BuildReport], tmp_path_factory: pytest.TempPathFactory, name: str
) -> None:
    project, _ = built
    store = tmp_path_factory.getbasetemp() / "query-store"
    if not store.exists():
        assert invoke(project, "load", "--store", str(store))[0] == 0
    code, from_store, err = invoke(project, "query", name, "--store", str(store), "--format", "csv")
    assert code == 0, err
    assert from_store == invoke(project, "query", name, "--format", "csv")[1]
    assert len(from_store.splitlines()) > 1


def test_query_on_a_missing_store_is_an_error(project: Project, tmp_path: Path) -> None:
    code, _, err = invoke(project, "query", "meetings", "--store", str(tmp_path / "none"))
    assert code == 2
    assert err.strip() == (
        f"error: {tmp_path / 'none'}: no store here; "
        f"run `diplograph load --store {tmp_path / 'none'}` first"
    )


def test_load_before_build_is_an_error(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    code, _, err = invoke(project, "load", "--store", str(tmp_path / "s"))
    assert code == 2
    assert err.strip() == f"error: {project.dump}: not built yet; run `diplograph build` first"
    assert not (tmp_path / "s").exists()


def test_read_graphs_groups_the_dump_by_graph(built: tuple[Project, BuildReport]) -> None:
    project, report = built
    graphs = read_graphs(project.dump)
    assert {name: len(triples) for name, triples in graphs.items()} == report.triples


def test_regression_a_triple_count_hides_a_changed_value(
    built: tuple[Project, BuildReport], tmp_path: Path
) -> None:
    """Loading verified only counts: a store holding another value in a triple passed."""
    project, _ = built
    graphs = read_graphs(project.dump)
    store = open_store(tmp_path / "s")
    load(store, graphs)
    article = graph_iri("global-times-2023-06-19-wang-yi-blinken")
    end = next(
        quad
        for quad in store.quads_for_pattern(None, ox.NamedNode(OA + "end"), ox.Literal(16))
        if quad.graph_name == ox.NamedNode(article)
    )
    store.remove(end)
    store.add(ox.Quad(end.subject, end.predicate, ox.Literal(17), end.graph_name))
    stored = read_back(store)
    assert {graph: len(triples) for graph, triples in stored.items()} == {
        graph: len(triples) for graph, triples in graphs.items()
    }
    with pytest.raises(VerificationFailed) as failed:
        check_contents("s", graphs, stored)
    xsd_integer = "<http://www.w3.org/2001/XMLSchema#integer>"
    assert str(failed.value) == (
        "graph contents differ in s: graph:global-times-2023-06-19-wang-yi-blinken "
        "(dump 1633 triples, found 1633; first difference: missing "
        f'{end.subject} <{OA}end> "16"^^{xsd_integer} .)'
    )


def test_the_embedded_store_dumped_back_is_the_dump_and_conforms(
    built: tuple[Project, BuildReport], tmp_path: Path
) -> None:
    """Offsets read back from the store were xsd:integer, no longer the dump's and not conforming.

    What a store still changes is a lexical form of the same value ("6.0" decimal reads back as
    "6"), which the normal form of :mod:`diplograph.contents` absorbs.
    """
    project, _ = built
    store = open_store(tmp_path / "s")
    graphs = read_graphs(project.dump)
    load(store, graphs)
    back = tmp_path / "back.nq"
    store.dump(back, format=ox.RdfFormat.N_QUADS)
    changed = set(ox.parse(path=back)) ^ set(ox.parse(path=project.dump))
    assert {str(quad.object) for quad in changed} == {
        '"6.0"^^<http://www.w3.org/2001/XMLSchema#decimal>',
        '"6"^^<http://www.w3.org/2001/XMLSchema#decimal>',
    }
    sums = check_contents(back, graphs, read_graphs(back))
    assert sums == {name: fingerprint(triples) for name, triples in graphs.items()}
    assert validate(project, [back]).results == []


def test_load_prints_each_graphs_fingerprint(
    built: tuple[Project, BuildReport], tmp_path: Path
) -> None:
    project, _ = built
    code, out, err = invoke(project, "load", "--store", str(tmp_path / "s"))
    assert code == 0, err
    graphs = read_graphs(project.dump)
    for name, triples in graphs.items():
        assert f"│ {fingerprint(triples)[:16]} " in out, name
    assert out.rstrip().endswith("every graph's content verified")
