"""Extractions as RDF quads: one named graph per article, new actors in graph:extracted-actors.

The IRIs follow the curated seed: ``id:article/<id>`` for the article, ``id:<id>/<fact>`` for its
facts and ``id:<id>/char/S-E`` for evidence spans with their quote and position selectors.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import pyoxigraph as ox

from diplograph.extract.actors import Actor
from diplograph.extract.model import Extraction, Interaction, Statement
from diplograph.extract.statements import CAMEO, PLOVER
from diplograph.extract.text import Span
from diplograph.vocab import CODE, DIP, ID, PREFIXES, graph_iri

ACTORS_GRAPH = graph_iri("extracted-actors")
RDF, RDFS, XSD = PREFIXES["rdf"], PREFIXES["rdfs"], PREFIXES["xsd"]
OA, ORG, SCHEMA, SKOS = PREFIXES["oa"], PREFIXES["org"], PREFIXES["schema"], PREFIXES["skos"]
INTERACTION_CODES = {
    "Meeting": ("CONSULT", "CONSULT-visit", "040"),
    "Talks": ("CONSULT", "CONSULT-visit", "040"),
    "PhoneCall": ("CONSULT", "CONSULT-phone", "041"),
    "VideoCall": ("CONSULT", "CONSULT-phone", "041"),
    "Visit": ("CONSULT", "CONSULT-visit", "042"),
}
VERBS = {
    "Meeting": "meets",
    "Talks": "holds talks with",
    "PhoneCall": "speaks by phone with",
    "VideoCall": "holds a video call with",
}


def _n(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def _date(day: dt.date) -> ox.Literal:
    return ox.Literal(day.isoformat(), datatype=_n(XSD + "date"))


def _en(text: str) -> ox.Literal:
    return ox.Literal(text, language="en")


class Writer:
    """Collects the quads of one named graph."""

    def __init__(self, graph: str) -> None:
        self.graph = _n(graph)
        self.quads: list[ox.Quad] = []

    def add(self, subject: str, predicate: str, obj: ox.NamedNode | ox.Literal | str) -> None:
        value = _n(obj) if isinstance(obj, str) else obj
        self.quads.append(ox.Quad(_n(subject), _n(predicate), value, self.graph))


def article_quads(extraction: Extraction) -> list[ox.Quad]:
    """The named graph of one article."""
    article = extraction.article
    base = f"{ID}{article.id}/"
    node = f"{ID}article/{article.id}"
    w = Writer(graph_iri(article.id))
    w.add(node, RDF + "type", DIP + "Article")
    w.add(
        node,
        RDFS + "label",
        _en(f"{extraction.publisher.label}, {article.published}: {article.title or article.id}"),
    )
    w.add(node, SCHEMA + "identifier", ox.Literal(article.id))
    if article.title:
        w.add(node, SCHEMA + "headline", _en(article.title))
    w.add(node, SCHEMA + "datePublished", _date(article.published))
    w.add(node, SCHEMA + "publisher", extraction.publisher.iri)
    w.add(node, SCHEMA + "text", ox.Literal(article.text))
    if article.url:
        w.add(node, SCHEMA + "url", article.url)
    spans: dict[str, Span] = {}

    def evidence(subject: str, items: Iterable[Span]) -> None:
        for item in items:
            iri = f"{base}char/{item.start}-{item.end}"
            spans[iri] = item
            w.add(subject, DIP + "hasEvidence", iri)

    def fact(subject: str) -> None:
        w.add(subject, DIP + "reportedIn", node)

    for interaction in extraction.interactions:
        _interaction(w, base, interaction, article.published, evidence, fact)
    for statement in extraction.statements:
        _statement(w, base, statement, evidence, fact)
    for holding in extraction.holdings:
        iri = base + holding.key
        w.add(iri, RDF + "type", DIP + "PostHolding")
        w.add(iri, RDFS + "label", _en(f"{holding.person.label}, {holding.post.label}"))
        w.add(iri, ORG + "member", holding.person.iri)
        w.add(iri, DIP + "post", holding.post.iri)
        w.add(iri, DIP + "attestedOn", _date(article.published))
        fact(iri)
        evidence(iri, [holding.evidence])
    for stance in extraction.stances:
        iri = base + stance.key
        w.add(iri, RDF + "type", DIP + "Stance")
        verb = "supports" if stance.polarity == "support" else "opposes"
        label = f"{stance.holder.label} {verb} {stance.issue.replace('-', ' ')}"
        w.add(iri, RDFS + "label", _en(label))
        w.add(iri, DIP + "holder", stance.holder.iri)
        w.add(iri, DIP + "issue", f"{CODE}issue/{stance.issue}")
        w.add(iri, DIP + "polarity", f"{CODE}polarity/{stance.polarity}")
        for statement in stance.expressed_by:
            w.add(iri, DIP + "expressedBy", base + statement.key)
        fact(iri)
        evidence(iri, stance.evidence)
    for iri, item in sorted(spans.items()):
        w.add(iri, RDF + "type", OA + "SpecificResource")
        w.add(iri, OA + "hasSource", node)
        w.add(iri, OA + "hasSelector", iri + "/quote")
        w.add(iri, OA + "hasSelector", iri + "/position")
        w.add(iri + "/quote", RDF + "type", OA + "TextQuoteSelector")
        w.add(iri + "/quote", OA + "exact", ox.Literal(item.text))
        w.add(iri + "/position", RDF + "type", OA + "TextPositionSelector")
        for name, value in (("start", item.start), ("end", item.end)):
            w.add(
                iri + "/position",
                OA + name,
                ox.Literal(str(value), datatype=_n(XSD + "nonNegativeInteger")),
            )
    return w.quads


def _interaction(w, base, interaction: Interaction, published, evidence, fact) -> None:  # type: ignore[no-untyped-def]
    if interaction.known:
        w.add(interaction.known, RDF + "type", DIP + interaction.kind)
        w.add(interaction.known, RDFS + "label", _en(interaction.label or interaction.known))
        for person in interaction.participants:
            w.add(interaction.known, DIP + "participant", person.iri)
        if interaction.place is not None:
            w.add(interaction.known, DIP + "place", interaction.place.iri)
        fact(interaction.known)
        evidence(interaction.known, interaction.evidence)
        return
    iri = base + interaction.key
    people = interaction.participants
    w.add(iri, RDF + "type", DIP + interaction.kind)
    if interaction.kind == "Visit":
        where = interaction.place.label if interaction.place else "abroad"
        label = f"{interaction.visitors[0].label} visits {where}"
    else:
        others = " and ".join(p.label for p in people[1:])
        label = f"{people[0].label} {VERBS[interaction.kind]} {others}"
    w.add(iri, RDFS + "label", _en(label))
    for person in people:
        w.add(iri, DIP + "participant", person.iri)
    for host in interaction.hosts:
        w.add(iri, DIP + "host", host.iri)
    for visitor in interaction.visitors:
        w.add(iri, DIP + "visitor", visitor.iri)
    if interaction.place is not None:
        w.add(iri, DIP + "place", interaction.place.iri)
    when = interaction.when
    if when is not None:
        if when.end is None:
            w.add(iri, DIP + "date", _date(when.start))
        else:
            w.add(iri, DIP + "startDate", _date(when.start))
            w.add(iri, DIP + "endDate", _date(when.end))
        if when.relative and when.end is None and interaction.when_span is not None:
            resolution = iri + "/date-resolution"
            w.add(iri, DIP + "dateResolution", resolution)
            w.add(resolution, RDF + "type", DIP + "DateResolution")
            w.add(
                resolution, RDFS + "label", _en(f"'{when.expression}' resolved against {published}")
            )
            w.add(resolution, DIP + "relativeExpression", ox.Literal(when.expression))
            w.add(resolution, DIP + "anchorDate", _date(published))
            w.add(resolution, DIP + "resolvedDate", _date(when.start))
            w.add(resolution, DIP + "resolutionRule", ox.Literal(when.rule))
            evidence(resolution, [interaction.when_span])
    if interaction.part_of is not None:
        w.add(iri, DIP + "partOfVisit", base + interaction.part_of.key)
    event, mode, cameo = INTERACTION_CODES[interaction.kind]
    w.add(iri, DIP + "ploverEvent", f"{CODE}plover/{event}")
    w.add(iri, DIP + "ploverMode", f"{CODE}plover-mode/{mode}")
    w.add(iri, DIP + "ploverContext", f"{CODE}plover-context/diplomatic")
    w.add(iri, DIP + "cameoCode", f"{CODE}cameo/{cameo}")
    fact(iri)
    evidence(iri, interaction.evidence)


def _statement(w, base, statement: Statement, evidence, fact) -> None:  # type: ignore[no-untyped-def]
    iri = base + statement.key
    w.add(iri, RDF + "type", DIP + statement.kind)
    quote = statement.action or statement.evidence[-1].text
    if len(quote) > 160:
        quote = quote[:157].rsplit(" ", 1)[0] + " …"
    w.add(iri, RDFS + "label", _en(f"{statement.speaker.label}: {quote}"))
    w.add(iri, DIP + "speaker", statement.speaker.iri)
    for addressee in statement.addressees:
        w.add(iri, DIP + "addressee", addressee.iri)
    if statement.made_during is not None and not statement.made_during.known:
        w.add(iri, DIP + "madeDuring", base + statement.made_during.key)
        when = statement.made_during.when
        if when is not None and when.end is None:
            w.add(iri, DIP + "date", _date(when.start))
    if statement.target is not None:
        w.add(iri, DIP + "target", statement.target.iri)
    if statement.action:
        w.add(iri, DIP + "demandedAction", _en(statement.action))
    for cited in statement.cites:
        w.add(iri, DIP + "cites", cited.iri)
    if statement.kind in PLOVER:
        w.add(iri, DIP + "ploverEvent", f"{CODE}plover/{PLOVER[statement.kind]}")
    w.add(iri, DIP + "cameoCode", f"{CODE}cameo/{CAMEO[statement.kind]}")
    fact(iri)
    evidence(iri, statement.evidence)


def actor_quads(actors: Iterable[Actor]) -> list[ox.Quad]:
    """The new actors (not in data/actors.ttl) in graph:extracted-actors."""
    w = Writer(ACTORS_GRAPH)
    for actor in actors:
        w.add(actor.iri, RDF + "type", DIP + actor.kind)
        w.add(actor.iri, RDFS + "label", _en(actor.label))
        for alias in sorted(actor.aliases - {actor.label}):
            if actor.kind in ("Person", "State", "Organization"):
                w.add(actor.iri, SKOS + "altLabel", _en(alias))
        if actor.represents:
            w.add(actor.iri, DIP + "represents", actor.represents)
        if actor.post_in:
            w.add(actor.iri, ORG + "postIn", actor.post_in)
    return w.quads


def publisher_quads(iris: Iterable[str]) -> list[ox.Quad]:
    """Registry organisations that publish articles, typed dip:NewsOrganization as publishers."""
    w = Writer(ACTORS_GRAPH)
    for iri in iris:
        w.add(iri, RDF + "type", DIP + "NewsOrganization")
    return w.quads
