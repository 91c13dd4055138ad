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

from graph.model import Edge, Evidence, EvidenceView, GraphData, Node, collector_paused
from graph.schema import load_schema

RESERVED = ("type", "label", "evidence")


def to_networkx(g: GraphData) -> nx.MultiDiGraph:
    """A MultiDiGraph keyed by hoptac ids; `type`, `label` (Cypher label) and `evidence` (a sequence,
    decoded from the store only when read) are reserved."""
    schema = load_schema()
    node_label = {t: schema.node(t).cypher_label for t in {n.type for n in g.nodes.values()}}
    edge_label = {t: schema.edge(t).cypher_type for t in {e.type for e in g.edges.values()}}
    G = nx.MultiDiGraph()
    with collector_paused():
        G.add_nodes_from(
            (n.id, {**n.props, "type": n.type, "label": node_label[n.type], "evidence": EvidenceView(n)})
            for n in g.nodes.values()
        )
        G.add_edges_from(
            (e.source, e.target, e.id,
             {**e.props, "type": e.type, "label": edge_label[e.type], "evidence": EvidenceView(e)})
            for e in g.edges.values()
        )  # fmt: skip
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
