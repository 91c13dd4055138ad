"""`hoptac activities`: what is planned or assigned, by whom, for which partner, citing documents.

hoptac activities --lead "Sở Y tế" --partner "Xay Sổm Bun"
hoptac activities --year 2024 --format csv
"""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.table import Table

from api.cli.options import StoreOpt, make_console, open_store
from api.cli.partners import ViewFormat, doc_labels, emit_machine_readable
from graph.activities import ACTIVITY_FIELDS, activity_rows, filter_activities
from ingest.extract.activity_cues import activity_cues

console = make_console()


def cite(row: dict[str, Any], docs: dict[str, str]) -> str:
    """'Kế hoạch (2022-08) §II.6.2' — the document (number, else type and date) and the section."""
    label = docs.get(str(row["document"]), str(row["document"]))
    return f"{label} §{row['section']}" if row["section"] else label


def sector_label(code: str | None) -> str:
    """The Vietnamese name of a sector code ('nong_nghiep' -> 'Nông nghiệp, nông thôn')."""
    if not code:
        return ""
    return next((s.vi for s in activity_cues().sectors.values() if s.code == code), code)


def _short(text: Any, n: int) -> str:
    s = " ".join(str(text or "").split())
    return s if len(s) <= n else s[: n - 1] + "…"


def activities(
    lead: Annotated[str | None, typer.Option(help="Only activities this body leads (any spelling).")] = None,
    partner: Annotated[
        str | None, typer.Option(help="Only activities for this foreign partner (or a unit of it).")
    ] = None,
    year: Annotated[int | None, typer.Option(help="Only activities planned in this year.")] = None,
    fmt: Annotated[ViewFormat, typer.Option("--format", help="Output format.")] = ViewFormat.table,
    store: StoreOpt = None,
) -> None:
    """Activities (plan items, assigned tasks): lead, coordinating bodies, time, partner, citation."""
    with open_store(store) as st:
        graph = st.load_graph()
        rows = filter_activities(graph, activity_rows(graph), lead, partner, year)
        docs = doc_labels(st)
    if emit_machine_readable(rows, fmt, ACTIVITY_FIELDS):
        return
    table = Table("ref", "activity", "sector", "time", "lead", "coordinating", "partner", "cited",
                  title=f"{len(rows)} activities", show_lines=True)  # fmt: skip
    for r in rows:
        table.add_row(
            r["ref"] or "", _short(r["title"], 70), sector_label(r["sector"]), _short(r["time"] or r["deadline"], 40),
            "; ".join(r["lead"]) or _short(r["lead_text"], 40),
            _short("; ".join(r["coordinating"]) or r["coordinating_text"], 80), "; ".join(r["partner"]), cite(r, docs),
        )  # fmt: skip
    console.print(table)


def register(app: typer.Typer) -> None:
    app.command()(activities)
