"""The store's merged items: one row per distinct property set stated for a node or edge, kept up to
date as documents are put and removed, so loading the graph reads each item once instead of every
document's copy of it.

An item stated by 5,000 documents with the same properties is one row (`documents = 5000`); its
evidence stays in `facts` and is read when someone asks for it (`StoreEvidence`). Folding an item's
rows in the order of their first statement (`first_doc`, `first_seq`) gives exactly the properties of
folding every document's facts in document order (`merge_props` is idempotent: a property set
merged again changes nothing).
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import orjson

from graph.model import Edge, GraphData, Node, merge_props

ITEMS_DDL = """
CREATE TABLE IF NOT EXISTS items(
  kind TEXT NOT NULL,
  id TEXT NOT NULL,
  props BLOB NOT NULL,  -- one distinct property set (JSON) stated for this item
  type TEXT NOT NULL,
  src TEXT,
  dst TEXT,
  first_doc TEXT NOT NULL,  -- the first (doc_id, seq) stating exactly these properties
  first_seq INTEGER NOT NULL,
  documents INTEGER NOT NULL,  -- how many documents state them
  PRIMARY KEY (kind, id, props)
) WITHOUT ROWID;
"""

_OF_DOC = "(kind, id, props) IN (SELECT kind, id, props FROM facts WHERE doc_id = :doc)"

_LINK = """
INSERT INTO items(kind, id, props, type, src, dst, first_doc, first_seq, documents)
SELECT kind, id, props, type, src, dst, doc_id, seq, 1 FROM facts WHERE doc_id = :doc
ON CONFLICT(kind, id, props) DO UPDATE SET
  documents = documents + 1,
  first_seq = CASE WHEN excluded.first_doc < first_doc THEN excluded.first_seq ELSE first_seq END,
  first_doc = min(first_doc, excluded.first_doc)
"""

_UNLINK = (
    f"UPDATE items SET documents = documents - 1 WHERE {_OF_DOC}",
    f"""UPDATE items SET (first_doc, first_seq) = (
      SELECT f.doc_id, f.seq FROM facts f
      WHERE f.id = items.id AND f.kind = items.kind AND f.props = items.props AND f.doc_id != :doc
      ORDER BY f.doc_id, f.seq LIMIT 1
    ) WHERE first_doc = :doc AND documents > 0 AND {_OF_DOC}""",
    f"DELETE FROM items WHERE documents = 0 AND {_OF_DOC}",
)


def link(db: sqlite3.Connection, doc_id: str) -> None:
    """Count a just-inserted document's facts into `items` (inside the caller's transaction)."""
    db.execute(_LINK, {"doc": doc_id})


def unlink(db: sqlite3.Connection, doc_id: str) -> None:
    """Take a document's facts out of `items`, before its facts are deleted (caller's transaction)."""
    for sql in _UNLINK:
        db.execute(sql, {"doc": doc_id})


def rebuild(db: sqlite3.Connection) -> None:
    """Fill `items` from `facts` (a store written before `items` existed), in the caller's transaction."""
    db.execute("DELETE FROM items")
    for (doc_id,) in db.execute("SELECT id FROM documents ORDER BY id").fetchall():
        link(db, doc_id)


class StoreEvidence:
    """A read-only snapshot of the store: the graph's items are read through it, and their evidence
    later from the same snapshot, so evidence always matches the properties loaded with it.

    The snapshot is one open read transaction (SQLite WAL: writers go on; the write-ahead log cannot be
    checkpointed past it until the graph holding it is dropped).
    """

    def __init__(self, db_file: Path) -> None:
        uri = f"{db_file.resolve().as_uri()}?mode=ro"
        self._db = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
        self._lock = threading.Lock()
        self._db.execute("BEGIN")

    def fetch(self, kind: str, item_id: str) -> list[bytes]:
        with self._lock:
            rows = self._db.execute(
                "SELECT evidence FROM facts WHERE id = ? AND kind = ? ORDER BY doc_id, seq", (item_id, kind)
            ).fetchall()
        return [r[0] for r in rows]

    def read_graph(self) -> GraphData:
        """The merged graph of the snapshot, items in id order, evidence deferred to `fetch`."""
        with self._lock:
            rows = self._db.execute(
                "SELECT kind, id, type, src, dst, props, documents, first_doc, first_seq FROM items "
                "ORDER BY kind, id, props"  # the primary key's order (no sort): an item's rows come together
            ).fetchall()
        g = GraphData()
        nodes, edges, loads = g.nodes, g.edges, orjson.loads
        several: dict[tuple[str, str], list[tuple[str, int, bytes]]] = {}
        previous: tuple[str, int, bytes] = ("", 0, b"")
        for kind, fid, ftype, src, dst, props, documents, first_doc, first_seq in rows:
            item: Node | Edge | None = nodes.get(fid) if kind == "n" else edges.get(fid)
            if item is None:
                if kind == "n":
                    item = nodes[fid] = Node(fid, ftype, loads(props))
                else:
                    item = edges[fid] = Edge(fid, ftype, src, dst, loads(props))
                item.defer_evidence(self, documents)
            else:  # another property set of the item just read
                several.setdefault((kind, fid), [previous]).append((first_doc, first_seq, props))
                item.defer_evidence(self, item.documents_stating + documents)
            previous = (first_doc, first_seq, props)
        for (kind, fid), variants in several.items():  # folded in the order they were first stated
            item = nodes[fid] if kind == "n" else edges[fid]
            item.props = {}
            for *_, props in sorted(variants):
                merge_props(item.props, loads(props))
        return g

    def __deepcopy__(self, memo: dict[int, object]) -> StoreEvidence:
        return self  # a read-only snapshot: copies of a graph share it
