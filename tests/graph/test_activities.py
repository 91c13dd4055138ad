"""The activity and agency views (`graph.activities`): rows, names as written, filters, CSV. The graph
is the real extraction of a short plan adapted from `examples/corpus/002…` §II.6.1-6.2 and §II.8.2
(renumbered 1.1, 1.2, 2.1)."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest

from graph.activities import ACTIVITY_FIELDS, AGENCY_FIELDS, activity_rows, agency_rows, filter_activities
from graph.exports import to_csv_string
from graph.model import GraphData
from ingest.pipeline import build_record
from ingest.readers.base import RawDocument

PLAN = (
    "Bắc Giang, ngày 10 tháng 8 năm 2022\n\nKẾ HOẠCH\n\nThực hiện Thỏa thuận hợp tác giữa UBND tỉnh Bắc Giang và "
    "Chính quyền tỉnh Xay Sổm Bun (Lào) giai đoạn 2021-2025\n\nI. NỘI DUNG\n\n1. Hợp tác về y tế\n\n"
    "1.1. Đào tạo cho 15 nhân viên y tế tỉnh Xay Sổm Bun.\n\nThời gian: Từ năm 2023;\n\nCơ quan chủ trì: Sở Y tế;\n\n"
    "Cơ quan phối hợp: Sở Ngoại vụ, Cao đẳng Ngô Gia Tự.\n\n"
    "1.2. Hỗ trợ thiết bị y tế (21 bộ tiểu phẫu) cho một số bệnh viện của tỉnh Xay Sổm Bun.\n\n"
    "Thời gian: Năm 2022;\n\nCơ quan chủ trì: Sở Y tế;\n\nCơ quan phối hợp: Sở Ngoại vụ, Sở Tài chính.\n\n"
    "2. Đối ngoại nhân dân\n\n2.1. Hỗ trợ xây dựng 05 điểm trường.\n\nThời gian: Năm 2024, 2025;\n\n"
    "Cơ quan chủ trì: Sở Ngoại vụ;\n\nCơ quan phối hợp: Sở Tài chính, Sở Kế hoạch và Đầu tư và các cơ quan liên quan.\n"
)


@pytest.fixture(scope="module")
def graph() -> GraphData:
    return GraphData.merge(build_record(RawDocument("plans/bg-xs.txt", PLAN, "txt")).facts)


@pytest.fixture(scope="module")
def rows(graph: GraphData) -> dict[str, dict[str, Any]]:
    return {r["ref"]: r for r in activity_rows(graph)}


def test_row_fields(rows: dict[str, dict[str, Any]]) -> None:
    row = rows["1.2"]
    assert list(row) == ACTIVITY_FIELDS
    assert (row["title"], row["sector"], row["time"], row["years"]) == (
        "Hỗ trợ thiết bị y tế (21 bộ tiểu phẫu) cho một số bệnh viện của tỉnh Xay Sổm Bun.",
        "y_te",
        "Năm 2022",
        [2022],
    )
    assert (row["lead"], row["coordinating"], row["quantities"]) == (
        ["Sở Y tế"],
        ["Sở Ngoại vụ", "Sở Tài chính"],
        ["21 bộ tiểu phẫu"],
    )
    assert (row["partner"], row["partner_ids"]) == (["Xay Sổm Bun"], ["foreign/LA-XS"])
    assert row["agreement"]["period"] == "2021-2025"
    assert row["evidence"][0] == {
        "document_id": row["document"], "source": "plans/bg-xs.txt", "section": "I.1.2",
        "start": PLAN.index("Hỗ trợ thiết bị"), "end": PLAN.index("Xay Sổm Bun.\n\nThời gian: Năm 2022") + 12,
        "quote": "Hỗ trợ thiết bị y tế (21 bộ tiểu phẫu) cho một số bệnh viện của tỉnh Xay Sổm Bun.",
    }  # fmt: skip


def test_merged_department_named_as_written(rows: dict[str, dict[str, Any]]) -> None:
    """Sở Tài chính and Sở Kế hoạch và Đầu tư are one entity since 2025; 2.1 still lists both names."""
    row = rows["2.1"]
    assert row["coordinating"] == ["Sở Tài chính", "Sở Kế hoạch và Đầu tư"]
    assert row["coordinating_ids"] == ["agency/VN-54/so-tai-chinh"]
    assert row["coordinating_note"] == "các cơ quan liên quan"


def test_filters(graph: GraphData) -> None:
    rows = activity_rows(graph)
    refs = lambda out: sorted(r["ref"] for r in out)  # noqa: E731
    assert refs(filter_activities(graph, rows, lead="so y te")) == ["1.1", "1.2"]
    assert refs(filter_activities(graph, rows, lead="Sở Y tế", partner="Xaisomboun", year=2022)) == ["1.2"]
    assert refs(filter_activities(graph, rows, lead="Sở Kế hoạch và Đầu tư")) == []  # it coordinates, leads nothing
    assert refs(filter_activities(graph, rows, lead="Sở Ngoại vụ tỉnh Bắc Giang")) == ["2.1"]  # the entity's full name
    assert refs(filter_activities(graph, rows, year=2024)) == ["1.1", "2.1"]
    assert filter_activities(graph, rows, partner="Gifu") == []


def test_agency_rows(graph: GraphData) -> None:
    rows = {r["id"]: r for r in agency_rows(graph, "Bắc Giang")}
    ngv = rows["agency/VN-54/so-ngoai-vu"]
    assert list(ngv) == AGENCY_FIELDS
    assert (ngv["name"], ngv["kind"], ngv["place"], ngv["leads"], ngv["coordinates"]) == (
        "Sở Ngoại vụ tỉnh Bắc Giang",
        "department",
        "province/VN-54",
        1,
        2,
    )
    assert "Sở Kế hoạch và Đầu tư" in rows["agency/VN-54/so-tai-chinh"]["aliases"]
    assert agency_rows(graph, "Hà Tĩnh") == []


def test_csv_cells_hold_lists_as_json(graph: GraphData) -> None:
    text = to_csv_string(activity_rows(graph), ACTIVITY_FIELDS)
    first = next(r for r in csv.DictReader(io.StringIO(text)) if r["ref"] == "1.2")
    assert json.loads(first["coordinating"]) == ["Sở Ngoại vụ", "Sở Tài chính"]
    assert json.loads(first["evidence"])[0]["section"] == "I.1.2"
