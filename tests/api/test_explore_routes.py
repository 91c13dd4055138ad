"""The explorer and report routes of the app: served locally, no outside address, quotes highlighted."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

REMOTE = re.compile(r"(?:src|href)=[\"']https?://")


def test_explore_page_loads_its_scripts_from_the_app(client: TestClient) -> None:
    r = client.get("/explore")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert not REMOTE.search(r.text)
    scripts = re.findall(r'<script[^>]+src="([^"]+)"', r.text)
    assert scripts and all(s.startswith("/explore/assets/") for s in scripts)
    for src in scripts:
        asset = client.get(src)
        assert asset.status_code == 200 and len(asset.content) > 100


def test_unknown_asset_is_404(client: TestClient) -> None:
    assert client.get("/explore/assets/nope.js").status_code == 404


def test_focus_and_language(client: TestClient) -> None:
    r = client.get("/explore", params={"focus": "Xay Som Bun", "depth": 1, "lang": "en"})
    assert r.status_code == 200 and "Xaisomboun" in r.text
    assert client.get("/explore", params={"lang": "fr"}).status_code == 422


def test_embed_partners(client: TestClient) -> None:
    r = client.get("/embed/partners/Bình Định")
    assert r.status_code == 200
    assert "Attapeu" in r.text or "Át-tạ-pư" in r.text


def test_document_view_highlights_quotes(client: TestClient) -> None:
    doc_id = client.get("/entities", params={"q": "Kế hoạch", "type": "Document"}).json()["items"][0]["id"]
    r = client.get(f"/documents/{doc_id}/view")
    assert r.status_code == 200
    assert "<mark" in r.text and "21 bộ tiểu phẫu" in r.text
    assert client.get("/documents/document/0000000000000000/view").status_code == 404


def test_report_for_a_place(client: TestClient) -> None:
    r = client.get("/report/Bắc Giang")
    assert r.status_code == 200
    assert "data:image/svg+xml" in r.text and "Xay Sổm Bun" in r.text
    assert not REMOTE.search(r.text)
