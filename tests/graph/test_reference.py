"""The reference implementation pins down each named query's definition (the catalog's "Exactly:"),
on small graphs whose names and relations come from the corpus (000, 002, 004: Bắc Giang and its
partners; 001: Bình Định and the four southern Lao provinces) with a few constructed edge cases."""

from __future__ import annotations

from typing import Any

import pytest

from graph.model import EdgeFact, Evidence, GraphData, NodeFact
from graph.reference import ReferenceEngine


def _ev(doc: str) -> tuple[Evidence, ...]:
    return (Evidence(doc, f"{doc}.txt", "1", 0, 4, "text"),)


def node(nid: str, ntype: str, **props: Any) -> NodeFact:
    return NodeFact(nid, ntype, {"name": nid.rsplit("/", 1)[-1], **props})


def edge(etype: str, src: str, dst: str, doc: str | None = None, **props: Any) -> EdgeFact:
    return EdgeFact(f"{etype}/{src}/{dst}", etype, src, dst, props, _ev(doc) if doc else ())


@pytest.fixture(scope="module")
def ref() -> ReferenceEngine:
    facts = [
        node("country/VN", "Country"), node("province/VN-54", "Province"), node("province/VN2025-24", "Province"),
        node("locality/VN-54/luc_ngan", "Locality"), node("agency/VN-54/luc-ngan/ubnd", "Agency"),
        node("agency/VN-54/x/y", "Agency"),  # three levels below the province
        node("foreign/LA-XS", "ForeignLocality", country="LA", level="province"),
        node("foreign/LA-XS/anouvong", "ForeignLocality", country="LA", level="district"),
        node("foreign/CN-YN/hekou", "ForeignLocality", country="CN", level="district"),
        node("foreign/JP-12", "ForeignLocality", country="JP", level="prefecture"),
        edge("LOCATED_IN", "province/VN-54", "country/VN"),
        edge("LOCATED_IN", "locality/VN-54/luc_ngan", "province/VN-54"),
        edge("PART_OF", "agency/VN-54/luc-ngan/ubnd", "locality/VN-54/luc_ngan"),
        edge("PART_OF", "agency/VN-54/x/y", "agency/VN-54/luc-ngan/ubnd"),
        edge("SUCCEEDED_BY", "province/VN-54", "province/VN2025-24", date="2025-07-01"),
        edge("PARTNERS_WITH", "province/VN-54", "foreign/LA-XS", "document/a", status="implemented",
             agreement="agreement/a", period_start=2021, period_end=2025),
        edge("PARTNERS_WITH", "province/VN-54", "foreign/JP-12", "document/b", status="proposed"),
        edge("PARTNERS_WITH", "locality/VN-54/luc_ngan", "foreign/LA-XS/anouvong", status="signed", period_start=2022),
        edge("PARTNERS_WITH", "agency/VN-54/luc-ngan/ubnd", "foreign/CN-YN/hekou", status="signed", period_end=2030),
        edge("PARTNERS_WITH", "agency/VN-54/x/y", "foreign/JP-12", status="signed"),
        edge("PARTNERS_WITH", "province/VN-54", "foreign/nowhere", status="signed"),  # dangling: not in the graph
    ]  # fmt: skip
    return ReferenceEngine(GraphData.merge(facts))


def pairs(rows: list[dict[str, Any]]) -> set[tuple[str, str]]:
    return {(r["vn_party"], r["partner"]) for r in rows}


def test_partners_of_reaches_two_levels_down_and_no_further(ref: ReferenceEngine) -> None:
    rows = ref.run("partners_of", {"place": "province/VN-54"})
    assert pairs(rows) == {
        ("province/VN-54", "foreign/LA-XS"), ("province/VN-54", "foreign/JP-12"),
        ("locality/VN-54/luc_ngan", "foreign/LA-XS/anouvong"), ("agency/VN-54/luc-ngan/ubnd", "foreign/CN-YN/hekou"),
    }  # fmt: skip
    la = next(r for r in rows if r["partner"] == "foreign/LA-XS")
    assert (la["country"], la["level"], la["status"], la["agreement"]) == (
        "LA",
        "province",
        "implemented",
        "agreement/a",
    )
    assert ref.run("partners_of", {"place": "foreign/LA-XS"}) == []  # the foreign side is not a Vietnamese place
    assert ref.run("partners_of", {"place": "province/VN-99"}) == []


