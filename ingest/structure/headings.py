"""Heading candidates: numbering at a line start ("Phần thứ hai", "Điều 3.", "II.", "2.4.", "a)",
"- ", "+ ", "¹ "), found by one compiled regex over the text and filtered for false positives
(dates, amounts, page numbers, wrapped lines).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .layout import Layout
from .text import LOWER, ends_terminal

_CORE = (
    r"[ \t]*+(?:\*{1,2}+[ \t]*+)?(?:"
    r"(?P<part>(?:Phần|PHẦN)[ \t]+(?:(?:thứ|THỨ)[ \t]+(?P<partw>[^\W\d_]+)|(?P<partn>[IVX]{1,5}|\d{1,2})))"
    r"|(?P<chapter>(?:Chương|CHƯƠNG)[ \t]+(?P<chapn>[IVXL]{1,6}|\d{1,2}))"
    r"|(?P<article>(?:Điều|ĐIỀU)[ \t]+(?P<artn>\d{1,3})[ \t]*[.:])"
    r"|(?P<roman>(?P<romn>[IVX]{1,6})\.)"
    r"|(?P<num>(?P<numn>\d{1,2}(?:\.\d{1,2}){0,3})(?P<numdot>\.)?)"
    r"|(?P<letter>(?P<let>[a-zđ])\))"
    r"|(?P<dash>[-–•])|(?P<plus>\+)"
    r"|(?P<footnote>(?P<sup>[¹²³⁴⁵⁶⁷⁸⁹⁰]+))"
    r")(?=[ \t]|\*|$)"
)
HEAD = re.compile("^" + _CORE, re.M)
_AT = re.compile(_CORE, re.M)
_AFTER_NL = re.compile("\n" + _CORE, re.M)  # a literal first character lets the engine skip ahead fast
_GLUED = re.compile(r"\*\*[ \t]*(?=(?:[IVX]{1,6}|\d{1,2}(?:\.\d{1,2}){0,3})\.[ \t])")
_PAGE = re.compile(r"[ \t]*(?:[-–][ \t]*)?\d{1,3}[ \t]*(?:[-–][ \t]*)?\r?$")
_NEXT = re.compile(r"[ \t*_]*(\S?)")
_SUP = str.maketrans("¹²³⁴⁵⁶⁷⁸⁹⁰", "1234567890")
_ORDINALS = {
    "nhất": 1,
    "một": 1,
    "hai": 2,
    "ba": 3,
    "tư": 4,
    "bốn": 4,
    "năm": 5,
    "sáu": 6,
    "bảy": 7,
    "bẩy": 7,
    "tám": 8,
    "chín": 9,
    "mười": 10,
}
VN_LETTERS = "abcdđeghiklmnopqrstuvxy"
_RANK = {"part": 0, "chapter": 1, "roman": 2, "article": 3, "letter": 10, "dash": 11, "plus": 12}
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50}


@dataclass(slots=True)
class Candidate:
    """A numbering at `start` (label start); the heading text begins at `label_end`."""

    kind: str
    label: str
    number: tuple[int, ...]
    start: int
    label_end: int
    letter: str = ""
    style: tuple[str, int] = ("", 0)  # kind and depth: siblings share it
    rank: int = 0  # nesting rank: a child's rank is larger than its parent's

    def __post_init__(self) -> None:
        self.style = (self.kind, len(self.number))
        self.rank = 3 + len(self.number) if self.kind == "num" else _RANK.get(self.kind, 99)


def roman(s: str) -> int:
    """Value of a canonical Roman numeral, 0 when not canonical ("IIII", "VX").

    >>> roman("IV"), roman("XIV"), roman("IIII")
    (4, 14, 0)
    """
    total = 0
    for i, ch in enumerate(s):
        v = _ROMAN[ch]
        total += -v if i + 1 < len(s) and _ROMAN[s[i + 1]] > v else v
    return total if total > 0 and _canon(total) == s else 0


def letter_number(letter: str) -> int:
    """Position of a point letter in the Vietnamese alphabet (a, b, c, d, đ, e, g, ...).

    >>> letter_number("a"), letter_number("đ"), letter_number("g"), letter_number("f")
    (1, 5, 7, 6)
    """
    return (VN_LETTERS.find(letter) + 1) or (ord(letter) - ord("a") + 1)


def _canon(n: int) -> str:
    out = ""
    for value, sym in ((50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out += sym
            n -= value
    return out


def _number(m: re.Match[str], kind: str) -> tuple[int, ...]:
    if kind == "part":
        w = m.group("partw")
        if w:
            return (_ORDINALS.get(w.lower(), 0),)
        n = m.group("partn")
        return (int(n) if n.isdigit() else roman(n),)
    if kind == "chapter":
        n = m.group("chapn")
        return (int(n) if n.isdigit() else roman(n),)
    if kind == "article":
        return (int(m.group("artn")),)
    if kind == "roman":
        return (roman(m.group("romn")),)
    if kind == "num":
        return tuple(int(x) for x in m.group("numn").split("."))
    if kind == "footnote":
        return (int(m.group("sup").translate(_SUP)),)
    if kind == "letter":
        return (letter_number(m.group("let")),)
    return ()


def _prev_line(text: str, line_start: int) -> str:
    """The nearest non-blank line before `line_start` ("" at the top)."""
    end = line_start - 1
    for _ in range(4):
        if end <= 0:
            return ""
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end]
        if line.strip():
            return line
        end = start - 1
    return ""


def _accept(text: str, m: re.Match[str], kind: str, line_start: int, layout: Layout) -> bool:
    after = _NEXT.match(text, m.end())
    nxt = after.group(1) if after else ""
    if kind == "num" and (not m.group("numdot") and "." not in m.group("numn")):
        return False
    if kind in ("num", "roman"):
        return nxt == "" or not (nxt in LOWER or nxt.islower())
    if kind in ("dash", "plus"):
        if not nxt or _PAGE.match(text, m.end()):
            return False
        prev = _prev_line(text, line_start)
        if nxt.islower():
            return ends_terminal(prev)
        return not prev or ends_terminal(prev) or not layout.is_full(prev) or bool(HEAD.match(prev))
    return kind != "footnote" or bool(nxt)


def _make(text: str, m: re.Match[str], line_start: int, layout: Layout) -> Candidate | None:
    kind = m.lastgroup or ""  # each kind's group encloses its sub-groups, so it closes last
    if not _accept(text, m, kind, line_start, layout):
        return None
    number = _number(m, kind)
    if kind not in ("dash", "plus") and (not number or min(number) < 1):
        return None
    return Candidate(kind, m.group(kind), number, m.start(kind), m.end(kind), m.group("let") or "")


def _line_matches(text: str, start: int, end: int) -> list[tuple[re.Match[str], int]]:
    """Matches of the heading pattern at line starts in `[start, end)`, with their line start."""
    out = []
    if start == 0 or text[start - 1] == "\n":
        first = _AT.match(text, start, end)
        if first:
            out.append((first, start))
    out.extend((m, m.start() + 1) for m in _AFTER_NL.finditer(text, start, end))
    return out


def candidates(text: str, start: int, end: int, layout: Layout) -> list[Candidate]:
    """Heading candidates between `start` and `end`, in text order, glued headings included."""
    out: list[Candidate] = []
    for m, line_start in _line_matches(text, start, end):
        c = _make(text, m, line_start, layout)
        if c is None:
            continue
        out.append(c)
        if c.kind in ("dash", "plus", "footnote"):
            continue
        line_end = text.find("\n", c.label_end, end)
        for g in _GLUED.finditer(text, c.label_end, end if line_end < 0 else line_end):
            gm = _AT.match(text, g.start())
            glued = _make(text, gm, line_start, layout) if gm else None
            if glued is not None:
                out.append(glued)
    return out
