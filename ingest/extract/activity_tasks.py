"""Tasks assigned to bodies: labelled sections, sentences whose subject is a body, and task tables.

- A section opening with bodies and a colon ("2.4. Sở Ngoại vụ:", "2.7. UBND huyện, thị xã, thành
  phố:", "9. Đề nghị Ủy ban Mặt trận Tổ quốc ...: Đẩy mạnh ...") or consisting of bodies only ("2.1.
  Sở Ngoại vụ") assigns a task to them: one per item under it ("- ..."), else the text after the
  label. An item whose own subject is a body ("- UBND huyện Lục Ngạn chủ động phối hợp ...") is led
  by that body instead. Places stand for their People's Committee only after "Đối với".
- In a directive document (notice, decision, plan ...), a numbered item whose first clause has a body
  as subject followed by an action word ("2. Sở Tài chính chủ trì, phối hợp với ...") is a task.
- A table whose header names a task and a lead column (STT | Nhiệm vụ | Đơn vị chủ trì | Đơn vị phối
  hợp | Thời gian thực hiện) gives one task per row.

Reports are not read for subject tasks: "Sở Ngoại vụ đã tham mưu ..." states what was done.
"""

from __future__ import annotations

import re

from ingest.extract.activity_cues import activity_cues
from ingest.extract.activity_draft import (
    ITEM_KINDS,
    Draft,
    Span,
    after_label,
    section_ref,
    sections_by_parent,
    strip_span,
)
from ingest.extract.agency_lists import ParsedList, parse_list
from ingest.extract.agency_resolve import AgencyResolver
from ingest.extract.spans import Covered
from ingest.structure.model import Section

TASK_KINDS = frozenset({"num", "dash", "plus", "letter", "roman"})
MAX_LABEL = 260  # characters between a section's number and its label's colon
_CLAUSE_END = re.compile(r";|\.(?:\s|$)")
_PAREN = re.compile(r"\s*\([^()]{0,80}\)")
_COMMA = re.compile(r"[,;]")


def _vn_bodies(pl: ParsedList, places_ok: bool) -> bool:
    """Every name is a resolved Vietnamese body (or a place, after "Đối với"), or a generic phrase."""
    if pl.unknown or not (pl.refs or pl.notes):
        return False
    return all(r.party is not None and r.party.side == "vn" and (places_ok or r.kind != "place") for r in pl.refs)


def label_of(r: AgencyResolver, s: Section) -> tuple[ParsedList, int] | None:
    """The bodies a section's label names and where its task text starts, or None."""
    cues = activity_cues()
    start = strip_span(r.ctx.text, after_label(r.ctx, s), s.end, " \t\r\n*")[0]
    prefix = cues.label_prefix_re.match(r.low, start, s.end)
    at = prefix.end() if prefix else start
    colon = r.ctx.text.find(":", at, min(s.heading_end, at + MAX_LABEL))
    end = colon if colon >= 0 else s.heading_end
    if colon < 0 and (end - at > 120 or not _has_more(s)):
        return None
    pl = parse_list(r, at, end, fail_fast=True)
    if not _vn_bodies(pl, places_ok=bool(prefix)):
        return None
    return pl, (colon + 1 if colon >= 0 else s.heading_end)


def task_end(r: AgencyResolver, s: Section) -> int:
    """Where a section's task text ends: its end, or a closing paragraph after its first paragraph
    ("Trên đây là kết luận ...")."""
    hit = activity_cues().closing_re.search(r.low, s.heading_end, s.end)
    return hit.start() if hit is not None and r.ctx.text.rfind("\n", s.heading_end, hit.start()) >= 0 else s.end


def _has_more(s: Section) -> bool:
    return bool(s.children) or s.end > s.heading_end + 2


def subject_of(r: AgencyResolver, text_start: int, end: int, generic_ok: bool = False) -> ParsedList | None:
    """The bodies that are the subject of the first clause ("Sở Tài chính chủ trì, ..."), or None.
    With `generic_ok`, unnamed bodies opening the clause count too ("Các sở, ngành liên quan (thành
    viên Ban Chỉ đạo) căn cứ ... khẩn trương xây dựng kế hoạch ...")."""
    cues = activity_cues()
    m = r.ctx.match
    stop = _CLAUSE_END.search(m, text_start, end)
    clause_end = stop.start() if stop else end
    prefix = cues.label_prefix_re.match(r.low, text_start, clause_end)
    pos = prefix.end() if prefix else text_start
    if generic_ok and r.t.generic_re.match(m, pos, clause_end):
        pl = parse_list(r, pos, clause_end, strict=True)
        if _vn_bodies(pl, places_ok=False) and _acts(r, pl.end, clause_end):
            return pl
    for hit in r.t.body_re.finditer(m, pos, clause_end):
        lead_in = m[pos : hit.start()]
        if lead_in[-1:].isspace():  # a person's title ending the text ends with white space
            lead_in = r.t.person_end_re.sub("", lead_in).rstrip()
        if lead_in and not lead_in.endswith((",", ":")):
            continue
        pl = parse_list(r, hit.start(), clause_end, strict=True)
        if pl.refs and _vn_bodies(pl, places_ok=False) and _acts(r, pl.end, clause_end):
            return pl
    return None


