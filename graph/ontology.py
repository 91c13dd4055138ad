"""The hoptac OWL/RDFS ontology, generated from the schema: `docs/ontology.ttl` and `docs/ontology.md`.

Regenerate both with `python -m graph.ontology` (a test checks they are current).

Choices (also in docs/ontology.md):
- one `owl:Class` per node type, abstract ones too; `rdfs:subClassOf` follows `extends`;
- one `owl:ObjectProperty` per edge type, with `schema:domainIncludes` / `schema:rangeIncludes` from its
  endpoints (no `rdfs:domain`/`rdfs:range`: several edge types join several classes, and a union
  domain would make a reasoner infer types nobody stated);
- one `owl:DatatypeProperty` per `hop:` property term, `rdfs:range` its XSD type (partial dates:
  `schema:rangeIncludes` xsd:date, xsd:gYearMonth, xsd:gYear), `schema:domainIncludes` the types
  that declare it (`rdf:Statement` for edge properties, which sit on the edge's statement resource);
- alignments: classes `rdfs:subClassOf` the aligned class (hoptac's types are narrower: a Vietnamese
  province is an administrative area, not every administrative area is one), properties
  `rdfs:subPropertyOf`; terms of other vocabularies the schema uses directly are not redeclared.

>>> g = build_ontology()
>>> (URIRef(hop("Province")), RDFS.subClassOf, URIRef(hop("Place"))) in g
True
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SDO, SKOS, XSD

from graph.rdf import bind_prefixes
from graph.rdf_terms import ONTOLOGY_IRI, PROVENANCE_TERMS, expand, hop
from graph.schema import EdgeType, Labels, NodeType, Property, Schema, load_schema

DOCS = Path(__file__).resolve().parents[1] / "docs"
XSD_OF = {"string": XSD.string, "integer": XSD.integer, "number": XSD.decimal, "boolean": XSD.boolean}
DATE_RANGES = (XSD.date, XSD.gYearMonth, XSD.gYear)


@dataclass
class PropUse:
    """One datatype property term and every type that declares it."""

    iri: str
    first: Property
    domains: list[str] = field(default_factory=list)
    types: set[str] = field(default_factory=set)


def _labels(g: Graph, s: URIRef, label: Labels, comment: Labels | None = None) -> None:
    g.add((s, RDFS.label, Literal(label.vi, lang="vi")))
    g.add((s, RDFS.label, Literal(label.en, lang="en")))
    if comment:
        g.add((s, RDFS.comment, Literal(comment.vi, lang="vi")))
        g.add((s, RDFS.comment, Literal(comment.en, lang="en")))


def own_term(curie: str) -> bool:
    return curie.startswith("hop:")


def all_node_types(schema: Schema) -> dict[str, NodeType]:
    """Concrete and abstract node types, parents first."""
    types = {**schema.abstract_types(), **schema.nodes}
    return dict(sorted(types.items(), key=lambda kv: (len(schema.ancestors(kv[0])), kv[0])))


def declared_here(schema: Schema, t: NodeType) -> Iterator[Property]:
    """Properties a node type declares itself (not inherited from the type it extends)."""
    parent = all_node_types(schema).get(t.extends or "")
    inherited = {p.name: p.rdf.term for p in parent.properties.values()} if parent else {}
    for p in t.properties.values():
        if inherited.get(p.name) != p.rdf.term:
            yield p


def property_uses(schema: Schema) -> dict[str, PropUse]:
    """Each `hop:` datatype property with the classes that use it (edge properties: rdf:Statement)."""
    uses: dict[str, PropUse] = {}
    owners: list[tuple[str, list[Property]]] = [
        (expand(t.rdf.term), list(declared_here(schema, t))) for t in all_node_types(schema).values()
    ]
    owners += [(str(RDF.Statement), list(e.properties.values())) for e in schema.edges.values()]
    for domain, props in owners:
        for p in props:
            if not own_term(p.rdf.term):
                continue
            use = uses.setdefault(p.rdf.term, PropUse(expand(p.rdf.term), p))
            use.types.add(p.type)
            if domain not in use.domains:
                use.domains.append(domain)
    return dict(sorted(uses.items()))


def _classes(g: Graph, schema: Schema) -> None:
    for t in all_node_types(schema).values():
        if not own_term(t.rdf.term):
            continue
        c = URIRef(expand(t.rdf.term))
        g.add((c, RDF.type, OWL.Class))
        g.add((c, SKOS.notation, Literal(t.name)))
        _labels(g, c, t.label, t.description)
        if t.extends:
            g.add((c, RDFS.subClassOf, URIRef(expand(all_node_types(schema)[t.extends].rdf.term))))
        for a in t.rdf.aligned:
            g.add((c, RDFS.subClassOf, URIRef(expand(a))))


def _object_properties(g: Graph, schema: Schema) -> None:
    for e in schema.edges.values():
        if not own_term(e.rdf.term):
            continue
        p = URIRef(expand(e.rdf.term))
        g.add((p, RDF.type, OWL.ObjectProperty))
        g.add((p, SKOS.notation, Literal(e.name)))
        _labels(g, p, e.label, e.description)
        for ends in e.endpoints:
            for s in ends.source:
                g.add((p, SDO.domainIncludes, URIRef(expand(schema.node(s).rdf.term))))
            for t in ends.target:
                target = "hop:Entity" if t == "*" else schema.node(t).rdf.term
                g.add((p, SDO.rangeIncludes, URIRef(expand(target))))
        for a in e.rdf.aligned:
            g.add((p, RDFS.subPropertyOf, URIRef(expand(a))))


def _datatype_properties(g: Graph, schema: Schema) -> None:
    for curie, use in property_uses(schema).items():
        p = URIRef(use.iri)
        g.add((p, RDF.type, OWL.DatatypeProperty))
        _labels(g, p, use.first.label)
        for d in use.domains:
            g.add((p, SDO.domainIncludes, URIRef(d)))
        if use.types == {"date"}:
            for r in DATE_RANGES:
                g.add((p, SDO.rangeIncludes, r))
        elif len(use.types) == 1:
            g.add((p, RDFS.range, XSD_OF[next(iter(use.types))]))
        for a in aligned_terms(schema, curie):
            g.add((p, RDFS.subPropertyOf, URIRef(expand(a))))


def all_types(schema: Schema) -> list[NodeType | EdgeType]:
    return [*all_node_types(schema).values(), *schema.edges.values()]


def aligned_terms(schema: Schema, curie: str) -> list[str]:
    """The alignments of a property term, over every type that uses it."""
    return sorted({a for t in all_types(schema) for q in t.properties.values() if q.rdf.term == curie
                   for a in q.rdf.aligned})  # fmt: skip


def _provenance_terms(g: Graph) -> None:
    for t in PROVENANCE_TERMS:
        p = URIRef(hop(t.name))
        g.add((p, RDF.type, OWL.DatatypeProperty))
        g.add((p, RDFS.label, Literal(t.vi, lang="vi")))
        g.add((p, RDFS.label, Literal(t.en, lang="en")))
        g.add((p, RDFS.comment, Literal(t.comment, lang="en")))
        g.add((p, SDO.domainIncludes, PROV.Derivation))
        g.add((p, RDFS.range, XSD_OF[t.range]))


def build_ontology(schema: Schema | None = None) -> Graph:
    """The ontology as an rdflib Graph, generated from the schema."""
    schema = schema or load_schema()
    g = Graph()
    bind_prefixes(g)
    o = URIRef(ONTOLOGY_IRI)
    g.add((o, RDF.type, OWL.Ontology))
    g.add((o, DCTERMS.title, Literal("hoptac ontology", lang="en")))
    g.add((o, DCTERMS.title, Literal("Bản thể học hoptac", lang="vi")))
    g.add((o, RDFS.comment, Literal(
        "International partnerships between Vietnamese localities and foreign localities, with the "
        "documents that state them. Generated from the hoptac schema (graph/schema/).", lang="en")))  # fmt: skip
    _classes(g, schema)
    _object_properties(g, schema)
    _datatype_properties(g, schema)
    _provenance_terms(g)
    return g


def render_turtle(schema: Schema | None = None) -> str:
    """docs/ontology.ttl."""
    header = "# Generated from graph/schema/ by `python -m graph.ontology` — do not edit by hand.\n"
    return header + build_ontology(schema).serialize(format="turtle")


def write_docs(folder: Path = DOCS) -> None:
    """Write docs/ontology.ttl and docs/ontology.md."""
    from graph.rdf_ontology_doc import render_markdown

    (folder / "ontology.ttl").write_text(render_turtle(), encoding="utf-8")
    (folder / "ontology.md").write_text(render_markdown(), encoding="utf-8")


if __name__ == "__main__":
    write_docs(Path(sys.argv[1]) if len(sys.argv) > 1 else DOCS)
