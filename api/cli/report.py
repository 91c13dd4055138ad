"""`hoptac report PLACE --out DIR`: figures, tables and one HTML file about a place's partnerships."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from api.cli.explore import LangOpt, Language
from api.cli.options import StoreOpt, make_console, open_store

console = make_console()


def report(
    place: Annotated[str, typer.Argument(help="A place or agency, in any spelling (diacritics optional).")],
    out: Annotated[Path, typer.Option("--out", help="Folder to write the report files into.")],
    lang: LangOpt = Language.vi,
    store: StoreOpt = None,
) -> None:
    """Network figure and timeline (PNG, SVG), partnership table with citations (CSV, Markdown, XLSX),
    and one self-contained HTML file with all of it."""
    from graph.report import build_report

    with open_store(store) as st:
        graph = st.load_graph()
    files = build_report(graph, place, out, lang=lang.value)
    table = Table("kind", "file", "bytes", title=f"Report on {place}")
    for kind, path in files.items():
        table.add_row(kind, str(path), f"{path.stat().st_size:,}")
    console.print(table)


def register(app: typer.Typer) -> None:
    app.command()(report)
