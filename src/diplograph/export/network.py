"""The network of who met whom: actors as nodes, shared interactions as weighted edges.

Nodes and edges are the rows of ``queries/export/network-nodes.rq`` and ``network-edges.rq``;
:func:`graphml` and :func:`gexf` write them for Gephi, networkx, igraph or Cytoscape. Node ids are
the actors' IRIs; empty values are left out (GraphML ``data``, GEXF ``attvalue``).

>>> node = Node("https://w3id.org/diplograph/id/wang-yi", "Wang Yi", "Person",
...             "https://w3id.org/diplograph/id/china", "People's Republic of China", 1)
>>> other = Node("https://w3id.org/diplograph/id/antony-blinken", "Antony Blinken", "Person",
...              "https://w3id.org/diplograph/id/united-states", "United States", 1)
>>> edge = Edge(other.actor, node.actor, 1, datetime.date(2023, 6, 19), datetime.date(2023, 6, 19),
...             ("https://w3id.org/diplograph/id/x/meeting",))
>>> lines = graphml([other, node], [edge]).decode().splitlines()
>>> print(*lines[-8:-1], sep=chr(10))
    <edge id="e0" source="https://w3id.org/diplograph/id/antony-blinken" target="https://w3id.org/diplograph/id/wang-yi">
      <data key="edge-weight">1</data>
      <data key="edge-firstDate">2023-06-19</data>
      <data key="edge-lastDate">2023-06-19</data>
      <data key="edge-interactions">https://w3id.org/diplograph/id/x/meeting</data>
    </edge>
  </graph>
"""

from __future__ import annotations

import datetime
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from diplograph.export.tables import Row, Value

GRAPHML = "http://graphml.graphdrawing.org/xmlns"
GEXF = "http://www.gexf.net/1.2draft"
XSI = "http://www.w3.org/2001/XMLSchema-instance"


@dataclass(frozen=True)
class Node:
    """An actor that takes part in at least one interaction."""

    actor: str
    label: str | None
    type: str | None
    state: str | None
    stateLabel: str | None
    interactions: int


@dataclass(frozen=True)
class Edge:
    """Two actors who took part in ``weight`` interactions together (source's IRI sorts first)."""

    source: str
    target: str
    weight: int
    firstDate: datetime.date | None
    lastDate: datetime.date | None
    interactions: tuple[str, ...]


def nodes(rows: Iterable[Row]) -> list[Node]:
    """The nodes from the rows of ``network-nodes.rq``."""
    found = []
    for actor, label, kind, state, state_label, interactions in rows:
        assert isinstance(actor, str) and isinstance(interactions, int)
        found.append(
            Node(actor, _str(label), _str(kind), _str(state), _str(state_label), interactions)
        )
    return found


def edges(rows: Iterable[Row]) -> Iterator[Edge]:
    """The edges from the rows of ``network-edges.rq``, one at a time."""
    for source, target, weight, first, last, interactions in rows:
        assert isinstance(source, str) and isinstance(target, str) and isinstance(weight, int)
        assert isinstance(interactions, str)
        yield Edge(source, target, weight, _day(first), _day(last), tuple(interactions.split()))


def _str(value: Value) -> str | None:
    return value if isinstance(value, str) else None


def _day(value: Value) -> datetime.date | None:
    return value if isinstance(value, datetime.date) else None


NODE_ATTRIBUTES = ("label", "type", "state", "stateLabel", "interactions")
EDGE_ATTRIBUTES = ("weight", "firstDate", "lastDate", "interactions")
INTEGERS = {("node", "interactions"), ("edge", "weight")}


def _text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, tuple):
        return " ".join(value)
    return str(value)


def _xml(root: ET.Element) -> bytes:
    ET.indent(root)
    text: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return text + b"\n"


