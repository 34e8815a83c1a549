"""The sentence layer: the article's sentences (:func:`~diplograph.extract.text.sentences`), the
publisher's boilerplate left out or trimmed.
"""

from __future__ import annotations

import re

from diplograph.extract.layers.doc import Doc
from diplograph.extract.text import Sentence, sentences, span

_BOILERPLATE = re.compile(
    r"^(?:The (?:below|following) is attributable|Office of the Spokesperson"
    # "A spokesperson for the Prime Minister said:", "A No.10 spokesperson said:"
    r"|(?:An?|The)\s+(?:[\w.]+\s+){0,3}?[Ss]pokes(?:person|man|woman)"
    r"(?:\s+for\s+[^:.]{1,60}?)?\s+said:)"
)
_ATTRIBUTION_END = re.compile(r":\s+(?=\S)")
# A news agency's dateline opening a paragraph: "TOKYO, March 24 (Reuters) - ", "BEIJING, April 6
# (Xinhua) -- ", "NUSA DUA, Indonesia (AP) \u2014 ". Its day is the report's, not the event's,
# its place the reporter's: the sentence starts after it.
_NEWS_DATELINE = re.compile(
    r"^(?P<place>[A-Z][\w.'\u2019-]*(?:[ -][A-Z][\w.'\u2019-]*){0,3})"
    # ", Indonesia", " (Italy)"
    r"(?:,\s+[A-Z][a-z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*)?(?=[,\s])"
    r"|\s+\([A-Z][\w ]{1,30}\)(?=,))?"
    r"(?P<day>,\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}"
    r"|\d{1,2}\.\d{1,2}\.\d{4})(?:,\s+\d{4})?\.?)?"
    r"\s*(?P<agency>\([A-Za-z][\w.&' -]{0,30}\)|/[A-Z]{2,10}/\.?)?"
    # "(Reuters) - ", "(dpa) - ", and after an agency a space: "(PTI) Prime", "/TASS/. Russian"
    r"(?:(?:\s*(?:-{1,2}|[\u2013\u2014])\s+|(?(agency)\s+|(?!)))(?=\S)"
    r"|(?(day)\s*$|(?!)))"  # "BEIJING, April 9." a sentence of its own, before "/TASS/. ..."
)
_AGENCY_OPENING = re.compile(r"/[A-Z]{2,10}/\.?\s+(?=\S)")
_CAPITALS = re.compile(r"[A-Z]{3,}[A-Z'\u2019-]*(?:[ -][A-Z]{2,}[A-Z'\u2019-]*)*\b(?![a-z.])")
# A paragraph that quotes a readout whole, as news reports do: '"President X urged ... . He
# stressed ...," the readout stated.' Its sentences are the readout's narration, not a speaker's
# words: read without the quotation marks and the report's attribution.
_OPENS_QUOTE = re.compile(r"[\"\u201c]")
_DOCUMENT_QUOTED = re.compile(
    r"[,.]?[\"\u201d]\s*,?\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,3}"
    r"(?:readout|statement|release|communiqu[e\u00e9])\s+(?:\w+\s+)?"
    r"(?:said|stated|added|noted|read|concluded|continued|says|states|adds|reads)\.$"
)
_QUOTE_MARKS = re.compile(r"[\"\u201c\u201d]")


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
                sentence = Sentence(*_rest(text, sentence, colon.end()), sentence.paragraph)
            first = not doc.sentences
            agency = _AGENCY_OPENING.match(sentence.text) if first and doc.dateline else None
            if agency:  # "/TASS/. Russian Foreign Minister ...", after "BEIJING, April 9."
                sentence = Sentence(*_rest(text, sentence, agency.end()), sentence.paragraph)
            dateline = _NEWS_DATELINE.match(sentence.text)
            if dateline and (
                dateline.group("day")
                or dateline.group("agency")
                # "BEIJING — ": a place in capitals opening the text
                or (first and _CAPITALS.match(sentence.text))
            ):
                if first:
                    doc.dateline = _place_name(dateline.group("place"))
                if dateline.end() == len(sentence.text):
                    continue
                sentence = Sentence(*_rest(text, sentence, dateline.end()), sentence.paragraph)
            elif first and _CAPITALS.fullmatch(sentence.text):
                doc.dateline = _place_name(sentence.text)  # "ISTANBUL" alone on its line
                continue
            doc.sentences.append((number, sentence))
        _unquote_readouts(doc)


def _rest(text: str, sentence: Sentence, offset: int) -> tuple[int, int, str]:
    """The sentence after its first ``offset`` characters, trimmed."""
    rest = span(text, sentence.start + offset, sentence.end)
    return rest.start, rest.end, rest.text


def _place_name(words: str) -> str:
    """A dateline's place as a name: "CAPE TOWN" is "Cape Town", "Tunis" stays."""
    return words.title() if words.isupper() else words


def _unquote_readouts(doc: Doc) -> None:
    """Trims the quotation marks and the attribution off the paragraphs that quote a readout
    whole (:data:`_DOCUMENT_QUOTED`), when they hold no other quotation mark."""
    text = doc.text
    paragraphs: dict[int, list[int]] = {}
    for index, (_, sentence) in enumerate(doc.sentences):
        paragraphs.setdefault(sentence.paragraph, []).append(index)
    for indexes in paragraphs.values():
        first, last = doc.sentences[indexes[0]][1], doc.sentences[indexes[-1]][1]
        closing = _DOCUMENT_QUOTED.search(text, last.start, last.end)
        if closing is None or not _OPENS_QUOTE.match(text, first.start):
            continue
        if len(_QUOTE_MARKS.findall(text, first.start, last.end)) != 2:
            continue
        for index in indexes:
            number, sentence = doc.sentences[index]
            start = sentence.start + 1 if index == indexes[0] else sentence.start
            end = closing.start() if index == indexes[-1] else sentence.end
            inner = span(text, start, end)
            doc.sentences[index] = (
                number,
                Sentence(inner.start, inner.end, inner.text, sentence.paragraph),
            )
