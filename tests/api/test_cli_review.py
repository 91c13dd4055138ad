"""Fuzzy matches too weak to merge silently are kept for `hoptac review`, not merged."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from api.cli import app
from graph.store import Store

runner = CliRunner()


def test_weak_match_goes_to_review_not_into_the_graph(tmp_path: Path) -> None:
    doc = tmp_path / "news.txt"
    # "Savanakhetta" is an unseen misspelling of Savannakhet (fuzzy score about 91, below auto-merge at 92).
    doc.write_text("Tỉnh Quảng Trị và tỉnh Savanakhetta (Lào) đã ký Biên bản hợp tác năm 2024.", encoding="utf-8")
    store = str(tmp_path / "store")
    assert runner.invoke(app, ["ingest", str(doc), "--store", store]).exit_code == 0
    with Store(store) as st:
        g = st.load_graph()
    assert "foreign/LA-SV" not in g.nodes  # not merged silently
    result = runner.invoke(app, ["review", "--store", store])
    assert result.exit_code == 0
    assert "Savanakhetta" in result.output and "LA-SV" in result.output
