"""``diplograph export``: tidy tables (CSV, Parquet) with a codebook and a Frictionless data
package, and the network of who met whom (GraphML, GEXF), from the seed and an extracted corpus.

The expected tables of the seed are ``fixtures/export/<table>.csv``, reviewed by hand against the
article text and the other stored queries' answers (``fixtures/queries/``).
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import os
import stat
import sys
from pathlib import Path

import networkx
import pyarrow.parquet
import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from conftest import FIXTURES, ROOT, copy_project
from diplograph.cli import main
from diplograph.dataset import Dataset
from diplograph.errors import DiplographError
from diplograph.export.write import export
from diplograph.project import Project
from diplograph.query import render, resolve, run
from diplograph.rdfio import load_store

TABLES = [
    "actors",
    "articles",
    "events",
    "interactions",
    "network-edges",
    "network-nodes",
    "participants",
    "posts",
    "stances",
    "statements",
]
ID = "https://w3id.org/diplograph/id/"
SEED = ID + "global-times-2023-06-19-wang-yi-blinken/"
CORPUS = ROOT / "data" / "corpus" / "state-department-readouts.jsonl"


def invoke(project: Project, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["--root", str(project.root), *args])
    return result.exit_code, result.stdout, result.stderr


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


@pytest.fixture(scope="module")
def seed_csv(project: Project, tmp_path_factory: pytest.TempPathFactory) -> Path:
    outdir = tmp_path_factory.mktemp("export") / "tables"
    code, out, err = invoke(project, "export", str(outdir))
    assert code == 0, err
    assert out.splitlines()[-1] == f"10 files, codebook.md, datapackage.json in {outdir}"
    return outdir


@pytest.fixture(scope="module")
def seed_parquet(project: Project, tmp_path_factory: pytest.TempPathFactory) -> Path:
    outdir = tmp_path_factory.mktemp("export") / "parquet"
    code, _, err = invoke(project, "export", str(outdir), "--format", "parquet")
    assert code == 0, err
    return outdir


@pytest.fixture(scope="module")
def corpus(project: Project, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three State Department readouts, extracted."""
    folder = tmp_path_factory.mktemp("corpus")
    lines = CORPUS.read_text(encoding="utf-8").splitlines()[:3]
    (folder / "three.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, _, err = invoke(
        project, "extract", str(folder / "three.jsonl"), "-o", str(folder / "three.nq")
    )
    assert code == 0, err
    return folder / "three.nq"


@pytest.mark.parametrize("name", TABLES)
def test_seed_table_has_exactly_the_expected_rows(seed_csv: Path, name: str) -> None:
    expected = (FIXTURES / "export" / f"{name}.csv").read_text(encoding="utf-8")
    assert (seed_csv / f"{name}.csv").read_text(encoding="utf-8") == expected


def test_the_export_writes_every_table_its_query_the_codebook_and_the_data_package(
    seed_csv: Path,
) -> None:
    assert sorted(path.name for path in seed_csv.iterdir()) == sorted(
        [*(f"{name}.csv" for name in TABLES), "codebook.md", "datapackage.json", "queries"]
    )
    for name in TABLES:
        copied = (seed_csv / "queries" / f"{name}.rq").read_bytes()
        assert copied == (ROOT / "queries" / "export" / f"{name}.rq").read_bytes()


def test_events_table_holds_the_columns_of_the_stored_events_query(
    project: Project, seed_csv: Path
) -> None:
    stored = render(run(load_store([project.dump]), resolve(project.queries, "events")), "csv")
    expected = list(csv.DictReader(io.StringIO(stored.decode("utf-8"))))
    exported = read_csv(seed_csv / "events.csv")
    assert [{column: row[column] for column in expected[0]} for row in exported] == expected


