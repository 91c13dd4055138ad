"""`hoptac explore --out FILE.html`: the interactive explorer as one self-contained file (works offline)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from api.cli.options import StoreOpt, make_console, open_store
from graph.errors import StoreError
from graph.store import Store

console = make_console(stderr=True)


class Language(StrEnum):
    vi = "vi"
    en = "en"


LangOpt = Annotated[Language, typer.Option("--lang", help="Language of labels and interface (toggle on the page).")]


class StoreTexts(Mapping[str, str]):
    """Document texts read from the store when the page needs them (only cited documents are)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.ids = {d.id: None for d in store.documents()}  # ordered, and a fast `in`

    def __getitem__(self, doc_id: str) -> str:
        return self.store.get_document(doc_id).text or ""

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self.ids

    def __iter__(self) -> Iterator[str]:
        return iter(self.ids)

    def __len__(self) -> int:
        return len(self.ids)


def write_page(out: Path, html: str) -> None:
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(html, encoding="utf-8")
    except OSError as exc:
        raise StoreError(f"{out}: cannot write the page: {exc}") from exc


def explore(
    out: Annotated[Path, typer.Option("--out", help="The HTML file to write.")],
    focus: Annotated[
        str | None, typer.Option(help="Only this entity (id or name, any spelling) and its neighbourhood.")
    ] = None,
    depth: Annotated[int, typer.Option(min=1, max=3, help="Neighbourhood depth with --focus.")] = 2,
    lang: LangOpt = Language.vi,
    store: StoreOpt = None,
) -> None:
    """Write the explorer (graph, filters, facts and quotes, document view) as one HTML file."""
    from graph.explorer import render_explorer

    with open_store(store) as st:
        graph = st.load_graph()
        html = render_explorer(graph, lang=lang.value, focus=focus, depth=depth, texts=StoreTexts(st))
    write_page(out, html)
    console.print(f"wrote {out} ({len(html) / 1e6:.1f} MB; {len(graph.nodes)} nodes in the store)", highlight=False)


def register(app: typer.Typer) -> None:
    app.command()(explore)
