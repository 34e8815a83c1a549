"""The sentence layer: the article's sentences (:func:`~diplograph.extract.text.sentences`), the
publisher's boilerplate left out or trimmed.
"""

from __future__ import annotations

import re

from diplograph.extract.layers.doc import Doc
from diplograph.extract.text import Sentence, sentences, span

_BOILERPLATE = re.compile(
    r"^(?:The (?:below|following) is attributable|Office of the Spokesperson)"
)
_ATTRIBUTION_END = re.compile(r":\s+(?=\S)")


class SentenceLayer:
    """Adds ``doc.sentences``: each with its number among all the article's sentences."""

    def __call__(self, doc: Doc) -> None:
        text = doc.text
        for number, sentence in enumerate(sentences(text)):
            if _BOILERPLATE.match(sentence.text):
                # "The following is attributable to Spokesperson X: Secretary Y met ...": the
                # attribution is the publisher's, what follows its colon the first sentence
                colon = _ATTRIBUTION_END.search(sentence.text)
                if colon is None:
                    continue
                rest = span(text, sentence.start + colon.end(), sentence.end)
                sentence = Sentence(rest.start, rest.end, rest.text, sentence.paragraph)
            doc.sentences.append((number, sentence))
