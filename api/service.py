"""The app's view of the store: the merged graph, loaded once and loaded again when the store has
changed (an ingest through the app, or `hoptac ingest` / `hoptac remove` run beside it)."""

from __future__ import annotations

import gc
import threading
import time
from pathlib import Path
from typing import Any

from graph.model import GraphData
from graph.partnerships import PartnershipIndex
from graph.store import Store, store_generation


class GraphService:
    """Holds the consolidated graph of one store. At most every `check_every` seconds, a request looks
    whether the store's generation moved and, if so, loads the graph again (which also lets go of the
    old graph's read snapshot, so the store's write-ahead log can be checkpointed)."""

    def __init__(self, store_path: Path, check_every: float = 2.0) -> None:
        self.store_path = store_path
        self.check_every = check_every
        self._checked = 0.0
        self._generation: int | None = None
        self._lock = threading.Lock()
        self._index_lock = threading.Lock()
        self._graph: GraphData | None = None
        self._partnerships: PartnershipIndex | None = None
        self._engines: dict[tuple[str, int], Any] = {}
        self.version = 0

    def store(self) -> Store:
        return Store(self.store_path)

    @property
    def graph(self) -> GraphData:
        if self._graph is None or self._stale():
            with self._lock:  # requests that waited here find the graph another one just loaded
                if self._graph is None or store_generation(self.store_path) != self._generation:
                    self._load()
        assert self._graph is not None
        return self._graph

    @property
    def partnerships(self) -> PartnershipIndex:
        """Partnership rows and name index of the current graph (built on first use)."""
        graph = self.graph
        index = self._partnerships
        if index is None or index.g is not graph:
            with self._index_lock:  # built once, not by every request that arrives meanwhile
                index = self._partnerships
                if index is None or index.g is not graph:
                    index = self._partnerships = PartnershipIndex(graph)
        return index

    def engine(self, kind: str) -> Any:
        """A query engine over the current graph ("sparql", "embedded" Cypher, "reference"), built once
        per graph version and kept."""
        from graph.queries import open_engine

        graph = self.graph
        key = (kind, id(graph))
        if key not in self._engines:
            self._engines = {k: v for k, v in self._engines.items() if k[1] == id(graph)}
            self._engines[key] = open_engine(kind, graph=graph)
        return self._engines[key]

    def sparql(self, timeout: float, row_limit: int) -> Any:
        """The Oxigraph-backed SPARQL engine of the current graph, with the app's limits."""
        runner = self.engine("sparql")
        runner.engine.timeout, runner.engine.row_limit = timeout, row_limit
        return runner.engine

    def _stale(self) -> bool:
        now = time.monotonic()
        if now - self._checked < self.check_every:
            return False
        self._checked = now
        return store_generation(self.store_path) != self._generation

    def reload(self) -> None:
        """Load the graph again now (after an ingest through the app)."""
        with self._lock:
            self._load()

    def _load(self) -> None:
        with self.store() as st:
            self._generation = st.generation()  # read first: a write landing meanwhile loads again later
            self._checked = time.monotonic()
            self._graph = st.load_graph()
            self._partnerships = None
            self.version += 1
        # The graph is read-only from here on: keep its many objects out of the collector's full
        # passes, which otherwise show up as latency spikes under load.
        gc.collect()
        gc.freeze()
