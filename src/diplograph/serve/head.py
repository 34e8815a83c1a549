"""What a SPARQL request's head says, read in one linear pass: its form and its dataset clause.

The head is the prologue (``BASE``, ``PREFIX``), the query form and everything up to the
``WHERE`` clause, where the dataset clause (``FROM``, ``FROM NAMED``) lives. Nothing here decides
whether a query may reach the network: the query workers cannot open a socket at all
(:mod:`diplograph.serve.sandbox`). The head only tells whether the request is an update (refused),
empty, and which graphs its dataset clause names (so the union default graph is used only when
it names none, and a graph that is not in the store is refused).

Tokens follow the SPARQL 1.1 grammar's terminals (strings in all four quotings, IRIs, prefixed
names with ``\\``-escaped local names, comments), so a ``FROM`` or ``{`` inside a string, an IRI or
a comment is not read as one:

>>> text = 'PREFIX g: <urn:g:> SELECT ("{" AS ?x) # FROM <urn:no>\\n FROM g:a\\\\#b'
>>> head = analyse(text + " FROM NAMED <urn:n> {}")
>>> head.form, head.default_graphs, head.named_graphs
('SELECT', ('urn:g:a#b',), ('urn:n',))
>>> analyse("CONSTRUCT { ?s ?p ?o } FROM <urn:a> WHERE { ?s ?p ?o }").default_graphs
('urn:a',)
>>> analyse("prefix : <urn:> insert data { :a :b :c }").update
True
>>> analyse("  # nothing but a comment\\n").form
''
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urljoin

QUERY_FORMS = frozenset({"SELECT", "CONSTRUCT", "DESCRIBE", "ASK"})
UPDATE_FORMS = frozenset(
    {"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"}
)
# One alternative per terminal; each is linear (no nested quantifier can backtrack).
_TOKEN = re.compile(
    r"""(?P<skip>[ \t\r\n]+|\#[^\r\n]*)
    |(?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
    |(?P<string>'''(?:(?:'|'')?(?:[^'\\]|\\.))*'''|\"\"\"(?:(?:"|"")?(?:[^"\\]|\\.))*\"\"\"
       |'(?:[^'\\\n\r]|\\.)*'|"(?:[^"\\\n\r]|\\.)*")
    |(?P<var>[?$]\w+)
    |(?P<pname>(?:[^\W\d_][\w.-]*)?:(?:[\w:%.-]|\\[_~.!$&'()*+,;=/?\#@%-])*)
    |(?P<word>[^\W\d][\w-]*)
    |(?P<other>.)""",
    re.VERBOSE | re.DOTALL,
)
_ESCAPE = re.compile(r"\\(.)")


@dataclass(frozen=True)
class Head:
    """The form of a request (``SELECT``, …, ``''`` when empty) and its dataset clause."""

    form: str
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()

    @property
    def update(self) -> bool:
        """Whether the request is a SPARQL update."""
        return self.form in UPDATE_FORMS

    @property
    def dataset(self) -> bool:
        """Whether the query has a dataset clause (``FROM`` or ``FROM NAMED``)."""
        return bool(self.default_graphs or self.named_graphs)


def _tokens(text: str) -> Iterator[tuple[str, str]]:
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup
        assert kind is not None
        if kind != "skip":
            yield kind, match.group()


def analyse(text: str) -> Head:
    """Read the head of ``text``; stop at the ``WHERE`` clause (linear in the head's length)."""
    tokens = _tokens(text)
    base = ""
    prefixes: dict[str, str] = {}

    def iri(kind: str, value: str) -> str:
        if kind == "iri":
            return urljoin(base, value[1:-1]) if base else value[1:-1]
        if kind == "pname":
            prefix, _, local = value.partition(":")
            return prefixes.get(prefix, prefix + ":") + _ESCAPE.sub(r"\1", local)
        return value

    form = ""
    for kind, value in tokens:
        keyword = value.upper() if kind == "word" else ""
        if keyword == "BASE":
            base = iri(*next(tokens, ("", "")))
        elif keyword == "PREFIX":
            name = next(tokens, ("", ""))[1].rstrip(":")
            prefixes[name] = iri(*next(tokens, ("", "")))
        else:
            form = keyword or value
            break
    if form not in QUERY_FORMS:
        return Head(form)
    default: list[str] = []
    named: list[str] = []
    depth = 0  # parentheses (a SELECT expression may hold braces: EXISTS { … })
    template = form == "CONSTRUCT"
    for kind, value in tokens:
        keyword = value.upper() if kind == "word" else ""
        if value == "(":
            depth += 1
        elif value == ")":
            depth -= 1
        elif depth > 0:
            continue
        elif value == "{" and template:
            _skip_braces(tokens)
        elif value == "{" or keyword == "WHERE":
            break
        elif keyword == "FROM":
            kind, value = next(tokens, ("", ""))
            if kind == "word" and value.upper() == "NAMED":
                named.append(iri(*next(tokens, ("", ""))))
            else:
                default.append(iri(kind, value))
        template = False
    return Head(form, tuple(default), tuple(named))


MAX_NESTING = 1000  # brackets deep; real queries nest a few dozen, Oxigraph recurses per level
_DEPTH = {"{": 1, "(": 1, "[": 1, "}": -1, ")": -1, "]": -1}


def nesting(text: str) -> int:
    """How deep brackets (``{``, ``(``, ``[``) nest in ``text``, outside strings, IRIs and
    comments, in one linear pass: the parser recurses once per level, so a query nested deeper
    than :data:`MAX_NESTING` is refused before it is parsed.

    >>> nesting('SELECT * { ?s ?p "{{{" . FILTER ((1 < 2)) } # (((')
    3
    """
    depth = deepest = 0
    for _, value in _tokens(text):
        depth += _DEPTH.get(value, 0)
        deepest = max(deepest, depth)
    return deepest


def _skip_braces(tokens: Iterator[tuple[str, str]]) -> None:
    """Consume tokens up to the ``}`` closing an opened ``{``."""
    depth = 1
    for _, value in tokens:
        depth += {"{": 1, "}": -1}.get(value, 0)
        if depth == 0:
            return