def test_events_name_both_sides_states_and_the_interaction_of_a_statement(seed_csv: Path) -> None:
    rows = {row["coded"]: row for row in read_csv(seed_csv / "events.csv")}
    lift = rows[SEED + "appeal-lift-sanctions"]
    assert (lift["sourceLabel"], lift["sourceStateLabel"], lift["targetStateLabel"]) == (
        "Wang Yi",
        "People's Republic of China",
        "United States",
    )
    assert (lift["ploverEvent"], lift["ploverMode"], lift["cameoCode"]) == (
        "REQUEST",
        "REQUEST-yield",
        "0254",
    )
    assert lift["interaction"] == SEED + "meeting-wang-yi-blinken"
    assert (lift["quote"], lift["start"], lift["end"]) == (
        "lift illegal unilateral sanctions on China,",
        "190",
        "233",
    )
    visit = rows[SEED + "visit-blinken-beijing"]
    assert (visit["codedType"], visit["interaction"], visit["date"]) == (
        "Visit",
        SEED + "visit-blinken-beijing",
        "",
    )


def test_every_quote_is_the_article_text_at_its_offsets(
    project: Project, seed_csv: Path, corpus: Path, tmp_path: Path
) -> None:
    code, _, err = invoke(project, "export", str(tmp_path / "corpus"), "--data", str(corpus))
    assert code == 0, err
    for folder, data in ((seed_csv, [project.dump]), (tmp_path / "corpus", [corpus])):
        dataset = Dataset.open(data, project)
        texts = {str(row[0]): str(row[1]) for row in dataset.query(str(write_text_query(tmp_path)))}
        checked = 0
        for name in ("events", "interactions", "statements", "stances"):
            for row in read_csv(folder / f"{name}.csv"):
                text = texts[row["article"]]
                assert text[int(row["start"]) : int(row["end"])] == row["quote"], (name, row)
                checked += 1
        assert checked > 20


def write_text_query(folder: Path) -> Path:
    path = folder / "texts.rq"
    path.write_text(
        "# The text of each article.\n"
        "SELECT ?article ?text WHERE { ?article <https://schema.org/text> ?text }\n",
        encoding="utf-8",
    )
    return path


def test_extracted_corpus_exports_with_the_counts_of_its_graph(
    project: Project, corpus: Path, tmp_path: Path
) -> None:
    outdir = tmp_path / "out"
    code, out, err = invoke(project, "export", str(outdir), "--data", str(corpus))
    assert code == 0, err
    rows = {name: read_csv(outdir / f"{name}.csv") for name in TABLES}
    dataset = Dataset.open([corpus], project)
    articles, interactions, statements, events = dataset.query(str(count_query(tmp_path)))[0]
    pairs = dataset.store.query(
        "SELECT DISTINCT ?i ?p WHERE { ?i <https://w3id.org/diplograph/ontology#participant> ?p }",
        use_default_graph_as_union=True,
    )
    assert isinstance(pairs, ox.QuerySolutions)
    assert articles == 3
    assert len(rows["articles"]) == 3
    assert len(rows["participants"]) == len(list(pairs))
    assert len({row["article"] for row in rows["articles"]}) == 3
    assert len(rows["interactions"]) == interactions
    assert len({row["statement"] for row in rows["statements"]}) == statements
    assert len(rows["events"]) == events
    assert {row["url"] for row in rows["articles"]} == {
        "https://www.state.gov/secretary-blinkens-call-with-german-foreign-minister-maas-4/",
        "https://www.state.gov/secretary-blinkens-call-with-palestinian-authority-president-abbas-2/",
        "https://www.state.gov/secretary-blinkens-meeting-with-egyptian-president-al-sisi/",
    }
    met = {
        (row["source"].removeprefix(ID), row["target"].removeprefix(ID))
        for row in rows["network-edges"]
    }
    assert ("abdel-fattah-al-sisi", "antony-blinken") in met
    assert ("antony-blinken", "heiko-maas") in met
    assert f"{len(TABLES)} files" in out


def count_query(folder: Path) -> Path:
    path = folder / "counts.rq"
    path.write_text(
        "# How many articles, interactions, statements and coded events?\n"
        "PREFIX dip: <https://w3id.org/diplograph/ontology#>\n"
        "SELECT (COUNT(DISTINCT ?a) AS ?articles) (COUNT(DISTINCT ?i) AS ?interactions)\n"
        "       (COUNT(DISTINCT ?s) AS ?statements) (COUNT(DISTINCT ?e) AS ?events) WHERE {\n"
        "  { ?a a dip:Article } UNION { ?i dip:participant ?p } UNION { ?s dip:speaker ?q }\n"
        "  UNION { ?e a dip:CodedEvent }\n"
        "}\n",
        encoding="utf-8",
    )
    return path


