"""Who speaks in texts without a readout's narrator (issue 9): remarks of one speaker the title
names and no label, the labels of verbatim records ("Mrs. Ruiz (Ghana):", "The President:"), and
a joint statement's "we". Every text is written for the test, with invented names."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from diplograph.extract.corpus import Article
from diplograph.extract.model import Extraction
from diplograph.extract.run import extract_articles
from diplograph.project import Project

PROJECT = Project(Path(__file__).resolve().parents[1])


def _one(text: str, title: str, publisher: str = "Council of Freedonia") -> Extraction:
    article = Article("a", text, dt.date(2024, 3, 18), publisher, title=title)
    return extract_articles(PROJECT, [article]).extractions[0]


def _said(extraction: Extraction) -> list[tuple[list[str], str, str]]:
    """(speakers, kind, quote) of each statement, joint ones once."""
    seen: dict[tuple[int, int], tuple[list[str], str, str]] = {}
    for s in extraction.statements:
        key = (s.evidence[0].start, s.evidence[0].end)
        speakers, _, _ = seen.setdefault(key, ([], s.kind, s.evidence[0].text))
        speakers.append(s.speaker.label)
    return list(seen.values())


REMARKS = """Valbourg, 18.03.2024

Check against delivery!

Good afternoon.

We have had a long meeting of the Council, and I am going to try to be short.

I told him, once again, that we will continue supporting Freedonia. I call on Ruritania to \
withdraw its troops immediately.
"""


def test_remarks_of_one_speaker_the_title_names_are_that_speakers() -> None:
    title = "Council: Press remarks by High Representative Ana Ruiz after the meeting"
    assert _said(_one(REMARKS, title)) == [
        (
            ["Ana Ruiz"],
            "Commitment",
            "I told him, once again, that we will continue supporting Freedonia.",
        ),
        (["Ana Ruiz"], "Demand", "withdraw its troops immediately"),
    ]


def test_a_spokespersons_statement_is_no_speakers_turn() -> None:
    title = "Statement by Spokesperson Ana Ruiz on the elections"
    assert [s.speaker.label for s in _one(REMARKS, title).statements] == []


def test_remarks_with_speaker_labels_go_by_the_labels() -> None:
    text = "Remarks\n\nMINISTER PETROV: I call on Ruritania to withdraw its troops immediately.\n"
    title = "Press remarks by High Representative Ana Ruiz after the meeting"
    assert [s.speaker.label for s in _one(text, title).statements] == ["Petrov"]


RECORD = """The President: The Council will now take a decision on the draft resolution before it.

A vote was taken by show of hands.

Mrs. Ruiz (United States of America): We call on Ruritania to return to the table.

Mr. Petrov (Russian Federation): We reject the accusations made against my country.

The President: I now resume my function as President of the Council.
"""


def test_a_verbatim_records_labels_name_the_delegates_and_their_states() -> None:
    extraction = _one(RECORD, "Security Council meeting", "United Nations Security Council")
    assert [
        (s.speaker.label, s.kind, s.on_behalf_of.label if s.on_behalf_of else None)
        for s in extraction.statements
    ] == [("Ruiz", "Demand", "United States"), ("Petrov", "Rejection", "Russia")]


JOINT = """We, President Ana Ruiz of Freedonia and President Lev Petrov of Ruritania, met today \
in Valbourg for the first summit between our two countries.

We welcome the progress made on the fisheries agreement. We intend to launch a joint \
corridor for trade. We condemn the missile launches by the DPRK. President Ruiz reaffirmed \
Freedonia's commitment to the treaty.
"""


def test_a_joint_statements_we_is_its_signatories_together() -> None:
    said = _said(
        _one(JOINT, "Joint Statement of the Leaders of Freedonia and Ruritania", "Freedonia")
    )
    assert said == [
        (
            ["Ana Ruiz", "Lev Petrov"],
            "AgreementStatement",
            "We welcome the progress made on the fisheries agreement.",
        ),
        (
            ["Ana Ruiz", "Lev Petrov"],
            "Commitment",
            "We intend to launch a joint corridor for trade.",
        ),
        (["Ana Ruiz", "Lev Petrov"], "Criticism", "We condemn the missile launches by the DPRK."),
        (
            ["Ana Ruiz"],
            "Commitment",
            "President Ruiz reaffirmed Freedonia's commitment to the treaty.",
        ),
    ]
