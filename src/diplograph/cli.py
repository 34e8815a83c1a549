"""The ``diplograph`` command line.

Exit codes: 0 success (and, for ``validate``, the data conforms); 1 the data violates a shape or a
check; 2 an error (unreadable file, unparsable RDF, unknown query, bad option).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import shutil
import sys
import time
from pathlib import Path
from typing import IO, Any

import click
from rich.console import Console
from rich.table import Column, Table
from rich.text import Text

from diplograph import __version__
from diplograph.build import ChecksFailed, ShapesViolated, build
from diplograph.contents import VerificationFailed, check_contents
from diplograph.diagram import document
from diplograph.errors import DiplographError
from diplograph.export.command import export_command
from diplograph.files import write_atomically
from diplograph.ingest.command import ingest_command
from diplograph.progress import triples_bar
from diplograph.project import Project, init_folder
from diplograph.query import paged, render, resolve, run, stored_queries
from diplograph.rdfio import load_store, rdflib_graph, read_quads
from diplograph.remote import Server
from diplograph.remote import load as load_remote
from diplograph.remote import select as select_remote
from diplograph.remote import verify as verify_remote
from diplograph.scope import Scope, scoped_store
from diplograph.search_command import search_command
from diplograph.store import load, open_store, read_back, read_graphs
from diplograph.target_options import check_target, target_options
from diplograph.validate import ENGINES, Engine, validate
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
            result = super().invoke(ctx)
            sys.stdout.flush()  # a full disk or a closed pipe fails here, not at exit
            return result
        except DiplographError as error:
            raise Failure(str(error)) from error
        except BrokenPipeError:  # the reader closed the pipe early (`| head`): end quietly
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(0)
        except OSError as error:  # writing to stdout (or a file no command caught)
            where = error.filename or "<stdout>"
            raise Failure(f"{where}: {error.strerror or error}") from error


def _console(markup: bool = False) -> Console:
    """The console of the CLI's messages: data in them is never read as markup or emoji codes
    (``markup=True`` only for a printer that escapes its own data with ``rich.markup.escape``)."""
    width = None if sys.stdout.isatty() else 160
    return Console(highlight=False, soft_wrap=True, width=width, markup=markup, emoji=False)


def _table(*columns: str) -> Table:
    return Table(*(Column(Text(column)) for column in columns))


def _row(table: Table, *cells: str) -> None:
    table.add_row(*(Text(cell) for cell in cells))


def _project(ctx: click.Context) -> Project:
    root: Path | None = ctx.obj
    return Project.find(root)


def _dataset(project: Project, data: tuple[Path, ...]) -> list[Path]:
    """The built dump, or the given files together with the ontology, code lists and actors."""
    if data:
        return [*project.vocabulary(), *(path for path in data if path not in project.vocabulary())]
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


@main.command("init")
@click.argument("folder", type=click.Path(path_type=Path))
def init_command(folder: Path) -> None:
    """Make FOLDER (new or empty) a project: its own data/, shapes/, queries/ on the shipped model.

    FOLDER gets data/actors.ttl (a copy of the shipped actor registry), data/articles/, shapes/,
    queries/, a README and diplograph.toml; commands run inside it use these files.
    """
    written = init_folder(folder, __version__)
    click.echo(f"project folder {folder}: {len(written)} files written (see {folder}/README.md)")


@main.command("build")
@click.pass_context
def build_command(ctx: click.Context) -> None:
    """Compile ontology/ and data/ into dist/ (canonical N-Quads, Turtle per graph)."""
    project = _project(ctx)
    console = _console()
    try:
        report = build(project)
    except (ChecksFailed, ShapesViolated) as failed:
        found = failed.violations if isinstance(failed, ChecksFailed) else failed.results
        for violation in found:
            click.echo(f"violation: {violation}", err=True)
        click.echo(f"build failed: {failed}; {project.dist} left as it was", err=True)
        sys.exit(1)
    table = _table("named graph", "triples")
    for graph, count in report.triples.items():
        _row(table, compact(graph), str(count))
    console.print(table)
    total = sum(report.triples.values())
    checks = len(project.checks)
    console.print(
        f"{checks} checks passed, the SHACL shapes conform; "
        f"{total} triples in {len(report.triples)} named graphs"
    )
    console.print(f"graphs written to {len(report.files)} files under {project.dist}")


@main.command("validate")
@click.argument("files", nargs=-1, type=FILES)
@click.option(
    "--engine",
    type=click.Choice(ENGINES),
    default="fast",
    show_default=True,
    help="fast: SHACL Core in Rust, SHACL-SPARQL once per constraint in Oxigraph; "
    "pyshacl: the reference engine (same results, slower).",
)
@click.pass_context
def validate_command(ctx: click.Context, files: tuple[Path, ...], engine: Engine) -> None:
    """Validate FILES (default: the built dataset) with the project's SHACL shapes.

    The ontology, code lists and actor registry are always validated with them.
    """
    project = _project(ctx)
    result = validate(project, list(files) or _dataset(project, ()), engine=engine)
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
@click.option(
    "--store",
    "store_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Query this persistent store (filled by `diplograph load --store DIR`).",
)
@click.option("--endpoint", help="Query this SPARQL 1.1 endpoint (see docs/loading.md).")
@click.option(
    "--actor",
    "actors",
    multiple=True,
    help="Only the articles that mention this actor (id:NAME or an IRI; repeatable: all of them).",
)
@click.option(
    "--since", type=click.DateTime(["%Y-%m-%d"]), help="Only articles published on or after."
)
@click.option(
    "--until", type=click.DateTime(["%Y-%m-%d"]), help="Only articles published on or before."
)
@click.option("--limit", type=click.IntRange(min=0), help="At most this many rows.")
@click.option("--offset", type=click.IntRange(min=0), default=0, help="Skip this many rows first.")
@click.pass_context
def query_command(
    ctx: click.Context,
    name: str,
    data: tuple[Path, ...],
    output_format: str,
    store_dir: Path | None,
    endpoint: str | None,
    actors: tuple[str, ...],
    since: dt.datetime | None,
    until: dt.datetime | None,
    limit: int | None,
    offset: int,
) -> None:
    """Run the stored query NAME (see `diplograph queries`) or a FILE.rq on the dataset.

    --data files are queried together with the ontology, code lists and actor registry.
    --actor, --since and --until run it on the articles they select only (docs/scaling.md);
    --limit and --offset give one page of its rows, in the query's order.
    """
    project = _project(ctx)
    query = resolve(project.query_folders(), name)
    if sum(map(bool, (data, store_dir, endpoint))) > 1:
        raise DiplographError("give at most one of --data, --store and --endpoint")
    scope = Scope(actors, since and since.date(), until and until.date())
    if endpoint is not None:
        if scope:
            raise DiplographError("--actor, --since and --until need --store or --data")
        solutions = select_remote(Server(endpoint), paged(query.text, limit, offset))
    else:
        if store_dir is not None:
            store = open_store(store_dir, read_only=True)
        else:
            store = load_store(_dataset(project, data))
        solutions = run(scoped_store(store, scope) if scope else store, query, limit, offset)
    width = shutil.get_terminal_size((160, 24)).columns if sys.stdout.isatty() else 160
    sys.stdout.buffer.write(render(solutions, output_format, width))
    sys.stdout.buffer.flush()


@main.command("queries")
@click.pass_context
def queries_command(ctx: click.Context) -> None:
    """List the stored queries and the questions they answer."""
    table = _table("name", "question")
    for query in stored_queries(_project(ctx).query_folders()).values():
        _row(table, query.name, query.question)
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
        write_atomically(output, page.encode("utf-8"))


@main.command("publish")
@click.argument("outdir", type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--data", "data", multiple=True, type=FILES, help="RDF files to publish (repeatable)."
)
@click.option(
    "--site",
    default="https://diplograph.github.io/diplograph/",
    show_default=True,
    help="Where the site is hosted: the w3id.org redirect file sends requests there.",
)
@click.pass_context
def publish_command(ctx: click.Context, outdir: Path, data: tuple[Path, ...], site: str) -> None:
    """Write the dataset (default: dist/diplograph.nq) as a static linked-data site in OUTDIR."""
    import pyoxigraph as ox

    from diplograph.publish.rewrite import site_url  # imported when used
    from diplograph.publish.site import Site, publish, yasgui_assets

    site = site_url(site)
    project = _project(ctx)
    quads = [quad for path in _dataset(project, data) for quad in read_quads(path)]
    store = ox.Store()
    store.extend(quads)
    pages = Site(store, project.query_folders(), yasgui_assets(project.base), quads)
    done = publish(pages, outdir, site)
    click.echo(f"{len(done.written)} files written to {outdir}")
    if done.kept:
        click.echo(done.kept_summary())


@main.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--data", "data", multiple=True, type=FILES, help="RDF files to serve (repeatable).")
@click.option(
    "--store",
    "store_dir",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="A persistent Oxigraph store to serve (opened read-only, followed as it changes).",
)
@click.option("--base", help="The public base URL (default: http://HOST:PORT/).")
@click.option("--timeout", default=10.0, show_default=True, help="Query time limit in seconds.")
@click.option("--max-bytes", default=10_000_000, show_default=True, help="Query result size limit.")
@click.option(
    "--workers", type=click.IntRange(1), help="Query workers [default: one per core, ≥2]."
)
@click.option(
    "--queue",
    type=click.IntRange(0),
    default=64,
    show_default=True,
    help="Queries that may wait for a worker; more are refused with 503.",
)
@click.option(
    "--memory",
    type=click.IntRange(0),
    default=2048,
    show_default=True,
    help="Address space limit of each query worker in MB (0: none).",
)
@click.option(
    "--max-request-bytes",
    type=click.IntRange(1),
    default=1_000_000,
    show_default=True,
    help="Request body size limit (413 past it).",
)
@click.option(
    "--client-timeout",
    type=click.FloatRange(0.1),
    default=10.0,
    show_default=True,
    help="Seconds a client has to send a request's headers, and then its body.",
)
@click.option(
    "--per-client",
    type=click.IntRange(0),
    help="Queries one client may have running or waiting at once; more are refused with 429 "
    "(0: no limit) [default: half the workers, rounded up].",
)
@click.option(
    "--client-seconds",
    type=click.FloatRange(0),
    default=60.0,
    show_default=True,
    help="Query-seconds in workers one client may use per --client-window, on average "
    "(a leaky bucket; past it, 429; 0: no limit).",
)
@click.option(
    "--client-window",
    type=click.FloatRange(0.001),
    default=60.0,
    show_default=True,
    help="The window of --client-seconds, in seconds.",
)
@click.option(
    "--trust-proxy",
    "trust_proxy",
    multiple=True,
    help="A reverse proxy (address or network) whose X-Forwarded-For names the client "
    "(repeatable; default: none, the peer address is the client).",
)
@click.pass_context
def serve_command(
    ctx: click.Context,
    host: str,
    port: int,
    data: tuple[Path, ...],
    store_dir: Path | None,
    base: str | None,
    timeout: float,
    max_bytes: int,
    workers: int | None,
    queue: int,
    memory: int,
    max_request_bytes: int,
    client_timeout: float,
    per_client: int | None,
    client_seconds: float,
    client_window: float,
    trust_proxy: tuple[str, ...],
) -> None:
    """Serve the dataset: pages, content negotiation, and a read-only SPARQL endpoint.

    Runs until Ctrl-C or SIGTERM; exit code 2 when it cannot start (a busy or invalid port, no
    dataset). See docs/publishing.md and docs/security.md.
    """
    from diplograph.publish.site import yasgui_assets  # imported when used
    from diplograph.serve import Settings, Source, serve
    from diplograph.serve.run import bind, proxies

    project = _project(ctx)
    if data and store_dir:
        raise DiplographError("--data and --store exclude each other")
    trusted = proxies(trust_proxy)
    bind(host, port).close()  # a busy or invalid port: exit 2 before loading anything
    source = Source(store=store_dir) if store_dir else Source(tuple(_dataset(project, data)))
    public = (base or f"http://{host}:{port}/").rstrip("/") + "/"
    queries = tuple(project.query_folders())
    settings = Settings(
        public,
        source,
        queries,
        yasgui_assets(project.base),
        timeout,
        max_bytes,
        queue=queue,
        memory_mb=memory,
        max_request_bytes=max_request_bytes,
        body_timeout=client_timeout,
        per_client=per_client,
        client_seconds=client_seconds,
        client_window=client_window,
    )
    if workers is not None:
        settings = dataclasses.replace(settings, workers=workers)
    serve(settings, host, port, client_timeout, trusted)


@main.command("load")
@target_options
@click.option("--batch-size", type=click.IntRange(1), default=50_000, show_default=True)
@click.pass_context
def load_command(
    ctx: click.Context,
    store_dir: Path | None,
    endpoint: str | None,
    graph_store: str | None,
    update_url: str | None,
    batch_size: int,
    timeout: float,
    retries: int,
) -> None:
    """Load the built dataset into a persistent store or a SPARQL 1.1 server, and verify it.

    Each named graph replaces its old version as a whole. Server credentials come from
    DIPLOGRAPH_USER and DIPLOGRAPH_PASSWORD, or a netrc file. Exit codes: 0 loaded and verified,
    1 some graph's triples differ from the dump's after the load, 2 error. See docs/loading.md.
    """
    project = _project(ctx)
    check_target(store_dir, endpoint, graph_store, update_url)
    if not project.dump.is_file():
        raise DiplographError(f"{project.dump}: not built yet; run `diplograph build` first")
    graphs = read_graphs(project.dump)
    expected = {graph: len(triples) for graph, triples in graphs.items()}
    server = Server(endpoint or "", graph_store, update_url, timeout, retries, batch=batch_size)
    target = endpoint or store_dir or project.store
    started = time.monotonic()
    try:
        with triples_bar(Console(stderr=True), sum(expected.values())) as advance:
            if endpoint is not None:
                report = load_remote(server, graphs, advance)
            else:
                store = open_store(Path(target))
                report = load(store, graphs, advance)
        seconds = time.monotonic() - started
        if endpoint is not None:
            found, sums = verify_remote(server, graphs)
        else:
            stored = read_back(store)
            found = {graph: len(triples) for graph, triples in stored.items()}
            sums = check_contents(target, graphs, stored)
    except VerificationFailed as failed:
        click.echo(f"verification failed: {failed}", err=True)
        sys.exit(1)
    table = _table("named graph", "triples in dump", "triples loaded", "sha-256 of the content")
    for graph, count in expected.items():
        _row(table, compact(graph), str(count), str(found.get(graph, 0)), sums[graph][:16])
    console = _console()
    console.print(table)
    total = sum(expected.values())
    console.print(
        f"{len(report.replaced)} graphs replaced, {len(report.unchanged)} unchanged, "
        f"{len(report.removed)} removed in {target}: {total} triples in {seconds:.1f} s "
        f"({total / max(seconds, 1e-9):,.0f} triples/s); every graph's content verified"
    )


@main.command("extract")
@click.argument("source", type=FILES)
@click.option("--date", help="Publication date YYYY-MM-DD of a .txt article (else its dateline).")
@click.option("--publisher", help="Publisher of a .txt article.")
@click.option("--id", "identifier", help="Article id of a .txt article (default: the file name).")
@click.option("--url", help="URL of a .txt article.")
@click.option("--title", help="Title of a .txt article.")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["nquads", "trig", "turtle"]),
    default="nquads",
    show_default=True,
)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write here.")
@click.pass_context
def extract_cli(
    ctx: click.Context,
    source: Path,
    date: str | None,
    publisher: str | None,
    identifier: str | None,
    url: str | None,
    title: str | None,
    output_format: str,
    output: Path | None,
) -> None:
    """Extract interactions, statements and actors from a .txt article or a .jsonl corpus."""
    from diplograph.extract.command import extract_command, print_summary

    options = {"date": date, "publisher": publisher, "id": identifier, "url": url, "title": title}
    console = Console(stderr=True, highlight=False, soft_wrap=True, markup=False, emoji=False)
    summary = extract_command(_project(ctx), source, options, output_format, output, console)
    print_summary(summary, console)


@main.command("evaluate")
@click.option(
    "--corpus",
    type=FILES,
    help="JSONL readouts scored against their titles and the gold annotations "
    "[default: data/corpus/state-department-readouts.jsonl].",
)
@click.option(
    "--article",
    type=FILES,
    help="A .txt article with a curated graph [default: the seed article of data/articles/].",
)
@click.option("--curated", type=FILES, help="The curated graph of --article [default: its .ttl].")
@click.option(
    "--gold",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="The gold annotations: splits.json, dev/ and test/ [default: tests/gold/].",
)
@click.option(
    "--split",
    type=click.Choice(["dev", "test", "all"]),
    default="all",
    show_default=True,
    help="The gold split(s) to print; the test split's errors only with --split test.",
)
@click.option(
    "--misses",
    "miss_lines",
    type=click.IntRange(min=0),
    default=40,
    show_default=True,
    help="At most this many gold errors listed per split.",
)
@click.option("--quiet", is_flag=True, help="Print the scores only, not the list of misses.")
@click.pass_context
def evaluate_cli(
    ctx: click.Context,
    corpus: Path | None,
    article: Path | None,
    curated: Path | None,
    gold: Path | None,
    split: str,
    miss_lines: int,
    quiet: bool,
) -> None:
    """Score extraction: precision, recall and F1 per item kind against the gold annotations (and
    the titles and the seed's curated graph), and the misses; exit 1 unless every target is met
    on the gold test split (without gold: the title and seed targets)."""
    from diplograph.extract.report import evaluate, print_evaluation

    project = _project(ctx)
    data = project.root / "data"
    corpus = corpus or data / "corpus" / "state-department-readouts.jsonl"
    article = article or data / "articles" / "global-times-2023-06-19-wang-yi-blinken.txt"
    curated = curated or article.with_suffix(".ttl")
    default_gold = project.root / "tests" / "gold"
    gold = gold or (default_gold if (default_gold / "splits.json").is_file() else None)
    evaluation = evaluate(project, corpus, article, curated, gold=gold)
    print_evaluation(evaluation, _console(markup=True), not quiet, split, miss_lines)
    if not evaluation.passed:
        sys.exit(1)


main.add_command(export_command)
main.add_command(ingest_command)
main.add_command(search_command)


if __name__ == "__main__":
    main()
