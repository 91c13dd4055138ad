"""The embedded store: one SQLite file under the store folder (default `./hoptac-data/`). No server.

- Idempotent: a document is keyed by its source path and its content hash; putting an unchanged
  document (same text, same extractor version) changes nothing; a changed one replaces exactly its own
  facts; removing a document removes its facts and nothing else.
- Atomic: each document is written in one transaction, so a process killed mid-write leaves the
  store as it was before that document.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

import orjson

from graph.errors import NotFoundError, StoreError
from graph.model import Edge, EdgeFact, Evidence, Fact, GraphData, Node, NodeFact, collector_paused
from graph.store_items import ITEMS_DDL, StoreEvidence, link, rebuild, unlink

SCHEMA_VERSION = "4"  # 4: the merged `items` table (graph.store_items); 3 is migrated on open
DB_NAME = "hoptac.sqlite"
PutStatus = Literal["new", "unchanged", "updated", "duplicate"]
_NEXT_GENERATION = "UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key='generation'"

_DDL = """
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents(
  id TEXT PRIMARY KEY,
  source TEXT NOT NULL UNIQUE,
  sha256 TEXT NOT NULL,
  extractor TEXT NOT NULL,
  format TEXT NOT NULL,
  encoding TEXT,
  text TEXT NOT NULL,
  meta TEXT NOT NULL,
  structure TEXT NOT NULL,
  warnings TEXT NOT NULL,
  ingested_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS facts(
  doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('n', 'e')),
  id TEXT NOT NULL,
  type TEXT NOT NULL,
  src TEXT,
  dst TEXT,
  props BLOB NOT NULL,  -- JSON object
  evidence BLOB NOT NULL,  -- JSON [[document_id, source, section, start, end, quote, prop], ...]
  PRIMARY KEY (doc_id, kind, id)
);
CREATE INDEX IF NOT EXISTS facts_by_item ON facts(id, kind, doc_id, seq);
DROP INDEX IF EXISTS facts_by_id;
CREATE INDEX IF NOT EXISTS facts_in_order ON facts(doc_id, seq);
"""


@dataclass(slots=True)
class DocumentRecord:
    """Everything ingest hands the store for one document."""

    id: str
    source: str
    sha256: str
    format: str
    text: str
    meta: dict[str, Any]
    structure: dict[str, Any]
    warnings: list[str] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    encoding: str | None = None


@dataclass(slots=True)
class StoredDocument:
    id: str
    source: str
    sha256: str
    format: str
    encoding: str | None
    meta: dict[str, Any]
    structure: dict[str, Any]
    warnings: list[str]
    ingested_at: str
    text: str | None = None


def _dumps(v: Any) -> bytes:
    return orjson.dumps(v)


class Store:
    """The embedded store at `folder` (created on first use)."""

    def __init__(self, folder: Path | str) -> None:
        self.folder = Path(folder)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.folder / DB_NAME, isolation_level=None, timeout=30)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute("PRAGMA foreign_keys=ON")
            self._db.executescript(_DDL + ITEMS_DDL)
            self._check_version()
        except (OSError, sqlite3.Error) as exc:
            raise StoreError(f"{self.folder}: cannot open the store: {exc}") from exc

    def _check_version(self) -> None:
        self._db.execute("INSERT OR IGNORE INTO meta VALUES('generation', '0')")
        row = self._db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        if row is None:
            self._db.execute("INSERT INTO meta VALUES('schema_version', ?)", (SCHEMA_VERSION,))
        elif row[0] == "3":  # facts only: build the merged items from them, once
            self._db.execute("BEGIN IMMEDIATE")
            rebuild(self._db)
            self._db.execute("UPDATE meta SET value=? WHERE key='schema_version'", (SCHEMA_VERSION,))
            self._db.execute("COMMIT")
        elif row[0] != SCHEMA_VERSION:
            raise StoreError(
                f"{self.folder}: store format {row[0]}, this hoptac reads {SCHEMA_VERSION}; "
                "move the folder away and ingest the documents again (hoptac ingest PATH ...)"
            )

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing -----------------------------------------------------------------------------------

    def status_for(self, source: str, doc_id: str, extractor: str) -> PutStatus:
        """What `put` would do with a document of this source, id and extractor version."""
        row = self._db.execute("SELECT id, extractor FROM documents WHERE source=?", (source,)).fetchone()
        if row is not None:
            return "unchanged" if tuple(row) == (doc_id, extractor) else "updated"
        other = self._db.execute("SELECT extractor FROM documents WHERE id=?", (doc_id,)).fetchone()
        if other is not None and other[0] == extractor:
            return "duplicate"
        return "new"

    def put(self, record: DocumentRecord, extractor: str) -> PutStatus:
        """Store one document and its facts in a single transaction, replacing what it replaces."""
        status = self.status_for(record.source, record.id, extractor)
        if status in ("unchanged", "duplicate"):
            return status
        merged = GraphData.merge(record.facts)
        try:
            self._db.execute("BEGIN IMMEDIATE")
            self._delete("source=? OR id=?", (record.source, record.id))
            self._db.execute(
                "INSERT INTO documents VALUES(?,?,?,?,?,?,?,?,?,?,?)",
                (
                    record.id, record.source, record.sha256, extractor, record.format, record.encoding,
                    record.text, _dumps(record.meta).decode(), _dumps(record.structure).decode(),
                    _dumps(record.warnings).decode(), datetime.now(UTC).isoformat(timespec="seconds"),
                ),
            )  # fmt: skip
            self._db.executemany("INSERT INTO facts VALUES(?,?,?,?,?,?,?,?,?)", _fact_rows(record.id, merged))
            link(self._db, record.id)
            self._db.execute(_NEXT_GENERATION)
            self._db.execute("COMMIT")
        except BaseException:
            if self._db.in_transaction:
                self._db.execute("ROLLBACK")
            raise
        return status

    def remove(self, ref: str) -> StoredDocument:
        """Remove one document (by id, unique id prefix or source path) and all its facts."""
        doc = self.get_document(ref, with_text=False)
        self._db.execute("BEGIN IMMEDIATE")
        try:
            self._delete("id=?", (doc.id,))
            self._db.execute(_NEXT_GENERATION)
            self._db.execute("COMMIT")
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        return doc

    def _delete(self, where: str, args: tuple[str, ...]) -> None:
        """Delete the documents matching `where` with their facts and their share of `items`."""
        for (doc_id,) in self._db.execute(f"SELECT id FROM documents WHERE {where}", args).fetchall():
            unlink(self._db, doc_id)
            self._db.execute("DELETE FROM documents WHERE id=?", (doc_id,))

    # -- reading -----------------------------------------------------------------------------------

    def generation(self) -> int:
        """A number that changes with every document put or removed (see `store_generation`)."""
        return int(self._db.execute("SELECT value FROM meta WHERE key='generation'").fetchone()[0])

    def documents(self) -> list[StoredDocument]:
        cur = self._db.execute(
            "SELECT id, source, sha256, format, encoding, meta, structure, warnings, ingested_at "
            "FROM documents ORDER BY source"
        )
        return [_stored(row) for row in cur]

    def get_document(self, ref: str, with_text: bool = True) -> StoredDocument:
        cols = "id, source, sha256, format, encoding, meta, structure, warnings, ingested_at"
        if with_text:
            cols += ", text"
        rows = self._db.execute(
            f"SELECT {cols} FROM documents WHERE id=? OR source=? OR id LIKE ? ESCAPE '\\'",
            (ref, ref, _like_prefix(ref)),
        ).fetchall()
        exact = [r for r in rows if ref in (r[0], r[1])]
        rows = exact or rows
        if not rows:
            raise NotFoundError(f"no document {ref!r} in the store")
        if len(rows) > 1:
            raise NotFoundError(f"{ref!r} matches {len(rows)} documents; give more of the id")
        return _stored(rows[0])

    def iter_facts(self, doc_id: str | None = None) -> Iterator[Fact]:
        sql = "SELECT kind, id, type, src, dst, props, evidence FROM facts"
        args: tuple[str, ...] = ()
        if doc_id is not None:
            sql += " WHERE doc_id=?"
            args = (doc_id,)
        make = Evidence._make
        for kind, fid, ftype, src, dst, props, evidence in self._db.execute(sql + " ORDER BY doc_id, seq", args):
            props = orjson.loads(props)
            ev = tuple(map(make, orjson.loads(evidence)))
            if kind == "n":
                yield NodeFact(fid, ftype, props, ev)
            else:
                yield EdgeFact(fid, ftype, src, dst, props, ev)

    def load_graph(self) -> GraphData:
        """Merge every document's facts into one graph, with cross-document properties settled.

        Equal to `consolidate(GraphData.merge(self.iter_facts()))`, read from the merged `items`; the
        evidence stays in the store (a read snapshot, `graph.store_items.StoreEvidence`) until read.
        """
        from graph.consolidate import consolidate

        try:
            snapshot = StoreEvidence(self.folder / DB_NAME)
            with collector_paused():
                return consolidate(snapshot.read_graph())
        except sqlite3.Error as exc:
            raise StoreError(f"{self.folder}: cannot read the store: {exc}") from exc

    def stats(self) -> dict[str, Any]:
        docs = self._db.execute("SELECT count(*), coalesce(sum(length(text)),0) FROM documents").fetchone()
        by_type = self._db.execute(
            "SELECT kind, type, count(DISTINCT id) FROM facts GROUP BY kind, type ORDER BY kind DESC, type"
        ).fetchall()
        return {
            "store": str(self.folder),
            "documents": docs[0],
            "characters": docs[1],
            "nodes": {t: c for k, t, c in by_type if k == "n"},
            "edges": {t: c for k, t, c in by_type if k == "e"},
        }


def _like_prefix(ref: str) -> str:
    escaped = ref.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    if not escaped.startswith("document/"):
        escaped = "document/" + escaped
    return escaped + "%"


def _stored(row: tuple[Any, ...]) -> StoredDocument:
    return StoredDocument(
        id=row[0], source=row[1], sha256=row[2], format=row[3], encoding=row[4],
        meta=orjson.loads(row[5]), structure=orjson.loads(row[6]), warnings=orjson.loads(row[7]),
        ingested_at=row[8], text=row[9] if len(row) > 9 else None,
    )  # fmt: skip


def _fact_rows(doc_id: str, g: GraphData) -> Iterator[tuple[Any, ...]]:
    items: list[Node | Edge] = [*g.nodes.values(), *g.edges.values()]
    for seq, item in enumerate(items):
        props, ev = _dumps(item.props), _dumps([list(e) for e in dict.fromkeys(item.evidence)])
        if isinstance(item, Node):
            yield (doc_id, seq, "n", item.id, item.type, None, None, props, ev)
        else:
            yield (doc_id, seq, "e", item.id, item.type, item.source, item.target, props, ev)


def store_generation(folder: Path | str) -> int | None:
    """The store's `generation`, read without opening it for writing (None if there is no store yet):
    a long-running reader compares it with the one it loaded to know when to load again."""
    db_file = Path(folder) / DB_NAME
    if not db_file.is_file():
        return None
    try:
        db = sqlite3.connect(f"{db_file.resolve().as_uri()}?mode=ro", uri=True)
        try:
            row = db.execute("SELECT value FROM meta WHERE key='generation'").fetchone()
        finally:
            db.close()
    except sqlite3.Error as exc:
        raise StoreError(f"{folder}: cannot read the store: {exc}") from exc
    return int(row[0]) if row else None


def open_store(folder: Path | str) -> Store:
    """Open (or create) the store at `folder`; use as a context manager to close it."""
    return Store(folder)


__all__ = ["DocumentRecord", "PutStatus", "Store", "StoredDocument", "open_store", "store_generation"]
