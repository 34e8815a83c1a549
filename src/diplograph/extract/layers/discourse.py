"""The sentence pass: each sentence in text order, through the steps that add its layers in one
direction: its mentions resolved (:class:`~.coreference.Resolve`), the speaker a transcript's
label gives (:class:`~.turns.Labels`), the posts they give
(:class:`~.holdings.Holdings`), who takes part (:class:`~.participants.Participants`), the
interactions it reports (:class:`~.interactions.Interactions`) and the events it names by one
party (:class:`~.one_party.OnePartyEvents`), its reporting clauses (:class:`~.clauses.Clauses`),
a transcript's turn (:class:`~.turns.Turns`), its statements
(:class:`~.statements.Statements`), and the subject it leaves to the next sentence
(:class:`~.coreference.Subject`).

What a sentence adds is what the next one resolves by: the subject it names ("he" of the next
sentence), the main interaction (who "the two sides" are from then on), the paragraph's speaker
and a transcript's turn; they are kept in the :class:`~.doc.Doc`, and each step reads them from
there. A step can be replaced by any object with the same call (:class:`~.doc.Step`).
"""

from __future__ import annotations

from collections.abc import Sequence

from diplograph.extract.layers.clauses import Clauses
from diplograph.extract.layers.coreference import Resolve, Subject
from diplograph.extract.layers.doc import Cursor, Doc, Step
from diplograph.extract.layers.holdings import Holdings
from diplograph.extract.layers.interactions import Interactions
from diplograph.extract.layers.one_party import OnePartyEvents
from diplograph.extract.layers.participants import Participants
from diplograph.extract.layers.statements import Statements
from diplograph.extract.layers.turns import Labels, Turns


class Discourse:
    """Adds ``doc.resolved``, ``doc.clauses`` and the holdings, interactions and statements of
    every sentence, running ``steps`` (by default the ten the module names, in order) over
    each sentence."""

    def __init__(self, steps: Sequence[Step] | None = None) -> None:
        self.steps: list[Step] = list(
            steps
            if steps is not None
            else (
                Resolve(),
                Labels(),
                Holdings(),
                Participants(),
                Interactions(),
                OnePartyEvents(),
                Clauses(),
                Turns(),
                Statements(),
                Subject(),
            )
        )

    def __call__(self, doc: Doc) -> None:
        for (number, sentence), mentions in zip(doc.sentences, doc.mentions, strict=True):
            at = Cursor(number, sentence, mentions)
            for step in self.steps:
                step(doc, at)
            doc.resolved.append(at.resolved)
            doc.clauses.append(at.clauses)
