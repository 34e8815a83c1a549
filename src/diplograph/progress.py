"""A rate column for progress bars, and a bar in triples, with their rate, for loads."""

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


class Rate(ProgressColumn):
    """The task's recent speed, in ``unit`` per second, with ``digits`` decimals.

    >>> from rich.progress import TaskID
    >>> task = Task(TaskID(0), "x", 10, 10, _get_time=lambda: 0.0, finished_speed=1234.56)
    >>> str(Rate("triples").render(task)), str(Rate("articles", 1).render(task))
    ('1,235 triples/s', '1,234.6 articles/s')
    """

    def __init__(self, unit: str, digits: int = 0) -> None:
        super().__init__()
        self.unit, self.digits = unit, digits

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text("" if speed is None else f"{speed:,.{self.digits}f} {self.unit}/s")


@contextmanager
def triples_bar(console: Console, total: int) -> Iterator[Callback]:
    """A bar over ``total`` triples; the callback it yields advances it by one batch."""
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("triples"),
        Rate("triples"),
        TimeElapsedColumn(),
    )
    with Progress(
        *columns, console=console, transient=True, disable=not console.is_terminal
    ) as bar:
        task = bar.add_task("loading", total=total)

        def advance(graph: str, triples: int) -> None:
            bar.update(task, advance=triples, description=compact(graph))

        yield advance
