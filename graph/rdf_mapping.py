"""The schema as RDF: one class IRI per node type, one predicate IRI per edge type, one IRI per
property, with the reverse look-ups `from_dataset` needs. Generated from `load_schema()`.

>>> m = rdf_mapping()
>>> m.nodes["Province"].iri
'https://hoptac.org/ontology#Province'
>>> m.edge_by_iri["https://hoptac.org/ontology#partnerOf"]
'PARTNERS_WITH'
>>> m.nodes["Province"].props["name"].iri
'http://www.w3.org/2000/01/rdf-schema#label'
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from graph.errors import SchemaError
from graph.rdf_terms import expand
from graph.schema import EdgeType, NodeType, load_schema

VI_SUFFIX = "_vi"


@dataclass(frozen=True, slots=True)
class PropTerm:
    name: str
    iri: str
    type: str
    multi: bool
    lang: str | None  # "vi" for properties named `*_vi`


@dataclass(frozen=True, slots=True)
class TypeTerms:
    name: str
    iri: str
    props: dict[str, PropTerm]
    by_iri: dict[str, PropTerm]


@dataclass(frozen=True, slots=True)
class RdfMapping:
    nodes: dict[str, TypeTerms]
    edges: dict[str, TypeTerms]
    node_by_iri: dict[str, str]
    edge_by_iri: dict[str, str]

    def node(self, type_name: str) -> TypeTerms:
        try:
            return self.nodes[type_name]
        except KeyError:
            raise SchemaError(f"node type {type_name!r} is not in the schema") from None

    def edge(self, type_name: str) -> TypeTerms:
        try:
            return self.edges[type_name]
        except KeyError:
            raise SchemaError(f"edge type {type_name!r} is not in the schema") from None


def _terms(t: NodeType | EdgeType) -> TypeTerms:
    props = {
        name: PropTerm(name, expand(p.rdf.term), p.type, p.multi, "vi" if name.endswith(VI_SUFFIX) else None)
        for name, p in t.properties.items()
    }
    by_iri: dict[str, PropTerm] = {}
    for p in props.values():
        if p.iri in by_iri:
            raise SchemaError(f"type {t.name!r}: properties {by_iri[p.iri].name!r} and {p.name!r} share {p.iri}")
        by_iri[p.iri] = p
    return TypeTerms(t.name, expand(t.rdf.term), props, by_iri)


@cache
def rdf_mapping() -> RdfMapping:
    """The mapping for the shipped schema (cached)."""
    schema = load_schema()
    nodes = {name: _terms(t) for name, t in schema.nodes.items()}
    edges = {name: _terms(t) for name, t in schema.edges.items()}
    return RdfMapping(
        nodes, edges, {t.iri: name for name, t in nodes.items()}, {t.iri: name for name, t in edges.items()}
    )
