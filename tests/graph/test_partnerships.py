"""Partnership rows (graph/partnerships.py): when and since when, on the row itself."""

from __future__ import annotations

from graph.model import GraphData
from graph.partnerships import PARTNERSHIP_CSV_FIELDS, flatten, partnership_rows


def _row(g: GraphData, vn: str, foreign: str) -> dict[str, object]:
    return next(r for r in partnership_rows(g) if (r["vn_party"]["name"], r["foreign_party"]["name"]) == (vn, foreign))


def test_period_of_a_relationship_with_no_named_instrument(corpus_graph: GraphData) -> None:
    """004: "Trường THCS Lê Quý Đôn và trường Trung học Daejeon Munjeong đã ký hợp tác 03 năm 2019-2021
    về giáo dục" names no instrument; the period is on the row."""
    row = _row(corpus_graph, "Trường THCS Lê Quý Đôn", "Trường Trung học Daejeon Munjeong")
    assert row["agreement"] is None
    assert row["period"] == "2019-2021"


def test_period_and_signing_date_of_an_agreement(corpus_graph: GraphData) -> None:
    row = _row(corpus_graph, "Bắc Giang", "Xaisomboun")
    assert (row["period"], row["signed_on"]) == ("2021-2025", "2021-08-09")
    assert row["agreement"]["period"] == "2021-2025"  # type: ignore[index]


def test_csv_columns_carry_the_period(corpus_graph: GraphData) -> None:
    flat = flatten(_row(corpus_graph, "Bình Định", "Attapeu"))
    assert {"period", "signed_on"} <= set(PARTNERSHIP_CSV_FIELDS)
    assert flat["period"] == "2021-2025"
