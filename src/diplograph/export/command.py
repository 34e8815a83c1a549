"""The ``diplograph export`` command (registered in ``diplograph.cli``)."""

from __future__ import annotations

from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from diplograph.dataset import Dataset
from diplograph.export.write import FORMATS, export
from diplograph.project import Project


@click.command("export")
@click.argument("outdir", type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--format",
    "output_format",
    type=click.Choice(FORMATS),
    default="csv",
    show_default=True,
    help="csv or parquet: the tables with codebook.md and datapackage.json; graphml or gexf: "
    "the network of who met whom.",
)
@click.option(
    "--data",
    "data",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="RDF files to export (repeatable), read with the ontology, code lists and actors.",
)
@click.option(
    "--store",
    "store_dir",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="A persistent Oxigraph store to export (opened read-only).",
)
@click.pass_context
def export_command(
    ctx: click.Context,
    outdir: Path,
    output_format: str,
    data: tuple[Path, ...],
    store_dir: Path | None,
) -> None:
    """Write the dataset (default: the built dump) as tidy tables or as a network to OUTDIR.

    Every table is a stored query of queries/export/; OUTDIR is written completely or not at all.
    """
    root: Path | None = ctx.obj
    dataset = Dataset.for_project(Project.find(root), data, store_dir)
    done = export(dataset, outdir, output_format)
    table = Table("file", "holds")
    for name, holds in done.files.items():
        table.add_row(name, holds)
    console = Console(highlight=False, soft_wrap=True, width=160)
    console.print(table)
    extra = "" if output_format in ("graphml", "gexf") else ", codebook.md, datapackage.json"
    console.print(f"{len(done.files)} file{'s' if len(done.files) != 1 else ''}{extra} in {outdir}")
