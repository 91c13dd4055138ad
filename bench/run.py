"""hoptac benchmarks: `make bench` (or `python -m bench.run [names...]`). Results are appended to
`bench/RESULTS.md` with the machine and the date. Heavy measurements live here, never in tests.

Benchmarks:
- `reading`: reading + normalisation + structure, MB/s of text on one core (corpus repeated to >= 50 MB).
- `extraction`: full extraction (structure + every extractor), MB/s on one core.
- `load`: a store of 10,000 documents loaded into the in-memory graph (networkx), seconds.
- `cypher`: LadybugDB load and p50/p95 of every named query; push rate and latencies on FalkorDB (Bolt).
"""

from __future__ import annotations

import os
import platform
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench.overhead import bench_overhead

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "examples" / "corpus"
RESULTS = ROOT / "bench" / "RESULTS.md"


def _corpus_bytes() -> list[tuple[str, bytes]]:
    return [(p.name, p.read_bytes()) for p in sorted(CORPUS.glob("*.txt"))]


def bench_reading(target_mb: float = 50.0) -> str:
    """Decode bytes, normalise for matching and parse structure, document by document."""
    from ingest.normalize import match_form
    from ingest.readers.txt import decode_bytes
    from ingest.structure import parse_structure

    docs = _corpus_bytes()
    size = sum(len(b) for _, b in docs)
    reps = max(1, int(target_mb * 1e6 / size) + 1)
    t0 = time.perf_counter()
    chars = 0
    for _ in range(reps):
        for _, data in docs:
            text, _enc, _w = decode_bytes(data, "bench.txt")
            match_form(text)
            parse_structure(text)
            chars += len(data)
    dt = time.perf_counter() - t0
    rate = chars / 1e6 / dt
    return f"reading+normalisation+structure: {chars / 1e6:.1f} MB in {dt:.2f} s = **{rate:.1f} MB/s** (one core)"


def bench_extraction(target_mb: float = 10.0) -> str:
    """The whole per-document pipeline except storage: read, structure, every extractor."""
    from ingest.pipeline import build_record
    from ingest.readers.base import RawDocument
    from ingest.readers.txt import decode_bytes

    docs = [(n, decode_bytes(b, n)[0]) for n, b in _corpus_bytes()]
    size = sum(len(t.encode()) for _, t in docs)
    reps = max(1, int(target_mb * 1e6 / size) + 1)
    from ingest.extract import places

    def run(cold: bool) -> tuple[int, float]:
        t0, total = time.perf_counter(), 0
        for _ in range(reps):
            for name, text in docs:
                if cold:  # forget every name seen: each document as if it were the first
                    places._lookup.cache_clear()
                    places._resolve.cache_clear()
                    places.cached_index.cache_clear()
                build_record(RawDocument(name, text, "txt"))
                total += len(text.encode())
        return total, time.perf_counter() - t0

    warm_total, warm = run(False)
    cold_total, cold = run(True)
    return (
        f"full extraction: {warm_total / 1e6:.1f} MB in {warm:.2f} s = **{warm_total / 1e6 / warm:.2f} MB/s** "
        f"(one core, name caches warm); **{cold_total / 1e6 / cold:.2f} MB/s** with the caches cleared before "
        f"every document"
    )


def bench_load(n_docs: int = 10_000) -> str:
    """Store of `n_docs` documents (the corpus's real facts, cloned under new ids) -> networkx."""
    from dataclasses import replace

    from graph.model import EdgeFact, GraphData, NodeFact
    from graph.nx import to_networkx
    from graph.store import Store
    from ingest.pipeline import EXTRACTOR_VERSION, build_record
    from ingest.readers.base import RawDocument
    from ingest.readers.txt import decode_bytes

    records = [build_record(RawDocument(n, decode_bytes(b, n)[0], "txt")) for n, b in _corpus_bytes()]
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "store") as store:
        t0 = time.perf_counter()
        for i in range(n_docs):
            base = records[i % len(records)]
            doc_id = f"document/bench{i:08d}"
            facts: list[NodeFact | EdgeFact] = []
            for f in base.facts:
                ev = tuple(e._replace(document_id=doc_id) for e in f.evidence)
                if isinstance(f, NodeFact):
                    facts.append(replace(f, id=doc_id if f.id == base.id else f.id, evidence=ev))
                else:
                    src = doc_id if f.source == base.id else f.source
                    facts.append(replace(f, source=src, evidence=ev, id=f"{f.id}/{i}" if src == doc_id else f.id))
            assert all(isinstance(f, NodeFact | EdgeFact) for f in facts)
            store.put(replace(base, id=doc_id, source=f"bench/{i}.txt", facts=facts), EXTRACTOR_VERSION)
        fill = time.perf_counter() - t0
        os.sync()  # the store just written goes to disk first: its write-back would otherwise run under the load
        runs: list[tuple[float, float]] = []
        graph, sizes = GraphData(), (0, 0)
        for _ in range(3):
            graph = GraphData()  # drop the previous run's graph (and its store snapshot) first
            t1 = time.perf_counter()
            graph = store.load_graph()
            t2 = time.perf_counter()
            G = to_networkx(graph)
            runs.append((time.perf_counter() - t1, t2 - t1))
            sizes, G = (G.number_of_nodes(), G.number_of_edges()), None
        dt, in_store = min(runs)
        t3 = time.perf_counter()
        partnerships = [e for e in graph.edges.values() if e.type == "PARTNERS_WITH"]
        quotes = sum(len(e.evidence) for e in partnerships)
        ev_time = time.perf_counter() - t3
    return (
        f"store of {n_docs:,} documents ({sizes[0]:,} nodes, {sizes[1]:,} edges; "
        f"filled in {fill:.1f} s): loaded into networkx in **{dt:.2f} s** (best of 3: "
        f"{', '.join(f'{r[0]:.2f}' for r in runs)}; store -> merged graph {in_store:.2f} s of it); evidence "
        f"stays in the store until read: the {quotes:,} pieces of evidence of all {len(partnerships)} "
        f"partnerships read in {ev_time:.2f} s"
    )


