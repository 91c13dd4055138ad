"""Load on the running web app: `/partners` latency at 50 concurrent clients on the corpus graph.

Starts `hoptac serve` in a subprocess on a loopback port, sends a bounded number of requests from 50
concurrent clients, stops the server. Only 127.0.0.1 is ever contacted.
"""

from __future__ import annotations

import asyncio
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CLIENTS = 50
REQUESTS_PER_CLIENT = 40


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def _client(base: str, latencies: list[float], names: list[str]) -> None:
    import httpx

    async with httpx.AsyncClient(base_url=base, timeout=30) as http:
        for i in range(REQUESTS_PER_CLIENT):
            t0 = time.perf_counter()
            r = await http.get("/partners", params={"of": names[i % len(names)]})
            latencies.append(time.perf_counter() - t0)
            r.raise_for_status()


def _wait_ready(base: str, deadline: float) -> None:
    import httpx

    while time.monotonic() < deadline:
        try:
            if httpx.get(base + "/openapi.json", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.2)
    raise RuntimeError("server did not start")


def bench_api() -> str:
    from graph.store import Store
    from ingest.pipeline import ingest_paths

    with tempfile.TemporaryDirectory() as tmp:
        store = Path(tmp) / "store"
        with Store(store) as st:
            ingest_paths([str(ROOT / "examples" / "corpus")], st)
        port = _free_port()
        hoptac = Path(sys.executable).with_name("hoptac")
        proc = subprocess.Popen([str(hoptac), "serve", "--port", str(port), "--store", str(store)],
                                stderr=subprocess.DEVNULL)  # fmt: skip
        base = f"http://127.0.0.1:{port}"
        try:
            _wait_ready(base, time.monotonic() + 30)
            latencies: list[float] = []
            names = ["Bắc Giang", "xay som bun", "Bình Định", "Hà Tĩnh", "Lục Ngạn"]

            async def run() -> None:
                await asyncio.gather(*(_client(base, latencies, names) for _ in range(CLIENTS)))

            t0 = time.perf_counter()
            asyncio.run(run())
            wall = time.perf_counter() - t0
        finally:
            proc.terminate()
            proc.wait(timeout=10)
    q = statistics.quantiles(latencies, n=100)
    return (
        f"/partners at {CLIENTS} concurrent clients ({len(latencies)} requests, {len(latencies) / wall:.0f} req/s): "
        f"p50 {q[49] * 1000:.1f} ms, **p95 {q[94] * 1000:.1f} ms**"
    )
