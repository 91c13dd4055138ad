"""The graph as an RDF dataset: the round trip, one named graph per source, typed literals, ISO
3166 IRIs, provenance as PROV-O qualified derivations, and the whole-graph exports."""

from __future__ import annotations

import io
import json
from copy import deepcopy

import networkx as nx
import pyoxigraph
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Dataset, Literal, URIRef
from rdflib import namespace as ns

from graph.errors import InputError, SchemaError
from graph.model import EdgeFact, Evidence, GraphData, NodeFact
from graph.rdf import from_dataset, to_dataset
from graph.rdf_export import graph_bytes
from graph.rdf_nquads import to_nquads
from graph.rdf_terms import ID_NS, entity_id, entity_iri, hop, iso_iri
from graph.sparql import SparqlEngine
from tests.graph.conftest import doc_id_of

EV_A = Evidence("document/a1", "examples/a.txt", "II.6.2", 120, 131, "Xay Sổm Bun", None)
EV_A_STATUS = Evidence("document/a1", "examples/a.txt", "II.6.2", 100, 140, "đã ký Thỏa thuận", "status=signed")
EV_B = Evidence("document/b2", "examples/b.txt", None, 5, 16, 'Xay Sôm Bun "quoted"\nnext line', "name")
EV_GAZ = Evidence("gazetteer/vn_mergers_2025", "ingest/gazetteer/data/vn_mergers_2025.tsv", "VN-54", 0, 0,
                  "VN-54 Bắc Giang → VN2025-24 Bắc Ninh (2025-07-01)")  # fmt: skip


def small_graph() -> GraphData:
    """Every kind of value: partial dates, integers, booleans, lists, Vietnamese names, odd ids."""
    return GraphData.merge([
        NodeFact("province/VN-54", "Province", {"name": "Bắc Giang", "name_vi": "Bắc Giang", "iso3166_2": "VN-54",
                 "country": "VN", "level": "province", "aliases": ["Tỉnh Bắc Giang", "Bac Giang"]}, (EV_A, EV_GAZ)),
        NodeFact("province/VN2025-24", "Province", {"name": "Bắc Ninh", "valid_until": "2030"}, (EV_GAZ,)),
        NodeFact("foreign/LA-XS", "ForeignLocality", {"name": "Xaisomboun", "country": "LA"}, (EV_A, EV_B)),
        NodeFact("document/a1", "Document", {"name": "Kế hoạch", "date": "2022-08", "stub": False,
                 "title": "Thực hiện Thỏa thuận", "source": "examples/a.txt"}, (EV_A,)),
        NodeFact("document/b2", "Document", {"name": "Thông báo", "date": "2024-06-09"}, (EV_B,)),
        NodeFact("activity/x y#1%", "Activity", {"name": "Trao đổi đoàn", "years": [2023, 2021]}, (EV_B,)),
        EdgeFact("partners_with/1", "PARTNERS_WITH", "province/VN-54", "foreign/LA-XS",
                 {"status": "signed", "statuses": ["signed", "proposed"], "period_start": 2021, "period_end": 2025,
                  "signed_on": "2021-08-09"}, (EV_A, EV_A_STATUS, EV_B)),
        EdgeFact("succeeded_by/1", "SUCCEEDED_BY", "province/VN-54", "province/VN2025-24", {"date": "2025-07-01"},
                 (EV_GAZ,)),
        EdgeFact("mentions/1", "MENTIONS", "document/b2", "activity/x y#1%", {}, ()),
    ])  # fmt: skip


def sorted_lists(g: GraphData) -> GraphData:
    """`g` with multi-valued properties sorted and empty ones dropped: RDF values are sets."""
    out = deepcopy(g)
    for item in [*out.nodes.values(), *out.edges.values()]:
        item.props = {k: sorted(v) if isinstance(v, list) else v for k, v in item.props.items() if v != []}
    return out


def test_round_trip_small_graph() -> None:
    g = small_graph()
    back = from_dataset(to_dataset(g))
    assert back.nodes == sorted_lists(g).nodes
    assert back.edges == sorted_lists(g).edges


def test_round_trip_corpus(corpus_graph: GraphData) -> None:
    back = from_dataset(to_dataset(corpus_graph))
    expected = sorted_lists(corpus_graph)
    assert back.nodes == expected.nodes
    assert back.edges == expected.edges


