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


class GraphFormat(StrEnum):
    trig = "trig"
    nquads = "nquads"
    turtle = "turtle"
    jsonld = "jsonld"
    graphml = "graphml"


@app.command("graph")
def export_graph(
    fmt: Annotated[GraphFormat, typer.Option("--format", help="Output format.")] = GraphFormat.trig,
    out: OutOpt = None,
    store: StoreOpt = None,
) -> None:
    """The whole graph: RDF with one named graph per source document (trig, nquads, jsonld), the merged
    graph only (turtle), or GraphML (lists and evidence as JSON strings). See docs/rdf.md."""
    from graph.rdf_export import write_graph

    with open_store(store) as st:
        graph = st.load_graph()
    if out is None:
        write_graph(graph, fmt.value, sys.stdout.buffer)
        sys.stdout.buffer.flush()
        return
    with out.open("wb") as handle:
        write_graph(graph, fmt.value, handle)


@app.command("activities")
def export_activities(
    fmt: FormatOpt = TableFormat.jsonl, out: OutOpt = None, store: StoreOpt = None
) -> None:
    """One object per activity (plan item, assigned task): id, ref, title, sector, time, years,
    deadline, lead, coordinating, coordinating_note, quantities, partner, agreement, document,
    section, lead_ids, coordinating_ids, partner_ids, lead_text, coordinating_text, evidence. CSV
    cells hold lists and objects as compact JSON."""
    from graph.activities import ACTIVITY_FIELDS, activity_rows

    with open_store(store) as st:
        rows = activity_rows(st.load_graph())
    emit(rows, ACTIVITY_FIELDS, fmt, out)


@app.command("agencies")
def export_agencies(
    fmt: FormatOpt = TableFormat.jsonl, out: OutOpt = None, store: StoreOpt = None
) -> None:
    """One object per agency: id, name, kind, place, place_name, country, aliases, leads,
    coordinates (how many activities), evidence. CSV cells hold lists as compact JSON."""
    from graph.activities import AGENCY_FIELDS, agency_rows

    with open_store(store) as st:
        rows = agency_rows(st.load_graph())
    emit(rows, AGENCY_FIELDS, fmt, out)
