"""The gold annotations of tests/gold/ and the scorer that measures the extractor against them
(:mod:`diplograph.extract.gold`): every gold file is well-formed and complete, the scorer counts
exactly on small hand-made cases (tests/fixtures/gold/), and the measured scores of the dev and
the held-aside test split do not drop below their floors."""

from __future__ import annotations

import datetime as dt
import json
import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from diplograph.cli import main
from diplograph.errors import DiplographError
from diplograph.extract import gold as gold_module
from diplograph.extract.actors import Actor
from diplograph.extract.corpus import Article, read_jsonl
from diplograph.extract.dates import RULES, When
from diplograph.extract.gold import (
    DATE,
    DETECTED,
    INTERACTIONS,
    INTERACTIONS_STRICT,
    INVENTED,
    KIND,
    MAIN,
    PARTICIPANTS,
    PLACE,
    POSTS,
    REFERENCES,
    SPEAKERS,
    SPLITS,
    STANCES,
    STATEMENTS_STRICT,
    TYPE,
    ActorMap,
    ArticleResult,
    Counts,
    Gold,
    GoldActor,
    SplitScore,
    Target,
    load_gold,
    load_split,
    read_splits,
    score_article,
    score_split,
)
from diplograph.extract.model import Extraction, Holding, Interaction, Stance, Statement
from diplograph.extract.report import Evaluation, evaluate
from diplograph.extract.text import Span
from diplograph.project import Project
from diplograph.vocab import CODE, ID

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold"
CORPUS = ROOT / "data" / "corpus" / "state-department-readouts.jsonl"
FIXTURES = ROOT / "tests" / "fixtures" / "gold"
EXPECTED_FILES = {"dev": 170, "test": 58}

# The floors: each split's score stays at or above these (the F1 of a metric, or the share of
# readouts whose main interaction is right), and its share of readouts with an invented participant
# at or below the ceiling. Measured on all 152 gold files (113 dev, 39 test) once the sixth round
# joined the splits (docs/extraction.md), then lowered by a margin of about two points (rounded
# down), never below the floor of before; raise them as the extractor improves. The seventh round
# (20 files: 15 dev, 5 test) brought lower dev stances (0.918 on 128 files): that floor follows
# the measured value. Measured on 128 dev / 44 test after that round's rules: interactions strict
# 0.902 / 0.784, statements strict 0.963 / 0.771, stances 0.918 / 0.709, references 0.841 / 0.720,
# posts 0.942 / 0.901, main 127/128 / 37/44, invented 0/128 / 2/44; on 143 dev / 49 test after the
# eighth round's: 0.898 / 0.782, 0.960 / 0.776, 0.913 / 0.708, 0.840 / 0.718, 0.944 / 0.909,
# 142/143 / 42/49, 0/143 / 2/49. The ninth round (15 dev, 5 test) brought dev stances to 0.903
# and held-aside references to 0.698 (its five held-aside files: 50.0%): those two floors follow;
# the tenth (12 dev, 4 test: the whole corpus annotated) dev stances to 0.8996. Measured on 170
# dev / 58 test after the tenth round's rules: interactions strict 0.903 / 0.800, statements
# strict 0.958 / 0.778, stances 0.900 / 0.715, references 0.842 / 0.707, posts 0.943 / 0.919,
# main 169/170 / 51/58, invented 0/170 / 2/58.
FLOORS: dict[str, tuple[float, float]] = {  # metric: (dev, test)        measured: dev, test
    INTERACTIONS: (0.90, 0.80),  # 0.922, 0.828
    INTERACTIONS_STRICT: (0.87, 0.76),  # 0.895, 0.782
    PARTICIPANTS: (0.90, 0.79),  # 0.927, 0.810
    TYPE: (0.90, 0.80),  # 0.922, 0.828
    DATE: (0.90, 0.80),  # 0.922, 0.828
    PLACE: (0.88, 0.80),  # 0.908, 0.828
    DETECTED: (0.97, 0.81),  # 0.992, 0.839
    SPEAKERS: (0.96, 0.81),  # 0.982, 0.832
    KIND: (0.96, 0.74),  # 0.980, 0.768
    STATEMENTS_STRICT: (0.95, 0.74),  # 0.970, 0.761
    STANCES: (
        0.89,
        0.69,
    ),  # 0.933, 0.703; 0.918 with the seventh round, 0.903 the ninth, 0.900 the tenth
    REFERENCES: (0.82, 0.69),  # 0.837, 0.727; test 0.698 with the ninth round
    POSTS: (0.91, 0.89),  # 0.934, 0.911
    MAIN: (0.97, 0.82),  # 112/113 = 0.991, 33/39 = 0.846
}
CEILINGS = {INVENTED: (0.00, 0.07)}  # at most: (dev, test); measured 0/113, 2/39; 0/128, 2/44


