"""Reading the context that locates a mention: its country and its parent unit.

- `tỉnh Xay Sổm Bun (Lào)` → country LA
- `quận Seo, thành phố Daejeon, Hàn Quốc` → parent Daejeon, country KR
- `thành phố Thái Châu (tỉnh Giang Tô, Trung Quốc)` → parent Giang Tô, country CN
- `quận Seo (Daejoen, Hàn Quốc)` → parent "Daejoen" (an unseen spelling), country KR
- `Savannakhet-Lào`, `Saiki city in Oita prefecture, Japan`, `Cambodia's Kandal province`
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ingest.extract.mentions import RUN_RE, Mention

CountryOf = Callable[[str], str | None]

_OPEN = re.compile(r" *\( *")
_SEP = re.compile(r" *(?:,|-|–|in|of) *")
_POSSESSIVE = re.compile(r"([A-Z][A-Za-z]+)'s +$")


_UNTIL_STOP = re.compile(r"[^),;(\n]{1,40}")


def _country_at(m: str, pos: int, country_of: CountryOf) -> tuple[str, int] | None:
    """A country name starting at `pos`: the longest leading words, up to a bracket or comma, that
    name a country ("Lào", "Liên bang Nga", "Vương quốc Bỉ", "CHDCND Lào")."""
    chunk = _UNTIL_STOP.match(m, pos)
    if not chunk or not RUN_RE.match(m, pos):
        return None
    words = chunk.group(0).split()
    for n in range(min(len(words), 6), 0, -1):
        code = country_of(" ".join(words[:n]))
        if code:
            return code, pos + len(" ".join(words[:n]))
    return None


LEVEL_ORDER = {"commune": 0, "district": 1, "county": 1, "city": 2, "prefecture": 3, "province": 4, "region": 4,
               "state": 4}


def _higher(parent: Mention, child: Mention) -> bool:
    """Could `parent` locate `child`? Not two items of one list, not a lower or equal level, not a
    foreign unit for a Vietnamese one or the other way round."""
    if parent.listed and child.listed:
        return False
    if parent.sides and child.sides and not (parent.sides & child.sides):
        return False
    if parent.level and child.level:
        return LEVEL_ORDER.get(parent.level, 9) > LEVEL_ORDER.get(child.level, 9)
    return True


def _mention_at(pos: int, by_start: dict[int, Mention], m: str) -> Mention | None:
    while pos < len(m) and m[pos] == " ":
        pos += 1
    return by_start.get(pos)


def read_context(m: str, mention: Mention, by_start: dict[int, Mention], country_of: CountryOf) -> int:
    """Fill `mention.country` and `mention.parent` from what follows it; return where context ends."""
    pos = mention.end
    opened = _OPEN.match(m, pos)
    if opened:
        pos = opened.end()
    elif sep := _SEP.match(m, pos):
        pos = sep.end()
    for _ in range(3):  # at most: parent, grandparent, country
        hit = _country_at(m, pos, country_of)
        if hit:
            mention.country = mention.country or hit[0]
            pos = hit[1]
            break
        nxt = _mention_at(pos, by_start, m)
        if nxt is None and opened:
            run = RUN_RE.match(m, pos)  # an unseen parent name inside the brackets: "(Daejoen, Hàn Quốc)"
            if run and _SEP.match(m, run.end()) and _country_at(m, _SEP.match(m, run.end()).end(), country_of):  # type: ignore[union-attr]
                pos = _SEP.match(m, run.end()).end()  # type: ignore[union-attr]
                continue
        if nxt is None or nxt is mention or nxt.kind != "place" or not _higher(nxt, mention):
            break
        if mention.parent is None:
            mention.parent = nxt
        nxt.locates = True
        pos = nxt.end
        sep = _SEP.match(m, pos)
        if not sep:
            break
        pos = sep.end()
    if mention.country is None and mention.parent is not None:
        mention.country = mention.parent.country
    return pos


def read_preceding_country(m: str, mention: Mention, country_of: CountryOf) -> None:
    """`Cambodia's Kandal province` → KH."""
    hit = _POSSESSIVE.search(m[max(0, mention.start - 40) : mention.start])
    if hit and not mention.country:
        mention.country = country_of(hit.group(1))


def locate_all(m: str, mentions: list[Mention], country_of: CountryOf) -> None:
    """Read context for every mention, then pass countries from parents down to children."""
    by_start = {x.start: x for x in mentions}
    for x in mentions:
        read_context(m, x, by_start, country_of)
        read_preceding_country(m, x, country_of)
    # list items share the country written after the last item: "các tỉnh A, B và C (Lào)"
    group: list[Mention] = []
    for x in mentions:
        if x.listed:
            group.append(x)
            if x.country:
                for g in group:
                    if g.sides != frozenset({"vn"}):  # "hai tỉnh Đắk Lắk và Mondulkiri (Campuchia)"
                        g.country = g.country or x.country
                group = []
        else:
            group = []
    for x in mentions:
        if x.parent is not None and x.parent.country and not x.country:
            x.country = x.parent.country