def test_predecessors_count_for_their_successor(ref: ReferenceEngine) -> None:
    assert ref.run("partners_of", {"place": "province/VN2025-24"}) == []
    rows = ref.run("partners_including_predecessors", {"place": "province/VN2025-24"})
    assert pairs(rows) == pairs(ref.run("partners_of", {"place": "province/VN-54"}))


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, 5),
        ({"country": "JP"}, 2),
        ({"status": "signed"}, 3),
        ({"year_from": 2024}, 2),  # period_end >= 2024: LA-XS (2025), hekou (2030)
        ({"year_to": 2021}, 1),  # period_start <= 2021: LA-XS only; no start never matches
        ({"year_from": 2026, "year_to": 2026}, 0),  # hekou has no start
    ],
)
def test_partnerships_filters(ref: ReferenceEngine, params: dict[str, Any], expected: int) -> None:
    full = {"country": None, "status": None, "year_from": None, "year_to": None, **params}
    assert len(ref.run("partnerships", full)) == expected


@pytest.fixture(scope="module")
def agreements() -> ReferenceEngine:
    a = {"instrument": "agreement"}
    facts = [
        node("province/VN-54", "Province"), node("foreign/LA-XS", "ForeignLocality"),
        node("province/VN-31", "Province"), node("foreign/LA-AT", "ForeignLocality"),
        node("agreement/bg-xs", "Agreement", status="implemented", period_start=2021, period_end=2025, **a),
        node("agreement/bg-xs-2", "Agreement", status="to_be_signed", period_start=2026, period_end=2030, **a),
        node("agreement/bd-4", "Agreement", status="signed", period_start=2021, period_end=2025, **a),
        node("agreement/bd-at", "Agreement", status="proposed", period_start=2026, period_end=2030, **a),
        node("agreement/letter", "Agreement", status="signed"),
        edge("PARTY_TO", "province/VN-54", "agreement/bg-xs"), edge("PARTY_TO", "foreign/LA-XS", "agreement/bg-xs"),
        edge("PARTY_TO", "province/VN-54", "agreement/bg-xs-2"), edge("PARTY_TO", "foreign/LA-XS", "agreement/bg-xs-2"),
        edge("PARTY_TO", "province/VN-31", "agreement/bd-4"), edge("PARTY_TO", "foreign/LA-AT", "agreement/bd-4"),
        edge("PARTY_TO", "foreign/LA-AT", "agreement/bd-at"),  # one shared party only: not "the same parties"
    ]  # fmt: skip
    return ReferenceEngine(GraphData.merge(facts))


def test_agreements_in_force_bounds_and_status(agreements: ReferenceEngine) -> None:
    ids = lambda year: sorted(r["agreement"] for r in agreements.run("agreements_in_force", {"year": year}))  # noqa: E731
    assert ids(2021) == ids(2025) == ["agreement/bd-4", "agreement/bg-xs"]
    assert ids(2020) == []
    assert ids(2027) == []  # bg-xs-2 is to_be_signed, bd-at proposed


def test_expiring_needs_a_later_agreement_of_two_same_parties(agreements: ReferenceEngine) -> None:
    rows = agreements.run("expiring_agreements", {"year": 2025})
    assert [r["agreement"] for r in rows] == ["agreement/bd-4"]
    assert rows[0]["title"] == "bd-4" and rows[0]["period_end"] == 2025


def test_activities_one_row_per_lead() -> None:
    g = GraphData.merge([
        node("agreement/a", "Agreement"), node("activity/1", "Activity", ref="2.7", sector="an ninh"),
        node("activity/2", "Activity", ref="2.8"), node("agency/VN-54/cong-an", "Agency"),
        node("agency/VN-54/so-ngoai-vu", "Agency"), node("document/d", "Document"),
        edge("IMPLEMENTS", "activity/1", "agreement/a"), edge("IMPLEMENTS", "activity/2", "agreement/a"),
        edge("IMPLEMENTS", "document/d", "agreement/a"),  # a document is not an activity
        edge("LEADS", "agency/VN-54/cong-an", "activity/1"), edge("LEADS", "agency/VN-54/so-ngoai-vu", "activity/1"),
    ])  # fmt: skip
    ref = ReferenceEngine(g)
    rows = ref.run("activities_of_agreement", {"agreement": "agreement/a"})
    assert sorted((r["activity"], r["lead"] or "") for r in rows) == [
        ("activity/1", "agency/VN-54/cong-an"), ("activity/1", "agency/VN-54/so-ngoai-vu"), ("activity/2", ""),
    ]  # fmt: skip
    assert ref.run("activities_by_lead", {"agency": "agency/VN-54/cong-an"}) == [
        {"activity": "activity/1", "ref": "2.7", "title": "1", "sector": "an ninh"}
    ]


