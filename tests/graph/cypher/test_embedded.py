"""The embedded LadybugDB engine: every named query answers with the catalog's columns; values survive
the CSV bulk load exactly; the database under a store is rebuilt only when the store changed."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.cypher.embedded import DB_FILE, FOLDER, LadybugEngine
from graph.cypher.rows import node_row
from graph.errors import QueryError
from graph.model import Evidence, GraphData, NodeFact
from graph.queries import catalog, get_query, run
from graph.store import DocumentRecord, Store


@pytest.fixture(scope="module")
def engine(query_corpus_graph: GraphData) -> LadybugEngine:
    return LadybugEngine.from_graph(query_corpus_graph)


def test_every_named_query_answers_with_its_columns(engine: LadybugEngine, query_corpus_graph: GraphData) -> None:
    for name, q in catalog().items():
        params = {p.name: p.example for p in q.params.values() if p.required}
        rows = run(name, params, engine, query_corpus_graph)
        assert all(tuple(r) == q.columns for r in rows), name
    assert run("partners_of", {"place": "province/VN-54"}, engine)  # the corpus has Bắc Giang's partners


def test_values_survive_the_bulk_load_exactly() -> None:
    tricky = ["", "a,b", 'say "xin chào"', "it's", "back\\slash", "dòng 1\ndòng 2", "[x]", "~", "Xay Sổm Bun"]
    ev = tuple(Evidence("document/d", "002.txt", sec, 1, 9, q) for sec, q in [(None, tricky[5]), ("II.2.7", "")])
    facts = [
        NodeFact("foreign/LA-XS", "ForeignLocality", {"name": "Xaisomboun", "aliases": tricky, "level": ""}, ev),
        NodeFact("foreign/LA-AT", "ForeignLocality", {"name": "Attapeu", "aliases": []}),
        NodeFact("foreign/LA-CH", "ForeignLocality", {"name": "Champasak", "aliases": [""]}),
        NodeFact("activity/x", "Activity", {"name": "x", "years": [2022, 2023], "quantities": ["02 đoàn"]}),
        NodeFact("document/d", "Document", {"name": "d", "stub": True, "date": "2024-06"}),
    ]
    g = GraphData.merge(facts)
    with LadybugEngine.from_graph(g) as eng:
        for n in g.nodes.values():
            expected = node_row(n)
            [got] = eng.query(f"MATCH (n:{n.type}) WHERE n.id = $id RETURN n.*", {"id": n.id})
            assert {k.removeprefix("n."): v for k, v in got.items()} == expected, n.id


def test_malformed_and_writing_queries_are_clear_errors(engine: LadybugEngine) -> None:
    with pytest.raises(QueryError, match=r"LadybugDB: Parser exception: .*\(line: 1, offset: 0\)"):
        engine.query("MATC (n) RETURN n")
    with pytest.raises(QueryError, match="refused: CREATE writes"):
        engine.query("CREATE (n:Province {id: 'x'})")
    with pytest.raises(QueryError, match="Binder exception"):
        engine.query("MATCH (n:Planet) RETURN n")


def _record(n: int) -> DocumentRecord:
    doc_id = f"document/{n:016d}"
    facts = [NodeFact(doc_id, "Document", {"name": f"Thông báo {n}", "doc_type": "Thông báo"})]
    return DocumentRecord(doc_id, f"{n}.txt", f"{n:064d}", "txt", "THÔNG BÁO", {}, {}, facts=list(facts))


def test_the_store_database_is_rebuilt_only_when_the_store_changed(tmp_path: Path) -> None:
    count = "MATCH (d:Document) RETURN count(*) AS n"
    with Store(tmp_path / "store") as st:
        st.put(_record(1), "test")
        with LadybugEngine.for_store(st) as eng:
            assert eng.query(count) == [{"n": 1}]
        db = tmp_path / "store" / FOLDER / DB_FILE
        built = db.stat().st_mtime_ns
        with LadybugEngine.for_store(st) as eng:
            assert eng.query(count) == [{"n": 1}]
        assert db.stat().st_mtime_ns == built
        st.put(_record(2), "test")
        with LadybugEngine.for_store(st) as eng:
            assert eng.query(count) == [{"n": 2}]
            with pytest.raises(RuntimeError, match=r"read-only|read only"):  # opened read-only: the engine refuses too
                eng._conn.execute("CREATE (n:Country {id: 'country/XX'})")
        assert db.stat().st_mtime_ns != built


def test_named_query_text_is_the_file(engine: LadybugEngine) -> None:
    q = get_query("agreements_in_force")
    assert engine.run_named(q, {"year": 1900}) == []
