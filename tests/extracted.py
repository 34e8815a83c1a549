"""What the extraction tests compare: an extraction's interactions as plain rows."""

from __future__ import annotations

from diplograph.extract.model import Extraction


def dated(extraction: Extraction) -> list[tuple[str, list[str], str | None]]:
    """(kind, participants' labels, first day or None) of each interaction, in order."""
    return [
        (i.kind, [p.label for p in i.participants], str(i.when.start) if i.when else None)
        for i in extraction.interactions
    ]
