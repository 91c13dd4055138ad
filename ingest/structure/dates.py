"""The place-and-date line of the header: "Bắc Giang, ngày      tháng 6 năm 2024".

The date is ISO 8601 to the precision printed: a blank day gives "2024-06", blank day and month "2024".
"""

from __future__ import annotations

import re

from .model import Field
from .text import clean, is_caps, title_case

_SEP = r"[ \t.…_]*"
_DATE = re.compile(
    r"[Nn]gày"
    + _SEP
    + r"(?:(?P<d>\d{1,2})"
    + _SEP
    + r")?[Tt]háng"
    + _SEP
    + r"(?:(?P<m>\d{1,2})"
    + _SEP
    + r")?[Nn]ăm"
    + _SEP
    + r"(?P<y>\d{4})"
    r"|[Nn]gày[ \t]*(?P<d2>\d{1,2})[ \t]*(?P<s>[/.-])[ \t]*(?P<m2>\d{1,2})[ \t]*(?P=s)[ \t]*(?P<y2>\d{4})"
)
# The place: capitalised words (no digits) between the line start, or a wide gap of a two-column
# header flattened onto one line, and the comma before "ngày".
_GAP = re.compile(r"[ \t]{2,}|\*+")
_NAME = re.compile(r"[^\W\d_][^\W\d_.'’-]*\.?(?:[ \t]+(?:-[ \t]+)?[^\W\d_][^\W\d_'’-]*){0,5}")


def iso_date(year: str, month: str | None, day: str | None) -> str:
    """ISO 8601 to the precision printed; an impossible month or day is dropped.

    >>> iso_date("2024", "6", None), iso_date("2023", None, None), iso_date("2024", "6", "21")
    ('2024-06', '2023', '2024-06-21')
    """
    if not month or not 1 <= int(month) <= 12:
        return year
    if not day or not 1 <= int(day) <= 31:
        return f"{year}-{int(month):02d}"
    return f"{year}-{int(month):02d}-{int(day):02d}"


def _place(text: str, line_start: int, date_start: int) -> Field | None:
    comma = text.rfind(",", line_start, date_start)
    if comma < 0 or text[comma + 1 : date_start].strip(" \t"):
        return None
    start, end = line_start, comma
    while end > start and text[end - 1] in " \t":
        end -= 1
    for gap in _GAP.finditer(text, line_start, end):
        start = gap.end()
    while start < end and text[start] in " \t":
        start += 1
    m = _NAME.fullmatch(text, start, end)
    raw = text[start:end]
    if not m or not all(w[:1].isupper() for w in raw.split() if w != "-"):
        return None
    value = title_case(raw) if is_caps(raw) else clean(raw)
    return Field(value=value, start=start, end=end, text=raw)


def parse_date_line(text: str, start: int, end: int) -> tuple[Field | None, Field | None]:
    """Place and date of the first "<Place>, ngày ..." between `start` and `end`.

    >>> s = "Hà Nội, ngày 05 tháng 9 năm 2024"
    >>> place, date = parse_date_line(s, 0, len(s)); place.value, date.value, date.text
    ('Hà Nội', '2024-09-05', 'ngày 05 tháng 9 năm 2024')
    """
    for m in _DATE.finditer(text, start, end):
        line_start = text.rfind("\n", 0, m.start()) + 1
        place = _place(text, line_start, m.start())
        if place is None:
            continue
        if m.group("y"):
            value = iso_date(m.group("y"), m.group("m"), m.group("d"))
        else:
            value = iso_date(m.group("y2"), m.group("m2"), m.group("d2"))
        return place, Field(value=value, start=m.start(), end=m.end(), text=m.group(0))
    return None, None
