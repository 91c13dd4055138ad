"""The REST endpoints on the corpus: JSON by default, CSV on Accept: text/csv, pagination, 404s."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from fastapi.testclient import TestClient

from graph.store import Store
from ingest.pipeline import ingest_paths
from tests.api.conftest import API_KEY, CORPUS


def test_partners_any_spelling(client: TestClient) -> None:
    r = client.get("/partners", params={"of": "bac giang"})
    assert r.status_code == 200
    body = r.json()
    partners = {row["foreign_party"]["id"] for row in body["items"]}
    assert "foreign/LA-XS" in partners and "foreign/KR-30/seo-gu" in partners
    assert body["total"] == len(body["items"]) >= 15
    row = next(
        x for x in body["items"]
        if x["foreign_party"]["id"] == "foreign/LA-XS" and x["vn_party"]["id"] == "province/VN-54"
    )  # fmt: skip
    assert row["agreement"]["period"] == "2021-2025"
    assert all(ev["quote"] for ev in row["evidence"])


def test_partners_unknown_place_is_404(client: TestClient) -> None:
    r = client.get("/partners", params={"of": "Atlantis"})
    assert r.status_code == 404 and "Atlantis" in r.json()["detail"]


def test_partners_csv_and_pagination(client: TestClient) -> None:
    r = client.get("/partners", params={"of": "Bắc Giang", "limit": 3, "offset": 1}, headers={"Accept": "text/csv"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert len(rows) == 3
    assert {"vn_party.name", "foreign_party.country", "status", "agreement.period"} <= set(rows[0])


def test_partnerships_filters(client: TestClient) -> None:
    la = client.get("/partnerships", params={"country": "LA"}).json()["items"]
    assert la and all(r["foreign_party"]["country"] == "LA" for r in la)
    signed = client.get("/partnerships", params={"status": "signed"}).json()["items"]
    assert signed and all(r["status"] == "signed" for r in signed)
    in_2024 = client.get("/partnerships", params={"from": 2024, "to": 2024}).json()["items"]
    assert {r["foreign_party"]["id"] for r in in_2024} >= {"foreign/LA-XS"}
    districts = client.get("/partnerships", params={"level": "district"}).json()["items"]
    assert districts and all("district" in (r["vn_party"]["level"], r["foreign_party"]["level"]) for r in districts)


def test_agreement(client: TestClient) -> None:
    row = client.get("/partners", params={"of": "Bình Định"}).json()["items"][0]
    aid = row["agreement"]["id"]
    body = client.get(f"/agreements/{aid}").json()
    assert body["instrument"] == "mou" and len(body["parties"]) == 5
    assert client.get("/agreements/agreement/nope").status_code == 404


def test_document(client: TestClient) -> None:
    docs = client.get("/entities", params={"q": "Kế hoạch", "type": "Document"}).json()["items"]
    doc_id = docs[0]["id"]
    body = client.get(f"/documents/{doc_id}").json()
    assert body["type"] == "Kế hoạch" and body["sections"]
    assert any(f["type"] == "PARTNERS_WITH" for f in body["facts"])
    quotes = [ev["quote"] for f in body["facts"] for ev in f["evidence"]]
    assert quotes and all(quotes)
    r = client.get("/documents/document/0000000000000000")
    assert r.status_code == 404 and "no document" in r.json()["detail"]


def test_entities_diacritics_optional(client: TestClient) -> None:
    hits = client.get("/entities", params={"q": "xay som bun"}).json()["items"]
    assert hits[0]["id"] == "foreign/LA-XS"
    assert client.get("/entities", params={"q": "Khammouane"}).json()["items"][0]["id"] == "foreign/LA-KH"


def test_openapi_lists_every_endpoint(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    expected = ("/partners", "/partnerships", "/agreements/{agreement_id}", "/documents/{doc_id}", "/entities",
                "/ingest", "/activities", "/paths", "/sparql", "/cypher", "/queries/{name}", "/explore")  # fmt: skip
    for p in expected:
        assert p in paths


def test_ingest_needs_a_key_and_checks_the_upload(writable_client: TestClient, client: TestClient) -> None:
    doc = (CORPUS / "001_b5e2e326c1ba3cc8.txt").read_bytes()
    assert client.post("/ingest", files={"file": ("a.txt", doc)}).status_code == 403  # read-only app
    assert writable_client.post("/ingest", files={"file": ("a.txt", doc)}).status_code == 401
    ok = writable_client.post("/ingest", files={"file": ("a.txt", doc)}, headers={"X-API-Key": API_KEY})
    assert ok.status_code == 200 and ok.json()["status"] == "new"
    assert writable_client.get("/partners", params={"of": "Bình Định"}).json()["total"] == 4
    big = writable_client.post("/ingest", files={"file": ("b.txt", b"x" * 300_000)}, headers={"X-API-Key": API_KEY})
    assert big.status_code == 413
    bad = writable_client.post("/ingest", files={"file": ("c.exe", b"MZ")}, headers={"X-API-Key": API_KEY})
    assert bad.status_code == 415 and "c.exe" in bad.json()["detail"]
    key = {"X-API-Key": API_KEY}
    broken = writable_client.post("/ingest", files={"file": ("d.docx", b"PK not a zip")}, headers=key)
    assert broken.status_code == 422 and "d.docx" in broken.json()["detail"]
    assert writable_client.get("/partners", params={"of": "Bình Định"}).json()["total"] == 4  # nothing lost


def test_paths(client: TestClient) -> None:
    body = client.get("/paths", params={"from": "thành phố Bắc Giang", "to": "Daejeon"}).json()
    assert body["items"][0]["nodes"][0] == "locality/VN-54/bac_giang"
    assert body["items"][0]["nodes"][-1] == "foreign/KR-30"
    assert body["items"][0]["hops"] <= 3
    assert client.get("/paths", params={"from": "Atlantis", "to": "Lào"}).status_code == 404


def test_activities(client: TestClient) -> None:
    body = client.get("/activities", params={"lead": "Sở Y tế", "partner": "Xay Sổm Bun"}).json()
    refs = {row["ref"] for row in body["items"]}
    assert refs == {"6.1", "6.2"}
    row = next(r for r in body["items"] if r["ref"] == "6.2")
    assert row["quantities"] == ["21 bộ tiểu phẫu"] and row["years"] == [2022]
    assert row["evidence"] and row["evidence"][0]["section"] == "II.6.2"
    in_2025 = client.get("/activities", params={"year": 2025}).json()["items"]
    assert in_2025 and all(2025 in r["years"] for r in in_2025)


def test_the_app_sees_what_the_command_line_ingests_and_removes(writable_client: TestClient, tmp_path: Path) -> None:
    """`hoptac ingest` / `hoptac remove` beside a running app: its next request after the check interval
    loads the graph again (and lets go of the old graph's read snapshot)."""
    service = writable_client.app.state.service  # type: ignore[attr-defined]
    service.check_every = 0.0
    assert writable_client.get("/partnerships").json()["total"] == 0
    plan = sorted(CORPUS.glob("002_*.txt"))[0]
    with Store(tmp_path / "store") as st:
        ingest_paths([str(plan)], st)
    assert writable_client.get("/partnerships").json()["total"] > 0
    loaded = service.version
    assert writable_client.get("/partnerships").json()["total"] > 0
    assert service.version == loaded  # nothing changed: not loaded again
    with Store(tmp_path / "store") as st:
        st.remove(str(plan))
    assert writable_client.get("/partnerships").json()["total"] == 0
