"""The section tree of the body, from the numbering at line starts.

Paths: "P2" (Phần thứ hai), "C1" (Chương I), "D3" (Điều 3), "II", "II.1.1" (item 1.1 under II,
child of "II.1"), "II.1.a", "2.4-1" (first dash under 2.4), "II.2.6+1" (first plus item), "fn2"
(footnote ²), "P4.T1" and "P4.T1.r2" (a table and its second row).

A candidate heading is a sibling of the open section with the same numbering style, and must
continue its sequence; otherwise it opens the first child of the deepest open section of a higher
rank, and must be numbered 1 (or "a"). That rejects dates, amounts and wrapped lines that happen to
start with a number, and a "1." that follows "2.10".
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .headings import Candidate, candidates
from .layout import Layout
from .model import Section
from .paragraph import heading
from .tables import Table, find_tables
from .text import content_span, line_end

_PREFIX = {"part": "P", "chapter": "C", "article": "D"}
_LETTERS = ("abcdđeghiklmnopqrstuvxy", "abcdefghijklmnopqrstuvwxyz")


@dataclass(slots=True)
class _Open:
    section: Section
    cand: Candidate
    counts: dict[str, int] = field(default_factory=dict)


def _follows(prev: Candidate, c: Candidate) -> bool:
    """`c` continues the sequence of its previous sibling `prev`."""
    if c.kind in ("dash", "plus"):
        return True
    if c.kind == "letter":
        return any(prev.letter in a and a.find(c.letter) == a.find(prev.letter) + 1 for a in _LETTERS)
    return c.number[:-1] == prev.number[:-1] and c.number[-1] == prev.number[-1] + 1


class _Builder:
    """Builds the tree of one body segment; `roots` collects its top-level sections."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.stack: list[_Open] = []
        self.roots: list[Section] = []
        self.root_counts: dict[str, int] = {}
        self.tables = 0

    def _trim(self, start: int, at: int) -> int:
        while at > start and self.text[at - 1].isspace():
            at -= 1
        return at

    def close(self, k: int, at: int) -> None:
        for node in reversed(self.stack[k:]):
            s = node.section
            s.end = max(s.heading_end, self._trim(s.start, at))
            if s.children and s.children[-1].end > s.end:
                s.end = s.children[-1].end
        del self.stack[k:]

    def _attach(self, parent: _Open | None, s: Section) -> None:
        (parent.section.children if parent else self.roots).append(s)

    def _first_ok(self, parent_idx: int, c: Candidate) -> bool:
        if c.kind in ("dash", "plus"):
            return True
        if c.kind == "letter":
            return c.letter == "a"
        if c.number[-1] != 1:
            return False
        if c.kind != "num" or len(c.number) == 1:
            return True
        upper = [n.cand for n in self.stack[: parent_idx + 1] if n.cand.style == ("num", len(c.number) - 1)]
        return not upper or upper[-1].number == c.number[:-1]

    def _path(self, parent_idx: int, c: Candidate) -> str:
        parent = self.stack[parent_idx] if parent_idx >= 0 else None
        counts = parent.counts if parent else self.root_counts
        if c.kind in ("dash", "plus"):
            mark = "-" if c.kind == "dash" else "+"
            counts[mark] = counts.get(mark, 0) + 1
            return f"{parent.section.path if parent else ''}{mark}{counts[mark]}"
        if c.kind == "num":
            comp = ".".join(map(str, c.number))
            base = next((n for n in reversed(self.stack[: parent_idx + 1]) if n.cand.kind != "num"), None)
            return f"{base.section.path}.{comp}" if base else comp
        own = {"roman": c.label.rstrip("."), "letter": c.letter}.get(c.kind)
        own = own or f"{_PREFIX[c.kind]}{c.number[0]}"
        return f"{parent.section.path}.{own}" if parent else own

    def _deepest_style(self, style: tuple[str, int]) -> int:
        """Index of the deepest open section numbered in `style`, or -1."""
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i].cand.style == style:
                return i
        return -1

    def _deepest_rank_below(self, rank: int) -> int:
        """Index of the deepest open section of a rank higher (smaller) than `rank`, or -1."""
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i].cand.rank < rank:
                return i
        return -1

    def add(self, c: Candidate) -> None:
        k = self._deepest_style(c.style)
        if k >= 0:
            if not _follows(self.stack[k].cand, c):
                return
            parent_idx = k - 1
        else:
            parent_idx = self._deepest_rank_below(c.rank)
            if not self._first_ok(parent_idx, c):
                return
        self.close(parent_idx + 1, c.start)
        s = Section(self._path(parent_idx, c), c.label, c.kind, "", c.start, c.start, c.label_end)
        self._attach(self.stack[parent_idx] if parent_idx >= 0 else None, s)
        self.stack.append(_Open(s, c))

    def add_footnote(self, c: Candidate) -> None:
        a, b = content_span(self.text, c.start, line_end(self.text, c.start))
        s = Section(f"fn{c.number[0]}", c.label, "footnote", "", a, b, b)
        self._attach(self.stack[-1] if self.stack else None, s)

    def add_table(self, t: Table) -> None:
        if t.appendix:
            self.close(self._deepest_rank_below(2) + 1, t.start)
        parent = self.stack[-1] if self.stack else None
        self.tables += 1
        path = f"{parent.section.path}.T{self.tables}" if parent else f"T{self.tables}"
        s = Section(path, "", "table", t.title, t.start, t.end, max(t.start, t.heading_end))
        s.children = [
            Section(f"{path}.r{i}", r.label, "row", r.title, r.start, r.end, r.end)
            for i, r in enumerate(t.rows, 1)
        ]
        self._attach(parent, s)


