"""``graph:extracted-actors``: the new actors of every loaded article, merged.

Articles are extracted independently, so two of them may mint the same actor (the same
deterministic IRI, ``id:<slug of the name>``) and describe it differently (a nationality one text
gives and another does not). The merge is deterministic over the set of loaded articles: the
description of the article first in id order wins, the aliases of all are joined.

>>> from diplograph.ingest.work import NewActor
>>> one = NewActor("urn:p", "Person", "Anna Keller", ("Anna Keller",), "urn:de", None)
>>> two = NewActor("urn:p", "Person", "Keller", ("Keller",), None, None)
>>> [(a.label, sorted(a.aliases), a.nationality) for a in merge([("a", [one]), ("b", [two])])]
[('Anna Keller', ['Anna Keller', 'Keller'], 'urn:de')]
"""

from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox

from diplograph.extract.actors import Actor
from diplograph.extract.graph import ACTORS_GRAPH, actor_quads
from diplograph.ingest.work import NewActor

GRAPH = ACTORS_GRAPH


def merge(contributions: Iterable[tuple[str, list[NewActor]]]) -> list[Actor]:
    """The actors of ``(article id, its new actors)`` pairs, given in id order, by IRI."""
    merged: dict[str, Actor] = {}
    for _, actors in contributions:
        for record in actors:
            if record.iri in merged:
                merged[record.iri].aliases.update(record.aliases)
            else:
                merged[record.iri] = record.actor()
    return [merged[iri] for iri in sorted(merged)]


def quads(contributions: Iterable[tuple[str, list[NewActor]]]) -> list[ox.Quad]:
    """The quads of ``graph:extracted-actors`` for these contributions."""
    return actor_quads(merge(contributions))
