"""When an activity happens: the years its time says, its deadline, and the quantities it names.

Years (`years_of`), for a plan whose period is 2022-2025 (the agreement's period, from the year the
plan is issued):

>>> years_of("Hằng năm", (2022, 2025))
[2022, 2023, 2024, 2025]
>>> years_of("Năm 2022 và năm 2024", (2022, 2025)), years_of("Từ năm 2023", (2022, 2025))
([2022, 2024], [2023, 2024, 2025])
>>> years_of("Quý III năm 2024", None), years_of("Sau khi Chiến lược được ban hành", (2021, 2025))
([2024], [])

Deadlines are ISO 8601 at the precision written; a quarter is its last day (a `date` property cannot
hold "2024-Q3"):

>>> find_deadline("ban hành kế hoạch trong Quý III năm 2024.", 0, 41)[0]
'2024-09-30'
>>> find_deadline("hoàn thành trong tháng 7/2024", 0, 29)[0], find_deadline("gửi trước ngày 10/02/2023", 0, 25)[0]
('2024-07', '2023-02-10')
"""

from __future__ import annotations

import re

from ingest.extract.activity_cues import activity_cues
from ingest.extract.dates import PERIOD_RE

YEAR_RE = re.compile(r"(?<![\d.,])((?:19|20)\d{2})(?!\d)")
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_QUARTER_END = {1: "03-31", 2: "06-30", 3: "09-30", 4: "12-31"}
_Y = r"((?:19|20)\d{2})"
DATE_EXPR_RE = re.compile(
    rf"(?:ngày\s+)?(?<!\d)(\d{{1,2}})\s*[/.-]\s*(\d{{1,2}})\s*[/.-]\s*{_Y}(?!\d)"  # 10/02/2023
    rf"|tháng\s+(\d{{1,2}})\s*(?:/|-|năm)\s*{_Y}(?!\d)"  # tháng 7/2024, tháng 7 năm 2024
    rf"|quý\s+(iv|i{{1,3}}|[1-4])\s*(?:/|-|năm)\s*{_Y}(?!\d)"  # Quý III năm 2024
    rf"|năm\s+{_Y}(?!\d)",  # năm 2021
    re.IGNORECASE,
)
_CLAUSE_END = re.compile(r";|\.(?:\s|$)")
_DIGIT = re.compile(r"\d")
_NUMBER_FIRST = re.compile(r"^\D*\d+\s*")
_PER_UNIT = re.compile(r"\s*/\s*[^\W\d_]+")


def _span(period: tuple[int, int] | None, start: int | None = None) -> list[int]:
    if period is None:
        return [start] if start else []
    a = max(period[0], start or period[0])
    return list(range(a, period[1] + 1)) if a <= period[1] else [a]


def years_of(value: str, period: tuple[int, int] | None) -> list[int]:
    """Every year the time value names ("Hằng năm" is every year of `period`, "Từ năm Y" runs to its
    end); [] when it names none or the period is unknown."""
    cues = activity_cues()
    low = value.lower()
    years: set[int] = set()
    if cues.every_year_re.search(low):
        years.update(_span(period))
    for hit in cues.from_year_re.finditer(low):
        years.update(_span(period, int(hit.group(1))))
    for hit in PERIOD_RE.finditer(low):
        a, b = int(hit.group(1)), int(hit.group(2))
        if a <= b <= a + 30:
            years.update(range(a, b + 1))
    years.update(int(y) for y in YEAR_RE.findall(low))
    return sorted(years)


def date_value(hit: re.Match[str]) -> str | None:
    """ISO 8601 value of a date expression at the precision written (a quarter as its last day)."""
    g = hit.groups()
    if g[0]:
        day, month = int(g[0]), int(g[1])
        return f"{g[2]}-{month:02d}-{day:02d}" if 1 <= day <= 31 and 1 <= month <= 12 else None
    if g[3]:
        return f"{g[4]}-{int(g[3]):02d}" if 1 <= int(g[3]) <= 12 else None
    if g[5]:
        return f"{g[6]}-{_QUARTER_END[_ROMAN[g[5].lower()]]}"
    return g[7]


def find_deadline(low: str, start: int, end: int) -> tuple[str, int, int] | None:
    """The first deadline in `low[start:end]` (the lower-case matching form): a deadline cue, then a
    date in the same clause. (ISO value, start of the cue, end of the date)."""
    for cue in activity_cues().deadline_re.finditer(low, start, end):
        stop = _CLAUSE_END.search(low, cue.end(), end)
        hit = DATE_EXPR_RE.search(low, cue.end(), stop.start() if stop else end)
        if hit is not None and (value := date_value(hit)) is not None:
            return value, cue.start(), hit.end()
    return None


def find_quantities(low: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of quantities in `low` (the lower-case matching form): "05 lớp tập huấn", "khoảng 20 con
    đực giống", "03 đoàn"."""
    cues = activity_cues()
    out: list[tuple[int, int]] = []
    if _DIGIT.search(low, start, end) is None:  # every quantity has a number (fast to rule out)
        return out
    for hit in cues.quantity_re.finditer(low, start, end):
        unit = _NUMBER_FIRST.sub("", " ".join(hit.group(0).split()))
        stop = hit.end()
        slash = _PER_UNIT.match(low, stop, end)  # "/ người"
        stop = slash.end() if slash else _extend(low, stop, end, cues.unit_extend.get(unit, 0), cues.stops)
        out.append((hit.start(), stop))
    return out


_SYLLABLE = re.compile(r"\s+([^\W\d_]+)")


def _extend(low: str, pos: int, end: int, n: int, stops: frozenset[str]) -> int:
    """Up to `n` more lower-case syllables after a unit, stopping at punctuation or a stop word."""
    for _ in range(n):
        syl = _SYLLABLE.match(low, pos, end)
        if syl is None or syl.group(1) in stops:
            break
        pos = syl.end()
    return pos
