"""Activities in small texts: plan items written in other ways than the corpus, tasks, tables, and the
time, deadline and quantity parsers (with hypothesis). Snippets are adapted from the corpus
(`examples/corpus/002…` for plans, `000…`/`001…` for notices, `004…` for the table) unless marked
"constructed"."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from graph.activities import activity_rows
from graph.model import GraphData
from ingest.extract.activity_time import find_deadline, find_quantities, years_of
from ingest.normalize import match_form
from ingest.pipeline import build_record
from ingest.readers.base import RawDocument

PLAN_HEAD = (
    "Bắc Giang, ngày 10 tháng 8 năm 2022\n\nKẾ HOẠCH\n\nThực hiện Thỏa thuận hợp tác giữa UBND tỉnh Bắc Giang "
    "và Chính quyền tỉnh Xay Sổm Bun (Lào) giai đoạn 2021-2025\n\nII. NỘI DUNG\n\n"
)


def rows_of(text: str) -> dict[str, dict[str, Any]]:
    g = GraphData.merge(build_record(RawDocument("snippet.txt", text, "txt")).facts)
    return {r["ref"]: r for r in activity_rows(g)}


def test_plan_item_with_labels_on_one_line() -> None:
    """Constructed: the three labels in one paragraph, separated by semicolons."""
    rows = rows_of(
        PLAN_HEAD + "1. Hợp tác về y tế\n\n1.1. Hỗ trợ thiết bị y tế (21 bộ tiểu phẫu) cho bệnh viện tỉnh Xay Sổm "
        "Bun.\n\nThời gian: Năm 2022; Cơ quan chủ trì: Sở Y tế; Cơ quan phối hợp: Sở Ngoại vụ, Sở Tài chính.\n\n"
        "1.2. Cử 01 đoàn khảo sát.\n\nThời gian: Năm 2023; Cơ quan chủ trì: Sở Y tế.\n"
    )
    row = rows["1.1"]
    assert (row["sector"], row["time"], row["years"]) == ("y_te", "Năm 2022", [2022])
    assert (row["lead"], row["coordinating"], row["quantities"]) == (
        ["Sở Y tế"],
        ["Sở Ngoại vụ", "Sở Tài chính"],
        ["21 bộ tiểu phẫu"],
    )
    assert row["partner_ids"] == ["foreign/LA-XS"] and row["agreement"]["period"] == "2021-2025"
    assert rows["1.2"]["partner_ids"] == ["foreign/LA-XS"]  # names no partner: the plan's


def test_plan_item_with_unit_labels_and_every_year() -> None:
    """'Đơn vị chủ trì' / 'Đơn vị phối hợp' and "Hằng năm" from the plan's year to the period's end."""
    rows = rows_of(
        PLAN_HEAD + "1. Hợp tác về giáo dục và đào tạo\n\n1.1. Hỗ trợ 03 học sinh học tiếng Việt.\n\n"
        "Thời gian: Hằng năm;\n\nĐơn vị chủ trì: Trường Đại học Nông - Lâm Bắc Giang;\n\n"
        "Đơn vị phối hợp: Các Sở: Giáo dục và Đào tạo, Lao động - Thương binh và Xã hội.\n\n"
        "1.2. Giao lưu sinh viên.\n\nThời gian: Từ năm 2024;\n\nĐơn vị chủ trì: Sở Ngoại vụ.\n"
    )
    one = rows["1.1"]
    assert one["years"] == [2022, 2023, 2024, 2025] and one["sector"] == "giao_duc"
    assert one["lead_ids"] == ["agency/VN-54/truong-dai-hoc-nong-lam-bac-giang"]
    assert one["coordinating"] == ["Sở Giáo dục và Đào tạo", "Sở Lao động - Thương binh và Xã hội"]
    assert rows["1.2"]["years"] == [2024, 2025]


def test_item_naming_another_partner() -> None:
    """002 §2.8 adapted: the item names a district of the partner: it targets that district."""
    rows = rows_of(
        PLAN_HEAD + "1. Hợp tác cấp huyện\n\n1.1. Ký thỏa thuận hợp tác giữa huyện Lục Ngạn và huyện A-nu-vông\n\n"
        "Thời gian: Năm 2022;\n\nCơ quan chủ trì: UBND huyện Lục Ngạn;\n\nCơ quan phối hợp: Sở Ngoại vụ và các "
        "cơ quan có liên quan.\n\n1.2. Trao đổi đoàn.\n\nThời gian: Năm 2023;\n\nCơ quan chủ trì: Sở Ngoại vụ.\n"
    )
    row = rows["1.1"]
    assert row["partner_ids"] == ["foreign/LA-XS/anouvong"]
    assert row["lead_ids"] == ["locality/VN-54/luc_ngan"]
    assert row["coordinating_note"] == "các cơ quan có liên quan"


def test_hatinh_plan_scopes_bodies_to_hatinh() -> None:
    """Constructed: the same department names in a Hà Tĩnh plan are Hà Tĩnh's."""
    rows = rows_of(
        "Hà Tĩnh, ngày 05 tháng 3 năm 2023\n\nKẾ HOẠCH\n\nThực hiện Thỏa thuận hợp tác giữa tỉnh Hà Tĩnh và tỉnh "
        "Khăm Muồn (Lào) giai đoạn 2023-2027\n\nII. NỘI DUNG\n\n1. Hợp tác về y tế\n\n1.1. Đào tạo 10 bác sĩ.\n\n"
        "Thời gian: Hằng năm;\n\nCơ quan chủ trì: Sở Y tế;\n\nCơ quan phối hợp: Sở Ngoại vụ.\n\n1.2. Khám bệnh.\n\n"
        "Thời gian: Năm 2024;\n\nCơ quan chủ trì: Sở Y tế.\n"
    )
    row = rows["1.1"]
    assert row["lead_ids"] == ["agency/VN-23/so-y-te"] and row["coordinating_ids"] == ["agency/VN-23/so-ngoai-vu"]
    assert row["years"] == [2023, 2024, 2025, 2026, 2027]
    assert row["partner_ids"] == ["foreign/LA-KH"]


