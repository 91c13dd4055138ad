"""The store's merged `items` table (graph.store_items): whatever documents are put, replaced and
removed, loading the graph from it gives exactly the graph of merging every stored fact — the same
properties, in the same order, with the same evidence in the same order."""

from __future__ import annotations

import copy
import itertools
import sqlite3
import tempfile
import threading
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from graph.consolidate import consolidate
from graph.model import EdgeFact, Evidence, Fact, GraphData, NodeFact
from graph.store import DB_NAME, DocumentRecord, Store

# A few items, each stated with one of a few property sets: scalars (first value wins) and lists (union).
PROPS: list[dict[str, Any]] = [
    {},
    {"name": "Xay Sổm Bun"},
    {"name": "Xaisomboun", "aliases": ["XSB"]},
    {"aliases": ["Xiêng Khoảng", "XSB"]},
]
ITEMS = ["foreign/LA-XS", "foreign/LA-XI", "province/VN-54"]

doc_facts = st.lists(st.tuples(st.sampled_from(ITEMS), st.sampled_from(range(len(PROPS)))), max_size=4)
Operation = tuple[str, str, list[tuple[str, int]]]
operation: st.SearchStrategy[Operation] = st.one_of(
    st.tuples(st.just("put"), st.sampled_from(["a.txt", "b.txt", "c.txt", "d.txt"]), doc_facts),
    st.tuples(st.just("remove"), st.sampled_from(["a.txt", "b.txt", "c.txt", "d.txt"]), st.just([])),
)


def make_record(source: str, stated: list[tuple[str, int]], version: int) -> DocumentRecord:
    text = f"{source} {version} {stated}"
    doc_id = f"document/{abs(hash(text)) % 10**12:012d}"
    ev = Evidence(doc_id, source, "I.1", 0, len(text), text)
    facts: list[Fact] = [NodeFact(doc_id, "Document", {"name": source}, (ev,))]
    for item, p in dict(stated).items():
        facts.append(NodeFact(item, "ForeignLocality", dict(PROPS[p]), (ev._replace(prop="name"),)))
        facts.append(EdgeFact(f"mentions/{doc_id}/{item}", "MENTIONS", doc_id, item, {}, (ev,)))
        facts.append(EdgeFact(f"part_of/{item}", "PART_OF", item, "country/LA", dict(PROPS[p]), (ev,)))
    return DocumentRecord(
        id=doc_id, source=source, sha256=text, format="txt", text=text, meta={}, structure={}, facts=facts
    )


def assert_same_graph(loaded: GraphData, merged: GraphData) -> None:
    assert list(loaded.nodes) == sorted(loaded.nodes) and list(loaded.edges) == sorted(loaded.edges)  # id order
    assert loaded.nodes == merged.nodes  # properties and evidence, in order
    assert loaded.edges == merged.edges
    stating = {i.id: i.documents_stating for i in [*loaded.nodes.values(), *loaded.edges.values()]}
    assert stating == {i.id: i.documents_stating for i in [*merged.nodes.values(), *merged.edges.values()]}


@settings(max_examples=60, deadline=None)
@given(st.lists(operation, min_size=1, max_size=8))
def test_items_follow_every_put_and_remove(ops: list[Operation]) -> None:
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp)) as store:
        for version, (op, source, stated) in enumerate(ops):
            if op == "put":
                store.put(make_record(source, stated, version), "v1")
            elif source in {d.source for d in store.documents()}:
                store.remove(source)
            loaded = store.load_graph()
            assert_same_graph(loaded, consolidate(GraphData.merge(store.iter_facts())))


def test_a_loaded_graph_keeps_its_snapshot(tmp_path: Path) -> None:
    """Evidence read after the store changed (or was closed) is the evidence of the loaded graph."""
    with Store(tmp_path) as store:
        store.put(make_record("a.txt", [("foreign/LA-XS", 1)], 0), "v1")
        store.put(make_record("b.txt", [("foreign/LA-XS", 2)], 0), "v1")
        g = store.load_graph()
        store.remove("a.txt")
    copied = copy.deepcopy(g)  # copies share the snapshot (a connection cannot be copied)
    assert copied.nodes["foreign/LA-XS"].evidence == g.nodes["foreign/LA-XS"].evidence
    node = g.nodes["foreign/LA-XS"]
    assert node.documents_stating == 2
    assert {e.source for e in node.evidence} == {"a.txt", "b.txt"}
    assert node.props == {"name": node.props["name"], "aliases": ["XSB"]}


def test_a_format_3_store_is_migrated(tmp_path: Path) -> None:
    """A store written before `items` existed gets them built on first open, and loads the same graph."""
    with Store(tmp_path) as store:
        for i, source in enumerate(["a.txt", "b.txt", "c.txt"]):
            store.put(make_record(source, [("foreign/LA-XS", i + 1), ("province/VN-54", i)], 0), "v1")
        expected = store.load_graph()
    db = sqlite3.connect(tmp_path / DB_NAME)
    db.executescript("DROP TABLE items; UPDATE meta SET value='3' WHERE key='schema_version';")
    db.close()
    with Store(tmp_path) as store:
        assert_same_graph(store.load_graph(), expected)
        version = store._db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0]
    assert version == "4"


def test_ingest_order_changes_nothing(tmp_path: Path) -> None:
    """Three documents, two stating one name and one another, put in every order: one graph."""
    records = [make_record(s, [("foreign/LA-XS", p)], 0) for s, p in [("a.txt", 1), ("b.txt", 2), ("c.txt", 1)]]
    graphs = []
    for i, order in enumerate(itertools.permutations(records)):
        with Store(tmp_path / str(i)) as store:
            for r in order:
                store.put(r, "v1")
            graphs.append(store.load_graph())
            assert_same_graph(graphs[-1], consolidate(GraphData.merge(store.iter_facts())))
    for g in graphs[1:]:
        assert_same_graph(g, graphs[0])


def test_threads_reading_the_same_evidence_read_it_once(tmp_path: Path) -> None:
    """The API reads evidence from a thread pool: concurrent first reads must not double it."""
    with Store(tmp_path) as store:
        for i, source in enumerate(["a.txt", "b.txt", "c.txt", "d.txt"]):
            store.put(make_record(source, [(item, i % len(PROPS)) for item in ITEMS], 0), "v1")
        g = store.load_graph()
    items = [*g.nodes.values(), *g.edges.values()]
    start = threading.Barrier(8)

    def read_all() -> None:
        start.wait()
        for item in items:
            item.evidence  # noqa: B018 - the first read fills it

    threads = [threading.Thread(target=read_all) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert [len(i.evidence) for i in items] == [i.documents_stating for i in items]
    assert g.nodes["province/VN-54"].documents_stating == 4
