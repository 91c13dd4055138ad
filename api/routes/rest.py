"""REST endpoints over the graph: partners, partnerships, agreements, documents, entities, paths."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from api.deps import Service
from api.responses import paged
from graph.activities import activity_rows, filter_activities
from graph.errors import NotFoundError
from graph.exports import section_outline
from graph.partnerships import PartnershipView, evidence_json, filter_rows
from graph.paths import paths_between
from graph.search import search_entities

router = APIRouter()
Limit = Annotated[int, Query(ge=1, le=1000, description="Page size.")]
Offset = Annotated[int, Query(ge=0, description="Items to skip.")]


@router.get("/partners", summary="Who a place partners with")
def partners(request: Request, service: Service, of: str, status: str | None = None, country: str | None = None,
             limit: Limit = 100, offset: Offset = 0) -> Response:  # fmt: skip
    """Partnerships of the named place (any spelling) and of the units and agencies within it."""
    index = service.partnerships
    if not index.matching(of):
        raise NotFoundError(f"no entity named {of!r}")
    return paged(request, index.partners_of(of, status, country), limit, offset)


def _overlaps(row: dict[str, Any], year_from: int | None, year_to: int | None) -> bool:
    period = row["period"]
    if year_from is None and year_to is None:
        return True
    if not period:
        return False
    first, _, last = period.partition("-")
    start, end = int(first), int(last or first)
    return (year_from is None or end >= year_from) and (year_to is None or start <= year_to)


@router.get("/partnerships", summary="Partnerships by country, status, period and level")
def partnerships(
    request: Request, service: Service, country: str | None = None, status: str | None = None,
    year_from: Annotated[int | None, Query(alias="from")] = None,
    year_to: Annotated[int | None, Query(alias="to")] = None,
    level: str | None = None, limit: Limit = 100, offset: Offset = 0,
) -> Response:  # fmt: skip
    rows = filter_rows(service.partnerships.rows, status, country)
    rows = [r for r in rows if _overlaps(r, year_from, year_to)]
    if level:
        rows = [r for r in rows if level in (r["vn_party"]["level"], r["foreign_party"]["level"])]
    return paged(request, rows, limit, offset)


def _full_id(prefix: str, given: str) -> str:
    return given if given.startswith(prefix + "/") else f"{prefix}/{given}"


@router.get("/agreements/{agreement_id:path}", summary="One agreement, its parties and evidence")
def agreement(service: Service, agreement_id: str) -> dict[str, Any]:
    g = service.graph
    aid = _full_id("agreement", agreement_id)
    node = g.nodes.get(aid)
    if node is None or node.type != "Agreement":
        raise NotFoundError(f"no agreement {agreement_id!r}")
    view = PartnershipView(g)
    parties = [view.party(e.source) | {"side": e.props.get("side")} for e in g.edges_of("PARTY_TO") if e.target == aid]
    activities = [e.source for e in g.edges_of("IMPLEMENTS") if e.target == aid]
    return {"id": aid, **node.props, "parties": parties, "activities": activities,
            "evidence": [evidence_json(ev) for ev in node.evidence]}  # fmt: skip


@router.get("/entities", summary="Find entities by name, in any spelling")
def entities(request: Request, service: Service, q: str, type: str | None = None,
             limit: Limit = 20, offset: Offset = 0) -> Response:  # fmt: skip
    hits = search_entities(service.graph, q, limit=offset + limit, types={type} if type else None)
    return paged(request, hits, limit, offset)


@router.get("/documents/{doc_id:path}", summary="A document: metadata, section tree, every fact it states")
def document(service: Service, doc_id: str) -> dict[str, Any]:
    with service.store() as st:
        doc = st.get_document(_full_id("document", doc_id), with_text=False)
        facts = [
            {"id": f.id, "type": f.type, "source": getattr(f, "source", None), "target": getattr(f, "target", None),
             "props": f.props, "evidence": [evidence_json(e) for e in f.evidence if e.document_id == doc.id]}
            for f in st.iter_facts(doc.id)
        ]  # fmt: skip
    return {"id": doc.id, "source": doc.source, "format": doc.format, "encoding": doc.encoding, **doc.meta,
            "warnings": doc.warnings, "sections": section_outline(doc.structure.get("sections", [])),
            "facts": facts}  # fmt: skip


@router.get("/paths", summary="How two entities are connected")
def paths(
    request: Request, service: Service,
    source: Annotated[str, Query(alias="from")], target: Annotated[str, Query(alias="to")],
    max_hops: Annotated[int, Query(ge=1, le=6)] = 4, limit: Limit = 5,
) -> Response:  # fmt: skip
    """Entities by id or by name in any spelling (the best match is used)."""
    g = service.graph
    a, b = (_resolve_entity(g, x) for x in (source, target))
    return paged(request, paths_between(g, a, b, max_hops=max_hops, limit=limit), limit, 0)


def _resolve_entity(g: Any, given: str) -> str:
    if given in g.nodes:
        return given
    hits = search_entities(g, given, limit=1)
    if not hits:
        raise NotFoundError(f"no entity named {given!r}")
    return str(hits[0]["id"])


@router.get("/activities", summary="Activities by lead agency, partner and year")
def activities(
    request: Request, service: Service, lead: str | None = None, partner: str | None = None,
    year: int | None = None, limit: Limit = 100, offset: Offset = 0,
) -> Response:  # fmt: skip
    """Plan items and assigned tasks with their lead and coordinating agencies, years and citations."""
    g = service.graph
    return paged(request, filter_activities(g, activity_rows(g), lead, partner, year), limit, offset)