NOTICE_HEAD = "Bắc Giang, ngày 25 tháng 6 năm 2024\n\nTHÔNG BÁO\n\nKết luận tại cuộc họp Ban Chỉ đạo\n\n"


def test_labelled_tasks_with_dash_items_and_deadlines() -> None:
    """000 §2.4-2.5 adapted: a label, its dash items, a deadline in a month and in a quarter."""
    rows = rows_of(
        NOTICE_HEAD + "2. Thời gian tới, các cơ quan cần thực hiện tốt một số nội dung sau:\n\n"
        "2.1. Sở Ngoại vụ:\n\n- Tích cực phối hợp với Bộ Ngoại giao nghiên cứu, đề xuất mở rộng quan hệ hợp tác "
        "với tỉnh Chi Ba (Nhật Bản).\n\n- Xây dựng văn bản hướng dẫn; hoàn thành trong tháng 7/2024.\n\n"
        "2.2. Công an tỉnh: Nghiên cứu, ban hành hướng dẫn; ban hành trong Quý III năm 2024.\n"
    )
    assert rows["2.1-1"]["lead"] == ["Sở Ngoại vụ"] and rows["2.1-1"]["coordinating"] == ["Bộ Ngoại giao"]
    assert rows["2.1-1"]["partner_ids"] == ["foreign/JP-12"]
    assert (rows["2.1-2"]["deadline"], rows["2.1-2"]["time"]) == ("2024-07", "hoàn thành trong tháng 7/2024")
    assert (rows["2.2"]["lead"], rows["2.2"]["deadline"]) == (["Công an tỉnh"], "2024-09-30")


def test_subject_task_in_a_conclusion() -> None:
    """001 §2: the subject of the sentence leads; "phối hợp với" names who coordinates."""
    rows = rows_of(
        "Bình Định, ngày 12 tháng 01 năm 2023\n\nTHÔNG BÁO\n\nÝ kiến kết luận\n\n"
        "1. Đánh giá cao kết quả hợp tác năm 2022.\n\n2. Sở Tài chính chủ trì, phối hợp với Sở Ngoại vụ rà soát, "
        "báo cáo kinh phí, gửi Sở Ngoại vụ trước ngày 10/02/2023.\n"
    )
    assert list(rows) == ["2"]
    row = rows["2"]
    assert (row["lead_ids"], row["coordinating_ids"]) == (["agency/VN-31/so-tai-chinh"], ["agency/VN-31/so-ngoai-vu"])
    assert row["deadline"] == "2023-02-10"


def test_report_sentences_are_not_tasks() -> None:
    """Constructed: a report says what a body did; nothing is assigned."""
    rows = rows_of(
        "Hà Tĩnh, ngày 05 tháng 8 năm 2022\n\nBÁO CÁO\n\nKết quả công tác đối ngoại\n\n"
        "1. Sở Ngoại vụ đã tham mưu UBND tỉnh ban hành nhiều văn bản.\n\n2. Sở Ngoại vụ chủ trì tổ chức 30 đoàn.\n"
    )
    assert rows == {}


