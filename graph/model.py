"""The graph model: facts with evidence, as documents assert them, and the merged graph.

A *fact* is a node or an edge asserted by one document, with the evidence (document, section,
character span and quoted words) that states it. The graph is the merge of every document's facts:
a node stated by three documents carries three pieces of evidence.

>>> ev = Evidence("document/ab12", "a.txt", "II.1", 10, 19, "Xay Sổm Bun")
>>> n = NodeFact("foreign/LA-XS", "ForeignLocality", {"name": "Xaisomboun"}, (ev,))
>>> g = GraphData.merge([n, NodeFact("foreign/LA-XS", "ForeignLocality", {"level": "province"}, (ev,))])
>>> g.nodes["foreign/LA-XS"].props == {"name": "Xaisomboun", "level": "province"}
True
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

JSON = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a fact is stated: document id, source file as given, section path, span and quote.

    `start`/`end` are character offsets into the document's text (NFC), `quote == text[start:end]`.
    `prop` names the property the evidence supports when it is not the fact as a whole.
    """

    document_id: str
    source: str
    section: str | None
    start: int
    end: int
    quote: str
    prop: str | None = None

    def to_json(self) -> JSON:
        d: JSON = {
            "document_id": self.document_id,
            "source": self.source,
            "section": self.section,
            "start": self.start,
            "end": self.end,
            "quote": self.quote,
        }
        if self.prop:
            d["prop"] = self.prop
        return d

    @classmethod
    def from_json(cls, d: JSON) -> Evidence:
        return cls(
            d["document_id"], d["source"], d.get("section"), d["start"], d["end"], d["quote"], d.get("prop")
        )


@dataclass(frozen=True, slots=True)
class NodeFact:
    id: str
    type: str
    props: JSON
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class EdgeFact:
    id: str
    type: str
    source: str
    target: str
    props: JSON
    evidence: tuple[Evidence, ...] = ()


Fact = NodeFact | EdgeFact


@dataclass(slots=True)
class Node:
    id: str
    type: str
    props: JSON = field(default_factory=dict)
    evidence: list[Evidence] = field(default_factory=list)


@dataclass(slots=True)
class Edge:
    id: str
    type: str
    source: str
    target: str
    props: JSON = field(default_factory=dict)
    evidence: list[Evidence] = field(default_factory=list)


def _merge_props(into: JSON, new: JSON) -> None:
    """First value wins for scalars; lists are unioned in order of first appearance."""
    for key, value in new.items():
        if value is None:
            continue
        old = into.get(key)
        if isinstance(value, list):
            merged = list(old) if isinstance(old, list) else []
            merged.extend(v for v in value if v not in merged)
            into[key] = merged
        elif old is None:
            into[key] = value


@dataclass(slots=True)
class GraphData:
    """The merged graph: nodes and edges by id, each with all its evidence."""

    nodes: dict[str, Node] = field(default_factory=dict)
    edges: dict[str, Edge] = field(default_factory=dict)

    def add(self, fact: Fact) -> None:
        if isinstance(fact, NodeFact):
            node = self.nodes.get(fact.id)
            if node is None:
                node = self.nodes[fact.id] = Node(fact.id, fact.type)
            _merge_props(node.props, fact.props)
            node.evidence.extend(fact.evidence)
        else:
            edge = self.edges.get(fact.id)
            if edge is None:
                edge = self.edges[fact.id] = Edge(fact.id, fact.type, fact.source, fact.target)
            _merge_props(edge.props, fact.props)
            edge.evidence.extend(fact.evidence)

    @classmethod
    def merge(cls, facts: Iterable[Fact]) -> GraphData:
        g = cls()
        for f in facts:
            g.add(f)
        return g

    def dangling_edges(self) -> Iterator[Edge]:
        """Edges whose source or target node no document states (should not happen)."""
        return (e for e in self.edges.values() if e.source not in self.nodes or e.target not in self.nodes)

    def nodes_of(self, type_name: str) -> list[Node]:
        return [n for n in self.nodes.values() if n.type == type_name]

    def edges_of(self, type_name: str) -> list[Edge]:
        return [e for e in self.edges.values() if e.type == type_name]
