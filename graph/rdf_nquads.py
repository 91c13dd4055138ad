"""The graph as N-Quads: the one place the RDF shape is written (see docs/rdf.md).

`to_dataset` parses this output into rdflib, and Oxigraph bulk-loads it, so both see the same quads.

- Default graph: the schema's type names (`hop:partnerOf skos:notation "PARTNERS_WITH"`), and the
  merged, consolidated graph — every node (`rdf:type`, properties, `owl:sameAs` its
  ISO 3166 IRI), every edge as a triple `<source> <predicate> <target>` and as a statement resource
  `<https://hoptac.org/id/<edge id>>` (`rdf:subject`, `rdf:predicate`, `rdf:object`, the edge's own
  properties).
- One named graph per source (its IRI is the document's entity IRI; gazetteer files too): the facts
  that source's evidence supports (the node's type or the edge's triple; all properties when the
  evidence names none, else the properties it names), `<fact> prov:wasDerivedFrom <document>`, and
  one `prov:qualifiedDerivation` per piece of evidence with `prov:entity`, `hop:section`,
  `hop:start`, `hop:end`, `hop:quote`, `hop:source` and `hop:supports`.

>>> from graph.model import Evidence, GraphData, NodeFact
>>> ev = Evidence("document/d1", "a.txt", "II.1", 0, 5, "Lào", None)
>>> text = to_nquads(GraphData.merge([NodeFact("country/LA", "Country", {"name": "Lào"}, (ev,))]))
>>> '<https://hoptac.org/id/country/LA> <http://www.w3.org/2000/01/rdf-schema#label> "Lào" .' in text
True
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, TextIO

from rdflib.namespace import OWL, PROV, RDF, SKOS

from graph.errors import SchemaError
from graph.model import Edge, Evidence, GraphData, Node
from graph.rdf_mapping import VI_SUFFIX, RdfMapping, TypeTerms, rdf_mapping
from graph.rdf_terms import ISO_CODE_PROPERTIES, entity_iri, evidence_iri, hop, iso_iri
from graph.rdf_values import nquads_literal, to_literal


def _i(iri: str) -> str:
    return f"<{iri}>"


TYPE, STATEMENT = _i(str(RDF.type)), _i(str(RDF.Statement))
SUBJECT, PREDICATE, OBJECT = _i(str(RDF.subject)), _i(str(RDF.predicate)), _i(str(RDF.object))
SAME_AS, NOTATION = _i(str(OWL.sameAs)), _i(str(SKOS.notation))
DERIVED, QUALIFIED, ENTITY = _i(str(PROV.wasDerivedFrom)), _i(str(PROV.qualifiedDerivation)), _i(str(PROV.entity))

# (predicate, object) pairs: what is said about one subject
PO = list[tuple[str, str]]


class _Provenance:
    """The provenance predicates, resolved once through the closed `hop:` namespace."""

    def __init__(self) -> None:
        self.section, self.start, self.end = _i(hop("section")), _i(hop("start")), _i(hop("end"))
        self.quote, self.source, self.supports = _i(hop("quote")), _i(hop("source")), _i(hop("supports"))


def _prop_objects(terms: TypeTerms, props: dict[str, Any], fact_id: str) -> dict[str, PO]:
    """Each property's (predicate, object) pairs, in N-Quads syntax."""
    out: dict[str, PO] = {}
    for name, value in props.items():
        term = terms.props.get(name)
        if term is None or value is None:
            continue  # properties outside the schema are not projected (as in every projection)
        lang = term.lang or ("vi" if value == props.get(name + VI_SUFFIX) else None)
        values = value if isinstance(value, list | tuple) else [value]
        try:
            pred = _i(term.iri)
            out[name] = [(pred, nquads_literal(to_literal(v, term.type, lang))) for v in values if v is not None]
        except SchemaError as exc:
            raise SchemaError(f"{fact_id}: property {name!r}: {exc}") from None
    return out


def _supported(terms: TypeTerms, evidence: list[Evidence], all_props: dict[str, PO]) -> PO:
    """What a document's evidence supports: every property if one piece names none, else those named."""
    if any(not ev.prop for ev in evidence):
        return [po for pos in all_props.values() for po in pos]
    out: PO = []
    for ev in evidence:
        key, eq, value = str(ev.prop).partition("=")
        term = terms.props.get(key)
        if term is None:
            continue
        if not eq:
            out.extend(all_props.get(key, []))
            continue
        try:
            out.append((_i(term.iri), nquads_literal(to_literal(value, term.type))))
        except SchemaError:
            continue  # evidence for a value the property cannot hold: kept in hop:supports only
    return list(dict.fromkeys(out))


