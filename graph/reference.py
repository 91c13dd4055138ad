"""The Python reference implementation of every named query, directly on `GraphData` — the oracle
the Cypher and SPARQL versions are tested against (`tests/graph/test_same_answers.py`).

Each function takes the graph and the checked parameters (entity parameters as one id) and returns
rows with the catalog's columns. Values are read through the schema's types, as the typed engines
store them; edges with a missing endpoint do not exist, as in the engines.

>>> from graph.model import EdgeFact, GraphData, NodeFact
>>> g = GraphData.merge([
...     NodeFact("province/VN-54", "Province", {"name": "Bắc Giang"}),
...     NodeFact("foreign/LA-XS", "ForeignLocality", {"name": "Xaisomboun", "country": "LA", "level": "province"}),
...     EdgeFact("pw/1", "PARTNERS_WITH", "province/VN-54", "foreign/LA-XS", {"status": "signed"})])
>>> [row] = ReferenceEngine(g).run("partners_of", {"place": "province/VN-54"})
>>> row["vn_party"], row["partner"], row["country"], row["level"], row["status"], row["agreement"]
('province/VN-54', 'foreign/LA-XS', 'LA', 'province', 'signed', None)
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

from graph.cypher.rows import typed_value
from graph.errors import QueryError
from graph.model import Edge, GraphData, Node
from graph.schema import load_schema

if TYPE_CHECKING:
    from graph.queries import NamedQuery

Row = dict[str, Any]
IN_FORCE = ("signed", "implemented", "renewed")
CONTAINMENT = ("LOCATED_IN", "PART_OF")


class Graph:
    """Adjacency indexes over a GraphData, with typed property access."""

    def __init__(self, g: GraphData) -> None:
        self.g = g
        self.out: dict[str, list[Edge]] = defaultdict(list)
        self.inn: dict[str, list[Edge]] = defaultdict(list)
        for e in g.edges.values():
            if e.source in g.nodes and e.target in g.nodes:
                self.out[e.source].append(e)
                self.inn[e.target].append(e)

    def prop(self, item: Node | Edge, name: str) -> Any:
        schema = load_schema()
        t = schema.node(item.type) if isinstance(item, Node) else schema.edge(item.type)
        p = t.properties.get(name)
        return typed_value(p, item.props.get(name)) if p is not None else None

    def node(self, node_id: str) -> Node:
        return self.g.nodes[node_id]

    def sources(self, target: str, types: Iterable[str]) -> set[str]:
        """Ids with an edge of one of `types` into `target`."""
        return {e.source for e in self.inn.get(target, []) if e.type in types}

    def undirected(self, node_id: str) -> Iterator[tuple[Edge, str]]:
        """(edge, neighbour) for every edge touching the node, both directions."""
        for e in self.out.get(node_id, []):
            yield e, e.target
        for e in self.inn.get(node_id, []):
            yield e, e.source


def _partner_rows(G: Graph, parties: set[str]) -> list[Row]:
    rows = []
    for v in parties:
        for e in G.out.get(v, []):
            if e.type != "PARTNERS_WITH":
                continue
            f = G.node(e.target)
            rows.append({
                "vn_party": v, "partner": f.id, "country": G.prop(f, "country"), "level": G.prop(f, "level"),
                "status": G.prop(e, "status"), "agreement": G.prop(e, "agreement"),
            })  # fmt: skip
    return rows


def _down_two(G: Graph, roots: set[str]) -> set[str]:
    """The roots and the units and agencies up to two LOCATED_IN/PART_OF levels below them."""
    one = {s for r in roots for s in G.sources(r, CONTAINMENT)}
    two = {s for u in one for s in G.sources(u, CONTAINMENT)}
    return roots | one | two


def partners_of(G: Graph, p: Row) -> list[Row]:
    roots = {p["place"]} & G.g.nodes.keys()
    return _partner_rows(G, _down_two(G, roots))


def partners_including_predecessors(G: Graph, p: Row) -> list[Row]:
    roots = {p["place"]} & G.g.nodes.keys()
    roots |= {s for r in roots for s in G.sources(r, ("SUCCEEDED_BY",))}
    return _partner_rows(G, _down_two(G, roots))


def _ge(a: Any, b: Any) -> bool:
    """`a >= b` with Cypher's null: a missing value never satisfies a comparison."""
    return a is not None and b is not None and a >= b


def _gt(a: Any, b: Any) -> bool:
    return a is not None and b is not None and a > b


def partnerships(G: Graph, p: Row) -> list[Row]:
    rows = []
    for e in G.g.edges_of("PARTNERS_WITH"):
        if e.source not in G.g.nodes or e.target not in G.g.nodes:
            continue
        f = G.node(e.target)
        start, end = G.prop(e, "period_start"), G.prop(e, "period_end")
        if p.get("country") is not None and G.prop(f, "country") != p["country"]:
            continue
        if p.get("status") is not None and G.prop(e, "status") != p["status"]:
            continue
        if p.get("year_from") is not None and not _ge(end, p["year_from"]):
            continue
        if p.get("year_to") is not None and not _ge(p["year_to"], start):
            continue
        rows.append({
            "vn_party": e.source, "partner": f.id, "country": G.prop(f, "country"), "status": G.prop(e, "status"),
            "agreement": G.prop(e, "agreement"), "period_start": start, "period_end": end,
        })  # fmt: skip
    return rows