@pytest.fixture(scope="module")
def corpus() -> dict[str, Article]:
    return {a.id: a for a in read_jsonl(CORPUS)}


@pytest.fixture(scope="module")
def evaluation() -> Evaluation:
    """The corpus extracted and scored as ``diplograph evaluate`` does it."""
    return evaluate(Project(ROOT), CORPUS, None, None, gold=GOLD)


# --- (a) the gold files ---------------------------------------------------------------------------


def test_splits_json_matches_the_files_and_each_split_is_complete(
    corpus: dict[str, Article],
) -> None:
    splits = read_splits(GOLD)
    for name in SPLITS:
        listed = splits[name]
        assert len(listed) == len(set(listed)) == EXPECTED_FILES[name], name
        assert set(listed) <= set(corpus), name
        files = sorted(path.stem for path in (GOLD / name).glob("*.json"))
        assert files == sorted(listed), f"{name}: files and splits.json differ"
    assert not set(splits["dev"]) & set(splits["test"])


def test_every_gold_file_parses_its_quotes_are_in_the_text_and_its_keys_resolve(
    corpus: dict[str, Article],
) -> None:
    errors: list[str] = []
    loaded: dict[str, int] = {}
    for name in SPLITS:
        for path in sorted((GOLD / name).glob("*.json")):
            article = corpus.get(path.stem)
            if article is None:
                errors.append(f"{path}: not an article of the corpus")
                continue
            try:
                gold = load_gold(path, article)
            except DiplographError as error:
                errors.append(str(error))
                continue
            loaded[name] = loaded.get(name, 0) + 1
            quotes = [
                *(i.quote for i in gold.interactions),
                *(s.quote for s in gold.statements),
                *(s.quote for s in gold.stances),
                *(r.quote for r in gold.references),
                *(p.quote for p in gold.posts),
            ]
            for quote in quotes:
                if article.text[quote.start : quote.end] != quote.text:
                    errors.append(f"{path}: quote {quote.text!r} misplaced")
    assert errors == []
    assert loaded == EXPECTED_FILES


def test_every_readout_lists_its_main_interaction_first(corpus: dict[str, Article]) -> None:
    for name in SPLITS:
        split = load_split(GOLD, name, corpus)
        assert split.unlisted == []
        assert [g.id for g in split.golds if not g.interactions] == []


def _fixture() -> tuple[dict[str, Article], dict[str, Any]]:
    articles = {a.id: a for a in read_jsonl(FIXTURES / "corpus.jsonl")}
    data = json.loads((FIXTURES / "dev" / "gold-fixture-call.json").read_text(encoding="utf-8"))
    return articles, data


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda d: d["statements"][1].update(quote="stressed unity"),
            "statements[1].quote: not a substring of the article's text: 'stressed unity'",
        ),
        (
            lambda d: d["statements"][1].update(occurrence=2),
            "statements[1].quote: occurs 1 time(s), not 2",
        ),
        (
            lambda d: d["statements"][2]["speakers"].append("zelenskyy"),
            "statements[2].speakers[2]: unknown key 'zelenskyy'",
        ),
        (
            lambda d: d["interactions"][0].update(type="Phone"),
            "interactions[0].type: 'Phone' is none of Meeting, Talks, Call, PhoneCall, VideoCall, "
            "Visit",
        ),
        (
            lambda d: d["interactions"][0].update(date="June 24"),
            "interactions[0].date: not a date YYYY-MM-DD: 'June 24'",
        ),
        (
            lambda d: d["stances"][0].update(statement=9),
            "stances[0].statement: not a statement index 0..3: 9",
        ),
        (
            lambda d: d["posts"][0].update(organization="usa"),
            "posts[0].organization: unknown key 'usa'",
        ),
        (lambda d: d.update(published="2022-06-23"), "published: 2022-06-23 is not the article's"),
        (lambda d: d["actors"].append(dict(d["actors"][0])), "actors[5].key: duplicate key"),
    ],
)
def test_bad_gold_is_one_line_naming_file_and_field(
    tmp_path: Path, change: Any, message: str
) -> None:
    articles, data = _fixture()
    change(data)
    path = tmp_path / "gold-fixture-call.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(DiplographError) as error:
        load_gold(path, articles["gold-fixture-call"])
    assert str(error.value).startswith(f"{path}: {message}")
    assert "\n" not in str(error.value)