def test_task_table_rows() -> None:
    """004's table: TAB-separated rows under a header naming the columns."""
    rows = rows_of(
        "Bắc Giang, ngày 10 tháng 8 năm 2021\n\nQUYẾT ĐỊNH\n\nBan hành Đề án hợp tác giai đoạn 2021 - 2025\n\n"
        "Điều 1. Ban hành Đề án.\n\nCÁC NHIỆM VỤ CHỦ YẾU\nthực hiện Đề án\n\n"
        "STT\tNhiệm vụ\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời gian thực hiện\n"
        "1.\tKế hoạch thông tin đối ngoại\tSở Thông tin và Truyền thông\tCác sở, ngành\tHàng năm\n"
        "2.\tKế hoạch quảng bá văn hóa\tSở Văn hóa, Thể thao và Du lịch\tSở Ngoại vụ\tNăm 2022\n"
    )
    assert rows["1"]["lead"] == ["Sở Thông tin và Truyền thông"] and rows["1"]["years"] == [
        2021,
        2022,
        2023,
        2024,
        2025,
    ]
    assert rows["1"]["coordinating_text"] == "Các sở, ngành"
    assert (rows["2"]["lead"], rows["2"]["coordinating"], rows["2"]["years"]) == (
        ["Sở Văn hóa, Thể thao và Du lịch"],
        ["Sở Ngoại vụ"],
        [2022],
    )


def test_ids_are_deterministic() -> None:
    text = PLAN_HEAD + "1. Y tế\n\n1.1. Khám bệnh.\n\nThời gian: Năm 2022;\n\nCơ quan chủ trì: Sở Y tế.\n"
    assert rows_of(text)["1.1"]["id"] == rows_of(text)["1.1"]["id"]
    assert rows_of(text)["1.1"]["id"].startswith("activity/")


# --- parsers ------------------------------------------------------------------------------------------


def quantities(text: str) -> list[str]:
    low = match_form(text).lower()
    return [" ".join(text[a:b].split()) for a, b in find_quantities(low, 0, len(text))]


def test_quantities_as_written() -> None:
    """Sentences of 002 (§3.1, §3.2, §3.3, §2.6, §6.1)."""
    assert quantities("Tỉnh cử 02 công chức, viên chức ngành nông nghiệp") == ["02 công chức"]
    assert quantities("Tổ chức 05 lớp tập huấn chuyển giao khoa học kỹ thuật") == ["05 lớp tập huấn"]
    assert quantities("tại 3 huyện (khoảng 20 con đực \n\ngiống); Mô hình") == ["khoảng 20 con đực giống"]
    assert quantities("Đón tiếp 03 đoàn cán bộ lãnh đạo (đoàn tối đa 10 người/đoàn)") == [
        "03 đoàn",
        "tối đa 10 người/đoàn",
    ]
    assert quantities("cho 15 nhân viên y tế tỉnh Xay Sổm Bun (ngày 13,14,15/4)") == ["15 nhân viên y tế"]


@given(st.sets(st.integers(min_value=1990, max_value=2060), min_size=1, max_size=4))
def test_years_listed_are_read(years: set[int]) -> None:
    written = "Năm " + ", ".join(map(str, sorted(years)))
    assert years_of(written, None) == sorted(years)


@given(
    st.integers(min_value=2000, max_value=2040),
    st.integers(min_value=0, max_value=10),
    st.integers(min_value=2000, max_value=2040),
)
def test_from_year_runs_to_the_end_of_the_period(start: int, length: int, first: int) -> None:
    """The year written, then every later year of the period."""
    period = (first, first + length)
    assert years_of(f"Từ năm {start}", period) == sorted({start} | set(range(max(start, first), first + length + 1)))


@given(st.integers(min_value=1, max_value=12), st.integers(min_value=2000, max_value=2040))
def test_month_deadline(month: int, year: int) -> None:
    text = f"ban hành văn bản; hoàn thành trong tháng {month}/{year}."
    found = find_deadline(match_form(text).lower(), 0, len(text))
    assert found is not None and found[0] == f"{year}-{month:02d}"


@given(st.sampled_from(["I", "II", "III", "IV"]), st.integers(min_value=2000, max_value=2040))
def test_quarter_deadline_is_its_last_day(quarter: str, year: int) -> None:
    text = f"ban hành kế hoạch trong Quý {quarter} năm {year}"
    found = find_deadline(match_form(text).lower(), 0, len(text))
    ends = {"I": "03-31", "II": "06-30", "III": "09-30", "IV": "12-31"}
    assert found is not None and found[0] == f"{year}-{ends[quarter]}"


def test_no_deadline_without_a_cue() -> None:
    text = "Thống nhất thời gian tổ chức Hội nghị trong tháng 3/2023"  # 001 §4: a date, not a deadline
    assert find_deadline(match_form(text).lower(), 0, len(text)) is None


@given(st.text(alphabet="0123456789 ,;.()/-khoảnglớpbộcon đoànngười", max_size=60))
def test_quantities_never_fail_and_stay_inside(text: str) -> None:
    low = match_form(text).lower()
    for a, b in find_quantities(low, 0, len(low)):
        assert 0 <= a < b <= len(text) and any(c.isdigit() for c in text[a:b])
