"""The explorer page for a 2,000-node synthetic graph: Python rendering time, and the time from
navigation until the network is drawn (`window.hoptac.drawn`) in headless Chromium (Debian package
`chromium`, driven by Playwright; the page is a local file, nothing leaves the machine)."""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]  # fmt: skip


def bench_explorer(n_nodes: int = 2_000, runs: int = 3) -> str:
    from playwright.sync_api import sync_playwright

    from graph.explorer import render_explorer
    from graph.explorer.synthetic import synthetic_graph

    g = synthetic_graph(n_nodes)
    t0 = time.perf_counter()
    html = render_explorer(g)
    render = time.perf_counter() - t0
    drawn = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        page_file = Path(tmp) / "explorer.html"
        page_file.write_text(html, encoding="utf-8")
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for _ in range(runs):
            page = browser.new_page()
            t1 = time.perf_counter()
            page.goto(page_file.as_uri())
            page.wait_for_function("window.hoptac && window.hoptac.drawn", timeout=60_000)
            drawn.append(time.perf_counter() - t1)
            page.close()
        browser.close()
    return (f"explorer, {len(g.nodes):,} nodes / {len(g.edges):,} edges ({len(html) / 1e6:.1f} MB page): "
            f"rendered in Python in {render:.2f} s, drawn in headless Chromium in **{statistics.median(drawn):.2f} s** "
            f"(median of {runs})")  # fmt: skip