def test_the_fixture_gold_loads_with_its_quotes_placed() -> None:
    articles, _ = _fixture()
    gold = load_gold(FIXTURES / "dev" / "gold-fixture-call.json", articles["gold-fixture-call"])
    text = articles["gold-fixture-call"].text
    assert [text[s.quote.start : s.quote.end] for s in gold.statements][:2] == [
        "condemned Russia\u2019s brutal attack",
        "stressed the importance of unity",
    ]
    assert gold.interactions[0].when == (dt.date(2022, 6, 24), None)
    assert load_split(FIXTURES, "test", articles).missing == []


# --- (b) the scorer on hand-made cases ------------------------------------------------------------


def _actor(key: str, kind: str, label: str, *aliases: str, **extra: Any) -> Actor:
    return Actor(ID + key, kind, label, {label, *aliases}, **extra)


BLINKEN = _actor("antony-blinken", "Person", "Antony Blinken", "Secretary Blinken", "Blinken")
KULEBA = _actor("dmytro-kuleba", "Person", "Dmytro Kuleba", "Kuleba")
HAYASHI = _actor("hayashi-yoshimasa", "Person", "Hayashi Yoshimasa")
SMITH = _actor("joe-smith", "Person", "Joe Smith")  # in no gold file: invented
US = _actor("united-states", "State", "United States", "U.S.")
UKRAINE = _actor("ukraine", "State", "Ukraine")
RUSSIA = _actor("russia", "State", "Russia")
JAPAN = _actor("japan", "State", "Japan")
BRUSSELS = _actor("brussels", "Place", "Brussels")
STATE_DEPARTMENT = _actor("us-department-of-state", "GovernmentBody", "U.S. Department of State")
MINSK = _actor("minsk-agreements", "Agreement", "Minsk Agreements")
ONE_CHINA = _actor("one-china", "Principle", "one-China principle")
REGISTRY = {
    a.iri: a
    for a in (BLINKEN, KULEBA, HAYASHI, SMITH, US, UKRAINE, RUSSIA, JAPAN, STATE_DEPARTMENT)
}
TODAY = dt.date(2022, 6, 24)


def _span(text: str, part: str) -> Span:
    start = text.index(part)
    return Span(start, start + len(part), part)


def _post(label: str, where: Actor) -> Actor:
    return _actor("post/" + label.lower().replace(" ", "-"), "StatePost", label, post_in=where.iri)


def _golds() -> tuple[dict[str, Article], Gold, Gold]:
    articles = {a.id: a for a in read_jsonl(FIXTURES / "corpus.jsonl")}
    call = load_gold(FIXTURES / "dev" / "gold-fixture-call.json", articles["gold-fixture-call"])
    meeting = load_gold(
        FIXTURES / "test" / "gold-fixture-meeting.json", articles["gold-fixture-meeting"]
    )
    return articles, call, meeting


