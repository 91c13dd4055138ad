"""The matching normaliser: each rule, the sample-corpus cases, and its invariants (same length, idempotent).

Corpus cases: examples/corpus/000_f94f0f2cb8a505fe.txt writes "Thoả thuận", 002_302798a028ef3b69.txt
writes "Thỏa thuận", splits "2021-\\n\\n2025" across lines and has a page number "8" on its own line.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ingest.normalize import fold_form, fold_key, match_form

CORPUS = Path(__file__).resolve().parents[2] / "examples" / "corpus"


def corpus(prefix: str) -> str:
    (path,) = CORPUS.glob(f"{prefix}_*.txt")
    return unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("Thoả thuận", "Thỏa thuận"),
        ("hoà bình", "hòa bình"),
        ("thuỷ lợi", "thủy lợi"),
        ("văn hoá", "văn hóa"),
        ("sức khoẻ", "sức khỏe"),
        ("Uỷ ban", "Ủy ban"),
        ("CỘNG HOÀ", "CỘNG HÒA"),
        ("THUỶ", "THỦY"),
        ("Hoạ sĩ", "Họa sĩ"),
    ],
)
def test_both_tone_placements_give_one_form(old: str, new: str) -> None:
    assert match_form(old) == match_form(new) == new


@pytest.mark.parametrize("word", ["hoàng", "hoạch", "quý", "quả", "Quỳnh", "QUÝ", "khuỷu", "ngoài", "toàn"])
def test_tone_placement_left_alone_when_not_syllable_final_or_after_qu(word: str) -> None:
    assert match_form(word) == word


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "2021‐2025 2021‑2025 2021‒2025 2021–2025 2021—2025 2021―2025 2021−2025",
            " ".join(["2021-2025"] * 7),
        ),
        ("––––––––––––––", "-" * 14),  # the rules under the headings in 000
        ("“Nâng cao” ‘hiệu quả’", "\"Nâng cao\" 'hiệu quả'"),  # 003, line 11
        ("a\nb\tc\u00a0d\u200be\u00adf\r\ng", "a b c d e f  g"),
    ],
)
def test_dashes_quotes_and_blanks(text: str, expected: str) -> None:
    assert match_form(text) == expected


def test_corpus_thoa_thuan_in_both_spellings_match() -> None:
    old, new = corpus("000"), corpus("002")
    assert "Thoả thuận" in old and "Thỏa thuận" in new
    assert "Thỏa thuận" in match_form(old) and "Thoả" not in match_form(old)


def test_corpus_period_split_across_lines_matches_a_range_regex() -> None:
    text = corpus("002")
    start = text.index("2021-\n\n2025")
    normalised = match_form(text)
    match = re.compile(r"\d{4}\s*-\s*\d{4}").search(normalised, start)
    assert match is not None and match.start() == start
    assert text[match.start() : match.end()] == "2021-\n\n2025"  # the same offsets in the original


def test_corpus_page_number_line_is_blanked() -> None:
    text = corpus("002")
    start = text.index("\n\n8 \n\n7.3.")
    normalised = match_form(text)
    assert normalised[start : start + 6] == " " * 6
    assert normalised[start + 6 : start + 10] == "7.3."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("trang\n\n12\n\nsau", "trang" + " " * 6 + "sau"),
        ("7\n\nĐiều 1", " " * 3 + "Điều 1"),
        ("Ngày\n15 tháng", "Ngày 15 tháng"),  # a number inside a paragraph stays
        ("Mục\n\n2021\n\nsau", "Mục  2021  sau"),  # four digits: a year, not a page number
    ],
)
def test_page_numbers_only_between_blank_lines(text: str, expected: str) -> None:
    assert match_form(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Đắk Lắk", "dak lak"),
        ("Thoả thuận “Xay Sổm Bun”", 'thoa thuan "xay som bun"'),
        ("ỦY BAN NHÂN DÂN", "uy ban nhan dan"),
        ("İstanbul", "istanbul"),
    ],
)
def test_fold_form(text: str, expected: str) -> None:
    assert fold_form(text) == expected


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Xay Sổm Bún", "xay som bun"),
        ("A-nu-vông", "a nu vong"),
        ("  Luang   Pra.bang ", "luang pra bang"),
        ("Hoà Bình", "hoa binh"),
        ("Hòa Bình", "hoa binh"),
        ("Ta-ôi’s", "ta oi s"),
    ],
)
def test_fold_key(name: str, key: str) -> None:
    assert fold_key(name) == key


def test_corpus_normalised_forms_keep_every_offset() -> None:
    for prefix in ("000", "001", "002", "003", "004"):
        text = corpus(prefix)
        assert len(match_form(text)) == len(text)
        assert len(fold_form(text)) == len(text)


VIETNAMESE = st.text(
    alphabet=st.sampled_from(
        list("oOuUyYaAeEqQhnđĐàáảãạèéẻẽẹỳýỷỹỵÀÁẢÃẠÈÉẺẼẸỲÝỶỸỴòóỏõọÒÓỎÕỌ0123456789 \n\t-–“”")
    ),
    max_size=60,
)


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.text(), VIETNAMESE))
def test_same_length_and_idempotent_for_any_text(text: str) -> None:
    matched = match_form(text)
    folded = fold_form(text)
    assert len(matched) == len(text) == len(folded)
    assert match_form(matched) == matched
    assert fold_form(folded) == folded
