"""The issuing body: read from a printed issuer line, or derived from a symbol code or a signature
authority ("TM. ỦY BAN NHÂN DÂN") combined with the place of the date line.

Names and abbreviations come from `ingest/data/issuer_codes.yaml`.
"""

from __future__ import annotations

from .data import Issuer, tables
from .text import clean, is_caps, title_case


def _match_full(up: str) -> tuple[Issuer, int] | None:
    """The issuer whose printed name (or code) opens the upper-cased line, longest first."""
    best: tuple[Issuer, int] | None = None
    for iss in tables().issuers.values():
        for name in (*iss.full, iss.code):
            n = name.upper()
            fits = up.startswith(n) and (len(up) == len(n) or up[len(n)] == " ")
            if fits and (best is None or len(n) > best[1]):
                best = (iss, len(n))
    return best


def is_issuer_line(line: str) -> bool:
    """A line in capitals that starts with a known body or a generic prefix ("SỞ", "BAN").

    >>> is_issuer_line("ỦY BAN NHÂN DÂN TỈNH BẮC GIANG"), is_issuer_line("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    (True, False)
    """
    s = clean(line)
    if not s or not is_caps(s) or len(s.split()) > 14:
        return False
    up = s.upper()
    if _match_full(up):
        return True
    return any(up.startswith(p.upper() + " ") for p in tables().issuer_prefixes)


def is_unit_line(line: str) -> bool:
    """A line in capitals naming an administrative unit, continuing an issuer line above it.

    >>> is_unit_line("TỈNH QUẢNG NINH"), is_unit_line("Tỉnh Quảng Ninh")
    (True, False)
    """
    s = clean(line)
    low = s.lower()
    return is_caps(s) and len(s.split()) <= 8 and any(low.startswith(u + " ") for u in tables().units)


def locality(rest: str) -> str:
    """ "TỈNH BẮC GIANG" -> "tỉnh Bắc Giang"; "" -> "".

    >>> locality("THÀNH PHỐ HÀ NỘI")
    'thành phố Hà Nội'
    """
    rest = clean(rest)
    if not rest:
        return ""
    low = rest.lower()
    for unit in sorted(tables().units, key=len, reverse=True):
        if low.startswith(unit + " "):
            name = rest[len(unit) + 1 :]
            unit_out = "thành phố" if unit == "tp." else unit
            return f"{unit_out} {title_case(name) if is_caps(name) else name}"
    return title_case(rest) if is_caps(rest) else rest


def issuer_name(line: str) -> tuple[str, bool]:
    """Display name of one printed issuer line, and whether it names its locality.

    >>> issuer_name("ỦY BAN NHÂN DÂN TỈNH BẮC GIANG")
    ('UBND tỉnh Bắc Giang', True)
    """
    s = clean(line)
    found = _match_full(s.upper())
    if found:
        iss, n = found
        head, rest = iss.display, s[n:]
    else:
        word = next(p for p in tables().issuer_prefixes if s.upper().startswith(p.upper() + " "))
        tail = s[len(word) + 1 :].lower()
        head, rest = f"{word[:1].upper()}{word[1:]} {tail[:1].upper()}{tail[1:]}", ""
    loc = locality(rest)
    return (f"{head} {loc}" if loc else head), bool(loc)


def combine(lines: list[str]) -> str:
    """Issuer name from a parent line and a child line ("UBND TỈNH HÀ TĨNH" / "SỞ NGOẠI VỤ").

    >>> combine(["UBND TỈNH HÀ TĨNH", "SỞ NGOẠI VỤ"])
    'Sở Ngoại vụ tỉnh Hà Tĩnh'
    """
    child, has_loc = issuer_name(lines[-1])
    if len(lines) == 1 or has_loc:
        return child
    parent, _ = issuer_name(lines[0])
    if child.startswith("Sở ") and " " in parent:
        return f"{child} {parent.split(' ', 1)[1]}"
    return f"{child} {parent}"


def province_of(place: str) -> str:
    """The province-level unit named by a date line's place.

    >>> province_of("Bình Định"), province_of("Hà Nội"), province_of("TP. Hồ Chí Minh")
    ('tỉnh Bình Định', 'thành phố Hà Nội', 'thành phố Hồ Chí Minh')
    """
    low = place.lower()
    for prefix in ("tp. ", "tp.", "thành phố "):
        if low.startswith(prefix):
            return f"thành phố {place[len(prefix) :].strip()}"
    unit = "thành phố" if place in tables().municipalities else "tỉnh"
    return f"{unit} {place}"


def from_code(code: str, place: str | None) -> str | None:
    """Issuer from a symbol's issuer code and the date line's place.

    >>> from_code("SNgV", "Hà Tĩnh"), from_code("TU", "Bắc Giang")
    ('Sở Ngoại vụ tỉnh Hà Tĩnh', 'Tỉnh ủy Bắc Giang')
    """
    iss = tables().issuers.get(code)
    if iss is None:
        return None
    if not place:
        return iss.display
    return f"{iss.display} {province_of(place) if iss.local else place}"


def code_of_body(body: str) -> str | None:
    """Issuer code of a body named in capitals in a signature ("ỦY BAN NHÂN DÂN" -> "UBND")."""
    found = _match_full(clean(body).upper())
    return found[0].code if found else None
