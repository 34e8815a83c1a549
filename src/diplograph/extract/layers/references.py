"""The reference layer: the agreements, principles, summits and earlier meetings the statements
cite, and what the narrator names outside them (:mod:`diplograph.extract.references`)."""

from __future__ import annotations

from diplograph.extract.layers.doc import Doc
from diplograph.extract.references import ReferenceFinder


class References:
    """Adds the references of ``doc.extraction``; runs after the stances (minted items carry
    none)."""

    def __init__(self, finder: ReferenceFinder) -> None:
        self.finder = finder

    def __call__(self, doc: Doc) -> None:
        self.finder.cite(doc.extraction)
        self.finder.mention(doc.extraction)  # what the narrator names outside the statements
