"""Document lineage (issue 4): every reference in the five corpus documents with its relation, read off
the documents by hand, and snippets of the forms references take in Vietnamese official texts."""

from __future__ import annotations

from datetime import date
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from graph.model import Fact, GraphData
from ingest.extract.ref_parse import find_references
from ingest.extract.references import is_national
from ingest.normalize import match_form
from ingest.pipeline import build_record
from ingest.readers import read_document
from ingest.readers.base import RawDocument

CORPUS = Path(__file__).resolve().parents[3] / "examples" / "corpus"
LINEAGE = {"SUPERSEDES", "LEGAL_BASIS", "IMPLEMENTS", "BASED_ON", "CITES"}
Triple = tuple[str, str, str]


def _label(g: GraphData, node_id: str, doc_id: str) -> str:
    """'DOC' for the document read, else '<number> <date>' / '<type> <title> <date>' of the stub."""
    if node_id == doc_id:
        return "DOC"
    p = g.nodes[node_id].props
    what = p.get("number") or f"{p['doc_type']} {p['title']}"
    return f"{what} {p.get('date') or '-'}"


def lineage_of(record_facts: list[Fact], doc_id: str) -> set[Triple]:
    g = GraphData.merge(record_facts)
    return {(_label(g, e.source, doc_id), e.type, _label(g, e.target, doc_id)) for e in g.edges.values()
            if e.type in LINEAGE and g.nodes[e.source].type == g.nodes[e.target].type == "Document"}  # fmt: skip


@cache
def corpus_lineage(prefix: str) -> tuple[set[Triple], GraphData, str]:
    path = next(CORPUS.glob(f"{prefix}_*.txt"))
    record = build_record(read_document(path))
    return lineage_of(record.facts, record.id), GraphData.merge(record.facts), record.id


def snippet(text: str) -> set[Triple]:
    record = build_record(RawDocument("snippet.txt", text, "txt"))
    return lineage_of(record.facts, record.id)


