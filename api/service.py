"""The app's view of the store: the merged graph, loaded once and reloaded after an ingest."""

from __future__ import annotations

import threading
from pathlib import Path

from graph.model import GraphData
from graph.partnerships import PartnershipIndex
from graph.store import Store


class GraphService:
    """Holds the consolidated graph of one store; `reload()` after the store changes."""

    def __init__(self, store_path: Path) -> None:
        self.store_path = store_path
        self._lock = threading.Lock()
        self._graph: GraphData | None = None
        self._partnerships: PartnershipIndex | None = None
        self.version = 0

    def store(self) -> Store:
        return Store(self.store_path)

    @property
    def graph(self) -> GraphData:
        if self._graph is None:
            self.reload()
        assert self._graph is not None
        return self._graph

    @property
    def partnerships(self) -> PartnershipIndex:
        """Partnership rows and name index of the current graph (built on first use)."""
        graph = self.graph
        index = self._partnerships
        if index is None or index.g is not graph:
            index = self._partnerships = PartnershipIndex(graph)
        return index

    def reload(self) -> None:
        with self._lock, self.store() as st:
            self._graph = st.load_graph()
            self._partnerships = None
            self.version += 1
