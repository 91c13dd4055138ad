"""The graph as an RDF dataset (rdflib) and back — paired converters, like `graph/nx.py`.

The shape (default graph = the merged graph; one named graph per source document with what it
supports and the evidence as PROV-O qualified derivations) is written in one place,
`graph/rdf_nquads.py`, and documented in docs/rdf.md. Oxigraph loads the same N-Quads
(`graph/sparql.py`); rdflib is used for the model and serialisation only.

`from_dataset(to_dataset(g))` gives `g` back, except that multi-valued properties come back sorted
and an empty list as no value (RDF values are sets, not lists).

>>> from graph.model import EdgeFact, Evidence, GraphData, NodeFact
>>> ev = Evidence("document/d1", "a.txt", "II.1", 0, 11, "Xay Sổm Bun", "status=signed")
>>> g = GraphData.merge([
...     NodeFact("province/VN-54", "Province", {"name": "Bắc Giang"}, (ev,)),
...     NodeFact("foreign/LA-XS", "ForeignLocality", {"name": "Xaisomboun"}, (ev,)),
...     EdgeFact("pw/1", "PARTNERS_WITH", "province/VN-54", "foreign/LA-XS", {"status": "signed"}, (ev,)),
... ])
>>> from_dataset(to_dataset(g)) == g
True
"""

from __future__ import annotations

import warnings
from collections import defaultdict
from typing import Any

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF
from rdflib.term import Node as RdfNode

from graph.errors import SchemaError
from graph.model import Edge, Evidence, GraphData, Node
from graph.rdf_mapping import TypeTerms, rdf_mapping
from graph.rdf_nquads import to_nquads
from graph.rdf_terms import EXTERNAL, HOP_NS, ID_NS, entity_id, evidence_index, hop
from graph.rdf_values import Lit, from_literal
from graph.schema import load_schema


def bind_prefixes(graph: Graph) -> None:
    """The schema's prefixes (hop, hopid, schema, org, prov, ...) for readable serialisations."""
    for prefix, ns in load_schema().namespaces.items():
        graph.bind(prefix, ns, override=True, replace=True)
    graph.bind("rdf", str(EXTERNAL["rdf"]))


def to_dataset(g: GraphData) -> Dataset:
    """The graph as an rdflib Dataset (see docs/rdf.md for the shape)."""
    ds = Dataset()
    bind_prefixes(ds)
    with warnings.catch_warnings():
        # rdflib 7.6's own N-Quads parser still calls its deprecated Dataset.default_context
        warnings.filterwarnings("ignore", category=DeprecationWarning, module="rdflib")
        ds.parse(data=to_nquads(g), format="nquads")
    return ds


def _value(term: RdfNode) -> Any:
    if isinstance(term, Literal):
        return from_literal(Lit(str(term), str(term.datatype) if term.datatype else None, term.language))
    if isinstance(term, URIRef) and str(term).startswith(ID_NS):
        return entity_id(str(term))
    return str(term)


def _props(graph: Graph, subject: URIRef, terms: TypeTerms) -> dict[str, Any]:
    values: dict[str, list[Any]] = defaultdict(list)
    for pred, obj in graph.predicate_objects(subject):
        term = terms.by_iri.get(str(pred))
        if term is not None:
            values[term.name].append(_value(obj))
    return {
        name: sorted(vs, key=lambda v: (type(v).__name__, v)) if terms.props[name].multi else vs[0]
        for name, vs in values.items()
    }


def _evidence(ds: Dataset) -> dict[str, list[tuple[int, Evidence]]]:
    """Every fact's evidence from the named graphs, with its position."""
    p = {k: URIRef(hop(k)) for k in ("section", "start", "end", "quote", "source", "supports")}
    out: dict[str, list[tuple[int, Evidence]]] = defaultdict(list)
    for graph in ds.graphs():
        for fact, _, d in graph.triples((None, PROV.qualifiedDerivation, None)):
            index = evidence_index(str(d))
            doc = graph.value(d, PROV.entity)
            if index is None or doc is None:
                raise SchemaError(f"{d}: evidence without a position or a document (prov:entity)")

            def one(key: str, d: RdfNode = d, graph: Graph = graph) -> Any:
                v = graph.value(d, p[key])
                return None if v is None else _value(v)

            ev = Evidence(
                entity_id(str(doc)), one("source") or "", one("section"), one("start"), one("end"),
                one("quote") or "", one("supports"),
            )  # fmt: skip
            out[str(fact)].append((index, ev))
    return out


def from_dataset(ds: Dataset) -> GraphData:
    """The inverse of `to_dataset`: nodes and edges from the default graph, evidence from the named ones."""
    m = rdf_mapping()
    default = ds.default_graph
    evidence = _evidence(ds)
    g = GraphData()

    def ev_of(iri: URIRef) -> list[Evidence]:
        return [ev for _, ev in sorted(evidence.get(str(iri), []), key=lambda x: x[0])]

    for s, _, cls in default.triples((None, RDF.type, None)):
        if not isinstance(s, URIRef) or not str(s).startswith(ID_NS):
            continue
        if cls == RDF.Statement:
            edge_type = m.edge_by_iri.get(str(default.value(s, RDF.predicate)))
            src, dst = default.value(s, RDF.subject), default.value(s, RDF.object)
            if edge_type is None or src is None or dst is None:
                raise SchemaError(f"{s}: a statement without a known predicate, subject or object")
            terms = m.edges[edge_type]
            e = Edge(entity_id(str(s)), edge_type, _value(src), _value(dst), _props(default, s, terms), ev_of(s))
            g.edges[e.id] = e
        elif str(cls) in m.node_by_iri:
            terms = m.nodes[m.node_by_iri[str(cls)]]
            n = Node(entity_id(str(s)), terms.name, _props(default, s, terms), ev_of(s))
            g.nodes[n.id] = n
    return g


__all__ = ["HOP_NS", "ID_NS", "bind_prefixes", "from_dataset", "to_dataset", "to_nquads"]
