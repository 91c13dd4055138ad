"""Which Vietnamese party goes with which foreign party in a clause.

Rules, in order: a `giữa A và/với B` / `between A and B` construction; a dash pair (`Sơn La - Xay
Sổm Bun`, `Gia Lai-Ratanakiri`); for a foreign agency, the Vietnamese agency of the same kind
(`Công an tỉnh Bắc Giang` ↔ `Công an tỉnh Xay Sổm Bun`); the nearest Vietnamese party of the same
kind in the clause that is not a venue; else the document's home party.
"""

from __future__ import annotations

import re

from ingest.extract.parties import Party, agency_party

BETWEEN_RE = re.compile(r"(?:giữa|Giữa|GIỮA|between|Between)\s")
DASH_RE = re.compile(r"^\s*(?:-|–|—)\s*$")
AND_RE = re.compile(r"^\s*(?:và|and|với|with|,)\s*$")


def _gap(text: str, a: Party, b: Party, offset: int) -> str:
    """The text between two parties' mentions (in clause coordinates)."""
    assert a.mention is not None and b.mention is not None
    first, second = sorted((a.mention, b.mention), key=lambda m: m.start)
    return text[first.end - offset : second.start - offset]


def _between_partner(text: str, offset: int, f: Party, vn: list[Party]) -> Party | None:
    """`giữa A và B`: the Vietnamese party in the same 'between' construction as `f`."""
    assert f.mention is not None
    for hit in reversed(list(BETWEEN_RE.finditer(text))):
        start = offset + hit.end()
        if f.mention.start < start:
            continue
        inside = [v for v in vn if v.mention is not None and start <= v.mention.start < f.mention.start + 200]
        if inside:
            return min(inside, key=lambda v: abs(v.mention.start - f.mention.start))  # type: ignore[union-attr]
    return None


def _adjacent_partner(text: str, offset: int, f: Party, vn: list[Party]) -> Party | None:
    """`Sơn La - Xay Sổm Bun`, `Hà Nội – Minsk`, `Vĩnh Phúc và Chungcheongbuk`."""
    for v in vn:
        gap = _gap(text, v, f, offset)
        if DASH_RE.match(gap) or AND_RE.match(gap):
            return v
    return None


def choose_vn(text: str, offset: int, f: Party, vn: list[Party], home: Party | None) -> Party | None:
    """The Vietnamese party of the relationship that the clause states with foreign party `f`."""
    same_kind = [v for v in vn if v.is_agency == f.is_agency]
    for rule in (_between_partner, _adjacent_partner):
        hit = rule(text, offset, f, same_kind)
        if hit is not None:
            return hit
    parties = [v for v in same_kind if v.mention is not None and not v.mention.venue] or same_kind
    if parties:
        assert f.mention is not None
        before = [v for v in parties if v.mention.start < f.mention.start]  # type: ignore[union-attr]
        return before[-1] if before else parties[0]
    if home is None:
        return None
    if f.is_agency and f.mention is not None and f.mention.agency:
        return agency_party(f.mention.agency, f.mention.agency_kind, home)
    return home
