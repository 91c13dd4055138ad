"""The section tree of the five sample documents, snippets with tricky numbering, and properties
that hold for any text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ingest.structure import DocumentStructure, Section, parse_structure

from .conftest import Checker, Parsed


def paths(doc: DocumentStructure) -> list[str]:
    return [s.path for s in doc.flat()]


def by_path(doc: DocumentStructure) -> dict[str, Section]:
    return {s.path: s for s in doc.flat()}


# 002, part II: first words of every item's title.
PLAN_ITEMS = {
    "1.1": "Đẩy mạnh tuyên truyền", "1.2": "Trao đổi với đầu mối", "1.3": "Tổ chức Cuộc thi",
    "1.4": "Đưa nội dung giáo dục", "2.1": "Tổ chức đoàn công tác", "2.2": "Đón tiếp đoàn Lãnh đạo",
    "2.3": "Tổ chức Đoàn khảo sát", "2.4": "Tổ chức các đoàn công tác", "2.5": "Tổ chức đoàn cán bộ",
    "2.6": "Đón tiếp 03 đoàn", "2.7": "Trao đổi đoàn", "2.8": "Ký thỏa thuận thiết lập",
    "2.9": "Ký thỏa thuận hợp tác giữa Hội", "3.1": "Tỉnh cử 02 công chức", "3.2": "Tổ chức 05 lớp",
    "3.3": "Hỗ trợ xây dựng 08 mô hình", "3.4": "Đón 02 đoàn", "4.1": "Tổ chức một số điểm",
    "4.2": "Tổ chức một số điểm", "4.3": "Tổ chức Hội nghị, triển lãm", "4.4": "Giới thiệu, hỗ trợ",
    "5.1": "Cử 01 giáo viên", "5.2": "Hỗ trợ kinh phí đào tạo", "5.3": "Hỗ trợ 03 học sinh",
    "5.4": "Hỗ trợ tập huấn", "5.5": "Tổ chức các chương trình", "6.1": "Tổ chức khảo sát",
    "6.2": "Hỗ trợ thiết bị y tế", "7.1": "Tổ chức 01 chương trình", "7.2": "Cử đoàn đại biểu",
    "7.3": "Tạo điều kiện", "7.4": "Hỗ trợ tỉnh Xay Sổm Bun bồi dưỡng", "8.1": "Tổ chức các hoạt động",
    "8.2": "Hỗ trợ tỉnh Xay Sổm Bun xây dựng", "8.3": "Tiếp tục nghiên cứu",
}  # fmt: skip


def test_plan_002(parsed: dict[str, Parsed], invariants: Checker) -> None:
    text, doc = parsed["002"]
    invariants(text, doc)
    secs = by_path(doc)
    assert [s.path for s in doc.sections] == ["I", "II", "III", "IV"]
    assert [(s.path, s.title) for s in doc.sections] == [
        ("I", "MỤC ĐÍCH, YÊU CẦU"),
        ("II", "NỘI DUNG"),
        ("III", "KINH PHÍ"),
        ("IV", "TỔ CHỨC THỰC HIỆN"),
    ]
    assert [c.path for c in secs["II"].children] == [f"II.{n}" for n in range(1, 9)]
    for number, first_words in PLAN_ITEMS.items():
        item = secs[f"II.{number}"]
        assert item.title.startswith(first_words), (number, item.title)
        assert item in secs[f"II.{number.split('.')[0]}"].children
    assert secs["II.1"].title.endswith("hai tỉnh Bắc Giang và Xay Sổm Bun")  # wrapped heading re-joined
    assert secs["I.1"].title == "Mục đích" and secs["I.2"].title == "Yêu cầu"
    assert secs["II.2.8"].title.endswith("huyện Lục Ngạn và huyện A-nu-vông")  # stops at "Thời gian:"
    assert secs["II.2.6+1"].title.startswith("Năm 2023: Đón 1 đoàn")
    assert [c.path for c in secs["II.2.6"].children] == ["II.2.6+1", "II.2.6+2", "II.2.6+3"]
    assert [c.path for c in secs["II.2.7"].children] == ["II.2.7-1", "II.2.7-2", "II.2.7-3"]
    assert [c.path for c in secs["IV"].children] == [f"IV.{n}" for n in range(1, 11)]
    assert doc.section_at(text.index("21 bộ tiểu phẫu")) == "II.6.2"
    # Numbers inside sentences, amounts, page numbers and "(1) Công tác ..." are not sections.
    assert doc.section_at(text.index("(1) Công tác")) == "II.2.6"
    assert doc.section_at(text.index("13,14,15/4)")) == "II.1.1"
    assert doc.section_at(text.index("2022) và Bản ghi nhớ")) is None  # preamble
    assert doc.section_at(text.index("33.400.000.000 đồng")) == "III"
    assert doc.section_at(text.index("\n8 \n") + 1) == "II.7.2"
    assert len(paths(doc)) == 4 + 2 + 2 + 8 + len(PLAN_ITEMS) + 3 + 2 + 3 + 3 + 10 + 2 + 2 + 2


def test_conclusions_000(parsed: dict[str, Parsed], invariants: Checker) -> None:
    text, doc = parsed["000"]
    invariants(text, doc)
    secs = by_path(doc)
    assert [s.path for s in doc.sections] == ["1", "2"]
    assert [c.path for c in secs["2"].children if c.kind == "num"] == [f"2.{n}" for n in range(1, 11)]
    assert secs["2.4"].title == "Sở Ngoại vụ:" and text[secs["2.4"].start :].startswith("2.4. Sở Ngoại vụ:")
    assert [c.path for c in secs["2.4"].children] == ["2.4-1", "2.4-2", "2.4-3", "2.4-4"]
    assert secs["2.4-2"].title.startswith("Tích cực, chủ động phối hợp với Bộ Ngoại giao")
    assert secs["2.4-2"].title.endswith("thiết lập quan hệ hợp tác với tỉnh Chi Ba (Nhật Bản).")
    assert secs["2.7"].title == "UBND huyện, thị xã, thành phố:"  # indented " 2.7." on a wrapped line
    assert doc.section_at(text.index("Ngày 21/6/2024")) is None
    assert doc.section_at(text.index("Daejeon")) == "2.7-2"


def test_decision_with_attached_plan_004(parsed: dict[str, Parsed], invariants: Checker) -> None:
    text, doc = parsed["004"]
    invariants(text, doc)
    secs = by_path(doc)
    assert [s.path for s in doc.sections] == ["D1", "D2", "D3", "P1", "P2", "P3", "P4"]
    assert secs["D3"].end < text.index("Nơi nhận:")  # the decision's articles stop at its closing block
    assert secs["P1"].title == "SỰ CẦN THIẾT VÀ CĂN CỨ XÂY DỰNG ĐỀ ÁN"
    assert secs["P1.I"].title == "SỰ CẦN THIẾT XÂY DỰNG ĐỀ ÁN"  # glued on the same line as P1
    assert secs["P2"].title == "CÔNG TÁC HỢP TÁC QUỐC TẾ CẤP ĐỊA PHƯƠNG GIAI ĐOẠN 2016-2020"
    assert secs["P3"].title.endswith("VÀ GIẢI PHÁP CHỦ YẾU GIAI ĐOẠN 2021-2025")
    assert secs["P4"].title == "TỔ CHỨC THỰC HIỆN"
    assert [c.path for c in secs["P2.I"].children] == ["P2.I.1", "P2.I.2"]
    assert secs["P2.I.2.2"].label == "2.2"  # multi-level number printed without its final dot
    assert secs["P3.III.3-1+1"].title.startswith("Thành phố Bắc Giang:")
    table = secs["P4.T1"]
    assert table.kind == "table" and table.title.startswith("CÁC NHIỆM VỤ CHỦ YẾU")
    assert [r.path for r in table.children] == [f"P4.T1.r{n}" for n in range(1, 9)]
    assert all(r.kind == "row" for r in table.children)
    assert [r.label for r in table.children] == [f"{n}." for n in range(1, 9)]
    assert secs["P4.T1.r2"].title.startswith("Kế hoạch thực hiện Thỏa thuận hợp tác giữa tỉnh Bắc Giang")
    assert doc.section_at(text.index("Kế hoạch quảng bá văn hóa tỉnh Bắc Giang")) == "P4.T1.r7"
    # No numbered section was made of a table row.
    inside = [s for s in doc.flat() if table.start <= s.start < table.end and s.kind not in ("table", "row")]
    assert inside == []
    assert secs["P4.II.4-5"].end < table.start


def test_report_003_footnotes(parsed: dict[str, Parsed], invariants: Checker) -> None:
    text, doc = parsed["003"]
    invariants(text, doc)
    secs = by_path(doc)
    assert [s.path for s in doc.sections] == ["1", "2", "3", "4"]
    assert [c.path for c in secs["2"].children] == [f"2.{n}" for n in range(1, 10)]
    notes = [s for s in doc.flat() if s.kind == "footnote"]
    assert [(s.path, s.label) for s in notes] == [("fn1", "¹"), ("fn2", "²")]
    assert notes[0].title.startswith("Tặng tỉnh Bolykhamsay")
    assert doc.section_at(text.index("Tặng tỉnh Khăm Muộn")) == "fn1"
    assert secs["3.1"].title == "Khó khăn, vướng mắc" and secs["4"].title == "Kiến nghị, đề xuất"
    assert doc.section_at(text.index("20.000 bộ kit")) == "2.3-4"


def test_notice_001(parsed: dict[str, Parsed], invariants: Checker) -> None:
    text, doc = parsed["001"]
    invariants(text, doc)
    assert paths(doc) == ["1", "2", "3", "4", "5"]
    assert doc.sections[0].title.startswith("Các sở, ngành liên quan (thành viên Ban Chỉ đạo)")


# --- snippets ------------------------------------------------------------------------------------


def test_monotone_numbering_rejects_false_restarts() -> None:
    text = (
        "2. Nhiệm vụ\n\n2.9. Chín.\n\n2.10. Mười, hoàn thành trong tháng\n"
        "1. Tháng 6 năm 2024 đã họp.\n\n3. Tổ chức thực hiện\n"
    )
    doc = parse_structure(text)
    assert paths(doc) == ["1"]  # a first item must be numbered 1: only "1. Tháng 6 ..." qualifies
    doc = parse_structure("1. Mở đầu\n\n" + text)
    assert paths(doc) == ["1", "2", "3"]  # "2.9" cannot open under "2"; "1." after "2" is rejected
    doc = parse_structure("1. Mở đầu\n\n2. Nhiệm vụ\n\n2.1. Một.\n\n2.2. Hai.\n\n1. Sai.\n\n3. Ba\n")
    assert paths(doc) == ["1", "2", "2.1", "2.2", "3"]


def test_letters_dashes_pluses_and_articles() -> None:
    text = (
        "Điều 1. Phạm vi\n\n1. Khoản một:\n\na) Điểm a;\n\nb) Điểm b:\n\n- Ý một;\n\n+ Chi tiết;\n\n"
        "- Ý hai.\n\nđ) Sai thứ tự.\n\nc) Điểm c.\n\nĐiều 2. Hiệu lực\n"
    )
    doc = parse_structure(text)
    assert paths(doc) == [
        "D1",
        "D1.1",
        "D1.1.a",
        "D1.1.b",
        "D1.1.b-1",
        "D1.1.b-1+1",
        "D1.1.b-2",
        "D1.1.c",
        "D2",
    ]


def test_dash_on_a_wrapped_line_is_not_an_item() -> None:
    line = "Hợp tác giữa Sở Lao động, Thương binh và Xã hội tỉnh Bắc Giang với các đối tác Việt Nam"
    text = f"1. Hợp tác\n\n{line}\n\n- Lào về đào tạo nghề.\n\n- Tuyển sinh.\n"
    doc = parse_structure(text)
    assert paths(doc) == ["1", "1-1"]


def test_inline_table_stays_inside_its_section() -> None:
    table = "STT\tNội dung\tSố tiền\n1.\tĐoàn ra\t100\n2.\tĐoàn vào\t200\n"
    text = f"I. KINH PHÍ\n\n1. Dự toán\n\n{table}\n2. Nguồn\n"
    doc = parse_structure(text)
    assert paths(doc) == ["I", "I.1", "I.1.T1", "I.1.T1.r1", "I.1.T1.r2", "I.2"]


# --- properties ----------------------------------------------------------------------------------

PIECES = st.sampled_from(
    ["\n", "\n\n", " ", "\t", "**", "- ", "+ ", "a) ", "đ) ", "I. ", "II. ", "1. ", "2. ", "1.1. ", "2.10 ",
     "Phần thứ hai", "Điều 3. ", "¹ ", "8", "33.400.000.000 đồng", "Ngày 21/6/2024", "(1) Công tác", "Số: ",
     "/TB-UBND", "Hà Nội, ngày 05 tháng 9 năm 2024", "THÔNG BÁO", "V/v ", "Kính gửi: ", "Nơi nhận:",
     "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn An", "ỦY BAN NHÂN DÂN TỈNH HÀ GIANG",
     "STT\tNhiệm vụ\tĐơn vị\n", "1.\tKế hoạch\tSở\n", "CÁC NHIỆM VỤ", "–––", "Tỉnh cử chuyên gia."]
)  # fmt: skip
TEXTS = st.lists(PIECES, max_size=60).map("".join) | st.text(max_size=400)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_never_raises_and_sections_nest(text: str) -> None:
    from .conftest import check_invariants

    doc = parse_structure(text)
    check_invariants(text, doc)
    for s in doc.flat():
        assert 0 <= s.start <= s.heading_end <= s.end <= len(text)
        assert doc.section_at(s.start) is not None


def test_heading_right_above_a_table_is_not_its_caption() -> None:
    table = "STT\tNội dung\tSố tiền\n1.\tĐoàn ra\t100\n2.\tĐoàn vào\t200\n"
    text = f"I. KINH PHÍ\n{table}\nII. TỔ CHỨC THỰC HIỆN\n"
    doc = parse_structure(text)
    assert paths(doc) == ["I", "I.T1", "I.T1.r1", "I.T1.r2", "II"]
