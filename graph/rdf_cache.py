"""The Oxigraph store kept on disk under the store folder (`<store>/oxigraph/`), rebuilt when the
store changed: its state (documents, their content hashes and ingestion times, the schema and this
RDF shape's version) is written next to it, in `<store>/oxigraph.state`.

A rebuild loads into a fresh folder and swaps it in, so a reader never sees half a store; queries
open it read-only.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path
from typing import Any

from graph.errors import StoreError
from graph.schema import SCHEMA_DIR
from graph.sparql import SparqlEngine, write_disk_store
from graph.store import Store

RDF_SHAPE_VERSION = "1"  # bump when graph/rdf_nquads.py writes a different shape
FOLDER, STATE = "oxigraph", "oxigraph.state"


def store_state(store: Store) -> str:
    """A digest of what the RDF dataset is built from."""
    h = hashlib.sha256(f"rdf-shape {RDF_SHAPE_VERSION}\n".encode())
    for path in sorted(SCHEMA_DIR.rglob("*.yaml")):
        h.update(path.relative_to(SCHEMA_DIR).as_posix().encode() + b"\0" + path.read_bytes())
    for d in store.documents():
        h.update(f"{d.id}\0{d.sha256}\0{d.ingested_at}\n".encode())
    return h.hexdigest()


def _build(store: Store, target: Path) -> None:
    tmp = target.with_name(f"{target.name}.tmp-{os.getpid()}")
    shutil.rmtree(tmp, ignore_errors=True)
    write_disk_store(store.load_graph(), tmp)
    shutil.rmtree(target, ignore_errors=True)
    tmp.rename(target)


def open_engine(store: Store, **options: Any) -> SparqlEngine:
    """A SPARQL engine over the store's graph, from the on-disk Oxigraph copy (rebuilt if stale)."""
    target, marker = store.folder / FOLDER, store.folder / STATE
    state = store_state(store)
    try:
        if not (target.is_dir() and marker.is_file() and marker.read_text(encoding="utf-8") == state):
            marker.unlink(missing_ok=True)
            _build(store, target)
            marker.write_text(state, encoding="utf-8")
        return SparqlEngine.open_disk(target, **options)
    except OSError as exc:
        raise StoreError(f"{target}: cannot build or open the SPARQL store: {exc}") from exc
