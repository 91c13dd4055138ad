"""`hoptac lineage DOC` over a store holding the sample corpus: both trees, with citations; JSON; a
reference given by its number; a clear error for an unknown document."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from api.cli import app
from graph.errors import NotFoundError

CORPUS = Path(__file__).resolve().parents[2] / "examples" / "corpus"
runner = CliRunner()


def invoke(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


def test_tree_of_the_2022_plan(corpus_store: Path) -> None:
    code, out = invoke("lineage", str(CORPUS / "002_302798a028ef3b69.txt"), "--store", str(corpus_store))
    assert code == 0, out
    assert "refers to (3)" in out and "referred to by (0)" in out
    assert "SUPERSEDES Kế hoạch số 667/KH-UBND ngày 09/12/2021 (not ingested)" in out
    assert "§IV.10" in out and "thay thế cho Kế hoạch số 667/KH-UBND" in out
    assert "LEGAL_BASIS Luật Thỏa thuận quốc tế ngày 13/11/2020" in out  # the undated citation, resolved


def test_what_refers_to_a_law(corpus_store: Path) -> None:
    code, out = invoke("lineage", "Luật Thỏa thuận quốc tế ngày 13/11/2020", "--format", "json",
                       "--store", str(corpus_store))  # fmt: skip
    assert code == 0, out
    data = json.loads(out)
    assert data["refers_to"]["children"] == []
    cited_by = {(c["relation"], c["doc_type"]) for c in data["referred_to_by"]["children"]}
    assert cited_by == {("CITES", "Thông báo"), ("LEGAL_BASIS", "Kế hoạch"), ("LEGAL_BASIS", "Quyết định")}
    assert all(c["evidence"][0]["quote"] for c in data["referred_to_by"]["children"])


def test_reference_by_number_and_depth(corpus_store: Path) -> None:
    code, out = invoke("lineage", "35/KH-UBND", "--depth", "2", "--store", str(corpus_store))
    assert code == 0, out
    assert "IMPLEMENTS Nghị quyết số 169/NQ-CP ngày 31/12/2021" in out
    assert "IMPLEMENTS Nghị quyết số 36-NQ/TW" in out  # two links away
    assert "CITES Công văn /SNgV-VPTTr (2022-08)" in out


def test_unknown_document_is_a_clear_error(corpus_store: Path) -> None:
    result = runner.invoke(app, ["lineage", "999/XYZ", "--store", str(corpus_store)])
    assert result.exit_code == 1  # `main` prints the message of the NotFoundError raised here
    assert isinstance(result.exception, NotFoundError) and "no document '999/XYZ'" in str(result.exception)