def test_one_named_graph_per_source_document(corpus_graph: GraphData) -> None:
    ds = to_dataset(corpus_graph)
    names = {str(gr.identifier) for gr in ds.graphs() if gr.identifier != ds.default_graph.identifier}
    facts = [*corpus_graph.nodes.values(), *corpus_graph.edges.values()]
    sources = {ev.document_id for x in facts for ev in x.evidence}
    assert names == {entity_iri(d) for d in sources}
    assert entity_iri("gazetteer/vn_mergers_2025") in names  # gazetteer evidence has its own graph


def test_graph_doc_answers_under_which_document(corpus_graph: GraphData, corpus_engine: SparqlEngine) -> None:
    """Bắc Giang – Xay Sổm Bun is stated by corpus documents 000, 002 and 004."""
    a, b = (pyoxigraph.NamedNode(entity_iri(i)) for i in ("province/VN-54", "foreign/LA-XS"))
    rows = corpus_engine.query("SELECT DISTINCT ?doc WHERE { GRAPH ?doc { ?a hop:partnerOf ?b } }", {"a": a, "b": b})
    assert {r["doc"] for r in rows} == {doc_id_of(corpus_graph, p) for p in ("000", "002", "004")}


def test_named_graph_states_what_its_evidence_supports() -> None:
    ds = to_dataset(small_graph())
    a1, b2 = ds.graph(URIRef(entity_iri("document/a1"))), ds.graph(URIRef(entity_iri("document/b2")))
    edge, la = URIRef(entity_iri("partners_with/1")), URIRef(entity_iri("foreign/LA-XS"))
    # document a1 supports the whole edge (one piece of evidence names no property) and says "signed"
    assert (edge, URIRef(hop("periodStart")), Literal(2021)) in a1
    assert (edge, URIRef(hop("status")), Literal("signed")) in a1
    # document b2 only supports the foreign unit's name: no other property of it in b2's graph
    assert (la, URIRef("http://www.w3.org/2000/01/rdf-schema#label"), Literal("Xaisomboun")) in b2
    assert (la, URIRef(hop("countryCode")), None) not in b2
    assert (la, URIRef(hop("countryCode")), Literal("LA")) in a1


def test_literals_are_typed_and_units_same_as_iso() -> None:
    ds = to_dataset(small_graph())
    d = ds.default_graph
    vn54, edge = URIRef(entity_iri("province/VN-54")), URIRef(entity_iri("partners_with/1"))
    assert (edge, URIRef(hop("periodStart")), Literal("2021", datatype=ns.XSD.integer)) in d
    assert (edge, URIRef(hop("signedOn")), Literal("2021-08-09", datatype=ns.XSD.date)) in d
    assert (URIRef(entity_iri("document/a1")), None, Literal("2022-08", datatype=ns.XSD.gYearMonth)) in d
    assert (URIRef(entity_iri("province/VN2025-24")), None, Literal("2030", datatype=ns.XSD.gYear)) in d
    assert (vn54, URIRef(hop("nameVi")), Literal("Bắc Giang", lang="vi")) in d
    assert (vn54, ns.OWL.sameAs, URIRef("https://www.iso.org/obp/ui/#iso:code:3166:VN-54")) in d
    assert (edge, ns.RDF.subject, vn54) in d and (edge, ns.RDF.predicate, URIRef(hop("partnerOf"))) in d


def test_evidence_is_a_qualified_derivation() -> None:
    rows = SparqlEngine.from_graph(small_graph()).query("""
        SELECT ?doc ?section ?start ?end ?quote ?supports WHERE {
          GRAPH ?doc { ?e prov:qualifiedDerivation ?d . ?d prov:entity ?doc ; hop:start ?start ; hop:end ?end ;
                       hop:quote ?quote . OPTIONAL { ?d hop:section ?section } OPTIONAL { ?d hop:supports ?supports } }
        }""", {"e": pyoxigraph.NamedNode(entity_iri("partners_with/1"))})  # fmt: skip
    got = {tuple(r.values()) for r in rows}
    assert got == {
        (ev.document_id, ev.section, ev.start, ev.end, ev.quote, ev.prop) for ev in (EV_A, EV_A_STATUS, EV_B)
    }


