"""Sets of character spans, asked many times whether they cover an offset.

>>> taken = Covered([(10, 20), (15, 30), (40, 41), (5, 5)])
>>> [x in taken for x in (9, 10, 29, 30, 40, 41, 5)]
[False, True, True, False, True, False, False]
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ingest.extract.context import Context
    from ingest.structure.model import Section


class Covered:
    """The union of half-open spans `[start, end)`: `offset in covered` in logarithmic time, the same
    answer as `any(start <= offset < end for start, end in spans)`."""

    __slots__ = ("_ends", "_starts")

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        for start, end in sorted(s for s in spans if s[0] < s[1]):
            if self._ends and start <= self._ends[-1]:
                self._ends[-1] = max(self._ends[-1], end)
            else:
                self._starts.append(start)
                self._ends.append(end)

    def __contains__(self, offset: int) -> bool:
        i = bisect_right(self._starts, offset) - 1
        return i >= 0 and offset < self._ends[i]


def sections_containing(ctx: Context, offset: int) -> list[Section]:
    """The sections containing `offset`, by descending start (those with the same start in document
    order): the same list as sorting every section of `ctx.structure.flat()` that contains it, but
    only the sections starting at or before `offset` are looked at (found by bisection).

    >>> from ingest.extract.context import Context
    >>> from ingest.structure import parse_structure
    >>> t = "I. A\\n1. B\\nx\\n2. C\\ny\\nII. D\\nz"
    >>> ctx = Context("document/x", "a.txt", t, t, parse_structure(t))
    >>> [s.path for s in sections_containing(ctx, t.index("y"))]
    ['I.2', 'I']
    """
    flat = ctx.structure.flat()
    starts: list[int] = ctx.memo("section_starts", lambda: [s.start for s in flat])
    before = flat[: bisect_right(starts, offset)]
    return sorted((s for s in before if offset < s.end), key=lambda s: -s.start)
