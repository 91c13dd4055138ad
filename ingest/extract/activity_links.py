"""What a plan's title says about all its items: the foreign partner it is for, the agreement it
carries out ("Kế hoạch thực hiện Thỏa thuận hợp tác giữa UBND tỉnh Bắc Giang và Chính quyền tỉnh Xay
Sổm Bun (Lào) giai đoạn 2021-2025"), and the years "Hằng năm" means.

The agreement's id follows the partnership extractor's scheme (`ingest.extract.partnerships`:
`agreement/<digest of the sorted party ids and the instrument family>`), so an item's IMPLEMENTS edge
reaches the same Agreement node other documents state for that pair and instrument. The period is the
agreement's, from the year the plan is issued (a plan of 2022 for 2021-2025 covers 2022-2025).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from graph.ids import digest, node_id
from graph.model import NodeFact
from ingest.extract.activity_cues import activity_cues
from ingest.extract.agency_data import Body
from ingest.extract.agency_resolve import AgencyResolver, name_end
from ingest.extract.context_places import locate_all
from ingest.extract.cues import load_cues
from ingest.extract.dates import find_period
from ingest.extract.mentions import RUN_RE, find_mentions
from ingest.extract.parties import Party

Span = tuple[int, int]


@dataclass(slots=True)
class PlanContext:
    partners: list[tuple[Party, Span]] = field(default_factory=list)
    agreement: NodeFact | None = None
    period: tuple[int, int] | None = None


def parties_in(r: AgencyResolver, start: int, end: int) -> list[tuple[Party, Span]]:
    """Places and agencies named in `text[start:end]`, resolved (in text order, each once)."""
    m = r.ctx.match[start:end]
    mentions = find_mentions(m, r.gz)
    locate_all(m, mentions, r.gz.country_of)
    out: list[tuple[Party, Span]] = []
    for x in mentions:
        if x.locates or x.in_org:
            continue
        party = r.places.resolve(x)
        if party is not None and party.id not in {p.id for p, _ in out}:
            out.append((party, (start + x.start, start + x.end)))
    return out


class ForeignFinder:
    """Foreign parties named in spans of one document, found cheaply: each unit word followed by a
    name ("tỉnh Xay Sổm Bun") is resolved once per document by name and level, as an agency when a
    known body precedes it ("Công an tỉnh Xay Sổm Bun"); the full mention finder runs only on a
    window around a plural or unknown name ("các tỉnh Nam Lào (Attapu, Champasak, ...)")."""

    BEFORE, AFTER = 40, 90  # window around a unit word: an agency head before it, a list or country after

    def __init__(self, r: AgencyResolver) -> None:
        self.r = r
        self.cues = load_cues()
        self.by_name: dict[tuple[str, str], tuple[str, Party | None]] = {}

    def __call__(self, start: int, end: int, side: str | None = "foreign") -> list[tuple[Party, Span]]:
        """Parties named in `text[start:end]` (of `side`, or both when None), in text order."""
        m = self.r.ctx.match
        out: list[tuple[Party, Span]] = []
        last = -1
        for hit in self.cues.prefix_re.finditer(m, start, end):
            run = _NAME_AFTER.match(m, hit.end(), end)
            if run is None:
                continue
            if last >= 0 and m[last : hit.start()].strip() in (",", "("):
                last = run.end()  # it locates the name before it: "quận Seo, thành phố Daejeon"
                continue
            found = self.named(hit, run.group(1), run.end(), start, end, side)
            last = run.end()
            for party, span in found:
                if (side is None or party.side == side) and party.id not in {p.id for p, _ in out}:
                    out.append((party, span))
        return out

    def named(
        self, hit: re.Match[str], run: str, run_end: int, start: int, end: int, side: str | None = None
    ) -> list[tuple[Party, Span]]:
        """The parties a unit word and the name after it stand for (a place named alone, or a body of it,
        is left out when it is not of `side`: the caller would drop it)."""
        m = self.r.ctx.match
        level = self.cues.prefix_levels[hit.group(0)][0]
        before = m[max(start, hit.start() - 8) : hit.start()].split()
        if before and before[-1].lower() in self.cues.plural_markers:
            return self.plural(level, run_end - len(run), end)
        key = (level, run)
        if key not in self.by_name:
            name = self.r.trim(run, level)
            self.by_name[key] = (name, self.r.place(name, level, hit.start(), run_end))
        name, place = self.by_name[key]
        if place is None:
            return self.window(hit.start(), start, end) if m.startswith(" (", run_end) else []
        if side is not None and place.side != side:
            return []
        head = _BODY_BEFORE(self.r, hit.start(), start) if place.side == "foreign" else None
        if head is not None:
            body, head_start = head
            return [(self.r.party_for(body, place), (head_start, name_end(m, run_end - len(run), name)))]
        return [(place, (hit.start(), name_end(m, run_end - len(run), name)))]

    def plural(self, level: str, pos: int, end: int) -> list[tuple[Party, Span]]:
        """'các tỉnh A, B và C', 'các tỉnh Nam Lào (Attapu, Champasak)': each name, or the bracketed
        names after one that is not a place."""
        m, out = self.r.ctx.match, []
        while (run := RUN_RE.match(m, pos, end)) is not None:
            name = self.r.trim(run.group(0), level)
            stop = name_end(m, pos, name)
            place = self.r.place(name, level, pos, stop)
            if place is not None:
                out.append((place, (pos, stop)))
            elif (inner := _BRACKET.match(m, stop, end)) is not None:
                return out + self.plural(level, inner.end(), end)
            sep = _LIST_SEP.match(m, stop, end)
            if sep is None:
                break
            pos = sep.end()
        return out

    def window(self, at: int, start: int, end: int) -> list[tuple[Party, Span]]:
        a, b = max(start, at - self.BEFORE), min(end, at + self.AFTER)
        return [(p, s) for p, s in parties_in(self.r, a, b) if s[0] >= at - self.BEFORE]

    def named_in_title(self) -> list[tuple[Party, Span]]:
        title = self.r.ctx.structure.header.title
        return self(title.start, title.end, None) if title is not None else []


_NAME_AFTER = re.compile(rf"\s+({RUN_RE.pattern})")
_BRACKET = re.compile(r"\s*\(\s*")
_LIST_SEP = re.compile(r"\s*(?:,|và)\s*")


def _BODY_BEFORE(r: AgencyResolver, at: int, floor: int) -> tuple[Body, int] | None:
    """A known body written right before a unit word ("Công an " of "Công an tỉnh ...")."""
    window = r.ctx.match[max(floor, at - ForeignFinder.BEFORE) : at]
    for hit in r.t.body_re.finditer(window):
        if (
            not window[hit.end() :].strip()
            and (body := r.t.body(hit.group(0))) is not None
            and body.scope == "province"
        ):
            return body, at - len(window) + hit.start()
    return None


def _period(r: AgencyResolver, start: int, end: int) -> tuple[int, int] | None:
    found = find_period(r.ctx.match, start, end)
    if found is None:
        return None
    year = (r.ctx.structure.header.value("date") or "")[:4]
    first = max(found[0], int(year)) if year.isdigit() and int(year) <= found[1] else found[0]
    return first, found[1]


def plan_context(r: AgencyResolver, finder: ForeignFinder) -> PlanContext:
    """The partner, agreement and period the document's title names (empty if it has no title)."""
    title = r.ctx.structure.header.title
    if title is None:
        return PlanContext()
    named = finder.named_in_title()
    out = PlanContext(
        partners=[(p, s) for p, s in named if p.side == "foreign"], period=_period(r, title.start, title.end)
    )
    cues = load_cues()
    low = r.low
    for hit in activity_cues().implements_re.finditer(low, title.start, title.end):
        instrument = cues.instrument_re.match(low, hit.end(), title.end)
        if instrument is None or not out.partners:
            continue
        family = cues.instrument_family(instrument.group(0)) or "agreement"
        inside = [p for p, (s, _) in named if s >= instrument.start()]
        vn = [p for p in inside if p.side == "vn"] or [h for h in [r.province(None)] if h is not None]
        ids = sorted({p.id for p in inside} | {p.id for p in vn})
        span = (instrument.start(), title.end)
        period = find_period(r.ctx.match, instrument.start(), title.end)
        props = {
            "name": " ".join(r.ctx.text[span[0] : span[1]].split()), "instrument": family,
            "period_start": period[0] if period else None, "period_end": period[1] if period else None,
        }  # fmt: skip
        out.agreement = NodeFact(
            node_id("Agreement", digest(*ids, family)), "Agreement", props, (r.ctx.evidence(*span),)
        )
        break
    return out
