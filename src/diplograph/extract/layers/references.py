"""The reference layer: the agreements, principles, summits and earlier meetings the statements
cite, and what the narrator names outside them (:mod:`diplograph.extract.references`)."""

from __future__ import annotations

from dataclasses import replace

from diplograph.extract.layers.doc import Doc
from diplograph.extract.references import ReferenceFinder


class References:
    """Adds the references of ``doc.extraction``; runs after the stances (minted items carry
    none). The parties of an event named by them alone (the body of a dated session, the
    organiser of a summit, the two sides of the "U.S.-ASEAN Special Summit") are no parties of the
    article's interactions here: what they are cited by stays a reference. Only interactions
    that a person takes part in count."""

    def __init__(self, finder: ReferenceFinder) -> None:
        self.finder = finder

    def __call__(self, doc: Doc) -> None:
        extraction = doc.extraction
        # the same lists of statements and mentions: only the interactions are filtered
        view = replace(
            extraction,
            interactions=[
                i
                for i in extraction.interactions
                if len(i.participants) > 1 and any(p.kind == "Person" for p in i.participants)
            ],
        )
        self.finder.cite(view)
        self.finder.mention(view)  # what the narrator names outside the statements