# Every reference of each corpus document and how the document relates to it.
EXPECTED: dict[str, set[Triple]] = {
    # 000: a notice of conclusions; it names plans and agreements only generically — no reference.
    "000": set(),
    # 001: "theo ý kiến chỉ đạo của Thường trực Tỉnh ủy tại Thông báo số 760-TB/TU ngày 21/11/2022"
    # (§3); "theo quy định của Luật Thỏa thuận quốc tế" is a mention, not a basis of the notice.
    "001": {
        ("DOC", "BASED_ON", "760-TB/TU 2022-11-21"),
        ("DOC", "CITES", "Luật Thỏa thuận quốc tế -"),
    },
    # 002: preamble "Căn cứ Luật Thỏa thuận quốc tế ... được sự nhất trí của Thường trực Tỉnh ủy tại
    # Thông báo số 1227-TB/TU"; last paragraph "Kế hoạch này thay thế cho Kế hoạch số 667/KH-UBND".
    "002": {
        ("DOC", "LEGAL_BASIS", "Luật Thỏa thuận quốc tế -"),
        ("DOC", "BASED_ON", "1227-TB/TU 2022-08-18"),
        ("DOC", "SUPERSEDES", "667/KH-UBND 2021-12-09"),
    },
    # 003: "Thực hiện Văn bản số 4587/UBND-TH"; a list of plans the province issued (cited); Kế hoạch
    # 35 "về triển khai Nghị quyết số 169/NQ-CP ... tiếp tục thực hiện Nghị quyết số 36-NQ/TW, Chỉ thị
    # số 45-CT/TW và Kết luận số 12-KL/TW"; "Thực hiện Quyết định số 2627/QĐ-TTg" (§2.7); "Tiếp tục thực
    # hiện ... Quyết định số 76/2010/QĐ-TTg" (§4).
    "003": {
        ("DOC", "IMPLEMENTS", "4587/UBND-TH -"),
        ("DOC", "CITES", "249/NQ-HĐND 2020-12-08"),
        ("DOC", "CITES", "53/KH-UBND 2021-02-26"),
        ("DOC", "CITES", "452/KH-UBND 2021-11-30"),
        ("DOC", "CITES", "46/2021/QĐ-UBND 2021-10-29"),
        ("DOC", "CITES", "27/KH-UBND 2022-01-28"),
        ("DOC", "CITES", "22/KH-UBND 2022-01-20"),
        ("DOC", "CITES", "35/KH-UBND 2022-02-14"),
        ("DOC", "CITES", "169/NQ-CP 2021-12-31"),
        ("35/KH-UBND 2022-02-14", "IMPLEMENTS", "169/NQ-CP 2021-12-31"),
        ("DOC", "CITES", "36-NQ/TW -"),
        ("DOC", "CITES", "45-CT/TW -"),
        ("DOC", "CITES", "12-KL/TW -"),
        ("169/NQ-CP 2021-12-31", "IMPLEMENTS", "36-NQ/TW -"),
        ("169/NQ-CP 2021-12-31", "IMPLEMENTS", "45-CT/TW -"),
        ("169/NQ-CP 2021-12-31", "IMPLEMENTS", "12-KL/TW -"),
        ("DOC", "CITES", "33-KL/TW 2018-07-25"),
        ("DOC", "CITES", "05-HD/BĐNTW 2019-03-26"),
        ("DOC", "IMPLEMENTS", "2627/QĐ-TTg 2013-12-31"),
        ("DOC", "IMPLEMENTS", "76/2010/QĐ-TTg 2010-11-30"),
    },
    # 004: the decision's preamble (Căn cứ ...; Theo đề nghị ... tại Tờ trình), the Đề án attached to it,
    # the Đề án's "1. Căn cứ pháp lý" and "2. Văn bản chỉ đạo, điều hành" lists with what those documents
    # carry out, and "theo Luật Ngân sách Nhà nước" (Phần thứ tư).
    "004": {
        ("DOC", "LEGAL_BASIS", "Luật Tổ chức chính quyền địa phương 2015-06-19"),
        ("DOC", "LEGAL_BASIS", "Luật sửa đổi, bổ sung một số điều của Luật Tổ chức chính phủ và Luật Tổ chức"
                               " chính quyền địa phương 2019-11-22"),
        ("DOC", "LEGAL_BASIS", "Luật Thỏa thuận quốc tế 2020-11-13"),
        ("DOC", "LEGAL_BASIS", "64/2021/NĐ-CP 2021-06-30"),
        ("DOC", "LEGAL_BASIS", "65/2021/NĐ-CP 2021-06-30"),
        ("DOC", "BASED_ON", "20/TTr-SNgV 2021-08-14"),
        ("Đề án đẩy mạnh hợp tác quốc tế cấp địa phương của tỉnh Bắc Giang với các địa phương nước ngoài,"
         " giai đoạn 2021-2025 2021-08", "LEGAL_BASIS", "DOC"),
        ("DOC", "BASED_ON", "22-NQ/TW 2012-04-10"),
        ("DOC", "BASED_ON", "31/NQ-CP 2014-05-13"),
        ("DOC", "BASED_ON", "15-CT/TTg 2015-07-07"),
        ("DOC", "BASED_ON", "40/QĐ-TTg 2016-01-07"),
        ("DOC", "BASED_ON", "61-CTr/TU 2014-06-30"),
        ("DOC", "BASED_ON", "127/KH-UBND 2014-09-26"),
        ("31/NQ-CP 2014-05-13", "IMPLEMENTS", "22-NQ/TW -"),  # two dates are printed for 22-NQ/TW: kept apart
        ("15-CT/TTg 2015-07-07", "IMPLEMENTS", "22-NQ/TW 2012-04-10"),
        ("61-CTr/TU 2014-06-30", "IMPLEMENTS", "22-NQ/TW 2013-04-10"),  # "ngày 10/4/2013" as printed
        ("61-CTr/TU 2014-06-30", "IMPLEMENTS", "31/NQ-CP 2014-05-13"),
        ("127/KH-UBND 2014-09-26", "IMPLEMENTS", "61-CTr/TU 2014-06-30"),
        ("DOC", "CITES", "22-NQ/TW -"),
        ("DOC", "CITES", "22-NQ/TW 2013-04-10"),
        ("DOC", "CITES", "Luật Ngân sách Nhà nước -"),
    },
}  # fmt: skip


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_corpus_lineage(prefix: str) -> None:
    assert corpus_lineage(prefix)[0] == EXPECTED[prefix]


