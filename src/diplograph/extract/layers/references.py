"""The reference layer: the agreements, principles, summits and earlier meetings the statements
cite, and what the narrator names outside them (:mod:`diplograph.extract.references`)."""

from __future__ import annotations

from dataclasses import replace

from diplograph.extract.layers.doc import Doc
from diplograph.extract.references import ReferenceFinder


class References:
    """Adds the references of ``doc.extraction``; runs after the stances (minted items carry
    none). The one party of an event named by it alone (the body of a dated session, the
    organiser of a summit) is no party of the article's interactions here: what it is cited by
    stays a reference."""

    def __init__(self, finder: ReferenceFinder) -> None:
        self.finder = finder

    def __call__(self, doc: Doc) -> None:
        extraction = doc.extraction
        # the same lists of statements and mentions: only the interactions are filtered
        view = replace(
            extraction, interactions=[i for i in extraction.interactions if len(i.participants) > 1]
        )
        self.finder.cite(view)
        self.finder.mention(view)  # what the narrator names outside the statements
