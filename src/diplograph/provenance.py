"""The PROV-O view of evidence: records are derived from the text spans they rest on.

``dip:hasEvidence`` links any node to the spans it rests on: for an interaction that is a mention
(in the manner of GAF's ``gaf:denotedBy``), for a record — a statement, a stance, a post holding,
a date resolution, a claim — the text it was derived from. Only records are PROV entities derived
from text, so ``prov:wasDerivedFrom`` is stated for records and never for events; it is generated
here from ``dip:hasEvidence``, by the build and by the extractor alike, never written by hand.

>>> import pyoxigraph as ox
>>> g = ox.NamedNode("urn:g")
>>> demand, meeting, span = (ox.NamedNode(f"urn:{n}") for n in ("demand", "meeting", "span"))
>>> quads = [
...     ox.Quad(demand, ox.NamedNode(RDF_TYPE), ox.NamedNode(DIP + "Demand"), g),
...     ox.Quad(demand, ox.NamedNode(DIP + "hasEvidence"), span, g),
...     ox.Quad(meeting, ox.NamedNode(RDF_TYPE), ox.NamedNode(DIP + "Meeting"), g),
...     ox.Quad(meeting, ox.NamedNode(DIP + "hasEvidence"), span, g),
... ]
>>> [str(q) for q in derivations(quads)]
['<urn:demand> <http://www.w3.org/ns/prov#wasDerivedFrom> <urn:span> <urn:g>']
"""

from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox

from diplograph.vocab import DIP, PREFIXES, STATEMENT_KINDS

RDF_TYPE = PREFIXES["rdf"] + "type"
WAS_DERIVED_FROM = ox.NamedNode(PREFIXES["prov"] + "wasDerivedFrom")
HAS_EVIDENCE = DIP + "hasEvidence"
# Every class whose instances are records derived from text (statement kinds one by one: the data
# types a statement with its most specific kind only).
RECORDS = frozenset(
    DIP + name
    for name in (
        "Statement",
        *STATEMENT_KINDS,
        "Stance",
        "PostHolding",
        "DateResolution",
        "Claim",
        "Report",
    )
)


def derivations(quads: Iterable[ox.Quad]) -> list[ox.Quad]:
    """``prov:wasDerivedFrom`` quads for every evidence span of every record, in input order."""
    quads = list(quads)
    records = {
        (q.subject, q.graph_name)
        for q in quads
        if q.predicate.value == RDF_TYPE
        and isinstance(q.object, ox.NamedNode)
        and q.object.value in RECORDS
    }
    return [
        ox.Quad(q.subject, WAS_DERIVED_FROM, q.object, q.graph_name)
        for q in quads
        if q.predicate.value == HAS_EVIDENCE and (q.subject, q.graph_name) in records
    ]
