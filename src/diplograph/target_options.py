"""Where `diplograph load` and `diplograph ingest` put graphs: the options both take, and their
one check.

>>> check_target(None, None, "http://h/store", None)
Traceback (most recent call last):
...
diplograph.errors.DiplographError: --graph-store and --update need --endpoint
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import click

from diplograph.errors import DiplographError

Command = TypeVar("Command", bound=Callable[..., object])

_OPTIONS = (
    click.option(
        "--store",
        "store_dir",
        type=click.Path(file_okay=False, path_type=Path),
        help="The persistent store to fill (default: data/.store under the project).",
    ),
    click.option("--endpoint", help="Load into the SPARQL 1.1 server with this query endpoint."),
    click.option("--graph-store", help="The server's Graph Store endpoint (default: --endpoint)."),
    click.option(
        "--update", "update_url", help="Its SPARQL Update endpoint (default: --endpoint)."
    ),
    click.option("--timeout", type=click.FloatRange(0.1), default=30.0, show_default=True),
    click.option("--retries", type=click.IntRange(0), default=3, show_default=True),
)


def target_options(command: Command) -> Command:
    """``command`` with ``--store``, ``--endpoint``, ``--graph-store``, ``--update`` (passed as
    ``store_dir``, ``endpoint``, ``graph_store``, ``update_url``), ``--timeout`` and
    ``--retries``."""
    for option in reversed(_OPTIONS):
        command = option(command)
    return command


def check_target(
    store_dir: Path | None, endpoint: str | None, graph_store: str | None, update_url: str | None
) -> None:
    """Refuse server options without a server, and a store and a server together."""
    if endpoint is None and (graph_store or update_url):
        raise DiplographError("--graph-store and --update need --endpoint")
    if endpoint is not None and store_dir is not None:
        raise DiplographError("give --store or --endpoint, not both")