def test_own_number_is_not_a_reference() -> None:
    """000's header "Số: /TB-UBND" and 004's "(Ban hành kèm theo Quyết định số /QĐ-UBND ngày /8/2021"
    (the document itself) make no stub."""
    for prefix in ("000", "004"):
        _, g, _ = corpus_lineage(prefix)
        numbers = {n.props.get("number") for n in g.nodes_of("Document") if n.props.get("stub")}
        assert not {x for x in numbers if x and not x[0].isdigit()}


def test_stub_properties_and_evidence() -> None:
    _, g, doc_id = corpus_lineage("002")
    stub = next(n for n in g.nodes_of("Document") if n.props.get("number") == "667/KH-UBND")
    assert stub.id == "document/ref/VN-54/667-kh-ubnd/2021-12-09"
    assert (
        stub.props.items()
        >= {
            "stub": True,
            "doc_type": "Kế hoạch",
            "date": "2021-12-09",
            "issuer": "UBND tỉnh",
            "name": "Kế hoạch số 667/KH-UBND ngày 09/12/2021",
            "place": "Bắc Giang",
        }.items()
    )
    assert stub.props["title"].startswith("thực hiện Thoả thuận hợp tác giữa UBND tỉnh Bắc Giang")
    notice = next(n for n in g.nodes_of("Document") if n.props.get("number") == "1227-TB/TU")
    assert notice.props["issuer"] == "Thường trực Tỉnh ủy"  # "được sự nhất trí của Thường trực Tỉnh ủy tại ..."
    edge = next(e for e in g.edges.values() if e.type == "SUPERSEDES")
    ev = edge.evidence[0]
    assert (edge.source, edge.target) == (doc_id, stub.id)
    assert " ".join(ev.quote.split()) == "thay thế cho Kế hoạch số 667/KH-UBND ngày 09/12/2021 của UBND tỉnh"
    assert ev.section == "IV.10" and ev.document_id == doc_id


def test_national_references_are_shared_local_ones_scoped() -> None:
    """Nghị định 64/2021/NĐ-CP is one node whoever cites it; 'Kế hoạch số 12/KH-UBND' of two provinces
    are two documents."""
    body = "Căn cứ Nghị định số 64/2021/NĐ-CP ngày 30/6/2021; Kế hoạch số 12/KH-UBND ngày 1/1/2022.\n"
    a = build_record(
        RawDocument("a.txt", "Bắc Giang, ngày 1 tháng 2 năm 2022\n\nKẾ HOẠCH\n\nVề việc A\n\n" + body, "txt")
    )
    b = build_record(
        RawDocument("b.txt", "Hà Tĩnh, ngày 1 tháng 2 năm 2022\n\nKẾ HOẠCH\n\nVề việc B\n\n" + body, "txt")
    )
    ids = lambda r: {f.id for f in r.facts if f.type == "Document" and f.id != r.id}  # noqa: E731
    assert ids(a) & ids(b) == {"document/ref/vn/64-2021-nd-cp/2021-06-30"}
    assert "document/ref/VN-54/12-kh-ubnd/2022-01-01" in ids(a)
    assert "document/ref/VN-23/12-kh-ubnd/2022-01-01" in ids(b)
    assert is_national("70/2020/QH14") and not is_national("1227-TB/TU")