def _build(text: str, start: int, end: int, layout: Layout) -> list[Section]:
    b = _Builder(text)
    tables = find_tables(text, start, end, layout)
    events: list[tuple[int, Candidate | Table]] = [(t.start, t) for t in tables]
    spans = iter(tables)
    table = next(spans, None)
    for c in candidates(text, start, end, layout):  # both in text order: one merge pass
        while table is not None and table.end <= c.start:
            table = next(spans, None)
        if table is None or c.start < table.start:
            events.append((c.start, c))
    for _, ev in sorted(events, key=lambda e: e[0]):
        if isinstance(ev, Table):
            b.add_table(ev)
        elif ev.kind == "footnote":
            b.add_footnote(ev)
        else:
            b.add(ev)
    b.close(0, end)
    return b.roots


def _titles(text: str, roots: list[Section], layout: Layout) -> None:
    """Second pass: each heading paragraph stops at the next section in text order."""
    flat = sorted((s for r in roots for s in r.walk()), key=lambda s: s.start)
    nexts = [f.end for f in flat]  # start of the next section that starts later, in text order
    for i in range(len(flat) - 2, -1, -1):
        nexts[i] = flat[i + 1].start if flat[i + 1].start > flat[i].start else nexts[i + 1]
    for i, s in enumerate(flat):
        if s.kind in ("table", "row"):
            continue
        label_end = s.start + len(s.label)
        s.title, heading_end = heading(text, label_end, max(min(s.end, nexts[i]), label_end), layout)
        s.heading_end = min(max(heading_end, s.start), max(s.end, s.start))
        s.end = max(s.end, s.heading_end)


def _prefix(s: Section, prefix: str) -> None:
    s.path = prefix + s.path
    for c in s.children:
        _prefix(c, prefix)


def parse_sections(text: str, layout: Layout, segments: list[tuple[int, int]]) -> list[Section]:
    """The section tree of the body segments (the main body, then any attached document)."""
    roots: list[Section] = []
    seen: set[str] = set()
    for n, (start, end) in enumerate(segments):
        part = _build(text, start, end, layout)
        paths = {s.path for r in part for s in r.walk()}
        if paths & seen:  # an attached document numbered like the main one: "A1.I.2"
            for r in part:
                _prefix(r, f"A{n}.")
        for r in part:
            for s in r.walk():
                while s.path in seen:
                    s.path += "~"
                seen.add(s.path)
        _titles(text, part, layout)
        roots.extend(part)
    return roots
