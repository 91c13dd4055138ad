"""People (issue 4): every signer of the corpus and the officials the documents name with a role —
people, never places — with the body each belongs to, read off the documents by hand."""

from __future__ import annotations

import pytest

from graph.model import GraphData
from ingest.pipeline import build_record
from ingest.readers.base import RawDocument

PLACE_TYPES = {"Province", "Locality", "ForeignLocality", "Country"}

# Signature blocks: (person, role, authority, the body the role is held in).
SIGNERS = {
    "000": ("person/le-tuan-phu/VN-54", "Chánh Văn phòng", "TL. Chủ tịch", "agency/VN-54/van-phong-uy-ban-nhan-dan"),
    "001": ("person/tran-trong-triem/VN-31", "Phó Chánh Văn phòng", "TL. Chủ tịch; KT. Chánh Văn phòng",
            "agency/VN-31/van-phong-uy-ban-nhan-dan"),
    "002": ("person/mai-son/VN-54", "Phó Chủ tịch", "TM. Ủy ban nhân dân; KT. Chủ tịch",
            "agency/VN-54/uy-ban-nhan-dan"),
    "003": ("person/thai-phuc-son/VN-23", "Giám đốc", None, "agency/VN-23/so-ngoai-vu"),
    "004": ("person/mai-son/VN-54", "Phó Chủ tịch", "TM. Ủy ban nhân dân; KT. Chủ tịch",
            "agency/VN-54/uy-ban-nhan-dan"),
}  # fmt: skip


def _doc_of(g: GraphData, prefix: str) -> str:
    return next(n.id for n in g.nodes_of("Document") if str(n.props.get("source", "")).endswith(".txt")
                and str(n.props["source"]).rsplit("/", 1)[-1].startswith(prefix))  # fmt: skip


def _members(g: GraphData, person: str) -> set[tuple[str, str]]:
    return {(e.target, e.props["role"]) for e in g.edges_of("MEMBER_OF") if e.source == person}


@pytest.mark.parametrize("prefix", sorted(SIGNERS))
def test_signer(corpus_graph: GraphData, prefix: str) -> None:
    person, role, authority, agency = SIGNERS[prefix]
    doc = _doc_of(corpus_graph, prefix)
    (signed,) = [e for e in corpus_graph.edges_of("SIGNED") if e.target == doc]
    assert signed.source == person
    assert (signed.props.get("role"), signed.props.get("authority")) == (role, authority)
    assert (agency, role) in _members(corpus_graph, person)
    assert corpus_graph.nodes[person].type == "Person"
    assert any(ev.prop is None and ev.document_id == doc for ev in signed.evidence)  # the name as printed


def test_mai_son_is_one_person_never_a_place(corpus_graph: GraphData) -> None:
    """Signer of 002 and 004, and "Phó Chủ tịch Thường trực UBND tỉnh Mai Sơn" in 000 (title and body)."""
    node = corpus_graph.nodes["person/mai-son/VN-54"]
    docs = {ev.document_id for ev in node.evidence}
    assert docs == {_doc_of(corpus_graph, p) for p in ("000", "002", "004")}
    assert ("agency/VN-54/uy-ban-nhan-dan", "Phó Chủ tịch Thường trực") in _members(corpus_graph, node.id)
    named = [n for n in corpus_graph.nodes.values() if n.type in PLACE_TYPES
             and {"Mai Sơn", "Lâm Hải Giang"} & {n.props.get("name"), n.props.get("name_vi")}]  # fmt: skip
    assert named == []


def test_officials_named_in_the_text(corpus_graph: GraphData) -> None:
    # 001: "Phó Chủ tịch UBND tỉnh Lâm Hải Giang" — a person of Bình Định, not a province.
    assert corpus_graph.nodes["person/lam-hai-giang/VN-31"].props["role"] == "Phó Chủ tịch"
    assert _members(corpus_graph, "person/lam-hai-giang/VN-31") == {("agency/VN-31/uy-ban-nhan-dan", "Phó Chủ tịch")}
    # 002 and 004: "(đồng chí) Chủ tịch nước Nguyễn Xuân Phúc" — of Việt Nam, no provincial body.
    phuc = corpus_graph.nodes["person/nguyen-xuan-phuc/VN"]
    assert phuc.props["role"] == "Chủ tịch nước" and _members(corpus_graph, phuc.id) == set()
    assert {ev.document_id for ev in phuc.evidence} == {_doc_of(corpus_graph, p) for p in ("002", "004")}
    # 003: "đoàn ... do đồng chí Chủ tịch UBND tỉnh làm Trưởng đoàn" — the office holder, unnamed.
    office = corpus_graph.nodes["person/office/VN-23/chu-tich-uy-ban-nhan-dan"]
    assert office.props["name"] == "Chủ tịch Ủy ban nhân dân tỉnh Hà Tĩnh"
    assert office.evidence[0].quote == "đồng chí Chủ tịch UBND tỉnh"