def _call_extraction(article: Article, *, two_speakers: bool = False) -> Extraction:
    """An extraction of the call fixture by hand: right and wrong on purpose."""
    text = article.text
    first = _span(text, "Secretary of State Antony J. Blinken spoke today with Ukrainian Foreign "
                  "Minister Dmytro Kuleba.")  # fmt: skip
    both = _span(text, "The Secretary condemned Russia\u2019s brutal attack and stressed the "
                 "importance of unity.")  # fmt: skip
    third = _span(text, "The Secretary and the Foreign Minister affirmed their support for "
                  "Ukraine\u2019s sovereignty and territorial integrity.")  # fmt: skip
    fourth = _span(text, "The Secretary urged Russia to withdraw its forces, in line with the "
                   "Minsk agreements.")  # fmt: skip
    last = _span(text, "They discussed energy security.")
    today = When(TODAY, None, "today", text.index("today"), RULES["today"])
    call = Interaction("phonecall", "PhoneCall", [BLINKEN, KULEBA], [first], today)
    # a meeting with someone the text never names, from a sentence that reports none
    invented = Interaction("meeting", "Meeting", [BLINKEN, SMITH], [last])
    statements = [
        # one sentence-level statement for a sentence with two gold clauses
        Statement(
            "criticism-1",
            "Criticism",
            BLINKEN,
            [both],
            target=RUSSIA,
            cites=[ONE_CHINA],
            cited_at=[both],
        ),
        # the gold has two speakers; extracted with one (or with both: two records)
        Statement("commitment-1", "Commitment", BLINKEN, [third]),
        *([Statement("commitment-2", "Commitment", KULEBA, [third])] if two_speakers else []),
        # a demand: its first span is the demanded action
        Statement(
            "demand-1",
            "Demand",
            BLINKEN,
            [_span(text, "withdraw its forces"), fourth],
            target=RUSSIA,
            cites=[MINSK],
            cited_at=[_span(text, "Minsk agreements")],
        ),
        # a topic, not a statement
        Statement("assertion-1", "Assertion", BLINKEN, [last]),
    ]
    kuleba = _span(text, "Ukrainian Foreign Minister Dmytro Kuleba")
    holdings = [
        Holding("h1", KULEBA, _post("Foreign Minister of Ukraine", UKRAINE), kuleba),
        Holding("h2", KULEBA, _post("Minister of Energy of Ukraine", UKRAINE), kuleba),
    ]
    stances = [
        Stance(
            "s1",
            US,
            f"{CODE}issue/sovereignty-and-territorial-integrity",
            "sovereignty and territorial integrity",
            "support",
            [statements[1]],
            [third],
        ),
        Stance("s2", US, f"{CODE}issue/energy-security", "energy security", "oppose", [], [last]),
    ]
    return Extraction(
        article,
        STATE_DEPARTMENT,
        [STATE_DEPARTMENT, US],
        [call, invented],
        statements,
        holdings,
        stances,
    )


def _counts(result: ArticleResult) -> dict[str, tuple[int, int, int]]:
    return {metric: (c.tp, c.fp, c.fn) for metric, c in result.counts.items()}


def test_the_scorer_counts_each_kind_exactly() -> None:
    articles, call, _ = _golds()
    result = score_article(call, _call_extraction(articles[call.id]), REGISTRY)
    assert _counts(result) == {
        # the call is right; the meeting with an invented participant matches nothing: FP
        INTERACTIONS: (1, 1, 0),
        INTERACTIONS_STRICT: (1, 1, 0),
        PARTICIPANTS: (2, 2, 0),
        TYPE: (1, 1, 0),
        DATE: (1, 1, 0),
        PLACE: (1, 1, 0),
        # the two-clause sentence: 1 TP + 1 FN; the one-speaker commitment: detected, its
        # speakers wrong; the demand's action detects its clause; the topic: FP
        DETECTED: (3, 1, 1),
        SPEAKERS: (2, 2, 2),
        KIND: (3, 1, 1),
        STATEMENTS_STRICT: (2, 2, 2),
        STANCES: (1, 1, 2),
        REFERENCES: (1, 1, 0),
        POSTS: (1, 1, 1),
    }
    assert result.main_ok
    assert result.invented == ["Joe Smith"]
    misses = {(m.mark, m.category) for m in result.misses}
    assert misses == {
        ("FP", "interaction spurious"),
        ("FN", "statement missed: Assertion"),
        ("≠", "statement speakers: missing one of several"),
        ("FP", "statement spurious: Assertion"),
        ("FN", "stance missed"),
        ("FP", "stance spurious"),
        ("FP", "reference spurious"),
        ("FN", "post missed"),
        ("FP", "post spurious"),
    }
    texts = [str(m) for m in result.misses]
    assert "FN statement [blinken] Assertion “stressed the importance of unity” (stressed)" in texts
    assert (
        "≠  statement [blinken, kuleba] Commitment “affirmed their support for Ukraine\u2019s "
        "sovereignty and territorial inte…”: speakers [blinken]" in texts
    )
    assert "FP interaction Meeting [?Joe Smith, blinken] no date" in texts


