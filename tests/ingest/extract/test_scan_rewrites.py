"""Patterns and loops rewritten to scan faster (issue 4's speed budget) find exactly what the plain
versions they replace find. Each plain version is spelt out here as it was; hypothesis feeds both
texts made of the characters they care about."""

from __future__ import annotations

import re
from collections.abc import Iterator

from hypothesis import given, settings
from hypothesis import strategies as st

from ingest.extract.activity_cues import _alt, _load, activity_cues
from ingest.extract.clauses import is_wrapped
from ingest.extract.cues import LETTER, UPPER
from ingest.extract.money import _candidates
from ingest.extract.money_cues import NOT_BEFORE, load_money_cues
from ingest.extract.money_number import NUMBER
from ingest.extract.ref_parse import SYMBOL

_CODE = rf"[{UPPER}][{LETTER}&]*[0-9]*"
OLD_SYMBOL = rf"(?:[0-9]+(?:/[0-9]{{4}})? ?[/-] ?|/ ?){_CODE}(?:[/-]{_CODE})*"


def spans(matches: Iterator[re.Match[str]]) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in matches]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789/- QĐUBNDkh.", max_size=40), st.integers(0, 4))
def test_symbol_opens_with_a_class(s: str, pos: int) -> None:
    old, new = re.compile(OLD_SYMBOL), re.compile(SYMBOL)
    assert spans(new.finditer(s, pos)) == spans(old.finditer(s, pos))


def _old_candidates(match: str) -> list[tuple[int, int]]:
    """`money._candidates` before: every number, then the checks in Python."""
    cues, out, end = load_money_cues(), [], 0
    for n in re.finditer(NUMBER, match):
        if n.start() < end or (n.start() and match[n.start() - 1] in NOT_BEFORE):
            continue
        if not re.match(r" *([^\W\d_]|\$)", match[n.end() :]):
            continue
        m = cues.amount_re.match(match, n.start())
        if m is not None:
            end = m.end()
            out.append(m.span())
    return out


MONEY_WORDS = ["12", "3.400", ",5", " ", "đồng", "USD", "$", "tỷ", "a", ".", "x1", "triệu"]
LABEL_WORDS = ["thời gian", "cơ quan chủ trì", " ", "   ", "\n", "\t", ":", "a", "-", ";"]
QUANTITY_WORDS = ["05", "2022", " ", "lớp", "khoảng", "tối đa", "người", "x", "/", ".", "ha", "t"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(MONEY_WORDS), max_size=14))
def test_money_candidates(words: list[str]) -> None:
    s = "".join(words)
    assert [m.span() for m in _candidates(s, load_money_cues())] == _old_candidates(s)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(LABEL_WORDS), max_size=30))
def test_label_lines_are_label_line_finditer(words: list[str]) -> None:
    s = "".join(words)
    cues = activity_cues()
    for start, end in [(0, len(s)), (1, max(1, len(s) - 1))]:
        assert spans(cues.label_lines(s, start, end)) == spans(cues.label_line_re.finditer(s, start, end))


def test_label_lines_far_from_their_colon() -> None:
    """A label whose words are far apart (a long run of spaces) is still found from its colon."""
    s = "x\nthời" + " " * 300 + "gian" + " " * 200 + ": Năm 2022"
    cues = activity_cues()
    assert spans(cues.label_lines(s, 0, len(s))) == spans(cues.label_line_re.finditer(s)) != []


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(QUANTITY_WORDS), max_size=16))
def test_quantity_pattern(words: list[str]) -> None:
    q = _load()["quantities"]
    units = [w for u in q["units"] for w in u["words"]]
    old = re.compile(rf"(?<![\w/.,])(?:(?:{_alt(q['prefixes'])})\s+)?\d{{1,5}}\s*(?:{_alt(units)})(?![\w])")
    s = "".join(words)
    assert spans(activity_cues().quantity_re.finditer(s)) == spans(old.finditer(s))


@given(st.lists(st.sampled_from(["Hai tỉnh", " ký.", ";", ")  ", "\n", "\n\n", " \t", "abc", "|"]), max_size=30))
def test_is_wrapped_reads_line_ends_as_before(words: list[str]) -> None:
    s = "".join(words)
    lines = [ln for ln in s.splitlines() if ln.strip()]
    old = len(lines) >= 5 and sum(1 for ln in lines if re.search(r"[.!?;:|)]\s*$", ln)) / len(lines) < 0.5
    assert is_wrapped(s) == old


@given(st.text(alphabet="aÁđĐ ΣσİK.", max_size=30), st.integers(0, 30), st.integers(0, 30))
def test_a_slice_of_the_lowered_text_is_the_slice_lowered(s: str, i: int, j: int) -> None:
    """What the partnership extractor relies on to slice the document's lower case (`Context.lowered`)."""
    from ingest.extract.context import Context
    from ingest.normalize import match_form
    from ingest.structure import parse_structure

    ctx = Context("document/x", "x.txt", s, match_form(s), parse_structure(s))
    low, sliceable = ctx.lowered()
    assert len(low) == len(s)
    if sliceable:
        i, j = min(i, j, len(s)), min(max(i, j), len(s))
        assert low[i:j] == ctx.match[i:j].lower()
    assert sliceable == ("Σ" not in s and "İ" not in s)