def agreements_in_force(G: Graph, p: Row) -> list[Row]:
    rows = []
    for a in G.g.nodes_of("Agreement"):
        start, end, status = G.prop(a, "period_start"), G.prop(a, "period_end"), G.prop(a, "status")
        if _ge(p["year"], start) and _ge(end, p["year"]) and status in IN_FORCE:
            rows.append({
                "agreement": a.id, "title": G.prop(a, "name"), "instrument": G.prop(a, "instrument"),
                "period_start": start, "period_end": end, "status": status,
            })  # fmt: skip
    return rows


def _has_later(G: Graph, a: Node) -> bool:
    """Another agreement with a greater period_end to which two distinct parties of `a` are party."""
    parties = sorted(G.sources(a.id, ("PARTY_TO",)))
    end = G.prop(a, "period_end")
    for i, x in enumerate(parties):
        for y in parties[i + 1 :]:
            shared = {e.target for e in G.out[x] if e.type == "PARTY_TO"} & {
                e.target for e in G.out[y] if e.type == "PARTY_TO"
            }
            for b in shared:
                node = G.node(b)
                if node.type == "Agreement" and _gt(G.prop(node, "period_end"), end):
                    return True
    return False


def expiring_agreements(G: Graph, p: Row) -> list[Row]:
    return [
        {"agreement": a.id, "title": G.prop(a, "name"), "period_end": G.prop(a, "period_end")}
        for a in G.g.nodes_of("Agreement")
        if G.prop(a, "period_end") == p["year"] and not _has_later(G, a)
    ]


def activities_of_agreement(G: Graph, p: Row) -> list[Row]:
    rows = []
    for act_id in G.sources(p["agreement"], ("IMPLEMENTS",)):
        act = G.node(act_id)
        if act.type != "Activity":
            continue
        leads: list[str | None] = [*sorted(G.sources(act_id, ("LEADS",)))] or [None]
        for lead in leads:
            rows.append({"activity": act.id, "ref": G.prop(act, "ref"), "title": G.prop(act, "name"), "lead": lead})
    return rows


def activities_by_lead(G: Graph, p: Row) -> list[Row]:
    acts = [G.node(e.target) for e in G.out.get(p["agency"], []) if e.type == "LEADS"]
    return [
        {"activity": a.id, "ref": G.prop(a, "ref"), "title": G.prop(a, "name"), "sector": G.prop(a, "sector")}
        for a in acts
        if a.type == "Activity"
    ]


def documents_citing(G: Graph, p: Row) -> list[Row]:
    entity = G.g.nodes.get(p["entity"])
    if entity is None:
        return []
    doc_ids = {ev.document_id for ev in entity.evidence}
    doc_ids |= {ev.document_id for e, _ in G.undirected(entity.id) for ev in e.evidence}
    docs = [G.g.nodes[d] for d in doc_ids if d in G.g.nodes and G.g.nodes[d].type == "Document"]
    return [
        {"document": d.id, "doc_type": G.prop(d, "doc_type"), "number": G.prop(d, "number"), "date": G.prop(d, "date")}
        for d in docs
    ]


def lineage(G: Graph, p: Row) -> list[Row]:
    doc = G.g.nodes.get(p["document"])
    if doc is None or doc.type != "Document":
        return []
    rows = []
    for direction, edges, other_of in (("out", G.out, "target"), ("in", G.inn, "source")):
        for e in edges.get(doc.id, []):
            o = G.node(getattr(e, other_of))
            if o.type == "Document":
                rows.append({
                    "direction": direction, "relation": e.type, "other": o.id,
                    "number": G.prop(o, "number"), "date": G.prop(o, "date"),
                })  # fmt: skip
    return rows


def path_between(G: Graph, p: Row) -> list[Row]:
    a, b = p["a"], p["b"]
    if a not in G.g.nodes or b not in G.g.nodes:
        return []
    rows = []

    def walk(node: str, path: list[str], inner: list[str]) -> None:
        for e, nxt in G.undirected(node):
            hops = len(inner) + 1
            if nxt == b:
                rows.append({"hops": hops, "path": [*path, e.type, b]})
            if hops < 3 and nxt not in (a, b) and nxt not in inner:
                walk(nxt, [*path, e.type, nxt], [*inner, nxt])

    walk(a, [a], [])
    return rows


REFERENCE: dict[str, Callable[[Graph, Row], list[Row]]] = {
    f.__name__: f
    for f in (
        partners_of, partners_including_predecessors, partnerships, agreements_in_force, expiring_agreements,
        activities_of_agreement, activities_by_lead, documents_citing, lineage, path_between,
    )
}  # fmt: skip


class ReferenceEngine:
    """The named queries answered in Python; `run(name, params)` with checked parameters."""

    name = "reference"

    def __init__(self, g: GraphData) -> None:
        self.graph = Graph(g)

    def run_named(self, q: NamedQuery, params: Row) -> list[Row]:
        return self.run(q.name, params)

    def run(self, name: str, params: Row) -> list[Row]:
        try:
            fn = REFERENCE[name]
        except KeyError:
            raise QueryError(
                f"no reference implementation of {name!r}; known: {', '.join(sorted(REFERENCE))}"
            ) from None
        return fn(self.graph, params)