def test_statements_of_one_span_by_several_speakers_are_one_statement() -> None:
    articles, call, _ = _golds()
    extraction = _call_extraction(articles[call.id], two_speakers=True)
    result = score_article(call, extraction, REGISTRY)
    assert _counts(result)[STATEMENTS_STRICT] == (3, 1, 1)
    assert _counts(result)[SPEAKERS] == (3, 1, 1)


def _meeting_extraction(article: Article, *, place: Actor | None = BRUSSELS) -> Extraction:
    text = article.text
    first = _span(text, "Secretary Blinken met today in Brussels with Japanese Foreign Minister "
                  "Hayashi Yoshimasa.")  # fmt: skip
    today = When(TODAY, None, "today", text.index("today"), RULES["today"])
    meeting = Interaction("meeting", "Meeting", [BLINKEN, HAYASHI], [first], today, None, place)
    said = _span(text, "The Secretary underscored the importance of the alliance.")
    statement = Statement("assertion-1", "Assertion", BLINKEN, [said], [HAYASHI], meeting)
    holdings = [
        Holding(
            "h1",
            BLINKEN,
            _post("US Secretary of State", US),
            _span(text, "Secretary Blinken"),
        ),
        Holding(
            "h2",
            HAYASHI,
            _post("Japanese Foreign Minister", JAPAN),
            _span(text, "Japanese Foreign Minister Hayashi Yoshimasa"),
        ),
    ]
    return Extraction(
        article, STATE_DEPARTMENT, [STATE_DEPARTMENT, US], [meeting], [statement], holdings
    )


def test_a_perfect_extraction_meets_every_target_and_one_error_fails_it() -> None:
    articles, _, meeting = _golds()
    perfect = score_article(meeting, _meeting_extraction(articles[meeting.id]), REGISTRY)
    assert all(c.fp == c.fn == 0 for c in perfect.counts.values())
    split = SplitScore("test", [perfect])
    assert split.passed
    assert [(t.metric, value) for t, value, _ in split.targets()][:3] == [
        (STATEMENTS_STRICT, 1.0),
        (INTERACTIONS_STRICT, 1.0),
        (MAIN, 1.0),
    ]
    # the place missing: the interaction is found, not strictly right; the main one still is
    placeless = score_article(
        meeting, _meeting_extraction(articles[meeting.id], place=None), REGISTRY
    )
    assert _counts(placeless)[INTERACTIONS_STRICT] == (0, 1, 1)
    assert _counts(placeless)[PLACE] == (0, 1, 1)
    assert placeless.main_ok
    assert not SplitScore("test", [placeless]).passed
    assert not SplitScore("test", []).passed  # no gold: no target met


def test_a_split_micro_averages_over_its_articles() -> None:
    articles, call, meeting = _golds()
    split = score_split(
        load_split(FIXTURES, "dev", articles),
        {call.id: _call_extraction(articles[call.id])},
        REGISTRY,
    )
    perfect = score_article(meeting, _meeting_extraction(articles[meeting.id]), REGISTRY)
    both = SplitScore("all", [*split.articles, perfect])
    assert both.totals[STATEMENTS_STRICT] == Counts(3, 2, 2)
    assert round(both.totals[STATEMENTS_STRICT].f1, 4) == round(6 / 10, 4)
    assert both.rate(INVENTED) == 0.5
    assert both.rate(MAIN) == 1.0
    counts = [count for _, count in both.categories()]
    assert counts == sorted(counts, reverse=True) and sum(counts) == 10


def _gold(*actors: GoldActor) -> Gold:
    article = Article("a", "text", TODAY, "U.S. Department of State")
    return Gold("a", Path("a.json"), article, {a.key: a for a in actors})


