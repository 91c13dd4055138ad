"""Small text helpers shared by the header and section parsers: Vietnamese letter classes, casing,
markdown stripping and line navigation by offsets (no per-character Python loops).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

#: Vietnamese lower- and upper-case letters, for regex character classes (`re` has no \p{Lu}).
LOWER = "a-zàáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ"
UPPER = "A-ZÀÁẢÃẠĂẮẰẲẴẶÂẤẦẨẪẬĐÈÉẺẼẸÊẾỀỂỄỆÌÍỈĨỊÒÓỎÕỌÔỐỒỔỖỘƠỚỜỞỠỢÙÚỦŨỤƯỨỪỬỮỰỲÝỶỸỴ"

_TERMINAL = frozenset(".:;!?")


class Line(NamedTuple):
    """One line of the text: `text[start:end]` without its newline."""

    start: int
    end: int
    text: str


def iter_lines(text: str, start: int = 0, end: int | None = None) -> Iterator[Line]:
    """The lines of `text[start:end]`, with absolute offsets.

    >>> [ln.text for ln in iter_lines("a\\nb")]
    ['a', 'b']
    """
    stop = len(text) if end is None else end
    pos = start
    while pos <= stop:
        nl = text.find("\n", pos, stop)
        if nl < 0:
            yield Line(pos, stop, text[pos:stop])
            return
        yield Line(pos, nl, text[pos:nl])
        pos = nl + 1


def first_column(ln: Line) -> Line:
    """The line cut at its first wide gap (a TAB or 4+ spaces after some text): the left column of a
    two-column header flattened onto one line.

    >>> first_column(Line(0, 40, "ỦY BAN NHÂN DÂN        CỘNG HÒA XÃ HỘI")).text
    'ỦY BAN NHÂN DÂN'
    """
    body = ln.text.lstrip()
    lead = len(ln.text) - len(body)
    for gap in ("\t", "    "):
        at = body.find(gap)
        if at > 0:
            body = body[:at]
    body = body.rstrip()
    return Line(ln.start, ln.start + lead + len(body), ln.text[: lead + len(body)])


def last_column(ln: Line) -> Line | None:
    """The chunk after the line's last wide gap, if the line has one.

    >>> last_column(Line(10, 36, "- Lưu: VT.        Lò Văn Hùng"))
    Line(start=28, end=39, text='Lò Văn Hùng')
    """
    body = ln.text.rstrip()
    cut = max(body.rfind("\t"), body.rfind("    "))
    if cut <= 0 or not body[:cut].strip():
        return None
    lead = cut + len(body[cut:]) - len(body[cut:].lstrip())
    return Line(ln.start + lead, ln.start + len(body), body[lead:])


def line_end(text: str, pos: int) -> int:
    """Offset of the newline ending the line that contains `pos` (or len(text))."""
    nl = text.find("\n", pos)
    return len(text) if nl < 0 else nl


def content_span(text: str, start: int, end: int) -> tuple[int, int]:
    """`(start, end)` narrowed to exclude surrounding white space and markdown asterisks.

    >>> s = "  **Mai Sơn** "
    >>> a, b = content_span(s, 0, len(s)); s[a:b]
    'Mai Sơn'
    """
    seg = text[start:end]
    left = len(seg) - len(seg.lstrip(" \t\r\n*_"))
    right = len(seg.rstrip(" \t\r\n*_"))
    return (start + left, start + max(left, right))


def clean(s: str) -> str:
    """Markdown asterisks removed and white space collapsed.

    >>> clean("**Ý kiến\\n kết luận**")
    'Ý kiến kết luận'
    """
    return " ".join(s.replace("*", "").split())


def sentence_case(s: str) -> str:
    """ "CHÁNH VĂN PHÒNG" -> "Chánh văn phòng" (fallback when no table knows the phrase)."""
    s = clean(s).lower()
    return s[:1].upper() + s[1:]


def title_case(s: str) -> str:
    """Every word capitalised, for place and person names printed in capitals.

    >>> title_case("BÀ RỊA - VŨNG TÀU")
    'Bà Rịa - Vũng Tàu'
    """
    return " ".join(w[:1].upper() + w[1:].lower() for w in clean(s).split(" "))


def is_caps(s: str) -> bool:
    """True when `s` has letters and none of them is lower case.

    >>> is_caps("GIAI ĐOẠN 2016-2020"), is_caps("Giai đoạn")
    (True, False)
    """
    return s.upper() == s and s.lower() != s


def ends_terminal(s: str) -> bool:
    """True when the line, without markdown and spaces, ends a sentence or introduces a list."""
    s = s.rstrip(" \t\r*_)")
    return bool(s) and s[-1] in _TERMINAL
