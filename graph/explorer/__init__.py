"""The offline interactive explorer: HTML pages that draw the graph with vis-network and cite the
documents behind every node and edge. Nothing on the page loads from outside (no CDN).

- `render_explorer(g, lang=, focus=, depth=, asset_url=)`: the explorer (`/explore`, `hoptac explore`).
- `render_partners_embed(g, place)`: one place's partnerships, compact (`/embed/partners/{place}`).
- `render_document_view(doc_id, text, meta, highlights)`: a document with its cited spans marked
  (`/documents/{id}/view#<start>-<end>`); `document_highlights(g, doc_id)` gives the spans.
- `asset_path(name)`, `media_type(name)`, `ASSETS`: what the app serves at `/explore/assets/<name>`.
"""

from __future__ import annotations

from graph.explorer.aggregate import AGGREGATE_THRESHOLD
from graph.explorer.assets import ASSETS, asset_path, media_type
from graph.explorer.docview import document_highlights, render_document_view
from graph.explorer.page import DOC_VIEW_URL, render_explorer, render_partners_embed

__all__ = [
    "AGGREGATE_THRESHOLD",
    "ASSETS",
    "DOC_VIEW_URL",
    "asset_path",
    "document_highlights",
    "media_type",
    "render_document_view",
    "render_explorer",
    "render_partners_embed",
]
