"""Stored SPARQL queries (``queries/*.rq``): finding them, running them, printing their results.

A stored query opens with a comment line that states its question in English:

>>> from pathlib import Path
>>> import tempfile
>>> folder = Path(tempfile.mkdtemp())
>>> _ = (folder / "people.rq").write_text("# Who is there?\\nSELECT ?s WHERE { ?s a ?c }\\n")
>>> stored_queries(folder)["people"].question
'Who is there?'
>>> resolve(folder, "nobody")
Traceback (most recent call last):
...
diplograph.errors.DiplographError: unknown query 'nobody'; known queries: people
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rich.console import Console
from rich.table import Table
from rich.text import Text

from diplograph.errors import DiplographError
from diplograph.vocab import compact

RESULT_FORMATS = {"json": ox.QueryResultsFormat.JSON, "csv": ox.QueryResultsFormat.CSV}


@dataclass(frozen=True)
class StoredQuery:
    """A SPARQL query and the question it answers."""

    name: str
    path: Path
    question: str

    @property
    def text(self) -> str:
        return self.path.read_text(encoding="utf-8")


def _question(path: Path) -> str:
    first = path.read_text(encoding="utf-8").split("\n", 1)[0]
    return first.lstrip("# ").strip() if first.startswith("#") else ""


def stored_queries(folders: Path | Sequence[Path]) -> dict[str, StoredQuery]:
    """The stored queries in ``folders``, by name (the file's stem), sorted by name.

    A query in a later folder replaces one of the same name in an earlier folder.
    """
    found = {
        path.stem: StoredQuery(path.stem, path, _question(path))
        for folder in ([folders] if isinstance(folders, Path) else folders)
        for path in sorted(folder.glob("*.rq"))
    }
    return dict(sorted(found.items()))


def resolve(folders: Path | Sequence[Path], name: str) -> StoredQuery:
    """A stored query by name, or any ``.rq`` file by path."""
    path = Path(name)
    if path.suffix == ".rq":
        if not path.is_file():
            raise DiplographError(f"{path}: no such query file")
        return StoredQuery(path.stem, path, _question(path))
    known = stored_queries(folders)
    if name not in known:
        raise DiplographError(f"unknown query {name!r}; known queries: {', '.join(known)}")
    return known[name]


def paged(text: str, limit: int | None = None, offset: int = 0) -> str:
    """A query's text with a page of its rows asked for: ``LIMIT`` and ``OFFSET`` appended.

    Every stored query ends with its ``ORDER BY``, so a page is a deterministic slice of its rows.

    >>> paged("SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?s", limit=10, offset=20)
    'SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?s\\nLIMIT 10\\nOFFSET 20\\n'
    >>> paged("SELECT ?s WHERE { ?s ?p ?o }")
    'SELECT ?s WHERE { ?s ?p ?o }'
    """
    if (limit is not None and limit < 0) or offset < 0:
        raise DiplographError("--limit and --offset must not be negative")
    page = ([f"LIMIT {limit}"] if limit is not None else []) + (
        [f"OFFSET {offset}"] if offset else []
    )
    return text if not page else text.rstrip("\n") + "\n" + "\n".join(page) + "\n"


def run(
    store: ox.Store, query: StoredQuery, limit: int | None = None, offset: int = 0
) -> ox.QuerySolutions:
    """Run a SELECT query over the union of all named graphs; only a page of its rows if asked."""
    try:
        solutions = store.query(paged(query.text, limit, offset), use_default_graph_as_union=True)
    except SyntaxError as error:
        raise DiplographError(f"{query.path}: {error.msg}") from None
    if not isinstance(solutions, ox.QuerySolutions):
        raise DiplographError(f"{query.path}: only SELECT queries are stored queries")
    return solutions


def cell(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple | None) -> str:
    """How a result term reads in a table: IRIs compacted, literals by their value.

    >>> cell(ox.NamedNode("https://w3id.org/diplograph/id/wang-yi"))
    'id:wang-yi'
    >>> cell(ox.Literal("2023-06-19", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#date")))
    '2023-06-19'
    """
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        return compact(term.value)
    if isinstance(term, ox.Literal):
        return term.value
    return str(term)


def render(solutions: ox.QuerySolutions, output_format: str, width: int = 160) -> bytes:
    """Results as the standard SPARQL 1.1 JSON or CSV, or as a table for a terminal."""
    if output_format in RESULT_FORMATS:
        serialized = solutions.serialize(format=RESULT_FORMATS[output_format])
        assert serialized is not None
        return serialized
    names = [variable.value for variable in solutions.variables]
    table = Table()
    for name in names:
        table.add_column(Text(name), overflow="fold")
    count = 0
    for solution in solutions:  # Text: a label "[/x]" or ":smile:" is data, not markup
        table.add_row(*(Text(cell(solution[name])) for name in names))
        count += 1
    buffer = io.StringIO()
    console = Console(
        file=buffer, width=width, no_color=True, highlight=False, markup=False, emoji=False
    )
    console.print(table)
    console.print(f"{count} row{'s' if count != 1 else ''}")
    return buffer.getvalue().encode("utf-8")
