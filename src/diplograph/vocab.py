"""Namespaces of the diplograph dataset and the vocabularies it reuses.

>>> DIP + "Meeting"
'https://w3id.org/diplograph/ontology#Meeting'
>>> graph_iri("actors")
'https://w3id.org/diplograph/graph/actors'
"""

BASE = "https://w3id.org/diplograph/"
DIP = BASE + "ontology#"
ID = BASE + "id/"
CODE = BASE + "code/"
GRAPH = BASE + "graph/"

PREFIXES: dict[str, str] = {
    "dip": DIP,
    "id": ID,
    "code": CODE,
    "graph": GRAPH,
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "schema": "https://schema.org/",
    "org": "http://www.w3.org/ns/org#",
    "prov": "http://www.w3.org/ns/prov#",
    "oa": "http://www.w3.org/ns/oa#",
    "itsrdf": "http://www.w3.org/2005/11/its/rdf#",
    "time": "http://www.w3.org/2006/time#",
    "sem": "http://semanticweb.cs.vu.nl/2009/11/sem/",
    "dcterms": "http://purl.org/dc/terms/",
    "vann": "http://purl.org/vocab/vann/",
    "sh": "http://www.w3.org/ns/shacl#",
    "wd": "http://www.wikidata.org/entity/",
}


# The kinds of statement: the subclasses of dip:Statement (ontology/diplograph.ttl).
STATEMENT_KINDS = (
    "Assertion",
    "Demand",
    "Warning",
    "Commitment",
    "Proposal",
    "Criticism",
    "AgreementStatement",
    "Rejection",
)


def sparql_prefixes(*names: str) -> str:
    """The SPARQL ``PREFIX`` declarations of the named prefixes of :data:`PREFIXES`, one a line.

    >>> print(sparql_prefixes("dip", "schema"), end="")
    PREFIX dip: <https://w3id.org/diplograph/ontology#>
    PREFIX schema: <https://schema.org/>
    """
    return "".join(f"PREFIX {name}: <{PREFIXES[name]}>\n" for name in names)


def graph_iri(name: str) -> str:
    """The IRI of the named graph that holds the source file with this stem."""
    return GRAPH + name


def compact(iri: str) -> str:
    """Shorten an IRI with the first matching prefix, for display.

    >>> compact("https://w3id.org/diplograph/id/wang-yi")
    'id:wang-yi'
    >>> compact("http://example.org/x")
    'http://example.org/x'
    """
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace):
            return f"{prefix}:{iri[len(namespace) :]}"
    return iri
