"""`hoptac partners NAME` and `hoptac review`: the researcher's views of partnerships."""

from __future__ import annotations

import sys
from enum import Enum
from typing import Annotated, Any

import orjson
import typer
from rich.console import Console
from rich.table import Table

from api.cli.options import StoreOpt, open_store
from graph.exports import write_csv
from graph.partnerships import PARTNERSHIP_CSV_FIELDS, flatten, partners_of
from graph.store import Store

console = Console()


class ViewFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


def citations(row: dict[str, Any], docs: dict[str, str]) -> str:
    """'/TB-UBND (2024-06) §2.7-2; Kế hoạch (2022-08) §II.2.8' — number (or type and date) + section."""
    seen: list[str] = []
    for ev in row["evidence"]:
        cite = docs.get(ev["document_id"], ev["source"]) + (f" §{ev['section']}" if ev["section"] else "")
        if cite not in seen:
            seen.append(cite)
    return "; ".join(seen)


def doc_labels(store: Store) -> dict[str, str]:
    out = {}
    for d in store.documents():
        m = d.meta
        label = m.get("number") or m.get("type") or d.source
        out[d.id] = f"{label} ({m['date']})" if m.get("date") else str(label)
    return out


def partners(
    name: Annotated[str, typer.Argument(help="A place or agency, in any spelling (diacritics optional).")],
    status: Annotated[str | None, typer.Option(help="Only this status (signed, proposed, ...).")] = None,
    country: Annotated[str | None, typer.Option(help="Only partners in this country (ISO 3166-1 alpha-2).")] = None,
    fmt: Annotated[ViewFormat, typer.Option("--format", help="Output format.")] = ViewFormat.table,
    store: StoreOpt = None,
) -> None:
    """Who NAME partners with: partner, country, level, status, agreement, period, citing documents."""
    with open_store(store) as st:
        rows = partners_of(st.load_graph(), name, status, country)
        docs = doc_labels(st)
    if fmt is ViewFormat.json:
        console.print_json(orjson.dumps(rows).decode())
        return
    if fmt is ViewFormat.csv:
        write_csv((flatten(r) for r in rows), sys.stdout, PARTNERSHIP_CSV_FIELDS)
        return
    table = Table(
        "Vietnamese party", "partner", "country", "level", "status", "agreement", "period", "documents",
        title=f"Partners of {name}: {len(rows)}", show_lines=True,
    )  # fmt: skip
    for r in rows:
        a = r["agreement"] or {}
        table.add_row(
            r["vn_party"]["name"], r["foreign_party"]["name_vi"] or r["foreign_party"]["name"],
            r["foreign_party"]["country"] or "", r["foreign_party"]["level"] or "", r["status"],
            a.get("title") or "", a.get("period") or "", citations(r, docs),
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
