"""The mention layer: the actor mentions of each sentence, found by a
:class:`~diplograph.extract.mentions.MentionFinder` in the sentence's tokens (``doc.tokens``, the
token layer) or its text (the rules by default; a statistical model with the same ``find`` can
take their place).
"""

from __future__ import annotations

from diplograph.extract.layers.doc import Doc
from diplograph.extract.mentions import MentionFinder


class MentionLayer:
    """Adds ``doc.mentions``: one list per sentence of ``doc.sentences``, in text order."""

    def __init__(self, finder: MentionFinder) -> None:
        self.finder = finder

    def __call__(self, doc: Doc) -> None:
        text = doc.text
        doc.mentions = [
            self.finder.find(text, s.start, s.end, toks)
            for (_, s), toks in zip(doc.sentences, doc.tokens, strict=True)
        ]
