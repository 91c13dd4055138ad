"""The activity and agency views of the graph: one row per Activity (plan item, assigned task) and per
Agency, with names, roles and every piece of evidence.

Activity rows (`hoptac export activities`; field names are a contract):
`{"id", "ref", "title", "sector", "time", "years", "deadline", "lead", "coordinating",
"coordinating_note", "quantities", "partner", "agreement", "document", "section", "lead_ids",
"coordinating_ids", "partner_ids", "lead_text", "coordinating_text", "evidence"}`.
`lead` / `coordinating` are the bodies' names as the document writes them (a department merged into
another in 2025 keeps the name the document uses; `*_ids` give the entities), `partner` the names of
the foreign parties it targets, `agreement` `{"id", "title", "period"}` or null, `lead_text` /
`coordinating_text` the lines as written (also when they name no body, e.g. "các cơ quan có liên
quan"). Agency rows (`hoptac export agencies`): `{"id", "name", "kind", "place", "place_name",
"country", "aliases", "leads", "coordinates", "evidence"}` (`leads` / `coordinates`: how many
activities). In CSV, lists and objects are compact JSON.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from graph.model import Edge, Evidence, GraphData, Node
from graph.partnerships import PartnershipView, evidence_json, matching_nodes
from graph.text import fold

ACTIVITY_FIELDS = [
    "id", "ref", "title", "sector", "time", "years", "deadline", "lead", "coordinating", "coordinating_note",
    "quantities", "partner", "agreement", "document", "section", "lead_ids", "coordinating_ids", "partner_ids",
    "lead_text", "coordinating_text", "evidence",
]  # fmt: skip
AGENCY_FIELDS = ["id", "name", "kind", "place", "place_name", "country", "aliases", "leads", "coordinates", "evidence"]
TAG = "agency="


def _written(e: Edge, node: Node | None) -> list[tuple[int, str]]:
    """(offset, name) for each name a LEADS / COORDINATES edge's evidence says the body goes by."""
    tagged = [(ev.start, ev.prop.removeprefix(TAG)) for ev in e.evidence if ev.prop and ev.prop.startswith(TAG)]
    if tagged:
        return tagged
    start = e.evidence[0].start if e.evidence else 0
    return [(start, str(node.props.get("name") if node else e.source))]


class ActivityView:
    """Indexes over a merged graph for activity questions."""

    def __init__(self, g: GraphData) -> None:
        self.g = g
        self.into: dict[str, list[Edge]] = defaultdict(list)
        self.out: dict[str, list[Edge]] = defaultdict(list)
        for e in g.edges.values():
            self.into[e.target].append(e)
            self.out[e.source].append(e)
        self.places = PartnershipView(g)

    def roles(self, activity: str, kind: str) -> list[tuple[str, str]]:
        """(name as written, entity id) of the bodies that lead / coordinate an activity, in text order."""
        found: list[tuple[int, str, str]] = []
        for e in self.into.get(activity, []):
            if e.type == kind:
                found += [(pos, name, e.source) for pos, name in _written(e, self.g.nodes.get(e.source))]
        seen: list[tuple[str, str]] = []
        for _, name, source in sorted(found):
            if (name, source) not in seen:
                seen.append((name, source))
        return seen

    def said(self, node: Node, prop: str) -> str | None:
        quotes = [" ".join(ev.quote.split()) for ev in node.evidence if ev.prop == prop]
        return "; ".join(dict.fromkeys(quotes)) or None

    def agreement(self, activity: str) -> dict[str, Any] | None:
        for e in self.out.get(activity, []):
            a = self.g.nodes.get(e.target)
            if e.type == "IMPLEMENTS" and a is not None:
                p = a.props
                period = f"{p['period_start']}-{p['period_end']}" if p.get("period_start") else None
                return {"id": a.id, "title": p.get("name"), "period": period}
        return None

    def row(self, node: Node) -> dict[str, Any]:
        p = node.props
        lead, coord = self.roles(node.id, "LEADS"), self.roles(node.id, "COORDINATES")
        targets = [e.target for e in self.out.get(node.id, []) if e.type == "TARGETS"]
        notes = [e.props["note"] for e in self.into.get(node.id, []) if e.type == "COORDINATES" and e.props.get("note")]
        first: Evidence | None = node.evidence[0] if node.evidence else None
        return {
            "id": node.id, "ref": p.get("ref"), "title": p.get("name"), "sector": p.get("sector"),
            "time": p.get("time"), "years": p.get("years", []), "deadline": p.get("deadline"),
            "lead": [n for n, _ in lead], "coordinating": [n for n, _ in coord],
            "coordinating_note": "; ".join(dict.fromkeys(notes)) or None, "quantities": p.get("quantities", []),
            "partner": [self.name(t) for t in targets], "agreement": self.agreement(node.id),
            "document": first.document_id if first else None, "section": first.section if first else None,
            "lead_ids": list(dict.fromkeys(i for _, i in lead)),
            "coordinating_ids": list(dict.fromkeys(i for _, i in coord)),
            "partner_ids": targets, "lead_text": self.said(node, "lead"),
            "coordinating_text": self.said(node, "coordinating"),
            "evidence": [evidence_json(ev) for ev in node.evidence],
        }  # fmt: skip

    def name(self, node_id: str) -> str:
        n = self.g.nodes.get(node_id)
        return str(n.props.get("name_vi") or n.props.get("name")) if n else node_id

    def rows(self) -> list[dict[str, Any]]:
        return [self.row(n) for n in sorted(self.g.nodes_of("Activity"), key=_text_order)]


