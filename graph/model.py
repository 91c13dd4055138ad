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

import gc
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, NamedTuple, Protocol

import orjson

JSON = dict[str, Any]


class Evidence(NamedTuple):
    """Where a fact is stated: document id, source file as given, section path, span and quote.

    `start`/`end` are character offsets into the document's text (NFC), `quote == text[start:end]`.
    `prop` names the property the evidence supports when it is not the fact as a whole. A named tuple:
    immutable, hashable, and cheap to build when a large store is loaded.
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
        return cls(d["document_id"], d["source"], d.get("section"), d["start"], d["end"], d["quote"], d.get("prop"))


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


class EvidenceSource(Protocol):
    """Where evidence not yet read lives (the store): `fetch` returns the stored JSON blobs of one item,
    one per stating document, in document order."""

    def fetch(self, kind: str, item_id: str) -> list[bytes]: ...


_DECODING = threading.RLock()


class _Evidenced:
    """Evidence that may not be read yet. A large store loads fast because each item's evidence stays
    in the store (`defer_evidence`) until someone reads `.evidence`."""

    __slots__ = ("_deferred", "_evidence", "_stating")
    _KIND = "n"
    id: str  # a slot of Node and Edge

    def _init_evidence(self, evidence: list[Evidence] | None) -> None:
        self._evidence: list[Evidence] = list(evidence) if evidence else []
        self._deferred: EvidenceSource | None = None
        self._stating = 0

    @property
    def evidence(self) -> list[Evidence]:
        if self._deferred is not None:
            with _DECODING:  # two threads reading the same item read it once
                self._read_deferred()
        return self._evidence

    @evidence.setter
    def evidence(self, value: list[Evidence]) -> None:
        self._evidence, self._deferred, self._stating = list(value), None, 0

    def _read_deferred(self) -> None:
        if self._deferred is None:  # another thread read it meanwhile
            return
        make, read = Evidence._make, list(self._evidence)
        for blob in self._deferred.fetch(self._KIND, self.id):
            read.extend(map(make, orjson.loads(blob)))
        self._evidence, self._deferred, self._stating = read, None, 0

    def defer_evidence(self, source: EvidenceSource, documents: int) -> None:
        """Leave this item's evidence (stated by `documents` documents) in `source` until it is read."""
        self._deferred, self._stating = source, documents

    def add_evidence(self, evidence: Iterable[Evidence]) -> None:
        self.evidence.extend(evidence)  # read first, to keep the order

    @property
    def documents_stating(self) -> int:
        """How many facts (one per stating document) were merged here, without reading them."""
        return self._stating + len({e.document_id for e in self._evidence})


class EvidenceView(Sequence[Evidence]):
    """A read-only view of an item's evidence that decodes it only when read (networkx attributes)."""

    __slots__ = ("_owner",)

    def __init__(self, owner: _Evidenced) -> None:
        self._owner = owner

    def __len__(self) -> int:
        return len(self._owner.evidence)

    def __getitem__(self, i: Any) -> Any:
        return self._owner.evidence[i]

    def __eq__(self, other: object) -> bool:
        return list(self) == list(other) if isinstance(other, Sequence) else NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"EvidenceView({len(self)} items)"


class Node(_Evidenced):
    __slots__ = ("id", "props", "type")

    def __init__(self, id: str, type: str, props: JSON | None = None, evidence: list[Evidence] | None = None):
        self.id, self.type, self.props = id, type, props if props is not None else {}
        self._init_evidence(evidence)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Node) and (self.id, self.type, self.props, self.evidence) == (
            other.id, other.type, other.props, other.evidence
        )  # fmt: skip

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Node({self.id!r}, {self.type!r}, {self.props!r})"


class Edge(_Evidenced):
    __slots__ = ("id", "props", "source", "target", "type")
    _KIND = "e"

    def __init__(
        self, id: str, type: str, source: str, target: str, props: JSON | None = None,
        evidence: list[Evidence] | None = None,
    ) -> None:  # fmt: skip
        self.id, self.type, self.source, self.target = id, type, source, target
        self.props = props if props is not None else {}
        self._init_evidence(evidence)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Edge):
            return False
        mine = (self.id, self.type, self.source, self.target, self.props, self.evidence)
        return mine == (other.id, other.type, other.source, other.target, other.props, other.evidence)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Edge({self.id!r}, {self.type!r}, {self.source!r} -> {self.target!r}, {self.props!r})"


def merge_props(into: JSON, new: JSON) -> None:
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
            merge_props(node.props, fact.props)
            node.add_evidence(fact.evidence)
        else:
            edge = self.edges.get(fact.id)
            if edge is None:
                edge = self.edges[fact.id] = Edge(fact.id, fact.type, fact.source, fact.target)
            merge_props(edge.props, fact.props)
            edge.add_evidence(fact.evidence)

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


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a large graph is built.

    Building half a million nodes and edges triggers the collector's full passes again and again, each
    walking every object built so far (measured: half of the load time of a 10,000-document store).
    The collector resumes afterwards, on the same objects: pausing it only defers its work.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
