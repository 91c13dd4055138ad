"""`hoptac partners NAME` and `hoptac review`: the researcher's views of partnerships."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from enum import StrEnum
from typing import Annotated, Any

import orjson
import typer
from rich.table import Table

from api.cli.options import StoreOpt, make_console, open_store
from graph.exports import write_csv
from graph.partnerships import PARTNERSHIP_CSV_FIELDS, filter_rows, flatten, partners_of, partnership_rows
from graph.partnerships import citations as cite_documents
from graph.store import Store

console = make_console()


class ViewFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


def emit_machine_readable(rows: Iterable[dict[str, Any]], fmt: ViewFormat, csv_fields: list[str]) -> bool:
    """Print `rows` as JSON or CSV when `fmt` asks for it; False when a table is wanted instead."""
    if fmt is ViewFormat.json:
        console.print_json(orjson.dumps(list(rows)).decode())
        return True
    if fmt is ViewFormat.csv:
        write_csv(rows, sys.stdout, csv_fields)
        return True
    return False


def citations(row: dict[str, Any], docs: dict[str, str]) -> str:
    """'/TB-UBND (2024-06) §2.7-2; Kế hoạch (2022-08) §II.2.8' — number (or type and date) + section."""
    return cite_documents(row, lambda doc_id, source: docs.get(doc_id, source))


VN_UNIT = {"province": "tỉnh", "city": "thành phố", "district": "huyện", "commune": "xã"}


def party_label(p: dict[str, Any]) -> str:
    """'thành phố Bắc Giang', 'Xay Sổm Bun' — Vietnamese units with their unit word, others as named."""
    name = str(p.get("name_vi") or p.get("name") or p["id"])
    if p.get("country") == "VN" and p.get("level") in VN_UNIT and p.get("level") != "province":
        return f"{VN_UNIT[p['level']]} {name}"
    return name


def _short(text: Any, n: int) -> str:
    s = " ".join(str(text or "").split())
    return s if len(s) <= n else s[: n - 1] + "…"


def doc_labels(store: Store) -> dict[str, str]:
    out = {}
    for d in store.documents():
        m = d.meta
        label = m.get("number") or m.get("type") or d.source
        out[d.id] = f"{label} ({m['date']})" if m.get("date") else str(label)
    return out


def partners(
    name: Annotated[
        str | None, typer.Argument(help="A place or agency, in any spelling (diacritics optional); all if omitted.")
    ] = None,
    status: Annotated[str | None, typer.Option(help="Only this status (signed, proposed, ...).")] = None,
    country: Annotated[str | None, typer.Option(help="Only partners in this country (ISO 3166-1 alpha-2).")] = None,
    fmt: Annotated[ViewFormat, typer.Option("--format", help="Output format.")] = ViewFormat.table,
    store: StoreOpt = None,
) -> None:
    """Who NAME partners with: partner, country, level, status, agreement, period, citing documents."""
    with open_store(store) as st:
        graph = st.load_graph()
        if name:
            rows = partners_of(graph, name, status, country)
        else:
            rows = filter_rows(partnership_rows(graph), status, country)
        docs = doc_labels(st)
    if emit_machine_readable(rows if fmt is ViewFormat.json else (flatten(r) for r in rows), fmt,
                             PARTNERSHIP_CSV_FIELDS):
        return
    table = Table(
        "Vietnamese party", "partner", "country", "level", "status", "agreement", "period", "documents",
        title=f"Partners of {name}: {len(rows)}" if name else f"{len(rows)} partnerships", show_lines=True,
    )  # fmt: skip
    for r in rows:
        a = r["agreement"] or {}
        table.add_row(
            party_label(r["vn_party"]), party_label(r["foreign_party"]),
            r["foreign_party"]["country"] or "", r["foreign_party"]["level"] or "", r["status"],
            _short(a.get("title"), 60), a.get("period") or "", citations(r, docs),
        )  # fmt: skip
    console.print(table)


def review(store: StoreOpt = None) -> None:
    """Low-confidence name matches that were not merged silently, for a person to decide."""
    with open_store(store) as st:
        items = [(d, item) for d in st.documents() for item in d.meta.get("review", [])]
    table = Table("document", "section", "mention", "suggested", "score", "reason", title=f"{len(items)} to review")
    for d, item in items:
        table.add_row(d.source, str(item.get("section") or ""), item["mention"], item["candidate"],
                      str(item["score"]), item.get("reason", ""))  # fmt: skip
    console.print(table)


def register(app: typer.Typer) -> None:
    app.command()(partners)
    app.command()(review)
