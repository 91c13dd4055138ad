"""The explorer and the pieces for reports: /explore, its assets, /embed/partners/{place},
/documents/{id}/view (a document with its cited words highlighted), /report/{place}."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import FileResponse, HTMLResponse, Response

from api.deps import Service
from graph.explorer import (
    asset_path,
    document_highlights,
    media_type,
    render_document_view,
    render_explorer,
    render_partners_embed,
)
from graph.report import build_report

router = APIRouter()
ASSETS = "/explore/assets"
Lang = Annotated[str, Query(pattern="^(vi|en)$", description="Labels in Vietnamese or English.")]


@router.get("/explore", response_class=HTMLResponse, summary="The interactive explorer")
def explore(service: Service, focus: str | None = None, depth: Annotated[int, Query(ge=1, le=3)] = 2,
            lang: Lang = "vi") -> HTMLResponse:  # fmt: skip
    """The whole graph (or one entity's neighbourhood with `focus`); scripts served by this app."""
    return HTMLResponse(render_explorer(service.graph, lang=lang, focus=focus, depth=depth, asset_url=ASSETS))


@router.get(ASSETS + "/{name}", summary="Scripts and styles of the explorer (no CDN)")
def explore_asset(name: str) -> FileResponse:
    return FileResponse(asset_path(name), media_type=media_type(name))


@router.get("/embed/partners/{place}", response_class=HTMLResponse, summary="An iframe-ready partner graph")
def embed_partners(service: Service, place: str, lang: Lang = "vi") -> HTMLResponse:
    """The explorer focused on one place's partnerships, without the filter column."""
    return HTMLResponse(render_partners_embed(service.graph, place, lang=lang, asset_url=ASSETS))


@router.get("/documents/{doc_id:path}/view", response_class=HTMLResponse, summary="A document, quotes highlighted")
def document_view(service: Service, doc_id: str, lang: Lang = "vi") -> HTMLResponse:
    full = doc_id if doc_id.startswith("document/") else f"document/{doc_id}"
    with service.store() as st:
        doc = st.get_document(full)
    highlights = document_highlights(service.graph, doc.id, lang)
    return HTMLResponse(render_document_view(doc.id, doc.text or "", doc.meta, highlights, lang))


@router.get("/report/{place}", summary="The report for a place, as one self-contained HTML file")
def report(service: Service, place: str, lang: Lang = "vi") -> Response:
    with tempfile.TemporaryDirectory() as tmp:
        files = build_report(service.graph, place, Path(tmp), lang)
        html = files["html"].read_text(encoding="utf-8")
    return HTMLResponse(html)
