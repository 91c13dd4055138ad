"""How the citing document relates to each reference: the words before it decide.

- A relation cue at most `max_gap` syllables before the reference, after dropping an issuer "của ... tại"
  ("được sự nhất trí của Thường trực Tỉnh ủy tại Thông báo số ..." — that issuer is kept), gives the relation
  (`references.yaml`: căn cứ -> LEGAL_BASIS, thay thế -> SUPERSEDES, thực hiện -> IMPLEMENTS,
  theo đề nghị -> BASED_ON).
- A reference inside the subject of the reference before it, in the same clause, belongs to that one:
  "Kế hoạch số 35/KH-UBND ... về triển khai Nghị quyết số 169/NQ-CP" is the plan IMPLEMENTS the
  resolution; the citing document only CITES the resolution.
- Items of one list ("A, B và C"; "Căn cứ A; B") take the relation of the item before them.
- Otherwise the heading of the section it is listed under ("1. Căn cứ pháp lý") decides, else CITES.

>>> from ingest.normalize import match_form
>>> from ingest.structure import parse_structure
>>> from ingest.extract.context import Context
>>> from ingest.extract.ref_parse import find_references
>>> t = "Căn cứ Luật A ngày 1/1/2020; Luật B ngày 2/2/2020; theo đề nghị của Sở X tại Tờ trình số 2/TTr-SX."
>>> ctx = Context("document/x", "x.txt", t, match_form(t), parse_structure(t))
>>> [(l.relation, l.source) for l in classify(ctx, find_references(t, ctx.match))]
[('LEGAL_BASIS', None), ('LEGAL_BASIS', None), ('BASED_ON', None)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ingest.extract.context import Context
from ingest.extract.cues import LETTER, _alternation, cue_form
from ingest.extract.ref_parse import Reference, load_ref_cues
from ingest.extract.spans import sections_containing
from ingest.structure.model import Section

CITES = "CITES"
LOOKBACK = 250  # characters before a reference in which its relation words may stand
_SEP_RE = re.compile(r"[;:]|\.(?=\s)|\n\s*[-+•*]\s")
_PRE_ISSUER_RE = re.compile(r"\s+của\s+(?P<issuer>[^,;:.]{1,80}?)\s+tại\s*$")
_BULLETS_RE = re.compile(r"[\s\-+•*]*")


@dataclass(slots=True)
class Link:
    """The relation stated for `refs[i]`: from the citing document (`source` None) or from the
    reference at index `source`, with the words that state it starting at `cue_start`."""

    relation: str
    source: int | None
    cue_start: int
    doc_relation: str  # what the citing document has with it (CITES when `source` is another reference)
    issuer: str | None = None  # "của <issuer> tại <reference>"


@dataclass(frozen=True)
class RelationCues:
    cue_re: re.Pattern[str]
    cue_relation: dict[str, str]
    heading_re: re.Pattern[str]
    heading_relation: dict[str, str]
    max_gap: int
    joiners: frozenset[str]


@cache
def relation_cues() -> RelationCues:
    data = load_ref_cues().data
    cue_relation = {cue_form(c): r["relation"] for r in data["relations"] for c in r["cues"]}
    heading_relation = {cue_form(c): r["relation"] for r in data["headings"] for c in r["cues"]}
    return RelationCues(
        cue_re=re.compile(rf"(?<![{LETTER}])(?:{_alternation(list(cue_relation))})(?![{LETTER}])"),
        cue_relation=cue_relation,
        heading_re=re.compile(rf"(?<![{LETTER}])(?:{_alternation(list(heading_relation))})(?![{LETTER}])"),
        heading_relation=heading_relation,
        max_gap=int(data["max_gap"]),
        joiners=frozenset(" ".join(j.split()) for j in data["list_joiners"]),
    )


def _sections(ctx: Context, offset: int) -> list[Section]:
    """Sections containing `offset`, innermost first."""
    return sections_containing(ctx, offset)


def _floor(ctx: Context, ref: Reference) -> int:
    inner = next(iter(_sections(ctx, ref.start)), None)
    floor = max(0, ref.start - LOOKBACK)
    if inner is not None:
        floor = max(floor, inner.heading_end if ref.start >= inner.heading_end else inner.start)
    return floor


def _trailing_cue(ctx: Context, start: int, end: int, cues: RelationCues) -> tuple[str, int] | None:
    """The relation cue ending at most `max_gap` words before `end`, and where it starts."""
    lead = cue_form(ctx.match[start:end])
    pre = _PRE_ISSUER_RE.search(lead)
    if pre:
        lead = lead[: pre.start()]
    hits = list(cues.cue_re.finditer(lead))
    if not hits or len(lead[hits[-1].end() :].split()) > cues.max_gap:
        return None
    hit = hits[-1]
    return cues.cue_relation[" ".join(hit.group(0).split())], start + hit.start()


def issuer_before(ctx: Context, start: int, end: int) -> str | None:
    """The issuer in "của <issuer> tại" just before a reference ("Thường trực Tỉnh ủy")."""
    pre = _PRE_ISSUER_RE.search(ctx.match, start, end)
    return " ".join(ctx.text[pre.start("issuer") : pre.end("issuer")].split()) if pre else None


def _heading_relation(ctx: Context, ref: Reference, cues: RelationCues) -> str | None:
    for s in _sections(ctx, ref.start):
        if ref.start >= s.heading_end and (hit := cues.heading_re.search(cue_form(s.title))):
            return cues.heading_relation[" ".join(hit.group(0).split())]
    return None


def _last_separator(ctx: Context, start: int, end: int) -> int | None:
    last = None
    for m in _SEP_RE.finditer(ctx.text, start, end):
        last = m.end()
    return last


def classify(ctx: Context, refs: list[Reference]) -> list[Link]:
    """One Link per reference, in the same order (see the module docstring)."""
    cues = relation_cues()
    links: list[Link] = []
    for i, ref in enumerate(refs):
        floor = _floor(ctx, ref)
        prev = i - 1 if i and refs[i - 1].tail_end >= floor and refs[i - 1].start >= floor - LOOKBACK else None
        if prev is not None and ctx.structure.section_at(refs[prev].start) != ctx.structure.section_at(ref.start):
            prev = None
        lo = max(floor, refs[prev].tail_end) if prev is not None else floor
        sep = _last_separator(ctx, lo, ref.start)
        cue = _trailing_cue(ctx, sep if sep is not None else lo, ref.start, cues)
        gap = " ".join(ctx.match[lo : ref.start].split())
        if prev is not None and sep is None:  # same clause as the reference before it
            before = links[prev]
            if cue is not None:
                links.append(Link(cue[0], prev, cue[1], CITES))
            elif gap in cues.joiners or not gap:  # "A, B và C": B and C are listed as A is
                stated = before.cue_start if before.cue_start < refs[prev].start else ref.start
                links.append(Link(before.relation, before.source, stated, before.doc_relation))
            else:
                links.append(Link(_heading_relation(ctx, ref, cues) or CITES, None, ref.start, CITES))
            links[-1].doc_relation = links[-1].relation if links[-1].source is None else CITES
            continue
        if cue is not None:
            links.append(Link(cue[0], None, cue[1], cue[0]))
            continue
        lead = ctx.text[sep : ref.start] if sep is not None else ""
        if prev is not None and ctx.text[sep - 1] == ";" and _BULLETS_RE.fullmatch(lead):  # type: ignore[operator]
            rel = links[prev].doc_relation  # "Căn cứ A; B": the list goes on
        else:
            rel = _heading_relation(ctx, ref, cues) or CITES
        links.append(Link(rel, None, ref.start, rel))
    for ref, link in zip(refs, links, strict=True):
        link.issuer = None if ref.issuer else issuer_before(ctx, max(0, ref.start - 100), ref.start)
    return links
