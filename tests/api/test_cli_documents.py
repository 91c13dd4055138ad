"""The `hoptac` command line for documents: ingest (batch, bad files, idempotence), documents,
show-document, export documents, stats, remove; exit codes 0 / 1 / 2; a kill during ingest."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.cli import app
from graph.store import Store

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "examples" / "corpus"
runner = CliRunner()

# Expected metadata of the five corpus documents, read off the documents by hand.
EXPECTED = {
    "000": {"type": "Thông báo", "number": "/TB-UBND", "place": "Bắc Giang", "date": "2024-06",
            "issuer": "UBND tỉnh Bắc Giang", "signer": "Lê Tuấn Phú", "signer_role": "Chánh Văn phòng"},
    "001": {"type": "Thông báo", "number": "/TB-UBND", "place": "Bình Định", "date": "2023",
            "issuer": "UBND tỉnh Bình Định", "signer": "Trần Trọng Triêm", "signer_role": "Phó Chánh Văn phòng"},
    "002": {"type": "Kế hoạch", "number": None, "place": "Bắc Giang", "date": "2022-08",
            "issuer": "UBND tỉnh Bắc Giang", "signer": "Mai Sơn", "signer_role": "Phó Chủ tịch"},
    "003": {"type": "Công văn", "number": "/SNgV-VPTTr", "place": "Hà Tĩnh", "date": "2022-08",
            "issuer": "Sở Ngoại vụ tỉnh Hà Tĩnh", "signer": "Thái Phúc Sơn", "signer_role": "Giám đốc"},
    "004": {"type": "Quyết định", "number": "/QĐ-UBND", "place": "Bắc Giang", "date": "2021-08",
            "issuer": "UBND tỉnh Bắc Giang", "signer": "Mai Sơn", "signer_role": "Phó Chủ tịch"},
}  # fmt: skip


def invoke(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


@pytest.fixture()
def store_dir(tmp_path: Path) -> str:
    return str(tmp_path / "store")


def test_ingest_corpus_and_export_documents(store_dir: str) -> None:
    code, out = invoke("ingest", str(CORPUS), "--store", store_dir)
    assert code == 0, out
    assert "new: 5" in out
    code, out = invoke("export", "documents", "--format", "jsonl", "--store", store_dir)
    assert code == 0
    rows = {Path(r["source"]).name[:3]: r for r in map(json.loads, out.splitlines())}
    assert set(rows) == set(EXPECTED)
    for key, expected in EXPECTED.items():
        row = rows[key]
        assert {k: row[k] for k in expected} == expected, key
        assert row["title"] and row["sections"], key
        assert row["source"] == str(CORPUS / Path(row["source"]).name)  # the path as given
    assert rows["002"]["title"].startswith("Thực hiện Thỏa thuận hợp tác giữa UBND tỉnh Bắc Giang")


def test_export_documents_csv_has_the_contract_columns(store_dir: str) -> None:
    invoke("ingest", str(CORPUS / "001_b5e2e326c1ba3cc8.txt"), "--store", store_dir)
    code, out = invoke("export", "documents", "--format", "csv", "--store", store_dir)
    assert code == 0
    header = out.splitlines()[0].split(",")
    assert header == ["id", "source", "type", "number", "issuer", "place", "date", "title", "signer",
                      "signer_role", "sections"]  # fmt: skip


def test_reingest_changes_nothing_and_update_replaces(tmp_path: Path, store_dir: str) -> None:
    doc = tmp_path / "doc.txt"
    shutil.copy(CORPUS / "001_b5e2e326c1ba3cc8.txt", doc)
    invoke("ingest", str(doc), "--store", store_dir)
    with Store(store_dir) as st:
        before = st.stats()
    code, out = invoke("ingest", str(doc), "--store", store_dir)
    assert code == 0 and "unchanged: 1" in out
    doc.write_text(doc.read_text(encoding="utf-8").replace("Sekong", "Sê Kông"), encoding="utf-8")
    code, out = invoke("ingest", str(doc), "--store", store_dir)
    assert code == 0 and "updated: 1" in out
    with Store(store_dir) as st:
        assert st.stats()["documents"] == before["documents"] == 1


def test_bad_files_fail_clearly_and_the_batch_goes_on(tmp_path: Path, store_dir: str) -> None:
    batch = tmp_path / "batch"
    batch.mkdir()
    shutil.copy(CORPUS / "001_b5e2e326c1ba3cc8.txt", batch / "good.txt")
    (batch / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    (batch / "scan.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    (batch / "empty.txt").write_bytes(b"")
    (batch / "table.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    code, out = invoke("ingest", str(batch), "--store", store_dir)
    assert code == 1
    assert "new: 1" in out and "failed: 3" in out and "skipped: 1" in out
    for name in ("broken.docx", "scan.pdf", "empty.txt", "table.xls"):
        assert name in out
    with Store(store_dir) as st:
        assert [Path(d.source).name for d in st.documents()] == ["good.txt"]


def test_missing_file_is_a_failure_not_a_crash(store_dir: str) -> None:
    code, out = invoke("ingest", "no/such/file.txt", "--store", store_dir)
    assert code == 1 and "no/such/file.txt" in out


def test_usage_error_exits_2() -> None:
    code, _ = invoke("ingest")
    assert code == 2
    code, _ = invoke("export", "documents", "--format", "xml")
    assert code == 2


def test_documents_show_stats_remove(store_dir: str) -> None:
    invoke("ingest", str(CORPUS), "--store", store_dir)
    code, out = invoke("documents", "--store", store_dir)
    assert code == 0 and "5 documents" in out and "/SNgV-VPTTr" in out
    with Store(store_dir) as st:
        doc = next(d for d in st.documents() if d.source.endswith("002_302798a028ef3b69.txt"))
    code, out = invoke("show-document", doc.id.removeprefix("document/")[:8], "--store", store_dir)
    assert code == 0 and "Kế hoạch" in out and "II.6.2" in out
    code, out = invoke("stats", "--store", store_dir)
    assert code == 0 and "PARTNERS_WITH" in out
    code, out = invoke("remove", doc.source, "--store", store_dir)
    assert code == 0 and "removed" in out
    with Store(store_dir) as st:
        assert len(st.documents()) == 4
        assert "agency/LA-XS/cong-an" not in st.load_graph().nodes  # stated only by the plan
    code, out = invoke("remove", "nope", "--store", store_dir)
    assert code == 1


def test_kill_during_ingest_leaves_every_document_whole_or_absent(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(40):  # distinct contents, so each is a new document
        text = (CORPUS / "002_302798a028ef3b69.txt").read_text(encoding="utf-8")
        (folder / f"plan{i:02d}.txt").write_text(text + f"\n{i}\n", encoding="utf-8")
    store_dir = tmp_path / "store"
    hoptac = Path(sys.executable).with_name("hoptac")
    proc = subprocess.Popen([str(hoptac), "ingest", str(folder), "--store", str(store_dir)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        with Store(store_dir) as st:
            if len(st.documents()) >= 3:
                break
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    with Store(store_dir) as st:
        docs = st.documents()
        assert 3 <= len(docs) < 40, "the kill should land mid-batch"
        for d in docs:  # every stored document has all its facts
            facts = list(st.iter_facts(d.id))
            assert any(f.id == d.id for f in facts)
            assert sum(1 for f in facts if getattr(f, "type", "") == "PARTNERS_WITH") >= 3
    code, out = invoke("ingest", str(folder), "--store", str(store_dir))
    assert code == 0 and "new:" in out
    with Store(store_dir) as st:
        assert len(st.documents()) == 40
