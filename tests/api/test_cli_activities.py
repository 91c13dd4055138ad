"""`hoptac activities`, `hoptac agencies` and `hoptac export activities|agencies` on a store holding the
sample corpus (the `corpus_store` fixture of tests/api/conftest.py)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from typer.testing import CliRunner

from api.cli import app

runner = CliRunner()


def invoke(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def test_activities_of_a_lead_for_a_partner_cite_documents(corpus_store: Path) -> None:
    out = invoke("activities", "--lead", "Sở Y tế", "--partner", "Xay Sổm Bun", "--store", str(corpus_store))
    assert "2 activities" in out
    assert "§II.6.1" in out and "§II.6.2" in out and "Kế hoạch (2022-08)" in out


def test_activities_json_any_spelling(corpus_store: Path) -> None:
    out = invoke("activities", "--lead", "so y te", "--year", "2022", "--format", "json", "--store", str(corpus_store))
    rows = json.loads(out)
    assert [r["ref"] for r in rows] == ["6.2"]
    assert rows[0]["quantities"] == ["21 bộ tiểu phẫu"]


def test_agencies_of_a_place(corpus_store: Path) -> None:
    out = invoke("agencies", "--place", "Hà Tĩnh", "--format", "json", "--store", str(corpus_store))
    ids = {r["id"] for r in json.loads(out)}
    assert "agency/VN-23/so-ngoai-vu" in ids and not any(i.startswith("agency/VN-54/") for i in ids)
    table = invoke("agencies", "--place", "Bắc Giang", "--store", str(corpus_store))
    assert "Sở Ngoại vụ tỉnh Bắc Giang" in table


def test_export_activities_jsonl(corpus_store: Path) -> None:
    lines = invoke("export", "activities", "--store", str(corpus_store)).splitlines()
    rows = [json.loads(x) for x in lines]
    required = {"id", "ref", "title", "sector", "time", "years", "lead", "coordinating", "quantities", "partner",
                "agreement", "evidence"}  # fmt: skip
    assert rows and all(required <= set(r) for r in rows)
    six_two = next(r for r in rows if r["ref"] == "6.2" and r["section"] == "II.6.2")
    assert set(six_two["evidence"][0]) == {"document_id", "source", "section", "start", "end", "quote"}
    assert six_two["evidence"][0]["source"].endswith("002_302798a028ef3b69.txt")


def test_export_agencies_csv(corpus_store: Path, tmp_path: Path) -> None:
    out = tmp_path / "agencies.csv"
    invoke("export", "agencies", "--format", "csv", "--out", str(out), "--store", str(corpus_store))
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert rows and {"id", "name", "kind", "place", "aliases", "evidence"} <= set(rows[0])
    bg = next(r for r in rows if r["id"] == "agency/VN-54/so-ngoai-vu")
    assert bg["kind"] == "department" and json.loads(bg["aliases"]) == ["SNgV", "Sở NgV"]
