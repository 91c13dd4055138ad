"""`render_explorer`: one HTML page that draws the graph (vis-network), with filters, a side panel of
facts and quotes, a Vietnamese/English toggle and, in a standalone file, an inline document view.

>>> from graph.model import NodeFact
>>> g = GraphData.merge([NodeFact("country/LA", "Country", {"name": "Laos", "country": "LA"})])
>>> html = render_explorer(g, asset_url="/explore/assets")
>>> '<script src="/explore/assets/vis-network.min.js"></script>' in html, "http" in html
(True, False)
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

import jinja2

from graph.errors import InputError
from graph.explorer.aggregate import AGGREGATE_THRESHOLD, aggregate
from graph.explorer.assets import SCRIPTS, STYLES, inline_text, neutralise_urls
from graph.explorer.focus import neighbourhood, partnership_subgraph, resolve
from graph.explorer.layout import HOME_COUNTRY, role_layout
from graph.explorer.payload import build_payload
from graph.explorer.style import LANGS, Lang, check_lang, node_label, ui_text
from graph.model import GraphData

TEMPLATES = Path(__file__).with_name("templates")
DOC_VIEW_URL = "/documents/{id}/view"  # `{id}` is the document id without its `document/` prefix


@cache
def templates() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True, undefined=jinja2.StrictUndefined
    )


def script_json(data: Any) -> str:
    """JSON safe inside `<script type="application/json">`: no `</`, no `<!--`, no URL."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return neutralise_urls(text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def vis_options() -> dict[str, Any]:
    """vis-network options: positions come from `role_layout`, so physics stays off at every size
    (vis-network's layout stalls past ~1,500 nodes, pyvis issue #204); nodes can still be dragged."""
    return {
        "autoResize": True,
        "layout": {"improvedLayout": False},
        "physics": {"enabled": False},
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": True, "multiselect": False},
        "nodes": {
            "size": 12,
            "font": {"size": 13, "face": "DejaVu Sans, Arial, sans-serif"},
            # sized by `value` (1 + edges): zoomed out, labels under 5 px are not drawn, so crowded
            # leaves fall silent while hubs stay named; zooming in brings every label back
            "scaling": {"min": 10, "max": 30, "label": {"enabled": True, "min": 12, "max": 34, "drawThreshold": 5}},
        },
        "edges": {
            "smooth": False,
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
            "scaling": {"min": 1, "max": 10},
        },
    }


def _focus_note(g: GraphData, focus: set[str], depth: int) -> list[dict[str, str]]:
    if not focus:
        return []
    words = ui_text()["ui"]["focus_note"]
    names = {lg: ", ".join(sorted(node_label(g.nodes[i], lg) for i in focus)) for lg in LANGS}
    return [{lg: words[lg].format(name=names[lg], depth=depth) for lg in LANGS}]


def _aggregate_note(total: int, dropped: int) -> dict[str, str]:
    words = ui_text()["ui"]["aggregated"]
    return {lg: words[lg].format(n=total, limit=AGGREGATE_THRESHOLD, dropped=dropped) for lg in LANGS}


def _assets(asset_url: str | None) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    if asset_url is None:
        return ([{"text": inline_text(s)} for s in STYLES], [{"text": inline_text(s)} for s in SCRIPTS])
    if "://" in asset_url or asset_url.startswith("//"):
        raise InputError(asset_url, "asset_url must be a path on this server (the page loads nothing remote)")
    base = asset_url.rstrip("/")
    return ([{"url": f"{base}/{s}"} for s in STYLES], [{"url": f"{base}/{s}"} for s in SCRIPTS])


def render_explorer(
    g: GraphData,
    *,
    lang: str = "vi",
    focus: str | None = None,
    depth: int = 2,
    asset_url: str | None = None,
    texts: Mapping[str, str] | None = None,
    doc_url: str = DOC_VIEW_URL,
) -> str:
    """The explorer page for `g`.

    - `focus`: an id or a name (any spelling): draw only what lies within `depth` (1-3) edges of it.
    - `asset_url`: None inlines every script and style (a standalone file); a path such as
      `/explore/assets` loads them from the app (see `asset_path`).
    - Evidence links: in a standalone page they open an inline view of the document (`texts`: document
      id -> text; without it only the quote is shown); with `asset_url` they go to `doc_url`.
    Past `AGGREGATE_THRESHOLD` nodes the page draws provinces and countries instead (and says so).
    """
    language = check_lang(lang)
    centre = resolve(g, focus) if focus else set()
    shown = neighbourhood(g, centre, depth) if centre else g
    notes = _focus_note(g, centre, depth)
    aggregated = len(shown.nodes) > AGGREGATE_THRESHOLD
    if aggregated:
        agg = aggregate(shown)
        notes.append(_aggregate_note(agg.total_nodes, agg.dropped))
        shown = agg.graph
    return _render(shown, g, language, notes, asset_url, texts, doc_url, embed=False, aggregated=aggregated)


def render_partners_embed(
    g: GraphData, place: str, *, lang: str = "vi", asset_url: str | None = None,
    texts: Mapping[str, str] | None = None, doc_url: str = DOC_VIEW_URL,
) -> str:  # fmt: skip
    """A compact page (no filter column, for an iframe) of one place's partnerships: both parties,
    the units that contain them, the agreements (see `partnership_subgraph`)."""
    sub, _rows = partnership_subgraph(g, place)
    return _render(sub, g, check_lang(lang), [], asset_url, texts, doc_url, embed=True, aggregated=False)


def _render(
    shown: GraphData, lookup: GraphData, lang: Lang, notes: list[dict[str, str]], asset_url: str | None,
    texts: Mapping[str, str] | None, doc_url: str, embed: bool, aggregated: bool,
) -> str:  # fmt: skip
    styles, scripts = _assets(asset_url)
    data = build_payload(shown, role_layout(shown), lang, texts if asset_url is None else None, lookup)
    data.update(
        lang=lang, home=HOME_COUNTRY, aggregated=aggregated,
        options=vis_options(), notes=notes,
        docUrl=None if asset_url is None else doc_url, embed=embed,
    )  # fmt: skip
    return templates().get_template("explorer.html").render(
        lang=lang, title=ui_text()["ui"]["title"][lang], data=script_json(data),
        styles=styles, scripts=scripts, embed=embed,
    )  # fmt: skip
