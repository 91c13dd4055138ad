"""Merging facts into the graph, and the networkx projection with its inverse."""

from __future__ import annotations

from graph.model import EdgeFact, Evidence, GraphData, NodeFact
from graph.nx import from_networkx, to_networkx

EV1 = Evidence("document/1", "a.txt", "II.1", 0, 11, "Xay Sổm Bun")
EV2 = Evidence("document/2", "b.txt", None, 5, 16, "Xay Sôm Bun")


def facts() -> list[NodeFact | EdgeFact]:
    return [
        NodeFact("foreign/LA-XS", "ForeignLocality", {"name": "Xaisomboun", "aliases": ["Xay Sổm Bun"]}, (EV1,)),
        NodeFact("foreign/LA-XS", "ForeignLocality", {"name": "Other", "aliases": ["Xay Sôm Bun"]}, (EV2,)),
        NodeFact("province/VN-54", "Province", {"name": "Bắc Giang"}, (EV1,)),
        EdgeFact("pw/1", "PARTNERS_WITH", "province/VN-54", "foreign/LA-XS", {"status": "signed"}, (EV1,)),
    ]


def test_merge_keeps_first_scalar_unions_lists_and_all_evidence() -> None:
    g = GraphData.merge(facts())
    n = g.nodes["foreign/LA-XS"]
    assert n.props["name"] == "Xaisomboun"
    assert n.props["aliases"] == ["Xay Sổm Bun", "Xay Sôm Bun"]
    assert n.evidence == [EV1, EV2]
    assert list(g.dangling_edges()) == []


def test_networkx_round_trip() -> None:
    g = GraphData.merge(facts())
    G = to_networkx(g)
    assert G.nodes["province/VN-54"]["label"] == "Province"
    (_, _, attrs), = G.edges(data=True)
    assert attrs["type"] == "PARTNERS_WITH" and attrs["status"] == "signed" and attrs["evidence"] == [EV1]
    back = from_networkx(G)
    assert back.nodes == g.nodes and back.edges == g.edges