def _text_order(n: Node) -> tuple[str, int]:
    return (n.evidence[0].document_id, n.evidence[0].start) if n.evidence else ("", 0)


def activity_rows(g: GraphData) -> list[dict[str, Any]]:
    return ActivityView(g).rows()


def filter_activities(
    g: GraphData,
    rows: list[dict[str, Any]],
    lead: str | None = None,
    partner: str | None = None,
    year: int | None = None,
) -> list[dict[str, Any]]:
    """Rows led by `lead`, for `partner` (or a unit or agency within it), in `year`.

    `lead` matches the name a document gives the body (any spelling: diacritics and case folded, a
    place after it optional), so "Sở Kế hoạch và Đầu tư" finds what that department led even though
    the entity is the Sở Tài chính it merged into; when no document writes the name so (an
    abbreviation, a full name with the province), the entities it names
    (`graph.partnerships.matching_nodes`) match instead.
    """
    out = rows
    if lead:
        q = fold(lead.replace("-", " "))
        if any(_lead_hit(q, n) for r in rows for n in [*r["lead"], *r["coordinating"]]):
            out = [r for r in out if any(_lead_hit(q, n) for n in r["lead"])]
        else:
            ids = matching_nodes(g, lead)
            out = [r for r in out if ids & set(r["lead_ids"])]
    if partner:
        view = PartnershipView(g)
        ids = matching_nodes(g, partner)
        ids |= {e.source for e in g.edges_of("SUCCEEDED_BY") if e.target in ids}
        out = [r for r in out if any(t in ids or ids & set(view.ancestors(t)) for t in r["partner_ids"])]
    if year is not None:
        out = [r for r in out if year in (r["years"] or [])]
    return out


def _lead_hit(q: str, name: str) -> bool:
    f = fold(name.replace("-", " "))
    return f == q or f.startswith(q + " ")


def agency_rows(g: GraphData, place: str | None = None) -> list[dict[str, Any]]:
    """One row per Agency (of `place` and the units within it, when given), with its roles."""
    view = ActivityView(g)
    wanted = matching_nodes(g, place) if place else None
    rows = []
    for n in sorted(g.nodes_of("Agency"), key=lambda n: (str(n.props.get("place")), n.id)):
        home = str(n.props.get("place") or view.places.parent(n.id) or "")
        if wanted is not None and not (home in wanted or wanted & set(view.places.ancestors(home))):
            continue
        roles = [e.type for e in view.out.get(n.id, [])]
        p = n.props
        rows.append({
            "id": n.id, "name": p.get("name"), "kind": p.get("kind"), "place": home or None,
            "place_name": view.name(home) if home else None, "country": p.get("country"),
            "aliases": p.get("aliases", []), "leads": roles.count("LEADS"), "coordinates": roles.count("COORDINATES"),
            "evidence": [evidence_json(ev) for ev in n.evidence],
        })  # fmt: skip
    return rows
