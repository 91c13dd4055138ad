"""DDL generated from the schema: LadybugDB accepts it; Neo4j/FalkorDB statements cover every type."""

from __future__ import annotations

import ladybug as lb

from graph.cypher.schema_ddl import MARKER_LABEL, bolt_ddl, endpoint_pairs, falkordb_index_key, ladybug_ddl
from graph.schema import load_schema


def test_ladybug_accepts_the_generated_tables() -> None:
    conn = lb.Connection(lb.Database(":memory:"))
    for stmt in ladybug_ddl():
        conn.execute(stmt)
    result = conn.execute("CALL show_tables() RETURN name, type")
    tables = set()
    while result.has_next():
        name, kind = result.get_next()[:2]
        tables.add((name, kind))
    schema = load_schema()
    assert {(n.cypher_label, "NODE") for n in schema.nodes.values()} <= tables
    assert {(e.cypher_type, "REL") for e in schema.edges.values()} <= tables


def test_star_targets_expand_to_every_node_type() -> None:
    schema = load_schema()
    mentions = endpoint_pairs(schema.edge("MENTIONS"))
    assert {t for _, t in mentions} == {n.cypher_label for n in schema.nodes.values()}
    assert ("Province", "ForeignLocality") in endpoint_pairs(schema.edge("PARTNERS_WITH"))


def test_bolt_ddl_covers_every_label_and_type() -> None:
    schema = load_schema()
    neo, falkor = bolt_ddl("neo4j"), bolt_ddl("falkordb")
    assert len(neo) == len(falkor) == 1 + len(schema.nodes) + len(schema.edges)
    assert all("IF NOT EXISTS" in s for s in neo)
    assert f"FOR (n:{MARKER_LABEL}) REQUIRE n.id IS UNIQUE" in neo[0]
    keys = {falkordb_index_key(s) for s in falkor}
    assert ("NODE", "Province") in keys and ("RELATIONSHIP", "PARTNERS_WITH") in keys
