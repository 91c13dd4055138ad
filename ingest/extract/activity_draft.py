"""An activity as found in the text, before its bodies, places and times are resolved, and the
section helpers the finders share."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from ingest.extract.activity_cues import Sector, activity_cues
from ingest.extract.agency_resolve import Ref
from ingest.extract.context import Context
from ingest.structure.model import Section

Span = tuple[int, int]
# Kinds of sections that are items of their own (not parts of the item that holds them).
ITEM_KINDS = frozenset({"num", "roman", "article", "part", "row", "table", "letter"})


@dataclass(slots=True)
class Draft:
    """`origin`: plan (an item of a plan's content), task (assigned to a body), table (a row of a task
    table). Spans index the document's text; `text` is where quantities and partners are read."""

    path: str
    ref: str
    origin: str
    name: Span
    text: Span
    time: Span | None = None
    lead: Span | None = None
    coordinating: Span | None = None
    lead_refs: list[Ref] = field(default_factory=list)  # bodies already read (a task's label or subject)
    lead_at: Span | None = None  # where those are written
    coordinate_from: list[int] = field(default_factory=list)  # where "phối hợp với" lists start
    sector: tuple[Sector, Span] | None = None


def _line_start(text: str, pos: int) -> int | None:
    """Where the line (or clause) a label at `pos` opens starts, or None if the label is inside a
    sentence."""
    i = pos
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    if i > 0 and text[i - 1] in "-+•":
        i -= 1
        while i > 0 and text[i - 1] in " \t":
            i -= 1
    if i == 0 or text[i - 1] in "\n\r;.":
        return i
    return None


def strip_span(text: str, start: int, end: int, chars: str = " \t\r\n;,.:") -> Span:
    """The span without surrounding blanks and punctuation."""
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return start, end


def after_label(ctx: Context, s: Section) -> int:
    """Where a section's text starts, after its printed number ("1.1.", "-", "2.")."""
    at = ctx.text.find(s.label, s.start, s.heading_end) if s.label else -1
    return at + len(s.label) if at >= 0 else s.start


def section_ref(s: Section, parent_ref: str | None = None) -> str:
    """The number as printed: "3.2" for "3.2.", "2.4-1" for the first dash item of 2.4."""
    label = s.label.strip().rstrip(".)")
    if s.kind in ("num", "roman", "article", "letter", "row") and label:
        return label.removeprefix("Điều ").strip()
    sep = s.label.strip() or "-"
    index = s.path.rsplit(sep, 1)[-1]
    return f"{parent_ref}{sep}{index}" if parent_ref else s.path


def children_of(sections: list[Section]) -> dict[str | None, list[Section]]:
    """Parent path (None for the top) -> its sections (the structure's own lists: not to be changed)."""
    out: dict[str | None, list[Section]] = {None: sections}
    stack = list(sections)
    while stack:
        s = stack.pop()
        out[s.path] = s.children
        stack.extend(s.children)
    return out


def sections_by_parent(ctx: Context) -> dict[str | None, list[Section]]:
    """`children_of` the document's sections, once per document (not to be changed by callers)."""
    return ctx.memo("sections_by_parent", lambda: children_of(ctx.structure.sections))


class Labels:
    """Every label line of the document ("Thời gian:", "Cơ quan chủ trì:", "- Cơ quan phối hợp:"): a
    label that opens a line (after an optional dash) or follows a semicolon or full stop. Each hit is
    (start of the line's content, end of the colon, kind)."""

    def __init__(self, ctx: Context, low: str) -> None:
        cues = activity_cues()
        self.hits: list[tuple[int, int, str]] = []
        for h in cues.label_lines(low, ctx.structure.body_start, ctx.structure.body_end or len(low)):
            kind = cues.label_kind(h.group(1))
            start = _line_start(ctx.text, h.start())
            if kind and start is not None:
                self.hits.append((start, h.end(), kind))
        self.starts = [h[0] for h in self.hits]

    def own(self, s: Section) -> list[tuple[int, int, str]]:
        """Label lines of `s` itself, outside its child items."""
        inner = [(c.start, c.end) for c in s.children if c.kind in ITEM_KINDS]
        lo, hi = bisect.bisect_left(self.starts, s.start), bisect.bisect_left(self.starts, s.end)
        return [h for h in self.hits[lo:hi] if not any(a <= h[0] < b for a, b in inner)]
