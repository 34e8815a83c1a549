"""``diplograph ingest CORPUS.jsonl``: the command, its progress bar and its summary.

Exit codes: 0 every article of the corpus is in the target (loaded now or unchanged), 1 some
article was kept out (it violates a shape, or the extractor failed on it; each is listed with its
violations), 2 error (a bad corpus line, an unreachable server: nothing is written).
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from diplograph.progress import Rate
from diplograph.project import Project
from diplograph.target_options import check_target, target_options

if TYPE_CHECKING:
    from diplograph.ingest.pipeline import Report
    from diplograph.validate import Engine

SHOWN = 5  # violations listed per article kept out


def endpoint_ledger(project: Project, endpoint: str) -> Path:
    """The default ledger of a server: one file per endpoint under the project's data/.

    >>> endpoint_ledger(Project(Path("/p")), "http://127.0.0.1:8890/sparql").name
    '127-0-0-1-8890-sparql.sqlite'
    """
    name = re.sub(r"[^a-z0-9]+", "-", endpoint.lower().split("://", 1)[-1]).strip("-")
    return project.root / "data" / ".ingest" / f"{name}.sqlite"


def print_report(report: Report, target: str, console: Console) -> None:
    """Articles kept out (with their violations), then the summary table and line."""
    for identifier, violations in report.rejected:
        console.print(f"rejected: {identifier}: {len(violations)} violations", markup=False)
        for violation in violations[:SHOWN]:
            console.print(f"  {violation}", markup=False)  # "[sh:…Component]" is no markup
        if len(violations) > SHOWN:
            console.print(f"  and {len(violations) - SHOWN} more")
    for identifier, reason in report.failed:
        console.print(f"failed: {identifier}: {reason}", markup=False)
    table = Table("articles", "count")
    rows = [
        ("read", report.read),
        ("unchanged (skipped)", report.unchanged),
        ("new graphs loaded", report.new),
        ("changed graphs replaced", report.replaced),
        ("rejected (violations)", len(report.rejected)),
        ("failed (extractor error)", len(report.failed)),
    ]
    for name, number in rows:
        table.add_row(name, f"{number:,}")
    console.print(table)
    worked = report.read - report.unchanged
    rate = f"{worked / max(report.seconds, 1e-9):,.1f} articles/s" if worked else "none to extract"
    console.print(
        f"{target}: {report.triples:,} article triples loaded, {report.actors:,} in "
        f"graph:extracted-actors, {len(report.shared)} shared graphs replaced; "
        f"{report.seconds:.1f} s ({rate}); "
        f"extract {report.extract_seconds:.1f} s, validate {report.validate_seconds:.1f} s "
        f"(summed over workers), load {report.load_seconds:.1f} s"
    )


@click.command("ingest")
@click.argument("corpus", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@target_options
@click.option(
    "--ledger",
    "ledger_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The ingest ledger (default: inside the store; for --endpoint, data/.ingest/).",
)
@click.option(
    "--workers",
    type=click.IntRange(1),
    default=os.cpu_count() or 1,
    show_default="the number of cores",
    help="Local worker processes.",
)
@click.option("--cluster", "address", help="Run the work on the Dask scheduler at ADDRESS.")
@click.option("--batch-size", type=click.IntRange(1), default=64, show_default=True)
@click.option(
    "--engine",
    type=click.Choice(["fast", "pyshacl"]),
    default="fast",
    show_default=True,
    help="The SHACL engine (pyshacl: the reference; both give the same results).",
)
@click.pass_context
def ingest_command(
    ctx: click.Context,
    corpus: Path,
    store_dir: Path | None,
    endpoint: str | None,
    graph_store: str | None,
    update_url: str | None,
    ledger_path: Path | None,
    workers: int,
    address: str | None,
    batch_size: int,
    engine: Engine,
    timeout: float,
    retries: int,
) -> None:
    """Extract, validate and load a JSONL corpus into a store or a SPARQL 1.1 server.

    Unchanged articles are skipped, changed ones replaced, articles that violate a shape kept
    out and listed. Exit codes: 0 every article is in, 1 some article was kept out, 2 error.
    See docs/scaling.md.
    """
    # imported when used: the extractor and the validator are slow to import for other commands
    from diplograph.ingest.engines import Runner, cluster, local
    from diplograph.ingest.ledger import Ledger
    from diplograph.ingest.pipeline import Run
    from diplograph.ingest.reading import stream
    from diplograph.ingest.targets import LEDGER, ServerTarget, StoreTarget, Target
    from diplograph.remote import Server

    project = Project.find(ctx.obj)
    check_target(store_dir, endpoint, graph_store, update_url)
    total = sum(1 for _ in stream(corpus))  # every line checked before anything is written
    runner: Runner = cluster(address) if address else local(workers)
    target: Target
    if endpoint is not None:
        server = Server(endpoint, graph_store, update_url, timeout, retries)
        target, name = ServerTarget(server), endpoint
        ledger = Ledger(ledger_path or endpoint_ledger(project, endpoint))
    else:
        folder = store_dir or project.store
        target, name = StoreTarget(folder), str(folder)
        ledger = Ledger(ledger_path or folder / LEDGER)
    console = Console(stderr=True, highlight=False, soft_wrap=True)
    columns = (
        TextColumn("ingesting"),
        BarColumn(),
        MofNCompleteColumn(),
        Rate("articles", 1),
        TimeElapsedColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
    )
    try:
        with Progress(*columns, console=console, transient=True) as progress:
            task = progress.add_task("ingesting", total=total)
            report = Run(project, target, ledger, engine).run(
                corpus, runner, batch_size, lambda done: progress.advance(task, done)
            )
    finally:
        ledger.close()
    print_report(report, name, Console(highlight=False, soft_wrap=True))
    if report.rejected or report.failed:
        sys.exit(1)
