"""`hoptac agencies --place X`: the bodies of a place and how many activities each leads and
coordinates."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from api.cli.options import StoreOpt, make_console, open_store
from api.cli.partners import ViewFormat, emit_machine_readable
from graph.activities import AGENCY_FIELDS, agency_rows

console = make_console()


def agencies(
    place: Annotated[str | None, typer.Option(help="Only bodies of this place (any spelling); all if omitted.")] = None,
    fmt: Annotated[ViewFormat, typer.Option("--format", help="Output format.")] = ViewFormat.table,
    store: StoreOpt = None,
) -> None:
    """Agencies with their kind, place, other names and roles (activities led / coordinated)."""
    with open_store(store) as st:
        rows = agency_rows(st.load_graph(), place)
    if emit_machine_readable(rows, fmt, AGENCY_FIELDS):
        return
    title = f"Agencies of {place}: {len(rows)}" if place else f"{len(rows)} agencies"
    table = Table("agency", "kind", "place", "leads", "coordinates", "also named", title=title, show_lines=True)
    for r in sorted(rows, key=lambda r: (-r["leads"], -r["coordinates"], str(r["name"]))):
        table.add_row(str(r["name"]), r["kind"] or "", r["place_name"] or "", str(r["leads"]), str(r["coordinates"]),
                      "; ".join(r["aliases"]))  # fmt: skip
    console.print(table)


def register(app: typer.Typer) -> None:
    app.command()(agencies)
