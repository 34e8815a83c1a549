"""The extractor as a pipeline of components over one annotated document (issue 9, section 4):
each component adds its layer, with offsets into the text, reading only the layers before it;
any component can be replaced by another object with the same call. Every text here is written
for the test, not taken from the corpus."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

import pytest

from diplograph.extract.actors import Registry
from diplograph.extract.corpus import Article
from diplograph.extract.gazetteer import load
from diplograph.extract.layers.claims import Claims
from diplograph.extract.layers.clauses import Clauses, clause_heads, reported_from
from diplograph.extract.layers.coreference import Resolve, Subject
from diplograph.extract.layers.discourse import Discourse
from diplograph.extract.layers.doc import Cursor, Doc
from diplograph.extract.layers.holdings import Holdings
from diplograph.extract.layers.interactions import Interactions
from diplograph.extract.layers.mentions import MentionLayer
from diplograph.extract.layers.one_party import OnePartyEvents
from diplograph.extract.layers.participants import Participants
from diplograph.extract.layers.references import References
from diplograph.extract.layers.sentences import SentenceLayer
from diplograph.extract.layers.sides import Sides
from diplograph.extract.layers.stances import Stances
from diplograph.extract.layers.statements import Statements
from diplograph.extract.layers.tokens import TokenLayer
from diplograph.extract.layers.turns import Labels, Remarks, Turns
from diplograph.extract.mentions import Mention, Token
from diplograph.extract.pipeline import Extractor
from diplograph.extract.statements import SPEECH
from diplograph.project import Project

PROJECT = Project(Path(__file__).resolve().parents[1])
READOUT = (
    "Office of the Spokesperson\n\n"
    "The following is attributable to Spokesperson Jane Doe: Secretary of State Antony J. "
    "Blinken met Foreign Minister Ana Ruiz of Peru in Lima on Monday. He urged Peru to expand "
    "trade. The two ministers agreed to meet again."
)


def _extractor() -> Extractor:
    """A fresh extractor: a registry of the project's actors, to which the article adds."""
    registry = Registry.from_files([PROJECT.actors])
    registry.add_events(PROJECT.articles)
    return Extractor(registry, load())


def _article(text: str = READOUT) -> Article:
    return Article("layers-test", text, dt.date(2023, 5, 10), "U.S. Department of State")


def _doc(extractor: Extractor, text: str = READOUT) -> Doc:
    """The article as a document with no layer yet."""
    return Doc.new(_article(text), extractor.registry, extractor.gazetteer)


@pytest.fixture()
def annotated() -> Doc:
    return _extractor().annotate(_article())


def test_the_pipeline_runs_its_components_in_the_order_of_the_layers() -> None:
    assert [type(c) for c in _extractor().pipeline] == [
        SentenceLayer,
        TokenLayer,
        MentionLayer,
        Discourse,
        Remarks,
        Sides,
        Claims,
        Stances,
        References,
    ]


def test_the_sentence_layer_numbers_sentences_and_keeps_what_follows_the_attribution() -> None:
    doc = _doc(_extractor())
    SentenceLayer()(doc)
    # sentence 0, the publisher's line, is left out; sentence 1 starts after the colon
    assert [(number, s.start, s.end, s.paragraph) for number, s in doc.sentences] == [
        (1, 84, 177, 1),
        (2, 178, 208, 1),
        (3, 209, 248, 1),
    ]
    assert doc.sentences[0][1].text == (
        "Secretary of State Antony J. Blinken met Foreign Minister Ana Ruiz of Peru in Lima on "
        "Monday."
    )
    assert doc.tokens == [] and doc.mentions == [] and doc.resolved == []  # no later layer yet


def test_the_mention_layer_gives_each_sentence_its_mentions_with_offsets() -> None:
    extractor = _extractor()
    doc = _doc(extractor)
    SentenceLayer()(doc)
    TokenLayer()(doc)
    MentionLayer(extractor.finder)(doc)
    assert [[(m.kind, m.start, m.end, m.text) for m in sentence] for sentence in doc.mentions] == [
        [
            ("known", 84, 120, "Secretary of State Antony J. Blinken"),
            ("person", 125, 158, "Foreign Minister Ana Ruiz of Peru"),
            ("place", 162, 166, "Lima"),
        ],
        [("pronoun", 178, 180, "He"), ("state", 187, 191, "Peru")],
        [("group", 209, 216, "The two")],
    ]
    assert doc.resolved == [] and doc.extraction.interactions == []


