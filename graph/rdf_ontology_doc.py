"""docs/ontology.md: the generated ontology as a readable page (written by `python -m graph.ontology`).

>>> "| `hop:Province` |" in render_markdown()
True
"""

from __future__ import annotations

from rdflib.namespace import RDF

from graph.ontology import aligned_terms, all_node_types, declared_here, own_term, property_uses
from graph.rdf_terms import PROVENANCE_TERMS
from graph.schema import Schema, load_schema


def curie(iri: str, schema: Schema | None = None) -> str:
    """`https://hoptac.org/ontology#Province` -> `hop:Province` (the schema's prefixes, plus rdf)."""
    namespaces = {**(schema or load_schema()).namespaces, "rdf": str(RDF)}
    for prefix, ns in sorted(namespaces.items(), key=lambda kv: -len(kv[1])):
        if iri.startswith(ns):
            return f"{prefix}:{iri[len(ns):]}"
    return f"<{iri}>"


MD_HEADER = """# The hoptac ontology

Generated from `graph/schema/` by `python -m graph.ontology` — do not edit by hand. The same content
as Turtle: [`ontology.ttl`](ontology.ttl); how the graph itself is written in RDF: [`rdf.md`](rdf.md).

Own namespace `hop:` = `https://hoptac.org/ontology#`; entities are `https://hoptac.org/id/<id>`.

How it is generated:

- one `owl:Class` per node type, abstract ones too; `rdfs:subClassOf` follows `extends`;
- one `owl:ObjectProperty` per edge type with `schema:domainIncludes` / `schema:rangeIncludes` from its
  endpoints (not `rdfs:domain`/`rdfs:range`: an edge type joins several classes, and a union domain
  would make a reasoner infer types nobody stated);
- one `owl:DatatypeProperty` per `hop:` property term, `rdfs:range` its XSD type (dates may be partial:
  `schema:rangeIncludes` xsd:date, xsd:gYearMonth, xsd:gYear) and `schema:domainIncludes` the classes
  that declare it (`rdf:Statement` for edge properties, which sit on the edge's statement resource);
- labels in Vietnamese (`@vi`) and English (`@en`); `rdfs:comment` from the descriptions; the schema's
  type name as `skos:notation` (`hop:partnerOf skos:notation "PARTNERS_WITH"`);
- alignments (`rdf.aligned` in the schema): a class is `rdfs:subClassOf` the aligned class (hoptac's
  types are narrower — a Vietnamese province is an administrative area, not the reverse — so
  `owl:equivalentClass` would claim too much); a property is `rdfs:subPropertyOf` the aligned one.
  Terms of other vocabularies the schema uses directly (e.g. `rdfs:label` for names) are listed at the
  end and not redeclared.
"""


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _md_classes(schema: Schema) -> list[str]:
    rows = ["## Classes", "", "| class | vi | en | subClassOf | description |", "|---|---|---|---|---|"]
    types = all_node_types(schema)
    for t in types.values():
        parents = ([types[t.extends].rdf.term] if t.extends else []) + t.rdf.aligned
        kind = " (abstract)" if t.abstract else ""
        rows.append(
            f"| `{t.rdf.term}`{kind} | {_cell(t.label.vi)} | {_cell(t.label.en)} | "
            f"{', '.join(f'`{p}`' for p in parents) or '—'} | {_cell(t.description.en)} |"
        )
    return rows


def _md_edges(schema: Schema) -> list[str]:
    rows = ["## Object properties (edge types)", "",
            "| property | edge type | vi | en | domainIncludes | rangeIncludes | subPropertyOf |",
            "|---|---|---|---|---|---|---|"]  # fmt: skip
    for e in schema.edges.values():
        sources = dict.fromkeys(schema.node(s).rdf.term for x in e.endpoints for s in x.source)
        targets = dict.fromkeys(
            "hop:Entity" if t == "*" else schema.node(t).rdf.term for x in e.endpoints for t in x.target
        )
        rows.append(
            f"| `{e.rdf.term}` | {e.name} | {_cell(e.label.vi)} | {_cell(e.label.en)} | "
            f"{', '.join(sources)} | {', '.join(targets)} | {', '.join(e.rdf.aligned) or '—'} |"
        )
    return rows


def _md_datatype(schema: Schema) -> list[str]:
    rows = ["## Datatype properties", "",
            "| property | type | vi | en | domainIncludes | subPropertyOf |", "|---|---|---|---|---|---|"]  # fmt: skip
    for term, use in property_uses(schema).items():
        aligned = aligned_terms(schema, term)
        rows.append(
            f"| `{term}` | {', '.join(sorted(use.types))} | {_cell(use.first.label.vi)} | "
            f"{_cell(use.first.label.en)} | {', '.join(curie(d, schema) for d in use.domains)} | "
            f"{', '.join(aligned) or '—'} |"
        )
    rows += ["", "### Provenance (on each `prov:Derivation` of a fact, see rdf.md)", "",
             "| property | type | vi | en | meaning |", "|---|---|---|---|---|"]  # fmt: skip
    for t in PROVENANCE_TERMS:
        rows.append(f"| `hop:{t.name}` | {t.range} | {t.vi} | {t.en} | {_cell(t.comment)} |")
    return rows


def _md_external(schema: Schema) -> list[str]:
    used: dict[str, list[str]] = {}
    declared = [(t.name, list(declared_here(schema, t))) for t in all_node_types(schema).values()]
    declared += [(e.name, list(e.properties.values())) for e in schema.edges.values()]
    for type_name, props in declared:
        for p in props:
            if not own_term(p.rdf.term):
                used.setdefault(p.rdf.term, []).append(f"{type_name}.{p.name}")
    rows = ["## Terms of other vocabularies used as they are", "", "| term | for |", "|---|---|"]
    rows += [f"| `{term}` | {', '.join(dict.fromkeys(where))} |" for term, where in sorted(used.items())]
    return rows


def render_markdown(schema: Schema | None = None) -> str:
    """docs/ontology.md."""
    schema = schema or load_schema()
    parts = [MD_HEADER, *_md_classes(schema), "", *_md_edges(schema), "", *_md_datatype(schema), "",
             *_md_external(schema)]  # fmt: skip
    return "\n".join(parts) + "\n"
