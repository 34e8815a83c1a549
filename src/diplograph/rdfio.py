"""Reading RDF files into quads with one-line errors, and writing canonical output.

A Turtle or N-Triples file holds one named graph, named after the file's stem:

>>> from pathlib import Path
>>> import tempfile
>>> folder = Path(tempfile.mkdtemp())
>>> _ = (folder / "actors.ttl").write_text('<urn:x> <urn:label> "X"@en .')
>>> [str(q) for q in read_quads(folder / "actors.ttl")]
['<urn:x> <urn:label> "X"@en <https://w3id.org/diplograph/graph/actors>']
>>> _ = (folder / "bad.ttl").write_text('<http://a> <http://b> "open .')
>>> read_quads(folder / "bad.ttl")
Traceback (most recent call last):
...
diplograph.errors.DiplographError: ...bad.ttl:1:23: Parser error ...
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox
import rdflib

from diplograph.errors import DiplographError
from diplograph.vocab import PREFIXES, compact, graph_iri

PLAIN = {PREFIXES["xsd"] + "string", PREFIXES["rdf"] + "langString"}


class _IllTypedIsNoTraceback(logging.Filter):
    """rdflib logs a traceback for each ill-typed literal it meets; a shape or
    :func:`check_literals` reports it instead, in one line."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("Failed to convert Literal lexical form")


logging.getLogger("rdflib.term").addFilter(_IllTypedIsNoTraceback())

TRIPLE_FORMATS = {".ttl": ox.RdfFormat.TURTLE, ".nt": ox.RdfFormat.N_TRIPLES}
QUAD_FORMATS = {".nq": ox.RdfFormat.N_QUADS, ".trig": ox.RdfFormat.TRIG}


def read_quads(path: Path) -> list[ox.Quad]:
    """Parse one RDF file; triples go into the graph named after the file's stem."""
    suffix = path.suffix.lower()
    if suffix not in TRIPLE_FORMATS and suffix not in QUAD_FORMATS:
        known = ", ".join(sorted({*TRIPLE_FORMATS, *QUAD_FORMATS}))
        raise DiplographError(f"{path}: unknown RDF format {suffix!r} (known: {known})")
    try:
        data = path.read_bytes()
    except OSError as error:
        raise DiplographError(f"{path}: cannot read: {error.strerror}") from None
    try:
        if suffix in QUAD_FORMATS:
            return list(ox.parse(data, QUAD_FORMATS[suffix], rename_blank_nodes=True))
        graph = ox.NamedNode(graph_iri(path.stem))
        return [
            ox.Quad(q.subject, q.predicate, q.object, graph)
            for q in ox.parse(data, TRIPLE_FORMATS[suffix], rename_blank_nodes=True)
        ]
    except SyntaxError as error:
        raise DiplographError(f"{path}:{error.lineno}:{error.offset}: {error.msg}") from None


def check_literals(path: Path, quads: list[ox.Quad]) -> list[ox.Quad]:
    """The quads, or an error naming the first ill-typed literal and the line it is on.

    >>> import tempfile
    >>> bad = Path(tempfile.mkdtemp()) / "bad.ttl"
    >>> xsd = "http://www.w3.org/2001/XMLSchema#"
    >>> _ = bad.write_text(f'<urn:x> <urn:n> 1 .\\n<urn:x> <urn:n> "one"^^<{xsd}integer> .')
    >>> check_literals(bad, read_quads(bad))
    Traceback (most recent call last):
    ...
    diplograph.errors.DiplographError: ...bad.ttl:2: ill-typed literal "one"^^xsd:integer ...
    """
    for quad in quads:
        value = quad.object
        if not isinstance(value, ox.Literal) or value.datatype.value in PLAIN:
            continue
        twin = rdflib.Literal(value.value, datatype=value.datatype.value, normalize=False)
        if not twin.ill_typed:
            continue
        quoted = f'"{value.value}"'.encode()
        lines = path.read_bytes().split(b"\n")
        line = next((n for n, text in enumerate(lines, start=1) if quoted in text), None)
        where = f"{path}:{line}" if line else str(path)
        literal = f'"{value.value}"^^{compact(value.datatype.value)}'
        raise DiplographError(
            f"{where}: ill-typed literal {literal} (object of {quad.subject} {quad.predicate})"
        )
    return quads


def load_store(paths: Iterable[Path]) -> ox.Store:
    """An in-memory Oxigraph store holding every quad of the given files."""
    store = ox.Store()
    for path in paths:
        store.extend(read_quads(path))
    return store


def canonical_nquads(quads: Iterable[ox.Quad]) -> bytes:
    """Sorted, duplicate-free N-Quads: the same quads give the same bytes.

    Oxigraph writes the lines (one call), Python sorts them as bytes: UTF-8 keeps the order of
    code points, so the lines come in the order of their text.

    >>> g, s, p = (ox.NamedNode(f"urn:{n}") for n in "gsp")
    >>> quads = [ox.Quad(s, p, ox.Literal("é"), g), ox.Quad(s, p, ox.Literal("z"), g)]
    >>> print(canonical_nquads([*quads, quads[0]]).decode(), end="")
    <urn:s> <urn:p> "z" <urn:g> .
    <urn:s> <urn:p> "é" <urn:g> .
    """
    written = ox.serialize(quads, format=ox.RdfFormat.N_QUADS)
    assert written is not None  # given no output, serialize returns the bytes
    return b"".join(sorted(set(written.splitlines(keepends=True))))


def to_rdflib(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple) -> rdflib.term.Node:
    """The rdflib twin of an Oxigraph term."""
    if isinstance(term, ox.NamedNode):
        return rdflib.URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return rdflib.BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return rdflib.Literal(term.value, lang=term.language)
        datatype = rdflib.URIRef(term.datatype.value)
        return rdflib.Literal(term.value, datatype=datatype, normalize=False)
    raise DiplographError(f"RDF-star triple terms are not supported: {term}")


def rdflib_graph(quads: Iterable[ox.Quad]) -> rdflib.Graph:
    """All the quads' triples in one rdflib graph, with the project's prefixes bound."""
    graph = rdflib.Graph(bind_namespaces="none")
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    for quad in quads:
        graph.add((to_rdflib(quad.subject), to_rdflib(quad.predicate), to_rdflib(quad.object)))
    return graph


def canonical_turtle(quads: Iterable[ox.Quad]) -> bytes:
    """Turtle with subjects and predicates sorted (rdflib's ``longturtle``)."""
    return rdflib_graph(quads).serialize(format="longturtle", encoding="utf-8")