def test_data_package_describes_every_column_with_its_type_and_query(seed_csv: Path) -> None:
    package = json.loads((seed_csv / "datapackage.json").read_text(encoding="utf-8"))
    assert package["profile"] == "tabular-data-package"
    resources = {resource["name"]: resource for resource in package["resources"]}
    assert sorted(resources) == TABLES
    for name, resource in resources.items():
        header = next(csv.reader((seed_csv / resource["path"]).open(encoding="utf-8")))
        fields = resource["schema"]["fields"]
        assert [field["name"] for field in fields] == header
        assert all(field["description"] for field in fields)
        assert (seed_csv / resource["sparql"]).is_file()
        assert resource["path"] == f"{name}.csv"
    events = {field["name"]: field for field in resources["events"]["schema"]["fields"]}
    assert events["date"] == {
        "name": "date",
        "type": "date",
        "description": "the day of the coded statement or interaction (dip:date, else "
        "dip:startDate)",
    }
    assert events["source"]["format"] == "uri"
    assert (events["start"]["type"], events["cameoCode"]["type"]) == ("integer", "string")
    assert resources["events"]["title"] == (
        "Who did what to whom, when, in PLOVER and CAMEO codes, with each side's state and "
        "the evidence?"
    )


def test_codebook_lists_each_table_with_its_rows_query_and_columns(seed_csv: Path) -> None:
    codebook = (seed_csv / "codebook.md").read_text(encoding="utf-8")
    section = codebook.split("## events\n", 1)[1].split("\n## ", 1)[0]
    lines = section.strip().splitlines()
    assert lines[2] == "File `events.csv`, 28 rows; query `queries/events.rq`."
    assert lines[4:7] == [
        "| column | type | description |",
        "| --- | --- | --- |",
        "| `date` | date | the day of the coded statement or interaction (dip:date, else "
        "dip:startDate) |",
    ]
    assert [line.split("## ")[1] for line in codebook.splitlines() if line.startswith("## ")] == (
        TABLES
    )


def test_parquet_has_typed_columns_and_the_rows_of_the_csv(
    seed_csv: Path, seed_parquet: Path
) -> None:
    events = pyarrow.parquet.read_table(seed_parquet / "events.parquet")
    types = {field.name: str(field.type) for field in events.schema}
    assert (types["date"], types["start"], types["end"], types["quote"]) == (
        "date32[day]",
        "int64",
        "int64",
        "string",
    )
    assert events.schema.field("start").metadata[b"description"].startswith(b"the quote's first")
    assert events.schema.metadata[b"sparql"] == b"queries/events.rq"
    meeting = [row for row in events.to_pylist() if row["codedType"] == "Meeting"]
    assert [(row["date"], row["start"], row["end"]) for row in meeting] == [
        (datetime.date(2023, 6, 19), 17, 112)
    ]
    for name in TABLES:
        table = pyarrow.parquet.read_table(seed_parquet / f"{name}.parquet")
        as_text = [
            {key: "" if value is None else str(value) for key, value in row.items()}
            for row in table.to_pylist()
        ]
        assert as_text == read_csv(seed_csv / f"{name}.csv"), name
    package = json.loads((seed_parquet / "datapackage.json").read_text(encoding="utf-8"))
    assert package["resources"][0]["path"] == "actors.parquet"
    assert "dialect" not in package["resources"][0]


@pytest.mark.parametrize("output_format", ["csv", "parquet", "graphml", "gexf"])
def test_export_is_deterministic(project: Project, tmp_path: Path, output_format: str) -> None:
    written = []
    for run_number in (1, 2):
        outdir = tmp_path / str(run_number)
        code, _, err = invoke(project, "export", str(outdir), "--format", output_format)
        assert code == 0, err
        written.append(
            {str(p.relative_to(outdir)): p.read_bytes() for p in outdir.rglob("*") if p.is_file()}
        )
    assert written[0] == written[1]
    assert written[0]


