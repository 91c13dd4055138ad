"""The embedded store: idempotent, replaces exactly a document's facts, atomic under kill -9."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from graph.errors import NotFoundError, StoreError
from graph.model import EdgeFact, Evidence, NodeFact
from graph.store import DocumentRecord, Store, store_generation

ROOT = Path(__file__).resolve().parents[2]


def record(source: str, text: str, country: str = "LA") -> DocumentRecord:
    """A document stating that Bắc Giang partners with a foreign unit of `country`."""
    doc_id = f"document/{abs(hash(text)) % 10**12:012d}"
    ev = Evidence(doc_id, source, "II.1", 0, len(text), text)
    return DocumentRecord(
        id=doc_id, source=source, sha256=str(hash(text)), format="txt", text=text,
        meta={"type": "Kế hoạch"}, structure={"sections": []},
        facts=[
            NodeFact(doc_id, "Document", {"name": source}, (ev,)),
            NodeFact("province/VN-54", "Province", {"name": "Bắc Giang"}, (ev,)),
            NodeFact(f"country/{country}", "Country", {"name": country}, (ev,)),
            EdgeFact(f"e/{country}", "MENTIONS", doc_id, f"country/{country}", {}, (ev,)),
        ],
    )  # fmt: skip


def test_put_is_idempotent(store: Store) -> None:
    r = record("a.txt", "Lào")
    assert store.put(r, "v1") == "new"
    before = store.stats()
    assert store.put(r, "v1") == "unchanged"
    assert store.stats() == before


def test_new_extractor_version_updates(store: Store) -> None:
    store.put(record("a.txt", "Lào"), "v1")
    assert store.put(record("a.txt", "Lào"), "v2") == "updated"
    assert len(store.documents()) == 1


def test_changed_document_replaces_exactly_its_facts(store: Store) -> None:
    store.put(record("a.txt", "Lào"), "v1")
    store.put(record("b.txt", "Hàn Quốc", "KR"), "v1")
    assert store.put(record("a.txt", "Trung Quốc", "CN"), "v1") == "updated"
    g = store.load_graph()
    assert "country/LA" not in g.nodes  # only a.txt's old version stated it
    assert {"country/CN", "country/KR"} <= set(g.nodes)
    assert len(g.nodes["province/VN-54"].evidence) == 2  # one per document that states it


def test_same_content_from_another_path_is_a_duplicate(store: Store) -> None:
    store.put(record("a.txt", "Lào"), "v1")
    assert store.put(record("copy/a.txt", "Lào"), "v1") == "duplicate"
    assert [d.source for d in store.documents()] == ["a.txt"]


def test_remove_removes_its_facts_and_nothing_else(store: Store) -> None:
    store.put(record("a.txt", "Lào"), "v1")
    store.put(record("b.txt", "Hàn Quốc", "KR"), "v1")
    removed = store.remove("a.txt")
    assert removed.source == "a.txt"
    g = store.load_graph()
    assert "country/LA" not in g.nodes and "country/KR" in g.nodes
    assert len(g.nodes["province/VN-54"].evidence) == 1
    with pytest.raises(NotFoundError):
        store.remove("a.txt")


def test_lookup_by_id_prefix(store: Store) -> None:
    r = record("a.txt", "Lào")
    store.put(r, "v1")
    prefix = r.id.removeprefix("document/")[:6]
    assert store.get_document(prefix).id == r.id
    assert store.get_document(r.id).text == "Lào"


def test_store_on_a_file_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(StoreError, match="not-a-folder"):
        Store(blocker)


KILLER = """
import sys, time, pathlib
sys.path.insert(0, {root!r})
import graph.store as gs
from tests.graph.test_store import record
marker = pathlib.Path({marker!r})
real = gs._fact_rows
def slow(doc_id, g):
    for i, row in enumerate(real(doc_id, g)):
        yield row
        if i == 1:
            marker.write_text("mid-write")
            time.sleep(60)
gs._fact_rows = slow
with gs.Store({folder!r}) as st:
    st.put(record("b.txt", "Hàn Quốc", "KR"), "v1")
"""


def test_kill_during_write_leaves_store_as_before(tmp_path: Path) -> None:
    folder = tmp_path / "store"
    with Store(folder) as st:
        st.put(record("a.txt", "Lào"), "v1")
        before = st.stats()
    marker = tmp_path / "marker"
    code = KILLER.format(root=str(ROOT), marker=str(marker), folder=str(folder))
    proc = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT)
    deadline = time.monotonic() + 60
    while not marker.exists():
        assert proc.poll() is None, "writer exited before reaching the middle of its write"
        assert time.monotonic() < deadline
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    with Store(folder) as st:
        assert st.stats() == before
        assert [d.source for d in st.documents()] == ["a.txt"]
        assert "country/KR" not in st.load_graph().nodes


def test_generation_moves_with_every_write_and_only_then(tmp_path: Path) -> None:
    assert store_generation(tmp_path / "none") is None
    with Store(tmp_path / "s") as st:
        first = st.generation()
        st.put(record("a.txt", "Lào"), "v1")
        after_put = store_generation(tmp_path / "s")
        assert after_put is not None and after_put > first
        st.put(record("a.txt", "Lào"), "v1")  # unchanged: nothing written
        assert st.generation() == after_put
        st.remove("a.txt")
        assert st.generation() > after_put
