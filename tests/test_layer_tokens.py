"""The token layer (issue 9, section 4): each sentence's words and punctuation marks with their
character offsets and normalised forms, and the mention layer reading them. Every text here is
written for the test, not taken from the corpus."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from diplograph.extract.actors import Registry
from diplograph.extract.corpus import Article
from diplograph.extract.gazetteer import load
from diplograph.extract.layers.doc import Doc
from diplograph.extract.layers.mentions import MentionLayer
from diplograph.extract.layers.sentences import SentenceLayer
from diplograph.extract.layers.tokens import TokenLayer
from diplograph.extract.mentions import Lexicon, Mention, RuleMentionFinder, Token
from diplograph.project import Project

PROJECT = Project(Path(__file__).resolve().parents[1])
TEXT = (
    "Dr. Lee met the U.S. envoy in Washington, D.C., on Monday. "
    "Kim\u2019s aide spoke with Vice-Minister Al-Thani."
)


def _doc(text: str = TEXT) -> Doc:
    registry = Registry.from_files([PROJECT.actors])
    article = Article("tokens-test", text, dt.date(2023, 5, 10), "U.S. Department of State")
    doc = Doc.new(article, registry, load())
    SentenceLayer()(doc)
    return doc


def test_the_token_layer_gives_each_sentence_its_tokens_with_offsets_and_norms() -> None:
    doc = _doc()
    TokenLayer()(doc)
    assert [[(t.text, t.start, t.end, t.norm) for t in sentence] for sentence in doc.tokens] == [
        [
            ("Dr.", 0, 3, "dr"),
            ("Lee", 4, 7, "lee"),
            ("met", 8, 11, "met"),
            ("the", 12, 15, "the"),
            ("U.S.", 16, 20, "us"),
            ("envoy", 21, 26, "envoy"),
            ("in", 27, 29, "in"),
            ("Washington", 30, 40, "washington"),
            (",", 40, 41, ","),
            ("D.C.", 42, 46, "dc"),  # an abbreviation keeps its period
            (",", 46, 47, ","),
            ("on", 48, 50, "on"),
            ("Monday", 51, 57, "monday"),
            (".", 57, 58, ""),  # a sentence's final period is split off
        ],
        [
            ("Kim", 59, 62, "kim"),
            ("\u2019s", 62, 64, "'s"),  # the possessive is a token of its own
            ("aide", 65, 69, "aide"),
            ("spoke", 70, 75, "spoke"),
            ("with", 76, 80, "with"),
            ("Vice-Minister", 81, 94, "vice-minister"),  # hyphenated words stay one token
            ("Al-Thani", 95, 103, "al-thani"),
            (".", 103, 104, ""),
        ],
    ]
    assert all(TEXT[t.start : t.end] == t.text for sentence in doc.tokens for t in sentence)
    assert doc.mentions == []  # no later layer yet


class _Recording:
    """A mention finder that finds nothing and notes the tokens it was given."""

    def __init__(self) -> None:
        self.given: list[Sequence[Token] | None] = []

    def find(
        self, text: str, start: int, end: int, toks: Sequence[Token] | None = None
    ) -> list[Mention]:
        self.given.append(toks)
        return []


def test_the_mention_layer_gives_the_finder_the_token_layer_of_each_sentence() -> None:
    doc = _doc()
    TokenLayer()(doc)
    recording = _Recording()
    MentionLayer(recording)(doc)
    assert len(recording.given) == 2
    assert recording.given[0] is doc.tokens[0] and recording.given[1] is doc.tokens[1]
    assert doc.mentions == [[], []]


def test_the_rule_finder_reads_the_tokens_it_is_given_instead_of_the_text() -> None:
    finder = RuleMentionFinder(Lexicon.build(load(), {}))
    text = "Foreign Minister Ana Ruiz of Peru met Lee."
    doc = _doc(text)
    TokenLayer()(doc)
    toks = doc.tokens[0]
    found = [(m.kind, m.start, m.end, m.name) for m in finder.find(text, 0, len(text), toks)]
    assert found == [("person", 0, 33, "Ana Ruiz"), ("name", 38, 41, "Lee")]
    assert finder.find(text, 0, len(text)) == finder.find(text, 0, len(text), toks)
    # only the tokens are read: without "Lee" among them, no mention of Lee
    assert [m.text for m in finder.find(text, 0, len(text), toks[:-2])] == [
        "Foreign Minister Ana Ruiz of Peru"
    ]
