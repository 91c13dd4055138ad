"""Officials named in the text with their role: "Phó Chủ tịch Thường trực UBND tỉnh Mai Sơn", "Chủ tịch
nước Nguyễn Xuân Phúc", "đồng chí Chủ tịch UBND tỉnh" — people, never places.

After a role (`persons.yaml`) may come the body it is held in (a body the agency tables know: "UBND",
"Sở Ngoại vụ"), a unit word and a capitalised run. The run is the body's place when the gazetteer
knows it at that level ("Chủ tịch UBND tỉnh Bắc Giang"); otherwise it is the person's name and the
body is the document's own province's ("Phó Chủ tịch UBND tỉnh Lâm Hải Giang": Lâm Hải Giang is a
person of this province). A name must start with a Vietnamese family name (or follow a role held
abroad). Without a name, a role preceded by "đồng chí"/"ông"/"bà" (and not "một đồng chí") still
points at one person: the holder of that office.

>>> from ingest.normalize import match_form
>>> m = find_titled(match_form("Ngày 21/6/2024, Phó Chủ tịch Thường trực UBND tỉnh Mai Sơn chủ trì"))[0]
>>> m.role, m.body.name if m.body else None, m.level, m.name
('Phó Chủ tịch Thường trực', 'Ủy ban nhân dân', 'province', 'Mai Sơn')
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from ingest.extract.agency_data import Body, agency_tables
from ingest.extract.cues import LETTER, _alternation, _load, load_cues
from ingest.extract.mentions import RUN_RE
from ingest.extract.phrase_re import phrase_alternation
from ingest.extract.places import cached_index

_SPACES = re.compile(r" +")
_LEVELS = ("province", "city", "district")
MAX_NAME_TOKENS = 4


@dataclass(slots=True)
class Titled:
    """A role in the text, with what follows it. `level` is the level the unit word after the body
    gives ("tỉnh" -> province), `place_name` a place the gazetteer knows after it; `name` the person's
    name (None for an unnamed office holder)."""

    start: int
    end: int
    role: str
    body: Body | None
    level: str | None
    place_name: str | None
    name: str | None
    honorific: bool


@dataclass(frozen=True)
class PeopleCues:
    role_re: re.Pattern[str]
    unit_re: re.Pattern[str]  # a unit word ("tỉnh", "TP.", "huyện") after a body, from units.yaml
    unit_levels: dict[str, str]
    honorific_re: re.Pattern[str]
    national: frozenset[str]
    foreign: frozenset[str]
    surnames: frozenset[str]
    data: dict[str, Any]


@cache
def people_cues() -> PeopleCues:
    data = _load("persons.yaml")
    indefinite = _alternation(data["indefinite"])
    units = {w: lv for w, (lv, side) in load_cues().prefix_levels.items() if lv in _LEVELS and side != "foreign"}
    return PeopleCues(
        unit_re=re.compile(rf" +(?:của +)?(?P<unit>{_alternation(list(units))})(?![{LETTER}])"),
        unit_levels=units,
        # the caller checks that no letter comes before a role
        role_re=re.compile(rf"(?P<role>{phrase_alternation([data['roles']])})(?![{LETTER}])"),
        honorific_re=re.compile(
            rf"(?:(?P<indef>(?<![{LETTER}])(?:{indefinite}) +))?"
            rf"(?<![{LETTER}])(?:{_alternation(data['honorifics'])}) +$"
        ),
        national=frozenset(data["national_roles"]),
        foreign=frozenset(data["foreign_roles"]),
        surnames=frozenset(data["surnames"]),
        data=data,
    )


def _known_at(name: str, level: str | None, body: Body | None) -> bool:
    """The gazetteer knows `name` at the level the unit word gives (any country; a centrally-run city
    is a province); without a unit word, at any level when no body, or a body named with its place
    ("Tỉnh ủy Hồ Nam"), comes before."""
    levels = {lv.split(":")[-1] for lv in cached_index().levels(name)}
    if level is None:
        return bool(levels) and (body is None or body.place_named)
    return level in levels or (level == "city" and "province" in levels)


def _person_name(run: str, role: str, cues: PeopleCues) -> str | None:
    """The leading person's name in a capitalised run, or None."""
    tokens = run.split()[:MAX_NAME_TOKENS]
    if len(tokens) < 2 or any(t.isupper() and len(t) > 1 for t in tokens):
        return None
    if tokens[0] in cues.surnames or (role in cues.foreign and not cached_index().levels(" ".join(tokens))):
        return " ".join(tokens)
    return None


def _end_of(match: str, start: int, words: list[str]) -> int:
    """Where the run of `words` that starts at `start` ends (the words are separated by spaces)."""
    pos = start
    for w in words:
        pos = match.index(w, pos) + len(w)
    return pos


def _titled_at(match: str, hit: re.Match[str], cues: PeopleCues) -> Titled:
    role = " ".join(hit.group("role").split())
    pos = hit.end()
    body: Body | None = None
    gap = _SPACES.match(match, pos)
    if gap is not None and (b := agency_tables().body_re.match(match, gap.end())) is not None:
        body = agency_tables().body(b.group(0))
        pos = b.end() if body is not None else pos
    level, place_name, name = None, None, None
    u = cues.unit_re.match(match, pos)
    if u is not None:
        level, pos = cues.unit_levels[u.group("unit")], u.end()
    gap = _SPACES.match(match, pos)
    run = RUN_RE.match(match, gap.end()) if gap is not None else None
    if run is not None:
        tokens = run.group(0).split()
        known = next((n for n in range(len(tokens), 0, -1) if _known_at(" ".join(tokens[:n]), level, body)), 0)
        place_name = " ".join(tokens[:known]) or None
        name = _person_name(" ".join(tokens[known:]), role, cues)  # "UBND TP Hà Nội Nguyễn Mạnh Quyền"
        words = tokens[: known + (len(name.split()) if name else 0)]
        pos = _end_of(match, gap.end(), words) if words else pos  # type: ignore[union-attr]
    before = match[max(0, hit.start() - 24) : hit.start()]
    hon = cues.honorific_re.search(before)
    honorific = hon is not None and not hon.group("indef")
    start = hit.start() - (len(before) - hon.start()) if honorific and hon is not None else hit.start()
    return Titled(start, pos, role, body, level, place_name, name, honorific)


def find_titled(match: str) -> list[Titled]:
    """Every role in `match` that names a person or points at one office holder."""
    cues = people_cues()
    out = []
    for hit in cues.role_re.finditer(match):
        if hit.start() and match[hit.start() - 1].isalpha():
            continue
        t = _titled_at(match, hit, cues)
        if t.name or (t.honorific and (t.body is not None or t.place_name or t.role in cues.national)):
            out.append(t)
    return out
