"""``diplograph evaluate``: extract the corpus and the seed article, score them, print tables."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from diplograph.extract.corpus import read_jsonl, read_txt
from diplograph.extract.evaluate import CorpusScore, KindScore, score_article, score_corpus
from diplograph.extract.run import extract_articles
from diplograph.project import Project
from diplograph.rdfio import read_quads
from diplograph.vocab import ID

# The targets of issue 4.
TARGET_COMPLETE = 0.95  # main interaction with all participants, type and date
TARGET_INVENTED = 0.02  # at most this share of readouts with an invented participant
TARGET_STATEMENTS = 0.80  # curated statements found with the right speaker and kind


@dataclass
class Evaluation:
    corpus: CorpusScore | None
    article: list[KindScore]
    seconds: float

    @property
    def passed(self) -> bool:
        corpus_ok = self.corpus is None or (
            self.corpus.rate("complete") >= TARGET_COMPLETE
            and self.corpus.invented_rate <= TARGET_INVENTED
        )
        by_kind = {score.kind: score for score in self.article}
        article_ok = not self.article or (
            by_kind["interaction"].recall == 1.0
            and by_kind["statement"].recall >= TARGET_STATEMENTS
        )
        return corpus_ok and article_ok


def evaluate(
    project: Project,
    corpus: Path | None,
    article: Path | None,
    curated: Path | None,
    publisher: str = "Global Times",
) -> Evaluation:
    """Score extraction on ``corpus`` (titles as labels) and on ``article`` against ``curated``."""
    started = time.perf_counter()
    corpus_score = None
    if corpus is not None:
        result = extract_articles(project, read_jsonl(corpus))
        corpus_score = score_corpus(result.extractions, result.registry.actors)
    kinds: list[KindScore] = []
    if article is not None and curated is not None:
        text = read_txt(article, publisher=publisher)
        found = extract_articles(project, [text]).quads
        kinds = score_article(read_quads(curated), found, f"{ID}article/{text.id}")
    return Evaluation(corpus_score, kinds, time.perf_counter() - started)


def print_evaluation(evaluation: Evaluation, console: Console, misses: bool = True) -> None:
    corpus = evaluation.corpus
    if corpus is not None:
        table = Table(title="State Department readouts against their titles (weak labels)")
        for column in ("item", "correct", "extracted", "labelled", "precision", "recall"):
            table.add_column(column, justify="left" if column == "item" else "right")
        for kind, tp, extracted, labelled in corpus.table():
            table.add_row(
                kind,
                str(tp),
                str(extracted),
                str(labelled),
                _pct(tp, extracted),
                _pct(tp, labelled),
            )
        console.print(table)
        n = len(corpus.articles)
        console.print(
            f"{n} labelled readouts ({len(corpus.unlabelled)} transcripts without a label); "
            f"main interaction with all participants, type and date: "
            f"{sum(a.complete for a in corpus.articles)}/{n} = {corpus.rate('complete'):.1%} "
            f"(target ≥ {TARGET_COMPLETE:.0%}); with an invented participant: "
            f"{sum(1 for a in corpus.articles if a.invented)}/{n} = {corpus.invented_rate:.1%} "
            f"(target ≤ {TARGET_INVENTED:.0%})"
        )
        if misses:
            for score in corpus.articles:
                problems = []
                if not score.found:
                    problems.append("no interaction")
                else:
                    if not score.type_ok:
                        problems.append("type")
                    if not score.date_ok:
                        problems.append("date")
                    if score.missing:
                        problems.append("missing " + "; ".join(score.missing))
                    if score.invented:
                        problems.append("invented " + "; ".join(score.invented))
                if problems:
                    console.print(escape(f"miss: {score.id}: {', '.join(problems)}"))
                    console.print(escape(f"      title: {score.title}"))
                    console.print(escape(f"      got:   {score.got or '-'}"))
    if evaluation.article:
        table = Table(title="Seed article against its curated graph")
        for column in ("item", "matched", "curated", "extracted", "precision", "recall"):
            table.add_column(column, justify="left" if column == "item" else "right")
        for item_score in evaluation.article:
            table.add_row(
                item_score.kind,
                str(item_score.matched_gold),
                str(item_score.gold),
                str(item_score.found),
                _pct(item_score.matched_found, item_score.found),
                _pct(item_score.matched_gold, item_score.gold),
            )
        console.print(table)
        if misses:
            for item_score in evaluation.article:
                for item in item_score.misses:
                    console.print(escape(f"miss: {item}"))
                for item in item_score.extra:
                    console.print(escape(f"extra: {item}"))
    console.print(
        f"{'targets met' if evaluation.passed else 'targets NOT met'} ({evaluation.seconds:.1f} s)"
    )


def _pct(part: int, whole: int) -> str:
    return f"{part / whole:.1%}" if whole else "-"
