"""A Mermaid class diagram of the ontology, generated from it (``docs/diagram.md``).

>>> import rdflib
>>> g = rdflib.Graph().parse(data='''
... @prefix dip: <https://w3id.org/diplograph/ontology#> .
... @prefix owl: <http://www.w3.org/2002/07/owl#> .
... @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
... dip:Meeting a owl:Class ; rdfs:subClassOf dip:Interaction .
... dip:Interaction a owl:Class .
... dip:participant a owl:ObjectProperty ; rdfs:domain dip:Interaction ; rdfs:range dip:Actor .
... dip:date a owl:DatatypeProperty ; rdfs:domain dip:Interaction .
... ''', format="turtle")
>>> print(mermaid(g))
classDiagram
  class Interaction {
    date
  }
  Interaction <|-- Meeting
  Interaction --> Actor : participant
"""

from __future__ import annotations

import rdflib
from rdflib.namespace import OWL, RDF, RDFS

from diplograph.vocab import DIP, compact


def _name(term: rdflib.term.Node) -> str:
    text = str(term)
    return text[len(DIP) :] if text.startswith(DIP) else compact(text).replace(":", "_")


def mermaid(ontology: rdflib.Graph) -> str:
    """The ontology's classes, subclass links, and properties with their domain and range."""
    lines = ["classDiagram"]
    attributes: dict[str, list[str]] = {}
    for datatype_prop in ontology.subjects(RDF.type, OWL.DatatypeProperty):
        for domain in ontology.objects(datatype_prop, RDFS.domain):
            attributes.setdefault(_name(domain), []).append(_name(datatype_prop))
    for name, names in sorted(attributes.items()):
        lines.append(f"  class {name} {{")
        lines.extend(f"    {name}" for name in sorted(names))
        lines.append("  }")
    edges = set()
    for cls in ontology.subjects(RDF.type, OWL.Class):
        for parent in ontology.objects(cls, RDFS.subClassOf):
            if str(cls).startswith(DIP) and str(parent).startswith(DIP):
                edges.add(f"  {_name(parent)} <|-- {_name(cls)}")
    links = set()
    for prop in ontology.subjects(RDF.type, OWL.ObjectProperty):
        if not str(prop).startswith(DIP):
            continue
        for domain in ontology.objects(prop, RDFS.domain):
            for range_ in ontology.objects(prop, RDFS.range):
                links.add(f"  {_name(domain)} --> {_name(range_)} : {_name(prop)}")
    return "\n".join([*lines, *sorted(edges), *sorted(links)])


def document(ontology: rdflib.Graph) -> str:
    """The Markdown page that holds the diagram."""
    return (
        "# The diplograph ontology at a glance\n\n"
        "Generated from `ontology/diplograph.ttl` by `diplograph diagram`; do not edit by hand.\n"
        "Arrows with a name are object properties (domain → range); `<|--` is rdfs:subClassOf;\n"
        "names inside a class are its datatype properties. Properties without a declared domain\n"
        "(`dip:hasEvidence`, `dip:reportedIn`, `dip:topic`, `dip:dateResolution`) are described\n"
        "in [model.md](model.md).\n\n"
        f"```mermaid\n{mermaid(ontology)}\n```\n"
    )
