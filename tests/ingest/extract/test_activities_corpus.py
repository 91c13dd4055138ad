"""Acceptance on the sample corpus (issue 4B): every plan item of the Bắc Giang - Xay Sổm Bun plan
(002 §II, items 1.1-8.3), the tasks of the notices (000 §2.4-2.10, 001 §2-4) and the Đề án's task
table (004). Expected values were read off the documents by hand; names are the ones the documents
write (a department merged in 2025 keeps its old name here, its entity is the one that continues)."""

from __future__ import annotations

from typing import Any

import pytest

from graph.activities import activity_rows
from graph.model import GraphData

Rows = dict[tuple[str, str], dict[str, Any]]
BG = "Bắc Giang"
SNGV, SYT, STC, SKHDT = "Sở Ngoại vụ", "Sở Y tế", "Sở Tài chính", "Sở Kế hoạch và Đầu tư"
SNN, SNV, SCT = "Sở Nông nghiệp và Phát triển nông thôn", "Sở Nội vụ", "Sở Công Thương"
SVH, SGD, SLD = "Sở Văn hóa, Thể thao và Du lịch", "Sở Giáo dục và Đào tạo", "Sở Lao động - Thương binh và Xã hội"
SKHCN, STTTT, SXD = "Sở Khoa học và Công nghệ", "Sở Thông tin và Truyền thông", "Sở Xây dựng"
BAO, DAI = "Báo Bắc Giang", "Đài Phát thanh và Truyền hình tỉnh"
HHDN, DHNL = "Hiệp hội Doanh nghiệp tỉnh", "Trường Đại học Nông - Lâm Bắc Giang"
LHHN, HHN = "Liên hiệp các tổ chức hữu nghị tỉnh", "Hội Hữu nghị Việt Nam - Lào"
MTTQ, VPTU, VPUB = "Ủy ban Mặt trận Tổ quốc tỉnh", "Văn phòng Tỉnh ủy", "Văn phòng Ủy ban nhân dân tỉnh"
VPDB = "Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh"
NGT, VH = "Trường Cao đẳng Ngô Gia Tự Bắc Giang", "Trường Cao đẳng Nghề Công nghệ Việt - Hàn Bắc Giang"
ALL = [2022, 2023, 2024, 2025]  # "Hằng năm": the agreement's period 2021-2025 from the plan's year 2022


@pytest.fixture(scope="module")
def rows(corpus_graph: GraphData) -> Rows:
    return {(r["evidence"][0]["source"].rsplit("/", 1)[-1][:3], r["ref"]): r for r in activity_rows(corpus_graph)}


