"""Rows for the Cypher engines: every schema property, typed; evidence as parallel lists."""

from __future__ import annotations

import pytest

from graph.cypher.rows import EVIDENCE_COLUMNS, edge_columns, edge_groups, edge_row, node_columns, node_groups, node_row
from graph.errors import SchemaError
from graph.model import Edge, EdgeFact, Evidence, GraphData, Node, NodeFact
from graph.schema import load_schema

# 000_f94f0f2cb8a505fe.txt §1 states the partnership; the second piece of evidence has no section
EV = [
    Evidence("document/13dbb4543d0e8e8c", "000.txt", "1", 1628, 1640, "tỉnh Bắc Giang", "status=implemented"),
    Evidence("document/47ee15861c1057de", "002.txt", None, 93, 107, "tỉnh Bắc Giang"),
]


def test_every_schema_property_has_a_column() -> None:
    schema = load_schema()
    for name, t in schema.nodes.items():
        cols = [c.name for c in node_columns(name)]
        assert cols[:2] == ["id", "type"]
        assert set(t.properties) <= set(cols)
        assert cols[-len(EVIDENCE_COLUMNS) :] == [n for n, _ in EVIDENCE_COLUMNS]
    for name, e in schema.edges.items():
        assert set(e.properties) <= {c.name for c in edge_columns(name)}


def test_node_row_types_values_and_lists_evidence() -> None:
    node = Node("agreement/x", "Agreement", {"name": "Thoả thuận", "period_start": "2021", "signed_on": "2021-08-09",
                                             "aliases": "Thỏa thuận", "unknown": 1}, EV)  # fmt: skip
    row = node_row(node)
    assert row["period_start"] == 2021 and row["signed_on"] == "2021-08-09"
    assert row["aliases"] == ["Thỏa thuận"] and "unknown" not in row
    assert row["instrument"] is None
    assert row["ev_document"] == ["document/13dbb4543d0e8e8c", "document/47ee15861c1057de"]
    assert row["ev_section"] == ["1", ""] and row["ev_prop"] == ["status=implemented", ""]
    assert row["ev_start"] == [1628, 93] and row["ev_quote"] == ["tỉnh Bắc Giang"] * 2


def test_edge_row_and_groups_by_endpoint_types() -> None:
    g = GraphData.merge([
        NodeFact("province/VN-54", "Province", {"name": "Bắc Giang"}),
        NodeFact("foreign/LA-XS", "ForeignLocality", {"name": "Xaisomboun"}),
        EdgeFact("pw/1", "PARTNERS_WITH", "province/VN-54", "foreign/LA-XS", {"statuses": ["signed", "proposed"]}),
        EdgeFact("pw/2", "PARTNERS_WITH", "province/VN-54", "foreign/gone", {}),
    ])  # fmt: skip
    assert list(edge_groups(g)) == [("PARTNERS_WITH", "Province", "ForeignLocality")]
    assert edge_row(g.edges["pw/1"])["statuses"] == ["signed", "proposed"]
    assert {k: len(v) for k, v in node_groups(g).items()} == {"ForeignLocality": 1, "Province": 1}


def test_types_and_endpoints_outside_the_schema_are_errors() -> None:
    with pytest.raises(SchemaError, match="node 'x/1' has type 'Planet', which the schema does not declare"):
        node_groups(GraphData({"x/1": Node("x/1", "Planet")}))
    g = GraphData(
        {"country/LA": Node("country/LA", "Country"), "province/VN-54": Node("province/VN-54", "Province")},
        {"e": Edge("e", "LOCATED_IN", "country/LA", "province/VN-54")},
    )
    with pytest.raises(SchemaError, match="the schema allows no LOCATED_IN from Country to Province"):
        edge_groups(g)
