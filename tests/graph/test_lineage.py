"""Lineage in the merged graph: references resolved to ingested documents (no SAME_AS), the trees both
ways, and the real case: a plan ingested after the plan that supersedes it."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.errors import NotFoundError
from graph.ids import edge_id
from graph.lineage import find_document, lineage, lineage_edge_types, lineage_json, link_stubs
from graph.model import EdgeFact, Evidence, GraphData, NodeFact
from graph.store import Store
from ingest.pipeline import ingest_paths

EV = Evidence("document/b", "b.txt", "IV.10", 0, 10, "thay thế cho")


def doc(id_: str, **props: object) -> NodeFact:
    return NodeFact(id_, "Document", {"name": id_, **props}, (EV,))


def edge(type_: str, source: str, target: str) -> EdgeFact:
    return EdgeFact(edge_id(type_, source, target), type_, source, target, {}, (EV,))


def test_lineage_edge_types_come_from_the_schema() -> None:
    assert lineage_edge_types() == {"SUPERSEDES", "LEGAL_BASIS", "IMPLEMENTS", "BASED_ON", "CITES"}


def test_stub_resolved_to_the_ingested_document() -> None:
    g = GraphData.merge([
        doc("document/real", number="667/KH-UBND", date="2021-12", place="Bắc Giang"),
        doc("document/ref/VN-54/667-kh-ubnd/2021-12-09", stub=True, number="667/KH-UBND", date="2021-12-09",
            place="Bắc Giang", name="Kế hoạch số 667/KH-UBND ngày 09/12/2021"),
        doc("document/b"),
        edge("SUPERSEDES", "document/b", "document/ref/VN-54/667-kh-ubnd/2021-12-09"),
    ])  # fmt: skip
    link_stubs(g)
    assert "document/ref/VN-54/667-kh-ubnd/2021-12-09" not in g.nodes
    (e,) = g.edges.values()
    assert (e.type, e.source, e.target, e.evidence) == ("SUPERSEDES", "document/b", "document/real", [EV])
    assert g.nodes["document/real"].props["aliases"] == ["Kế hoạch số 667/KH-UBND ngày 09/12/2021"]
    assert not list(g.dangling_edges())


@pytest.mark.parametrize(
    "stub_props",
    [
        {"number": "667/KH-UBND", "date": "2020-12-09"},  # another year
        {"number": "667/KH-UBND", "date": "2021-12-09", "place": "Hà Tĩnh"},  # another province's plan
        {"number": "668/KH-UBND", "date": "2021-12-09"},
    ],
)
def test_stub_not_resolved_when_it_is_another_document(stub_props: dict[str, object]) -> None:
    g = GraphData.merge([
        doc("document/real", number="667/KH-UBND", date="2021-12", place="Bắc Giang"),
        doc("document/stub", stub=True, **stub_props),
        edge("CITES", "document/b", "document/stub"),
        doc("document/b"),
    ])  # fmt: skip
    link_stubs(g)
    assert "document/stub" in g.nodes and next(iter(g.edges.values())).target == "document/stub"


def test_undated_reference_joins_the_one_dated_document() -> None:
    """ "Luật Thỏa thuận quốc tế" (002) is the law "ngày 13/11/2020" (004); a number printed with two
    dates stays apart."""
    law = {"stub": True, "doc_type": "Luật", "title": "Thỏa thuận quốc tế"}
    g = GraphData.merge([
        doc("document/law-dated", date="2020-11-13", **law),
        doc("document/law-undated", **law),
        doc("document/nq-2012", stub=True, number="22-NQ/TW", date="2012-04-10"),
        doc("document/nq-2013", stub=True, number="22-NQ/TW", date="2013-04-10"),
        doc("document/nq-undated", stub=True, number="22-NQ/TW"),
        doc("document/b"),
        edge("LEGAL_BASIS", "document/b", "document/law-undated"),
        edge("LEGAL_BASIS", "document/b", "document/law-dated"),
        edge("CITES", "document/b", "document/nq-undated"),
    ])  # fmt: skip
    link_stubs(g)
    assert "document/law-undated" not in g.nodes and "document/nq-undated" in g.nodes
    (basis,) = g.edges_of("LEGAL_BASIS")  # the two edges became one, with both pieces of evidence
    assert basis.target == "document/law-dated" and len(basis.evidence) == 2


def test_lineage_trees_and_json() -> None:
    g = GraphData.merge([
        doc("document/plan"), doc("document/old", stub=True), doc("document/decree", stub=True),
        doc("document/law", stub=True), doc("document/report"),
        edge("SUPERSEDES", "document/plan", "document/old"),
        edge("LEGAL_BASIS", "document/plan", "document/decree"),
        edge("IMPLEMENTS", "document/decree", "document/law"),
        edge("CITES", "document/report", "document/plan"),
        edge("CITES", "document/law", "document/plan"),  # a cycle is shown once
    ])  # fmt: skip
    out = lineage(g, "document/plan", "out", depth=5)
    assert [(c.relation, c.node.id) for c in out.children] == [
        ("LEGAL_BASIS", "document/decree"),
        ("SUPERSEDES", "document/old"),
    ]
    decree = out.children[0]
    assert [(c.relation, c.node.id) for c in decree.children] == [("IMPLEMENTS", "document/law")]
    assert decree.children[0].children[0].seen  # back to the plan
    back = lineage(g, "document/plan", "in", depth=1)
    assert {(c.relation, c.node.id) for c in back.children} == {("CITES", "document/report"), ("CITES", "document/law")}
    js = lineage_json(out)
    assert js["children"][0]["evidence"][0]["quote"] == "thay thế cho" and js["children"][1]["stub"] is True


def test_find_document() -> None:
    g = GraphData.merge([doc("document/ref/vn/64-2021-nd-cp/2021-06-30", number="64/2021/NĐ-CP", stub=True,
                             name="Nghị định số 64/2021/NĐ-CP ngày 30/6/2021")])  # fmt: skip
    for ref in ("64/2021/NĐ-CP", "64/2021/ND-CP", "nghi dinh so 64/2021/nd-cp ngay 30/6/2021"):
        assert find_document(g, ref) == "document/ref/vn/64-2021-nd-cp/2021-06-30"
    with pytest.raises(NotFoundError, match="no document 'nope'"):
        find_document(g, "nope")


def test_superseded_plan_ingested_later(tmp_path: Path) -> None:
    """A plan that supersedes "Kế hoạch số 667/KH-UBND ngày 09/12/2021", then that plan itself: the
    SUPERSEDES edge points at the ingested plan, and no stub is left."""
    new = tmp_path / "new.txt"
    new.write_text("Bắc Giang, ngày 5 tháng 8 năm 2022\n\nKẾ HOẠCH\n\nThực hiện Thỏa thuận\n\n"
                   "Kế hoạch này thay thế cho Kế hoạch số 667/KH-UBND ngày 09/12/2021 của UBND tỉnh.\n",
                   encoding="utf-8")  # fmt: skip
    old = tmp_path / "old.txt"
    old_text = (
        "ỦY BAN NHÂN DÂN\nTỈNH BẮC GIANG\n\nSố: 667/KH-UBND\n\nBắc Giang, ngày 09 tháng 12 năm 2021"
        "\n\nKẾ HOẠCH\n\nThực hiện Thỏa thuận hợp tác\n\nI. MỤC ĐÍCH\n\nHợp tác.\n"
    )
    old.write_text(old_text, encoding="utf-8")
    with Store(tmp_path / "store") as st:
        ingest_paths([str(new), str(old)], st)
        ids = {d.source.rsplit("/", 1)[-1]: d.id for d in st.documents()}
        g = st.load_graph()
    (e,) = g.edges_of("SUPERSEDES")
    assert (e.source, e.target) == (ids["new.txt"], ids["old.txt"])
    assert not [n for n in g.nodes_of("Document") if n.props.get("number") == "667/KH-UBND" and n.props.get("stub")]
