"""`docs/schema.md`, generated from the schema (a test checks the file is current).

Regenerate with `python -m graph.docs > docs/schema.md`.
"""

from __future__ import annotations

from graph.schema import EdgeType, NodeType, Schema, load_schema

HEADER = """# The hoptac schema

Generated from `graph/schema/` by `python -m graph.docs` — do not edit by hand; edit the YAML files.
One YAML file per node type (`graph/schema/nodes/`) and per edge type (`graph/schema/edges/`) declares
labels in Vietnamese and English, properties, endpoints, the RDF term (own namespace `hop:` plus
alignments) and the Cypher label. Every projection reads it from there.

Every node and edge also carries **evidence**: a list of `{document_id, source, section, start, end,
quote}` (plus `prop` when it supports one property), one per document that states the fact.
"""


def _mermaid(schema: Schema) -> list[str]:
    lines = ["```mermaid", "flowchart LR"]
    for name in schema.nodes:
        lines.append(f"  {name}[{name}<br/><i>{schema.node(name).label.vi}</i>]")
    for edge in schema.edges.values():
        for ends in edge.endpoints:
            targets = list(schema.nodes) if "*" in ends.target else ends.target
            if "*" in ends.target:
                continue  # MENTIONS goes to every type; drawn in the table only
            for s in ends.source:
                for t in targets:
                    lines.append(f"  {s} -->|{edge.name}| {t}")
    lines.append("```")
    return lines


def _props_table(t: NodeType | EdgeType) -> list[str]:
    if not t.properties:
        return ["", "_No properties._"]
    rows = ["", "| property | type | vi | en | RDF |", "|---|---|---|---|---|"]
    for p in t.properties.values():
        kind = p.type + ("[]" if p.multi else "") + (" (required)" if p.required else "")
        rdf = ", ".join([p.rdf.term, *p.rdf.aligned])
        rows.append(f"| `{p.name}` | {kind} | {p.label.vi} | {p.label.en} | {rdf} |")
    return rows


def render(schema: Schema) -> str:
    out = [HEADER, "## Diagram", "", *_mermaid(schema), "", "## Node types"]
    for n in schema.nodes.values():
        out += [
            "", f"### {n.name} — {n.label.vi}", "", n.description.en, "",
            f"- Cypher label: `{n.cypher_label}`; id: `{n.id_prefix}/…`",
            f"- RDF: `{n.rdf.term}` aligned to {', '.join(f'`{a}`' for a in n.rdf.aligned) or '—'}",
            f"- extends: {' → '.join(schema.ancestors(n.name)) or '—'}",
        ]  # fmt: skip
        out += _props_table(n)
    out += ["", "## Edge types"]
    for e in schema.edges.values():
        ends = "; ".join(f"{'|'.join(x.source)} → {'|'.join(x.target)}" for x in e.endpoints)
        out += [
            "", f"### {e.name} — {e.label.vi}", "", e.description.en, "",
            f"- endpoints: {ends}",
            f"- RDF: `{e.rdf.term}` aligned to {', '.join(f'`{a}`' for a in e.rdf.aligned) or '—'}",
        ]  # fmt: skip
        out += _props_table(e)
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    print(render(load_schema()), end="")