def test_actors_match_by_label_form_and_contained_name() -> None:
    gold = _gold(
        GoldActor("lavrov", "Sergey Lavrov", "Person"),
        GoldActor("franca", "Carlos França", "Person"),
        GoldActor("le-drian", "Jean-Yves Le Drian", "Person"),
        GoldActor("salman", "Salman bin Hamad Al Khalifa", "Person"),
        GoldActor("china", "China", "State"),
        GoldActor("rok", "Republic of Korea", "State"),
        GoldActor("us", "United States", "State", surface=("the United States",)),
        GoldActor("taliban-reps", "Taliban representatives", "Group"),
        GoldActor("ukraine", "Ukraine", "State"),
        GoldActor("hayashi", "Yoshimasa Hayashi", "Person"),
        GoldActor("cho", "Cho Hyun-dong", "Person"),
    )
    actors = ActorMap(gold)
    cases = [
        (_actor("x1", "Person", "Sergey V. Lavrov"), "lavrov"),
        (_actor("x2", "Person", "Carlos Franca"), "franca"),
        (_actor("x3", "Person", "Le Drian"), "le-drian"),
        (_actor("x4", "Person", "His Royal Highness Salman bin Hamad Al Khalifa"), "salman"),
        (_actor("x5", "State", "People's Republic of China", "PRC"), "china"),
        (_actor("x6", "State", "South Korea"), "rok"),  # the gazetteer: "Republic of Korea"
        (_actor("x7", "State", "USA", "the United States"), "us"),
        (_actor("x8", "Organization", "Taliban"), "taliban-reps"),
        (_actor("x9", "State", "North Korea"), None),
        (_actor("x10", "Organization", "Ukraine"), None),  # an organisation is no state
        (_actor("x11", "Person", "Hayashi Yoshimasa"), "hayashi"),  # any word order
        (_actor("x12", "Person", "Cho Hyundong"), "cho"),  # hyphens dropped
        (_actor("x13", "Person", "Joe Smith"), None),
    ]
    actors.add([actor for actor, _ in cases])
    assert [actors.key(actor) for actor, _ in cases] == [key for _, key in cases]
    assert actors.token(cases[-1][0]) == "?Joe Smith"


def test_a_containment_match_does_not_take_a_gold_actor_a_closer_match_took() -> None:
    gold = _gold(GoldActor("wang-yi", "Wang Yi", "Person"))
    actors = ActorMap(gold)
    exact, surname = _actor("wang-yi", "Person", "Wang Yi"), _actor("wang", "Person", "Wang")
    actors.add([surname, exact])
    assert (actors.key(exact), actors.key(surname)) == ("wang-yi", None)


def test_targets() -> None:
    assert Target(STATEMENTS_STRICT, 0.8).met(0.8)
    assert not Target(INVENTED, 0.01).met(0.01)
    assert str(Target(INVENTED, 0.01)) == "< 1%"
    assert Counts().f1 == 1.0 and Counts(0, 3, 0).precision == 0.0


# --- the command ---------------------------------------------------------------------------------


