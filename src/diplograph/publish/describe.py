"""The description of one resource as a set of triples, and its RDF serialisations.

A resource's description holds its outgoing and incoming triples over the union of all named
graphs, and the labels of the nodes it links to; a named graph's description is its content.
Triples are sorted, so the same data always gives the same bytes.

>>> store = ox.Store()
>>> a, b = ox.NamedNode(ID + "a"), ox.NamedNode(ID + "b")
>>> knows = ox.NamedNode("http://xmlns.com/foaf/0.1/knows")
>>> store.add(ox.Quad(a, knows, b, ox.NamedNode(GRAPH + "g")))
>>> store.add(ox.Quad(b, LABEL, ox.Literal("B", language="en"), ox.NamedNode(GRAPH + "g")))
>>> for line in serialize(describe(store, ID + "a"), "nt").decode().splitlines():
...     print(line.replace(ID, "id:"))
<id:a> <http://xmlns.com/foaf/0.1/knows> <id:b> .
<id:b> <http://www.w3.org/2000/01/rdf-schema#label> "B"@en .
>>> resource_path(ID + "a"), resource_path(DIP + "Meeting"), resource_path("http://example.org/")
('id/a', 'ontology', None)
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pyoxigraph as ox

from diplograph.vocab import BASE, CODE, DIP, GRAPH, ID, PREFIXES

ONTOLOGY = BASE + "ontology"
LABEL = ox.NamedNode(PREFIXES["rdfs"] + "label")
PREF_LABEL = ox.NamedNode(PREFIXES["skos"] + "prefLabel")
NAMESPACES = (ID, CODE, GRAPH)


@dataclass(frozen=True)
class Format:
    """An RDF serialisation a document is offered in."""

    extension: str
    media_type: str
    rdf: ox.RdfFormat


FORMATS: dict[str, Format] = {
    f.extension: f
    for f in (
        Format("ttl", "text/turtle", ox.RdfFormat.TURTLE),
        Format("jsonld", "application/ld+json", ox.RdfFormat.JSON_LD),
        Format("nt", "application/n-triples", ox.RdfFormat.N_TRIPLES),
        Format("rdf", "application/rdf+xml", ox.RdfFormat.RDF_XML),
    )
}

Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple


def text(term: Term) -> str:
    """The IRI, blank node id or lexical form of a term (an RDF-star triple as N-Triples)."""
    return str(term) if isinstance(term, ox.Triple) else term.value


def resource_path(iri: str) -> str | None:
    """The site path (without extension) of the document about ``iri``; None if not ours.

    Slash IRIs under ``id/``, ``code/`` and ``graph/`` have a document each; the ontology and
    its hash IRIs share the ontology's document.
    """
    if iri == ONTOLOGY or iri.startswith(DIP):
        return "ontology"
    if iri.startswith(NAMESPACES) and "#" not in iri:
        return iri[len(BASE) :]
    return None


def key(triple: ox.Triple) -> tuple[str, str, str]:
    """A total order on triples: subject, predicate, object as N-Triples terms."""
    return str(triple.subject), str(triple.predicate), str(triple.object)


def _triples(quads: Iterable[ox.Quad]) -> set[ox.Triple]:
    return {ox.Triple(q.subject, q.predicate, q.object) for q in quads}


def labels(store: ox.Store, nodes: Iterable[Term]) -> set[ox.Triple]:
    """The ``rdfs:label`` and ``skos:prefLabel`` triples of the given nodes."""
    found: set[ox.Triple] = set()
    for node in nodes:
        if isinstance(node, ox.NamedNode):
            for predicate in (LABEL, PREF_LABEL):
                found |= _triples(store.quads_for_pattern(node, predicate, None))
    return found


def describe(store: ox.Store, iri: str) -> list[ox.Triple]:
    """The description of the resource ``iri`` (a named graph: its triples), sorted."""
    node = ox.NamedNode(iri)
    if iri.startswith(GRAPH):
        return sorted(_triples(store.quads_for_pattern(None, None, None, node)), key=key)
    own = _triples(store.quads_for_pattern(node, None, None))
    own |= _triples(store.quads_for_pattern(None, None, node))
    linked = {t.object for t in own} | {t.subject for t in own} | {t.predicate for t in own}
    return sorted(own | labels(store, linked - {node}), key=key)


def graph_triples(store: ox.Store, graph: str) -> list[ox.Triple]:
    """Every triple of one named graph, sorted."""
    quads = store.quads_for_pattern(None, None, None, ox.NamedNode(graph))
    return sorted(_triples(quads), key=key)


def serialize(triples: Iterable[ox.Triple], extension: str) -> bytes:
    """Triples in the format with this file extension (``ttl``, ``jsonld``, ``nt``, ``rdf``)."""
    data = ox.serialize(triples, format=FORMATS[extension].rdf, prefixes=PREFIXES)
    assert data is not None
    return data


def resources(store: ox.Store) -> list[str]:
    """Every IRI of the dataset that has a document of its own, sorted (the ontology first)."""
    query = """
      SELECT DISTINCT ?x WHERE {
        { ?x ?p ?o } UNION { ?s ?p ?x } UNION { GRAPH ?x { ?s ?p ?o } }
        FILTER (isIRI(?x))
      }"""
    found: set[str] = set()
    solutions = store.query(query, use_default_graph_as_union=True)
    assert isinstance(solutions, ox.QuerySolutions)
    for solution in solutions:
        term = solution["x"]
        if isinstance(term, ox.NamedNode) and term.value.startswith(NAMESPACES):
            path = resource_path(term.value)
            if path is not None:
                found.add(term.value)
    return sorted(found)


def ontology_triples(store: ox.Store) -> list[ox.Triple]:
    """The content of the named graph that declares the ontology (empty when there is none)."""
    declared = store.quads_for_pattern(
        ox.NamedNode(ONTOLOGY), ox.NamedNode(PREFIXES["rdf"] + "type"), None
    )
    graphs = sorted(
        {q.graph_name.value for q in declared if isinstance(q.graph_name, ox.NamedNode)}
    )
    return graph_triples(store, graphs[0]) if graphs else []
