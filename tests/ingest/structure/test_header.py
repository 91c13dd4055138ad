"""Header and signature block of the five sample documents, and of invented headers from other
provinces and document types."""

from __future__ import annotations

import pytest

from ingest.structure import DocumentStructure, header_spans, issuer_source, parse_structure

from .conftest import Checker, Parsed, corpus_text

# prefix: doc_type, number, place, date, issuer, title prefix, signer, role, authority
EXPECTED: dict[str, tuple[str | None, ...]] = {
    "000": (
        "Thông báo", "/TB-UBND", "Bắc Giang", "2024-06", "UBND tỉnh Bắc Giang",
        "Kết luận của Phó Chủ tịch Thường trực UBND tỉnh Mai Sơn tại cuộc họp Ban Chỉ đạo",
        "Lê Tuấn Phú", "Chánh Văn phòng", "TL. Chủ tịch",
    ),
    "001": (
        "Thông báo", "/TB-UBND", "Bình Định", "2023", "UBND tỉnh Bình Định",
        "Ý kiến kết luận của Phó Chủ tịch UBND tỉnh Lâm Hải Giang tại cuộc họp",
        "Trần Trọng Triêm", "Phó Chánh Văn phòng", "TL. Chủ tịch; KT. Chánh Văn phòng",
    ),
    "002": (
        "Kế hoạch", None, "Bắc Giang", "2022-08", "UBND tỉnh Bắc Giang",
        "Thực hiện Thỏa thuận hợp tác giữa UBND tỉnh Bắc Giang và Chính quyền tỉnh Xay Sổm Bun",
        "Mai Sơn", "Phó Chủ tịch", "TM. Ủy ban nhân dân; KT. Chủ tịch",
    ),
    "003": (
        "Công văn", "/SNgV-VPTTr", "Hà Tĩnh", "2022-08", "Sở Ngoại vụ tỉnh Hà Tĩnh",
        "báo cáo kết quả thực hiện các Nghị quyết của HĐND tỉnh từ đầu nhiệm kỳ đến nay",
        "Thái Phúc Sơn", "Giám đốc", None,
    ),
    "004": (
        "Quyết định", "/QĐ-UBND", "Bắc Giang", "2021-08", "UBND tỉnh Bắc Giang",
        "Ban hành Đề án đẩy mạnh hợp tác quốc tế cấp địa phương của tỉnh Bắc Giang",
        "Mai Sơn", "Phó Chủ tịch", "TM. Ủy ban nhân dân; KT. Chủ tịch",
    ),
}  # fmt: skip
NAMES = (
    "doc_type",
    "number",
    "place",
    "date",
    "issuer",
    "title",
    "signer",
    "signer_role",
    "signer_authority",
)


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_corpus_header(prefix: str, parsed: dict[str, Parsed], invariants: Checker) -> None:
    text, doc = parsed[prefix]
    invariants(text, doc)
    h = doc.header
    for name, want in zip(NAMES, EXPECTED[prefix], strict=True):
        got = h.value(name)
        if name == "title":
            assert got is not None and got.startswith(str(want)), got
        else:
            assert got == want, (name, got)
        if want is None:
            assert name in h.missing


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_titles_have_no_markdown_and_honest_spans(prefix: str, parsed: dict[str, Parsed]) -> None:
    text, doc = parsed[prefix]
    title = doc.header.title
    assert title is not None
    assert "*" not in title.value and "\n" not in title.value
    assert not title.text.startswith("*") and not title.text.endswith("*")
    assert title.text == text[title.start : title.end]


def test_issuer_sources(parsed: dict[str, Parsed]) -> None:
    sources = {p: issuer_source(parsed[p][1].header) for p in EXPECTED}
    assert sources == {
        "000": "symbol",
        "001": "symbol",
        "002": "signature",
        "003": "symbol",
        "004": "printed",
    }
    assert parsed["000"][1].header.issuer.text == "UBND"  # type: ignore[union-attr]
    assert parsed["002"][1].header.issuer.text == "TM. ỦY BAN NHÂN DÂN"  # type: ignore[union-attr]


