"""Checking that a store holds each graph's triples, not just as many triples as the dump.

A triple count hides a changed value. Stores keep some literals in a form of their own: Oxigraph
and Virtuoso give an ``xsd:nonNegativeInteger`` back as an ``xsd:integer``, an
``xsd:dateTimeStamp`` as an ``xsd:dateTime``, and any store may rename blank nodes. So both sides
are compared in a **normal form**: each triple as an in-memory Oxigraph store gives it back, as an
N-Triples line with every blank node written ``_:b``; a graph's **fingerprint** is the SHA-256 of
its sorted, distinct lines.

>>> xsd = "http://www.w3.org/2001/XMLSchema#"
>>> x = ox.NamedNode("urn:x")
>>> derived = ox.Triple(x, x, ox.Literal("7", datatype=ox.NamedNode(xsd + "nonNegativeInteger")))
>>> normal_lines([derived])
['<urn:x> <urn:x> "7"^^<http://www.w3.org/2001/XMLSchema#integer> .']
>>> fingerprint([derived]) == fingerprint([ox.Triple(x, x, ox.Literal(7))])
True
>>> first_difference([derived], [ox.Triple(x, x, ox.Literal(8))])
'missing <urn:x> <urn:x> "7"^^<http://www.w3.org/2001/XMLSchema#integer> .'
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence

import pyoxigraph as ox

from diplograph.errors import DiplographError
from diplograph.vocab import compact

LONGEST = 240  # characters of a triple quoted in a message


class VerificationFailed(DiplographError):
    """After a load, some named graph of the target does not hold the dump's triples."""


def _term(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple) -> str:
    return "_:b" if isinstance(term, ox.BlankNode) else str(term)


def _stored_literals(literals: set[ox.Literal]) -> dict[ox.Literal, str]:
    """Each literal as an Oxigraph store gives it back, written as N-Triples.

    Only literals change in a store (IRIs never do), so only the distinct ones take the trip.
    """
    ordered = sorted(literals, key=str)
    node = ox.NamedNode("urn:diplograph:normal")
    scratch = ox.Store()
    scratch.extend(
        ox.Quad(node, ox.NamedNode(f"urn:diplograph:{n}"), literal)
        for n, literal in enumerate(ordered)
    )
    prefix = len("urn:diplograph:")
    return {ordered[int(q.predicate.value[prefix:])]: str(q.object) for q in scratch}


def normal_lines(triples: Iterable[ox.Triple]) -> list[str]:
    """The triples in the normal form of a store: sorted, distinct N-Triples lines."""
    triples = list(triples)
    literals = _stored_literals({t.object for t in triples if isinstance(t.object, ox.Literal)})
    return sorted(
        {
            f"{_term(t.subject)} {t.predicate} "
            f"{literals[t.object] if isinstance(t.object, ox.Literal) else _term(t.object)} ."
            for t in triples
        }
    )


def _digest(lines: Sequence[str]) -> str:
    digest = hashlib.sha256()
    for line in lines:
        digest.update(line.encode("utf-8") + b"\n")
    return digest.hexdigest()


def fingerprint(triples: Iterable[ox.Triple]) -> str:
    """The SHA-256 (hex) of the triples' normal form: equal for the same content in any store."""
    return _digest(normal_lines(triples))


def _shorten(line: str) -> str:
    return line if len(line) <= LONGEST else line[: LONGEST - 1] + "…"


def _first(want: Sequence[str], have: Sequence[str]) -> str | None:
    wanted, had = set(want), set(have)
    differences = [(line, "missing") for line in wanted - had]
    differences += [(line, "unexpected") for line in had - wanted]
    if not differences:
        return None
    line, kind = min(differences)
    return f"{kind} {_shorten(line)}"


def first_difference(expected: Iterable[ox.Triple], found: Iterable[ox.Triple]) -> str | None:
    """The first triple (in normal-form order) that one side has and the other lacks, or None."""
    return _first(normal_lines(expected), normal_lines(found))


def check_contents(
    target: object,
    expected: Mapping[str, Sequence[ox.Triple]],
    found: Mapping[str, Sequence[ox.Triple]],
) -> dict[str, str]:
    """Each graph's fingerprint; raise :class:`VerificationFailed` naming each graph that differs.

    >>> x = ox.NamedNode("urn:x")
    >>> triple = ox.Triple(x, x, x)
    >>> check_contents("s", {"urn:g": [triple]}, {"urn:g": [triple]})["urn:g"][:12]
    'd97ab74121bf'
    >>> check_contents("s", {"urn:g": [triple]}, {"urn:h": [triple]})
    Traceback (most recent call last):
    ...
    diplograph.contents.VerificationFailed: graph contents differ in s: urn:g (dump 1 triples, ...
    """
    wrong, sums = [], {}
    for graph in sorted({*expected, *found}):
        want, have = expected.get(graph, []), found.get(graph, [])
        want_lines, have_lines = normal_lines(want), normal_lines(have)
        if want_lines != have_lines:
            counts = f"dump {len(want)} triples, found {len(have)}"
            difference = _first(want_lines, have_lines)
            wrong.append(f"{compact(graph)} ({counts}; first difference: {difference})")
        elif graph in expected:
            sums[graph] = _digest(want_lines)
    if wrong:
        raise VerificationFailed(f"graph contents differ in {target}: {'; '.join(wrong)}")
    return sums
