"""Past a few thousand nodes a drawing is a hairball: the explorer then draws one node per Vietnamese
province and one per foreign country, and one edge per (type, group, group) with counts.

Groups come from the data: a Vietnamese unit or agency joins the outermost unit that contains it
(`PartnershipView.ancestors`), a foreign one joins its `country`. What belongs to no place
(agreements, documents, ...) is counted, not drawn.

>>> from graph.model import EdgeFact, NodeFact
>>> g = GraphData.merge([
...     NodeFact("p/1", "Province", {"name": "Bắc Giang", "country": "VN", "level": "province"}),
...     NodeFact("f/1", "ForeignLocality", {"name": "Chiba", "country": "JP", "level": "prefecture"}),
...     NodeFact("f/2", "ForeignLocality", {"name": "Osaka", "country": "JP", "level": "prefecture"}),
...     EdgeFact("e/1", "PARTNERS_WITH", "p/1", "f/1", {"status": "signed"}),
...     EdgeFact("e/2", "PARTNERS_WITH", "p/1", "f/2", {"status": "proposed"}),
... ])
>>> agg = aggregate(g)
>>> sorted(agg.graph.nodes), [e.props["count"] for e in agg.graph.edges.values()]
(['group/JP', 'p/1'], [2])
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from graph.explorer.layout import side_of
from graph.explorer.style import years_of
from graph.model import Edge, GraphData, Node
from graph.partnerships import RANK, PartnershipView

AGGREGATE_THRESHOLD = 3000  # nodes; above this the explorer aggregates
MAX_GROUP_EVIDENCE = 20  # quotes kept on one aggregated edge
GROUP_PROPS = ("name", "name_vi", "aliases", "country", "level", "iso3166_1", "iso3166_2")


@dataclass(slots=True)
class Aggregation:
    graph: GraphData  # one node per group, one edge per (type, group, group)
    total_nodes: int  # nodes in the graph that was aggregated
    dropped: int  # nodes that belong to no place and are not drawn


def _groups(g: GraphData) -> dict[str, str]:
    """node id -> id of its group (a node of `g` where one stands for the group, else `group/XX`)."""
    view = PartnershipView(g)
    countries = {str(n.props["country"]).upper(): n.id for n in g.nodes.values() if n.props.get("level") == "country"}
    out: dict[str, str] = {}
    for node in g.nodes.values():
        side = side_of(node)
        code = str(node.props.get("country") or "").upper()
        if side > 0 or node.props.get("level") == "country":
            out[node.id] = countries.get(code, f"group/{code}")
        elif side < 0:
            chain = [a for a in view.ancestors(node.id) if a in g.nodes]
            out[node.id] = chain[-1] if chain else node.id
    return out


def _group_node(g: GraphData, group: str, members: list[Node]) -> Node:
    base = g.nodes.get(group)
    if base is None:  # no Country node in the data: the group takes its commonest member type
        code = group.removeprefix("group/")
        kind = Counter(m.type for m in members).most_common(1)[0][0]
        base = Node(group, kind, {"name": code, "country": code, "level": "country"})
    props = {k: base.props[k] for k in GROUP_PROPS if k in base.props}
    props["members"] = len(members)
    return Node(group, base.type, props, list(base.evidence[:MAX_GROUP_EVIDENCE]))


def _merge_edge(into: Edge, edge: Edge) -> None:
    p = into.props
    p["count"] = p.get("count", 0) + 1
    status = edge.props.get("status")
    if status and status not in p.setdefault("statuses", []):
        p["statuses"].append(status)
        p["status"] = max(p["statuses"], key=lambda s: RANK.get(s, 0))
    span = years_of(edge.props)
    if span:
        p["period_start"] = min(span[0], p.get("period_start", span[0]))
        p["period_end"] = max(span[1], p.get("period_end", span[1]))
    room = MAX_GROUP_EVIDENCE - len(into.evidence)
    into.evidence.extend(edge.evidence[: max(0, room)])


def aggregate(g: GraphData) -> Aggregation:
    groups = _groups(g)
    members: dict[str, list[Node]] = {}
    for node_id, group in groups.items():
        members.setdefault(group, []).append(g.nodes[node_id])
    out = GraphData()
    for group, nodes in sorted(members.items()):
        out.nodes[group] = _group_node(g, group, nodes)
    for e in g.edges.values():
        a, b = groups.get(e.source), groups.get(e.target)
        if a is None or b is None or a == b:
            continue
        key = f"group-edge/{e.type}/{a}/{b}"
        if key not in out.edges:
            out.edges[key] = Edge(key, e.type, a, b, {})
        _merge_edge(out.edges[key], e)
    return Aggregation(out, len(g.nodes), len(g.nodes) - len(groups))