def test_documents_citing_reads_evidence_of_the_entity_and_its_edges() -> None:
    g = GraphData.merge([
        NodeFact("document/a", "Document", {"name": "a", "doc_type": "Thông báo"}, _ev("document/a")),
        node("document/b", "Document", number="/QĐ-UBND"), node("document/c", "Document"),
        NodeFact("province/VN-54", "Province", {"name": "Bắc Giang"}, _ev("gazetteer/vn_mergers_2025")),
        NodeFact("foreign/LA-XS", "ForeignLocality", {"name": "Xaisomboun"}, _ev("document/a")),
        edge("PARTNERS_WITH", "province/VN-54", "foreign/LA-XS", "document/b"),
        edge("MENTIONS", "document/c", "country/LA", "document/c"),
    ])  # fmt: skip
    ref = ReferenceEngine(g)
    assert sorted(r["document"] for r in ref.run("documents_citing", {"entity": "foreign/LA-XS"})) == [
        "document/a", "document/b",
    ]  # fmt: skip
    assert [r["document"] for r in ref.run("documents_citing", {"entity": "province/VN-54"})] == ["document/b"]


def test_lineage_both_directions_with_the_edge_type() -> None:
    g = GraphData.merge([
        node("document/plan", "Document", number="KH"), node("document/decision", "Document", number="/QĐ-UBND"),
        node("document/law", "Document", date="2020-11-13"), node("agreement/a", "Agreement"),
        edge("LEGAL_BASIS", "document/decision", "document/law"),
        edge("IMPLEMENTS", "document/plan", "document/decision"),
        edge("IMPLEMENTS", "document/decision", "agreement/a"),
    ])  # fmt: skip
    rows = ReferenceEngine(g).run("lineage", {"document": "document/decision"})
    assert sorted((r["direction"], r["relation"], r["other"], r["number"], r["date"]) for r in rows) == [
        ("in", "IMPLEMENTS", "document/plan", "KH", None), ("out", "LEGAL_BASIS", "document/law", None, "2020-11-13"),
    ]  # fmt: skip


def test_paths_are_simple_undirected_and_at_most_three_edges() -> None:
    g = GraphData.merge([
        node("province/VN-54", "Province"), node("foreign/LA-XS", "ForeignLocality"), node("agreement/a", "Agreement"),
        node("agency/VN-54/cong-an", "Agency"), node("agency/LA-XS/cong-an", "Agency"), node("country/LA", "Country"),
        edge("PARTNERS_WITH", "province/VN-54", "foreign/LA-XS"),
        edge("PARTY_TO", "province/VN-54", "agreement/a"), edge("PARTY_TO", "foreign/LA-XS", "agreement/a"),
        edge("PART_OF", "agency/VN-54/cong-an", "province/VN-54"),
        edge("PART_OF", "agency/LA-XS/cong-an", "foreign/LA-XS"),
        edge("PARTNERS_WITH", "agency/VN-54/cong-an", "agency/LA-XS/cong-an"),
        edge("LOCATED_IN", "foreign/LA-XS", "country/LA"),
    ])  # fmt: skip
    rows = ReferenceEngine(g).run("path_between", {"a": "province/VN-54", "b": "foreign/LA-XS"})
    paths = sorted((r["hops"], tuple(r["path"])) for r in rows)
    assert paths == [
        (1, ("province/VN-54", "PARTNERS_WITH", "foreign/LA-XS")),
        (2, ("province/VN-54", "PARTY_TO", "agreement/a", "PARTY_TO", "foreign/LA-XS")),
        (3, ("province/VN-54", "PART_OF", "agency/VN-54/cong-an", "PARTNERS_WITH", "agency/LA-XS/cong-an",
             "PART_OF", "foreign/LA-XS")),
    ]  # fmt: skip
