"""The number and symbol printed after "Số:" and the codes inside it.

"20/TTr-SNgV" is number 20, type code TTr (Tờ trình), issuer code SNgV (Sở Ngoại vụ); "760-TB/TU" is
the Party form (type before the slash); "1234/UBND-NgV" has no type code, which makes it a công văn.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .data import DocType, tables
from .model import Field

_NUMBER = re.compile(
    r"(?:^[ \t*_]*|(?<=[ \t]{4})|(?<=\t))"  # at a line start or after a column gap
    r"(?:Số|SỐ)[ \t]*(?::[ \t]*)?(?P<num>[^\s/:]*[ \t]*/[ \t]*[^\s,;]+|\d[^\s,;]*)",
    re.M,
)
_SPACE = re.compile(r"\s+")
_CODE = re.compile(r"[^\W_][\w&.]*")


@dataclass(frozen=True, slots=True)
class Codes:
    """Codes of a symbol, each with its absolute span."""

    type_code: tuple[DocType, int, int] | None
    issuer_code: tuple[str, int, int] | None


def parse_number(text: str, start: int, end: int) -> Field | None:
    """The first "Số: ..." at a line start between `start` and `end`.

    >>> s = "Số:           /TB-UBND "
    >>> f = parse_number(s, 0, len(s)); f.value, f.text
    ('/TB-UBND', '/TB-UBND')
    """
    m = _NUMBER.search(text, start, end)
    if not m:
        return None
    a, b = m.span("num")
    while b > a and text[b - 1] in "*_.":
        b -= 1
    raw = text[a:b]
    return Field(value=_SPACE.sub("", raw), start=a, end=b, text=raw) if raw else None


def _lookup_type(code: str) -> DocType | None:
    by_code = tables().type_by_code
    return by_code.get(code) or next((t for c, t in by_code.items() if c.upper() == code.upper()), None)


def symbol_codes(number: Field) -> Codes:
    """Type and issuer codes of a number Field, with spans into the text.

    >>> c = symbol_codes(Field("20/TTr-SNgV", 100, 111, "20/TTr-SNgV"))
    >>> c.type_code[0].name, c.issuer_code
    ('Tờ trình', ('SNgV', 107, 111))
    """
    raw, base = number.text, number.start
    slash = raw.rfind("/")
    if slash < 0:
        return Codes(None, None)
    before = [(m.group(0), m.start()) for m in _CODE.finditer(raw, 0, slash)]
    after = [(m.group(0), m.start()) for m in _CODE.finditer(raw, slash + 1)]
    # Party form "760-TB/TU": the type code sits before the slash.
    party = len(before) >= 2 and not before[-1][0].isdigit() and _lookup_type(before[-1][0])
    if party and after:
        code, pos = before[-1]
        iss, ipos = after[0]
        return Codes((party, base + pos, base + pos + len(code)), (iss, base + ipos, base + ipos + len(iss)))
    if not after:
        return Codes(None, None)
    code, pos = after[0]
    dtype = _lookup_type(code)
    if dtype is None:  # công văn: the first code is the issuer's
        return Codes(None, (code, base + pos, base + pos + len(code)))
    if len(after) < 2:
        return Codes((dtype, base + pos, base + pos + len(code)), None)
    iss, ipos = after[1]
    return Codes((dtype, base + pos, base + pos + len(code)), (iss, base + ipos, base + ipos + len(iss)))
