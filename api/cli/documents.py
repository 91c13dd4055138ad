"""Commands about documents: ingest, documents, show-document, remove, stats."""

from __future__ import annotations

from collections import Counter
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table
from rich.tree import Tree

from api.cli.options import StoreOpt, make_console, open_store
from ingest.pipeline import IngestResult, discover, ingest_file

console = make_console()


def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files or folders (.txt, .docx, .pdf, .html).")],
    store: StoreOpt = None,
) -> None:
    """Ingest documents; a bad file is reported and never stops the batch."""
    files = list(discover(paths))
    results: list[IngestResult] = []
    with open_store(store) as st, Progress(
        TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.description}"),
        console=Console(stderr=True), transient=True,
    ) as bar:  # fmt: skip
        task = bar.add_task("", total=len(files))
        for source, skip in files:
            bar.update(task, description=source)
            results.append(IngestResult(source, "skipped", error=skip) if skip else ingest_file(source, st))
            bar.advance(task)
    _print_summary(results)
    if any(r.status == "failed" for r in results):
        raise typer.Exit(1)


def _print_summary(results: list[IngestResult]) -> None:
    counts: Counter[str] = Counter(r.status for r in results)
    order = ["new", "unchanged", "updated", "duplicate", "skipped", "failed"]
    console.print(" · ".join(f"{s}: {counts.get(s, 0)}" for s in order), highlight=False)
    for r in results:
        if r.status == "failed":
            console.print(f"  [red]failed[/red] {r.error}", highlight=False)
        elif r.status == "skipped":
            console.print(f"  [yellow]skipped[/yellow] {r.source}: {r.error}", highlight=False)
        for w in r.warnings:
            console.print(f"  [yellow]warning[/yellow] {r.source}: {w}", highlight=False)


def documents(store: StoreOpt = None) -> None:
    """Table of ingested documents: id, type, number, date, issuer, title."""
    with open_store(store) as st:
        docs = st.documents()
    table = Table("id", "type", "number", "date", "issuer", "title", title=f"{len(docs)} documents")
    for d in docs:
        m = d.meta
        table.add_row(
            d.id.removeprefix("document/")[:12], m.get("type") or "", m.get("number") or "",
            m.get("date") or "", m.get("issuer") or "", _short(m.get("title"), 70),
        )  # fmt: skip
    console.print(table)


def show_document(
    ref: Annotated[str, typer.Argument(help="Document id (or a unique prefix) or source path.")],
    store: StoreOpt = None,
) -> None:
    """Metadata and section tree of one document."""
    with open_store(store) as st:
        doc = st.get_document(ref, with_text=False)
    table = Table(show_header=False, box=None)
    table.add_row("id", doc.id)
    table.add_row("source", doc.source)
    table.add_row("format", f"{doc.format} ({doc.encoding})" if doc.encoding else doc.format)
    for key in ("type", "number", "date", "place", "issuer", "title", "signer", "signer_role", "signer_authority"):
        table.add_row(key, str(doc.meta.get(key) or ""))
    for w in doc.warnings:
        table.add_row("warning", w)
    console.print(table)
    tree = Tree("sections")
    _add_sections(tree, doc.structure.get("sections", []))
    console.print(tree)


def _add_sections(tree: Tree, sections: list[dict[str, Any]]) -> None:
    for s in sections:
        branch = tree.add(f"[bold]{s['path']}[/bold] {_short(s['title'], 90)}")
        _add_sections(branch, s["children"])


def remove(
    ref: Annotated[str, typer.Argument(help="Document id (or a unique prefix) or source path.")],
    store: StoreOpt = None,
) -> None:
    """Remove one document and its facts (and nothing else)."""
    with open_store(store) as st:
        doc = st.remove(ref)
    console.print(f"removed {doc.id} ({doc.source})", highlight=False)


def stats(store: StoreOpt = None) -> None:
    """Counts of documents, nodes and edges by type."""
    with open_store(store) as st:
        s = st.stats()
    table = Table("what", "type", "count", title=f"store {s['store']}")
    table.add_row("documents", "", str(s["documents"]))
    table.add_row("characters", "", str(s["characters"]))
    for kind in ("nodes", "edges"):
        for t, c in s[kind].items():
            table.add_row(kind, t, str(c))
    console.print(table)


def _short(text: Any, n: int) -> str:
    s = " ".join(str(text or "").split())
    return s if len(s) <= n else s[: n - 1] + "…"


def register(app: typer.Typer) -> None:
    app.command()(ingest)
    app.command()(documents)
    app.command("show-document")(show_document)
    app.command()(remove)
    app.command()(stats)