SEED_NODES = {
    ID + "antony-blinken": ("Antony Blinken", "Person", 3),
    ID + "china": ("People's Republic of China", "State", 1),
    ID + "joe-biden": ("Joe Biden", "Person", 1),
    ID + "qin-gang": ("Qin Gang", "Person", 1),
    ID + "wang-yi": ("Wang Yi", "Person", 1),
    ID + "xi-jinping": ("Xi Jinping", "Person", 1),
}
SEED_EDGES = {
    frozenset({ID + "antony-blinken", ID + "china"}): (1, None, SEED + "visit-blinken-beijing"),
    frozenset({ID + "antony-blinken", ID + "qin-gang"}): (
        1,
        "2023-06-18",
        SEED + "talks-qin-gang-blinken",
    ),
    frozenset({ID + "antony-blinken", ID + "wang-yi"}): (
        1,
        "2023-06-19",
        SEED + "meeting-wang-yi-blinken",
    ),
    frozenset({ID + "joe-biden", ID + "xi-jinping"}): (
        1,
        None,
        ID + "event/bali-heads-of-state-meeting-2022",
    ),
}


@pytest.mark.parametrize("output_format", ["graphml", "gexf"])
def test_networkx_reads_the_seed_network_exactly(
    project: Project, tmp_path: Path, output_format: str
) -> None:
    code, out, err = invoke(project, "export", str(tmp_path), "--format", output_format)
    assert code == 0, err
    assert out.splitlines()[-1] == f"1 file in {tmp_path}"
    path = tmp_path / f"network.{output_format}"
    graph = networkx.read_graphml(path) if output_format == "graphml" else networkx.read_gexf(path)
    assert not graph.is_directed()
    nodes = {
        node: (data["label"], data["type"], data["interactions"])
        for node, data in graph.nodes(data=True)
    }
    assert nodes == SEED_NODES
    edges = {
        frozenset({source, target}): (
            data["weight"],
            data.get("firstDate"),
            data["interactions"],
        )
        for source, target, data in graph.edges(data=True)
    }
    assert edges == SEED_EDGES
    assert graph.nodes[ID + "wang-yi"]["state"] == ID + "china"


def test_unparsable_data_is_one_error_line_and_no_outdir(project: Project, tmp_path: Path) -> None:
    bad = tmp_path / "broken.ttl"
    bad.write_text('@prefix ex: <http://example.org/> .\n\nex:a ex:b "open .\n', "utf-8")
    code, _, err = invoke(project, "export", str(tmp_path / "out"), "--data", str(bad))
    assert code == 2
    assert err.startswith(f"error: {bad}:3:")
    assert len(err.strip().splitlines()) == 1
    assert sorted(path.name for path in tmp_path.iterdir()) == ["broken.ttl"]


