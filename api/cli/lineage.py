"""`hoptac lineage DOC`: what a document refers to (legal basis, what it implements, supersedes, is
based on, cites) and what refers to it, as two trees with the words that state each link."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import orjson
import typer
from rich.tree import Tree

from api.cli.options import StoreOpt, make_console, open_store
from graph.errors import NotFoundError
from graph.lineage import LineageNode, find_document, lineage, lineage_json
from graph.model import GraphData
from graph.store import Store

console = make_console()


class LineageFormat(StrEnum):
    tree = "tree"
    json = "json"


def _label(item: LineageNode) -> str:
    p = item.node.props
    name = str(p.get("name") or item.node.id)
    stub = " [dim](not ingested)[/dim]" if p.get("stub") else ""
    relation = f"[bold cyan]{item.relation}[/bold cyan] " if item.relation else ""
    seen = " [dim](listed already)[/dim]" if item.seen else ""
    return f"{relation}{name}{stub}{seen}"


def _citation(item: LineageNode) -> str:
    if item.edge is None or not item.edge.evidence:
        return ""
    ev = item.edge.evidence[0]
    section = f"§{ev.section} " if ev.section else ""
    quote = " ".join(ev.quote.split())
    return f"[dim]{section}“{quote if len(quote) <= 110 else quote[:109] + '…'}”[/dim]"


def _add(tree: Tree, item: LineageNode) -> None:
    for child in item.children:
        cite = _citation(child)
        branch = tree.add(_label(child) + (f"\n{cite}" if cite else ""))
        _add(branch, child)


def _resolve(st: Store, graph: GraphData, ref: str) -> str:
    try:
        return st.get_document(ref, with_text=False).id
    except NotFoundError:
        return find_document(graph, ref)


def lineage_cmd(
    doc: Annotated[str, typer.Argument(help="Document id (or unique prefix), source path, or a number (667/KH-UBND).")],
    depth: Annotated[int, typer.Option(min=1, max=10, help="How many links to follow each way.")] = 3,
    fmt: Annotated[LineageFormat, typer.Option("--format", help="Output format.")] = LineageFormat.tree,
    store: StoreOpt = None,
) -> None:
    """The documents DOC refers to, and the documents that refer to DOC."""
    with open_store(store) as st:
        graph = st.load_graph()
        doc_id = _resolve(st, graph, doc)
    out, back = lineage(graph, doc_id, "out", depth), lineage(graph, doc_id, "in", depth)
    if fmt is LineageFormat.json:
        console.print_json(
            orjson.dumps({"refers_to": lineage_json(out), "referred_to_by": lineage_json(back)}).decode()
        )
        return
    root = Tree(f"[bold]{out.node.props.get('name') or doc_id}[/bold] [dim]{doc_id}[/dim]")
    refers = root.add(f"refers to ({len(out.children)})")
    _add(refers, out)
    referred = root.add(f"referred to by ({len(back.children)})")
    _add(referred, back)
    console.print(root)


def register(app: typer.Typer) -> None:
    app.command("lineage")(lineage_cmd)
