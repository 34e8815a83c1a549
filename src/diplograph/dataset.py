"""The dataset for the analyst: stored queries and export tables as typed rows and dataframes.

``Dataset.open`` takes the built dump (or any RDF file: it is read together with the ontology, the
code lists and the actor registry), a persistent Oxigraph store folder (opened read-only) or an
``pyoxigraph.Store``. ``query`` runs a stored query (``diplograph queries``) or a ``.rq`` file,
``table`` an export table (``queries/export/``); both return :class:`Rows`: tuples of Python
values (IRIs as strings, ``xsd:date`` as :class:`datetime.date`, integers as ``int``, unbound as
``None``), with ``to_pandas()`` and ``to_polars()`` when pandas or polars is installed.

>>> import diplograph
>>> from diplograph.project import Project
>>> articles = Project.find().root / "data" / "articles"
>>> dataset = diplograph.Dataset.open(articles / "global-times-2023-06-19-wang-yi-blinken.ttl")
>>> meetings = dataset.query("meetings")
>>> meetings.columns[:4]
('event', 'type', 'date', 'placeLabel')
>>> [row[1:5] for row in meetings if row[2] is not None]  # doctest: +NORMALIZE_WHITESPACE
[('Talks', datetime.date(2023, 6, 18), 'Beijing', 'Antony Blinken'),
 ('Talks', datetime.date(2023, 6, 18), 'Beijing', 'Qin Gang'),
 ('Meeting', datetime.date(2023, 6, 19), 'Beijing', 'Antony Blinken'),
 ('Meeting', datetime.date(2023, 6, 19), 'Beijing', 'Wang Yi')]
>>> events = dataset.table("events")
>>> len(events) == len(dataset.query("events")), events.types[events.columns.index("start")]
(True, 'integer')
>>> [(row["sourceLabel"], row["targetStateLabel"], row["cameoCode"], row["start"], row["end"])
...  for row in events.records() if row["codedType"] == "Meeting"]
[('Wang Yi', 'United States', '040', 17, 112)]
>>> frame = events.to_pandas()
>>> str(frame["date"].dtype), str(frame["start"].dtype), str(frame["quote"].dtype)
('datetime64[...]', 'Int64', 'string')
>>> events.to_polars().schema["date"]
Date
>>> [(edge.source, edge.target, edge.weight) for edge in dataset.edges()][1]
('https://w3id.org/diplograph/id/antony-blinken', 'https://w3id.org/diplograph/id/qin-gang', 1)
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, overload

import pyoxigraph as ox

from diplograph.errors import DiplographError
from diplograph.export.network import Edge, Node, edges, nodes
from diplograph.export.tables import ColumnType, Row, Table, Value, read_tables, typed
from diplograph.project import Project
from diplograph.query import resolve, run
from diplograph.rdfio import load_store
from diplograph.store import open_store


@dataclass(frozen=True)
class Rows(Sequence[Row]):
    """The rows of a query: a sequence of tuples, with the column names and their types."""

    columns: tuple[str, ...]
    types: tuple[ColumnType, ...]
    rows: tuple[Row, ...]

    @overload
    def __getitem__(self, index: int) -> Row: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Row]: ...
    def __getitem__(self, index: int | slice) -> Row | Sequence[Row]:
        return self.rows[index]

    def __len__(self) -> int:
        return len(self.rows)

    def records(self) -> list[dict[str, Value]]:
        """The rows as dictionaries from column name to value."""
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]

    def column(self, name: str) -> list[Value]:
        """The values of one column."""
        index = self.columns.index(name)
        return [row[index] for row in self.rows]

    def to_pandas(self) -> Any:
        """A pandas DataFrame: dates as ``datetime64``, integers as nullable ``Int64``, text as
        ``string`` (needs pandas: ``pip install 'diplograph[pandas]'``)."""
        try:
            import pandas
        except ImportError:
            raise DiplographError(
                "to_pandas needs pandas: pip install 'diplograph[pandas]'"
            ) from None
        dtypes = {"iri": "string", "string": "string", "integer": "Int64"}
        data = {
            name: (
                pandas.to_datetime(pandas.Series(self.column(name), dtype=object))
                if kind == "date"
                else pandas.Series(self.column(name), dtype=dtypes[kind])
            )
            for name, kind in zip(self.columns, self.types, strict=True)
        }
        return pandas.DataFrame(data, columns=list(self.columns))

    def to_polars(self) -> Any:
        """A polars DataFrame with ``Date``, ``Int64`` and ``String`` columns (needs polars:
        ``pip install 'diplograph[polars]'``)."""
        try:
            import polars
        except ImportError:
            raise DiplographError(
                "to_polars needs polars: pip install 'diplograph[polars]'"
            ) from None
        kinds = {"iri": polars.String, "string": polars.String, "integer": polars.Int64}
        schema = {
            name: polars.Date if kind == "date" else kinds[kind]
            for name, kind in zip(self.columns, self.types, strict=True)
        }
        return polars.DataFrame(list(self.rows), schema=schema, orient="row")


def inferred_type(values: Sequence[Value]) -> ColumnType:
    """The type of a column of a stored query, from its values: integer or date when all are.

    >>> inferred_type([3, None, 4]), inferred_type([datetime.date(2023, 6, 19)]), inferred_type([])
    ('integer', 'date', 'string')
    """
    present = [value for value in values if value is not None]
    if present and all(isinstance(value, int) for value in present):
        return "integer"
    if present and all(isinstance(value, datetime.date) for value in present):
        return "date"
    return "string"


@dataclass(frozen=True)
class Dataset:
    """A dataset to query: an Oxigraph store and the project whose queries run on it."""

    store: ox.Store
    project: Project

    @classmethod
    def open(
        cls, source: Path | str | Sequence[Path] | ox.Store, project: Project | None = None
    ) -> Dataset:
        """A dataset from RDF files, a store folder or a store; ``project``: whose model and
        queries (default: the project of the working directory, else the shipped model)."""
        project = project or Project.find()
        if isinstance(source, ox.Store):
            return cls(source, project)
        paths = [Path(source)] if isinstance(source, str | Path) else list(source)
        if len(paths) == 1 and paths[0].is_dir():
            return cls(open_store(paths[0], read_only=True), project)
        for path in paths:
            if not path.is_file():
                raise DiplographError(f"{path}: no such file or store folder")
        return cls.for_project(project, tuple(paths))

    @classmethod
    def for_project(
        cls, project: Project, data: tuple[Path, ...] = (), store: Path | None = None
    ) -> Dataset:
        """What the CLI reads: ``store``, else the ``data`` files with the ontology, code lists
        and actors, else the built dump."""
        if store is not None:
            if data:
                raise DiplographError("give --data or --store, not both")
            return cls(open_store(store, read_only=True), project)
        if data:
            vocabulary = project.vocabulary()
            paths = [*vocabulary, *(path for path in data if path not in vocabulary)]
        elif project.dump.is_file():
            paths = [project.dump]
        else:
            raise DiplographError(
                f"{project.dump}: not built yet; run `diplograph build` first, or pass --data FILE"
            )
        return cls(load_store(paths), project)

    def tables(self) -> dict[str, Table]:
        """The export tables, by name (``queries/export/*.rq``)."""
        return read_tables([folder / "export" for folder in self.project.query_folders()])

    def table(self, name: str) -> Rows:
        """The rows of one export table, typed as its ``# @column`` lines declare."""
        tables = self.tables()
        if name not in tables:
            raise DiplographError(f"unknown table {name!r}; known tables: {', '.join(tables)}")
        table = tables[name]
        return Rows(
            tuple(column.name for column in table.columns),
            tuple(column.type for column in table.columns),
            tuple(table.rows(self.store)),
        )

    def query(self, name: str) -> Rows:
        """The rows of a stored query (or a ``.rq`` file), each column's type from its values."""
        solutions = run(self.store, resolve(self.project.query_folders(), name))
        columns = tuple(variable.value for variable in solutions.variables)
        rows = tuple(
            tuple(None if (term := row[column]) is None else typed(term) for column in columns)
            for row in solutions
        )
        types = tuple(inferred_type([row[i] for row in rows]) for i in range(len(columns)))
        return Rows(columns, types, rows)

    def nodes(self) -> list[Node]:
        """The actors of the network of who met whom."""
        return nodes(self.tables()["network-nodes"].rows(self.store))

    def edges(self) -> Iterator[Edge]:
        """The edges of the network of who met whom, one per pair of actors who met."""
        return edges(self.tables()["network-edges"].rows(self.store))