@pytest.mark.parametrize(
    "text, expected",
    [
        # Source: corpus 004 preamble, shortened. "Căn cứ A; B" — B is a basis too.
        ("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015; Luật Thỏa thuận quốc tế ngày 13/11/2020;",
         {("DOC", "LEGAL_BASIS", "Luật Tổ chức chính quyền địa phương 2015-06-19"),
          ("DOC", "LEGAL_BASIS", "Luật Thỏa thuận quốc tế 2020-11-13")}),
        # A plan that carries out a decision, named in its title-like opening.
        ("Kế hoạch thực hiện Quyết định số 1234/QĐ-TTg ngày 5/8/2020 của Thủ tướng Chính phủ.",
         {("DOC", "IMPLEMENTS", "1234/QĐ-TTg 2020-08-05")}),
        # Written date form and "thay thế".
        ("Quyết định này thay thế Quyết định số 15/2019/QĐ-UBND ngày 3 tháng 4 năm 2019 của UBND tỉnh.",
         {("DOC", "SUPERSEDES", "15/2019/QĐ-UBND 2019-04-03")}),
        # An undated mention takes the date printed for the same number elsewhere in the text (one node),
        # and a plain mention adds no CITES next to the relation stated.
        ("Xét đề nghị của Sở Nội vụ tại Tờ trình số 7/TTr-SNV ngày 2/3/2021. Tờ trình số 7/TTr-SNV nêu rõ.",
         {("DOC", "BASED_ON", "7/TTr-SNV 2021-03-02")}),
        # A bare type word, a "Đề án" without number or date, and a generic plan are not references.
        ("Các sở xây dựng Kế hoạch thực hiện Đề án theo Nghị quyết của HĐND tỉnh.", set()),
    ],
)  # fmt: skip
def test_snippets(text: str, expected: set[Triple]) -> None:
    assert snippet(text) == expected


def test_parser_reads_number_date_issuer_and_subject() -> None:
    # Source: corpus 003 §1 (the footnote mark "₁" after a number is not part of it).
    t = "Thực hiện Văn bản số 4587/UBND-TH₁ của UBND tỉnh về việc báo cáo kết quả; qua rà soát"
    (r,) = find_references(t, match_form(t))
    assert (r.doc_type, r.number, r.date, r.issuer, r.title) == (
        "Văn bản",
        "4587/UBND-TH",
        None,
        "UBND tỉnh",
        "báo cáo kết quả",
    )


def test_every_lineage_fact_cites_its_words() -> None:
    for prefix in EXPECTED:
        _, g, doc_id = corpus_lineage(prefix)
        for e in g.edges.values():
            if e.type in LINEAGE and g.nodes[e.target].type == "Document":
                assert e.evidence and all(ev.document_id == doc_id and ev.quote for ev in e.evidence)
        for n in g.nodes_of("Document"):
            assert n.evidence and all(ev.quote for ev in n.evidence)


TYPES = ["Nghị định", "Quyết định", "Kế hoạch", "Thông báo", "Nghị quyết", "Chỉ thị", "Tờ trình", "Văn bản"]
CODES = ["NĐ-CP", "QĐ-TTg", "KH-UBND", "TB/TU", "NQ-HĐND", "CT-UBND", "TTr-SNgV", "UBND-NgV"]


@given(
    st.sampled_from(TYPES), st.integers(1, 9999), st.one_of(st.none(), st.integers(1990, 2030)),
    st.sampled_from(CODES), st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31)), st.booleans(),
)  # fmt: skip
def test_parser_round_trip(doc_type: str, n: int, year: int | None, code: str, day: date, so: bool) -> None:
    """Any type, number (with or without year), symbol and date, written the usual ways, reads back."""
    number = f"{n}/{year}/{code}" if year else f"{n}/{code}"
    written = f"{doc_type}{' số' if so else ''} {number} ngày {day.day}/{day.month}/{day.year}"
    text = f"Căn cứ {written} của UBND tỉnh về việc thử nghiệm; các nội dung khác."
    (r,) = find_references(text, match_form(text))
    assert (r.doc_type, r.number, r.date, r.issuer, r.title) == (
        doc_type, number, day.isoformat(), "UBND tỉnh", "thử nghiệm")  # fmt: skip
    assert text[r.start : r.name_end] == written
