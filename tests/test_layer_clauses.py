"""The clause layer (issue 9, section 4): each sentence's reporting clauses, stored in the Doc
with their speakers, verbs and offsets by a step of the sentence pass, and the statement frames
read from them. Every text here is written for the test, not taken from the corpus."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from diplograph.extract.actors import Registry
from diplograph.extract.corpus import Article
from diplograph.extract.gazetteer import load
from diplograph.extract.layers.clauses import Clause, Clauses
from diplograph.extract.layers.discourse import Discourse
from diplograph.extract.layers.doc import Cursor, Doc
from diplograph.extract.pipeline import Extractor
from diplograph.project import Project

PROJECT = Project(Path(__file__).resolve().parents[1])
MEETING = (
    "Secretary Blinken met Foreign Minister Ana Ruiz of Peru. Secretary Blinken welcomed the "
    "progress on trade, and urged Peru to act. The two ministers agreed to meet again."
)
PURPOSE = (
    "Secretary Blinken spoke today with Foreign Minister Ana Ruiz of Peru to reaffirm the "
    "partnership and condemn the attack. According to Minister Ruiz, the talks went well."
)


def _extractor() -> Extractor:
    registry = Registry.from_files([PROJECT.actors])
    registry.add_events(PROJECT.articles)
    return Extractor(registry, load())


def _annotate(text: str, extractor: Extractor | None = None) -> Doc:
    article = Article("clauses-test", text, dt.date(2023, 5, 10), "U.S. Department of State")
    return (extractor or _extractor()).annotate(article)


def _clauses(doc: Doc) -> list[list[tuple[object, ...]]]:
    """Each sentence's clauses, speakers by label, with the text each clause spans."""
    return [
        [([a.label for a in c.speakers], *c[1:], doc.text[c.start : c.end]) for c in sentence]
        for sentence in doc.clauses
    ]


def test_the_clause_layer_stores_each_sentences_clauses_with_speakers_and_offsets() -> None:
    doc = _annotate(MEETING)
    # (speakers, verb, verb at, complement at, clause start, clause end, the clause's text)
    assert _clauses(doc) == [
        [],  # "met": an interaction, no reporting clause
        [
            (["Antony Blinken"], "welcomed", 75, 83, 75, 105, "welcomed the progress on trade"),
            (["Antony Blinken"], "urged", 111, 116, 111, 128, "urged Peru to act"),
        ],
        # "the two ministers": the participants of the meeting, resolved before the clause
        [(["Antony Blinken", "Ana Ruiz"], "agreed", 148, 154, 148, 168, "agreed to meet again")],
    ]
    assert all(isinstance(c, Clause) for sentence in doc.clauses for c in sentence)


def test_purpose_and_according_to_clauses_are_stored_when_no_reporting_verb_has_a_subject() -> None:
    doc = _annotate(PURPOSE)
    assert _clauses(doc) == [
        [
            (["Antony Blinken"], "reaffirmed", 72, 80, 72, 96, "reaffirm the partnership"),
            (["Antony Blinken"], "condemned", 101, 108, 101, 119, "condemn the attack"),
        ],
        [
            (
                ["Ana Ruiz"],
                "said",
                121,
                149,
                121,
                168,
                "According to Minister Ruiz, the talks went well",
            )
        ],
    ]


def test_the_statement_frames_use_the_clause_spans_of_a_sentence_with_several() -> None:
    doc = _annotate(MEETING)
    assert [
        (s.kind, s.speaker.label, [(e.start, e.end) for e in s.evidence])
        for s in doc.extraction.statements
    ] == [
        ("Assertion", "Antony Blinken", [(75, 105)]),
        ("Demand", "Antony Blinken", [(125, 128), (111, 128)]),
        ("AgreementStatement", "Antony Blinken", [(130, 169)]),  # one clause: the sentence
        ("AgreementStatement", "Ana Ruiz", [(130, 169)]),
    ]


class _NoClauses:
    """A clause step that finds no clause in any sentence."""

    def __call__(self, doc: Doc, at: Cursor) -> None:
        at.clauses = []


def test_the_statement_frames_read_the_stored_clauses_not_the_text() -> None:
    extractor = _extractor()
    steps = [_NoClauses() if isinstance(s, Clauses) else s for s in Discourse().steps]
    index = next(i for i, c in enumerate(extractor.pipeline) if isinstance(c, Discourse))
    extractor.pipeline[index] = Discourse(steps)
    doc = _annotate(MEETING, extractor)
    assert doc.clauses == [[], [], []]
    assert doc.extraction.statements == []  # no clause, no statement
    # the interaction frames, read before the clauses, stay: the meeting and the one planned
    assert [i.key for i in doc.extraction.interactions] == [
        i.key for i in _annotate(MEETING).extraction.interactions
    ]
    assert len(doc.extraction.interactions) == 2
