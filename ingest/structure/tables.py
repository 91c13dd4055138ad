"""Tables: runs of lines with TAB-separated cells ("STT\\tNhiệm vụ\\t...", then "1.\\t..."), with an
optional caption above them. Their rows must never be read as numbered sections of the body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .headings import HEAD
from .layout import Layout
from .text import Line, clean, content_span, ends_terminal, is_caps, iter_lines

_ROW_NUMBER = re.compile(r"[ \t*_]*(?:\d{1,3}|[IVX]{1,5}|[a-zđ])[.)]?[ \t*_]*")
_CAPTION = re.compile(r"[ \t*_]*(?:Bảng|BẢNG|Biểu|BIỂU)\b")
_APPENDIX = re.compile(r"[ \t*_]*(?:PHỤ LỤC|Phụ lục)\b")
_MAX_GAP_LINES = 2
_MAX_CAPTION_LINES = 4
_MAX_TITLE = 300


@dataclass(slots=True)
class Row:
    label: str
    title: str
    start: int
    end: int


@dataclass(slots=True)
class Table:
    """A table's span, its caption (title) and data rows; `appendix` when its caption is a heading
    in capitals or "Phụ lục", i.e. it stands at the level of the document's parts."""

    start: int
    end: int
    heading_end: int
    title: str
    appendix: bool
    rows: list[Row] = field(default_factory=list)


def _tab_lines(text: str, start: int, end: int) -> list[Line]:
    """Non-blank lines holding a TAB, found with str.find (fast) rather than a line-start regex."""
    out = []
    tab = text.find("\t", start, end)
    while tab >= 0:
        ls = max(start, text.rfind("\n", 0, tab) + 1)
        le = text.find("\n", tab, end)
        le = end if le < 0 else le
        if clean(text[ls:le]):
            out.append(Line(ls, le, text[ls:le]))
        tab = text.find("\t", le, end)
    return out


def _runs(text: str, start: int, end: int) -> list[list[Line]]:
    runs: list[list[Line]] = []
    for ln in _tab_lines(text, start, end):
        if runs:
            gap = text[runs[-1][-1].end : ln.start]
            if sum(1 for g in gap.split("\n") if g.strip()) <= _MAX_GAP_LINES:
                runs[-1].append(ln)
                continue
        runs.append([ln])
    return [r for r in runs if len(r) >= 2]


def _caption(text: str, first: Line, floor: int, layout: Layout) -> tuple[int, int, str, bool] | None:
    block: list[Line] = []
    blanks = 0
    pos = first.start - 1
    while pos > floor and len(block) < _MAX_CAPTION_LINES:
        ls = max(floor, text.rfind("\n", 0, pos) + 1)
        ln = Line(ls, pos, text[ls:pos])
        pos = ls - 1
        if not ln.text.strip():
            blanks += 1
            if blanks > (2 if layout.double_spaced else 1) or (block and not layout.double_spaced):
                break
            continue
        if (ends_terminal(ln.text) and block) or HEAD.match(ln.text):
            break  # a sentence above the caption, or a numbered heading (never part of a caption)
        block.insert(0, ln)
        blanks = 0
    if not block:
        return None
    appendix = is_caps(clean(block[0].text)) or bool(_APPENDIX.match(block[0].text))
    if not appendix and not _CAPTION.match(block[0].text):
        return None
    a, b = content_span(text, block[0].start, block[-1].end)
    return a, b, clean(text[a:b])[:_MAX_TITLE], appendix


def _row(text: str, ln: Line, extra_end: int) -> Row:
    cells = [clean(c) for c in text[ln.start : extra_end].split("\t")]
    label = cells[0] if _ROW_NUMBER.fullmatch(cells[0] or "x") else ""
    body = [c for c in (cells[1:] if label else cells) if c]
    a, b = content_span(text, ln.start, extra_end)
    return Row(label, " | ".join(body)[:_MAX_TITLE], a, b)


def find_tables(text: str, start: int, end: int, layout: Layout) -> list[Table]:
    """Tables between `start` and `end`, in text order."""
    if text.find("\t", start, end) < 0:
        return []
    tables: list[Table] = []
    floor = start
    for run in _runs(text, start, end):
        ends = [run[i + 1].start for i in range(len(run) - 1)] + [run[-1].end]
        rows = [_row(text, ln, _last_content(text, ln.start, e)) for ln, e in zip(run, ends, strict=True)]
        header = rows[0] if not rows[0].label else None
        data = [r for r in (rows[1:] if header else rows) if r.end > r.start]
        cap = _caption(text, run[0], floor, layout)
        t_start = cap[0] if cap else run[0].start
        heading_end = cap[1] if cap else (header.end if header else t_start)
        title = cap[2] if cap else (header.title if header else "")
        tables.append(
            Table(
                t_start, data[-1].end if data else run[-1].end, heading_end, title, bool(cap and cap[3]), data
            )
        )
        floor = run[-1].end
    return tables


def _last_content(text: str, start: int, end: int) -> int:
    for ln in reversed(list(iter_lines(text, start, end))):
        if ln.text.strip():
            return ln.end
    return end
