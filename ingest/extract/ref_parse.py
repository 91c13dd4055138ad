"""Finding references to other documents: type, number and symbol, date, issuer and subject.

Two shapes are recognised, on the matching form of the text:

- numbered: a document type, optionally "số", a number and symbol, optionally a date —
  "Nghị định số 64/2021/NĐ-CP ngày 30/6/2021 của Chính phủ về ...", "Nghị quyết 22-NQ/TW";
- titled: a law (or code, ordinance, constitution) by its title, optionally with a date —
  "Luật Thỏa thuận quốc tế ngày 13/11/2020", "Luật sửa đổi, bổ sung một số điều của Luật A và Luật B".

After the date come an optional issuer ("của Chính phủ", "của Bộ Chính trị (Khóa XI)") and subject
("về ..."). A footnote mark after a number ("4587/UBND-TH₁") is not part of it.

>>> from ingest.normalize import match_form
>>> t = "Căn cứ Nghị định số 64/2021/NĐ-CP ngày 30/6/2021 của Chính phủ về ký kết thỏa thuận;"
>>> r = find_references(t, match_form(t))[0]
>>> r.doc_type, r.number, r.date, r.issuer, r.title
('Nghị định', '64/2021/NĐ-CP', '2021-06-30', 'Chính phủ', 'ký kết thỏa thuận')
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from ingest.extract.cues import LETTER, UPPER, _alternation, _load
from ingest.extract.phrase_re import phrase_trie
from ingest.structure.data import tables
from ingest.structure.dates import iso_date

TITLE_MAX = 300
ISSUER_MAX_WORDS = 8
MARKS = "₀₁₂₃₄₅₆₇₈₉⁰¹²³⁴⁵⁶⁷⁸⁹"
# A number and symbol: digits (possibly none, in a draft: "/QĐ-UBND"), then codes joined by / and -.
# The same as "(?:[0-9]+(?:/[0-9]{4})? ?[/-] ?|/ ?)CODE...", written to open with a character class
# so that a search skips straight to digits and slashes.
_CODE = rf"[{UPPER}][{LETTER}&]*[0-9]*"
SYMBOL = rf"[0-9/](?:(?<=[0-9])[0-9]*(?:/[0-9]{{4}})? ?[/-] ?|(?<=/) ?){_CODE}(?:[/-]{_CODE})*"
_DATE = (
    r"(?:\s*,)?\s+(?:ngày\s*(?P<d>[0-9]{1,2})?\s*(?P<s>[/.-])\s*(?P<m>[0-9]{1,2})\s*(?P=s)\s*(?P<y>[0-9]{4})"
    r"|ngày\s+(?P<d2>[0-9]{1,2})\s+tháng\s+(?P<m2>[0-9]{1,2})\s+năm\s+(?P<y2>[0-9]{4})"
    r"|năm\s+(?P<y3>[0-9]{4}))(?![0-9])"
)


@dataclass(slots=True)
class Reference:
    """One reference as written. `tail_end` is where its date, issuer and any "(Khóa XI)" end;
    `end` also covers its subject."""

    start: int
    name_end: int
    tail_end: int
    end: int
    doc_type: str
    number: str | None
    title: str | None
    date: str | None
    issuer: str | None
    issuer_before: bool = False  # the issuer was read from "của X tại" before the reference

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.name_end)


@dataclass(frozen=True)
class RefCues:
    symbol_re: re.Pattern[str]  # a number and symbol, found first (fast), then its type before it
    type_before_re: re.Pattern[str]  # a document type (and "số") ending where the symbol starts
    titled_re: re.Pattern[str]
    type_names: dict[str, str]  # lower-case -> display
    issuer_stop_re: re.Pattern[str]
    data: dict[str, Any]


def _display(word: str) -> str:
    return word[:1].upper() + word[1:]


@cache
def load_ref_cues() -> RefCues:
    data = _load("references.yaml")
    names = [t.name for t in tables().doc_types] + list(data["types"])
    type_names = {" ".join(n.lower().split()): n for n in names}
    types = phrase_trie(list(type_names), any_case=True)  # the patterns with types ignore case
    titled = _alternation(data["titled_types"])
    amending = _alternation(data["amending"])
    stops = r"ngày|năm|số|của|theo|thì|đã|được|về|để|tại|trên|có"
    law = rf"(?:{titled})\s+[{UPPER}][^;:.,()]*?"
    return RefCues(
        symbol_re=re.compile(rf"{SYMBOL}(?![{LETTER}0-9/])"),
        type_before_re=re.compile(rf"(?<![{LETTER}])(?P<type>{types})(?:\s+số)?\s*$", re.IGNORECASE),
        titled_re=re.compile(  # an amending law's title names the laws it amends, joined by "và"
            rf"(?P<type>{titled})\s+"
            rf"(?P<title>(?:{amending})\s+{law}(?=\s+(?:{stops})\s|\s*[;:.,()]|$)"
            rf"|[{UPPER}][^;:.,()]*?(?=\s+(?:{stops}|và)\s|\s*[;:.,()]|$))"
        ),
        type_names=type_names,
        issuer_stop_re=re.compile(rf"\s+(?:{_alternation(data['issuer_stops'])})(?![{LETTER}])|\s*[,;:.()\"]"),
        data=data,
    )


_DATE_RE = re.compile(_DATE)
_ISSUER_RE = re.compile(rf"\s+của\s+(?=[{UPPER}])")
_TERM_RE = re.compile(r"\s*\((?:khóa|khoá|nhiệm kỳ)[^)]{0,30}\)", re.IGNORECASE)
_SUBJECT_RE = re.compile(r"\s+về\s+(?:việc\s+)?")
_CLAUSE_END = {True: re.compile(r"[;:]|\.(?:\s|$)|\.\s*/"), False: re.compile(r"[;:\n]|\.(?:\s|$)|\.\s*/")}
TYPE_WINDOW = 40  # characters before a symbol in which its type is written


def _date(match: str, pos: int) -> tuple[str | None, int]:
    m = _DATE_RE.match(match, pos)
    if not m:
        return None, pos
    if m.group("y3"):
        return m.group("y3"), m.end()
    if m.group("y2"):
        return iso_date(m.group("y2"), m.group("m2"), m.group("d2")), m.end()
    return iso_date(m.group("y"), m.group("m"), m.group("d")), m.end()


def _issuer(text: str, match: str, pos: int, cues: RefCues) -> tuple[str | None, int]:
    """'của Chính phủ' (+ '(Khóa XI)') after a reference: the issuer and where the tail ends."""
    m = _ISSUER_RE.match(match, pos)
    if not m:
        return None, pos
    stop = cues.issuer_stop_re.search(match, m.end())
    end = stop.start() if stop else len(match)
    words = text[m.end() : end].split()
    if not words or len(words) > ISSUER_MAX_WORDS:
        return None, pos
    paren = _TERM_RE.match(match, end)
    return " ".join(words), paren.end() if paren else end


def _subject(text: str, match: str, pos: int, wrapped: bool) -> tuple[str | None, int]:
    """'về ...' after a reference, up to the end of its clause (a line, in one-paragraph-a-line text)."""
    m = _SUBJECT_RE.match(match, pos)
    if not m:
        return None, pos
    stop = _CLAUSE_END[wrapped].search(text, m.end(), m.end() + TITLE_MAX)
    end = stop.start() if stop else min(len(match), m.end() + TITLE_MAX)
    title = " ".join(text[m.end() : end].split()).rstrip(" ,")
    return title or None, end


def find_references(text: str, match: str, wrapped: bool = True) -> list[Reference]:
    """Every reference in `text` (with `match` its matching form), in order of appearance."""
    cues = load_ref_cues()
    out: list[Reference] = []
    taken: list[tuple[int, int]] = []
    for m in cues.symbol_re.finditer(match):
        t = cues.type_before_re.search(match, max(0, m.start() - TYPE_WINDOW), m.start())
        if t is None:
            continue
        number = re.sub(r"\s+", "", m.group(0))
        doc_type = cues.type_names.get(" ".join(t.group("type").lower().split()), _display(t.group("type")))
        out.append(_complete(text, match, t.start(), m.end(), doc_type, number, None, wrapped, cues))
        taken.append((t.start(), m.end()))
    for m in cues.titled_re.finditer(match):
        if (m.start() and match[m.start() - 1].isalpha()) or any(a <= m.start() < b for a, b in taken):
            continue
        title = " ".join(text[m.start("title") : m.end("title")].split())
        out.append(_complete(text, match, m.start(), m.end(), m.group("type"), None, title, wrapped, cues))
    return sorted(out, key=lambda r: r.start)


def _complete(
    text: str, match: str, start: int, end: int, doc_type: str, number: str | None, title: str | None,
    wrapped: bool, cues: RefCues,
) -> Reference:  # fmt: skip
    while end < len(match) and match[end] in MARKS:
        end += 1
    date, name_end = _date(match, end)
    issuer, tail_end = _issuer(text, match, name_end, cues)
    subject, full_end = _subject(text, match, tail_end, wrapped)
    return Reference(start, name_end, tail_end, full_end, doc_type, number, title or subject, date, issuer)