def test_agencies_belong_to_their_province(corpus_graph: GraphData) -> None:
    part_of = {(e.source, e.target) for e in corpus_graph.edges_of("PART_OF")}
    for agency, province in [("agency/VN-54/uy-ban-nhan-dan", "province/VN-54"),
                             ("agency/VN-54/van-phong-uy-ban-nhan-dan", "province/VN-54"),
                             ("agency/VN-23/so-ngoai-vu", "province/VN-23")]:  # fmt: skip
        assert (agency, province) in part_of
    assert corpus_graph.nodes["agency/VN-54/van-phong-uy-ban-nhan-dan"].props["name"] == (
        "Văn phòng Ủy ban nhân dân tỉnh Bắc Giang"
    )


def _people(text: str) -> dict[str, dict[str, object]]:
    g = GraphData.merge(build_record(RawDocument("snippet.txt", text, "txt")).facts)
    return {n.id: n.props for n in g.nodes_of("Person")}


HEADER = "Bắc Giang, ngày 5 tháng 8 năm 2022\n\nTHÔNG BÁO\n\nVề việc thử nghiệm\n\n"


@pytest.mark.parametrize(
    "body, expected",
    [
        # Source: corpus 004 §Phần thứ ba — "một đồng chí" is anyone holding the office.
        ("Nghiên cứu thành lập Ban Chỉ đạo do một đồng chí Phó Chủ tịch UBND tỉnh làm Trưởng ban.", {}),
        # Source: corpus 004 §1.2 — Hồ Nam is the Chinese province of the Party committee, not a person.
        ("đề nghị sắp xếp chuyến thăm giữa Phó Bí thư Tỉnh ủy Hồ Nam với lãnh đạo tỉnh.", {}),
        # A role and a known place with no name: the office in general, nobody in particular.
        ("Chủ tịch UBND tỉnh Bắc Giang và Tỉnh trưởng tỉnh Xay Sổm Bun đã ký Thỏa thuận.", {}),
        ("Bộ trưởng Bộ Ngoại giao Bùi Thanh Sơn tiếp đoàn.",
         {"person/bui-thanh-son/VN": {"name": "Bùi Thanh Sơn", "name_vi": "Bùi Thanh Sơn", "role": "Bộ trưởng"}}),
        ("Giám đốc Sở Ngoại vụ Nguyễn Văn An chủ trì.",
         {"person/nguyen-van-an/VN-54": {"name": "Nguyễn Văn An", "name_vi": "Nguyễn Văn An", "role": "Giám đốc"}}),
    ],
)  # fmt: skip
def test_snippets(body: str, expected: dict[str, dict[str, object]]) -> None:
    assert _people(HEADER + body + "\n") == expected


def test_member_of_a_central_body() -> None:
    record = build_record(RawDocument("s.txt", HEADER + "Bộ trưởng Bộ Ngoại giao Bùi Thanh Sơn tiếp đoàn.\n", "txt"))
    g = GraphData.merge(record.facts)
    assert _members(g, "person/bui-thanh-son/VN") == {("agency/VN/bo-ngoai-giao", "Bộ trưởng")}


def test_press_text_without_a_place_of_issue() -> None:
    """Source: dev-external d028 (press). The body and city are named once; the second mention, with the
    role alone, is the same person."""
    text = ("Tại buổi tiếp, Phó Chủ tịch UBND TP Hà Nội Nguyễn Mạnh Quyền khẳng định quan hệ Hà Nội – Minsk "
            "đang tiến triển tốt đẹp. Phó Chủ tịch Nguyễn Mạnh Quyền ủng hộ các sáng kiến.\n")  # fmt: skip
    g = GraphData.merge(build_record(RawDocument("d028.txt", text, "txt")).facts)
    (person,) = g.nodes_of("Person")
    assert person.id == "person/nguyen-manh-quyen/VN-HN" and len(person.evidence) == 2
    assert _members(g, person.id) == {("agency/VN-HN/uy-ban-nhan-dan", "Phó Chủ tịch")}