def test_a_failed_export_leaves_an_existing_outdir_as_it_was(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    outdir = tmp_path / "out"
    outdir.mkdir()
    (outdir / "events.csv").write_text("earlier export\n", encoding="utf-8")
    (project.queries / "export" / "posts.rq").write_text(
        "# Broken?\n# @column holding iri: the holding\nSELECT ?holding ?extra WHERE {\n"
        "  ?holding a <https://w3id.org/diplograph/ontology#PostHolding> }\n",
        encoding="utf-8",
    )
    code, _, err = invoke(project, "export", str(outdir), "--data", str(project.articles[0]))
    assert code == 2
    assert err == (
        f"error: {project.queries / 'export' / 'posts.rq'}: SELECT variables ['holding', 'extra'] "
        "differ from its @column lines ['holding']\n"
    )
    assert sorted(path.name for path in tmp_path.iterdir()) == ["out", "project"]
    assert [path.name for path in outdir.iterdir()] == ["events.csv"]
    assert (outdir / "events.csv").read_text(encoding="utf-8") == "earlier export\n"


def test_export_into_an_existing_outdir_replaces_its_files(
    project: Project, tmp_path: Path
) -> None:
    (tmp_path / "events.csv").write_text("earlier export\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("mine\n", encoding="utf-8")
    code, _, err = invoke(project, "export", str(tmp_path))
    assert code == 0, err
    assert (tmp_path / "events.csv").read_text(encoding="utf-8") == (
        FIXTURES / "export" / "events.csv"
    ).read_text(encoding="utf-8")
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "mine\n"
    assert not [path for path in tmp_path.iterdir() if path.name.startswith(".")]


def test_export_from_a_store_equals_the_export_from_the_dump(
    project: Project, seed_csv: Path, tmp_path: Path
) -> None:
    code, _, err = invoke(project, "load", "--store", str(tmp_path / "store"))
    assert code == 0, err
    code, _, err = invoke(
        project, "export", str(tmp_path / "out"), "--store", str(tmp_path / "store")
    )
    assert code == 0, err
    for name in [*(f"{table}.csv" for table in TABLES), "datapackage.json"]:
        assert (tmp_path / "out" / name).read_bytes() == (seed_csv / name).read_bytes()


def test_data_and_store_exclude_each_other(project: Project, tmp_path: Path) -> None:
    code, _, err = invoke(
        project,
        "export",
        str(tmp_path / "out"),
        "--data",
        str(project.dump),
        "--store",
        str(tmp_path),
    )
    assert (code, err) == (2, "error: give --data or --store, not both\n")


def test_a_column_line_with_an_unknown_type_names_file_and_line(
    project: Project, tmp_path: Path
) -> None:
    (tmp_path / "queries" / "export").mkdir(parents=True)
    query = tmp_path / "queries" / "export" / "people.rq"
    query.write_text("# Who?\n# @column person uri: the person\nSELECT ?person WHERE {}\n", "utf-8")
    layered = Project(tmp_path, project.base)
    with pytest.raises(DiplographError) as raised:
        Dataset(load_store([]), layered).tables()
    assert str(raised.value) == (
        f"{query}:2: expected '# @column NAME TYPE: description' with TYPE one of iri, string, "
        "date, integer"
    )


def test_an_outdir_that_is_a_file_is_refused(project: Project, tmp_path: Path) -> None:
    (tmp_path / "out").write_text("a file\n", encoding="utf-8")
    code, _, err = invoke(project, "export", str(tmp_path / "out"))
    assert code == 2
    assert err.splitlines()[-1] == (
        f"Error: Invalid value for 'OUTDIR': Directory '{tmp_path / 'out'}' is a file."
    )
    with pytest.raises(DiplographError) as raised:
        export(Dataset.for_project(project), tmp_path / "out", "csv")
    assert str(raised.value) == f"{tmp_path / 'out'}: exists and is not a folder"
    assert (tmp_path / "out").read_text(encoding="utf-8") == "a file\n"


def test_parquet_without_pyarrow_says_how_to_install_it_and_writes_nothing(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    code, _, err = invoke(project, "export", str(tmp_path / "out"), "--format", "parquet")
    assert (code, err) == (
        2,
        "error: --format parquet needs pyarrow: pip install 'diplograph[parquet]'\n",
    )
    assert list(tmp_path.iterdir()) == []


def test_regression_a_new_outdir_is_not_private_like_a_temporary_folder(
    project: Project, tmp_path: Path
) -> None:
    mask = os.umask(0o022)
    try:
        code, _, err = invoke(project, "export", str(tmp_path / "out"), "--format", "gexf")
    finally:
        os.umask(mask)
    assert code == 0, err
    assert stat.S_IMODE((tmp_path / "out").stat().st_mode) == 0o755


def test_regression_an_actor_without_a_state_is_one_row_with_no_state_label(
    project: Project,
) -> None:
    """An unbound state once matched the label of every labelled node: 30 rows for the CPC."""
    dataset = Dataset.open([project.dump], project)
    actors = dataset.table("actors").records()
    party = [r for r in actors if r["actor"] == ID + "communist-party-of-china"]
    assert [(r["state"], r["stateLabel"], r["wikidataId"]) for r in party] == [
        (None, None, "Q17427")
    ]
    assert all((r["state"] is None) == (r["stateLabel"] is None) for r in actors)