def test_properties_outside_the_schema_are_not_projected_and_bad_values_are_named() -> None:
    g = GraphData.merge([NodeFact("country/LA", "Country", {"name": "Lào", "not_in_schema": "x"})])
    assert "not_in_schema" not in to_nquads(g)
    bad = GraphData.merge([NodeFact("agreement/1", "Agreement", {"name": "A", "period_start": "soon"})])
    with pytest.raises(SchemaError, match=r"agreement/1.*period_start"):
        to_nquads(bad)


@given(st.text(min_size=1, max_size=40))
def test_any_id_makes_a_valid_iri_and_comes_back(text: str) -> None:
    iri = entity_iri(text)
    assert pyoxigraph.NamedNode(iri).value == iri  # Oxigraph validates IRIs
    assert iri.startswith(ID_NS) and entity_id(iri) == text


def test_iso_iri_scheme() -> None:
    assert iso_iri("LA") == "https://www.iso.org/obp/ui/#iso:code:3166:LA"


@pytest.mark.filterwarnings("ignore::DeprecationWarning:rdflib")
def test_nquads_parse_alike_in_rdflib_and_oxigraph(corpus_graph: GraphData) -> None:
    text = to_nquads(corpus_graph)
    ox = pyoxigraph.Store()
    ox.bulk_load(text.encode(), pyoxigraph.RdfFormat.N_QUADS)
    ds = Dataset()
    ds.parse(data=text, format="nquads")
    assert len(ox) == sum(len(graph) for graph in ds.graphs()) > 5_000


@pytest.mark.filterwarnings("ignore::DeprecationWarning:rdflib")  # rdflib's own parsers and serialisers
@pytest.mark.parametrize("fmt", ["trig", "nquads", "jsonld"])
def test_dataset_exports_parse_back(fmt: str) -> None:
    g = small_graph()
    ds = Dataset()
    ds.parse(data=graph_bytes(g, fmt), format={"jsonld": "json-ld"}.get(fmt, fmt))
    assert from_dataset(ds).edges == sorted_lists(g).edges


@pytest.mark.filterwarnings("ignore::DeprecationWarning:rdflib")
def test_turtle_export_is_the_merged_graph() -> None:
    g = small_graph()
    ds = Dataset()
    ds.default_graph.parse(data=graph_bytes(g, "turtle"), format="turtle")
    back = from_dataset(ds)
    assert back.nodes.keys() == g.nodes.keys() and back.edges.keys() == g.edges.keys()
    assert all(not n.evidence for n in back.nodes.values())  # provenance lives in the named graphs


def test_graphml_export_flattens_lists_and_evidence() -> None:
    G = nx.read_graphml(io.BytesIO(graph_bytes(small_graph(), "graphml")))
    attrs = G.nodes["province/VN-54"]
    assert attrs["type"] == "Province" and json.loads(attrs["aliases"]) == ["Tỉnh Bắc Giang", "Bac Giang"]
    assert json.loads(attrs["evidence"])[0] == EV_A.to_json()
    (edge,) = [d for _, _, d in G.edges(data=True) if d["type"] == "PARTNERS_WITH"]
    assert edge["period_start"] == 2021 and json.loads(edge["statuses"]) == ["signed", "proposed"]


def test_an_unknown_export_format_is_an_input_error() -> None:
    with pytest.raises(InputError, match=r"rdfxml.*trig, nquads, turtle, jsonld, graphml"):
        graph_bytes(small_graph(), "rdfxml")


@pytest.mark.filterwarnings("ignore::DeprecationWarning:rdflib")
@settings(max_examples=100, deadline=None)
@given(st.text(min_size=1))
def test_any_text_value_survives_both_parsers(text: str) -> None:
    g = GraphData.merge([NodeFact("country/LA", "Country", {"name": text}, (EV_A._replace(quote=text),))])
    back = from_dataset(to_dataset(g))
    assert back.nodes["country/LA"].props["name"] == text and back.nodes["country/LA"].evidence[0].quote == text
    rows = SparqlEngine.from_graph(g).query("SELECT ?n WHERE { ?c rdfs:label ?n }")
    assert rows == [{"n": text}]