def bench_api_partners() -> str:
    from bench.api import bench_api

    return bench_api()


def _partners_of_latencies(engine: Any, text: str, places: list[str], hub: str) -> str:
    """p50/p95 of `partners_of` over `places` (after 20 warm-up queries), and the hub's latency."""
    from graph.sparql import Entity

    times = []
    for i, place in enumerate(places):
        t0 = time.perf_counter()
        engine.query(text, {"place": Entity(place)})
        if i >= 20:
            times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    t1 = time.perf_counter()
    rows = len(engine.query(text, {"place": Entity(hub)}, timeout=600, row_limit=10**7))
    hub_ms = (time.perf_counter() - t1) * 1000
    return (f"partners_of p50 **{times[len(times) // 2]:.2f} ms** / p95 **{times[int(len(times) * 0.95)]:.2f} ms**, "
            f"hub {rows:,} rows in {hub_ms:,.0f} ms")  # fmt: skip


def bench_sparql(sizes: tuple[int, ...] = (10_000, 100_000, 1_000_000), n_queries: int = 300) -> str:
    """Oxigraph on the synthetic graph (`bench/synthetic.py`), in memory and on disk (RocksDB, as
    `hoptac sparql` uses it): bulk load from N-Quads, then `queries/partners_of.rq` for random
    Vietnamese units (provinces, districts, communes, agencies) and for the biggest hub province."""
    import random
    import shutil
    from collections import Counter

    from bench.synthetic import synthetic_graph
    from graph.sparql import SparqlEngine, named_query, write_disk_store

    text, parts = named_query("partners_of"), []
    for n in sizes:
        g = synthetic_graph(n)
        units = sorted(x for x in g.nodes if x.startswith(("province/VN-", "locality/", "agency/VN")))
        places = random.Random(0).choices(units, k=n_queries)
        degree = Counter(e.source for e in g.edges_of("PARTNERS_WITH") if e.source.startswith("province/"))
        hub = degree.most_common(1)[0][0]
        t0 = time.perf_counter()
        memory = SparqlEngine.from_graph(g)
        load_mem = time.perf_counter() - t0
        quads = memory.query("SELECT (COUNT(*) AS ?n) { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }")[0]["n"]
        in_memory = _partners_of_latencies(memory, text, places, hub)
        del memory
        folder = Path(tempfile.mkdtemp(prefix="hoptac-oxigraph-"))
        try:
            t1 = time.perf_counter()
            write_disk_store(g, folder / "store")
            load_disk = time.perf_counter() - t1
            on_disk = _partners_of_latencies(SparqlEngine.open_disk(folder / "store"), text, places, hub)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        parts.append(
            f"{len(g.edges):,} edges ({quads:,} quads; hub {hub} with {degree[hub]:,} partnerships of its own): "
            f"in memory load **{load_mem:.1f} s**, {in_memory}; on disk load **{load_disk:.1f} s**, {on_disk}"
        )
        del g
    return "sparql (Oxigraph): " + "; ".join(parts)


def bench_explorer() -> str:
    from bench.explorer import bench_explorer as run

    return run()


def bench_cypher() -> str:
    from bench.engines import bench_cypher as run

    return run()


BENCHES: dict[str, Callable[[], str]] = {
    "reading": bench_reading,
    "extraction": bench_extraction,
    "load": bench_load,
    "api": bench_api_partners,
    "sparql": bench_sparql,
    "explorer": bench_explorer,
    "cypher": bench_cypher,
    "overhead": bench_overhead,
}


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    return f"{platform.node() or 'host'} — {cpu}, {os.cpu_count()} cores, Python {platform.python_version()}"


def main(names: list[str]) -> None:
    chosen = names or list(BENCHES)
    lines = [f"\n## {datetime.now(UTC):%Y-%m-%d %H:%M} UTC — {machine()}\n"]
    for name in chosen:
        result = BENCHES[name]()
        print(result, flush=True)
        lines.append(f"- {result}")
    with RESULTS.open("a", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main(sys.argv[1:])
