"""Periods (`giai đoạn 2021-2025`, `2023-2028 period`) and signing dates (`Ngày 09/8/2021 ... đã ký`,
`ngày 24.12.2015`, `ngày 21 tháng 10 năm 2008`) in the matching form.

>>> find_period("Thỏa thuận hợp tác giai đoạn 2021-  2025 đã ký", 0, 50)
(2021, 2025, 40)
>>> find_signed_on("Ngày 09/8/2021, hai tỉnh đã ký Thỏa thuận", 0, 41, None)
'2021-08-09'
"""

from __future__ import annotations

import re

PERIOD_RE = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*[-–—/]\s*((?:19|20)\d{2})(?!\d)")
DATE_RE = re.compile(
    r"(?<!\d)(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*((?:19|20)\d{2})(?!\d)"
    r"|(?<!\d)(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+((?:19|20)\d{2})"
)
SIGN_RE = re.compile(r"(?<!\w)(?:ký|signed|sign)(?!\w)", re.IGNORECASE)


def find_period(text: str, start: int, end: int) -> tuple[int, int, int] | None:
    """The first plausible period (start year <= end year, at most 30 years) in text[start:end]."""
    for hit in PERIOD_RE.finditer(text, start, end):
        a, b = int(hit.group(1)), int(hit.group(2))
        if a <= b <= a + 30:
            return a, b, hit.end()
    return None


def _iso(day: int, month: int, year: int) -> str | None:
    if 1 <= day <= 31 and 1 <= month <= 12:
        return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def find_signed_on(text: str, start: int, end: int, doc_date: str | None) -> str | None:
    """The full date nearest to a signing verb in the clause, or None."""
    sign = SIGN_RE.search(text, start, end)
    if not sign:
        return None
    best: tuple[int, str] | None = None
    for hit in DATE_RE.finditer(text, start, end):
        g = hit.groups()
        day, month, year = (g[0], g[1], g[2]) if g[0] else (g[3], g[4], g[5])
        iso = _iso(int(day), int(month), int(year))
        if iso:
            distance = abs(hit.start() - sign.start())
            if best is None or distance < best[0]:
                best = (distance, iso)
    return best[1] if best else None
