# ruff: noqa: F811  (pytest fixtures imported by name)
"""THE contract: every named query in the catalog gives the same rows on every engine — the Python
reference, the embedded LadybugDB, FalkorDB over Bolt and SPARQL on Oxigraph — on the corpus graph
(built with the pipeline) and on a small graph of hand-stated facts that exercises what the corpus
barely does (activities, leads, lineage, a renewed agreement, quotes in values).

Rows are compared as sets after normalisation (ids as strings, dates as ISO text, lists sorted —
except `path`, whose order is the answer — and a missing column read as None). The SPARQL engine
is imported, not skipped: if `graph.sparql` or a `.rq` file is missing, these tests fail.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest

from graph.cypher.bolt import BoltEngine
from graph.model import GraphData
from graph.queries import Engine, catalog, open_engine, run
from tests.conftest_falkordb import (  # noqa: F401  (fixtures)
    TEST_TIMEOUT,
    falkordb_uri,
    query_corpus_graph,
    snippet_graph,
)

ENGINES = ("embedded", "bolt", "sparql")
ORDERED = {"path"}


def _best(g: GraphData, edge_type: str, end: str, default: str) -> str:
    """The node with the most edges of `edge_type` at `end` ("source"/"target"), for non-empty answers."""
    counts: dict[str, int] = {}
    for e in g.edges_of(edge_type):
        key = getattr(e, end)
        counts[key] = counts.get(key, 0) + 1
    return max(sorted(counts), key=lambda k: counts[k]) if counts else default


def _lineage_doc(g: GraphData) -> str:
    docs = {n.id for n in g.nodes_of("Document")}
    counts: dict[str, int] = {}
    for e in g.edges.values():
        if e.source in docs and e.target in docs:
            counts[e.source] = counts.get(e.source, 0) + 1
    return max(sorted(counts), key=lambda k: counts[k]) if counts else "document/3d7abae918555c07"


def cases(g: GraphData) -> list[tuple[str, dict[str, Any]]]:
    """Parameters for every named query that give non-empty answers where the graph allows."""
    out: list[tuple[str, dict[str, Any]]] = [
        ("partners_of", {"place": "province/VN-54"}),
        ("partners_of", {"place": "agency/VN-54/cong-an"}),
        ("partners_including_predecessors", {"place": "province/VN2025-24"}),
        ("partners_including_predecessors", {"place": "province/VN-54"}),
        ("partnerships", {}),
        ("partnerships", {"country": "LA"}),
        ("partnerships", {"status": "signed"}),
        ("partnerships", {"year_from": 2021, "year_to": 2025}),
        ("partnerships", {"country": "LA", "year_from": 2024}),
        ("partnerships", {"year_to": 2020}),
        ("agreements_in_force", {"year": 2023}),
        ("expiring_agreements", {"year": 2025}),
        ("activities_of_agreement", {"agreement": _best(g, "IMPLEMENTS", "target", "agreement/none")}),
        ("activities_by_lead", {"agency": _best(g, "LEADS", "source", "agency/VN-54/so-ngoai-vu")}),
        ("documents_citing", {"entity": "foreign/LA-XS"}),
        ("documents_citing", {"entity": "province/VN-54"}),
        ("lineage", {"document": _lineage_doc(g)}),
        ("path_between", {"a": "province/VN-54", "b": "foreign/LA-XS"}),
        ("path_between", {"a": "agency/VN-54/cong-an", "b": "foreign/LA-XS"}),
    ]
    assert {name for name, _ in out} == set(catalog()), "every named query needs a case"
    return out


def normalise(rows: list[dict[str, Any]], columns: tuple[str, ...]) -> set[tuple[Any, ...]]:
    def value(col: str, v: Any) -> Any:
        if isinstance(v, dt.date | dt.datetime):
            return v.isoformat()
        if isinstance(v, list | tuple):
            items = [value(col, x) for x in v]
            return tuple(items) if col in ORDERED else tuple(sorted(items, key=repr))
        return v

    return {tuple(value(c, r.get(c)) for c in columns) for r in rows}


GRAPHS = ("corpus", "snippets")


@pytest.fixture(scope="module")
def graphs(query_corpus_graph: GraphData, snippet_graph: GraphData) -> dict[str, GraphData]:
    return {"corpus": query_corpus_graph, "snippets": snippet_graph}


@pytest.fixture(scope="module")
def engines(graphs: dict[str, GraphData], falkordb_uri: str) -> Iterator[dict[tuple[str, str], Engine]]:
    """Every engine loaded with each graph; on FalkorDB the corpus goes to the default graph and the
    snippets to the named one (see tests/conftest_falkordb.py)."""
    out: dict[tuple[str, str], Any] = {}
    for gname, g in graphs.items():
        out[(gname, "reference")] = open_engine("reference", graph=g)
        out[(gname, "embedded")] = open_engine("embedded", graph=g)
        out[(gname, "sparql")] = open_engine("sparql", graph=g)
        database = None if gname == "corpus" else "snippets"
        bolt = BoltEngine.connect(falkordb_uri, database=database, timeout=TEST_TIMEOUT)
        bolt.push(g, replace=True)
        out[(gname, "bolt")] = bolt
    yield out
    for (_, kind), eng in out.items():
        if kind in ("embedded", "bolt"):
            eng.close()


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("graph_name", GRAPHS)
def test_every_named_query_same_rows(graphs: dict[str, GraphData], engines: dict[tuple[str, str], Engine],
                                     graph_name: str, engine: str) -> None:  # fmt: skip
    g = graphs[graph_name]
    for name, params in cases(g):
        columns = catalog()[name].columns
        expected = normalise(run(name, params, engines[(graph_name, "reference")], g), columns)
        got = normalise(run(name, params, engines[(graph_name, engine)], g), columns)
        assert got == expected, f"{name} {params} on {engine}: only there {got - expected}, missing {expected - got}"


def test_the_cases_are_not_vacuous(graphs: dict[str, GraphData], engines: dict[tuple[str, str], Engine]) -> None:
    """Across both graphs every named query answers something, so equality above means something."""
    answered = set()
    for gname, g in graphs.items():
        for name, params in cases(g):
            if run(name, params, engines[(gname, "reference")], g):
                answered.add(name)
    assert answered == set(catalog())
