"""``diplograph search TEXT``: full-text search of the dataset from the command line.

The index lives in ``dist/search.sqlite`` (or ``--index FILE``) and is rebuilt whenever the
dataset it was built from has changed (see :mod:`diplograph.search`); a rebuild is reported on
stderr, the hits go to stdout as a table or as JSON.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table
from rich.text import Text

from diplograph.errors import DiplographError
from diplograph.project import Project
from diplograph.rdfio import load_store
from diplograph.search import (
    KINDS,
    MAX_LIMIT,
    Hit,
    Search,
    SearchIndex,
    files_key,
    parse_date,
    store_key,
)
from diplograph.store import open_store
from diplograph.vocab import compact

FILES = click.Path(exists=True, dir_okay=False, path_type=Path)


def _index(
    project: Project, data: tuple[Path, ...], store_dir: Path | None, path: Path
) -> SearchIndex:
    """The search index of the dataset the options name, rebuilt when that dataset changed."""
    if store_dir is not None:
        if data:
            raise DiplographError("give --data or --store, not both")
        key = store_key(store_dir)
        index, rebuilt = SearchIndex.kept(path, key, lambda: open_store(store_dir, read_only=True))
    else:
        if data:
            vocabulary = project.vocabulary()
            paths = [*vocabulary, *(p for p in data if p not in vocabulary)]
        elif project.dump.is_file():
            paths = [project.dump]
        else:
            raise DiplographError(
                f"{project.dump}: not built yet; run `diplograph build` first, or pass --data FILE"
            )
        index, rebuilt = SearchIndex.kept(path, files_key(paths), lambda: load_store(paths))
    if rebuilt:
        (items,) = index.connection.execute("SELECT COUNT(*) FROM items").fetchone()
        click.echo(f"search index rebuilt: {items} items in {path}", err=True)
    return index


def _table(hits: list[Hit]) -> Table:
    table = Table("kind", "date", "label", "match")
    table.add_column("IRI", overflow="fold")
    for hit in hits:
        match = Text(hit.snippet)
        for start, end in hit.highlights:
            match.stylize("bold reverse", start, end)
        table.add_row(hit.kind, hit.date or "", hit.label, match, compact(hit.iri))
    return table


@click.command("search")
@click.argument("text")
@click.option("--kind", type=click.Choice(KINDS), help="Only articles, statements or actors.")
@click.option(
    "--actor",
    "actor_names",
    multiple=True,
    help="Only items about this actor (IRI, label or alias; repeatable: any of them).",
)
@click.option("--from", "start", metavar="DATE", help="Only items dated on or after DATE.")
@click.option("--to", "end", metavar="DATE", help="Only items dated on or before DATE.")
@click.option("--limit", type=click.IntRange(1, MAX_LIMIT), default=20, show_default=True)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
)
@click.option("--data", multiple=True, type=FILES, help="RDF files to search (repeatable).")
@click.option(
    "--store",
    "store_dir",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Search this persistent store (filled by `diplograph load`).",
)
@click.option(
    "--index",
    "index_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The index file [default: dist/search.sqlite].",
)
@click.pass_context
def search_command(
    ctx: click.Context,
    text: str,
    kind: str | None,
    actor_names: tuple[str, ...],
    start: str | None,
    end: str | None,
    limit: int,
    output_format: str,
    data: tuple[Path, ...],
    store_dir: Path | None,
    index_path: Path | None,
) -> None:
    """Search article text, statement quotes and actor names for TEXT.

    Every word must occur (stemmed: `sanction` finds "sanctions"); "two words" is a phrase and
    `tech*` a prefix; nothing else in TEXT is search syntax. Items are ranked by BM25.
    """
    project = Project.find(ctx.obj)
    dates = parse_date(start, "--from"), parse_date(end, "--to")
    index = _index(project, data, store_dir, index_path or project.dist / "search.sqlite")
    actors = tuple(iri for name in actor_names for iri in index.actors(name))
    hits = index.search(Search(text, kind, actors, *dates, limit=limit))
    if output_format == "json":
        document = {"query": text, "hits": [hit.record() for hit in hits]}
        click.echo(json.dumps(document, ensure_ascii=False, indent=2))
        return
    console = Console(highlight=False, soft_wrap=True, width=None if sys.stdout.isatty() else 160)
    console.print(_table(hits))
    console.print(f"{len(hits)} hit{'s' if len(hits) != 1 else ''} for {text!r}")
