"""Plan items: the numbered items of a plan's content that carry label lines.

"3.2. Tổ chức 05 lớp tập huấn ... Thời gian: + Năm 2022: ... + Năm 2023: ... Cơ quan chủ trì: Sở Nông
nghiệp và Phát triển nông thôn; Cơ quan phối hợp: Sở Ngoại vụ." is one Activity: its title is the
text before the first label, each label's value runs to the next label (so multi-line "+ Năm ..."
sub-items belong to the time), and its sector comes from the heading of the group it stands in.
When at least half of a group's numbered items have label lines, every item of the group is an
activity, even one the text gives no time or body for (reported as written, never invented).
"""

from __future__ import annotations

from ingest.extract.activity_cues import activity_cues
from ingest.extract.activity_draft import Draft, Labels, after_label, section_ref, sections_by_parent, strip_span
from ingest.extract.context import Context
from ingest.structure.model import Section

_LABEL_FIELDS = {"time": "time", "lead": "lead", "coordinating": "coordinating"}


def _sector(ctx: Context, parent: Section | None) -> tuple[object, tuple[int, int]] | None:
    if parent is None or parent.kind != "num":
        return None
    start = after_label(ctx, parent)
    found = activity_cues().sector_of(ctx.match[start : parent.heading_end])
    if found is None:
        return None
    return found[0], strip_span(ctx.text, start, parent.heading_end)


def _item(ctx: Context, s: Section, sector: tuple[object, tuple[int, int]] | None, labels: Labels) -> Draft:
    own = labels.own(s)
    start = after_label(ctx, s)
    children = [c.start for c in s.children if c.kind in ("num", "roman", "row")]
    name_end = own[0][0] if own else min([s.heading_end, *children])
    name = strip_span(ctx.text, start, name_end, " \t\r\n;,:")
    draft = Draft(s.path, section_ref(s), "plan", name, name)
    end = min([s.end, *children])
    for i, (_, value_start, kind) in enumerate(own):
        value_end = own[i + 1][0] if i + 1 < len(own) else end
        span = strip_span(ctx.text, value_start, value_end)
        if span[0] < span[1]:
            setattr(draft, _LABEL_FIELDS[kind], span)
    if draft.time is not None:
        draft.text = (name[0], draft.time[1])
    if sector is not None:
        draft.sector = sector  # type: ignore[assignment]
    return draft


def plan_items(ctx: Context, labels: Labels) -> list[Draft]:
    """Every plan item of the document (see the module docstring)."""
    out: list[Draft] = []
    by_parent = sections_by_parent(ctx)
    index = {s.path: s for s in ctx.structure.flat()}
    for parent_path, children in by_parent.items():
        items = [c for c in children if c.kind == "num"]
        labelled = [c for c in items if labels.own(c)]
        if not labelled or 2 * len(labelled) < len(items):
            continue
        chosen = [c for c in items if c in labelled or not _has_labelled_child(c, labels)]
        if chosen:
            sector = _sector(ctx, index.get(parent_path) if parent_path else None)  # the items' common parent
            out.extend(_item(ctx, c, sector, labels) for c in chosen)
    return sorted(out, key=lambda d: d.name[0])


def _has_labelled_child(s: Section, labels: Labels) -> bool:
    return any(c.kind == "num" and (labels.own(c) or _has_labelled_child(c, labels)) for c in s.children)
