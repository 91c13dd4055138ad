"""The app's graph service (api/service.py): loaded once however many requests arrive together, and
loaded again only when the store's generation moved."""

from __future__ import annotations

import threading
from pathlib import Path

from api.service import GraphService
from graph.store import Store
from ingest.pipeline import ingest_paths
from tests.api.conftest import CORPUS


def test_requests_arriving_together_load_the_graph_once(corpus_store: Path) -> None:
    service = GraphService(corpus_store)
    start = threading.Barrier(8)
    seen = []

    def request() -> None:
        start.wait()
        seen.append((id(service.graph), id(service.partnerships)))

    threads = [threading.Thread(target=request) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert service.version == 1
    assert len(set(seen)) == 1  # one graph, one partnership index


def test_loaded_again_only_when_the_store_moved(tmp_path: Path) -> None:
    service = GraphService(tmp_path / "store", check_every=0.0)
    first = service.graph
    assert service.graph is first and service.version == 1  # checked, not moved
    with Store(tmp_path / "store") as st:
        ingest_paths([str(sorted(CORPUS.glob("001_*.txt"))[0])], st)
    assert service.graph is not first and service.version == 2
