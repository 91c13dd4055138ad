"""Money (issue 4): Vietnamese numbers parsed exactly, the corpus budgets with their breakdown, the
amounts of corpus 003, approximation words, and the plan item an amount belongs to."""

from __future__ import annotations

from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from graph.errors import InputError
from graph.model import GraphData
from ingest.extract.context import Context
from ingest.extract.money import Amount, find_amounts
from ingest.extract.money_number import format_vn_number, parse_vn_number, plain
from ingest.normalize import match_form
from ingest.pipeline import build_record
from ingest.readers import read_document
from ingest.readers.base import RawDocument
from ingest.structure import parse_structure

CORPUS = Path(__file__).resolve().parents[3] / "examples" / "corpus"


def amounts(text: str) -> list[Amount]:
    ctx = Context("document/test", "snippet.txt", text, match_form(text), parse_structure(text))
    return find_amounts(ctx)


@cache
def corpus_amounts(prefix: str) -> list[Amount]:
    text = read_document(next(CORPUS.glob(f"{prefix}_*.txt"))).text
    return amounts(text)


def row(a: Amount) -> tuple[str, str, str | None, str]:
    return plain(a.value), a.currency, a.qualifier, a.text


# --- the number parser ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, value",
    [("33.400.000.000", "33400000000"), ("2.901,81", "2901.81"), ("2,5", "2.5"), ("10.000", "10000"),
     ("6.822", "6822"), ("1.150.000", "1150000"), ("48,110", "48.11"), ("1.108,53", "1108.53"),
     ("1,150,000", "1150000"), ("1.5", "1.5"), ("0,05", "0.05")],
)  # fmt: skip
def test_parse_vn_number(text: str, value: str) -> None:
    assert parse_vn_number(text) == Decimal(value)


@pytest.mark.parametrize("bad", ["1.2.3", "1,23,4", "12.34,5", "", "1 000", "12a"])
def test_parse_vn_number_rejects_malformed(bad: str) -> None:
    with pytest.raises(InputError):
        parse_vn_number(bad)


exact = st.decimals(min_value=0, max_value=Decimal(10) ** 15, places=4, allow_nan=False, allow_infinity=False)


@given(exact)
def test_vietnamese_number_round_trip(value: Decimal) -> None:
    assert parse_vn_number(format_vn_number(value)) == value


@given(exact.filter(lambda d: d >= 1000))
def test_sum_round_trip_through_the_extractor(value: Decimal) -> None:
    (a,) = amounts(f"Tổng kinh phí là {format_vn_number(value)} đồng.")
    assert (a.value, a.currency, plain(a.value)) == (value, "VND", plain(value))


@given(st.integers(min_value=1, max_value=999), st.integers(min_value=0, max_value=999))
def test_compound_scales(billions: int, millions: int) -> None:
    (a,) = amounts(f"Tặng tỉnh A: {billions} tỷ {millions} triệu kíp Lào, 20 bộ máy vi tính.")
    assert a.value == Decimal(billions) * 10**9 + Decimal(millions) * 10**6 and a.currency == "LAK"


# --- the corpus -------------------------------------------------------------------------------------


def test_corpus_002_budget() -> None:
    # "Dự kiến tổng kinh phí thực hiện Kế hoạch là: 33.400.000.000 đồng (ba mươi ba tỷ, ...)" (§III)
    (a,) = corpus_amounts("002")
    assert row(a) == ("33400000000", "VND", None, "33.400.000.000 đồng")
    assert a.purpose == "Dự kiến tổng kinh phí thực hiện Kế hoạch" and a.total is None


def test_corpus_004_budget_and_breakdown() -> None:
    # Đề án, Phần thứ ba IV: total, "trong đó" state budget ("gồm" province + district) and private funds.
    found = {plain(a.value): a for a in corpus_amounts("004") if a.currency == "VND"}
    total, state, province, district, private = (
        found[v] for v in ("43356000000", "31956000000", "19234000000", "12722000000", "11400000000")
    )
    assert total.purpose == "Tổng kinh phí thực hiện đề án" and total.total is None
    assert (state.purpose, state.total) == ("Từ nguồn ngân sách", total.id)
    assert (province.purpose, province.total) == ("Ngân sách tỉnh", state.id)
    assert (district.purpose, district.total) == ("Ngân sách huyện", state.id)
    assert (private.purpose, private.total) == ("Từ nguồn xã hội hóa", total.id)
    assert state.value + private.value == total.value and province.value + district.value == state.value