# (sector, lead, coordinating, years) of each item of 002 §II, as the plan writes them.
PLAN = {
    "1.1": ("tuyen_truyen", [BAO, DAI], [SNGV], ALL),
    "1.2": ("tuyen_truyen", [BAO, DAI], [SNGV], ALL),
    "1.3": ("tuyen_truyen", [SNGV], [STTTT, LHHN, HHN, BAO, DAI], [2025]),
    "1.4": ("tuyen_truyen", [SGD], [SNGV], ALL),
    "2.1": ("doan_cap_cao", [SNGV], [MTTQ, VPTU, VPUB, VPDB, SKHDT, SCT, SNV, SNN, SVH, SLD, BAO, DAI, HHDN], ALL),
    "2.2": ("doan_cap_cao", [SNGV], [MTTQ, VPTU, VPUB, VPDB, SKHDT, SCT, SNV, SNN, SVH, SLD, "Công an tỉnh",
            "Bộ Chỉ huy Quân sự tỉnh"], ALL),
    "2.3": ("doan_cap_cao", [SNGV], [VPUB, SKHDT, SNV, SCT, SNN, SYT, DHNL, HHDN], [2022]),
    "2.4": ("doan_cap_cao", [SNGV], [], ALL),
    "2.5": ("doan_cap_cao", [SNN], [SXD, STC, SKHDT, SNGV], [2022, 2023]),
    "2.6": ("doan_cap_cao", [SNV], [SNGV, SKHDT, SCT, SNV, "Sở Tư pháp", SNN, SVH, SLD, SKHCN, BAO, DAI], ALL[1:]),
    "2.7": ("doan_cap_cao", ["Công an tỉnh"], [SNGV], ALL),
    "2.8": ("doan_cap_cao", ["Ủy ban nhân dân huyện Lục Ngạn"], [SNGV], [2022]),
    "2.9": ("doan_cap_cao", ["Hội Liên hiệp Phụ nữ tỉnh Bắc Giang"], [SNGV], [2022]),
    "3.1": ("nong_nghiep", [SNN], [SNV, SNGV], ALL),
    "3.2": ("nong_nghiep", [SNN], [SNGV], [2022, 2023]),
    "3.3": ("nong_nghiep", [SNN], [SNGV], [2022, 2023, 2024]),
    "3.4": ("nong_nghiep", [SNGV], [SNN], [2022, 2024]),
    "4.1": ("dau_tu_thuong_mai", [SCT], [SNGV, SNN, SKHCN, HHDN], [2023, 2025]),
    "4.2": ("dau_tu_thuong_mai", [SCT], [SNGV, SNN, SVH, HHDN], [2025]),
    "4.3": ("dau_tu_thuong_mai", [SCT], [SNGV, SNN, STTTT, HHDN], ALL),
    "4.4": ("dau_tu_thuong_mai", [HHDN + " Bắc Giang", "Hội Doanh nhân trẻ"], [SNGV, SCT, SKHDT], ALL),
    "5.1": ("giao_duc", [SGD], [SNGV], [2023, 2024]),
    "5.2": ("giao_duc", [DHNL], [SNGV, SGD, SNN], [2023, 2024, 2025]),
    "5.3": ("giao_duc", [DHNL], [SNGV, SGD, SNN], ALL),
    "5.4": ("giao_duc", [DHNL], [SNGV, SNN], [2023]),
    "5.5": ("giao_duc", [DHNL], [VH, NGT, SNGV, SGD, SNN], ALL),
    "6.1": ("y_te", [SYT], [SNGV, NGT], [2023, 2024, 2025]),
    "6.2": ("y_te", [SYT], [SNGV, STC], [2022]),
    "7.1": ("van_hoa_the_thao_du_lich", [], [], []),
    "7.2": ("van_hoa_the_thao_du_lich", [], [], []),
    "7.3": ("van_hoa_the_thao_du_lich", [SVH], [SNGV, SKHDT, HHDN], ALL),
    "7.4": ("van_hoa_the_thao_du_lich", [SVH], [SNGV], [2023, 2024, 2025]),
    "8.1": ("doi_ngoai_nhan_dan", [LHHN], [SNGV, SVH, SCT, HHDN, "Hội Doanh nhân trẻ",
            "Hội Doanh nhân cựu chiến binh", "Hội nữ doanh nhân của tỉnh"], [2023, 2025]),
    "8.2": ("doi_ngoai_nhan_dan", [SNGV], [STC, SKHDT, SXD], [2024, 2025]),
    "8.3": ("doi_ngoai_nhan_dan", [SNGV], [], ALL),
}  # fmt: skip


def test_every_plan_item_is_an_activity(rows: Rows) -> None:
    assert sorted(ref for doc, ref in rows if doc == "002" and rows[(doc, ref)]["section"].startswith("II.")) == sorted(
        PLAN, key=lambda r: tuple(map(int, r.split(".")))
    )


@pytest.mark.parametrize("section", "12345678")
def test_plan_section(rows: Rows, section: str) -> None:
    """One test per group of 002 §II: sector, lead, coordinating bodies and years of each item."""
    for ref, (sector, lead, coordinating, years) in PLAN.items():
        if ref.startswith(section + "."):
            row = rows[("002", ref)]
            assert (row["sector"], row["lead"], row["coordinating"], row["years"]) == (
                sector,
                lead,
                coordinating,
                years,
            ), ref


@pytest.mark.parametrize(
    "ref, quantities",
    [
        ("6.2", ["21 bộ tiểu phẫu"]),
        ("3.2", ["05 lớp tập huấn"]),
        ("3.1", ["02 công chức"]),
        ("6.1", ["15 nhân viên y tế", "03 cán bộ", "06 cán bộ"]),
        ("1.1", []),
    ],
)
def test_quantities(rows: Rows, ref: str, quantities: list[str]) -> None:
    assert rows[("002", ref)]["quantities"] == quantities


def test_quantities_in_time_sub_items(rows: Rows) -> None:
    """3.3's quantities are in its "+ Năm 2022: ... (khoảng 20 con đực giống)" lines; 2.6 names 03 đoàn."""
    assert {"08 mô hình nông nghiệp", "khoảng 20 con đực giống", "khoảng 100 cây"} <= set(
        rows[("002", "3.3")]["quantities"]
    )
    assert rows[("002", "2.6")]["quantities"][0] == "03 đoàn"


