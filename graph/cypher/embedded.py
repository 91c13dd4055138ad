"""`LadybugEngine`: Cypher on an embedded LadybugDB database — no server, no Docker.

For a store the database lives in `<store>/ladybug/graph.lbug` next to `state.json`, a marker of the
store's state (documents, their hashes and ingestion times, and the DDL). It is rebuilt — into a
temporary file renamed into place — only when the marker differs, then opened read-only.

>>> from graph.model import GraphData, NodeFact
>>> eng = LadybugEngine.from_graph(GraphData.merge([NodeFact("country/LA", "Country", {"name": "Laos"})]))
>>> eng.query("MATCH (c:Country) WHERE c.id = $id RETURN c.name AS name", {"id": "country/LA"})
[{'name': 'Laos'}]
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Any

import ladybug as lb
import orjson

from graph.cypher.ladybug_load import load_graph
from graph.cypher.readonly import check_read_only
from graph.cypher.schema_ddl import ladybug_ddl
from graph.errors import QueryError, StoreError
from graph.ids import digest
from graph.model import GraphData
from graph.store import Store

if TYPE_CHECKING:
    from graph.queries import NamedQuery

FORMAT = "1"
FOLDER = "ladybug"
DB_FILE = "graph.lbug"
MARKER = "state.json"
DEFAULT_TIMEOUT_MS = 30_000


def store_state(store: Store) -> str:
    """A digest of what the store holds and of the DDL: it changes whenever the graph may change."""
    docs = [(d.id, d.source, d.sha256, d.ingested_at) for d in store.documents()]
    return digest(FORMAT, orjson.dumps(docs).decode(), *ladybug_ddl(), length=32)


class LadybugEngine:
    """Read queries with parameters on a LadybugDB database built from a GraphData."""

    name = "embedded"

    def __init__(self, db: lb.Database, timeout_ms: int = DEFAULT_TIMEOUT_MS) -> None:
        self._db = db
        self._conn = lb.Connection(db)
        self._conn.set_query_timeout(timeout_ms)
        self.load_counts: dict[str, int] = {}

    @classmethod
    def from_graph(cls, g: GraphData, timeout_ms: int = DEFAULT_TIMEOUT_MS) -> LadybugEngine:
        """An in-memory database holding `g`."""
        eng = cls(lb.Database(":memory:"), timeout_ms)
        eng.load_counts = load_graph(eng._conn, g)
        return eng

    @classmethod
    def for_store(cls, store: Store, rebuild: bool = False, timeout_ms: int = DEFAULT_TIMEOUT_MS) -> LadybugEngine:
        """The database of `store`, rebuilt first if the store changed since it was built."""
        folder = store.folder / FOLDER
        state = store_state(store)
        if rebuild or _read_marker(folder) != state or not (folder / DB_FILE).exists():
            build_file(store.load_graph(), folder, state)
        try:
            db = lb.Database(str(folder / DB_FILE), read_only=True)
        except RuntimeError as exc:
            raise StoreError(f"{folder / DB_FILE}: cannot open the LadybugDB database: {exc}") from exc
        return cls(db, timeout_ms)

    def query(self, text: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """Run a read query; rows as dicts keyed by the RETURN names. Writes are refused."""
        check_read_only(text)
        try:
            result = self._conn.execute(text, params or {})
        except RuntimeError as exc:
            raise QueryError(f"LadybugDB: {exc}") from None
        if isinstance(result, list):
            raise QueryError("LadybugDB: give one statement at a time")
        names = result.get_column_names()
        return [dict(zip(names, values, strict=True)) for values in result.get_all()]

    def run_named(self, q: NamedQuery, params: dict[str, Any]) -> list[dict[str, Any]]:
        """A named query (`queries/<name>.cypher`) with checked parameters."""
        return self.query(q.cypher, params)

    def close(self) -> None:
        self._conn.close()
        self._db.close()

    def __enter__(self) -> LadybugEngine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _read_marker(folder: Path) -> str | None:
    try:
        return str(orjson.loads((folder / MARKER).read_bytes())["state"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def build_file(g: GraphData, folder: Path, state: str) -> dict[str, int]:
    """Build the database file for `g` under `folder` atomically and write the marker."""
    folder.mkdir(parents=True, exist_ok=True)
    tmp = folder / f"{DB_FILE}.{os.getpid()}.tmp"
    _remove(tmp)
    try:
        db = lb.Database(str(tmp))
        conn = lb.Connection(db)
        counts = load_graph(conn, g)
        conn.close()
        db.close()
        os.replace(tmp, folder / DB_FILE)
    except RuntimeError as exc:
        raise StoreError(f"{folder}: cannot build the LadybugDB database: {exc}") from exc
    finally:
        _remove(tmp)
    (folder / MARKER).write_bytes(orjson.dumps({"state": state, "counts": counts}))
    return counts


def _remove(path: Path) -> None:
    for p in (path, Path(f"{path}.wal")):
        if p.is_dir():
            shutil.rmtree(p)
        elif p.exists():
            p.unlink()
