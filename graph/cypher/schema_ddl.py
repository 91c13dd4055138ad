"""Cypher DDL generated from the schema: typed tables for LadybugDB, id constraints/indexes for Bolt.

LadybugDB (the continuation of Kùzu) needs a typed node table per node type and a relationship
table per edge type listing every (source, target) pair the schema allows (`*` means every node
type). Neo4j gets a uniqueness constraint on `id` per label (and on the `Hoptac` marker label every
hoptac node carries) and a relationship index on `id` per type; FalkorDB, which has no Cypher
constraints, gets range indexes on the same properties.

>>> ddl = ladybug_ddl()
>>> [s for s in ddl if s.startswith("CREATE NODE TABLE Country(")][0][:60]
'CREATE NODE TABLE Country(id STRING PRIMARY KEY, type STRING'
>>> bolt_ddl("neo4j")[0]
'CREATE CONSTRAINT hoptac_id IF NOT EXISTS FOR (n:Hoptac) REQUIRE n.id IS UNIQUE'
"""

from __future__ import annotations

from typing import Literal

from graph.cypher.rows import Column, edge_columns, identifier, node_columns
from graph.schema import EdgeType, load_schema

MARKER_LABEL = "Hoptac"
Flavour = Literal["neo4j", "falkordb"]
LADYBUG_TYPES = {"string": "STRING", "integer": "INT64", "number": "DOUBLE", "boolean": "BOOLEAN", "date": "STRING"}


def ladybug_type(col: Column) -> str:
    base = LADYBUG_TYPES[col.type]
    return f"{base}[]" if col.multi else base


def endpoint_pairs(edge: EdgeType) -> list[tuple[str, str]]:
    """Every (source label, target label) an edge type allows, `*` expanded to all node types."""
    schema = load_schema()
    pairs: list[tuple[str, str]] = []
    for ends in edge.endpoints:
        targets = list(schema.nodes) if "*" in ends.target else ends.target
        for s in ends.source:
            for t in targets:
                pair = (schema.node(s).cypher_label, schema.node(t).cypher_label)
                if pair not in pairs:
                    pairs.append(pair)
    return pairs


def ladybug_ddl() -> list[str]:
    """CREATE NODE TABLE / CREATE REL TABLE statements for every schema type."""
    schema = load_schema()
    out = []
    for name, node in schema.nodes.items():
        cols = node_columns(name)
        body = ", ".join(f"{c.name} {ladybug_type(c)}" + (" PRIMARY KEY" if c.name == "id" else "") for c in cols)
        out.append(f"CREATE NODE TABLE {identifier(node.cypher_label)}({body})")
    for name, edge in schema.edges.items():
        pairs = ", ".join(f"FROM {s} TO {t}" for s, t in endpoint_pairs(edge))
        props = ", ".join(f"{c.name} {ladybug_type(c)}" for c in edge_columns(name))
        out.append(f"CREATE REL TABLE {identifier(edge.cypher_type)}({pairs}, {props})")
    return out


def bolt_ddl(flavour: Flavour) -> list[str]:
    """Id constraints (Neo4j) or indexes (FalkorDB) for every label and relationship type."""
    schema = load_schema()
    labels = [MARKER_LABEL, *(identifier(n.cypher_label) for n in schema.nodes.values())]
    types = [identifier(e.cypher_type) for e in schema.edges.values()]
    if flavour == "neo4j":
        return [
            f"CREATE CONSTRAINT hoptac_{'id' if lb == MARKER_LABEL else lb.lower() + '_id'} IF NOT EXISTS "
            f"FOR (n:{lb}) REQUIRE n.id IS UNIQUE"
            for lb in labels
        ] + [f"CREATE INDEX hoptac_rel_{t.lower()}_id IF NOT EXISTS FOR ()-[r:{t}]-() ON (r.id)" for t in types]
    return [f"CREATE INDEX FOR (n:{lb}) ON (n.id)" for lb in labels] + [
        f"CREATE INDEX FOR ()-[r:{t}]-() ON (r.id)" for t in types
    ]


def falkordb_index_key(statement: str) -> tuple[str, str]:
    """(entity type, label) an index statement from `bolt_ddl("falkordb")` creates, to skip existing ones."""
    if statement.startswith("CREATE INDEX FOR ()"):
        return "RELATIONSHIP", statement.split("[r:", 1)[1].split("]", 1)[0]
    return "NODE", statement.split("(n:", 1)[1].split(")", 1)[0]
