"""The dataset's description: VoID and DCAT 3 (``/.well-known/void``); the service description.

Counts come from the store, and sizes and checksums from the dump files' bytes, so the
description always matches what is published.

>>> dump = Dump("diplograph.nq.gz", "application/n-quads", b"x")
>>> dump.sha256[:12], dump.iri
('2d711642b726', 'https://w3id.org/diplograph/dumps/diplograph.nq.gz')
"""

from __future__ import annotations

import gzip
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

import pyoxigraph as ox

from diplograph.publish.describe import ONTOLOGY, key, text
from diplograph.rdfio import canonical_nquads
from diplograph.vocab import BASE, ID, PREFIXES

VOID = "http://rdfs.org/ns/void#"
DCAT = "http://www.w3.org/ns/dcat#"
SD = "http://www.w3.org/ns/sparql-service-description#"
SPDX = "http://spdx.org/rdf/terms#"
DCTERMS = PREFIXES["dcterms"]
FORMATS_NS = "http://www.w3.org/ns/formats/"
IANA = "https://www.iana.org/assignments/media-types/"
XSD = PREFIXES["xsd"]

DESCRIPTION = BASE + "void"
DATASET = DESCRIPTION + "#dataset"
ENDPOINT = BASE + "sparql"
LICENSE = ox.NamedNode(DCTERMS + "license")
TITLE = "diplograph: diplomatic news as a knowledge graph"
ABSTRACT = (
    "Actors of diplomacy, their posts, meetings, talks, calls and visits, reported statements and "
    "stances, each fact linked to the exact span of the news article it is derived from."
)
RESULT_FORMATS = (
    "SPARQL_Results_JSON",
    "SPARQL_Results_XML",
    "SPARQL_Results_CSV",
    "SPARQL_Results_TSV",
)
RDF_FORMATS = ("Turtle", "N-Triples", "JSON-LD", "RDF_XML")


@dataclass(frozen=True)
class Dump:
    """A gzipped dump of the whole dataset, as published under ``dumps/``."""

    name: str
    media_type: str
    data: bytes

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()

    @property
    def iri(self) -> str:
        return f"{BASE}dumps/{self.name}"


def gzipped(data: bytes) -> bytes:
    """gzip without a timestamp or file name, so the same data gives the same bytes."""
    return gzip.compress(data, compresslevel=9, mtime=0)


def dumps(dataset: Iterable[ox.Quad]) -> list[Dump]:
    """N-Quads (the build's canonical form) and TriG dumps of every named graph, quads sorted."""
    quads = sorted(
        set(dataset),
        key=lambda q: (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object)),
    )
    nquads = canonical_nquads(quads)
    trig = ox.serialize(quads, format=ox.RdfFormat.TRIG, prefixes=PREFIXES)
    assert trig is not None
    return [
        Dump("diplograph.nq.gz", "application/n-quads", gzipped(nquads)),
        Dump("diplograph.trig.gz", "application/trig", gzipped(trig)),
    ]


def checksums(files: list[Dump]) -> bytes:
    """The ``SHA256SUMS`` file of the dumps, in the format ``sha256sum --check`` reads."""
    return "".join(f"{d.sha256}  {d.name}\n" for d in files).encode("utf-8")


def _count(store: ox.Store, query: str) -> int:
    solutions = store.query(query, use_default_graph_as_union=True)
    assert isinstance(solutions, ox.QuerySolutions)
    value = next(iter(solutions))["n"]
    assert isinstance(value, ox.Literal)
    return int(value.value)


def triple_count(store: ox.Store) -> int:
    """Distinct triples over the union of the named graphs (what the endpoint queries)."""
    return _count(store, "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o { ?s ?p ?o } }")


class Description:
    """Triples about the dataset, built with IRIs only (the dataset has no blank nodes)."""

    def __init__(self) -> None:
        self.triples: list[ox.Triple] = []

    def add(self, subject: str, predicate: str, value: ox.NamedNode | ox.Literal | str) -> None:
        term = ox.NamedNode(value) if isinstance(value, str) else value
        self.triples.append(ox.Triple(ox.NamedNode(subject), ox.NamedNode(predicate), term))

    def sorted(self) -> list[ox.Triple]:
        return sorted(set(self.triples), key=key)


def _integer(value: int) -> ox.Literal:
    return ox.Literal(str(value), datatype=ox.NamedNode(XSD + "integer"))


def _text(value: str) -> ox.Literal:
    return ox.Literal(value, language="en")


def vocabularies(store: ox.Store) -> list[str]:
    """The namespaces (of ``PREFIXES``) whose terms the dataset uses as predicates or classes."""
    used: set[str] = set()
    query = "SELECT DISTINCT ?t WHERE { { ?s ?t ?o } UNION { ?s a ?t } }"
    solutions = store.query(query, use_default_graph_as_union=True)
    assert isinstance(solutions, ox.QuerySolutions)
    for solution in solutions:
        term = solution["t"]
        for namespace in PREFIXES.values():
            if isinstance(term, ox.NamedNode) and term.value.startswith(namespace):
                used.add(namespace)
    return sorted(used)


def examples(store: ox.Store, limit: int = 3) -> list[str]:
    """A few labelled resources of the ``id/`` namespace to start browsing from."""
    query = f"""SELECT DISTINCT ?s WHERE {{
      ?s <{PREFIXES["rdfs"]}label> ?label ; a ?class .
      FILTER (STRSTARTS(STR(?s), "{ID}") && !CONTAINS(SUBSTR(STR(?s), {len(ID) + 1}), "/"))
    }} ORDER BY STR(?s) LIMIT {limit}"""
    solutions = store.query(query, use_default_graph_as_union=True)
    assert isinstance(solutions, ox.QuerySolutions)
    return [s["s"].value for s in solutions if isinstance(s["s"], ox.NamedNode)]


