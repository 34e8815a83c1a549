"""The exported data package checked by the standard tools: the official ``frictionless`` library
validates ``datapackage.json`` (types, primary and foreign keys, sizes and hashes), pandas and
pyarrow read every table back with exactly the declared columns and types, and a damaged package
is reported with the expected error codes.

R is not installed on this machine: the R side (``frictionless::read_package``, ``readr``) is not
tested here.
"""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path
from typing import Any

import frictionless
import jsonschema
import pandas
import pyarrow.parquet
import pytest
from click.testing import CliRunner

from conftest import ROOT, copy_project
from diplograph.cli import main
from diplograph.dataset import Dataset
from diplograph.project import Project

SEED_ROWS = {
    "actors": 16,
    "articles": 1,
    "events": 28,
    "interactions": 4,
    "network-edges": 4,
    "network-nodes": 6,
    "participants": 8,
    "posts": 5,
    "stances": 18,
    "statements": 25,
}
CORPUS = ROOT / "data" / "corpus" / "state-department-readouts.jsonl"
ID = "https://w3id.org/diplograph/id/"


def invoke(project: Project, *args: str) -> None:
    result = CliRunner().invoke(main, ["--root", str(project.root), *args])
    assert result.exit_code == 0, result.stderr


@pytest.fixture(scope="module")
def seed_csv(project: Project, tmp_path_factory: pytest.TempPathFactory) -> Path:
    outdir = tmp_path_factory.mktemp("package") / "csv"
    invoke(project, "export", str(outdir))
    return outdir


@pytest.fixture(scope="module")
def seed_parquet(project: Project, tmp_path_factory: pytest.TempPathFactory) -> Path:
    outdir = tmp_path_factory.mktemp("package") / "parquet"
    invoke(project, "export", str(outdir), "--format", "parquet")
    return outdir


def descriptor(folder: Path) -> dict[str, Any]:
    package: dict[str, Any] = json.loads((folder / "datapackage.json").read_text("utf-8"))
    return package


def rows_checked(report: frictionless.Report) -> dict[str, int]:
    return {task.name: task.stats["rows"] for task in report.tasks}


def errors(report: frictionless.Report) -> dict[str, list[tuple[str, int | None, str | None]]]:
    """Each table's errors as (code, row number, field name)."""
    return {
        task.name: [(error.type, *_position(error)) for error in task.errors]
        for task in report.tasks
        if task.errors
    }


def _position(error: frictionless.Error) -> tuple[int | None, str | None]:
    return getattr(error, "row_number", None), getattr(error, "field_name", None)


@pytest.fixture(scope="module")
def seed_report(seed_csv: Path) -> frictionless.Report:
    report: frictionless.Report = frictionless.validate(seed_csv / "datapackage.json")
    return report


def test_the_seed_package_validates_with_frictionless(seed_report: frictionless.Report) -> None:
    assert seed_report.valid, seed_report.flatten(["type", "note"])
    assert rows_checked(seed_report) == SEED_ROWS
    assert seed_report.stats["tasks"] == 10


def test_the_seed_parquet_package_validates_with_frictionless(seed_parquet: Path) -> None:
    report = frictionless.validate(seed_parquet / "datapackage.json")
    assert report.valid, report.flatten(["type", "note"])
    assert rows_checked(report) == SEED_ROWS


def test_regression_an_interaction_outside_a_visit_is_not_a_dangling_foreign_key(
    seed_csv: Path, seed_report: frictionless.Report
) -> None:
    """A first version declared (visit, article) -> interactions: frictionless reported every
    interaction with no visit as a foreign-key error ("None, …" not found)."""
    with (seed_csv / "interactions.csv").open(encoding="utf-8", newline="") as file:
        visits = [row["visit"] for row in csv.DictReader(file)]
    assert visits.count("") == 2
    schema = next(
        r["schema"] for r in descriptor(seed_csv)["resources"] if r["name"] == "interactions"
    )
    assert schema["foreignKeys"][1] == {
        "fields": ["visit"],
        "reference": {"resource": "interactions", "fields": ["interaction"]},
    }
    interactions = next(task for task in seed_report.tasks if task.name == "interactions")
    assert (interactions.valid, interactions.stats["rows"]) == (True, 4)


PROFILE = ROOT / "tests" / "schemas" / "datapackage-1.0" / "tabular-data-package.json"


def profile() -> jsonschema.Draft4Validator:
    return jsonschema.Draft4Validator(json.loads(PROFILE.read_text(encoding="utf-8")))


