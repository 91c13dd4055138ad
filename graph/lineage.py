"""Document lineage in the merged graph: references resolved to ingested documents, and the tree of
what a document refers to and what refers to it.

A document another one cites is a stub (`stub: true`) until it is ingested. `link_stubs` then points
every edge at the ingested document and drops the stub (its name becomes an alias, its evidence stays
with the document): no SAME_AS edge, one node per document. A stub matches an ingested document with
the same normalised number (or, for a law cited by title, the same type and title), a compatible date
(the same, or one a prefix of the other: "2021-12-09" and "2021-12") and place (when both say one).
An undated stub ("Luật Thỏa thuận quốc tế") is then resolved to the one dated document with its number
or title, ingested or not, when there is exactly one.

The lineage edge types are read from the schema: every edge type that may join two Documents.

>>> from graph.model import NodeFact, EdgeFact
>>> g = GraphData.merge([
...     NodeFact("document/a", "Document", {"name": "a", "number": "12/KH-UBND", "date": "2021-12"}),
...     NodeFact("document/ref/x", "Document", {"name": "KH 12", "stub": True, "number": "12/KH-UBND",
...                                             "date": "2021-12-09"}),
...     NodeFact("document/b", "Document", {"name": "b"}),
...     EdgeFact("supersedes/1", "SUPERSEDES", "document/b", "document/ref/x", {})])
>>> [(e.source, e.target) for e in link_stubs(g).edges.values()]
[('document/b', 'document/a')]
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from graph.errors import NotFoundError
from graph.ids import edge_id, slug
from graph.model import Edge, GraphData, Node, merge_props
from graph.schema import load_schema
from graph.text import fold

DOCUMENT = "Document"


@cache
def lineage_edge_types() -> frozenset[str]:
    """Edge types that may join two documents (SUPERSEDES, LEGAL_BASIS, ...), from the schema."""
    return frozenset(
        e.name for e in load_schema().edges.values()
        if e.allows(DOCUMENT, DOCUMENT) and not any("*" in ends.target for ends in e.endpoints)
    )  # fmt: skip


def doc_key(node: Node) -> str | None:
    """What identifies a document across citations: its number, else its type and title."""
    p = node.props
    number = str(p.get("number") or "")
    if any(c.isdigit() for c in number.split("/")[0]):
        return "n:" + slug(number)
    if not number and p.get("stub") and p.get("title"):
        return f"t:{slug(str(p.get('doc_type') or ''))}:{slug(str(p['title']))}"
    return None


def _compatible(a: str | None, b: str | None) -> bool:
    return not a or not b or a.startswith(b) or b.startswith(a)


def _same_place(a: Node, b: Node) -> bool:
    pa, pb = a.props.get("place"), b.props.get("place")
    return not pa or not pb or fold(str(pa)) == fold(str(pb))


def _targets(g: GraphData) -> dict[str, str]:
    """stub id -> the document it is (see the module docstring)."""
    by_key: dict[str, list[Node]] = defaultdict(list)
    for n in g.nodes_of(DOCUMENT):
        if (key := doc_key(n)) is not None:
            by_key[key].append(n)
    mapping: dict[str, str] = {}
    for nodes in by_key.values():
        real = [n for n in nodes if not n.props.get("stub")]
        for stub in (n for n in nodes if n.props.get("stub") and n.props.get("date")):
            hits = [r for r in real if _compatible(stub.props["date"], r.props.get("date")) and _same_place(stub, r)]
            if len(hits) == 1:
                mapping[stub.id] = hits[0].id
        for stub in (n for n in nodes if n.props.get("stub") and not n.props.get("date")):
            dated = {mapping.get(n.id, n.id) for n in nodes if n.props.get("date") and _same_place(stub, n)}
            if len(dated) == 1:
                mapping[stub.id] = dated.pop()
    return mapping


def _rewire(g: GraphData, edge: Edge, mapping: dict[str, str]) -> None:
    del g.edges[edge.id]
    source, target = mapping.get(edge.source, edge.source), mapping.get(edge.target, edge.target)
    if source == target:
        return
    new_id = edge_id(edge.type, source, target)
    kept = g.edges.get(new_id)
    if kept is None:
        g.edges[new_id] = Edge(new_id, edge.type, source, target, dict(edge.props), list(edge.evidence))
    else:
        merge_props(kept.props, edge.props)
        kept.add_evidence(edge.evidence)


def link_stubs(g: GraphData) -> GraphData:
    """Point references at the documents they name, in place; return the graph."""
    mapping = _targets(g)
    if not mapping:
        return g
    for edge in [e for e in g.edges.values() if e.source in mapping or e.target in mapping]:
        _rewire(g, edge, mapping)
    for stub_id, target_id in mapping.items():
        stub, target = g.nodes.pop(stub_id), g.nodes[target_id]
        aliases = [str(stub.props["name"])] if stub.props.get("name") != target.props.get("name") else []
        merge_props(target.props, {"aliases": aliases})
        target.add_evidence(ev for ev in stub.evidence if ev.prop is None)
    return g


@dataclass(slots=True)
class LineageNode:
    """One document in a lineage tree, reached by `relation` (None at the root)."""

    node: Node
    relation: str | None = None
    edge: Edge | None = None
    children: list[LineageNode] = field(default_factory=list)
    seen: bool = False  # already shown higher in the tree (a cycle or a shared reference)


def lineage(g: GraphData, doc_id: str, direction: str = "out", depth: int = 3) -> LineageNode:
    """The tree of documents `doc_id` refers to (`direction="out"`) or that refer to it ("in")."""
    types = lineage_edge_types()
    adjacency: dict[str, list[Edge]] = defaultdict(list)
    for e in g.edges.values():
        if e.type in types:
            adjacency[e.source if direction == "out" else e.target].append(e)
    root = LineageNode(g.nodes[doc_id])
    visited = {doc_id}
    frontier = [root]
    for _ in range(depth):
        nxt: list[LineageNode] = []
        for item in frontier:
            for e in sorted(adjacency.get(item.node.id, []), key=lambda e: (e.type, e.target, e.source)):
                other = e.target if direction == "out" else e.source
                if other not in g.nodes:
                    continue
                child = LineageNode(g.nodes[other], e.type, e, seen=other in visited)
                item.children.append(child)
                if not child.seen:
                    visited.add(other)
                    nxt.append(child)
        frontier = nxt
    return root


def lineage_json(item: LineageNode) -> dict[str, Any]:
    """A lineage tree as JSON: each document with the relation that reaches it and its evidence."""
    p = item.node.props
    out: dict[str, Any] = {
        "id": item.node.id, "name": p.get("name"), "doc_type": p.get("doc_type"), "number": p.get("number"),
        "date": p.get("date"), "stub": bool(p.get("stub")), "relation": item.relation,
    }  # fmt: skip
    if item.edge is not None:
        out["evidence"] = [e.to_json() for e in item.edge.evidence]
    if item.seen:
        out["seen"] = True
    out["children"] = [lineage_json(c) for c in item.children]
    return out


def find_document(g: GraphData, ref: str) -> str:
    """The id of the Document node `ref` names: its id, or its number or name in any spelling.

    Raises `NotFoundError` when nothing, or more than one document, matches.
    """
    node = g.nodes.get(ref)
    if node is not None and node.type == DOCUMENT:
        return node.id
    key, folded = slug(ref), fold(ref)
    hits = sorted(
        n.id for n in g.nodes_of(DOCUMENT)
        if slug(str(n.props.get("number") or "")) == key or fold(str(n.props.get("name") or "")) == folded
        or n.id.startswith(ref)
    )  # fmt: skip
    if len(hits) == 1:
        return hits[0]
    if not hits:
        raise NotFoundError(f"no document {ref!r} in the graph (give an id, a number like 667/KH-UBND, or a name)")
    raise NotFoundError(f"{ref!r} matches {len(hits)} documents: {', '.join(hits[:5])}")