def graphml(graph_nodes: Sequence[Node], graph_edges: Sequence[Edge]) -> bytes:
    """The network as GraphML, undirected; edge ids ``e0``, ``e1``… in the order given."""
    ET.register_namespace("", GRAPHML)
    ET.register_namespace("xsi", XSI)
    root = ET.Element(
        f"{{{GRAPHML}}}graphml",
        {f"{{{XSI}}}schemaLocation": f"{GRAPHML} {GRAPHML}/1.0/graphml.xsd"},
    )
    for scope, names in (("node", NODE_ATTRIBUTES), ("edge", EDGE_ATTRIBUTES)):
        for name in names:
            ET.SubElement(
                root,
                f"{{{GRAPHML}}}key",
                {
                    "id": f"{scope}-{name}",
                    "for": scope,
                    "attr.name": name,
                    "attr.type": "int" if (scope, name) in INTEGERS else "string",
                },
            )
    graph = ET.SubElement(
        root, f"{{{GRAPHML}}}graph", {"id": "diplograph", "edgedefault": "undirected"}
    )
    for node in graph_nodes:
        element = ET.SubElement(graph, f"{{{GRAPHML}}}node", {"id": node.actor})
        _graphml_data(element, "node", {name: getattr(node, name) for name in NODE_ATTRIBUTES})
    for number, edge in enumerate(graph_edges):
        element = ET.SubElement(
            graph,
            f"{{{GRAPHML}}}edge",
            {"id": f"e{number}", "source": edge.source, "target": edge.target},
        )
        _graphml_data(element, "edge", {name: getattr(edge, name) for name in EDGE_ATTRIBUTES})
    return _xml(root)


def _graphml_data(element: ET.Element, scope: str, values: dict[str, object]) -> None:
    for name, value in values.items():
        text = _text(value)
        if text is not None:
            ET.SubElement(element, f"{{{GRAPHML}}}data", {"key": f"{scope}-{name}"}).text = text


def gexf(graph_nodes: Sequence[Node], graph_edges: Sequence[Edge]) -> bytes:
    """The network as GEXF 1.2, undirected and static; the weight is the edge's own attribute."""
    ET.register_namespace("", GEXF)
    root = ET.Element(f"{{{GEXF}}}gexf", {"version": "1.2"})
    meta = ET.SubElement(root, f"{{{GEXF}}}meta")
    ET.SubElement(meta, f"{{{GEXF}}}creator").text = "diplograph"
    ET.SubElement(meta, f"{{{GEXF}}}description").text = "who met whom: actors and interactions"
    graph = ET.SubElement(
        root, f"{{{GEXF}}}graph", {"defaultedgetype": "undirected", "mode": "static"}
    )
    node_attributes = NODE_ATTRIBUTES[1:]  # the label is the node's own
    edge_attributes = EDGE_ATTRIBUTES[1:]  # and the weight the edge's
    for scope, names in (("node", node_attributes), ("edge", edge_attributes)):
        declared = ET.SubElement(graph, f"{{{GEXF}}}attributes", {"class": scope})
        for name in names:
            kind = "integer" if (scope, name) in INTEGERS else "string"
            ET.SubElement(
                declared,
                f"{{{GEXF}}}attribute",
                {"id": f"{scope}-{name}", "title": name, "type": kind},
            )
    listed = ET.SubElement(graph, f"{{{GEXF}}}nodes")
    for node in graph_nodes:
        element = ET.SubElement(
            listed, f"{{{GEXF}}}node", {"id": node.actor, "label": node.label or node.actor}
        )
        _gexf_values(element, "node", {name: getattr(node, name) for name in node_attributes})
    listed = ET.SubElement(graph, f"{{{GEXF}}}edges")
    for number, edge in enumerate(graph_edges):
        element = ET.SubElement(
            listed,
            f"{{{GEXF}}}edge",
            {
                "id": f"e{number}",
                "source": edge.source,
                "target": edge.target,
                "weight": str(edge.weight),
            },
        )
        _gexf_values(element, "edge", {name: getattr(edge, name) for name in edge_attributes})
    return _xml(root)


def _gexf_values(element: ET.Element, scope: str, values: dict[str, object]) -> None:
    present = {name: text for name, value in values.items() if (text := _text(value)) is not None}
    if present:
        attvalues = ET.SubElement(element, f"{{{GEXF}}}attvalues")
        for name, text in present.items():
            ET.SubElement(
                attvalues, f"{{{GEXF}}}attvalue", {"for": f"{scope}-{name}", "value": text}
            )