@pytest.mark.parametrize("fixture", ["seed_csv", "seed_parquet"])
def test_the_descriptor_validates_against_the_tabular_data_package_json_schema(
    fixture: str, request: pytest.FixtureRequest
) -> None:
    folder: Path = request.getfixturevalue(fixture)
    package = descriptor(folder)
    assert [error.message for error in profile().iter_errors(package)] == []
    assert len(package["resources"]) == 10


def test_regression_a_csv_dialect_without_double_quote_breaks_the_spec_json_schema(
    seed_csv: Path,
) -> None:
    """The first version's dialect named no doubleQuote, which the CSV Dialect 1.0 schema
    requires; the frictionless library accepted it."""
    package = descriptor(seed_csv)
    assert package["resources"][0]["dialect"]["doubleQuote"] is True
    del package["resources"][0]["dialect"]["doubleQuote"]
    assert [error.message for error in profile().iter_errors(package)] == [
        "'doubleQuote' is a required property"
    ]
    assert frictionless.Package.validate_descriptor(package, basepath=str(seed_csv)).valid


def test_the_package_declares_the_keys_frictionless_checks(seed_csv: Path) -> None:
    schemas = {r["name"]: r["schema"] for r in descriptor(seed_csv)["resources"]}
    assert {name: schema.get("primaryKey") for name, schema in schemas.items()} == {
        "actors": None,
        "articles": ["article"],
        "events": ["codedEvent", "article"],
        "interactions": ["interaction", "article"],
        "network-edges": ["source", "target"],
        "network-nodes": ["actor"],
        "participants": ["interaction", "participant", "article"],
        "posts": ["holding", "article"],
        "stances": ["stance", "statement", "article"],
        "statements": None,
    }
    assert schemas["stances"]["foreignKeys"] == [
        {"fields": ["article"], "reference": {"resource": "articles", "fields": ["article"]}},
        {
            "fields": ["statement", "article"],
            "reference": {"resource": "statements", "fields": ["statement", "article"]},
        },
        {"fields": ["holder"], "reference": {"resource": "actors", "fields": ["actor"]}},
    ]
    references = {
        (name, tuple(key["fields"]), key["reference"]["resource"])
        for name, schema in schemas.items()
        for key in schema.get("foreignKeys", [])
    }
    assert ("events", ("interaction",), "interactions") in references
    assert ("participants", ("participant",), "actors") in references
    assert ("participants", ("interaction", "article"), "interactions") in references
    assert ("network-edges", ("target",), "network-nodes") in references
    assert len(references) == 30
    key_fields = [f for f in schemas["events"]["fields"] if f["name"] in ("codedEvent", "article")]
    assert [f["constraints"] for f in key_fields] == [{"required": True}] * 2


def test_the_package_names_the_dataset_licence_creator_and_sources(
    seed_csv: Path, seed_parquet: Path
) -> None:
    package = descriptor(seed_csv)
    assert package["licenses"] == [
        {"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/"}
    ]
    assert package["contributors"] == [{"title": "diplograph contributors", "role": "author"}]
    assert package["sources"] == [
        {"title": "Global Times, 2023-06-19: Wang Yi meets Antony Blinken in Beijing"}
    ]
    events = next(r for r in package["resources"] if r["name"] == "events")
    data = (seed_csv / "events.csv").read_bytes()
    assert (events["bytes"], events["hash"][:7]) == (len(data), "sha256:")
    parquet = next(r for r in descriptor(seed_parquet)["resources"] if r["name"] == "events")
    assert "hash" not in parquet and "encoding" not in parquet


@pytest.fixture
def damaged(seed_csv: Path, tmp_path: Path) -> Path:
    """The seed package with a wrong type, a dangling foreign key and a repeated primary key."""
    folder = tmp_path / "damaged"
    shutil.copytree(seed_csv, folder)
    edit(folder / "events.csv", lambda rows: set_cell(rows, 3, "start", "x"))
    edit(folder / "stances.csv", lambda rows: set_cell(rows, 2, "statement", ID + "nowhere"))
    edit(folder / "network-nodes.csv", lambda rows: rows.append(rows[1]))
    return folder


def edit(path: Path, change: Any) -> None:
    with path.open(encoding="utf-8", newline="") as file:
        rows = list(csv.reader(file))
    change(rows)
    with path.open("w", encoding="utf-8", newline="") as file:
        csv.writer(file, lineterminator="\n").writerows(rows)


def set_cell(rows: list[list[str]], row: int, column: str, value: str) -> None:
    rows[row][rows[0].index(column)] = value


def test_a_damaged_package_is_reported_with_the_expected_error_codes(damaged: Path) -> None:
    report = frictionless.validate(damaged / "datapackage.json")
    assert not report.valid
    changed = [("hash-count", None, None), ("byte-count", None, None)]
    assert errors(report) == {
        "events": [("type-error", 4, "start"), *changed],
        "network-nodes": [("primary-key", 8, None), *changed],
        "stances": [("foreign-key", 3, None), *changed],
    }
    stances = next(task for task in report.tasks if task.name == "stances")
    assert stances.errors[0].note.startswith(
        f'for "statement, article": values "{ID}nowhere, {ID}article/global-times-'
    )