def test_the_coreference_layer_resolves_he_and_the_two_ministers(annotated: Doc) -> None:
    assert [
        [(r.mention.start, [a.label for a in r.actors]) for r in sentence]
        for sentence in annotated.resolved
    ] == [
        [(84, ["Antony Blinken"]), (125, ["Ana Ruiz"]), (162, ["Lima"])],
        [(178, ["Antony Blinken"]), (187, ["Peru"])],  # "He": the last sentence's subject
        [(209, ["Antony Blinken", "Ana Ruiz"])],  # "The two": the meeting's participants
    ]


def test_a_name_two_people_share_is_resolved_by_the_state_before_the_title() -> None:
    # "U.S. Special Envoy Park" after a U.S. Park and a Korean one is the U.S. one, not the
    # most recent; "ROK Special Envoy Park" the Korean one
    doc = _extractor().annotate(
        _article(
            "U.S. Special Envoy for Africa Min Park met today with Republic of Korea Special "
            "Envoy for Africa Park Jae-won. U.S. Special Envoy Park reaffirmed the importance of "
            "regional stability. ROK Special Envoy Park welcomed the talks."
        )
    )
    people = [
        [a.label for r in sentence for a in r.actors if a.kind == "Person"]
        for sentence in doc.resolved
    ]
    assert people == [["Min Park", "Park Jae-won"], ["Min Park"], ["Park Jae-won"]]


def test_the_holding_layer_gives_each_titled_person_a_post_with_its_evidence(
    annotated: Doc,
) -> None:
    assert [
        (h.key, h.post.label, h.evidence.start, h.evidence.end)
        for h in annotated.extraction.holdings
    ] == [
        ("holding-antony-blinken-us-secretary-of-state", "US Secretary of State", 84, 120),
        ("holding-ana-ruiz-foreign-minister-of-peru", "Foreign Minister of Peru", 125, 158),
    ]


def test_the_interaction_frames_hold_the_meeting_and_the_one_planned(annotated: Doc) -> None:
    assert [
        (
            i.key,
            i.kind,
            [p.label for p in i.participants],
            i.place.label if i.place else None,
            i.when.start if i.when else None,
            [(e.start, e.end) for e in i.evidence],
        )
        for i in annotated.extraction.interactions
    ] == [
        (
            "meeting-antony-blinken-ana-ruiz",
            "Meeting",
            ["Antony Blinken", "Ana Ruiz"],
            "Lima",
            dt.date(2023, 5, 8),  # "on Monday": the Monday before publication
            [(84, 177)],
        ),
        (
            "meeting-antony-blinken-ana-ruiz-2",
            "Meeting",
            ["Antony Blinken", "Ana Ruiz"],
            None,
            None,
            [(209, 248)],
        ),
    ]


def test_the_statement_frames_and_their_sides(annotated: Doc) -> None:
    assert [
        (
            s.key,
            s.kind,
            s.speaker.label,
            s.target.label if s.target else None,
            s.on_behalf_of.label if s.on_behalf_of else None,
            [(e.start, e.end) for e in s.evidence],
        )
        for s in annotated.extraction.statements
    ] == [
        (
            "demand-2-1",
            "Demand",
            "Antony Blinken",
            "Peru",
            "United States",
            [(195, 207), (178, 208)],
        ),
        (
            "agreementstatement-3-1",
            "AgreementStatement",
            "Antony Blinken",
            None,
            "United States",
            [(209, 248)],
        ),
        ("agreementstatement-3-1-2", "AgreementStatement", "Ana Ruiz", None, "Peru", [(209, 248)]),
    ]
    assert [(s.holder.label, s.issue_label, s.polarity) for s in annotated.extraction.stances] == [
        ("United States", "trade", "support")
    ]


class _Listed:
    """A mention layer of another kind (a model's, say): the mentions it is given, per sentence."""

    def __init__(self, mentions: list[list[Mention]]) -> None:
        self.mentions = mentions

    def __call__(self, doc: Doc) -> None:
        doc.mentions = self.mentions


def test_a_component_can_be_replaced_by_another_object_with_the_same_call() -> None:
    extractor = _extractor()
    text = "Lee met Kim on Monday."
    # two names the rules would not know as people, given as persons by the replacement
    extractor.pipeline[2] = _Listed(
        [
            [
                Mention("person", 0, 3, "Lee", name="Lee Ho"),
                Mention("person", 8, 11, "Kim", name="Kim Su"),
            ]
        ]
    )
    extraction = extractor.extract(_article(text))
    assert [(i.kind, [p.label for p in i.participants]) for i in extraction.interactions] == [
        ("Meeting", ["Lee Ho", "Kim Su"])
    ]


def test_without_the_stance_component_the_other_layers_stay_the_same() -> None:
    extractor = _extractor()
    extractor.pipeline = [c for c in extractor.pipeline if not isinstance(c, Stances)]
    extraction = extractor.extract(_article())
    assert extraction.stances == []
    assert [s.key for s in extraction.statements] == [
        "demand-2-1",
        "agreementstatement-3-1",
        "agreementstatement-3-1-2",
    ]


