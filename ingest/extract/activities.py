"""Activities: plan items, assigned tasks and task-table rows, with who leads and who coordinates
them, when, how much, for which foreign partner and under which agreement.

Finders (`activity_items`, `activity_tasks`) return drafts; this module resolves their bodies
(`agency_lists`), times (`activity_time`) and partners (`activity_links`) and states the facts:

- an `Activity` node (`name`, `ref`, `sector`, `time`, `years`, `deadline`, `quantities`), its
  evidence the item's title, plus one piece per property it supports (`prop`);
- `LEADS` / `COORDINATES` edges from each body (Agency, or the Province/Locality for "UBND ..."),
  each piece of evidence tagged `agency=<name as the document writes it>` so an export can show
  "Sở Kế hoạch và Đầu tư" even though the entity is the Sở Tài chính it merged into; generic words
  ("và các cơ quan có liên quan") become the COORDINATES `note`;
- `TARGETS` the foreign parties the item names, else (plan items) the partner the plan's title names;
- `IMPLEMENTS` the agreement the plan's title says it carries out (plan items);
- `MENTIONS` from the document.

Ids: `activity/<document digest>/<section path>`, deterministic for a given text.
"""

from __future__ import annotations

from graph.ids import edge_id, node_id
from graph.model import EdgeFact, Evidence, Fact, NodeFact
from ingest.extract.activity_cues import activity_cues
from ingest.extract.activity_draft import Draft, Labels, Span, strip_span
from ingest.extract.activity_items import plan_items
from ingest.extract.activity_links import ForeignFinder, PlanContext, plan_context
from ingest.extract.activity_tasks import section_tasks, table_tasks
from ingest.extract.activity_time import find_deadline, find_quantities, years_of
from ingest.extract.agency_lists import ParsedList, parse_list
from ingest.extract.agency_resolve import AgencyResolver, Ref
from ingest.extract.context import Context
from ingest.extract.parties import Party, entity_facts


def find_drafts(r: AgencyResolver) -> list[Draft]:
    """Every activity of the document, in text order, found once per document (the money extractor
    asks too; drafts are not changed by their users)."""
    return r.ctx.memo("activity_drafts", lambda: _find_drafts(r))


def _find_drafts(r: AgencyResolver) -> list[Draft]:
    ctx = r.ctx
    drafts = plan_items(ctx, Labels(ctx, r.low))
    paths = {d.path for d in drafts}
    taken = [(s.start, s.end) for s in ctx.structure.flat() if s.path in paths or s.kind == "table"]
    drafts += table_tasks(r)
    directive = ctx.structure.header.value("doc_type") in activity_cues().task_doc_types
    drafts += section_tasks(r, taken, directive)
    return sorted(drafts, key=lambda d: d.name[0])


