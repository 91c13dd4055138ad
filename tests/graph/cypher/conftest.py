"""The Cypher-engine fixtures (FalkorDB server, corpus graph, hand-stated snippets) for this folder."""

from tests.conftest_falkordb import falkordb_uri, query_corpus_graph, snippet_graph

__all__ = ["falkordb_uri", "query_corpus_graph", "snippet_graph"]
