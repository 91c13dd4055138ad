"""Cypher engines on the synthetic partnership graph: LadybugDB (embedded) load time and
`partners_of` p50/p95; Bolt push to a FalkorDB server (loopback) in relationships per second."""

from __future__ import annotations

import random
import tempfile
import time
from pathlib import Path

from graph.model import GraphData


def _places(g: GraphData, n: int, seed: int = 1) -> list[str]:
    vn = sorted(i for i, node in g.nodes.items() if node.type in ("Province", "Locality"))
    return random.Random(seed).sample(vn, min(n, len(vn)))


def partners_of_latency(engine: object, g: GraphData, n: int = 200) -> tuple[float, float]:
    from graph.queries import run

    times = []
    for i, place in enumerate(_places(g, n + 20)):
        t0 = time.perf_counter()
        run("partners_of", {"place": place}, engine)  # type: ignore[arg-type]
        if i >= 20:
            times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    return times[len(times) // 2], times[int(len(times) * 0.95)]


def bench_cypher(sizes: tuple[int, ...] = (10_000, 100_000), push_size: int = 10_000) -> str:
    from bench.synthetic import synthetic_graph
    from graph.cypher.bolt import BoltEngine
    from graph.cypher.embedded import LadybugEngine
    from graph.cypher.falkordb_server import falkordb_server

    parts = []
    for n in sizes:
        g = synthetic_graph(n)
        t0 = time.perf_counter()
        engine = LadybugEngine.from_graph(g)
        load = time.perf_counter() - t0
        p50, p95 = partners_of_latency(engine, g)
        engine.close()
        parts.append(f"{n:,} edges: LadybugDB load {load:.1f} s, partners_of p50 {p50:.1f} ms / **p95 {p95:.1f} ms**")
    g = synthetic_graph(push_size)
    with tempfile.TemporaryDirectory() as tmp, falkordb_server(Path(tmp)) as uri, BoltEngine.connect(uri) as bolt:
        report = bolt.push(g)
    parts.append(f"Bolt push to FalkorDB ({push_size:,} edges, byte-sized batches): "
                 f"**{report.relationships_per_second:,.0f} relationships/s**")  # fmt: skip
    return "Cypher — " + "; ".join(parts)
