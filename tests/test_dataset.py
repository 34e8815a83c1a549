"""The Python API: ``Dataset.open`` on files, a store or a store folder; stored queries and export
tables as typed rows; pandas and polars dataframes; the network's nodes and edges."""

from __future__ import annotations

import csv
import datetime
import sys
from pathlib import Path

import pandas
import polars
import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from conftest import FIXTURES
from diplograph.cli import main
from diplograph.dataset import Dataset, Rows
from diplograph.errors import DiplographError
from diplograph.export.network import Edge, Node
from diplograph.project import Project

ID = "https://w3id.org/diplograph/id/"
SEED = ID + "global-times-2023-06-19-wang-yi-blinken/"


@pytest.fixture(scope="module")
def dataset(project: Project) -> Dataset:
    return Dataset.open(project.dump, project)


def as_text(rows: Rows) -> list[list[str]]:
    return [["" if value is None else str(value) for value in row] for row in rows]


def expected_csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as file:
        return list(csv.reader(file))


def test_a_stored_query_gives_the_rows_of_its_csv_answer_typed(dataset: Dataset) -> None:
    meetings = dataset.query("meetings")
    header, *rows = expected_csv(FIXTURES / "queries" / "meetings.csv")
    assert list(meetings.columns) == header
    assert as_text(meetings) == rows
    assert meetings.types[meetings.columns.index("date")] == "date"
    dates = {row[2] for row in meetings}
    assert dates == {None, datetime.date(2023, 6, 18), datetime.date(2023, 6, 19)}


def test_an_export_table_has_its_declared_types(dataset: Dataset) -> None:
    events = dataset.table("events")
    header, *rows = expected_csv(FIXTURES / "export" / "events.csv")
    assert list(events.columns) == header
    assert as_text(events) == rows
    assert dict(zip(events.columns, events.types, strict=True))["start"] == "integer"
    record = next(r for r in events.records() if r["coded"] == SEED + "appeal-lift-sanctions")
    assert (record["date"], record["start"], record["end"], record["cameoCode"]) == (
        datetime.date(2023, 6, 19),
        190,
        233,
        "0254",
    )


def test_open_a_store_folder_and_a_store(project: Project, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["--root", str(project.root), "load", "--store", str(tmp_path / "store")]
    )
    assert result.exit_code == 0, result.stderr
    from_folder = Dataset.open(tmp_path / "store", project)
    in_memory = Dataset.open(project.dump, project)
    assert from_folder.query("posts").rows == in_memory.query("posts").rows
    store = ox.Store()
    assert len(Dataset.open(store, project).query("posts")) == 0


def test_open_a_missing_file_names_it(project: Project, tmp_path: Path) -> None:
    with pytest.raises(DiplographError) as raised:
        Dataset.open(tmp_path / "nothing.nq", project)
    assert str(raised.value) == f"{tmp_path / 'nothing.nq'}: no such file or store folder"


def test_an_unknown_table_lists_the_known_ones(dataset: Dataset) -> None:
    with pytest.raises(DiplographError) as raised:
        dataset.table("meetings")
    assert str(raised.value) == (
        "unknown table 'meetings'; known tables: actors, articles, events, interactions, "
        "network-edges, network-nodes, participants, posts, stances, statements"
    )


def test_to_pandas_has_dates_nullable_integers_and_strings(dataset: Dataset) -> None:
    frame = dataset.table("interactions").to_pandas()
    assert list(frame.columns) == list(dataset.table("interactions").columns)
    assert str(frame["date"].dtype).startswith("datetime64")
    assert str(frame["start"].dtype) == "Int64"
    assert str(frame["label"].dtype) == "string"
    meeting = frame[frame["interaction"] == SEED + "meeting-wang-yi-blinken"].iloc[0]
    assert meeting["date"] == pandas.Timestamp("2023-06-19")
    assert (meeting["start"], meeting["end"], meeting["placeLabel"]) == (17, 112, "Beijing")
    assert frame["date"].isna().sum() == 2  # the visit and the Bali meeting have no day


def test_to_polars_has_a_typed_schema(dataset: Dataset) -> None:
    frame = dataset.table("participants").to_polars()
    assert frame.schema["date"] == polars.Date
    assert frame.schema["participant"] == polars.String
    hosts = frame.filter(polars.col("role") == "host").select("participantLabel", "date")
    assert hosts.rows() == [
        ("People's Republic of China", None),
        ("Wang Yi", datetime.date(2023, 6, 19)),
    ]
    counts = dataset.table("network-nodes").to_polars()
    assert counts.schema["interactions"] == polars.Int64
    assert counts["interactions"].sum() == 8


def test_nodes_and_edges_of_the_seed_network(dataset: Dataset) -> None:
    assert dataset.nodes()[0] == Node(
        ID + "antony-blinken",
        "Antony Blinken",
        "Person",
        ID + "united-states",
        "United States",
        3,
    )
    edges = list(dataset.edges())
    assert edges[2] == Edge(
        ID + "antony-blinken",
        ID + "wang-yi",
        1,
        datetime.date(2023, 6, 19),
        datetime.date(2023, 6, 19),
        (SEED + "meeting-wang-yi-blinken",),
    )
    assert [(edge.source, edge.target) for edge in edges] == [
        (ID + "antony-blinken", ID + "china"),
        (ID + "antony-blinken", ID + "qin-gang"),
        (ID + "antony-blinken", ID + "wang-yi"),
        (ID + "joe-biden", ID + "xi-jinping"),
    ]


@pytest.mark.parametrize(("module", "method"), [("pandas", "to_pandas"), ("polars", "to_polars")])
def test_dataframes_without_their_library_say_how_to_install_it(
    dataset: Dataset, monkeypatch: pytest.MonkeyPatch, module: str, method: str
) -> None:
    monkeypatch.setitem(sys.modules, module, None)
    with pytest.raises(DiplographError) as raised:
        getattr(dataset.table("posts"), method)()
    assert str(raised.value) == f"{method} needs {module}: pip install 'diplograph[{module}]'"
