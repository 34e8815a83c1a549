"""The ``diplograph`` command line.

Exit codes: 0 success (and, for ``validate``, the data conforms); 1 the data violates a shape or a
check; 2 an error (unreadable file, unparsable RDF, unknown query, bad option).
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path
from typing import IO, Any

import click
from rich.console import Console
from rich.table import Table

from diplograph import __version__
from diplograph.build import ChecksFailed, build
from diplograph.diagram import document
from diplograph.errors import DiplographError
from diplograph.project import Project
from diplograph.query import render, resolve, run, stored_queries
from diplograph.rdfio import load_store, rdflib_graph, read_quads
from diplograph.validate import validate
from diplograph.vocab import compact

FILES = click.Path(exists=True, dir_okay=False, path_type=Path)


class Failure(click.ClickException):
    """A :class:`DiplographError` as click shows it: one line on stderr, exit code 2."""

    exit_code = 2

    def show(self, file: IO[Any] | None = None) -> None:
        click.echo(f"error: {self.message}", err=True)


class Group(click.Group):
    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except DiplographError as error:
            raise Failure(str(error)) from error


def _console() -> Console:
    return Console(highlight=False, soft_wrap=True)


def _project(ctx: click.Context) -> Project:
    root: Path | None = ctx.obj
    return Project.find(root)


def _dataset(project: Project, data: tuple[Path, ...]) -> list[Path]:
    if data:
        return list(data)
    if not project.dump.is_file():
        raise DiplographError(
            f"{project.dump}: not built yet; run `diplograph build` first, or pass --data FILE"
        )
    return [project.dump]


@click.group(cls=Group)
@click.option(
    "--root",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="The project folder (default: the working directory, or its nearest parent with one).",
)
@click.version_option(__version__, prog_name="diplograph")
@click.pass_context
def main(ctx: click.Context, root: Path | None) -> None:
    """Diplomatic news as a validated, queryable RDF knowledge graph."""
    ctx.obj = root


@main.command("build")
@click.pass_context
def build_command(ctx: click.Context) -> None:
    """Compile ontology/ and data/ into dist/ (canonical N-Quads, Turtle per graph)."""
    project = _project(ctx)
    console = _console()
    try:
        report = build(project)
    except ChecksFailed as failed:
        for violation in failed.violations:
            click.echo(f"violation: {violation}", err=True)
        click.echo(f"build failed: {failed}", err=True)
        sys.exit(1)
    table = Table("named graph", "triples")
    for graph, count in report.triples.items():
        table.add_row(compact(graph), str(count))
    console.print(table)
    total = sum(report.triples.values())
    checks = len(project.checks)
    console.print(f"{checks} checks passed; {total} triples in {len(report.triples)} named graphs")
    console.print(f"graphs written to {len(report.files)} files under {project.dist}")


@main.command("validate")
@click.argument("files", nargs=-1, type=FILES)
@click.pass_context
def validate_command(ctx: click.Context, files: tuple[Path, ...]) -> None:
    """Validate FILES (default: the built dataset) with the project's SHACL shapes.

    The ontology, code lists and actor registry are always validated with them.
    """
    project = _project(ctx)
    result = validate(project, _dataset(project, files))
    console = _console()
    names = ", ".join(str(path) for path in result.files)
    console.print(f"validated {names}: {result.shapes} shapes, {result.focus_nodes} focus nodes")
    for violation in result.results:
        console.print(f"violation: {violation}")
    if not result.conforms:
        console.print(f"does not conform: {len(result.results)} violation(s)")
        sys.exit(1)
    console.print("conforms")


@main.command("query")
@click.argument("name")
@click.option("--data", "data", multiple=True, type=FILES, help="RDF files to query (repeatable).")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["table", "csv", "json"]),
    default="table",
    show_default=True,
)
@click.pass_context
def query_command(
    ctx: click.Context, name: str, data: tuple[Path, ...], output_format: str
) -> None:
    """Run the stored query NAME (see `diplograph queries`) or a FILE.rq on the dataset.

    --data files are queried together with the ontology, code lists and actor registry.
    """
    project = _project(ctx)
    query = resolve(project.queries, name)
    store = load_store([*project.vocabulary(), *_dataset(project, data)])
    width = shutil.get_terminal_size((160, 24)).columns if sys.stdout.isatty() else 160
    sys.stdout.buffer.write(render(run(store, query), output_format, width))
    sys.stdout.buffer.flush()


@main.command("queries")
@click.pass_context
def queries_command(ctx: click.Context) -> None:
    """List the stored queries and the questions they answer."""
    table = Table("name", "question")
    for query in stored_queries(_project(ctx).queries).values():
        table.add_row(query.name, query.question)
    _console().print(table)


@main.command("diagram")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write here.")
@click.pass_context
def diagram_command(ctx: click.Context, output: Path | None) -> None:
    """Print the ontology as a Mermaid class diagram in Markdown (docs/diagram.md)."""
    page = document(rdflib_graph(read_quads(_project(ctx).ontology)))
    if output is None:
        click.echo(page, nl=False)
    else:
        output.write_text(page, encoding="utf-8")


if __name__ == "__main__":
    main()
