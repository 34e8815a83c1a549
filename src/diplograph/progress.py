"""A progress bar in triples, with the rate in triples per second, for loads."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
)
from rich.text import Text

from diplograph.store import Progress as Callback
from diplograph.vocab import compact


class TriplesPerSecond(ProgressColumn):
    """The task's recent speed, in triples per second."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text("" if speed is None else f"{speed:,.0f} triples/s")


@contextmanager
def triples_bar(console: Console, total: int) -> Iterator[Callback]:
    """A bar over ``total`` triples; the callback it yields advances it by one batch."""
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("triples"),
        TriplesPerSecond(),
        TimeElapsedColumn(),
    )
    with Progress(
        *columns, console=console, transient=True, disable=not console.is_terminal
    ) as bar:
        task = bar.add_task("loading", total=total)

        def advance(graph: str, triples: int) -> None:
            bar.update(task, advance=triples, description=compact(graph))

        yield advance
