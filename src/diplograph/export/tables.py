"""The tables of the export: stored SPARQL queries whose header declares their columns.

Each ``queries/export/<name>.rq`` is one table. After its question (the first comment line) and
its description, one ``# @column NAME TYPE: description`` line per SELECT variable, in order, says
what the column holds; TYPE is ``iri``, ``string``, ``date`` or ``integer``. The query is the one
source of the table's rows, of its codebook entry and of its Frictionless schema.

>>> from pathlib import Path
>>> import tempfile
>>> folder = Path(tempfile.mkdtemp())
>>> _ = (folder / "people.rq").write_text(
...     "# Who is there?\\n# One row per person.\\n# @column person iri: the person\\n"
...     "# @column born date: the day of birth\\nSELECT ?person ?born WHERE { ?person ?p ?born }\\n"
... )
>>> table = read_tables(folder)["people"]
>>> table.description
'One row per person.'
>>> [(column.name, column.type) for column in table.columns]
[('person', 'iri'), ('born', 'date')]
>>> typed(ox.Literal("2023-06-19", datatype=XSD_DATE))
datetime.date(2023, 6, 19)
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, cast, get_args

import pyoxigraph as ox

from diplograph.errors import DiplographError
from diplograph.query import StoredQuery, run, stored_queries

ColumnType = Literal["iri", "string", "date", "integer"]
COLUMN_TYPES: tuple[ColumnType, ...] = get_args(ColumnType)
Value = str | int | datetime.date | None
Row = tuple[Value, ...]

XSD = "http://www.w3.org/2001/XMLSchema#"
XSD_DATE = ox.NamedNode(XSD + "date")
XSD_INTEGERS = {
    ox.NamedNode(XSD + name)
    for name in ("integer", "nonNegativeInteger", "positiveInteger", "long", "int")
}
COLUMN = re.compile(r"# @column (?P<name>\w+) (?P<type>\w+): (?P<description>.+)")


@dataclass(frozen=True)
class Column:
    """One column of a table: its name (the SELECT variable), type and description."""

    name: str
    type: ColumnType
    description: str


@dataclass(frozen=True)
class Table:
    """A table of the export: the stored query that produces it and its declared columns."""

    query: StoredQuery
    description: str
    columns: tuple[Column, ...]

    @property
    def name(self) -> str:
        return self.query.name

    def rows(self, store: ox.Store) -> list[Row]:
        """The query's rows on ``store``, each value of its column's type (None when unbound)."""
        solutions = run(store, self.query)
        variables = [variable.value for variable in solutions.variables]
        names = [column.name for column in self.columns]
        if variables != names:
            raise DiplographError(
                f"{self.query.path}: SELECT variables {variables} differ from its @column lines "
                f"{names}"
            )
        return [
            tuple(self._value(column, solution[column.name]) for column in self.columns)
            for solution in solutions
        ]

    def _value(
        self, column: Column, term: ox.NamedNode | ox.BlankNode | ox.Literal | None
    ) -> Value:
        if term is None:
            return None
        value = typed(term)
        fits = {
            "iri": isinstance(term, ox.NamedNode),
            "string": isinstance(term, ox.Literal) and isinstance(value, str),
            "date": isinstance(value, datetime.date),
            "integer": isinstance(value, int),
        }
        if not fits[column.type]:
            raise DiplographError(
                f"{self.query.path}: column {column.name}: {term} is not of type {column.type}"
            )
        return value


def typed(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple) -> str | int | datetime.date:
    """A result term as a Python value: an IRI as its string, xsd:date as a date, integers as int.

    >>> typed(ox.NamedNode("https://w3id.org/diplograph/id/wang-yi"))
    'https://w3id.org/diplograph/id/wang-yi'
    >>> typed(ox.Literal("3562", datatype=ox.NamedNode(XSD + "integer")))
    3562
    >>> typed(ox.Literal("040"))
    '040'
    """
    if isinstance(term, ox.NamedNode):
        return term.value
    if isinstance(term, ox.Literal):
        if term.datatype == XSD_DATE:
            return datetime.date.fromisoformat(term.value)
        if term.datatype in XSD_INTEGERS:
            return int(term.value)
        return term.value
    return str(term)


def read_table(query: StoredQuery) -> Table:
    """The table a stored query produces, from the ``# @column`` lines of its header."""
    header = []
    for line in query.text.splitlines():
        if not line.startswith("#"):
            break
        header.append(line)
    description, columns = [], []
    for number, line in enumerate(header[1:], start=2):
        if line.startswith("# @column"):
            found = COLUMN.fullmatch(line)
            if found is None or found["type"] not in COLUMN_TYPES:
                raise DiplographError(
                    f"{query.path}:{number}: expected '# @column NAME TYPE: description' with "
                    f"TYPE one of {', '.join(COLUMN_TYPES)}"
                )
            kind = cast(ColumnType, found["type"])
            columns.append(Column(found["name"], kind, found["description"]))
        elif not columns:
            description.append(line.lstrip("#").strip())
    if not columns:
        raise DiplographError(f"{query.path}: no '# @column' lines in its header")
    return Table(query, " ".join(description), tuple(columns))


def read_tables(folders: Path | Sequence[Path]) -> dict[str, Table]:
    """The tables of the queries in ``folders`` (``queries/export/``), by name."""
    return {name: read_table(query) for name, query in stored_queries(folders).items()}
