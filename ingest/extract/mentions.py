"""Finding place and agency mentions in a document's matching form.

A mention is a span naming a unit: after a unit word (`tỉnh Xay Sổm Bun`, `các tỉnh A, B và C`),
before an English unit word (`Kyoto Prefecture`), or a bare name the gazetteer knows (`Savannakhet`).
Names after a person's title (`Phó Chủ tịch UBND tỉnh Lâm Hải Giang`) are people, not places, unless
the gazetteer knows the name at that level (`Thống đốc tỉnh Gifu`).

Context (`(Lào)`, `, thành phố Daejeon, Hàn Quốc`, `(tỉnh Giang Tô, Trung Quốc)`) is read by
`ingest.extract.context_places`.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Protocol

import yaml

from ingest.extract.cues import CUES_DIR, LETTER, UPPER, Cues, load_cues

LOWER = "".join(c for c in LETTER if c.islower())
# A capitalised word; a hyphen goes on only in lower case ("A-nu-vông"), so "Gia Lai-Ratanakiri" is two names.
TOKEN = rf"[{UPPER}][{LETTER}']*(?:-[{LOWER}]+)*"
# Lower-case particles inside romanised names: "Pinar del Río", "Seine-et-Marne", "Stratford upon Avon".
PARTICLE = r"(?:del|de|la|do|da|dos|das|di|du|von|van|der|den|le|sur|upon|am|an|al|el)"
RUN_RE = re.compile(rf"{TOKEN}(?: +(?:{PARTICLE} +)?{TOKEN})*")
TOKEN_RE = re.compile(TOKEN)
LIST_SEP_RE = re.compile(r" *(?:,|và|and|với|;|-|–|—|&)(?: *và| *and)? *")
MAX_NAME_TOKENS = 6


class NameIndex(Protocol):
    """What mention finding needs from the gazetteer: which names it knows, at which levels."""

    def levels(self, name: str) -> set[str]:
        """Levels ('province', 'city', ... with 'vn:' prefix for Vietnamese units) the name has."""
        ...

    def is_country(self, name: str) -> bool: ...


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    name: str
    level: str | None = None
    side: str = "any"  # vn | foreign | any
    kind: str = "place"  # place | agency
    agency: str | None = None
    agency_kind: str | None = None
    country: str | None = None
    parent: Mention | None = None
    locates: bool = False  # only says where another mention is
    venue: bool = False  # after tại/ở/in/at: where something happens
    in_org: bool = False  # part of an organisation's name: "Hội doanh nghiệp nhỏ và vừa Hà Nội"
    listed: bool = False  # one item of a list after a plural unit word
    bare: bool = False
    group: bool = False  # one member of a named group, sharing the group name's span
    institution: str | None = None  # a school or college by its full name; `name` is the place inside
    children: list[Mention] = field(default_factory=list)
    sides: frozenset[str] = frozenset()  # where the gazetteer knows the name: {"vn"}, {"foreign"}, both, none

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)


@cache
def agency_heads() -> list[tuple[str, str, str]]:
    """(surface words, canonical head, kind), longest first."""
    data = yaml.safe_load((CUES_DIR / "agencies.yaml").read_text(encoding="utf-8"))
    rows = [(w, h["canonical"], h["kind"]) for h in data["heads"] for w in h["words"]]
    return sorted(rows, key=lambda r: -len(r[0]))


@cache
def _agency_re() -> re.Pattern[str]:
    alt = "|".join(re.escape(w) for w, _, _ in agency_heads())
    return re.compile(rf"(?<![{LETTER}])({alt})(?: +(?:các|hai|02|2|những))? +$")


def trim_run(run: str, index: NameIndex, level: str | None) -> str:
    """The longest leading part of a capitalised run that the gazetteer knows, else the run
    (at most MAX_NAME_TOKENS tokens). 'Hà Giang Nguyễn Văn Sơn' -> 'Hà Giang'."""
    tokens = run.split()
    for n in range(min(len(tokens), MAX_NAME_TOKENS), 0, -1):
        cand = " ".join(tokens[:n])
        if index.levels(cand):
            return cand
    return " ".join(tokens[:MAX_NAME_TOKENS])


def known_suffix(run: str, index: NameIndex) -> str | None:
    """A known name ending the run, after unknown leading words ('Choang Quảng Tây' -> 'Quảng Tây')."""
    tokens = run.split()
    for i in range(1, len(tokens)):
        cand = " ".join(tokens[i : i + MAX_NAME_TOKENS])
        if index.levels(cand):
            return cand
    return None


def known_at(index: NameIndex, name: str, level: str | None) -> bool:
    levels = index.levels(name)
    if not levels:
        return False
    return level is None or any(lv.split(":")[-1] == level for lv in levels)


def _is_person_context(m: str, prefix_start: int, cues: Cues) -> bool:
    """True if the unit word follows a person's title, optionally through a government word:
    'Phó Chủ tịch UBND tỉnh ...', 'Thống đốc tỉnh ...', 'Chủ tịch nước ...'."""
    before = m[max(0, prefix_start - 60) : prefix_start].rstrip()
    gov = cues.government_re.search(before[-30:] + " ") if before else None
    if gov is not None and before.endswith(gov.group(0).strip()):
        before = before[: len(before) - len(gov.group(0).strip())].rstrip()
    return bool(cues.person_title_re.search(before))


def _agency_before(m: str, start: int) -> tuple[str, str, int] | None:
    """An agency head right before `start` ('Công an tỉnh ...'): (canonical, kind, head start)."""
    hit = _agency_re().search(m[max(0, start - 48) : start])
    if not hit:
        return None
    surface = hit.group(1)
    canonical, kind = next((c, k) for w, c, k in agency_heads() if w == surface)
    return canonical, kind, start - len(hit.group(0))


_DASHED = re.compile(rf" +- +{TOKEN}(?: +{TOKEN})*")


def _run_at(m: str, pos: int, index: NameIndex | None) -> tuple[int, int] | None:
    """The capitalised run at `pos`, joined over " - " when the joined name is known ("Bà Rịa - Vũng Tàu")."""
    run = RUN_RE.match(m, pos)
    if not run:
        return None
    end = run.end()
    dashed = _DASHED.match(m, end)
    if index is not None and dashed and index.levels(m[pos : dashed.end()]):
        end = dashed.end()
    return pos, end


def _runs_after(m: str, pos: int, plural: bool, index: NameIndex | None = None) -> list[tuple[int, int]]:
    """The capitalised run at `pos` (after spaces), or a list of runs for plural unit words."""
    out: list[tuple[int, int]] = []
    while True:
        while pos < len(m) and m[pos] == " ":
            pos += 1
        found = _run_at(m, pos, index)
        if not found:
            return out
        out.append(found)
        if not plural:
            return out
        sep = LIST_SEP_RE.match(m, found[1])
        if not sep or not RUN_RE.match(m, sep.end()):
            return out
        pos = sep.end()


_LIST_OPEN = re.compile(r" *(?:\(|:| gồm:?| bao gồm:?| là:?|, including| including| namely:?) *")


def _bracket_list(m: str, pos: int) -> list[tuple[int, int]]:
    """Members listed right after a group name: ' (Attapu, Champasak, Salavan, Sekong)',
    ' gồm Preah Vihear, Stung Treng và Ratanakiri'."""
    opened = _LIST_OPEN.match(m, pos)
    if not opened:
        return []
    runs = _runs_after(m, opened.end(), True)
    if len(runs) < 2:
        return []
    if "(" in opened.group(0) and not re.match(r" *\)", m[runs[-1][1] : runs[-1][1] + 3]):
        return []
    return runs


def _groups(m: str, index: NameIndex, cues: Cues) -> dict[str, list[str]]:
    """Named groups defined by a list anywhere in the text: "các tỉnh Nam Lào (Attapu, Champasak, ...)"
    defines "Nam Lào", so "04 tỉnh Nam Lào" elsewhere means those four."""
    groups: dict[str, list[str]] = {}
    for hit in cues.prefix_re.finditer(m):
        runs = _runs_after(m, hit.end(), True, index)
        if len(runs) == 1 and not index.levels(m[runs[0][0] : runs[0][1]]):
            members = _bracket_list(m, runs[0][1])
            if members:
                groups[m[runs[0][0] : runs[0][1]]] = [m[s:e] for s, e in members]
    return groups


def find_prefixed(m: str, index: NameIndex, cues: Cues) -> list[Mention]:
    """Mentions introduced by a Vietnamese unit word (tỉnh, huyện, thành phố, châu, bản ...)."""
    out: list[Mention] = []
    groups = _groups(m, index, cues)
    for hit in cues.prefix_re.finditer(m):
        if m.startswith(cues.not_units, hit.start()) or m[max(0, hit.start() - 8) : hit.start()].endswith(
            cues.not_units_after
        ):
            continue
        level, side = cues.prefix_levels[hit.group(0)]
        before = m[max(0, hit.start() - 6) : hit.start()].split()
        plural = bool(before) and before[-1].lower() in cues.plural_markers
        runs = _runs_after(m, hit.end(), plural, index)
        if plural and runs:
            members = _bracket_list(m, runs[-1][1])  # "04 tỉnh Nam Lào (Attapu, Champasak, ...)"
            group = m[runs[-1][0] : runs[-1][1]]
            if members and not index.levels(group):
                runs = runs[:-1] + members
            elif group in groups:  # the same group named again without its list
                out.extend(
                    Mention(runs[-1][0], runs[-1][1], name, level, side, listed=True, group=True)
                    for name in groups[group]
                )
                continue
        person = _is_person_context(m, hit.start(), cues)
        agency = _agency_before(m, hit.start())
        for i, (s, e) in enumerate(runs):
            name = trim_run(m[s:e], index, level)
            if not index.levels(name) and (suffix := known_suffix(m[s:e], index)):
                s = m.index(suffix, s)
                name = suffix
            if person and not known_at(index, name, level):
                continue
            start = hit.start() if i == 0 else s
            mention = Mention(start, s + len(name), name, level, side, listed=plural)
            if agency:
                mention.kind, mention.agency, mention.agency_kind = "agency", agency[0], agency[1]
                if i == 0:
                    mention.start = agency[2]
            out.append(mention)
    return out


_RUN_AT_END = re.compile(rf"({TOKEN}(?: +(?:{PARTICLE} +)?{TOKEN})*)\s*$")
_LIST_AT_END = re.compile(rf"({TOKEN}(?: +(?:{PARTICLE} +)?{TOKEN})*)\s*(?:,|and|&)\s*$")


def _clean_english(name: str, index: NameIndex) -> tuple[str, int]:
    """Drop leading words that are not part of the name: "Cambodia's Kandal" -> ("Kandal", 11)."""
    tokens, skipped = name.split(), 0
    while len(tokens) > 1 and not index.levels(" ".join(tokens)) and (
        tokens[0].endswith("'s") or index.is_country(tokens[0]) or tokens[0] in ("The", "In", "On", "At", "Both")
        or bool(index.levels(" ".join(tokens[1:])))
    ):
        skipped += len(tokens[0]) + 1
        tokens = tokens[1:]
    return " ".join(tokens), skipped


def find_english(m: str, index: NameIndex, cues: Cues) -> list[Mention]:
    """`Kyoto Prefecture`, `Lai Chau and Oudomxay provinces`, `province of Kandal`, `Northern Territory`."""
    out: list[Mention] = []
    for hit in cues.en_suffix_re.finditer(m):
        level = cues.en_suffix_levels[hit.group(0)]
        base = max(0, hit.start() - 160)
        head = m[base : hit.start()]
        last = _RUN_AT_END.search(head)
        if not last:
            continue
        found = [(base + last.start(1), last.group(1))]
        rest = head[: last.start()]
        while hit.group(0).endswith("s") and (prev := _LIST_AT_END.search(rest)):
            found.insert(0, (base + prev.start(1), prev.group(1)))
            rest = rest[: prev.start()]
        for i, (start, raw) in enumerate(found):
            name, skipped = _clean_english(raw, index)
            full = f"{name} {hit.group(0)}"
            if index.levels(full):  # the unit word is part of the name: "Northern Territory"
                name = full
            end = hit.end() if i == len(found) - 1 else start + skipped + len(name)
            out.append(Mention(start + skipped, end, name, level, "any", listed=len(found) > 1))
    for hit in cues.en_prefix_re.finditer(m):
        for s, e in _runs_after(m, hit.end(), False):
            out.append(Mention(hit.start(), e, m[s:e], cues.en_prefix_levels[hit.group(0)], "any"))
    return out


class _Spans:
    """Disjoint-enough spans with a fast overlap test (bisect on starts; spans never exceed MAX_SPAN)."""

    MAX_SPAN = 400

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_left(self.starts, start - self.MAX_SPAN)
        while i < len(self.spans) and self.spans[i][0] < end:
            if self.spans[i][1] > start:
                return True
            i += 1
        return False


class CachedIndex:
    """A gazetteer name index with its answers remembered (names repeat a lot within and across texts)."""

    def __init__(self, index: NameIndex) -> None:
        self._levels = lru_cache(maxsize=65536)(index.levels)
        self._is_country = lru_cache(maxsize=8192)(index.is_country)

    def levels(self, name: str) -> set[str]:
        return self._levels(name)

    def is_country(self, name: str) -> bool:
        return self._is_country(name)


def find_bare(m: str, index: NameIndex, taken: list[tuple[int, int]], cues: Cues) -> list[Mention]:
    """Capitalised runs (outside mentions already found) whose sub-spans the gazetteer knows."""
    out: list[Mention] = []
    blocked = _Spans(taken)
    for run in RUN_RE.finditer(m):
        if blocked.overlaps(run.start(), run.end()):
            continue
        tokens = [(t.start(), t.end()) for t in TOKEN_RE.finditer(m, run.start(), run.end())]
        i = 0
        while i < len(tokens):
            for n in range(min(MAX_NAME_TOKENS, len(tokens) - i), 0, -1):
                s, e = tokens[i][0], tokens[i + n - 1][1]
                name = m[s:e]
                levels = {lv.split(":")[-1] for lv in index.levels(name)}
                if levels and not levels & BARE_LEVELS and not _bracketed_place(m, e, index):
                    levels = set()
                if levels and not (len(name) <= 3 and name.isupper()) and (n > 1 or not _vietnamese_word(name)):
                    if not _is_person_context(m, s, cues):
                        out.append(Mention(s, e, name, None, "any", bare=True))
                    i += n
                    break
            else:
                i += 1
    return out


def _bracketed_place(m: str, pos: int, index: NameIndex) -> bool:
    """A place or country in brackets right after `pos`: 'Mã Quan (Trung Quốc)', 'Hòa Vang (Đà Nẵng)'."""
    inner = re.match(rf" *\( *({TOKEN}(?: +{TOKEN})*)", m[pos : pos + 80])
    return bool(inner) and (index.is_country(inner.group(1)) or bool(index.levels(inner.group(1))))  # type: ignore[union-attr]


BARE_LEVELS = frozenset({"province", "region", "state", "prefecture", "city"})


def _vietnamese_word(token: str) -> bool:
    """A single token that is an ordinary Vietnamese syllable ('Nông', 'Năm') is no bare place name."""
    from ingest.readers.txt import is_syllable

    return is_syllable(token.lower())


# An organisation's name running up to a bare place name, with no punctuation in between.
ORG_RE = re.compile(
    r"(?:Hội(?! (?:nghị|đàm|thảo|chợ|diễn|thi|báo|ý|kiến))|Hiệp hội|Công ty|Tập đoàn|Trường|trường|Đại học"
    r"|Học viện|Bệnh viện|Ngân hàng|Báo(?! cáo)|Đài|Câu lạc bộ)"
    r"(?: [^\s,.;:()]+){0,7} $"
)
VENUE_RE = re.compile(r"(?<![^\W\d_])(?:tại|ở|đến|tới|sang|in|at|to|visited) +$")


def find_mentions(m: str, index: NameIndex, cues: Cues | None = None) -> list[Mention]:
    """Every place and agency mention in the matching form `m`, in text order, without overlaps."""
    cues = cues or load_cues()
    from ingest.extract.institutions import find_institutions

    found = find_institutions(m, index) + find_prefixed(m, index, cues) + find_english(m, index, cues)
    found += find_bare(m, index, [x.span for x in found], cues)
    found.sort(key=lambda x: (x.start, -(x.end - x.start)))
    result: list[Mention] = []
    for x in found:
        if result and x.start < result[-1].end and not (x.group and x.span == result[-1].span):
            continue
        levels = index.levels(x.name) if x.name else set()
        x.sides = frozenset("vn" if lv.startswith("vn:") else "foreign" for lv in levels)
        x.venue = bool(VENUE_RE.search(m[max(0, x.start - 12) : x.start]))
        x.in_org = x.bare and bool(ORG_RE.search(m[max(0, x.start - 45) : x.start]))
        result.append(x)
    return result