def _by_document(evidence: list[Evidence]) -> dict[str, list[tuple[int, Evidence]]]:
    out: dict[str, list[tuple[int, Evidence]]] = {}
    for i, ev in enumerate(evidence):
        out.setdefault(ev.document_id, []).append((i, ev))
    return out


def _named(
    fact_iri: str, head: list[str], terms: TypeTerms, evidence: list[Evidence], props: dict[str, PO], p: _Provenance
) -> Iterator[str]:
    """The named-graph quads of one fact: what each source supports, and its evidence."""
    s = _i(fact_iri)
    for doc_id, items in _by_document(evidence).items():
        g = _i(entity_iri(doc_id))
        for triple in head:
            yield f"{triple} {g} .\n"
        for pred, obj in _supported(terms, [ev for _, ev in items], props):
            yield f"{s} {pred} {obj} {g} .\n"
        yield f"{s} {DERIVED} {g} {g} .\n"
        for i, ev in items:
            d = _i(evidence_iri(fact_iri, i))
            yield f"{s} {QUALIFIED} {d} {g} .\n{d} {ENTITY} {g} {g} .\n"
            if ev.section is not None:
                yield f"{d} {p.section} {nquads_literal(to_literal(ev.section))} {g} .\n"
            yield f"{d} {p.start} {nquads_literal(to_literal(ev.start, 'integer'))} {g} .\n"
            yield f"{d} {p.end} {nquads_literal(to_literal(ev.end, 'integer'))} {g} .\n"
            yield f"{d} {p.quote} {nquads_literal(to_literal(ev.quote))} {g} .\n"
            yield f"{d} {p.source} {nquads_literal(to_literal(ev.source))} {g} .\n"
            if ev.prop:
                yield f"{d} {p.supports} {nquads_literal(to_literal(ev.prop))} {g} .\n"


def _node(n: Node, m: RdfMapping, p: _Provenance) -> Iterator[str]:
    terms = m.node(n.type)
    iri = entity_iri(n.id)
    s = _i(iri)
    head = f"{s} {TYPE} {_i(terms.iri)}"
    yield head + " .\n"
    props = _prop_objects(terms, n.props, n.id)
    for pos in props.values():
        for pred, obj in pos:
            yield f"{s} {pred} {obj} .\n"
    for name in ISO_CODE_PROPERTIES:
        code = n.props.get(name)
        if isinstance(code, str) and code:
            yield f"{s} {SAME_AS} {_i(iso_iri(code))} .\n"
    yield from _named(iri, [head], terms, n.evidence, props, p)


def _edge(e: Edge, m: RdfMapping, p: _Provenance) -> Iterator[str]:
    terms = m.edge(e.type)
    iri = entity_iri(e.id)
    s, src, pred, dst = _i(iri), _i(entity_iri(e.source)), _i(terms.iri), _i(entity_iri(e.target))
    triple = f"{src} {pred} {dst}"
    yield (
        f"{triple} .\n{s} {TYPE} {STATEMENT} .\n"
        f"{s} {SUBJECT} {src} .\n{s} {PREDICATE} {pred} .\n{s} {OBJECT} {dst} .\n"
    )
    props = _prop_objects(terms, e.props, e.id)
    for pos in props.values():
        for ppred, obj in pos:
            yield f"{s} {ppred} {obj} .\n"
    yield from _named(iri, [triple], terms, e.evidence, props, p)


def _schema_notations(m: RdfMapping) -> Iterator[str]:
    """`<class or predicate> skos:notation "TypeName"`: lets queries name a fact's schema type."""
    for terms in [*m.nodes.values(), *m.edges.values()]:
        yield f"{_i(terms.iri)} {NOTATION} {nquads_literal(to_literal(terms.name))} .\n"


def iter_nquads(g: GraphData) -> Iterator[str]:
    """N-Quads lines (each ends with a newline; some items hold several lines): the schema's type
    names, nodes, then edges."""
    m, p = rdf_mapping(), _Provenance()
    yield from _schema_notations(m)
    for n in g.nodes.values():
        yield from _node(n, m, p)
    for e in g.edges.values():
        yield from _edge(e, m, p)


def to_nquads(g: GraphData) -> str:
    """The whole dataset as one N-Quads string."""
    return "".join(iter_nquads(g))


def write_nquads(g: GraphData, out: TextIO) -> None:
    """Stream the dataset as N-Quads to a text file."""
    out.writelines(iter_nquads(g))
