"""The Cypher projection of the graph (see docs/cypher.md).

- `rows`: node and relationship rows generated from the schema (evidence as parallel lists);
- `schema_ddl`: LadybugDB tables, Neo4j constraints and FalkorDB indexes generated from the schema;
- `ladybug_load`, `embedded`: `LadybugEngine`, the embedded engine (a file under the store);
- `bolt`, `batches`, `falkordb`: `BoltEngine` and `push` for Neo4j and FalkorDB over Bolt;
- `readonly`: the check that refuses write clauses before a query reaches any engine.
"""
