"""How two entities are connected: shortest paths in the graph, edges taken in either direction,
skipping document-to-entity MENTIONS edges (every entity would be two hops apart through a document).

>>> from graph.model import GraphData, NodeFact, EdgeFact
>>> g = GraphData.merge([NodeFact("a", "Province", {}), NodeFact("b", "ForeignLocality", {}),
...                      EdgeFact("e", "PARTNERS_WITH", "a", "b", {})])
>>> [p["nodes"] for p in paths_between(g, "a", "b")]
[['a', 'b']]
"""

from __future__ import annotations

from itertools import islice, pairwise
from typing import Any

import networkx as nx

from graph.errors import NotFoundError
from graph.model import GraphData

SKIPPED = frozenset({"MENTIONS"})


def _undirected(g: GraphData) -> nx.MultiGraph:
    G = nx.MultiGraph()
    G.add_nodes_from(g.nodes)
    for e in g.edges.values():
        if e.type not in SKIPPED:
            G.add_edge(e.source, e.target, key=e.id, type=e.type, forward=(e.source, e.target))
    return G


def paths_between(g: GraphData, a: str, b: str, max_hops: int = 4, limit: int = 5) -> list[dict[str, Any]]:
    """Up to `limit` shortest simple paths from `a` to `b` with at most `max_hops` edges."""
    for node in (a, b):
        if node not in g.nodes:
            raise NotFoundError(f"no entity {node!r}")
    G = nx.Graph(_undirected(g))  # one edge per pair of nodes for path search
    multi = _undirected(g)
    out = []
    try:
        candidates = islice(nx.shortest_simple_paths(G, a, b), limit)
        for nodes in candidates:
            if len(nodes) - 1 > max_hops:
                break
            steps = []
            for u, v in pairwise(nodes):
                edges = multi.get_edge_data(u, v)
                key, attrs = sorted(edges.items())[0]
                steps.append({"edge": key, "type": attrs["type"], "source": attrs["forward"][0],
                              "target": attrs["forward"][1]})  # fmt: skip
            out.append({"hops": len(nodes) - 1, "nodes": nodes, "edges": steps})
    except nx.NetworkXNoPath:
        return []
    return out