class _Builder:
    def __init__(self, r: AgencyResolver) -> None:
        self.r, self.ctx = r, r.ctx
        self.doc_key = r.ctx.doc_id.split("/", 1)[-1]
        self.foreign = ForeignFinder(r)
        self.plan: PlanContext = plan_context(r, self.foreign)
        self.stated: set[str] = set()  # entities whose node facts this document already gave

    def first(self, party: Party) -> bool:
        """Whether this is the party's first mention in the document: its node and place links are
        stated then, once per document."""
        if party.id in self.stated:
            return False
        self.stated.add(party.id)
        return True

    def said(self, span: Span) -> str:
        return " ".join(self.ctx.text[span[0] : span[1]].split())

    def facts(self, d: Draft, out: list[Fact]) -> None:
        """The activity's node, its bodies, partners and agreement, added to `out`."""
        aid = node_id("Activity", self.doc_key, d.path)
        props, evidence = self.node(d)
        lead, coord, coord_at = self.roles(d)
        for span, prop in [(d.lead or d.lead_at, "lead"), *((c, "coordinating") for c in coord_at)]:
            if span is not None:
                evidence.append(self.ctx.evidence(*span, prop))
        out.append(NodeFact(aid, "Activity", props, tuple(evidence)))
        doc = self.ctx.doc_id
        out.append(EdgeFact(edge_id("MENTIONS", doc, aid), "MENTIONS", doc, aid, {}, (evidence[0],)))
        self.role_facts(out, "LEADS", aid, lead.refs, None)
        note = "; ".join(dict.fromkeys(coord.notes)) or None
        self.role_facts(out, "COORDINATES", aid, coord.refs, note)
        self.target_facts(out, d, aid)
        if d.origin == "plan" and self.plan.agreement is not None:
            a = self.plan.agreement
            out.append(a)
            out.append(EdgeFact(edge_id("IMPLEMENTS", aid, a.id), "IMPLEMENTS", aid, a.id, {}, a.evidence))

    def node(self, d: Draft) -> tuple[dict[str, object], list[Evidence]]:
        """Title, number, sector, time, years, deadline and quantities, each with its evidence."""
        ctx = self.ctx
        evidence: list[Evidence] = [ctx.evidence(*d.name)]
        props: dict[str, object] = {"name": self.said(d.name), "ref": d.ref}
        if d.sector is not None:
            props["sector"] = d.sector[0].code
            evidence.append(ctx.evidence(*d.sector[1], "sector"))
        deadline = find_deadline(self.r.low, *(d.time or d.text))
        time_span = d.time or (strip_span(ctx.text, deadline[1], deadline[2]) if deadline else None)
        if time_span is not None:
            props["time"] = self.said(time_span)
            props["years"] = years_of(str(props["time"]), self.plan.period)
            evidence.append(ctx.evidence(*time_span, "time"))
        if deadline is not None:
            props["deadline"] = deadline[0]
            evidence.append(ctx.evidence(deadline[1], deadline[2], "deadline"))
        quantities: list[str] = []
        for q in find_quantities(self.r.low, *d.text):
            if (said := self.said(q)) not in quantities:
                quantities.append(said)
                evidence.append(ctx.evidence(*q, "quantities"))
        props["quantities"] = quantities
        return props, evidence

    def roles(self, d: Draft) -> tuple[ParsedList, ParsedList, list[Span]]:
        """Who leads, who coordinates (the labelled list and every "phối hợp với ..." in the text), and
        where the coordinating bodies are written."""
        lead = self.bodies(d.lead, d.lead_refs)
        coord = self.bodies(d.coordinating, [])
        coord_at = [d.coordinating] if d.coordinating else []
        for start in d.coordinate_from:
            more = parse_list(self.r, start, d.text[1], strict=True)
            coord.refs += more.refs
            coord.notes += more.notes
            if more.end > start:
                coord_at.append(strip_span(self.ctx.text, start, more.end))
        return lead, coord, coord_at

    def bodies(self, span: Span | None, known: list[Ref]) -> ParsedList:
        pl = parse_list(self.r, *span) if span is not None else ParsedList()
        pl.refs = list(known) + pl.refs
        return pl

    def role_facts(self, out: list[Fact], kind: str, aid: str, refs: list[Ref], note: str | None) -> None:
        evidence, with_note = self.ctx.evidence, kind == "COORDINATES"
        for ref in refs:
            party = ref.party
            if party is None:
                continue
            ev = (evidence(ref.start, ref.end, f"agency={ref.written}"),)
            if self.first(party):
                out += entity_facts(party, ev)
            props = {"note": note} if with_note else {}
            out.append(EdgeFact(edge_id(kind, party.id, aid), kind, party.id, aid, props, ev))

    def target_facts(self, out: list[Fact], d: Draft, aid: str) -> None:
        named = self.foreign(*(d.name if d.origin == "plan" else d.text))
        if not named and d.origin == "plan":
            named = self.plan.partners
        for party, span in named:
            ev = (self.ctx.evidence(*span),)
            if self.first(party):
                out += entity_facts(party, ev)
            out.append(EdgeFact(edge_id("TARGETS", aid, party.id), "TARGETS", aid, party.id, {}, ev))


def extract_activities(ctx: Context) -> list[Fact]:
    """Facts for every activity the document states (see the module docstring)."""
    r = AgencyResolver.of(ctx)
    drafts = find_drafts(r)
    out: list[Fact] = []
    if drafts:
        builder = _Builder(r)
        for d in drafts:
            builder.facts(d, out)
    return out