def void(store: ox.Store, files: list[Dump]) -> list[ox.Triple]:
    """VoID and DCAT 3 description of the dataset, its dumps, its graphs and its endpoint."""
    d = Description()
    rdf_type, catalog, service = (
        PREFIXES["rdf"] + "type",
        DESCRIPTION + "#catalog",
        DESCRIPTION + "#sparql",
    )
    licenses = sorted(
        {text(q.object) for q in store.quads_for_pattern(ox.NamedNode(ONTOLOGY), LICENSE, None)}
    )
    d.add(catalog, rdf_type, DCAT + "Catalog")
    d.add(catalog, DCTERMS + "title", _text("diplograph catalogue"))
    d.add(catalog, DCAT + "dataset", DATASET)
    d.add(catalog, DCAT + "service", service)
    for kind in (VOID + "Dataset", DCAT + "Dataset"):
        d.add(DATASET, rdf_type, kind)
    d.add(DATASET, DCTERMS + "title", _text(TITLE))
    d.add(DATASET, DCTERMS + "description", _text(ABSTRACT))
    d.add(DATASET, VOID + "triples", _integer(triple_count(store)))
    d.add(DATASET, VOID + "uriSpace", ox.Literal(BASE))
    d.add(DATASET, VOID + "sparqlEndpoint", ENDPOINT)
    d.add(DATASET, VOID + "rootResource", ONTOLOGY)
    for namespace in vocabularies(store):
        d.add(
            DATASET,
            VOID + "vocabulary",
            namespace.rstrip("#") if namespace == PREFIXES["dip"] else namespace,
        )
    for example in examples(store):
        d.add(DATASET, VOID + "exampleResource", example)
    for license_ in licenses:
        d.add(DATASET, DCTERMS + "license", license_)
    for dump in files:
        dist = DESCRIPTION + "#" + dump.name.replace(".", "-")
        checksum = dist + "-checksum"
        d.add(DATASET, VOID + "dataDump", dump.iri)
        d.add(DATASET, DCAT + "distribution", dist)
        d.add(dist, rdf_type, DCAT + "Distribution")
        d.add(dist, DCTERMS + "title", _text(f"{dump.name} (gzipped {dump.media_type})"))
        d.add(dist, DCAT + "downloadURL", dump.iri)
        d.add(dist, DCAT + "mediaType", IANA + dump.media_type)
        d.add(dist, DCAT + "compressFormat", IANA + "application/gzip")
        d.add(dist, DCAT + "byteSize", _integer(len(dump.data)))
        d.add(dist, SPDX + "checksum", checksum)
        d.add(checksum, rdf_type, SPDX + "Checksum")
        d.add(checksum, SPDX + "algorithm", SPDX + "checksumAlgorithm_sha256")
        d.add(
            checksum,
            SPDX + "checksumValue",
            ox.Literal(dump.sha256, datatype=ox.NamedNode(XSD + "hexBinary")),
        )
        for license_ in licenses:
            d.add(dist, DCTERMS + "license", license_)
    for graph in sorted(g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode)):
        part = DESCRIPTION + "#graph-" + graph.rsplit("/", 1)[-1]
        d.add(DATASET, VOID + "subset", part)
        d.add(part, rdf_type, VOID + "Dataset")
        d.add(part, SD + "name", graph)
        size = sum(1 for _ in store.quads_for_pattern(None, None, None, ox.NamedNode(graph)))
        d.add(part, VOID + "triples", _integer(size))
    d.add(service, rdf_type, DCAT + "DataService")
    d.add(service, rdf_type, SD + "Service")
    d.add(service, DCTERMS + "title", _text("diplograph SPARQL endpoint"))
    d.add(service, DCAT + "endpointURL", ENDPOINT)
    d.add(service, DCAT + "endpointDescription", ENDPOINT)
    d.add(service, DCAT + "servesDataset", DATASET)
    d.add(service, SD + "endpoint", ENDPOINT)
    return d.sorted()


def service_description(store: ox.Store, endpoint: str) -> list[ox.Triple]:
    """The SPARQL 1.1 service description of the endpoint at ``endpoint``."""
    d = Description()
    rdf_type = PREFIXES["rdf"] + "type"
    service, dataset, default = (
        endpoint + "#service",
        endpoint + "#dataset",
        endpoint + "#default-graph",
    )
    d.add(service, rdf_type, SD + "Service")
    d.add(service, SD + "endpoint", endpoint)
    d.add(service, SD + "supportedLanguage", SD + "SPARQL11Query")
    d.add(service, SD + "feature", SD + "UnionDefaultGraph")
    for name in (*RESULT_FORMATS, *RDF_FORMATS):
        d.add(service, SD + "resultFormat", FORMATS_NS + name)
    d.add(service, SD + "defaultDataset", dataset)
    d.add(dataset, rdf_type, SD + "Dataset")
    d.add(dataset, SD + "defaultGraph", default)
    d.add(dataset, DCTERMS + "source", DATASET)
    d.add(default, rdf_type, SD + "Graph")
    d.add(default, VOID + "triples", _integer(triple_count(store)))
    for graph in sorted(g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode)):
        named = endpoint + "#graph-" + graph.rsplit("/", 1)[-1]
        d.add(dataset, SD + "namedGraph", named)
        d.add(named, rdf_type, SD + "NamedGraph")
        d.add(named, SD + "name", graph)
    return d.sorted()