def test_recipients_and_addressees(parsed: dict[str, Parsed]) -> None:
    h000, h002, h003 = (parsed[p][1].header for p in ("000", "002", "003"))
    assert [r.value for r in h000.recipients][:3] == [
        "Chủ tịch, các PCT UBND tỉnh",
        "Các sở, cơ quan, đơn vị thuộc UBND tỉnh",
        "Công an tỉnh",
    ]
    assert h000.recipients[-1].value.startswith("Lưu: VT, KGVX")
    # A wrapped, indented continuation line is joined to its item.
    assert "Trường Cao đẳng Nghề công nghệ Việt- Hàn; trường Cao đẳng Ngô Gia Tự" in [
        r.value for r in h002.recipients
    ]
    assert [a.value for a in h003.addressees] == ["Sở Kế hoạch và Đầu tư"]
    assert [r.value for r in h003.recipients] == [
        "Như trên",
        "UBND tỉnh",
        "Ban Giám đốc Sở",
        "Lưu: VT, VPTTr",
    ]


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_header_spans_cover_date_line_and_recipients(prefix: str, parsed: dict[str, Parsed]) -> None:
    _, doc = parsed[prefix]
    spans = header_spans(doc.header)
    h = doc.header
    for f in (h.place, h.date, *h.recipients):
        assert f is not None and (f.start, f.end) in spans
    # No section starts inside a header span (the recipients list is not the body's dashes).
    for s in doc.flat():
        assert not any(a <= s.start < b for a, b in spans), s.path


def test_body_bounds(parsed: dict[str, Parsed]) -> None:
    text, doc = parsed["002"]
    assert text[doc.body_start :].lstrip().startswith("Nhân chuyến thăm hữu nghị")
    assert text[: doc.body_end].rstrip().endswith("giai đoạn 2021-2025./.")
    text4, doc4 = parsed["004"]
    assert text4[doc4.body_end :].strip() == ""  # the attached Đề án is part of the body


# --- invented headers: other provinces, other layouts ------------------------------------------

CONG_VAN = """ỦY BAN NHÂN DÂN
TỈNH QUẢNG NINH
--------
Số: 1234/UBND-NgV
V/v triển khai Biên bản ghi nhớ hợp tác
với tỉnh Quảng Tây (Trung Quốc)
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Quảng Ninh, ngày 05 tháng 9 năm 2024

Kính gửi:
- Sở Ngoại vụ;
- Sở Công Thương;
- UBND thành phố Móng Cái.

Thực hiện Biên bản ghi nhớ ký ngày 21/6/2024 giữa UBND tỉnh Quảng Ninh và Chính phủ nhân dân Khu tự trị
dân tộc Choang Quảng Tây, UBND tỉnh yêu cầu:

1. Sở Ngoại vụ chủ trì xây dựng kế hoạch triển khai, hoàn thành trước ngày 30/9/2024.

2. Sở Công Thương phối hợp tổ chức Hội chợ thương mại quốc tế Việt - Trung (Móng Cái) năm 2024.

Nơi nhận:
- Như trên;
- CT, các PCT UBND tỉnh;
- Lưu: VT, NgV.

KT. CHỦ TỊCH
PHÓ CHỦ TỊCH

(Đã ký)

Nguyễn Minh Sơn
"""

