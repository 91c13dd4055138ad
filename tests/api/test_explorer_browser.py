"""The explorer in a real headless Chromium (Debian package `chromium`, driven by Playwright), served
from a local HTTP server on 127.0.0.1 the way the app serves it (page + `/explore/assets/...`), over
the sample corpus store. Nothing may leave localhost. A screenshot is kept in
out/test-artifacts/explorer.png."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import BrowserContext, Page, sync_playwright
from typer.testing import CliRunner

from api.cli import app
from graph.explorer import ASSETS, asset_path, render_explorer
from graph.model import GraphData
from graph.store import Store

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
ARTIFACTS = Path(__file__).resolve().parents[2] / "out" / "test-artifacts"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def corpus(corpus_store: Path) -> tuple[GraphData, dict[str, str]]:
    with Store(corpus_store) as st:
        return st.load_graph(), {d.id: st.get_document(d.id).text or "" for d in st.documents()}


@pytest.fixture(scope="module")
def site(
    corpus: tuple[GraphData, dict[str, str]], corpus_store: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """A local server: /explore.html (assets from /explore/assets/, as the app) and /standalone.html."""
    g, _ = corpus
    root = tmp_path_factory.mktemp("site")
    (root / "explore" / "assets").mkdir(parents=True)
    for name in ASSETS:
        shutil.copy(asset_path(name), root / "explore" / "assets" / name)
    (root / "explore.html").write_text(render_explorer(g, asset_url="/explore/assets"), encoding="utf-8")
    # the standalone file is what `hoptac explore` writes
    result = CliRunner().invoke(app, ["explore", "--out", str(root / "standalone.html"), "--store", str(corpus_store)])
    assert result.exit_code == 0, result.output
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=root))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BrowserContext]:
    assert CHROMIUM.exists(), "install the Debian package: apt-get install -y chromium"
    with sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("profile")), executable_path=str(CHROMIUM), args=CHROMIUM_ARGS,
            headless=True, viewport={"width": 1500, "height": 900},
        )  # fmt: skip
        yield context
        context.close()


def open_page(browser: BrowserContext, url: str) -> tuple[Page, list[str], list[str]]:
    """The page once the network is drawn, with every request URL and every script error recorded."""
    page = browser.new_page()
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(url)
    page.wait_for_function("window.hoptac && window.hoptac.drawn", timeout=20_000)
    return page, requests, errors


def visible(page: Page) -> list[str]:
    ids: list[str] = page.evaluate("hoptac.visibleNodeIds()")
    return ids


def click_node(page: Page, node_id: str) -> None:
    """A real mouse click where vis-network drew the node."""
    point = page.evaluate(
        "id => { const n = hoptac.network; return n.canvasToDOM(n.getPositions([id])[id]); }", node_id
    )
    box = page.locator("#network canvas").bounding_box()
    assert box is not None
    assert 0 < point["x"] < box["width"] and 0 < point["y"] < box["height"], "the node is on screen"
    page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])


def test_explorer_draws_filters_and_cites_in_chromium(
    browser: BrowserContext, site: str, corpus: tuple[GraphData, dict[str, str]]
) -> None:
    g, _ = corpus
    page, requests, errors = open_page(browser, f"{site}/explore.html")
    try:
        # drawn: every node of the graph, counted from the page's data set and shown in the header
        assert page.evaluate("hoptac.nodes.length") == len(g.nodes)
        assert len(visible(page)) == len(g.nodes)
        assert f"{len(g.nodes)}/{len(g.nodes)}" in page.inner_text("#stats")
        size = page.locator("#network canvas").bounding_box()
        assert size is not None and min(size["width"], size["height"]) > 300

        # filter by country with the page's own control: Laos and what touches it
        page.select_option("#f-country", "LA")
        shown = set(visible(page))
        lao = {n.id for n in g.nodes.values() if n.props.get("country") == "LA"}
        assert lao <= shown and len(shown) < len(g.nodes)
        assert all(g.nodes[i].props.get("country") in ("LA", "VN", None) for i in shown)
        assert "province/VN-54" in shown and "province/VN-31" in shown  # Bắc Giang and Bình Định work with Laos
        assert f"{len(shown)}/{len(g.nodes)}" in page.inner_text("#stats")

        # by status: a partner stays if a signed partnership links it
        page.select_option("#f-country", "")
        page.select_option("#f-status", "signed")
        signed = set(visible(page))
        assert "foreign/LA-XS/anouvong" in signed  # Lục Ngạn – A Nu Vông: signed (000 §2.7)
        assert "foreign/JP-12" in g.nodes and "foreign/JP-12" not in signed  # Chi Ba: only proposed (000 §2.4)
        statuses = page.evaluate("hoptac.visibleEdgeIds().map(id => hoptac.edges.get(id).hStatus).flat()")
        assert statuses and set(statuses) == {"signed"}
        page.select_option("#f-status", "")
        assert len(visible(page)) == len(g.nodes)
        page.select_option("#f-country", "LA")
        assert set(visible(page)) == shown

        # click Xay Sổm Bun: the side panel shows its facts and the words documents use for it
        click_node(page, "foreign/LA-XS")
        page.wait_for_selector("#panel:not([hidden])")
        assert page.inner_text("#panel h2") == "Xay Sổm Bun — Địa phương nước ngoài"
        panel = page.inner_text("#panel")
        quotes = {" ".join(ev.quote.split()) for ev in g.nodes["foreign/LA-XS"].evidence}
        assert any(q in panel for q in quotes)
        href = page.get_attribute("#panel a.cite", "href") or ""
        assert href.startswith("/documents/") and re_span(href)

        # English
        page.click("#lang-toggle")
        assert page.evaluate("hoptac.nodes.get('country/LA').label") == "Laos"
        assert "Foreign locality" in page.inner_text("#panel")

        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.select_option("#f-country", "")
        page.click("#lang-toggle")
        click_node(page, "foreign/LA-XS")
        page.screenshot(path=str(ARTIFACTS / "explorer.png"))
    finally:
        page.close()
    assert not errors
    assert {urlsplit(u).hostname for u in requests} == {"127.0.0.1"}
    assert {urlsplit(u).path for u in requests} >= {"/explore.html", "/explore/assets/vis-network.min.js"}


def re_span(href: str) -> bool:
    """'/documents/47ee15861c1057de/view#1234-1290'."""
    path, _, span = href.partition("#")
    start, _, end = span.partition("-")
    return path.endswith("/view") and start.isdigit() and end.isdigit() and int(start) < int(end)


def test_standalone_page_opens_the_quote_in_its_own_document_view(
    browser: BrowserContext, site: str, corpus: tuple[GraphData, dict[str, str]]
) -> None:
    g, texts = corpus
    page, requests, errors = open_page(browser, f"{site}/standalone.html")
    try:
        pair = ("province/VN-54", "foreign/LA-XS")
        edge = next(e for e in g.edges_of("PARTNERS_WITH") if (e.source, e.target) == pair)
        page.evaluate("id => hoptac.select(id)", edge.id)
        page.click("#panel a.cite >> nth=0")
        page.wait_for_selector("#docview:not([hidden])")
        first = edge.evidence[0]
        assert page.inner_text("#docview mark") == texts[first.document_id][first.start : first.end]
        assert page.inner_text("#docview-text") == texts[first.document_id]
    finally:
        page.close()
    assert not errors
    assert [u for u in requests if not u.startswith(site)] == []
    assert len(requests) == 1  # the page itself: everything else is inside it
