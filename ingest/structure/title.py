"""The type line ("THÔNG BÁO", "ĐỀ ÁN**Đẩy mạnh ...**") and the title block after it, or the "V/v"
subject of a công văn. Titles may wrap over several lines and be wrapped in `**...**`.
"""

from __future__ import annotations

import re
from functools import cache

from .data import DocType, tables
from .issuer import is_issuer_line
from .layout import Layout
from .model import Field
from .recipients import KINH_GUI, NOI_NHAN
from .text import Line, clean, content_span, first_column, is_caps, iter_lines

RULE = re.compile(r"[ \t*]*[-–—_=~.·]{3,}[ \t*]*")
BODY_START = re.compile(
    r"[ \t*_]*(?:Căn cứ|(?:[IVX]+|\d{1,2}(?:\.\d{1,2})*)\.[ \t]|Điều[ \t]+\d|Phần[ \t]+thứ|PHẦN[ \t]+THỨ)"
)
_DATE_LINE = re.compile(r".{0,60},[ \t]*ngày\b")
_MOTTO = re.compile(r"[ \t*_]*(?:CỘNG HÒA XÃ HỘI|CỘNG HOÀ XÃ HỘI|Độc lập - Tự do|ĐẢNG CỘNG SẢN VIỆT NAM)")
_VV = re.compile(r"[ \t*_]*(?P<vv>V/[vV]|Về việc)[ \t.:]*")
_MAX_TITLE_LINES = 6
_MAX_LINE = 300
_MAX_BOLD = 800


@cache
def _caps_forms() -> tuple[tuple[str, DocType], ...]:
    pairs = [(c, t) for t in tables().doc_types for c in t.caps]
    return tuple(sorted(pairs, key=lambda p: len(p[0]), reverse=True))


def type_line(text: str, zone: list[Line]) -> tuple[Field, int] | None:
    """The first type line: its Field and the offset where the title may start.

    >>> f, at = type_line("QUYẾT ĐỊNH\\n", [Line(0, 10, "QUYẾT ĐỊNH")]); f.value, at
    ('Quyết định', 10)
    """
    for ln in zone:
        s = ln.text.lstrip(" \t*_")
        off = ln.start + len(ln.text) - len(s)
        for caps, dtype in _caps_forms():
            rest = s[len(caps) :]
            if not s.startswith(caps) or (rest and rest[0] not in " \t*\r"):
                continue
            tail = clean(rest)
            if tail.startswith(":") or (tail and not rest.lstrip().startswith("*") and not is_caps(tail)):
                continue
            field = Field(value=dtype.name, start=off, end=off + len(caps), text=caps)
            return field, (off + len(caps) if tail else ln.end)
    return None


def stops_title(line: str) -> bool:
    """Lines that can never belong to a title: rules, the date line, issuer lines, body openings."""
    return bool(
        RULE.fullmatch(line)
        or BODY_START.match(line)
        or KINH_GUI.match(line)
        or NOI_NHAN.match(line)
        or _DATE_LINE.match(line)
        or _MOTTO.match(line)
        or is_issuer_line(line)
        or len(line) > _MAX_LINE
    )


def _bold(text: str, ln: Line, limit: int) -> Field | None:
    open_at = text.index("**", ln.start) + 2
    close = text.find("**", open_at, min(limit, open_at + _MAX_BOLD))
    if close < 0:
        return None
    a, b = content_span(text, open_at, close)
    return Field(value=clean(text[a:b]), start=a, end=b, text=text[a:b]) if b > a else None


def block(text: str, start: int, limit: int, layout: Layout) -> Field | None:
    """The title paragraph from `start`: up to a rule, a double blank line, the body or the issuer.

    >>> s = "Kết luận của Phó Chủ tịch\\n\\ntại cuộc họp\\n\\n\\nNgày 21/6/2024, ..."
    >>> block(s, 0, len(s), Layout(True, 80)).value
    'Kết luận của Phó Chủ tịch tại cuộc họp'
    """
    taken: list[Line] = []
    blanks = 0
    for ln in map(first_column, iter_lines(text, start, limit)):
        if not ln.text.strip():
            blanks += 1
            continue
        if not taken:
            if blanks > 3 or stops_title(ln.text):
                return None
            if ln.text.lstrip().startswith("**"):
                return _bold(text, ln, limit)
        elif (
            blanks > (1 if layout.double_spaced else 0)
            or stops_title(ln.text)
            or len(taken) >= _MAX_TITLE_LINES
            or is_caps(clean(taken[-1].text)) != is_caps(clean(ln.text))
        ):
            break
        taken.append(ln)
        blanks = 0
    if not taken:
        return None
    a, b = content_span(text, taken[0].start, taken[-1].end)
    return Field(value=clean(text[a:b]), start=a, end=b, text=text[a:b]) if b > a else None


def subject(text: str, zone: list[Line], layout: Layout) -> tuple[Field, Field] | None:
    """The "V/v ..." subject of a công văn: the marker's Field and the subject's Field."""
    for ln in zone:
        m = _VV.match(ln.text)
        if m:
            marker = Field(
                value=m.group("vv"),
                start=ln.start + m.start("vv"),
                end=ln.start + m.end("vv"),
                text=m.group("vv"),
            )
            title = block(text, ln.start + m.end(), zone[-1].end, layout)
            return (marker, title) if title else None
    return None