NGHI_QUYET = """HỘI ĐỒNG NHÂN DÂN
TỈNH LÀO CAI

Số: 15/NQ-HĐND

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Lào Cai, ngày 05 tháng 9 năm 2024

NGHỊ QUYẾT
Về việc thông qua Đề án hợp tác với tỉnh Vân Nam (Trung Quốc)
giai đoạn 2024 - 2030

HỘI ĐỒNG NHÂN DÂN TỈNH LÀO CAI
KHÓA XVI, KỲ HỌP THỨ 20

Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;

QUYẾT NGHỊ:

Điều 1. Thông qua Đề án hợp tác với tỉnh Vân Nam (Trung Quốc) giai đoạn 2024 - 2030.

Điều 2. Giao Ủy ban nhân dân tỉnh tổ chức thực hiện:
1. Xây dựng kế hoạch hằng năm;
2. Báo cáo kết quả tại kỳ họp cuối năm.

Điều 3. Nghị quyết có hiệu lực từ ngày ký./.

Nơi nhận:
- UBTVQH;
- Lưu: VT.

CHỦ TỊCH

**Vũ Xuân Cường**
"""

TO_TRINH = """SỞ NGOẠI VỤ
Số: 20/TTr-SNgV

Hà Nội, ngày 05/9/2024

TỜ TRÌNH
**Về việc ký kết Thỏa thuận hợp tác giữa
thành phố Hà Nội và thành phố Bangkok (Thái Lan)**

Kính gửi: Ủy ban nhân dân thành phố Hà Nội

Sở Ngoại vụ kính trình ...

Nơi nhận:
- Như trên;
- Lưu: VT.

GIÁM ĐỐC

Trần Văn An
"""


def test_cong_van_other_province(invariants: Checker) -> None:
    doc = parse_structure(CONG_VAN)
    invariants(CONG_VAN, doc)
    h = doc.header
    assert h.value("doc_type") == "Công văn"
    assert h.value("number") == "1234/UBND-NgV"
    assert h.value("issuer") == "UBND tỉnh Quảng Ninh" and issuer_source(h) == "printed"
    assert (h.value("place"), h.value("date")) == ("Quảng Ninh", "2024-09-05")
    assert h.value("title") == "triển khai Biên bản ghi nhớ hợp tác với tỉnh Quảng Tây (Trung Quốc)"
    assert [a.value for a in h.addressees] == ["Sở Ngoại vụ", "Sở Công Thương", "UBND thành phố Móng Cái"]
    assert (h.value("signer"), h.value("signer_role"), h.value("signer_authority")) == (
        "Nguyễn Minh Sơn",
        "Phó Chủ tịch",
        "KT. Chủ tịch",
    )
    assert [s.path for s in doc.flat()] == ["1", "2"]
    assert h.missing == []


def test_nghi_quyet(invariants: Checker) -> None:
    doc = parse_structure(NGHI_QUYET)
    invariants(NGHI_QUYET, doc)
    h = doc.header
    assert (h.value("doc_type"), h.value("number"), h.value("issuer")) == (
        "Nghị quyết",
        "15/NQ-HĐND",
        "HĐND tỉnh Lào Cai",
    )
    assert (
        h.value("title")
        == "Về việc thông qua Đề án hợp tác với tỉnh Vân Nam (Trung Quốc) giai đoạn 2024 - 2030"
    )
    assert (h.value("signer"), h.value("signer_role")) == ("Vũ Xuân Cường", "Chủ tịch")
    assert h.missing == ["signer_authority"]
    assert [s.path for s in doc.flat()] == ["D1", "D2", "D2.1", "D2.2", "D3"]


def test_to_trinh_numeric_date_and_bold_title(invariants: Checker) -> None:
    doc = parse_structure(TO_TRINH)
    invariants(TO_TRINH, doc)
    h = doc.header
    assert (h.value("doc_type"), h.value("number"), h.value("issuer")) == (
        "Tờ trình",
        "20/TTr-SNgV",
        "Sở Ngoại vụ",
    )
    assert (h.value("place"), h.value("date")) == ("Hà Nội", "2024-09-05")
    assert h.value("title") == (
        "Về việc ký kết Thỏa thuận hợp tác giữa thành phố Hà Nội và thành phố Bangkok (Thái Lan)"
    )
    assert [a.value for a in h.addressees] == ["Ủy ban nhân dân thành phố Hà Nội"]
    assert (h.value("signer"), h.value("signer_role")) == ("Trần Văn An", "Giám đốc")


