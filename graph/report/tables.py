"""The partnership table of a report, with its citations, as CSV, Markdown and XLSX.

Rows come from `graph.partnerships.partners_of`; every row names the documents and sections that
state it, and a second table (sheet) gives every quote.

>>> from graph.model import GraphData
>>> table_rows([], GraphData(), "vi")
[]
>>> markdown_cell("a | b\\nc")
'a \\\\| b c'
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from graph.explorer.style import Lang, word
from graph.model import GraphData
from graph.partnerships import citations as cite_documents

COLUMNS = (
    "vn_party", "foreign_party", "country", "status", "agreement", "instrument", "period", "signed_on",
    "documents", "vn_party_id", "foreign_party_id", "agreement_id",
)  # fmt: skip
SHOWN = 9  # columns in Markdown and HTML: the ids stay in the CSV and the XLSX
EVIDENCE_COLUMNS = ("partnership", "document", "section", "start", "end", "quote")
Row = dict[str, Any]


def headers(lang: Lang) -> list[str]:
    return [word("columns", c, lang) for c in COLUMNS]


def evidence_headers(lang: Lang) -> list[str]:
    return [word("report", c, lang) for c in EVIDENCE_COLUMNS]


def party_text(party: Row, lang: Lang) -> str:
    """'Bắc Giang (thành phố)': the name in `lang` and the level of the unit."""
    first, second = ("name_vi", "name") if lang == "vi" else ("name", "name_vi")
    name = str(party.get(first) or party.get(second) or party["id"])
    return f"{name} ({word('level', party['level'], lang)})" if party.get("level") else name


def country_names(g: GraphData, lang: Lang) -> dict[str, str]:
    """ISO code -> 'Lào (LA)': each country's name, from its node in the graph, with its code."""
    first, second = ("name_vi", "name") if lang == "vi" else ("name", "name_vi")
    out = {}
    for n in g.nodes.values():
        code = str(n.props.get("country") or "").upper()
        if n.props.get("level") == "country" and code:
            out[code] = f"{n.props.get(first) or n.props.get(second)} ({code})"
    return out


def doc_name(g: GraphData, doc_id: str, source: str) -> str:
    node = g.nodes.get(doc_id)
    return str(node.props.get("name") or source) if node else source


def citations(row: Row, g: GraphData) -> str:
    """'Thông báo /TB-UBND (2024-06) §2.4-2; Kế hoạch (2022-08) §II.2.8': document + section, once each."""
    return cite_documents(row, lambda doc_id, source: doc_name(g, doc_id, source))


def _period(row: Row) -> str:
    return str(row.get("period") or "").replace("-", "–")


def table_rows(rows: Sequence[Row], g: GraphData, lang: Lang) -> list[Row]:
    """One flat, readable row per partnership, keyed by `COLUMNS`."""
    countries = country_names(g, lang)
    out = []
    for r in rows:
        a = r["agreement"] or {}
        code = str(r["foreign_party"].get("country") or "").upper()
        out.append({
            "vn_party": party_text(r["vn_party"], lang),
            "foreign_party": party_text(r["foreign_party"], lang),
            "country": countries.get(code, code),
            "status": word("status", r["status"], lang),
            "agreement": " ".join(str(a.get("title") or "").split()),
            "instrument": word("instrument", a["instrument"], lang) if a.get("instrument") else "",
            "period": _period(r),
            "signed_on": a.get("signed_on") or "",
            "documents": citations(r, g),
            "vn_party_id": r["vn_party"]["id"],
            "foreign_party_id": r["foreign_party"]["id"],
            "agreement_id": a.get("id") or "",
        })  # fmt: skip
    return out


def evidence_rows(rows: Sequence[Row], g: GraphData, lang: Lang) -> list[Row]:
    """One row per quote: which partnership, which document and section, the span and the words."""
    out = []
    for r in rows:
        pair = f"{party_text(r['vn_party'], lang)} — {party_text(r['foreign_party'], lang)}"
        for ev in r["evidence"]:
            out.append({
                "partnership": pair, "document": doc_name(g, ev["document_id"], ev["source"]),
                "section": ev["section"] or "", "start": ev["start"], "end": ev["end"],
                "quote": " ".join(ev["quote"].split()),
            })  # fmt: skip
    return out


def write_csv(path: Path, table: Sequence[Row], lang: Lang) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as out:  # the BOM lets spreadsheet programs read UTF-8
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(headers(lang))
        writer.writerows([row[c] for c in COLUMNS] for row in table)
    return path


def markdown_cell(value: Any) -> str:
    return " ".join(str(value).split()).replace("|", "\\|")


def markdown_table(head: Sequence[str], body: Sequence[Sequence[Any]]) -> list[str]:
    lines = ["| " + " | ".join(markdown_cell(h) for h in head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(markdown_cell(v) for v in row) + " |" for row in body]
    return lines


def write_markdown(path: Path, title: str, table: Sequence[Row], quotes: Sequence[Row], lang: Lang) -> Path:
    shown = COLUMNS[:SHOWN]
    lines = [f"# {title}", "", f"## {word('report', 'table', lang)}", ""]
    lines += markdown_table(headers(lang)[:SHOWN], [[row[c] for c in shown] for row in table])
    lines += ["", f"## {word('report', 'evidence', lang)}", ""]
    lines += markdown_table(evidence_headers(lang), [[q[c] for c in EVIDENCE_COLUMNS] for q in quotes])
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def write_xlsx(path: Path, table: Sequence[Row], quotes: Sequence[Row], lang: Lang) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    book = Workbook()
    sheets = [
        (book.active, word("report", "table", lang), headers(lang), [[r[c] for c in COLUMNS] for r in table]),
        (book.create_sheet(), word("report", "evidence", lang), evidence_headers(lang),
         [[q[c] for c in EVIDENCE_COLUMNS] for q in quotes]),
    ]  # fmt: skip
    for sheet, name, head, body in sheets:
        sheet.title = name[:31]
        sheet.append(head)
        for row in body:
            sheet.append(row)
        for cell in sheet[1]:
            cell.font = Font(bold=True, color="FFFFFF")
            cell.fill = PatternFill("solid", fgColor="1F3B57")
        for column in sheet.columns:
            width = max(len(str(c.value or "")) for c in column)
            sheet.column_dimensions[column[0].column_letter].width = min(60, max(10, width + 2))
            for c in column[1:]:
                c.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.freeze_panes = "A2"
        sheet.auto_filter.ref = sheet.dimensions
    book.save(path)
    return path
