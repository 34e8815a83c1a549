"""Extractions as RDF quads: one named graph per article, new actors in graph:extracted-actors.

The IRIs follow the curated seed: ``id:article/<id>`` for the article, ``id:<id>/<fact>`` for its
facts, ``<fact>/event`` for the coded event of a statement or an interaction (``<fact>/event-<t>``,
``<t>`` the local name of the target, when it has several) and ``id:<id>/char/S-E`` for evidence
spans with their quote and position selectors. Codes live on the ``dip:CodedEvent`` nodes only: a
statement is coded speaker → target (else addressee; a demand or criticism only at a target the
text names), a visit visitor → host (CONSULT-visit, 042), a call CONSULT-phone (041), a meeting or
talks CONSULT (040) from the first participant to each counterpart; an interaction one party names
(a summit, a trip with no host) is not coded. Records derived from text get
``prov:wasDerivedFrom`` their evidence (:func:`diplograph.provenance.derivations`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

import pyoxigraph as ox

from diplograph.extract.actors import Actor
from diplograph.extract.model import Claim, Extraction, Interaction, Statement
from diplograph.extract.statements import PLOVER, PLOVER_MODES, TARGETED_KINDS
from diplograph.extract.text import Span
from diplograph.provenance import derivations
from diplograph.vocab import CODE, DIP, ID, PREFIXES, graph_iri

ACTORS_GRAPH = graph_iri("extracted-actors")
RDF, RDFS, XSD = PREFIXES["rdf"], PREFIXES["rdfs"], PREFIXES["xsd"]
OA, ORG, SCHEMA, SKOS = PREFIXES["oa"], PREFIXES["org"], PREFIXES["schema"], PREFIXES["skos"]
# PLOVER event, PLOVER mode (None: none) and CAMEO code of each kind of interaction. A Call
# (remote, medium not stated) takes PLOVER's phone mode, which covers any remote consultation.
INTERACTION_CODES: dict[str, tuple[str, str | None, str]] = {
    "Meeting": ("CONSULT", None, "040"),
    "Talks": ("CONSULT", None, "040"),
    "Call": ("CONSULT", "CONSULT-phone", "041"),
    "PhoneCall": ("CONSULT", "CONSULT-phone", "041"),
    "VideoCall": ("CONSULT", "CONSULT-phone", "041"),
    "Visit": ("CONSULT", "CONSULT-visit", "042"),
}
CONTEXT = "diplomatic"  # the PLOVER context of interactions
VERBS = {
    "Meeting": "meets",
    "Talks": "holds talks with",
    "Call": "speaks with",
    "PhoneCall": "speaks by phone with",
    "VideoCall": "holds a video call with",
}

Evidence = Callable[[str, Iterable[Span]], None]
PROV = PREFIXES["prov"]
ITSRDF = PREFIXES["itsrdf"]  # ITS 2.0: a span's itsrdf:taIdentRef, the item it names
# The class of each kind of item minted when cited: agreements and principles as such; summits,
# conferences and earlier meetings as schema:Event (a dip:Interaction needs its participants, which
# a citation does not give); initiatives, working groups and dialogue mechanisms as dip:Initiative.
CITED_CLASSES: dict[str, str] = {
    "Agreement": DIP + "Agreement",
    "Principle": DIP + "Principle",
    "Summit": SCHEMA + "Event",
    "Conference": SCHEMA + "Event",
    "Interaction": SCHEMA + "Event",
    "Initiative": DIP + "Initiative",
    "WorkingGroup": DIP + "Initiative",
}


def _n(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def _date(day: dt.date) -> ox.Literal:
    return ox.Literal(day.isoformat(), datatype=_n(XSD + "date"))


def _en(text: str) -> ox.Literal:
    return ox.Literal(text, language="en")


def _local(iri: str) -> str:
    return iri.rstrip("/").rsplit("/", 1)[-1]


class _Nodes(dict[str, ox.NamedNode]):
    """IRIs and their nodes, each node made the first time its IRI is asked for."""

    def __missing__(self, iri: str) -> ox.NamedNode:
        node = self[iri] = ox.NamedNode(iri)
        return node


class Writer:
    """Collects the quads of one named graph.

    Each IRI is made into a :class:`pyoxigraph.NamedNode` (and validated) once, the first time
    it is met: a graph names the same subjects and predicates over and over.

    >>> w = Writer("urn:g")
    >>> w.add("urn:s", "urn:p", "urn:o")
    >>> w.add("urn:s", "urn:p", _en("o"))
    >>> [str(q) for q in w.quads]
    ['<urn:s> <urn:p> <urn:o> <urn:g>', '<urn:s> <urn:p> "o"@en <urn:g>']
    """

    def __init__(self, graph: str) -> None:
        self.graph = _n(graph)
        self.quads: list[ox.Quad] = []
        self._nodes = _Nodes()

    def add(self, subject: str, predicate: str, obj: ox.NamedNode | ox.Literal | str) -> None:
        nodes = self._nodes
        value = nodes[obj] if isinstance(obj, str) else obj
        self.quads.append(ox.Quad(nodes[subject], nodes[predicate], value, self.graph))

    def describe(self, subject: str, *pairs: tuple[str, ox.NamedNode | ox.Literal | str]) -> None:
        """:meth:`add` ``subject``'s (predicate, object) ``pairs`` in order."""
        nodes, graph = self._nodes, self.graph
        node = nodes[subject]
        self.quads.extend(
            ox.Quad(node, nodes[p], nodes[o] if isinstance(o, str) else o, graph) for p, o in pairs
        )

    def inferred(self, subject: str, properties: Iterable[str], comment: str) -> None:
        """Mark the values of ``properties`` (local names of dip: properties) on ``subject`` as
        the extractor's inference, and say why."""
        names = sorted(set(properties))
        for name in names:
            self.add(subject, DIP + "inferredProperty", DIP + name)
        if names:
            self.add(subject, RDFS + "comment", _en(comment))


