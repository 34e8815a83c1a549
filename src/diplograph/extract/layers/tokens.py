"""The token layer: the words and punctuation marks of each sentence, with their offsets and
normalised forms (:func:`~diplograph.extract.mentions.tokens`), for the mention layer to read.
"""

from __future__ import annotations

from diplograph.extract.layers.doc import Doc
from diplograph.extract.mentions import tokens


class TokenLayer:
    """Adds ``doc.tokens``: one list per sentence of ``doc.sentences``, in text order."""

    def __call__(self, doc: Doc) -> None:
        text = doc.text
        doc.tokens = [tokens(text, s.start, s.end) for _, s in doc.sentences]