def test_a_mention_finder_given_to_the_extractor_is_the_mention_layer_and_reads_titles() -> None:
    class Nobody:
        def find(
            self, text: str, start: int, end: int, toks: Sequence[Token] | None = None
        ) -> list[Mention]:
            return []

    finder = Nobody()
    extractor = Extractor(_extractor().registry, load(), finder)
    layers = [c for c in extractor.pipeline if isinstance(c, MentionLayer | Remarks)]
    assert [c.finder for c in layers] == [finder, finder]
    assert extractor.extract(_article()).interactions == []  # no mention, no participant


def test_the_clause_layer_gives_each_reporting_clause_its_speaker_and_offsets() -> None:
    text = (
        "Secretary Blinken met Foreign Minister Ana Ruiz of Peru. Secretary Blinken welcomed the "
        "progress on trade, and urged Peru to act, while Minister Ruiz noted that the talks went "
        "well."
    )
    doc = _extractor().annotate(_article(text))
    _, sentence = doc.sentences[1]
    matches = list(SPEECH.finditer(text, sentence.start, sentence.end))
    heads = clause_heads(text, sentence, doc.resolved[1], matches, [])
    # (speakers, verb, where the verb starts, where its complement starts, where the clause starts)
    assert [([a.label for a in who], *rest) for who, *rest in heads] == [
        (["Antony Blinken"], "welcomed", 75, 83, 75),
        (["Antony Blinken"], "urged", 111, 116, 111),
    ]
    # the reported speech starts after "noted": a fact inside it would be Ruiz's claim
    assert reported_from(text, sentence, doc.resolved[1]) == 155
    assert text[155:] == " that the talks went well."


TRANSCRIPT = (
    "Remarks\n\nWashington, D.C.\n\nSECRETARY BLINKEN: Good morning, everyone. We call on Russia "
    "to end its war against Ukraine now.\n\nMINISTER RUIZ: Peru will keep working with the "
    "United States on trade.\n\nQUESTION: Will you meet again soon?"
)


def test_a_transcripts_turns_are_its_labelled_speakers_statements_and_remarks_meeting() -> None:
    article = Article(
        "layers-transcript",
        TRANSCRIPT,
        dt.date(2023, 5, 10),
        "U.S. Department of State",
        title="Secretary Antony J. Blinken at a Meeting With Peruvian Students",
    )
    doc = _extractor().annotate(article)
    assert ([a.label for a in doc.speakers], doc.first_label) == (["Antony Blinken", "Ruiz"], 27)
    # the greeting and the question are no statements; "We call on": the speaker's own verb
    assert [
        (s.key, s.kind, s.speaker.label, s.target.label if s.target else None)
        for s in doc.extraction.statements
    ] == [
        ("demand-3-1", "Demand", "Antony Blinken", "Russia"),
        ("assertion-4-1", "Assertion", "Ruiz", None),
    ]
    assert [
        ([p.label for p in i.participants], i.place.label if i.place else None, i.evidence[0].text)
        for i in doc.extraction.interactions
    ] == [
        (
            ["Antony Blinken", "Ruiz", "Peruvian Students"],
            "Washington",
            "SECRETARY BLINKEN: Good morning, everyone.",
        )
    ]


def test_the_sentence_pass_runs_its_steps_in_the_order_of_the_layers() -> None:
    assert [type(step) for step in Discourse().steps] == [
        Resolve,
        Labels,  # the turn a label opens, before the sentence's interactions ("I'll travel")
        Holdings,
        Participants,
        Interactions,
        OnePartyEvents,
        Clauses,  # before Turns: a turn's sentence that reports others is left to Statements
        Turns,
        Statements,
        Subject,
    ]


class _Seen:
    """A step that adds nothing and notes what the steps before it left for each sentence."""

    def __init__(self) -> None:
        self.seen: list[tuple[int, int, int]] = []

    def __call__(self, doc: Doc, at: Cursor) -> None:
        self.seen.append((at.number, len(at.resolved), len(doc.extraction.holdings)))


def test_a_step_of_the_sentence_pass_can_be_replaced_by_another_object() -> None:
    extractor = _extractor()
    seen = _Seen()
    steps = [seen if isinstance(step, Holdings) else step for step in Discourse().steps]
    extractor.pipeline[3] = Discourse(steps)
    extraction = extractor.extract(_article())
    assert seen.seen == [(1, 3, 0), (2, 2, 0), (3, 1, 0)]  # resolved, and no holding made
    assert extraction.holdings == []
    assert [i.key for i in extraction.interactions] == [
        "meeting-antony-blinken-ana-ruiz",
        "meeting-antony-blinken-ana-ruiz-2",
    ]