@pytest.mark.parametrize(
    ("number", "place", "doc_type", "issuer"),
    [
        ("Số: 88/KH-UBND", "Đà Nẵng", "Kế hoạch", "UBND thành phố Đà Nẵng"),
        ("Số: 760-TB/TU", "Bắc Giang", "Thông báo", "Tỉnh ủy Bắc Giang"),
        ("Số:   12 /BC-STC", "Cà Mau", "Báo cáo", "Sở Tài chính tỉnh Cà Mau"),
    ],
)
def test_type_and_issuer_derived_from_symbol(number: str, place: str, doc_type: str, issuer: str) -> None:
    text = f"{number}\n\n{place}, ngày 05 tháng 9 năm 2024\n\nNội dung văn bản.\n"
    h = parse_structure(text).header
    assert (h.value("doc_type"), h.value("issuer"), issuer_source(h)) == (doc_type, issuer, "symbol")
    assert h.number is not None and " " not in h.number.value
    assert h.issuer is not None and h.issuer.text == text[h.issuer.start : h.issuer.end]


def test_headerless_text_lists_what_is_missing(invariants: Checker) -> None:
    text = "Một đoạn văn không có phần đầu.\n\n1. Mục thứ nhất.\n\n2. Mục thứ hai.\n"
    doc: DocumentStructure = parse_structure(text)
    invariants(text, doc)
    assert set(doc.header.missing) >= {"doc_type", "number", "issuer", "place", "date", "title", "signer"}
    assert [s.path for s in doc.flat()] == ["1", "2"]


@pytest.mark.parametrize("text", ["", "\n\n", "Số:", "Nơi nhận:", "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH", "**"])
def test_degenerate_texts(text: str, invariants: Checker) -> None:
    doc = parse_structure(text)
    invariants(text, doc)
    assert "doc_type" in doc.header.missing


def test_only_the_first_type_line_counts() -> None:
    # 004 is a Quyết định that carries an Đề án; the Đề án's type line does not override it.
    doc = parse_structure(corpus_text("004"))
    assert doc.header.value("doc_type") == "Quyết định"


TWO_COLUMNS = """UBND TỈNH ĐIỆN BIÊN          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
SỞ NGOẠI VỤ                  Độc lập - Tự do - Hạnh phúc
Số: 456/SNgV-HTQT            Điện Biên, ngày 12 tháng 3 năm 2025
V/v chuẩn bị đoàn công tác sang tỉnh Phongsaly (Lào)

Kính gửi: Ủy ban nhân dân tỉnh Điện Biên

Sở Ngoại vụ kính báo cáo như sau:

1. Thời gian dự kiến: tháng 4/2025.

Nơi nhận:                    GIÁM ĐỐC
- Như trên;
- Lưu: VT.

                             Lò Văn Hùng
"""


def test_two_column_header_flattened_onto_lines(invariants: Checker) -> None:
    doc = parse_structure(TWO_COLUMNS)
    invariants(TWO_COLUMNS, doc)
    h = doc.header
    assert (h.value("doc_type"), h.value("number"), h.value("issuer")) == (
        "Công văn",
        "456/SNgV-HTQT",
        "Sở Ngoại vụ tỉnh Điện Biên",
    )
    assert (h.value("place"), h.value("date")) == ("Điện Biên", "2025-03-12")
    assert h.value("title") == "chuẩn bị đoàn công tác sang tỉnh Phongsaly (Lào)"
    assert [a.value for a in h.addressees] == ["Ủy ban nhân dân tỉnh Điện Biên"]
    assert [r.value for r in h.recipients] == ["Như trên", "Lưu: VT"]
    assert (h.value("signer"), h.value("signer_role")) == ("Lò Văn Hùng", "Giám đốc")
    assert [s.path for s in doc.flat()] == ["1"]