def article_quads(extraction: Extraction) -> list[ox.Quad]:
    """The named graph of one article, with the PROV derivations of its records."""
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
    for source in extraction.according_to or [extraction.publisher]:
        w.add(node, DIP + "accordingTo", source.iri)
    w.add(node, SCHEMA + "text", ox.Literal(article.text))
    if article.url:
        w.add(node, SCHEMA + "url", article.url)
    spans: dict[str, Span] = {}

    def evidence(subject: str, items: Iterable[Span]) -> None:
        for item in items:
            iri = f"{base}char/{item.start}-{item.end}"
            spans[iri] = item
            w.add(subject, DIP + "hasEvidence", iri)

    for interaction in extraction.interactions:
        _interaction(w, base, node, interaction, article.published, evidence)
    for statement in extraction.statements:
        _statement(w, base, node, statement, evidence)
    for claim in extraction.claims:
        _claim(w, base, node, claim, evidence)
    for mention in extraction.mentions:  # what the narrator names (:meth:`.references.mention`)
        w.add(node, SCHEMA + "mentions", mention.item.iri)
        for item in mention.evidence:
            spans[f"{base}char/{item.start}-{item.end}"] = item
            w.add(f"{base}char/{item.start}-{item.end}", ITSRDF + "taIdentRef", mention.item.iri)
    for holding in extraction.holdings:
        iri = base + holding.key
        w.add(iri, RDF + "type", DIP + "PostHolding")
        w.add(iri, RDFS + "label", _en(f"{holding.person.label}, {holding.post.label}"))
        w.add(iri, ORG + "member", holding.person.iri)
        if holding.post.post_in:
            w.add(iri, ORG + "organization", holding.post.post_in)
        w.add(iri, DIP + "post", holding.post.iri)
        w.add(iri, DIP + "attestedOn", _date(article.published))
        w.add(iri, DIP + "reportedIn", node)
        evidence(iri, [holding.evidence])
    for stance in extraction.stances:
        iri = base + stance.key
        w.add(iri, RDF + "type", DIP + "Stance")
        verb = "supports" if stance.polarity == "support" else "opposes"
        w.add(iri, RDFS + "label", _en(f"{stance.holder.label} {verb} {stance.issue_label}"))
        w.add(iri, DIP + "holder", stance.holder.iri)
        w.add(iri, DIP + "issue", stance.issue)
        w.add(iri, DIP + "polarity", f"{CODE}polarity/{stance.polarity}")
        for statement in stance.expressed_by:
            w.add(iri, DIP + "expressedBy", base + statement.key)
        speakers: list[Actor] = []
        for statement in stance.expressed_by:
            if statement.speaker not in speakers:
                speakers.append(statement.speaker)
        if stance.holder not in speakers:
            side = "state" if stance.holder.kind == "State" else "side"
            names = " and ".join(s.label for s in speakers)
            w.inferred(
                iri,
                ["holder"],
                f"The holder is the {side} {names} speaks for in the expressing "
                f"statement{'s' if len(stance.expressed_by) > 1 else ''}.",
            )
        w.add(iri, DIP + "reportedIn", node)
        evidence(iri, stance.evidence)
    integer = _n(XSD + "integer")  # the positions' datatype, as stores keep it
    for iri, item in sorted(spans.items()):
        quote, position = iri + "/quote", iri + "/position"
        w.describe(
            iri,
            (RDF + "type", OA + "SpecificResource"),
            (OA + "hasSource", node),
            (OA + "hasSelector", quote),
            (OA + "hasSelector", position),
        )
        w.describe(
            quote, (RDF + "type", OA + "TextQuoteSelector"), (OA + "exact", ox.Literal(item.text))
        )
        w.describe(
            position,
            (RDF + "type", OA + "TextPositionSelector"),
            (OA + "start", ox.Literal(str(item.start), datatype=integer)),
            (OA + "end", ox.Literal(str(item.end), datatype=integer)),
        )
    return [*w.quads, *derivations(w.quads)]


