"""The hoptac schema, declared once as data: one YAML file per node type (`nodes/`) and per edge type
(`edges/`), plus the RDF namespaces (`namespaces.yaml`).

Every projection (networkx, RDF, Cypher, API models, explorer) reads the schema from here and never
names a type by hand.

>>> s = load_schema()
>>> s.node("Province").cypher_label
'Province'
>>> sorted(s.node("Province").properties)[:3]
['aliases', 'country', 'iso3166_2']
>>> s.edge("PARTNERS_WITH").allows("Province", "ForeignLocality")
True
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from graph.errors import SchemaError

SCHEMA_DIR = Path(__file__).parent
PropType = Literal["string", "integer", "number", "boolean", "date"]


class Labels(BaseModel):
    model_config = ConfigDict(extra="forbid")
    vi: str
    en: str


class RdfTerm(BaseModel):
    model_config = ConfigDict(extra="forbid")
    term: str
    aligned: list[str] = Field(default_factory=list)


class Property(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = ""
    type: PropType = "string"
    multi: bool = False
    required: bool = False
    label: Labels
    rdf: RdfTerm
    values: list[str] | None = None


class Endpoints(BaseModel):
    model_config = ConfigDict(extra="forbid")
    source: list[str]
    target: list[str]


class _TypeBase(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str
    label: Labels
    description: Labels
    rdf: RdfTerm
    properties: dict[str, Property] = Field(default_factory=dict)

    @field_validator("properties", mode="before")
    @classmethod
    def _none_is_empty(cls, v: Any) -> Any:
        return v or {}


class Explorer(BaseModel):
    model_config = ConfigDict(extra="forbid")
    color: str = "#999999"
    shape: str = "dot"


class NodeType(_TypeBase):
    abstract: bool = False
    extends: str | None = None
    id_prefix: str | None = None
    cypher: dict[str, str] = Field(default_factory=dict)
    explorer: Explorer = Field(default_factory=Explorer)

    @property
    def cypher_label(self) -> str:
        return self.cypher.get("label", self.name)


class EdgeType(_TypeBase):
    endpoints: list[Endpoints]
    cypher: dict[str, str] = Field(default_factory=dict)

    @property
    def cypher_type(self) -> str:
        return self.cypher.get("type", self.name)

    def allows(self, source_type: str, target_type: str) -> bool:
        """True if an edge of this type may go from `source_type` to `target_type`."""
        return any(
            source_type in e.source and (target_type in e.target or "*" in e.target) for e in self.endpoints
        )


class Schema:
    """The loaded, validated schema: concrete node types (inherited properties resolved) and edge types."""

    def __init__(self, namespaces: dict[str, str], nodes: dict[str, NodeType], edges: dict[str, EdgeType]):
        self.namespaces = namespaces
        self._all_nodes = nodes
        self.nodes = {k: v for k, v in nodes.items() if not v.abstract}
        self.edges = edges

    def node(self, name: str) -> NodeType:
        try:
            return self.nodes[name]
        except KeyError:
            raise SchemaError(f"unknown node type {name!r}; known: {', '.join(sorted(self.nodes))}") from None

    def edge(self, name: str) -> EdgeType:
        try:
            return self.edges[name]
        except KeyError:
            raise SchemaError(f"unknown edge type {name!r}; known: {', '.join(sorted(self.edges))}") from None

    def ancestors(self, name: str) -> list[str]:
        """The abstract types a node type extends, nearest first."""
        out: list[str] = []
        parent = self._all_nodes[name].extends
        while parent:
            out.append(parent)
            parent = self._all_nodes[parent].extends
        return out

    def abstract_types(self) -> dict[str, NodeType]:
        return {k: v for k, v in self._all_nodes.items() if v.abstract}

    def expand_curie(self, curie: str) -> str:
        prefix, _, local = curie.partition(":")
        if prefix not in self.namespaces or not local:
            raise SchemaError(f"RDF term {curie!r} is not in a declared namespace")
        return self.namespaces[prefix] + local


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise SchemaError(f"{path}: not valid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise SchemaError(f"{path}: expected a mapping at the top level")
    return data


def _load_types(folder: Path, model: type[NodeType] | type[EdgeType]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for path in sorted(folder.glob("*.yaml")):
        data = _read_yaml(path)
        try:
            item = model.model_validate(data)
        except ValidationError as exc:
            raise SchemaError(f"{path}: {exc}") from exc
        if item.name in out:
            raise SchemaError(f"{path}: type {item.name!r} declared twice")
        for pname, prop in item.properties.items():
            prop.name = pname
        out[item.name] = item
    return out


def _resolve_inheritance(nodes: dict[str, NodeType]) -> None:
    def resolve(name: str, seen: tuple[str, ...]) -> dict[str, Property]:
        node = nodes[name]
        if name in seen:
            raise SchemaError(f"node type {name!r} extends itself")
        if not node.extends:
            return dict(node.properties)
        if node.extends not in nodes:
            raise SchemaError(f"node type {name!r} extends unknown type {node.extends!r}")
        merged = resolve(node.extends, (*seen, name))
        merged.update(node.properties)
        return merged

    resolved = {name: resolve(name, ()) for name in nodes}
    for name, props in resolved.items():
        nodes[name].properties = props


RESERVED_PROPERTIES = frozenset({"id", "type", "label", "evidence", "source_id", "target_id"})


def _check(schema: Schema) -> None:
    for t in [*schema._all_nodes.values(), *schema.edges.values()]:
        clash = RESERVED_PROPERTIES & set(t.properties)
        if clash:
            raise SchemaError(f"type {t.name!r} uses reserved property names {sorted(clash)}")
    for node in schema.nodes.values():
        if not node.id_prefix:
            raise SchemaError(f"node type {node.name!r} needs an id_prefix")
    terms = [t.rdf.term for t in [*schema._all_nodes.values(), *schema.edges.values()]]
    for t in [*schema._all_nodes.values(), *schema.edges.values()]:
        for curie in [t.rdf.term, *t.rdf.aligned] + [
            c for p in t.properties.values() for c in [p.rdf.term, *p.rdf.aligned]
        ]:
            schema.expand_curie(curie)
    dupes = {t for t in terms if terms.count(t) > 1}
    if dupes:
        raise SchemaError(f"RDF terms used by more than one type: {sorted(dupes)}")
    for edge in schema.edges.values():
        for ends in edge.endpoints:
            for end_type in [*ends.source, *ends.target]:
                if end_type != "*" and end_type not in schema.nodes:
                    raise SchemaError(f"edge type {edge.name!r} names unknown node type {end_type!r}")


def load_schema_from(folder: Path) -> Schema:
    """Load and validate the schema in `folder` (with `nodes/`, `edges/`, `namespaces.yaml`)."""
    namespaces = {str(k): str(v) for k, v in _read_yaml(folder / "namespaces.yaml").items()}
    nodes: dict[str, NodeType] = _load_types(folder / "nodes", NodeType)
    edges: dict[str, EdgeType] = _load_types(folder / "edges", EdgeType)
    _resolve_inheritance(nodes)
    schema = Schema(namespaces, nodes, edges)
    _check(schema)
    return schema


@cache
def load_schema() -> Schema:
    """The schema shipped with hoptac (cached)."""
    return load_schema_from(SCHEMA_DIR)
