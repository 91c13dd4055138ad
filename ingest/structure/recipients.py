"""Address lists: "Kính gửi:" addressees at the top and the "Nơi nhận:" recipients at the end, one
Field per "- " item with wrapped continuation lines joined.
"""

from __future__ import annotations

import re

from .model import Field
from .text import LOWER, clean, ends_terminal, first_column, iter_lines

# Each run of blanks/markdown is a single class, so no two quantifiers compete for the same characters.
NOI_NHAN = re.compile(r"^[ \t*_]*Nơi[ \t]+nhận[ \t*_]*(?::[ \t*_]*)?", re.M)
KINH_GUI = re.compile(r"^[ \t*_]*Kính[ \t]+gửi[ \t*_]*(?::[ \t*_]*)?", re.M)
_BULLET = re.compile(r"[ \t]*[-–•+][ \t]+(?:[-–•+][ \t]+)?")
_LOWER_START = re.compile(r"[ \t]*[" + LOWER + "]")
_INDENTED = re.compile(r"[ \t]+\S")
_TRAIL = " \t\r;,.:*_"


def _item(text: str, start: int, end: int) -> Field:
    while end > start and text[end - 1] in _TRAIL:
        end -= 1
    while start < end and text[start] in " \t*_":
        start += 1
    raw = text[start:end]
    return Field(value=clean(raw).rstrip(_TRAIL), start=start, end=end, text=raw)


def parse_items(text: str, pos: int, end: int, addressees: bool = False) -> tuple[list[Field], int]:
    """Items from `pos` (just after the label) on; returns them and where the list ends. Only the left
    column of each line counts (the signature may share the lines). For `addressees` ("Kính gửi:")
    a bare name on the label's line is an item and only lower-case lines continue an item.

    >>> s = "- Như trên;\\n- Lưu: VT, TH.\\nTM. ỦY BAN NHÂN DÂN"
    >>> [f.value for f in parse_items(s, 0, len(s))[0]]
    ['Như trên', 'Lưu: VT, TH']
    """
    items: list[Field] = []
    cur: tuple[int, int] | None = None
    last_end = pos
    for ln in map(first_column, iter_lines(text, pos, end)):
        if not ln.text.strip():
            continue
        bullet = _BULLET.match(ln.text)
        if ln.start == pos and not bullet and not addressees:
            continue  # the signature column sharing the "Nơi nhận:" line
        first = addressees and cur is None and not items and ln.start == pos
        if bullet or first:
            if cur:
                items.append(_item(text, *cur))
            cur = (ln.start + (bullet.end() if bullet else 0), ln.end)
        elif cur and (
            _LOWER_START.match(ln.text)
            or (not addressees and _INDENTED.match(ln.text) and not ends_terminal(text[cur[0] : cur[1]]))
        ):
            cur = (cur[0], ln.end)
        else:
            break
        last_end = ln.end
    if cur:
        items.append(_item(text, *cur))
    return [f for f in items if f.value], last_end


def find_label(pattern: re.Pattern[str], text: str, start: int, end: int) -> re.Match[str] | None:
    """The first "Nơi nhận:" / "Kính gửi:" label in the range."""
    return pattern.search(text, start, end)
