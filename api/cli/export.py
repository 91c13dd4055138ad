"""`hoptac export ...`: tables other tools read (field names are a contract)."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, TextIO

import typer

from api.cli.options import StoreOpt, open_store
from graph.exports import DOCUMENT_FIELDS, document_rows, write_csv, write_jsonl
from graph.partnerships import PARTNERSHIP_CSV_FIELDS, flatten, partnership_rows

app = typer.Typer(help="Export what the store holds as JSON Lines or CSV.", no_args_is_help=True)


class TableFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"


FormatOpt = Annotated[TableFormat, typer.Option("--format", help="Output format.")]
OutOpt = Annotated[Path | None, typer.Option("--out", help="Write to this file instead of standard output.")]


def emit(rows: Any, fields: list[str], fmt: TableFormat, out: Path | None) -> None:
    """Write rows to `out` (or stdout) in the chosen format."""
    handle: TextIO = out.open("w", encoding="utf-8", newline="") if out else sys.stdout
    try:
        if fmt is TableFormat.jsonl:
            write_jsonl(rows, handle)
        else:
            write_csv(rows, handle, fields)
    finally:
        if out:
            handle.close()


@app.command("documents")
def export_documents(
    fmt: FormatOpt = TableFormat.jsonl, out: OutOpt = None, store: StoreOpt = None
) -> None:
    """One object per document: id, source, type, number, issuer, place, date, title, signer,
    signer_role, sections."""
    with open_store(store) as st:
        emit(list(document_rows(st)), DOCUMENT_FIELDS, fmt, out)


@app.command("partnerships")
def export_partnerships(
    fmt: FormatOpt = TableFormat.jsonl, out: OutOpt = None, store: StoreOpt = None
) -> None:
    """One object per (Vietnamese party, foreign party): id, vn_party, foreign_party, status,
    agreement, evidence. CSV flattens nested objects to dotted columns."""
    with open_store(store) as st:
        rows = partnership_rows(st.load_graph())
    if fmt is TableFormat.csv:
        emit([flatten(r) for r in rows], PARTNERSHIP_CSV_FIELDS, fmt, out)
    else:
        emit(rows, [], fmt, out)
