"""Report pieces for one place, on the sample corpus run through the whole pipeline (examples/corpus/):
the partnerships of Bắc Giang (documents 000, 002, 004) as figures, tables and one HTML file."""

from __future__ import annotations

import base64
import csv
import doctest
import re
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from PIL import Image
from typer.testing import CliRunner

import graph.report.figures
import graph.report.tables
from api.cli import app
from graph.errors import InputError, NotFoundError
from graph.model import GraphData
from graph.partnerships import partners_of
from graph.report import build_report
from graph.report.figures import Bar, parse_date, timeline_figure
from graph.store import Store
from ingest.pipeline import ingest_paths

CORPUS = Path(__file__).resolve().parents[2] / "examples" / "corpus"
PLACE = "Bắc Giang"


@pytest.fixture(scope="module")
def rows(corpus_graph: GraphData) -> list[dict[str, Any]]:
    found = partners_of(corpus_graph, PLACE)
    assert len(found) >= 15  # the province, the city, Lục Ngạn, agencies and a school
    return found


@pytest.fixture(scope="module")
def report(corpus_graph: GraphData, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return build_report(corpus_graph, PLACE, tmp_path_factory.mktemp("report"), lang="vi")


def test_every_file_is_written(report: dict[str, Path]) -> None:
    assert sorted(report) == sorted(
        ["network_png", "network_svg", "timeline_png", "timeline_svg", "csv", "markdown", "xlsx", "html"]
    )
    assert all(p.is_file() and p.stat().st_size > 500 for p in report.values())


def test_csv_holds_every_partnership_with_its_citations(report: dict[str, Path], rows: list[dict[str, Any]]) -> None:
    with report["csv"].open(encoding="utf-8-sig", newline="") as f:
        table = list(csv.DictReader(f))
    assert {(r["Mã bên Việt Nam"], r["Mã đối tác"]) for r in table} == {
        (r["vn_party"]["id"], r["foreign_party"]["id"]) for r in rows
    }
    assert all(r["Văn bản dẫn chứng"] for r in table)  # every row cites its documents
    xs = next(r for r in table if (r["Mã bên Việt Nam"], r["Mã đối tác"]) == ("province/VN-54", "foreign/LA-XS"))
    assert xs["Đối tác nước ngoài"] == "Xay Sổm Bun (tỉnh)" and xs["Quốc gia"] == "Lào (LA)"
    assert xs["Giai đoạn"] == "2021–2025" and xs["Ngày ký"] == "2021-08-09"
    assert "Kế hoạch (2022-08) §II." in xs["Văn bản dẫn chứng"]


def test_markdown_has_the_table_and_every_quote(report: dict[str, Path], rows: list[dict[str, Any]]) -> None:
    text = report["markdown"].read_text(encoding="utf-8")
    assert text.startswith("# Quan hệ hợp tác quốc tế của Bắc Giang")
    table_lines = [line for line in text.splitlines() if line.startswith("| ")]
    evidence = sum(len(r["evidence"]) for r in rows)
    assert len(table_lines) == 2 + len(rows) + evidence  # two header rows, one per partnership, one per quote
    for r in rows:
        assert " ".join(r["evidence"][0]["quote"].split()).replace("|", "\\|") in text


def test_xlsx_has_a_partnership_sheet_and_a_quote_sheet(report: dict[str, Path], rows: list[dict[str, Any]]) -> None:
    book = load_workbook(report["xlsx"])
    partnerships, quotes = book.worksheets
    assert partnerships.title == "Bảng quan hệ hợp tác" and quotes.title == "Trích dẫn"
    assert partnerships.max_row == 1 + len(rows)
    assert quotes.max_row == 1 + sum(len(r["evidence"]) for r in rows)
    ids = {c.value for c in partnerships["K"][1:]}
    assert ids == {r["foreign_party"]["id"] for r in rows}


@pytest.mark.parametrize("kind", ["network_png", "timeline_png"])
def test_png_figures_are_valid_images(report: dict[str, Path], kind: str) -> None:
    with Image.open(report[kind]) as im:
        im.verify()
    with Image.open(report[kind]) as im:
        assert im.format == "PNG" and im.width > 800 and im.height > 200
        assert len(im.convert("L").getcolors(maxcolors=256) or []) > 10  # not a blank canvas


@pytest.mark.parametrize("kind", ["network_svg", "timeline_svg"])
def test_svg_figures_are_valid_and_keep_vietnamese_text(report: dict[str, Path], kind: str) -> None:
    root = ET.parse(report[kind]).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    text = report[kind].read_text(encoding="utf-8")
    assert "DejaVu Sans" in text
    assert ("Xay Sổm Bun" if kind == "network_svg" else "Thoả thuận hợp tác") in text


def test_network_svg_names_every_foreign_partner(report: dict[str, Path], rows: list[dict[str, Any]]) -> None:
    text = report["network_svg"].read_text(encoding="utf-8")
    for r in rows:
        name = r["foreign_party"]["name_vi"] or r["foreign_party"]["name"]
        assert name[:30] in text, name


def test_html_is_self_contained(report: dict[str, Path], rows: list[dict[str, Any]]) -> None:
    html = report["html"].read_text(encoding="utf-8")
    assert re.search(r"(?i)https?://", html) is None
    assert "<script" not in html and "<link" not in html
    images = re.findall(r'<img alt="[^"]*" src="([^"]+)"', html)
    assert len(images) == 2 and all(src.startswith("data:image/svg+xml;base64,") for src in images)
    svg = base64.b64decode(images[0].split(",", 1)[1]).decode("utf-8")
    assert "Xay Sổm Bun" in svg
    assert html.count("<tr>") == 1 + len(rows)
    assert "Kế hoạch (2022-08)" in html


def test_english_report(corpus_graph: GraphData, tmp_path: Path) -> None:
    files = build_report(corpus_graph, "bac giang", tmp_path, lang="en")
    first = files["csv"].read_text(encoding="utf-8-sig").splitlines()[0]
    assert first.startswith("Vietnamese party,Foreign partner,Country,Status,Agreement")
    assert "International partnerships of Bắc Giang" in files["html"].read_text(encoding="utf-8")


def test_unknown_place_and_language_are_errors(corpus_graph: GraphData, tmp_path: Path) -> None:
    with pytest.raises(NotFoundError, match="Atlantis"):
        build_report(corpus_graph, "Atlantis", tmp_path)
    with pytest.raises(InputError):
        build_report(corpus_graph, PLACE, tmp_path, lang="fr")


def test_report_command_writes_the_files(tmp_path: Path) -> None:
    """`hoptac report PLACE --out DIR --lang en --store S` over a store of the corpus."""
    store = tmp_path / "store"
    with Store(store) as st:
        ingest_paths([str(CORPUS)], st)
    out = tmp_path / "report"
    result = CliRunner().invoke(app, ["report", "Bac Giang", "--out", str(out), "--lang", "en", "--store", str(store)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == [
        "network.png", "network.svg", "partnerships.csv", "partnerships.md", "partnerships.xlsx", "report.html",
        "timeline.png", "timeline.svg",
    ]  # fmt: skip
    assert "International partnerships of Bắc Giang" in (out / "report.html").read_text(encoding="utf-8")
    missing = CliRunner().invoke(app, ["report", "Atlantis", "--out", str(out), "--store", str(store)])
    assert missing.exit_code == 1 and isinstance(missing.exception, NotFoundError)


def test_timeline_draws_one_bar_per_dated_agreement_and_a_point_per_signing() -> None:
    bars = [
        Bar("Thỏa thuận A", "signed", 2021, 2025, date(2021, 8, 9)),
        Bar("Bản ghi nhớ B", "to_be_signed", 2021, 2025, None),
        Bar("Thỏa thuận C", "signed", None, None, date(2019, 5, 1)),
        Bar("Công thư D", "proposed", None, None, None),
    ]
    ax = timeline_figure(bars, "vi").axes[0]
    assert len(ax.patches) == 2  # the bars of A and B
    assert len([line for line in ax.lines if line.get_marker() == "D"]) == 2  # signing of A and C
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Thỏa thuận A", "Bản ghi nhớ B", "Thỏa thuận C"]
    assert "1 thỏa thuận không nêu thời hạn hay ngày ký" in ax.get_xlabel()


def test_parse_date_reads_what_documents_give() -> None:
    assert parse_date("2021-08-09") == date(2021, 8, 9)
    assert parse_date("2024-06") == date(2024, 6, 1)
    assert parse_date("2023") == date(2023, 1, 1)
    assert parse_date("") is None and parse_date("tháng 6") is None


@pytest.mark.parametrize("module", [graph.report.figures, graph.report.tables])
def test_docstring_examples_hold(module: Any) -> None:
    result = doctest.testmod(module)
    assert result.attempted > 0 and result.failed == 0


def test_timeline_has_the_agreements_and_the_dated_relationships(
    corpus_graph: GraphData, rows: list[dict[str, Any]]
) -> None:
    """Bắc Giang: the Xay Sổm Bun agreement (2021-2025, signed 2021-08-09) and the schools' exchange
    that names no agreement but its years, 2019-2021 (004)."""
    from graph.report import agreement_bars

    bars = {(b.start, b.end) for b in agreement_bars(corpus_graph, rows, "vi")}
    assert {(2021, 2025), (2019, 2021)} <= bars
