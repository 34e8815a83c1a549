"""The rows of a SPARQL SELECT over the union of a store's named graphs, as plain strings.

>>> store = ox.Store()
>>> store.add(ox.Quad(ox.NamedNode("urn:a"), ox.NamedNode("urn:p"), ox.Literal("x"),
...                   ox.NamedNode("urn:g")))
>>> list(rows(store, "SELECT ?s ?o ?none WHERE { ?s ?p ?o OPTIONAL { ?o ?q ?none } }"))
[{'s': 'urn:a', 'o': 'x', 'none': None}]
"""

from __future__ import annotations

from collections.abc import Iterator

import pyoxigraph as ox


def rows(store: ox.Store, query: str) -> Iterator[dict[str, str | None]]:
    """Each solution of ``query`` as a dict: variable name → the term's value (None if unbound)."""
    solutions = store.query(query, use_default_graph_as_union=True)
    assert isinstance(solutions, ox.QuerySolutions)
    names = [variable.value for variable in solutions.variables]
    for solution in solutions:
        yield {name: _value(solution[name]) for name in names}


def _value(term: object) -> str | None:
    return None if term is None else str(getattr(term, "value"))  # noqa: B009