def test_evaluate_prints_the_gold_tables_and_exits_by_the_test_split(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    arguments = ["--root", str(ROOT), "evaluate", "--corpus", str(FIXTURES / "corpus.jsonl")]
    arguments += ["--gold", str(FIXTURES)]
    runner = CliRunner()
    monkeypatch.setattr(gold_module, "TARGETS", (Target(STATEMENTS_STRICT, 1.01),))
    result = runner.invoke(main, arguments)
    assert result.exit_code == 1, result.output
    assert "Gold annotations, dev split (1 of 1 readouts)" in result.output
    assert "Gold annotations, test split (1 of 1 readouts)" in result.output
    assert "Most common errors, dev split" in result.output
    assert "Most common errors, test split" not in result.output  # held aside
    assert "gold targets on the test split: NOT met (statements strict)" in result.output
    monkeypatch.setattr(gold_module, "TARGETS", ())
    result = runner.invoke(main, [*arguments, "--split", "test", "--misses", "3"])
    assert result.exit_code == 0, result.output
    assert "Gold annotations, dev split" not in result.output
    assert "gold targets on the test split: met" in result.output


# --- (c) the floors -------------------------------------------------------------------------------


@pytest.mark.parametrize("name", SPLITS)
def test_scores_stay_at_or_above_their_floors(evaluation: Evaluation, name: str) -> None:
    score = evaluation.gold[name]
    assert (len(score.articles), score.missing) == (EXPECTED_FILES[name], [])
    column = SPLITS.index(name)
    low = {
        m: round(score.value(m), 3)
        for m, floors in FLOORS.items()
        if score.value(m) < floors[column]
    }
    assert low == {}
    high = {
        m: score.value(m) for m, ceiling in CEILINGS.items() if score.value(m) > ceiling[column]
    }
    assert high == {}


def test_scoring_is_deterministic_and_fast(corpus: dict[str, Article]) -> None:
    from diplograph.extract.run import extract_articles

    result = extract_articles(Project(ROOT), list(corpus.values()))
    extractions = {e.article.id: e for e in result.extractions}
    started = time.perf_counter()
    runs = []
    for _ in range(2):
        splits = [load_split(GOLD, name, corpus) for name in SPLITS]
        scores = [score_split(s, extractions, result.registry.actors) for s in splits]
        runs.append([(a.id, _counts(a), a.misses) for s in scores for a in s.articles])
    assert time.perf_counter() - started < 10
    assert runs[0] == runs[1]


def test_a_trip_to_a_state_is_scored_with_its_host_as_the_gold_place(tmp_path: Path) -> None:
    # the gold names a country as a visit's place; the model holds it as the host (dip:place is a
    # city or region): "will travel to Japan" is right with place Japan, wrong with none
    articles = {a.id: a for a in read_jsonl(FIXTURES / "corpus.jsonl")}
    article = articles["gold-fixture-meeting"]
    data = json.loads((FIXTURES / "test" / "gold-fixture-meeting.json").read_text("utf-8"))
    data["interactions"][0].update(type="Visit", participants=["blinken", "japan"], place="Japan")
    path = tmp_path / "gold-fixture-meeting.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    gold = load_gold(path, article)
    extraction = _meeting_extraction(article, place=None)
    trip = extraction.interactions[0]
    trip.kind, trip.participants, trip.hosts, trip.visitors = "Visit", [BLINKEN, JAPAN], [], []
    assert _counts(score_article(gold, extraction, REGISTRY))[PLACE] == (0, 1, 1)
    trip.hosts, trip.visitors = [JAPAN], [BLINKEN]
    assert _counts(score_article(gold, extraction, REGISTRY))[PLACE] == (1, 0, 0)


def test_regression_a_visit_to_a_state_of_a_formal_label_missed_the_gold_place(
    tmp_path: Path,
) -> None:
    # the registry's "People's Republic of China" is the gold's "China" by its alias
    text = "Secretary Blinken visited China today."
    article = Article("visit", text, TODAY, "U.S. Department of State")
    path = tmp_path / "visit.json"
    path.write_text(
        json.dumps(
            {
                "id": "visit",
                "published": str(TODAY),
                "actors": [
                    {"key": "blinken", "label": "Antony Blinken", "type": "Person",
                     "surface": ["Secretary Blinken"]},
                    {"key": "china", "label": "China", "type": "State", "surface": ["China"]},
                ],
                "interactions": [
                    {"key": "i1", "type": "Visit", "participants": ["blinken", "china"],
                     "date": str(TODAY), "start": None, "end": None, "place": "China",
                     "planned": False, "part_of": None, "setting": None,
                     "quote": "Secretary Blinken visited China today"},
                ],
                "statements": [], "stances": [], "references": [], "posts": [],
            }
        ),
        encoding="utf-8",
    )  # fmt: skip
    china = _actor("china", "State", "People's Republic of China", "China", "PRC")
    today = When(TODAY, None, "today", text.index("today"), RULES["today"])
    visit = Interaction(
        "visit", "Visit", [BLINKEN, china], [_span(text, text[:-1])], today,
        hosts=[china], visitors=[BLINKEN],
    )  # fmt: skip
    extraction = Extraction(article, STATE_DEPARTMENT, [STATE_DEPARTMENT, US], [visit])
    result = score_article(load_gold(path, article), extraction, {**REGISTRY, china.iri: china})
    assert _counts(result)[PLACE] == (1, 0, 0)
    assert _counts(result)[INTERACTIONS_STRICT] == (1, 0, 0)
