"""``diplograph export``: the tables as CSV or Parquet with a codebook, or the network as a graph.

For ``csv`` and ``parquet``, OUTDIR gets one file per table of ``queries/export/``, the queries
themselves under ``queries/``, ``codebook.md`` for people and ``datapackage.json`` (a Frictionless
Tabular Data Package: every column's name, type and description, and the query that produces it)
for tools. For ``graphml`` and ``gexf``, OUTDIR gets ``network.graphml`` or ``network.gexf``.

Everything is written into a staging folder beside OUTDIR first; only when every file is complete
does it become OUTDIR (or its files replace those of the same name in an existing OUTDIR), so an
error leaves OUTDIR as it was. The same dataset gives the same bytes: rows come in the order of
each query's ``ORDER BY``, and no file records when it was written.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from diplograph.dataset import Dataset
from diplograph.errors import DiplographError
from diplograph.export.network import Edge, Node, gexf, graphml
from diplograph.export.package import Metadata, datapackage
from diplograph.export.tables import Column, Row, Table

FORMATS = ("csv", "parquet", "graphml", "gexf")
NETWORKS: dict[str, Callable[[Sequence[Node], Sequence[Edge]], bytes]] = {
    "graphml": graphml,
    "gexf": gexf,
}


@dataclass(frozen=True)
class Exported:
    """What an export wrote: each file with what it holds ("28 rows", "6 nodes, 4 edges")."""

    outdir: Path
    files: dict[str, str]


def export(dataset: Dataset, outdir: Path, output_format: str) -> Exported:
    """Write the tables (``csv``, ``parquet``) or the network (``graphml``, ``gexf``) to OUTDIR."""
    if output_format not in FORMATS:
        raise DiplographError(f"unknown format {output_format!r}; known: {', '.join(FORMATS)}")
    if outdir.exists() and not outdir.is_dir():
        raise DiplographError(f"{outdir}: exists and is not a folder")
    outdir.parent.mkdir(parents=True, exist_ok=True)
    private = Path(tempfile.mkdtemp(prefix=f".{outdir.name}-", dir=outdir.parent))
    try:
        staging = private / outdir.name  # made with the umask's mode, unlike mkdtemp's folder
        staging.mkdir()
        if output_format in NETWORKS:
            files = _network(dataset, staging, output_format)
        else:
            files = _tables(dataset, staging, output_format)
        _publish(staging, outdir)
    finally:
        shutil.rmtree(private)
    return Exported(outdir, files)


def _network(dataset: Dataset, staging: Path, output_format: str) -> dict[str, str]:
    nodes, edges = dataset.nodes(), list(dataset.edges())
    name = f"network.{output_format}"
    (staging / name).write_bytes(NETWORKS[output_format](nodes, edges))
    return {name: f"{_count(len(nodes), 'node')}, {_count(len(edges), 'edge')}"}


def _count(number: int, noun: str) -> str:
    """A count and its noun, singular or plural.

    >>> _count(1, "row"), _count(28, "row")
    ('1 row', '28 rows')
    """
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _tables(dataset: Dataset, staging: Path, output_format: str) -> dict[str, str]:
    write = write_csv if output_format == "csv" else write_parquet
    counts: dict[Table, int] = {}
    (staging / "queries").mkdir()
    for table in dataset.tables().values():
        rows = table.rows(dataset.store)
        write(staging / f"{table.name}.{output_format}", table, rows)
        (staging / "queries" / f"{table.name}.rq").write_text(table.query.text, encoding="utf-8")
        counts[table] = len(rows)
    (staging / "codebook.md").write_text(codebook(counts, output_format), encoding="utf-8")
    descriptor = datapackage(list(counts), output_format, staging, Metadata.of(dataset.store))
    package = json.dumps(descriptor, indent=2, ensure_ascii=False)
    (staging / "datapackage.json").write_text(package + "\n", encoding="utf-8")
    return {f"{table.name}.{output_format}": _count(n, "row") for table, n in counts.items()}


def _publish(staging: Path, outdir: Path) -> None:
    """Make the complete staging folder OUTDIR, or move its files into an existing OUTDIR."""
    if not outdir.exists():
        staging.rename(outdir)
        return
    for path in sorted(staging.rglob("*")):
        if path.is_file():
            target = outdir / path.relative_to(staging)
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(path, target)


def _cell(value: object) -> str:
    """A CSV cell: empty for an unbound value, dates in ISO 8601.

    >>> import datetime
    >>> _cell(None), _cell(datetime.date(2023, 6, 19)), _cell(17)
    ('', '2023-06-19', '17')
    """
    return "" if value is None else str(value)


def write_csv(path: Path, table: Table, rows: Sequence[Row]) -> None:
    """RFC 4180 CSV with a header row, UTF-8, ``\\n`` line ends, quotes only where needed."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(column.name for column in table.columns)
    writer.writerows([_cell(value) for value in row] for row in rows)
    path.write_text(buffer.getvalue(), encoding="utf-8", newline="")


def write_parquet(path: Path, table: Table, rows: Sequence[Row]) -> None:
    """Parquet with typed columns (``date32``, ``int64``, ``string``) and each column's
    description in its field metadata (needs pyarrow: ``pip install 'diplograph[parquet]'``)."""
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError:
        raise DiplographError(
            "--format parquet needs pyarrow: pip install 'diplograph[parquet]'"
        ) from None
    kinds = {
        "iri": pyarrow.string(),
        "string": pyarrow.string(),
        "date": pyarrow.date32(),
        "integer": pyarrow.int64(),
    }
    fields = [
        pyarrow.field(column.name, kinds[column.type], metadata=_field_metadata(column))
        for column in table.columns
    ]
    schema = pyarrow.schema(fields, metadata={"sparql": f"queries/{table.name}.rq"})
    columns = [[row[index] for row in rows] for index in range(len(table.columns))]
    arrays = [
        pyarrow.array(values, type=field.type)
        for values, field in zip(columns, fields, strict=True)
    ]
    pyarrow.parquet.write_table(pyarrow.Table.from_arrays(arrays, schema=schema), path)


def _field_metadata(column: Column) -> dict[str, str]:
    return {"description": column.description, "type": column.type}


def codebook(counts: dict[Table, int], output_format: str) -> str:
    """The codebook: for each table its question, description, query, rows and columns."""
    lines = [
        "# Codebook",
        "",
        f"Tables written by `diplograph export --format {output_format}`. Each table is the answer "
        "of one SPARQL query, copied into `queries/` beside it: the query is the definition of "
        "every column. `datapackage.json` says the same for tools (a Frictionless Tabular Data "
        "Package). IRIs and labels stand side by side (`source`, `sourceLabel`); an empty cell is "
        "a value the dataset does not have. Types: `iri` (an IRI, text), `string`, `date` "
        "(ISO 8601, YYYY-MM-DD), `integer`. Character offsets count Unicode code points of the "
        "article's text from 0 (`text[start:end] == quote`).",
        "",
    ]
    for table, count in counts.items():
        lines += [
            f"## {table.name}",
            "",
            f"**{table.query.question}** {table.description}",
            "",
            f"File `{table.name}.{output_format}`, {_count(count, 'row')}; "
            f"query `queries/{table.name}.rq`.",
            "",
            "| column | type | description |",
            "| --- | --- | --- |",
            *(
                f"| `{column.name}` | {column.type} | {column.description} |"
                for column in table.columns
            ),
            "",
        ]
    return "\n".join(lines)