def _coded_event(
    w: Writer,
    iri: str,
    coded: str,
    article: str,
    pair: tuple[Actor, Actor],
    cameo: str,
    event: str | None,
    mode: str | None,
    context: str | None,
) -> None:
    """One ``dip:CodedEvent``: ``pair`` is (source actor, target actor)."""
    source, target = pair
    what = "no PLOVER event" if event is None else event
    if event is not None and mode is not None:
        what += " " + mode.removeprefix(event + "-")
    w.add(iri, RDF + "type", DIP + "CodedEvent")
    w.add(iri, RDFS + "label", _en(f"{source.label} \u2192 {target.label}: {what}, CAMEO {cameo}"))
    w.add(iri, DIP + "codes", coded)
    w.add(iri, DIP + "sourceActor", source.iri)
    w.add(iri, DIP + "targetActor", target.iri)
    w.add(iri, DIP + "cameoCode", f"{CODE}cameo/{cameo}")
    if event is not None:
        w.add(iri, DIP + "ploverEvent", f"{CODE}plover/{event}")
    if mode is not None:
        w.add(iri, DIP + "ploverMode", f"{CODE}plover-mode/{mode}")
    if context is not None:
        w.add(iri, DIP + "ploverContext", f"{CODE}plover-context/{context}")
    w.add(iri, DIP + "reportedIn", article)


def _side(actor: Actor) -> str | None:
    return actor.iri if actor.kind == "State" else actor.nationality


def coded_pairs(interaction: Interaction) -> list[tuple[Actor, Actor]]:
    """The directed (source, target) pairs an interaction is coded as: visitor → host for a
    visit, else the first participant → each counterpart (each other participant not of the
    first's state, or every other participant when all are)."""
    if interaction.kind == "Visit":
        return [(v, h) for v in interaction.visitors for h in interaction.hosts if v is not h]
    first, *others = interaction.participants
    side = _side(first)
    counterparts = [p for p in others if side is None or _side(p) != side] or others
    return [(first, p) for p in counterparts]


def event_names(pairs: list[tuple[Actor, Actor]]) -> list[str]:
    """The local name of each coded event of one interaction's ``pairs``: ``event`` for one pair,
    else named by the end of the pair that varies (each counterpart of the first participant,
    each visitor of one host), by both ends when both vary.

    >>> a, b, c = (Actor(f"urn:x/{n}", "Person", n, set()) for n in "abc")
    >>> event_names([(a, b)]), event_names([(a, b), (a, c)]), event_names([(b, a), (c, a)])
    (['event'], ['event-b', 'event-c'], ['event-b', 'event-c'])
    >>> event_names([(a, b), (c, a)])
    ['event-a-b', 'event-c-a']
    """
    if len(pairs) == 1:
        return ["event"]
    sources = len({source.iri for source, _ in pairs}) > 1
    targets = len({target.iri for _, target in pairs}) > 1
    return [
        "-".join(
            ["event"]
            + ([_local(source.iri)] if sources else [])
            + ([_local(target.iri)] if targets or not sources else [])
        )
        for source, target in pairs
    ]


def _interaction(
    w: Writer,
    base: str,
    article: str,
    interaction: Interaction,
    published: dt.date,
    evidence: Evidence,
) -> None:
    if interaction.known:
        # an earlier event a statement cites (the meeting an agreement was reached at): reported,
        # not coded, with the participants the curated article gives
        w.add(interaction.known, RDF + "type", DIP + interaction.kind)
        w.add(interaction.known, RDFS + "label", _en(interaction.label or interaction.known))
        for person in interaction.participants:
            w.add(interaction.known, DIP + "participant", person.iri)
        if interaction.place is not None:
            w.add(interaction.known, DIP + "place", interaction.place.iri)
        w.add(interaction.known, DIP + "reportedIn", article)
        w.inferred(
            interaction.known,
            ["participant"],
            "The text does not name the participants: they are those of the meeting at which, "
            "as a curated article reports, the cited agreement was reached.",
        )
        evidence(interaction.known, interaction.evidence)
        return
    iri = base + interaction.key
    people = interaction.participants
    w.add(iri, RDF + "type", DIP + interaction.kind)
    if interaction.label is not None:  # one named by one party: "Tashkent Conference (Uzbekistan)"
        label = interaction.label
    elif interaction.kind == "Visit":
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
    reasons = list(dict.fromkeys(why for _, why in interaction.inferred))
    w.inferred(iri, [name for name, _ in interaction.inferred], " ".join(reasons))
    w.add(iri, DIP + "reportedIn", article)
    evidence(iri, interaction.evidence)
    event, mode, cameo = INTERACTION_CODES[interaction.kind]
    pairs = coded_pairs(interaction)
    for pair, name in zip(pairs, event_names(pairs), strict=True):
        _coded_event(w, f"{iri}/{name}", iri, article, pair, cameo, event, mode, CONTEXT)


