"""Property-based tests (hypothesis): what must hold for any input, not just the examples.

- text → offsets → quote: every evidence span the extractor writes quotes the article text at its
  offsets, and :func:`span` and :func:`sentences` give offsets that slice back to their text;
- date resolution: a weekday, "yesterday", a month and day or an ISO date resolve to the day they
  name, on the right side of the publication date;
- IRI minting: any Unicode name gives a valid, stable, non-empty IRI slug;
- IRI → path: a site path made from any IRI is refused or stays inside the output folder;
- a fuzz run of the article reader and the extractor: no crash, within a fixed budget.

Budgets are fixed (``max_examples``, no deadline) so that the file runs in seconds.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import os
import re
from functools import cache
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT
from diplograph.errors import DiplographError
from diplograph.extract.actors import Registry
from diplograph.extract.corpus import Article, read_jsonl
from diplograph.extract.dates import WEEKDAYS, find_date
from diplograph.extract.gazetteer import load
from diplograph.extract.graph import article_quads
from diplograph.extract.pipeline import Extractor
from diplograph.extract.text import sentences, slug, span
from diplograph.project import Project
from diplograph.publish.describe import resource_path
from diplograph.publish.paths import UnsafePath, file_path
from diplograph.vocab import ID, PREFIXES

OA = PREFIXES["oa"]
SCHEMA_TEXT = "https://schema.org/text"
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
DAYS = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

# Text that looks like a readout: names, posts, verbs, dates and punctuation, mixed with anything.
WORDS = [
    "Secretary", "Blinken", "met", "with", "Foreign", "Minister", "Wang", "Yi", "in", "Beijing",
    "on", "Monday", "June", "18-19", "today", "said", "the", "United", "States", "China",
    "urged", "to", "stop", "agreed", "discussed", "President", "Xi", "Jinping", "spoke",
    "Ambassador", "Lavrov", "Сергей", "王毅", "and", "must", ".", ",", ";", "\"", "\n\n", "\u2019s",
]  # fmt: skip
READOUT = st.lists(
    st.one_of(st.sampled_from(WORDS), st.text(max_size=8)), min_size=1, max_size=80
).map(" ".join)


# --- text → offsets → quote ---------------------------------------------------------------------


@FAST
@given(st.text(max_size=200), st.data())
def test_a_span_slices_back_to_its_text(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    found = span(text, start, end)
    assert start <= found.start <= found.end <= end
    assert text[found.start : found.end] == found.text
    assert found.text == found.text.strip() or not found.text


@FAST
@given(READOUT)
def test_sentences_slice_back_to_their_text_in_order(text: str) -> None:
    found = sentences(text)
    assert all(text[s.start : s.end] == s.text and s.text for s in found)
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))


@cache
def extractor() -> Extractor:
    project = Project(ROOT)
    return Extractor(Registry.from_files([project.actors]), load())


def _v(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple) -> str:
    assert not isinstance(term, ox.Triple)
    return term.value


def quoted_spans(quads: list[ox.Quad]) -> list[tuple[str, int, int, str]]:
    """(source text, start, end, exact) of every evidence span in the quads."""
    value = {(_v(q.subject), q.predicate.value): q.object for q in quads}
    texts = {_v(q.subject): _v(q.object) for q in quads if q.predicate.value == SCHEMA_TEXT}
    spans = []
    for quad in quads:
        if quad.predicate.value != OA + "hasSource":
            continue
        node, source = _v(quad.subject), _v(quad.object)
        start = value[(node + "/position", OA + "start")]
        end = value[(node + "/position", OA + "end")]
        exact = value[(node + "/quote", OA + "exact")]
        assert isinstance(start, ox.Literal) and isinstance(end, ox.Literal)
        assert start.datatype.value == PREFIXES["xsd"] + "integer"  # what a store gives back
        spans.append((texts[source], int(start.value), int(end.value), _v(exact)))
    return spans


@FUZZ
@given(READOUT, DAYS)
def test_fuzz_extraction_never_crashes_and_every_quote_is_the_text_at_its_offsets(
    text: str, published: dt.date
) -> None:
    article = Article("fuzz", text, published, "U.S. Department of State")
    quads = article_quads(extractor().extract(article))
    assert quads
    for source, start, end, exact in quoted_spans(quads):
        assert 0 <= start < end <= len(source)
        assert source[start:end] == exact


def test_the_round_trip_sees_every_span_of_a_real_readout() -> None:
    """The property above is not vacuous: a real readout has spans, and they all quote."""
    text = (
        "Secretary Blinken met with Chinese Foreign Minister Wang Yi in Beijing on Monday. "
        "Secretary Blinken urged China to stop its pressure on Taiwan."
    )
    article = Article("real", text, dt.date(2023, 6, 19), "U.S. Department of State")
    spans = quoted_spans(article_quads(extractor().extract(article)))
    assert len(spans) >= 3
    assert all(source[start:end] == exact for source, start, end, exact in spans)


# --- date resolution ------------------------------------------------------------------------------


@FAST
@given(DAYS, st.sampled_from(WEEKDAYS))
def test_a_weekday_is_the_latest_such_day_on_or_before_publication(
    published: dt.date, weekday: str
) -> None:
    when = find_date(f"they met on {weekday.capitalize()} in Paris", 0, published)
    assert when is not None and when.end is None
    assert when.start.weekday() == WEEKDAYS.index(weekday)
    assert dt.timedelta(0) <= published - when.start < dt.timedelta(days=7)


@FAST
@given(DAYS)
def test_yesterday_and_today(published: dt.date) -> None:
    yesterday = find_date("they spoke yesterday", 0, published)
    today = find_date("Today in Washington", 0, published)
    assert yesterday is not None and yesterday.start == published - dt.timedelta(days=1)
    assert today is not None and today.start == published


@FAST
@given(DAYS, DAYS)
def test_a_month_and_day_is_that_day_within_the_year_before_publication(
    published: dt.date, day: dt.date
) -> None:
    when = find_date(f"talks on {day:%B} {day.day} in Paris", 0, published)
    if when is None:  # February 29 with no leap year to put it in
        assert (day.month, day.day) == (2, 29)
        return
    assert (when.start.month, when.start.day) == (day.month, day.day)
    assert dt.timedelta(0) <= published - when.start <= dt.timedelta(days=366)


@FAST
@given(DAYS, DAYS)
def test_an_iso_date_in_the_text_is_itself(published: dt.date, day: dt.date) -> None:
    when = find_date(f"signed on {day.isoformat()} in Geneva", 0, published)
    assert when is not None and (when.start, when.end, when.relative) == (day, None, False)


# --- IRI minting ----------------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60).filter(str.strip))  # a blank string names nothing: slug("") == ""
def test_any_unicode_name_gives_a_valid_stable_non_empty_iri(name: str) -> None:
    minted = slug(name)
    assert SLUG.match(minted), minted
    assert slug(name) == minted
    assert ox.NamedNode(ID + minted).value == ID + minted


@FAST
@given(st.text(min_size=1, max_size=40).filter(str.strip))
def test_a_new_publisher_of_any_name_gets_its_own_iri(name: str) -> None:
    registry = Registry.from_files([Project(ROOT).actors])
    actor = registry.publisher(name)
    assert actor.iri.startswith(ID) and actor.iri != ID
    assert SLUG.match(actor.iri[len(ID) :].removeprefix("publisher/")), actor.iri
    assert registry.publisher(name).iri == actor.iri


# --- IRI → path -----------------------------------------------------------------------------------

IRI_TAIL = st.lists(
    st.one_of(st.characters(), st.sampled_from(["/", "..", ".", "\\", "%2e", "\x00", "#"])),
    max_size=40,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(["id/", "code/", "graph/"]), IRI_TAIL)
def test_an_iri_becomes_a_path_inside_outdir_or_is_refused(namespace: str, tail: str) -> None:
    root = Path("/out/site")
    path = resource_path(f"https://w3id.org/diplograph/{namespace}{tail}")
    if path is None:
        return
    try:
        target = file_path(root, path + ".html")
    except UnsafePath:
        return
    assert os.path.normpath(target) == str(target)
    assert target.is_relative_to(root) and target != root
    assert ".." not in target.parts


# --- the article reader ---------------------------------------------------------------------------

JSON_VALUE = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=8,
)
ROW = st.fixed_dictionaries(
    {},
    optional={
        "id": st.one_of(st.text(max_size=20), JSON_VALUE),
        "text": st.one_of(READOUT, JSON_VALUE),
        "published": st.one_of(DAYS.map(dt.date.isoformat), st.text(max_size=12), JSON_VALUE),
        "publisher": st.one_of(st.sampled_from(["Global Times", "X (Y)", " "]), JSON_VALUE),
        "title": JSON_VALUE,
        "url": JSON_VALUE,
    },
)
LINE = st.one_of(
    ROW.map(lambda row: json.dumps(row, ensure_ascii=False)),
    st.text(max_size=40),
    JSON_VALUE.map(json.dumps),
)


@FUZZ
@given(st.lists(LINE, max_size=6), st.booleans())
def test_fuzz_the_reader_reads_or_names_the_line(
    tmp_path_factory: pytest.TempPathFactory, lines: list[str], bom: bool
) -> None:
    path = tmp_path_factory.getbasetemp() / "fuzz-corpus.jsonl"
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + "\n".join(lines).encode("utf-8"))
    try:
        articles = read_jsonl(path)
    except DiplographError as error:
        assert str(error).startswith(f"{path}:"), str(error)
        assert "\n" not in str(error)
        return
    assert all(SLUG.match(article.id) for article in articles)
    assert len({article.id for article in articles}) == len(articles)
    assert all(a.publisher and a.publisher == a.publisher.strip() for a in articles)
