"""``diplograph extract``: read the input, extract with a progress bar, write, summarise."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.progress import Progress

from diplograph.errors import DiplographError
from diplograph.extract.corpus import Article, read_jsonl, read_txt
from diplograph.extract.run import Summary, extract_articles, serialize, write_atomically
from diplograph.project import Project


def read_input(path: Path, options: dict[str, str | None]) -> list[Article]:
    """The articles of a ``.jsonl`` corpus or of one ``.txt`` article (with its options)."""
    if path.suffix.lower() == ".jsonl":
        return read_jsonl(path)
    if path.suffix.lower() == ".txt":
        return [
            read_txt(
                path,
                published=options.get("date"),
                publisher=options.get("publisher"),
                identifier=options.get("id"),
                url=options.get("url"),
                title=options.get("title"),
            )
        ]
    raise DiplographError(f"{path}: unknown input format {path.suffix!r} (known: .jsonl, .txt)")


def extract_command(
    project: Project,
    path: Path,
    options: dict[str, str | None],
    output_format: str,
    output: Path | None,
    console: Console,
) -> Summary:
    """Extract ``path``; write to ``output`` (or stdout) and return the summary."""
    articles = read_input(path, options)
    with Progress(console=console, transient=True, disable=len(articles) < 2) as progress:
        task = progress.add_task("extracting", total=len(articles))
        result = extract_articles(project, articles, lambda _: progress.advance(task))
    data = serialize(result.quads, output_format)
    if output is None:
        import sys

        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        write_atomically(output, data)
    return result.summary


def print_summary(summary: Summary, console: Console) -> None:
    for identifier, reason in summary.failed:
        console.print(f"failed: {identifier}: {reason}")
    console.print(
        f"{summary.articles} articles, {summary.interactions} interactions, "
        f"{summary.statements} statements; actors: {summary.actors_new} new, "
        f"{summary.actors_reused} reused; {len(summary.empty)} articles with no interaction"
        + (f"; {len(summary.failed)} failed" if summary.failed else "")
    )
