"""`Covered` answers what `any(a <= x < b for a, b in spans)` answers."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from ingest.extract.spans import Covered

span = st.tuples(st.integers(0, 60), st.integers(0, 60))


@given(st.lists(span, max_size=12), st.lists(st.integers(-2, 62), max_size=20))
def test_covered_is_any_span(spans: list[tuple[int, int]], offsets: list[int]) -> None:
    covered = Covered(spans)
    assert [x in covered for x in offsets] == [any(a <= x < b for a, b in spans) for x in offsets]


def test_header_spans_of_a_document() -> None:
    """Adjacent and nested spans merge; an empty one covers nothing."""
    covered = Covered([(0, 10), (10, 12), (3, 5), (20, 20)])
    assert [x in covered for x in (0, 11, 12, 20)] == [True, True, False, False]
