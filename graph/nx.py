"""The networkx projection and its inverse (paired converters, as in networkx's own `convert`).

Nodes and edges keep their schema type, their properties (as attributes) and their evidence, so
`from_networkx(to_networkx(g))` gives `g` back.

>>> from graph.model import GraphData, NodeFact
>>> g = GraphData.merge([NodeFact("country/LA", "Country", {"name": "Laos"})])
>>> G = to_networkx(g)
>>> G.nodes["country/LA"]["type"], G.nodes["country/LA"]["name"]
('Country', 'Laos')
>>> from_networkx(G).nodes["country/LA"].props
{'name': 'Laos'}
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from graph.model import Edge, Evidence, EvidenceView, GraphData, Node
from graph.schema import load_schema

RESERVED = ("type", "label", "evidence")


def to_networkx(g: GraphData) -> nx.MultiDiGraph:
    """A MultiDiGraph keyed by hoptac ids; `type`, `label` (Cypher label) and `evidence` (a sequence,
    decoded from the store only when read) are reserved."""
    schema = load_schema()
    G = nx.MultiDiGraph()
    for n in g.nodes.values():
        attrs: dict[str, Any] = dict(n.props)
        attrs.update(type=n.type, label=schema.node(n.type).cypher_label, evidence=EvidenceView(n))
        G.add_node(n.id, **attrs)
    for e in g.edges.values():
        attrs = dict(e.props)
        attrs.update(type=e.type, label=schema.edge(e.type).cypher_type, evidence=EvidenceView(e))
        G.add_edge(e.source, e.target, key=e.id, **attrs)
    return G


def _split(attrs: dict[str, Any]) -> tuple[str, dict[str, Any], list[Evidence]]:
    props = {k: v for k, v in attrs.items() if k not in RESERVED}
    return attrs["type"], props, list(attrs.get("evidence", []))


def from_networkx(G: nx.MultiDiGraph) -> GraphData:
    """The inverse of `to_networkx`."""
    g = GraphData()
    for node_id, attrs in G.nodes(data=True):
        t, props, ev = _split(attrs)
        g.nodes[node_id] = Node(node_id, t, props, ev)
    for source, target, key, attrs in G.edges(keys=True, data=True):
        t, props, ev = _split(attrs)
        g.edges[key] = Edge(key, t, source, target, props, ev)
    return g