def test_time_as_written(rows: Rows) -> None:
    assert rows[("002", "6.2")]["time"] == "Năm 2022"
    assert rows[("002", "2.7")]["time"] == "Hằng năm, theo hình thức luân phiên"
    assert rows[("002", "2.6")]["time"].startswith("+ Năm 2023: Đón 1 đoàn lãnh đạo cấp sở, ngành, huyện;")
    assert rows[("002", "6.1")]["time"].startswith("Từ năm 2023; Năm 2023: Bồi dưỡng 03 cán bộ quản lý bệnh viện;")


def test_items_without_time_or_bodies_report_nothing(rows: Rows) -> None:
    """7.1 and 7.2 give no "Thời gian" and no agency lines: nothing is invented."""
    for ref in ("7.1", "7.2"):
        row = rows[("002", ref)]
        assert (row["time"], row["years"], row["lead"], row["lead_text"], row["coordinating_text"]) == (
            None,
            [],
            [],
            None,
            None,
        )


def test_notes_and_unnamed_coordinators(rows: Rows) -> None:
    assert rows[("002", "2.7")]["coordinating_note"] == "các cơ quan có liên quan"
    assert rows[("002", "2.4")]["coordinating_text"] == (
        "Các cơ quan, địa phương có liên quan trong chương trình hợp tác theo từng năm"
    )


def test_merged_departments_keep_their_written_names(rows: Rows) -> None:
    """2.1: Sở Kế hoạch và Đầu tư and Sở Lao động - Thương binh và Xã hội are named as written; their
    entities are the departments they merged into in 2025 (Nghị định 45/2025/NĐ-CP)."""
    row = rows[("002", "2.1")]
    assert "agency/VN-54/so-tai-chinh" in row["coordinating_ids"]
    assert "agency/VN-54/so-noi-vu" in row["coordinating_ids"]
    assert {SKHDT, SLD, SNV} <= set(row["coordinating"])


def test_partner_and_agreement(rows: Rows, corpus_graph: GraphData) -> None:
    """Every item targets the plan's partner unless it names another; all implement the agreement
    whose id the partnership extractor gives the same pair and instrument (000 states it too)."""
    named = {"2.5": ["foreign/LA-XS/thathom"], "2.7": ["agency/LA-XS/cong-an"], "2.8": ["foreign/LA-XS/anouvong"],
             "2.9": ["agency/LA-XS/hoi-lien-hiep-phu-nu"]}  # fmt: skip
    agreements = set()
    for ref in PLAN:
        row = rows[("002", ref)]
        assert row["partner_ids"] == named.get(ref, ["foreign/LA-XS"]), ref
        agreements.add(row["agreement"]["id"])
    (agreement,) = agreements
    parties = {e.source for e in corpus_graph.edges_of("PARTY_TO") if e.target == agreement}
    assert parties == {"province/VN-54", "foreign/LA-XS"}
    assert rows[("002", "1.1")]["agreement"]["period"] == "2021-2025"


def test_evidence_cites_the_item(rows: Rows) -> None:
    row = rows[("002", "6.2")]
    first = row["evidence"][0]
    assert first["section"] == "II.6.2" and first["source"].endswith("002_302798a028ef3b69.txt")
    assert first["quote"].startswith("Hỗ trợ thiết bị y tế (21 bộ tiểu phẫu)")


# --- tasks assigned in notices ------------------------------------------------------------------------


NOTICE_000 = {  # ref: (lead, deadline)
    "2.4-1": ([SNGV], None), "2.4-2": ([SNGV], None), "2.4-3": ([SNGV], "2024-07"), "2.4-4": ([SNGV], None),
    "2.5": (["Công an tỉnh"], "2024-07"), "2.6": ([STC], None), "2.7-1": ([], None),
    "2.7-2": (["Ủy ban nhân dân thành phố Bắc Giang", "Ủy ban nhân dân huyện Lục Ngạn"], "2024-09-30"),
    "2.8": ([LHHN], None), "2.9": ([HHDN], None), "2.10": ([SNGV], None),
}  # fmt: skip


def test_notice_tasks(rows: Rows) -> None:
    """000 §2.4-2.10: each labelled item (and each dash item under a label) is a task of that body."""
    assert sorted(ref for doc, ref in rows if doc == "000") == sorted(NOTICE_000)
    for ref, (lead, deadline) in NOTICE_000.items():
        assert (rows[("000", ref)]["lead"], rows[("000", ref)]["deadline"]) == (lead, deadline), ref


