"""Parts of the graph worth drawing on their own: one entity's neighbourhood, one place's partnerships.

>>> from graph.model import EdgeFact, NodeFact
>>> g = GraphData.merge([NodeFact("a", "Country", {"name": "Laos"}), NodeFact("b", "Country", {"name": "Japan"}),
...                      NodeFact("c", "Country", {"name": "Chile"}),
...                      EdgeFact("ab", "LOCATED_IN", "a", "b", {}), EdgeFact("bc", "LOCATED_IN", "b", "c", {})])
>>> sorted(neighbourhood(g, {"a"}, 1).nodes)
['a', 'b']
>>> resolve(g, "laos")
{'a'}
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from graph.errors import InputError, NotFoundError
from graph.model import GraphData, Node
from graph.partnerships import PartnershipView, matching_nodes, partners_of


def resolve(g: GraphData, ref: str) -> set[str]:
    """Node ids named by `ref`: an id, or a name / alias in any spelling (diacritics optional)."""
    if ref in g.nodes:
        return {ref}
    found = matching_nodes(g, ref)
    if not found:
        raise NotFoundError(f"no entity named {ref!r} in the graph")
    return found


def subgraph(g: GraphData, keep: set[str]) -> GraphData:
    """The nodes in `keep` and the edges between them (objects shared, not copied)."""
    out = GraphData()
    out.nodes = {k: n for k, n in g.nodes.items() if k in keep}
    out.edges = {k: e for k, e in g.edges.items() if e.source in keep and e.target in keep}
    return out


def neighbourhood(g: GraphData, centre: set[str], depth: int) -> GraphData:
    """Everything within `depth` edges (either direction) of the `centre` nodes."""
    if not 1 <= depth <= 3:
        raise InputError(str(depth), "depth must be 1, 2 or 3")
    adjacent: dict[str, set[str]] = defaultdict(set)
    for e in g.edges.values():
        adjacent[e.source].add(e.target)
        adjacent[e.target].add(e.source)
    seen, frontier = set(centre), set(centre)
    for _ in range(depth):
        frontier = {m for n in frontier for m in adjacent[n]} - seen
        seen |= frontier
    return subgraph(g, seen)


def partnership_subgraph(g: GraphData, place: str) -> tuple[GraphData, list[dict[str, Any]]]:
    """The partnerships of `place` (see `partners_of`): both parties, the units that contain them up
    to their countries, the agreements, and the edges between all these; with the partnership rows.
    """
    rows = partners_of(g, place)
    if not rows and not matching_nodes(g, place):
        raise NotFoundError(f"no place or agency named {place!r} in the graph")
    view = PartnershipView(g)
    keep: set[str] = set()
    for row in rows:
        for side in ("vn_party", "foreign_party"):
            keep |= {row[side]["id"], *view.ancestors(row[side]["id"])}
        if row["agreement"]:
            keep.add(row["agreement"]["id"])
    keep |= {
        e.target for e in g.edges.values()
        if e.source in keep and g.nodes.get(e.target, Node("", "")).props.get("level") == "country"
    }  # fmt: skip
    return subgraph(g, keep & set(g.nodes)), rows