def _statement(
    w: Writer, base: str, article: str, statement: Statement, evidence: Evidence
) -> None:
    iri = base + statement.key
    w.add(iri, RDF + "type", DIP + statement.kind)
    quote = statement.action or statement.evidence[-1].text
    if len(quote) > 160:
        quote = quote[:157].rsplit(" ", 1)[0] + " …"
    w.add(iri, RDFS + "label", _en(f"{statement.speaker.label}: {quote}"))
    w.add(iri, DIP + "speaker", statement.speaker.iri)
    if statement.on_behalf_of is not None:
        w.add(iri, DIP + "onBehalfOf", statement.on_behalf_of.iri)
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
    inferred, why = [], []
    if statement.speaker_inferred:
        inferred.append("speaker")
        why.append(
            "Unattributed inside its sentence: it continues the reported speech of "
            f"{statement.speaker.label} earlier in the paragraph."
        )
    if statement.target_inferred and statement.target is not None:
        inferred.append("target")
        why.append(
            f"The text asks a pronoun (him, her, them): read as {statement.target.label}, the "
            "one counterpart in the interaction it was made during."
        )
    if statement.addressees:
        inferred.append("addressee")
        why.append(
            "The addressee is the counterpart in the interaction it was made during, which the "
            "sentence does not name."
        )
    w.inferred(iri, inferred, " ".join(why))
    w.add(iri, DIP + "reportedIn", article)
    evidence(iri, statement.evidence)
    # a demand or criticism is coded at its target only (none when the text names none)
    target = statement.target
    if target is None and statement.kind not in TARGETED_KINDS and statement.addressees:
        target = statement.addressees[0]
    if target is not None:
        cameo = statement.cameo
        _coded_event(
            w,
            iri + "/event",
            iri,
            article,
            (statement.speaker, target),
            cameo,
            PLOVER.get(statement.kind),
            PLOVER_MODES.get(cameo),
            None,
        )


def _claim(w: Writer, base: str, article: str, claim: Claim, evidence: Evidence) -> None:
    iri = base + claim.key
    statement = base + claim.statement.key
    event = claim.object.known or base + claim.object.key
    w.add(iri, RDF + "type", DIP + "Claim")
    quote = " ".join(e.text for e in claim.evidence)
    w.add(iri, RDFS + "label", _en(f"{claim.statement.speaker.label}: {quote}"))
    w.add(iri, DIP + "claimedIn", statement)
    w.add(iri, DIP + "claimSubject", claim.subject.iri)
    w.add(iri, DIP + "claimProperty", DIP + claim.property)
    w.add(iri, DIP + "claimObject", event)
    if claim.object_inferred:
        w.inferred(
            iri,
            ["claimObject"],
            "The text says the agreement was reached but not where: the meeting is the one a "
            "curated article reports it reached at.",
        )
    else:
        w.add(statement, DIP + "cites", event)  # the text names the meeting ("... in Bali")
    w.add(iri, DIP + "reportedIn", article)
    evidence(iri, claim.evidence)


def actor_quads(actors: Iterable[Actor]) -> list[ox.Quad]:
    """The new actors (not in data/actors.ttl) in graph:extracted-actors."""
    w = Writer(ACTORS_GRAPH)
    for actor in actors:
        if actor.kind in CITED_CLASSES:  # an item minted when cited (:mod:`.references`)
            w.add(actor.iri, RDF + "type", CITED_CLASSES[actor.kind])
            w.add(actor.iri, RDFS + "label", _en(actor.label))
            continue
        w.add(actor.iri, RDF + "type", DIP + actor.kind)
        w.add(actor.iri, RDFS + "label", _en(actor.label))
        for alias in sorted(actor.aliases - {actor.label}):
            if actor.kind in ("Person", "State", "Organization"):
                w.add(actor.iri, SKOS + "altLabel", _en(alias))
        if actor.nationality:
            w.add(actor.iri, SCHEMA + "nationality", actor.nationality)
        if actor.post_in:
            w.add(actor.iri, ORG + "postIn", actor.post_in)
    return w.quads
