"""canonical_nquads writes all quads with one call into Oxigraph's serialiser and sorts the lines as
bytes (issue 10): the bytes must be those of each quad's own N-Quads line, sorted as text, without
duplicates, for any literal text (escapes, control characters, line and paragraph separators,
characters beyond the Basic Multilingual Plane), language tag, datatype, blank node and the
default graph."""

from __future__ import annotations

import pyoxigraph as ox
from hypothesis import given, settings
from hypothesis import strategies as st

from diplograph.rdfio import canonical_nquads

XSD = "http://www.w3.org/2001/XMLSchema#"
IRIS = st.sampled_from(
    ["urn:a", "urn:b", "https://w3id.org/diplograph/id/x/char/1-2", "urn:\u00e9"]
)
LITERALS = st.one_of(
    st.builds(ox.Literal, st.text()),
    st.builds(
        lambda t, tag: ox.Literal(t, language=tag), st.text(), st.sampled_from(["en", "fr-CA"])
    ),
    st.builds(lambda n: ox.Literal(str(n), datatype=ox.NamedNode(XSD + "integer")), st.integers()),
)
SUBJECTS = st.one_of(IRIS.map(ox.NamedNode), st.sampled_from(["b0", "b1"]).map(ox.BlankNode))
GRAPHS = st.one_of(IRIS.map(ox.NamedNode), st.just(ox.DefaultGraph()))
QUADS = st.builds(ox.Quad, SUBJECTS, IRIS.map(ox.NamedNode), st.one_of(LITERALS, SUBJECTS), GRAPHS)


def _one_by_one(quads: list[ox.Quad]) -> bytes:
    """The definition: each quad's N-Quads line, the set of them sorted as text."""
    return "".join(sorted({f"{quad} .\n" for quad in quads})).encode("utf-8")


@settings(max_examples=150, deadline=None)
@given(st.lists(QUADS, max_size=12))
def test_canonical_nquads_are_the_sorted_set_of_each_quads_own_line(quads: list[ox.Quad]) -> None:
    assert canonical_nquads(quads) == _one_by_one(quads)


def test_canonical_nquads_of_a_line_break_and_a_duplicate() -> None:
    s, g = ox.NamedNode("urn:s"), ox.NamedNode("urn:g")
    text = ox.Quad(s, s, ox.Literal('a\r\nb "c"\u2028\U0001f600'), g)
    assert canonical_nquads([text, ox.Quad(s, s, s), text]) == (
        b'<urn:s> <urn:s> "a\\r\\nb \\"c\\"\xe2\x80\xa8\xf0\x9f\x98\x80" <urn:g> .\n'
        b"<urn:s> <urn:s> <urn:s> .\n"
    )
    assert canonical_nquads([]) == b""
