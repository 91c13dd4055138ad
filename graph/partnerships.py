"""The partnership view of the graph: one row per (Vietnamese party, foreign party), with the status
the most recent document states, the agreement, and every piece of evidence.

The row shape is a contract other tools read (`hoptac export partnerships`):
`{"id", "vn_party": PARTY, "foreign_party": PARTY, "status", "agreement": {...} | null, "evidence": [...]}`
with PARTY = `{"id", "name", "name_vi", "aliases", "level", "iso3166_2", "country", "parent"}`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from typing import Any

from graph.model import Edge, Evidence, GraphData, Node
from graph.text import fold

# Same order as ingest.extract.status.RANK (graph cannot import ingest).
RANK = {
    "signed": 8, "renewed": 8, "postponed": 7, "to_be_signed": 6, "negotiating": 5,
    "implemented": 4, "proposed": 3, "in_contact": 2,
}  # fmt: skip
PARTY_FIELDS = ("id", "name", "name_vi", "aliases", "level", "iso3166_2", "country", "parent")


class PartnershipView:
    """Indexes over a merged graph for partnership questions."""

    def __init__(self, g: GraphData) -> None:
        self.g = g
        self.out: dict[str, list[Edge]] = defaultdict(list)
        for e in g.edges.values():
            self.out[e.source].append(e)

    def parent(self, node_id: str) -> str | None:
        """The unit a place lies in (not its country), or the place an agency belongs to."""
        for e in self.out.get(node_id, []):
            if e.type in ("LOCATED_IN", "PART_OF") and self.g.nodes.get(e.target, Node("", "")).type != "Country":
                return e.target
        return None

    def ancestors(self, node_id: str) -> list[str]:
        out: list[str] = []
        cur = self.parent(node_id)
        while cur and cur not in out:
            out.append(cur)
            cur = self.parent(cur)
        return out

    def party(self, node_id: str) -> dict[str, Any]:
        n = self.g.nodes[node_id]
        p = n.props
        return {
            "id": n.id, "name": p.get("name"), "name_vi": p.get("name_vi"), "aliases": p.get("aliases", []),
            "level": p.get("level"), "iso3166_2": p.get("iso3166_2"), "country": p.get("country"),
            "parent": self.parent(n.id),
        }  # fmt: skip

    def doc_date(self, doc_id: str) -> str:
        node = self.g.nodes.get(doc_id)
        return str(node.props.get("date") or "") if node else ""

    def status(self, edge: Edge) -> str:
        """The status stated by the most recent document (by its date); ties go to the higher rank."""
        stated = edge.props.get("stated")
        if stated:  # "date|document|status", one per stating document: no evidence to decode
            parts = [str(s).split("|") for s in stated]
            return max(parts, key=lambda p: (p[0], RANK.get(p[2], 0)))[2]
        by_doc: dict[str, list[str]] = defaultdict(list)
        for ev in edge.evidence:
            if ev.prop and ev.prop.startswith("status="):
                by_doc[ev.document_id].append(ev.prop.removeprefix("status="))
        if not by_doc:
            return str(edge.props.get("status") or "implemented")
        best = max(by_doc, key=lambda d: (self.doc_date(d), max(RANK.get(s, 0) for s in by_doc[d])))
        return max(by_doc[best], key=lambda s: RANK.get(s, 0))

    def agreement(self, edge: Edge) -> dict[str, Any] | None:
        """The agreement both parties are party to (the best-attested one if several)."""
        mine = {e.target for e in self.out.get(edge.source, []) if e.type == "PARTY_TO"}
        theirs = {e.target for e in self.out.get(edge.target, []) if e.type == "PARTY_TO"}
        shared = [self.g.nodes[a] for a in mine & theirs if a in self.g.nodes]
        if not shared:
            return None
        a = max(shared, key=lambda n: (bool(n.props.get("period_start")), n.documents_stating, n.id))
        p = a.props
        return {
            "id": a.id, "title": p.get("name"), "instrument": p.get("instrument"), "period": _period(p),
            "signed_on": p.get("signed_on") or edge.props.get("signed_on"),
        }  # fmt: skip

    def rows(self) -> Iterator[dict[str, Any]]:
        for e in sorted(self.g.edges_of("PARTNERS_WITH"), key=lambda e: (e.source, e.target)):
            agreement = self.agreement(e)
            yield {
                "id": e.id,
                "vn_party": self.party(e.source),
                "foreign_party": self.party(e.target),
                "status": self.status(e),
                "period": _period(e.props) or (agreement or {}).get("period"),
                "signed_on": e.props.get("signed_on") or (agreement or {}).get("signed_on"),
                "agreement": agreement,
                "evidence": [evidence_json(ev) for ev in e.evidence],
            }


def _period(props: dict[str, Any]) -> str | None:
    """'2021-2025' from `period_start`/`period_end` (of an agreement, or of a relationship with no
    named instrument)."""
    if not props.get("period_start"):
        return None
    return f"{props['period_start']}-{props.get('period_end') or ''}"


def citations(row: dict[str, Any], document_label: Callable[[str, str], str]) -> str:
    """'/TB-UBND (2024-06) §2.7-2; Kế hoạch (2022-08) §II.2.8': each citing document (as
    `document_label(document_id, source)` names it) with its section, once each."""
    seen: list[str] = []
    for ev in row["evidence"]:
        cite = document_label(ev["document_id"], ev["source"]) + (f" §{ev['section']}" if ev["section"] else "")
        if cite not in seen:
            seen.append(cite)
    return "; ".join(seen)


def evidence_json(ev: Evidence) -> dict[str, Any]:
    return {
        "document_id": ev.document_id, "source": ev.source, "section": ev.section,
        "start": ev.start, "end": ev.end, "quote": ev.quote,
    }  # fmt: skip


def partnership_rows(g: GraphData) -> list[dict[str, Any]]:
    return list(PartnershipView(g).rows())


def _names(node: Node) -> set[str]:
    p = node.props
    names = [p.get("name"), p.get("name_vi"), *(p.get("aliases") or [])]
    return {fold(str(n).replace("-", " ")) for n in names if n}


class PartnershipIndex:
    """Rows, names and scopes computed once per graph, for fast repeated questions (the web app)."""

    def __init__(self, g: GraphData) -> None:
        self.g = g
        view = PartnershipView(g)
        self.rows = list(view.rows())
        self.names: dict[str, set[str]] = defaultdict(set)
        for n in g.nodes.values():
            if n.type != "Document":
                for key in _names(n):
                    self.names[key].add(n.id)
        self.scopes = [
            {r["vn_party"]["id"], *view.ancestors(r["vn_party"]["id"]),
             r["foreign_party"]["id"], *view.ancestors(r["foreign_party"]["id"])}
            for r in self.rows
        ]  # fmt: skip
        self.predecessors: dict[str, set[str]] = defaultdict(set)
        for e in g.edges_of("SUCCEEDED_BY"):
            self.predecessors[e.target].add(e.source)

    def matching(self, name: str) -> set[str]:
        return set(self.names.get(fold(name.replace("-", " ")), set()))

    def partners_of(self, name: str, status: str | None = None, country: str | None = None) -> list[dict[str, Any]]:
        targets = self.matching(name)
        # a post-2025 province includes what the provinces merged into it signed ("Bắc Ninh" <- "Bắc Giang")
        targets |= {p for t in list(targets) for p in self.predecessors.get(t, ())}
        rows = [r for r, scope in zip(self.rows, self.scopes, strict=True) if targets & scope]
        return filter_rows(rows, status, country)


def matching_nodes(g: GraphData, name: str) -> set[str]:
    """Ids of nodes whose name, Vietnamese name or an alias matches `name` in any spelling."""
    key = fold(name.replace("-", " "))
    return {n.id for n in g.nodes.values() if n.type != "Document" and key in _names(n)}


def partners_of(
    g: GraphData, name: str, status: str | None = None, country: str | None = None
) -> list[dict[str, Any]]:
    """Partnership rows where the named place (or any unit or agency within it) is a party."""
    return PartnershipIndex(g).partners_of(name, status, country)


def filter_rows(rows: list[dict[str, Any]], status: str | None, country: str | None) -> list[dict[str, Any]]:
    return [
        r for r in rows
        if (not status or r["status"] == status)
        and (not country or (r["foreign_party"]["country"] or "").upper() == country.upper())
    ]  # fmt: skip


def flatten(row: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """Nested objects to dotted columns for CSV: vn_party.name, agreement.period, ..."""
    out: dict[str, Any] = {}
    for k, v in row.items():
        key = f"{prefix}{k}"
        if isinstance(v, dict):
            out.update(flatten(v, key + "."))
        else:
            out[key] = v
    return out


PARTNERSHIP_CSV_FIELDS = (
    ["id"]
    + [f"vn_party.{f}" for f in PARTY_FIELDS]
    + [f"foreign_party.{f}" for f in PARTY_FIELDS]
    + ["status", "period", "signed_on", "agreement.id", "agreement.title", "agreement.instrument", "agreement.period",
       "agreement.signed_on", "evidence"]
)  # fmt: skip