def test_corpus_004_other_amounts() -> None:
    rows = [row(a) for a in corpus_amounts("004")]
    assert ("6822000000", "USD", None, "6.822 triệu USD") in rows  # FDI registered capital (Phần thứ nhất)
    assert ("2122000000000", "VND", "approximately", "khoảng 2.122 tỷ đồng") in rows
    assert ("3400000", "USD", "more_than", "hơn 3,4 triệu USD") in rows
    assert ("2970000000", "USD", None, "2.970 triệu USD") in rows  # number and unit across a page break


def test_corpus_003_amounts() -> None:
    rows = [row(a) for a in corpus_amounts("003")]
    for expected in [
        ("2500000000", "VND", "more_than", "trên 2,5 tỷ đồng"),
        ("1000000000", "VND", "almost", "gần 1 tỷ đồng"),
        ("10000", "USD", None, "10.000USD"),
        ("20000", "USD", None, "20.000USD"),
        ("2600000000", "LAK", None, "2 tỷ 600 triệu kíp Lào"),
        ("1100000000", "LAK", None, "1 tỷ 100 triệu kíp Lào"),
        ("1500000", "USD", "almost", "gần 1,5 triệu USD"),
        ("1100000", "USD", "more_than", "hơn 1,1 triệu USD"),
        ("1150000", "USD", "more_than", "trên 1.150.000 USD"),
        ("2901810000000", "VND", None, "2.901,81 tỷ đồng"),
        ("48110000000", "VND", None, "48,110 tỷ đồng"),
    ]:
        assert expected in rows
    lao = next(a for a in corpus_amounts("003") if a.currency == "LAK")
    assert lao.purpose == "Tặng tỉnh Bolykhamsay"  # the footnote's label


def test_no_money_in_000_and_001() -> None:
    assert corpus_amounts("000") == [] and corpus_amounts("001") == []


# --- snippets ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Đoàn gồm 20 đồng chí và 1,5 triệu người dân.", []),  # comrades and people are not money
        ("Dân số trên 1,8 triệu người.", []),
        ("viện trợ 1,5 triệu USD cho tỉnh bạn", [("1500000", "USD", None, "1,5 triệu USD")]),
        ("hỗ trợ ước khoảng 300 nghìn euro", [("300000", "EUR", "approximately", "ước khoảng 300 nghìn euro")]),
        ("tối đa 50.000 đô la Mỹ", [("50000", "USD", "at_most", "tối đa 50.000 đô la Mỹ")]),
    ],
)  # fmt: skip
def test_snippets(text: str, expected: list[tuple[str, str, str | None, str]]) -> None:
    assert [row(a) for a in amounts(text)] == expected


PLAN = """Bắc Giang, ngày 5 tháng 8 năm 2022

KẾ HOẠCH

Thực hiện Thỏa thuận hợp tác giữa UBND tỉnh Bắc Giang và Chính quyền tỉnh Xay Sổm Bun (Lào) giai đoạn 2021-2025

I. MỤC ĐÍCH

Tăng cường hợp tác.

II. NỘI DUNG

1. Hợp tác về y tế

1.1. Hỗ trợ trang thiết bị y tế cho tỉnh Xay Sổm Bun trị giá khoảng 500 triệu đồng.

Thời gian: Năm 2022;

Cơ quan chủ trì: Sở Y tế;

Cơ quan phối hợp: Sở Ngoại vụ.

III. KINH PHÍ

Tổng kinh phí là 1,2 tỷ đồng.
"""


def test_document_and_plan_item_have_their_amounts() -> None:
    """A sum inside a plan item is the item's (and the document's); the plan's total is the document's."""
    record = build_record(RawDocument("plan.txt", PLAN, "txt"))
    g = GraphData.merge(record.facts)
    by_value = {n.props["value"]: n for n in g.nodes_of("Amount")}
    item, total = by_value["500000000"], by_value["1200000000"]
    owners = lambda a: {e.source for e in g.edges_of("HAS_AMOUNT") if e.target == a.id}  # noqa: E731
    (activity,) = [s for s in owners(item) if s.startswith("activity/")]
    assert owners(item) == {record.id, activity} and g.nodes[activity].props["ref"] == "1.1"
    assert owners(total) == {record.id}
    assert total.props["purpose"] == "Tổng kinh phí"
    assert item.evidence[0].section == "II.1.1" and item.evidence[0].quote == "khoảng 500 triệu đồng"
    assert not list(g.dangling_edges())
