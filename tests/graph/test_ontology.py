"""The ontology generated from the schema: the docs are current and parse, every schema type is in
it with Vietnamese and English labels, and the `hop:` namespace is closed."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib import namespace as ns

from graph.errors import SchemaError
from graph.model import GraphData
from graph.ontology import build_ontology, render_turtle
from graph.rdf_nquads import to_nquads
from graph.rdf_ontology_doc import render_markdown
from graph.rdf_terms import HOP_NS, expand, hop
from graph.schema import load_schema

ROOT = Path(__file__).resolve().parents[2]
REGENERATE = "run: python -m graph.ontology"


def test_ontology_ttl_is_current() -> None:
    assert (ROOT / "docs" / "ontology.ttl").read_text(encoding="utf-8") == render_turtle(), REGENERATE


def test_ontology_md_is_current() -> None:
    assert (ROOT / "docs" / "ontology.md").read_text(encoding="utf-8") == render_markdown(), REGENERATE


@pytest.fixture(scope="module")
def onto() -> Graph:
    g = Graph()
    g.parse(ROOT / "docs" / "ontology.ttl", format="turtle")
    return g


def _has_labels(g: Graph, iri: URIRef) -> bool:
    langs = {o.language for o in g.objects(iri, ns.RDFS.label) if isinstance(o, Literal)}
    return {"vi", "en"} <= langs


def test_every_schema_type_is_declared_with_vi_and_en_labels(onto: Graph) -> None:
    schema = load_schema()
    for t in [*schema.nodes.values(), *schema.abstract_types().values()]:
        c = URIRef(expand(t.rdf.term))
        assert (c, ns.RDF.type, ns.OWL.Class) in onto, t.name
        assert _has_labels(onto, c), t.name
        assert (c, ns.SKOS.notation, Literal(t.name)) in onto
    for e in schema.edges.values():
        p = URIRef(expand(e.rdf.term))
        assert (p, ns.RDF.type, ns.OWL.ObjectProperty) in onto, e.name
        assert _has_labels(onto, p), e.name
    hop_props = {p.rdf.term for t in [*schema.nodes.values(), *schema.edges.values()] for p in t.properties.values()}
    for curie in (c for c in hop_props if c.startswith("hop:")):
        p = URIRef(expand(curie))
        assert (p, ns.RDF.type, ns.OWL.DatatypeProperty) in onto, curie
        assert _has_labels(onto, p), curie


def test_hierarchy_alignments_domains_and_ranges(onto: Graph) -> None:
    h = ns.Namespace(HOP_NS)
    assert (h.Province, ns.RDFS.subClassOf, h.Place) in onto
    assert (h.Place, ns.RDFS.subClassOf, h.Entity) in onto
    assert (h.Province, ns.RDFS.subClassOf, URIRef("https://schema.org/AdministrativeArea")) in onto
    assert (h.locatedIn, ns.RDFS.subPropertyOf, URIRef("https://schema.org/containedInPlace")) in onto
    assert (h.partnerOf, URIRef("https://schema.org/domainIncludes"), h.Province) in onto
    assert (h.partnerOf, URIRef("https://schema.org/rangeIncludes"), h.ForeignLocality) in onto
    assert (h.periodStart, ns.RDFS.range, ns.XSD.integer) in onto
    assert (h.signedOn, URIRef("https://schema.org/rangeIncludes"), ns.XSD.gYearMonth) in onto
    assert (h.quote, ns.RDF.type, ns.OWL.DatatypeProperty) in onto  # the provenance terms too


def test_hop_namespace_is_closed() -> None:
    assert hop("partnerOf") == HOP_NS + "partnerOf"
    with pytest.raises(SchemaError, match="hop:partnerof"):
        hop("partnerof")
    with pytest.raises(SchemaError, match="schema:AdministativeArea"):
        expand("schema:AdministativeArea")  # a typo in an alignment fails too


def test_every_term_the_data_uses_is_declared(corpus_graph: GraphData, onto: Graph) -> None:
    """Each hop: IRI in the corpus dataset is declared in the ontology (a typo in a term would fail)."""
    declared = {str(s) for s in onto.subjects() if str(s).startswith(HOP_NS)}
    words = (w for line in to_nquads(corpus_graph).splitlines() for w in line.split(" "))
    used = {w[1:-1] for w in words if w.startswith(f"<{HOP_NS}")}
    assert used and used <= declared


def test_ontology_is_built_from_the_schema_only() -> None:
    g = build_ontology()
    classes = {str(c) for c in g.subjects(ns.RDF.type, ns.OWL.Class)}
    schema = load_schema()
    assert classes == {expand(t.rdf.term) for t in [*schema.nodes.values(), *schema.abstract_types().values()]}
