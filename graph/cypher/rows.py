"""Node and relationship rows for the Cypher engines, generated from the schema.

Every row carries `id`, `type` (the schema type name, so queries read `r.type` the same way on every
engine — LadybugDB has no `type(r)`), every property the schema declares for its type (missing ones
are `None`; properties outside the schema are not projected), and the evidence as **parallel list
properties** — lists of scalars are the one shape Neo4j, FalkorDB and LadybugDB all store and
`UNWIND`:

    ev_document  [str]  document ids          ev_start [int]  character offsets
    ev_source    [str]  source paths          ev_end   [int]
    ev_section   [str]  section path or ""    ev_quote [str]  quoted words
    ev_prop      [str]  supported property or ""

Dates (possibly partial: "2024-06", "2023") are ISO strings on every engine.

>>> from graph.model import Evidence, Node
>>> row = node_row(Node("country/LA", "Country", {"name": "Laos"}, [Evidence("d/1", "a.txt", None, 3, 7, "Lào")]))
>>> row["id"], row["type"], row["name"], row["aliases"], row["ev_section"], row["ev_start"]
('country/LA', 'Country', 'Laos', None, [''], [3])
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from graph.errors import SchemaError
from graph.model import Edge, Evidence, GraphData, Node
from graph.schema import EdgeType, NodeType, Property, load_schema

EVIDENCE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("ev_document", "string"), ("ev_source", "string"), ("ev_section", "string"), ("ev_start", "integer"),
    ("ev_end", "integer"), ("ev_quote", "string"), ("ev_prop", "string"),
)  # fmt: skip
_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


@dataclass(frozen=True, slots=True)
class Column:
    """A property column: name, scalar type (schema type names) and whether it holds a list."""

    name: str
    type: str
    multi: bool = False


def identifier(name: str) -> str:
    """A label, relationship type or property name safe to write into Cypher text unquoted."""
    if not _IDENTIFIER.match(name):
        raise SchemaError(f"{name!r} cannot be used as a Cypher label, type or property name")
    return name


def _columns(t: NodeType | EdgeType) -> list[Column]:
    cols = [Column("id", "string"), Column("type", "string")]
    cols += [Column(identifier(p.name), p.type, p.multi) for p in t.properties.values()]
    cols += [Column(name, kind, True) for name, kind in EVIDENCE_COLUMNS]
    names = [c.name for c in cols]
    clash = {n for n in names if names.count(n) > 1}
    if clash:
        raise SchemaError(f"type {t.name!r}: property names {sorted(clash)} clash with the Cypher projection")
    return cols


def node_columns(type_name: str) -> list[Column]:
    """Columns of a node type, in a fixed order: id, type, schema properties, evidence lists."""
    return _columns(load_schema().node(type_name))


def edge_columns(type_name: str) -> list[Column]:
    """Columns of a relationship type, in the same order as `node_columns`."""
    return _columns(load_schema().edge(type_name))


def typed_value(prop: Property, value: Any) -> Any:
    """A property value as the schema types it (lists for multi properties; None stays None)."""
    if value is None:
        return None
    if prop.multi:
        items = value if isinstance(value, list | tuple) else [value]
        return [_scalar(prop, v) for v in items if v is not None]
    return _scalar(prop, value)


def _scalar(prop: Property, value: Any) -> Any:
    if prop.type == "integer":
        return int(value)
    if prop.type == "number":
        return float(value)
    if prop.type == "boolean":
        return bool(value)
    return str(value)


def evidence_lists(evidence: list[Evidence]) -> dict[str, list[Any]]:
    """The evidence of a node or edge as parallel lists (see the module docstring)."""
    return {
        "ev_document": [e.document_id for e in evidence],
        "ev_source": [e.source for e in evidence],
        "ev_section": [e.section or "" for e in evidence],
        "ev_start": [e.start for e in evidence],
        "ev_end": [e.end for e in evidence],
        "ev_quote": [e.quote for e in evidence],
        "ev_prop": [e.prop or "" for e in evidence],
    }


def _row(item: Node | Edge, t: NodeType | EdgeType) -> dict[str, Any]:
    row: dict[str, Any] = {"id": item.id, "type": item.type}
    for name, prop in t.properties.items():
        row[name] = typed_value(prop, item.props.get(name))
    row.update(evidence_lists(item.evidence))
    return row


def node_row(node: Node) -> dict[str, Any]:
    """A node as a flat row of its schema properties and evidence lists."""
    return _row(node, load_schema().node(node.type))


def edge_row(edge: Edge) -> dict[str, Any]:
    """A relationship as a flat row (without its endpoints; see `edge_groups`)."""
    return _row(edge, load_schema().edge(edge.type))


def node_groups(g: GraphData) -> dict[str, list[Node]]:
    """Nodes by type, types in schema order; a node of a type the schema lacks is a SchemaError."""
    schema = load_schema()
    groups: dict[str, list[Node]] = {name: [] for name in schema.nodes}
    for n in g.nodes.values():
        if n.type not in groups:
            raise SchemaError(f"node {n.id!r} has type {n.type!r}, which the schema does not declare")
        groups[n.type].append(n)
    return {k: v for k, v in groups.items() if v}


EdgeKey = tuple[str, str, str]  # (edge type, source node type, target node type)


def edge_groups(g: GraphData) -> dict[EdgeKey, list[Edge]]:
    """Edges by (type, source type, target type); edges with a missing endpoint are left out.

    An edge the schema does not allow between its endpoints' types is a SchemaError.
    """
    schema = load_schema()
    groups: dict[EdgeKey, list[Edge]] = {}
    for e in g.edges.values():
        src, dst = g.nodes.get(e.source), g.nodes.get(e.target)
        if src is None or dst is None:
            continue
        if not schema.edge(e.type).allows(src.type, dst.type):
            raise SchemaError(f"edge {e.id!r}: the schema allows no {e.type} from {src.type} to {dst.type}")
        groups.setdefault((e.type, src.type, dst.type), []).append(e)
    return groups


def iter_rows(items: list[Node] | list[Edge]) -> Iterator[dict[str, Any]]:
    for item in items:
        yield node_row(item) if isinstance(item, Node) else edge_row(item)