def _acts(r: AgencyResolver, pos: int, end: int) -> bool:
    """An action word right after the subject (and a remark in brackets), or after a person in
    apposition ("Sở Ngoại vụ, Phó Trưởng 02 Ban Chỉ đạo nghiên cứu ...")."""
    verb_re = activity_cues().verb_re
    paren = _PAREN.match(r.ctx.match, pos, end)
    pos = paren.end() if paren else pos
    if verb_re.match(r.low, pos, end):
        return True
    appos = r.t.appos_re.match(r.ctx.match, pos, end)
    if appos is None:
        return False
    stop = _COMMA.search(r.low, appos.end(), min(end, appos.end() + 60))
    return verb_re.search(r.low, appos.end(), stop.start() if stop else min(end, appos.end() + 60)) is not None


def _task(r: AgencyResolver, s: Section, path: str, ref: str, text: Span, lead: ParsedList | None) -> Draft:
    cues = activity_cues()
    own = subject_of(r, text[0], text[1])
    chosen = own or lead
    d = Draft(path, ref, "task", text, text)
    if chosen is not None:
        d.lead_refs, d.lead_at = list(chosen.refs), strip_span(r.ctx.text, chosen.start, chosen.end)
    d.coordinate_from = [h.end() for h in cues.coordinate_re.finditer(r.low, text[0], text[1])]
    return d


def _label_tasks(r: AgencyResolver, s: Section, label: tuple[ParsedList, int], ref: str) -> list[Draft]:
    pl, text_start = label
    items = [c for c in s.children if c.kind in TASK_KINDS]
    if not items:
        span = strip_span(r.ctx.text, text_start, task_end(r, s))
        return [_task(r, s, s.path, ref, span, pl)] if span[0] < span[1] else []
    out = []
    for c in items:
        inner = label_of(r, c)
        c_ref = section_ref(c, ref)
        if inner is not None:
            out += _label_tasks(r, c, inner, c_ref)
        elif any(x.kind in TASK_KINDS for x in c.children):  # a sub-heading: its items are the tasks
            out += _label_tasks(r, c, (pl, c.heading_end), c_ref)
        else:
            span = strip_span(r.ctx.text, after_label(r.ctx, c), task_end(r, c))
            out.append(_task(r, c, c.path, c_ref, span, pl))
    return out


def section_tasks(r: AgencyResolver, taken: list[Span], directive: bool) -> list[Draft]:
    """Tasks of labelled sections everywhere, and of subject sentences in directive documents."""
    out: list[Draft] = []
    by_parent = sections_by_parent(r.ctx)
    refs: dict[str, str] = {}
    covered = Covered(taken)

    def visit(parent: str | None) -> None:
        for s in by_parent.get(parent, []):
            ref = refs[s.path] = section_ref(s, refs.get(parent or ""))
            if s.kind not in TASK_KINDS or s.start in covered:
                visit(s.path)
                continue
            label = label_of(r, s)
            if label is not None:
                out.extend(_label_tasks(r, s, label, ref))
                continue
            leaf = not any(c.kind in ITEM_KINDS or c.kind == "dash" for c in s.children)
            if directive and leaf:
                span = strip_span(r.ctx.text, after_label(r.ctx, s), task_end(r, s))
                subject = subject_of(r, *span, generic_ok=True) if span[0] < span[1] else None
                if subject is not None:
                    out.append(_task(r, s, s.path, ref, span, subject))
            visit(s.path)

    visit(None)
    return out


def table_tasks(r: AgencyResolver) -> list[Draft]:
    """One task per row of every table whose header names a task column and a lead column."""
    out = []
    text = r.ctx.text
    for t in (s for s in r.ctx.structure.flat() if s.kind == "table" and s.children):
        columns = _columns(text, t)
        if "task" not in columns.values() or "lead" not in columns.values():
            continue
        for row in t.children:
            cells = _cells(text, row.start, row.end)
            got = {columns[i]: span for i, span in enumerate(cells) if i in columns and span[0] < span[1]}
            if "task" not in got:
                continue
            number = text[got["number"][0] : got["number"][1]].rstrip(".") if "number" in got else row.label
            d = Draft(row.path, number.strip(". ") or row.path, "table", got["task"], got["task"])
            d.lead, d.coordinating, d.time = got.get("lead"), got.get("coordinating"), got.get("time")
            out.append(d)
    return out


def _cells(text: str, start: int, end: int) -> list[Span]:
    out, pos = [], start
    for part in text[start:end].split("\t"):
        out.append(strip_span(text, pos, pos + len(part)))
        pos += len(part) + 1
    return out


def _columns(text: str, table: Section) -> dict[int, str]:
    """Column index -> kind, from the last TAB-separated line before the first row."""
    first = table.children[0].start
    head_end = text.rfind("\n", table.start, first)
    head_start = text.rfind("\n", table.start, head_end) + 1 if head_end > 0 else table.start
    line = text[max(head_start, table.start) : head_end if head_end > 0 else first]
    if "\t" not in line:
        return {}
    cues = activity_cues()
    return {i: k for i, cell in enumerate(line.split("\t")) if (k := cues.label_kind(cell.strip(" *")))}
