"""Splitting a written list of bodies into the bodies it names.

"Ủy ban Mặt trận Tổ quốc tỉnh, Văn phòng Tỉnh ủy, Các Sở: Kế hoạch và Đầu tư, Văn hóa, Thể thao và
Du lịch, Lao động - Thương binh và Xã hội; Công an tỉnh và các cơ quan có liên quan" is read left to
right: the longest known name at each place wins (so "Văn hóa, Thể thao và Du lịch" is one
department, not three), "Các Sở:" makes the bare names after it departments, a unit word makes the
names after it places ("huyện Lục Ngạn, Yên Dũng"), an unknown name opening with an organisation word
is a body of its own, and phrases such as "các cơ quan có liên quan" are kept as notes.

In `strict` mode (a subject or the object of "phối hợp với" inside a sentence) reading stops at the
first words that are none of these, so the rest of the sentence is never read as a body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.extract.agency_data import form_key
from ingest.extract.agency_resolve import QUALIFIER_RE, AgencyResolver, Ref, name_end
from ingest.extract.mentions import RUN_RE

_SKIP_RE = re.compile(r"(?:[\s,;:.]|(?<![\w])(?:và|cùng)(?![\w]))+")
_SPACES_RE = re.compile(r"\s*")
_CHUNK_END_RE = re.compile(r"[,;(]|\s+và\s+|\.(?:\s|$)")
_PLACE_LEVELS = {"tỉnh": "province", "thành phố": "city", "huyện": "district", "thị xã": "district",
                 "quận": "district", "xã": "commune", "phường": "commune", "thị trấn": "commune"}  # fmt: skip
_UNIT_AT_RE = re.compile(
    r"(?:(?:các|những)\s+)?(" + "|".join(sorted(_PLACE_LEVELS, key=len, reverse=True)) + r")(?![\w])", re.IGNORECASE
)
_OF_RE = re.compile(r"\s+(?:của|thuộc)\s+(?=\S)")


@dataclass(slots=True)
class ParsedList:
    """What a list names: bodies, notes ("các cơ quan có liên quan"), words not understood, and
    where reading stopped."""

    refs: list[Ref] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)
    start: int = 0
    end: int = 0


class _Reader:
    def __init__(self, r: AgencyResolver, start: int, end: int, strict: bool, fail_fast: bool = False) -> None:
        self.r, self.m, self.end, self.strict, self.fail_fast = r, r.ctx.match, end, strict, fail_fast
        self.out = ParsedList(start=start, end=start)
        self.group: str | None = None  # "Sở" after "Các Sở:"
        self.level: str | None = None  # "district" after "huyện Lục Ngạn"

    def text(self, a: int, b: int) -> str:
        return " ".join(self.r.ctx.text[a:b].split())

    def read(self, pos: int) -> ParsedList:
        while True:
            skip = _SKIP_RE.match(self.m, pos, self.end)
            nxt = skip.end() if skip else pos
            if skip and ";" in skip.group(0):
                self.group = self.level = None
            if nxt >= self.end:
                return self.out
            got = self.item(nxt)
            if got is None:
                return self.out
            pos = self.out.end = got

    def item(self, pos: int) -> int | None:
        """Read one item at `pos`; its end, or None to stop."""
        t = self.r.t
        # a group pattern opens with the literal first letter of one of its words (`alternation`)
        for rx, head in t.groups if self.m[pos] in t.group_firsts else ():
            g = rx.match(self.m, pos, self.end)
            after = _SKIP_RE.match(self.m, g.end(), self.end) if g else None
            if g and t.bare[head].match(self.m, after.end() if after else g.end(), self.end):
                self.group, self.level = head, None
                return g.end()
        if (place_end := self.place(pos, inherit=False)) is not None:
            return place_end
        generic = t.generic_re.match(self.m, pos, self.end)
        if generic:
            of = _OF_RE.match(self.m, generic.end(), self.end)  # "các cơ quan của Bộ Ngoại giao"
            self.out.notes.append(self.text(pos, of.end() if of else generic.end()))
            return of.end() if of else generic.end()
        person = t.person_re.match(self.m, pos, self.end)
        start = person.end() if person else pos
        ref = self.r.body_at(start, self.end)
        if ref is not None:
            self.out.refs.append(ref)
            self.level = None
            return ref.end
        if self.group is not None and (ref := self.bare(pos)) is not None:
            self.out.refs.append(ref)
            return ref.end
        if (place_end := self.place(pos, inherit=True)) is not None:
            return place_end
        if not self.strict and (org_end := self.org(pos)) is not None:
            return org_end
        if self.fail_fast:
            self.out.unknown.append(self.text(pos, min(self.end, pos + 40)))
            return None
        return None if self.strict else self.unknown(pos)

    def bare(self, pos: int) -> Ref | None:
        """'Kế hoạch và Đầu tư' after 'Các Sở:' -> Sở Kế hoạch và Đầu tư."""
        assert self.group is not None
        hit = self.r.t.bare[self.group].match(self.m, pos, self.end)
        if hit is None:
            return None
        body = self.r.t.forms.get(form_key(f"{self.group} {hit.group(0)}"))
        return None if body is None else self.r.default_ref(body, pos, hit.end())

    def place(self, pos: int, inherit: bool) -> int | None:
        """'huyện Lục Ngạn', 'các huyện Yên Dũng', then 'Việt Yên' inheriting the unit word (when
        `inherit`): the place acts as a body."""
        unit = _UNIT_AT_RE.match(self.m, pos, self.end)
        if unit is None and not inherit:
            return None
        name_at, level = (unit.end(), _PLACE_LEVELS[unit.group(1).lower()]) if unit else (pos, self.level)
        if level is None:
            return None
        gap = _SPACES_RE.match(self.m, name_at, self.end)
        run = RUN_RE.match(self.m, gap.end() if gap else name_at, self.end)
        if run is None:
            return None
        name = self.r.trim(run.group(0), level)
        end = name_end(self.m, run.start(), name)
        party = self.r.place(name, level, pos, end)
        if party is None:
            return None
        self.level = level
        written = f"{unit.group(1) if unit else _unit_word(level)} {name}"
        self.out.refs.append(Ref(written, pos, end, party, "place"))
        return end

    def org(self, pos: int) -> int | None:
        """An unknown body opening with an organisation word, up to the next separator."""
        t = self.r.t
        head = t.org_re.match(self.m, pos, self.end)
        if head is None or t.not_org_re.match(self.m, pos, self.end):
            return None
        stop = _CHUNK_END_RE.search(self.m, head.end(), self.end)
        chunk_end = stop.start() if stop else self.end
        name_end = chunk_end
        qual = QUALIFIER_RE.search(self.m, head.end(), chunk_end)
        place = None
        if qual is not None:
            name_end = qual.start()
            run = RUN_RE.match(self.m, qual.end() + 1, chunk_end) if qual.end() < chunk_end else None
            if run is not None:
                place = self.r.place(run.group(0), _PLACE_LEVELS.get(qual.group(1).lower()), qual.start(1), run.end())
            elif _PLACE_LEVELS.get(qual.group(1).lower()) in ("province", "city"):
                place = self.r.province(None)
        else:
            place = self.r.province(None)
        name = self.text(pos, name_end).rstrip(" .")
        kind = t.org_kinds.get(form_key(head.group(0)), "unit")
        party = self.r.org_party(name, kind, place) if place is not None else None
        self.out.refs.append(Ref(self.text(pos, chunk_end), pos, chunk_end, party, kind))
        return chunk_end

    def unknown(self, pos: int) -> int:
        """Words not understood: kept with the note before them when they continue it."""
        stop = _CHUNK_END_RE.search(self.m, pos + 1, self.end)
        chunk_end = stop.start() if stop else self.end
        chunk = self.text(pos, chunk_end)
        if chunk and chunk[0].islower() and self.out.notes:
            self.out.notes[-1] += " " + chunk
        elif chunk:
            self.out.unknown.append(chunk)
        return max(chunk_end, pos + 1)


def _unit_word(level: str) -> str:
    return {"province": "tỉnh", "city": "thành phố", "district": "huyện", "commune": "xã"}[level]


def parse_list(r: AgencyResolver, start: int, end: int, strict: bool = False, fail_fast: bool = False) -> ParsedList:
    """The bodies named in `r.ctx.text[start:end]` (see the module docstring). `fail_fast`: stop at the
    first words not understood (recorded in `unknown`), for callers that reject such lists anyway."""
    return _Reader(r, start, end, strict, fail_fast).read(start)