def test_notice_task_details(rows: Rows) -> None:
    assert rows[("000", "2.4-3")]["time"] == "hoàn thành trong tháng 7/2024"
    assert rows[("000", "2.7-2")]["time"] == "ban hành kế hoạch trong Quý III năm 2024"
    assert rows[("000", "2.7-2")]["years"] == [2024]
    assert rows[("000", "2.7-1")]["lead_text"] == "UBND huyện, thị xã, thành phố"
    assert rows[("000", "2.7-2")]["lead_ids"] == ["locality/VN-54/bac_giang", "locality/VN-54/luc_ngan"]
    assert rows[("000", "2.8")]["coordinating"] == [
        SNGV,
        SKHCN,
        "Liên hiệp các tổ chức hữu nghị Việt Nam",
        "Bộ Ngoại giao",
        "Ủy ban Nhà nước về người Việt Nam ở nước ngoài",
    ]
    assert rows[("000", "2.4-2")]["partner_ids"] == ["foreign/JP-12"]  # "tỉnh Chi Ba (Nhật Bản)"


def test_conclusion_tasks(rows: Rows) -> None:
    """001: "2. Sở Tài chính chủ trì, ... gửi Sở Ngoại vụ trước ngày 10/02/2023" and the others; §1 is
    assigned to bodies it does not name ("Các sở, ngành liên quan (thành viên Ban Chỉ đạo) căn cứ ...")."""
    assert sorted(ref for doc, ref in rows if doc == "001") == ["1", "2", "3", "4"]
    one = rows[("001", "1")]
    assert (one["lead"], one["lead_text"], one["deadline"]) == ([], "Các sở, ngành liên quan", "2023-02-10")
    two = rows[("001", "2")]
    assert (two["lead_ids"], two["deadline"], two["years"]) == (["agency/VN-31/so-tai-chinh"], "2023-02-10", [2023])
    assert two["coordinating_text"] == "các sở, ngành liên quan"
    assert rows[("001", "3")]["partner_ids"] == ["foreign/LA-AT", "foreign/LA-CH", "foreign/LA-SL", "foreign/LA-XE"]


# --- the Đề án's task table ---------------------------------------------------------------------------


TABLE_004 = {  # row: (lead, coordinating, time, years)
    "1": ([SNGV], [], "Năm 2021", [2021]),
    "2": ([SNGV], [], "Năm 2021", [2021]),
    "3": ([SNGV], [], "Năm 2022", [2022]),
    "4": ([STTTT], [], "Hàng năm", [2021, 2022, 2023, 2024, 2025]),
    "5": ([SNGV], [SVH, STTTT], "Sau khi Chiến lược được ban hành", []),
    "6": ([SNGV], [], "Sau khi MOU được ký kết", []),
    "7": ([SVH], [SNGV, STTTT], "Năm 2022", [2022]),
}  # fmt: skip


def test_task_table(rows: Rows) -> None:
    """004: one Activity per row of "STT | Nhiệm vụ | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian"."""
    table = {r["ref"]: r for r in rows.values() if (r["section"] or "").startswith("P4.T1.")}
    assert sorted(table) == [str(i) for i in range(1, 9)]
    for ref, (lead, coordinating, time, years) in TABLE_004.items():
        row = table[ref]
        assert (row["lead"], row["coordinating"], row["time"], row["years"]) == (lead, coordinating, time, years), ref
    assert table["1"]["coordinating_text"] == "Các sở, ngành, UBND các huyện, thành phố"
    assert table["1"]["title"].startswith("Kế hoạch thực hiện Đề án đẩy mạnh hợp tác quốc tế")


def test_task_table_places_lead(rows: Rows) -> None:
    """Row 8 is led by the city and the districts it names, Yên Dũng (dissolved on 2025-01-01) included;
    the cell as written is kept."""
    row = next(r for r in rows.values() if r["section"] == "P4.T1.r8")
    assert row["lead_ids"] == [
        "locality/VN-54/bac_giang", "locality/VN-54/luc_ngan", "locality/VN-54/yen_dung", "locality/VN-54/viet_yen"
    ]  # fmt: skip
    assert row["lead_text"] == "Thành phố Bắc Giang và huyện Lục Ngạn, Yên Dũng, Việt Yên"


def test_report_has_no_activities(rows: Rows) -> None:
    """003 reports what was done ("Sở Ngoại vụ đã tham mưu ..."): no task is read from it."""
    assert not [k for k in rows if k[0] == "003"]
