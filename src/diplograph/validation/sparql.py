"""SHACL-SPARQL constraints, each run once over the whole data graph instead of once per focus node.

pySHACL runs a constraint's SELECT once per focus node with ``$this`` pre-bound, which is where it
spends nine tenths of its time. Here each SELECT is rewritten once: a subquery that binds ``?this``
to every focus node of the shape's targets (each once) is put first in the query's top-level group,
and in every other group that mentions ``$this`` outside a ``FILTER [NOT] EXISTS`` (whose patterns
see the bindings of the group around them, as pre-binding would give them). A group that never
mentions ``$this`` evaluates the same for every focus node, so the rewritten query returns, for each
focus node, exactly the rows the pre-bound query returns for it. The rewritten query runs once in
Oxigraph; rows are de-duplicated per focus node the way pySHACL does.

A SELECT the rewrite does not cover — a subquery, ``GRAPH``, ``SERVICE``, ``VALUES``, ``MINUS``,
aggregates, ``LIMIT``/``OFFSET``, ``$currentShape``/``$shapesGraph`` — runs once per focus node,
pre-bound through Oxigraph's substitutions (still without rdflib). A constraint on a property
shape, or on a shape reached through another shape (``sh:node``, ``sh:or`` …) rather than its own
targets, is refused: use ``--engine pyshacl`` for such shapes.

>>> targets = Targets(subjects_of=("urn:p",))
>>> print(rewrite("SELECT $this ?value WHERE { $this <urn:p> ?value . }", targets).query)
... # doctest: +NORMALIZE_WHITESPACE
SELECT $this ?value WHERE { { SELECT DISTINCT ?this WHERE
  { { ?this <urn:p> ?dipTargetObject } } } $this <urn:p> ?value . }
>>> rewrite("SELECT $this WHERE { { SELECT $this WHERE { $this ?p ?o } } }", targets).whole
False
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

import pyoxigraph as ox

from diplograph.errors import DiplographError
from diplograph.validation.report import SH, VIOLATION, Result, generic_message
from diplograph.vocab import sparql_prefixes

Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple
Node = ox.NamedNode | ox.BlankNode
SPARQL_COMPONENT = f"{SH}SPARQLConstraintComponent"
RDFS_SUBCLASS = "http://www.w3.org/2000/01/rdf-schema#subClassOf"

TOKEN = re.compile(
    r"""
    (?P<comment>\#[^\n]*)
    | (?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'''(?:[^'\\]|\\.|'(?!''))*'''
                 |"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
    | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
    | (?P<var>[?$][A-Za-z0-9_]+)
    | (?P<word>[A-Za-z_][\w.-]*(?::[\w.%-]*)?|:[\w.%-]*)
    | (?P<open>\{)
    | (?P<close>\})
    | (?P<other>\S)
    """,
    re.VERBOSE,
)
# what the rewrite does not cover (a subquery is a second SELECT)
UNCOVERED = {
    *("GRAPH", "SERVICE", "VALUES", "MINUS", "LIMIT", "OFFSET", "GROUP", "HAVING"),
    *("COUNT", "SUM", "MIN", "MAX", "AVG", "SAMPLE", "GROUP_CONCAT"),
}
PREBOUND = {"currentshape", "shapesgraph"}


@dataclass(frozen=True)
class Targets:
    """A shape's target declarations."""

    classes: tuple[str, ...] = ()
    nodes: tuple[str, ...] = ()  # terms in N-Triples syntax
    subjects_of: tuple[str, ...] = ()
    objects_of: tuple[str, ...] = ()

    def pattern(self) -> str:
        """A group binding ``?this`` to each focus node once."""
        parts = [f"{{ ?this a/<{RDFS_SUBCLASS}>* <{c}> }}" for c in self.classes]
        parts += [f"{{ VALUES ?this {{ {node} }} }}" for node in self.nodes]
        parts += [f"{{ ?this <{p}> ?dipTargetObject }}" for p in self.subjects_of]
        parts += [f"{{ ?dipTargetSubject <{p}> ?this }}" for p in self.objects_of]
        union = " UNION ".join(parts) or "{ FILTER (false) }"
        return f"{{ SELECT DISTINCT ?this WHERE {{ {union} }} }}"


@dataclass(frozen=True)
class Rewritten:
    """A constraint's SELECT: rewritten for one run (``whole``), or the original to pre-bind."""

    query: str
    whole: bool
    projects_this: bool = True


def _tokens(text: str) -> Iterator[re.Match[str]]:
    return (m for m in TOKEN.finditer(text) if m.lastgroup != "comment")


def rewrite(select: str, targets: Targets) -> Rewritten:
    """``select`` rewritten to return the rows of every focus node of ``targets`` in one run
    (or, where the rewrite does not cover it, to run once per focus node), ``?this`` projected."""
    tokens = list(_tokens(select))
    first = next((i for i, m in enumerate(tokens) if m.lastgroup == "open"), None)
    if first is None:
        return Rewritten(select, whole=False)  # not a SELECT: Oxigraph says why
    projection = {m.group()[1:] for m in tokens[:first] if m.lastgroup == "var"}
    projects_this = "this" in projection or any(m.group() == "*" for m in tokens[:first])
    words = {m.group().upper() for m in tokens if m.lastgroup == "word"}
    variables = {m.group()[1:].lower() for m in tokens if m.lastgroup == "var"}
    selects = sum(1 for m in tokens if m.lastgroup == "word" and m.group().upper() == "SELECT")
    if words & UNCOVERED or variables & PREBOUND or selects != 1:
        return Rewritten(_projecting_this(select, tokens, projects_this), False, projects_this)
    insertions: set[int] = set()
    stack: list[tuple[int, bool, list[bool]]] = []  # (offset after "{", inside EXISTS, mentions)
    for i, m in enumerate(tokens[first:], start=first):
        if m.lastgroup == "open":
            after_exists = tokens[i - 1].group().upper() == "EXISTS"
            inside = after_exists or (bool(stack) and stack[-1][1])
            stack.append((m.end(), inside, [not stack]))  # the top-level group always gets it
        elif m.lastgroup == "close":
            start, inside, mentions = stack.pop()
            if mentions[0] and not inside:
                insertions.add(start)
            if not stack:
                break
        elif m.lastgroup == "var" and m.group()[1:] == "this":
            # the nearest group outside every EXISTS is where ?this must be bound
            frame = next(f for f in reversed(stack) if not f[1])
            frame[2][0] = True
    text = select
    for offset in sorted(insertions, reverse=True):  # all after the projection
        text = f"{text[:offset]} {targets.pattern()}{text[offset:]}"
    return Rewritten(_projecting_this(text, tokens, projects_this), True, projects_this)


@lru_cache(maxsize=256)
def _rewritten(select: str, targets: Targets) -> Rewritten:
    """:func:`rewrite`, once per constraint in a process (it tokenizes the query)."""
    return rewrite(select, targets)


def _projecting_this(text: str, tokens: list[re.Match[str]], projects_this: bool) -> str:
    """``text`` with ``?this`` added to its projection, unless there already."""
    if projects_this:
        return text
    at = next(i for i, m in enumerate(tokens) if m.group().upper() == "SELECT")
    if tokens[at + 1].group().upper() in {"DISTINCT", "REDUCED"}:
        at += 1
    return f"{text[: tokens[at].end()]} ?this{text[tokens[at].end() :]}"


def focus_query(targets: Targets) -> str:
    """A SELECT of the focus nodes of ``targets``, each once."""
    return f"SELECT ?this WHERE {{ {targets.pattern()} }}"


@dataclass(frozen=True)
class Constraint:
    """One ``sh:sparql`` constraint of a node shape, ready to run."""

    shape: str
    targets: Targets
    select: str  # with its PREFIX declarations
    messages: tuple[str, ...]
    severity: str

    def run(self, store: ox.Store) -> list[Result]:
        """The constraint's results over the union of the graphs in ``store``."""
        rewritten = _rewritten(self.select, self.targets)
        if rewritten.whole:
            rows = _rows(store, rewritten.query, None)
        else:
            focus_nodes = store.query(focus_query(self.targets), use_default_graph_as_union=True)
            assert isinstance(focus_nodes, ox.QuerySolutions)
            query = rewritten.query
            rows = [row for f in list(focus_nodes) for row in _rows(store, query, f["this"])]
        seen: set[tuple[tuple[str, str], ...]] = set()
        results = []
        for row in rows:
            this = row.get("this")
            if this is None:
                continue
            path = row.get("path")
            value = row.get("value")
            key = tuple(sorted((name, str(term)) for name, term in row.items()))
            if "failure" in row:
                key, path, value = (("failure", str(this)),), None, None
            elif path is None and value is None and not rewritten.projects_this:
                continue
            if key not in seen:
                seen.add(key)
                results.append(self._result(this, path, value or this))
        return results

    def _result(self, this: Term, path: Term | None, value: Term) -> Result:
        bound = {"this": this, "path": path, "value": value}
        messages = [_fill(m, bound) for m in self.messages]
        shown = term_text(value)
        return Result(
            focus=term_text(this),
            path=None if path is None else term_text(path),
            component=SPARQL_COMPONENT,
            shape=self.shape,
            message=min(messages) if messages else generic_message(SPARQL_COMPONENT, shown),
            severity=self.severity,
            value=shown,
        )


def _rows(store: ox.Store, select: str, this: Term | None) -> list[dict[str, Term]]:
    """The rows of ``select``, each a dict of its bound variables (``?this`` pre-bound if given)."""
    bound = {} if this is None else {ox.Variable("this"): this}
    solutions = store.query(select, substitutions=bound, use_default_graph_as_union=True)
    assert isinstance(solutions, ox.QuerySolutions)
    names = solutions.variables
    rows = []
    for solution in solutions:
        rows.append({v.value: solution[v] for v in names if solution[v] is not None})
    return rows


def _fill(message: str, bound: dict[str, Term | None]) -> str:
    """A message with ``{$this}``, ``{?path}``, ``{?value}`` replaced, as pySHACL does it."""
    for name, term in bound.items():
        if isinstance(term, ox.NamedNode | ox.Literal):
            message = message.replace(f"{{?{name}}}", term.value).replace(
                f"{{${name}}}", term.value
            )
    return message


def term_text(term: Term) -> str:
    """A term as a result shows it: an IRI bare, a literal in N-Triples syntax, a blank node []."""
    if isinstance(term, ox.NamedNode):
        return term.value
    if isinstance(term, ox.BlankNode):
        return "[]"
    return str(term)


SHAPES_QUERY = (
    sparql_prefixes("rdf", "sh")
    + """SELECT ?shape ?constraint ?select ?severity ?path ?used WHERE {
  ?shape sh:sparql ?constraint .
  ?constraint sh:select ?select .
  FILTER NOT EXISTS { ?constraint sh:deactivated true }
  FILTER NOT EXISTS { ?shape sh:deactivated true }
  OPTIONAL { ?shape sh:severity ?severity }
  OPTIONAL { ?shape sh:path ?path }
  OPTIONAL { ?user sh:node|sh:not|sh:qualifiedValueShape|(sh:or|sh:and|sh:xone)/rdf:rest*/rdf:first
                   ?shape BIND (true AS ?used) }
}
"""
)


def constraints(shapes: ox.Store) -> list[Constraint]:
    """Every active ``sh:sparql`` constraint of the shapes in ``shapes``' default graph."""
    solutions = shapes.query(SHAPES_QUERY)
    assert isinstance(solutions, ox.QuerySolutions)
    found = []
    for row in solutions:
        shape, constraint = row["shape"], row["constraint"]
        if (
            row["path"] is not None
            or row["used"] is not None
            or not isinstance(shape, ox.NamedNode)
        ):
            raise DiplographError(
                f"shape {shape}: the fast engine runs sh:sparql constraints on node shapes with "
                "targets of their own only; validate with --engine pyshacl"
            )
        assert isinstance(constraint, ox.NamedNode | ox.BlankNode)
        severity = row["severity"]
        found.append(
            Constraint(
                shape=shape.value,
                targets=targets_of(shapes, shape),
                select=_prefixes(shapes, constraint) + row["select"].value,
                messages=tuple(
                    _objects(shapes, shape, "message") + _objects(shapes, constraint, "message")
                ),
                severity=VIOLATION if severity is None else severity.value,
            )
        )
    return sorted(found, key=lambda c: (c.shape, c.select))


def _objects(store: ox.Store, subject: Node, local: str) -> list[str]:
    """The values (IRIs, lexical forms) of ``subject``'s ``sh:<local>`` objects, sorted."""
    return _values(store, subject, f"{SH}{local}")


def _values(store: ox.Store, subject: Node, predicate: str) -> list[str]:
    objects = {q.object for q in store.quads_for_pattern(subject, ox.NamedNode(predicate), None)}
    return sorted(o.value for o in objects if isinstance(o, ox.NamedNode | ox.Literal))


def _prefixes(shapes: ox.Store, constraint: Node) -> str:
    solutions = shapes.query(
        sparql_prefixes("sh") + "SELECT DISTINCT $c ?prefix ?namespace WHERE { "
        "$c sh:prefixes/sh:declare ?d . ?d sh:prefix ?prefix ; sh:namespace ?namespace }",
        substitutions={ox.Variable("c"): constraint},
    )
    assert isinstance(solutions, ox.QuerySolutions)
    declared = sorted((r["prefix"].value, r["namespace"].value) for r in solutions)
    return "".join(f"PREFIX {prefix}: <{namespace}>\n" for prefix, namespace in declared)


def targets_of(shapes: ox.Store, shape: Node) -> Targets:
    """The target declarations of ``shape``, implicit class targets included."""

    def objects(local: str) -> tuple[str, ...]:
        return tuple(_objects(shapes, shape, local))

    types = set(_values(shapes, shape, RDF_TYPE))
    implicit = (shape.value,) if types & CLASSES and isinstance(shape, ox.NamedNode) else ()
    nodes = {
        q.object for q in shapes.quads_for_pattern(shape, ox.NamedNode(f"{SH}targetNode"), None)
    }
    return Targets(
        classes=tuple(sorted({*objects("targetClass"), *implicit})),
        nodes=tuple(sorted(str(node) for node in nodes)),
        subjects_of=objects("targetSubjectsOf"),
        objects_of=objects("targetObjectsOf"),
    )


RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
CLASSES = {"http://www.w3.org/2000/01/rdf-schema#Class", "http://www.w3.org/2002/07/owl#Class"}