def test_regression_a_table_type_name_is_not_a_frictionless_type(
    seed_csv: Path, tmp_path: Path
) -> None:
    """The codebook's type ``iri`` is no Table Schema type: a package declaring it is rejected."""
    folder = tmp_path / "iri"
    shutil.copytree(seed_csv, folder)
    package = descriptor(folder)
    source = package["resources"][2]["schema"]["fields"][1]
    assert (source["name"], source.pop("format")) == ("source", "uri")
    source["type"] = "iri"
    (folder / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")
    report = frictionless.validate(folder / "datapackage.json")
    assert report.flatten(["type", "note"]) == [
        ["field-error", 'field type "iri" is not supported']
    ]


PANDAS_TYPES = {"string": "string", "integer": "Int64"}


def test_each_csv_reads_back_in_pandas_with_the_declared_columns_and_types(
    project: Project, seed_csv: Path
) -> None:
    dataset = Dataset.open([project.dump], project)
    for resource in descriptor(seed_csv)["resources"]:
        fields = resource["schema"]["fields"]
        dates = [f["name"] for f in fields if f["type"] == "date"]
        frame = pandas.read_csv(
            seed_csv / resource["path"],
            dtype={f["name"]: PANDAS_TYPES[f["type"]] for f in fields if f["type"] != "date"},
            parse_dates=dates,
            date_format="%Y-%m-%d",
            keep_default_na=False,
            na_values=[""],
        )
        assert list(frame.columns) == [f["name"] for f in fields]
        for f in fields:
            kind = frame[f["name"]].dtype
            assert kind.kind == "M" if f["type"] == "date" else str(kind) == PANDAS_TYPES[f["type"]]
        assert len(frame) == SEED_ROWS[resource["name"]]
        expected = dataset.table(resource["name"]).to_pandas()
        pandas.testing.assert_frame_equal(
            frame.astype(dict.fromkeys(dates, "datetime64[s]")), expected
        )


ARROW_TYPES = {"string": "string", "integer": "int64", "date": "date32[day]"}


def test_each_parquet_reads_back_in_pyarrow_with_the_declared_columns_and_types(
    seed_parquet: Path,
) -> None:
    for resource in descriptor(seed_parquet)["resources"]:
        table = pyarrow.parquet.read_table(seed_parquet / resource["path"])
        declared = [(f["name"], ARROW_TYPES[f["type"]]) for f in resource["schema"]["fields"]]
        assert [(field.name, str(field.type)) for field in table.schema] == declared
        assert table.num_rows == SEED_ROWS[resource["name"]]


def test_an_extracted_corpus_package_validates_with_frictionless(
    project: Project, tmp_path: Path
) -> None:
    """Three readouts: statements said to no one, events of no interaction, articles with URLs."""
    lines = CORPUS.read_text(encoding="utf-8").splitlines()[:3]
    (tmp_path / "three.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    invoke(project, "extract", str(tmp_path / "three.jsonl"), "-o", str(tmp_path / "three.nq"))
    invoke(project, "export", str(tmp_path / "out"), "--data", str(tmp_path / "three.nq"))
    report = frictionless.validate(tmp_path / "out" / "datapackage.json")
    assert report.valid, report.flatten(["type", "note"])
    written = {}
    for name in SEED_ROWS:
        with (tmp_path / "out" / f"{name}.csv").open(encoding="utf-8", newline="") as file:
            written[name] = list(csv.DictReader(file))
    assert rows_checked(report) == {name: len(rows) for name, rows in written.items()}
    assert any(not row["addressee"] for row in written["statements"])
    package = descriptor(tmp_path / "out")
    assert [source.get("path", "")[:23] for source in package["sources"]] == [
        "https://www.state.gov/s"
    ] * 3


def test_a_key_column_missing_from_a_query_is_one_error_naming_the_query(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    posts = project.queries / "export" / "posts.rq"
    posts.write_text(
        "# Which holdings?\n# @column person iri: the person\n"
        "SELECT ?person WHERE { ?holding <http://www.w3.org/ns/org#member> ?person }\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(
        main,
        [
            "--root",
            str(project.root),
            "export",
            str(tmp_path / "out"),
            "--data",
            str(project.articles[0]),
        ],
    )
    assert (result.exit_code, result.stderr) == (
        2,
        f"error: {posts}: the export's key column 'holding' is not one of its @column lines\n",
    )
    assert not (tmp_path / "out").exists()
