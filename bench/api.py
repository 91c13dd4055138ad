"""Load on the running web app: `/partners` latency at 50 concurrent clients on the corpus graph.

Starts `hoptac serve` in a subprocess on a loopback port, sends load for a bounded time from 50
concurrent connections, stops the server. Only 127.0.0.1 is ever contacted. The load comes from `wrk`
(Debian package) when it is installed — a Python client on the same two cores measures mostly
itself — else from 50 httpx clients; the result line says which.
"""

from __future__ import annotations

import asyncio
import re
import shutil
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
WORKERS = 1


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


def _wrk(base: str) -> str:
    script = Path(__file__).with_name("p95.lua")
    url = base + "/partners?of=B%E1%BA%AFc%20Giang"
    out = subprocess.run(["wrk", "-t2", f"-c{CLIENTS}", "-d10s", "-s", str(script), url],
                         capture_output=True, text=True, timeout=60).stdout  # fmt: skip
    hit = re.search(r"p50=([\d.]+) p95=([\d.]+) p99=([\d.]+) requests=(\d+) errors=(\d+)", out)
    rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
    if not hit or not rps:
        raise RuntimeError(f"wrk output not understood: {out}")
    p50, p95, p99, n, errors = hit.groups()
    return (f"/partners?of=Bắc Giang at {CLIENTS} concurrent connections (wrk, 10 s, {n} requests, "
            f"{float(rps.group(1)):.0f} req/s, {errors} errors): p50 {p50} ms, **p95 {p95} ms**, p99 {p99} ms")


def bench_api() -> str:
    from graph.store import Store
    from ingest.pipeline import ingest_paths

    with tempfile.TemporaryDirectory() as tmp:
        store = Path(tmp) / "store"
        with Store(store) as st:
            ingest_paths([str(ROOT / "examples" / "corpus")], st)
        port = _free_port()
        hoptac = Path(sys.executable).with_name("hoptac")
        cmd = [str(hoptac), "serve", "--port", str(port), "--workers", str(WORKERS), "--store", str(store)]
        proc = subprocess.Popen(cmd, stderr=subprocess.DEVNULL)
        base = f"http://127.0.0.1:{port}"
        try:
            _wait_ready(base, time.monotonic() + 30)
            if shutil.which("wrk"):
                return _wrk(base)
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
