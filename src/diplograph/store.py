"""Loading the built dump into a persistent, embedded Oxigraph store, one named graph at a time.

Each named graph of the dump replaces the graph of the same name in the store as a whole, so a
reload leaves exactly the dump's triples: nothing doubled, nothing left of an article's old
version, and no graph that the dump no longer has. :func:`read_back` gives the store's graphs back
for :func:`diplograph.contents.check_contents`, which compares them with the dump triple by triple.

>>> from pathlib import Path
>>> import tempfile
>>> folder = Path(tempfile.mkdtemp())
>>> quads = '<urn:a> <urn:b> "c"@en <urn:g> .\\n<urn:a> <urn:b> <urn:d> <urn:g> .\\n'
>>> _ = (folder / "d.nq").write_text(quads)
>>> graphs = read_graphs(folder / "d.nq")
>>> {name: len(triples) for name, triples in graphs.items()}
{'urn:g': 2}
>>> store = open_store(folder / "store")
>>> load(store, graphs).replaced, load(store, graphs).unchanged
(['urn:g'], ['urn:g'])
>>> counts(store)
{'urn:g': 2}
>>> {name: len(triples) for name, triples in read_back(store).items()}
{'urn:g': 2}
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from diplograph.errors import DiplographError
from diplograph.rdfio import read_quads

Graphs = dict[str, list[ox.Triple]]
Progress = Callable[[str, int], None]  # (graph, triples just loaded)

COUNTS = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"


@dataclass
class LoadReport:
    """What a load did to each named graph of the target."""

    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


def read_graphs(dump: Path) -> Graphs:
    """The dump's triples by named graph, graphs in name order."""
    graphs: Graphs = {}
    for quad in read_quads(dump):
        if not isinstance(quad.graph_name, ox.NamedNode):
            raise DiplographError(f"{dump}: a triple outside any named graph: {quad}")
        graphs.setdefault(quad.graph_name.value, []).append(
            ox.Triple(quad.subject, quad.predicate, quad.object)
        )
    return dict(sorted(graphs.items()))


def open_store(path: Path, read_only: bool = False) -> ox.Store:
    """The persistent store in folder ``path`` (created when missing, unless ``read_only``)."""
    if read_only and not (path / "CURRENT").is_file():
        raise DiplographError(f"{path}: no store here; run `diplograph load --store {path}` first")
    try:
        return ox.Store.read_only(str(path)) if read_only else ox.Store(str(path))
    except OSError as error:
        raise DiplographError(f"{path}: cannot open the store: {error}") from None


def counts(store: ox.Store) -> dict[str, int]:
    """The number of triples in each named graph of the store."""
    solutions = store.query(COUNTS)
    assert isinstance(solutions, ox.QuerySolutions)
    found = {}
    for row in solutions:
        graph, number = row["g"], row["n"]
        assert isinstance(graph, ox.NamedNode) and isinstance(number, ox.Literal)
        found[graph.value] = int(number.value)
    return dict(sorted(found.items()))


def read_back(store: ox.Store) -> Graphs:
    """Every named graph of the store with its triples, graphs in name order."""
    graphs: Graphs = {}
    for quad in store.quads_for_pattern(None, None, None):
        if isinstance(quad.graph_name, ox.NamedNode):
            graphs.setdefault(quad.graph_name.value, []).append(quad.triple)
    return dict(sorted(graphs.items()))


def stored_form(quads: list[ox.Quad]) -> set[ox.Quad]:
    """The quads as a store gives them back (Oxigraph keeps xsd:nonNegativeInteger as xsd:integer).

    >>> xsd = "http://www.w3.org/2001/XMLSchema#"
    >>> one = ox.Literal("1", datatype=ox.NamedNode(xsd + "nonNegativeInteger"))
    >>> x = ox.NamedNode("urn:x")
    >>> [quad.object.datatype.value for quad in stored_form([ox.Quad(x, x, one)])]
    ['http://www.w3.org/2001/XMLSchema#integer']
    """
    scratch = ox.Store()
    scratch.extend(quads)
    return set(scratch)


def load(store: ox.Store, graphs: Graphs, progress: Progress | None = None) -> LoadReport:
    """Make the store's named graphs exactly ``graphs``: replace changed ones, drop absent ones.

    A changed graph is dropped, then refilled in one transaction: an interrupted load leaves each
    graph old, new or empty, never half-filled, and rerunning it (which compares each graph's
    triples with the dump's) completes the load.
    """
    report = LoadReport()
    for name in sorted({g.value for g in store.named_graphs()} - set(graphs)):
        store.remove_graph(ox.NamedNode(name))
        report.removed.append(name)
    for name, triples in graphs.items():
        graph = ox.NamedNode(name)
        quads = [ox.Quad(t.subject, t.predicate, t.object, graph) for t in triples]
        if set(store.quads_for_pattern(None, None, None, graph)) == stored_form(quads):
            report.unchanged.append(name)
        else:
            store.update(f"DROP SILENT GRAPH <{name}>")
            store.extend(quads)
            report.replaced.append(name)
        if progress is not None:
            progress(name, len(triples))
    store.flush()
    return report
