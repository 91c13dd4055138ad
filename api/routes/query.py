"""/sparql (SPARQL 1.1 Protocol, read-only), /cypher (read-only Cypher on the embedded engine) and
/queries (the named queries). Every query runs with a timeout and a row limit."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field

from api.deps import Service, Settings
from api.responses import paged
from graph.errors import NotFoundError, QueryError, ReadOnlyError
from graph.queries import ENGINES, catalog, get_query, run
from graph.sparql_protocol import GRAPH_FORMATS, RESULT_FORMATS, protocol_answer

router = APIRouter()
UPDATE_TYPES = ("application/sparql-update",)


def _media(request: Request) -> str:
    """The first result format the client accepts (SPARQL JSON when it accepts anything)."""
    for part in request.headers.get("accept", "").split(","):
        media = part.split(";")[0].strip()
        if media in RESULT_FORMATS or media in GRAPH_FORMATS:
            return media
    return "application/sparql-results+json"


def _answer(service: Service, settings: Settings, request: Request, text: str | None) -> Response:
    if not text:
        raise QueryError("no SPARQL query given (parameter 'query')")
    engine = service.sparql(settings.query_timeout_s, settings.row_limit)
    try:
        body, media = protocol_answer(engine, text, _media(request))
    except QueryError as exc:
        if "read-only" in str(exc):
            raise ReadOnlyError(str(exc)) from None
        raise
    return Response(body, media_type=media)


@router.get("/sparql", summary="SPARQL 1.1 Protocol query (GET)")
def sparql_get(request: Request, service: Service, settings: Settings, query: str | None = None) -> Response:
    if "update" in request.query_params:
        raise ReadOnlyError("SPARQL updates are refused: hoptac's SPARQL endpoint is read-only")
    return _answer(service, settings, request, query)


@router.post("/sparql", summary="SPARQL 1.1 Protocol query (POST, form or application/sparql-query)")
async def sparql_post(request: Request, service: Service, settings: Settings) -> Response:
    ctype = request.headers.get("content-type", "").split(";")[0].strip()
    if ctype in UPDATE_TYPES:
        raise ReadOnlyError("SPARQL updates are refused: hoptac's SPARQL endpoint is read-only")
    if ctype == "application/sparql-query":
        text = (await request.body()).decode("utf-8")
    else:
        form = await request.form()
        if "update" in form:
            raise ReadOnlyError("SPARQL updates are refused: hoptac's SPARQL endpoint is read-only")
        text = str(form.get("query") or "") or request.query_params.get("query", "")
    return _answer(service, settings, request, text)


class CypherRequest(BaseModel):
    query: str = Field(description="A read-only Cypher query.")
    params: dict[str, Any] = Field(default_factory=dict, description="Query parameters ($name).")


@router.post("/cypher", summary="Read-only Cypher on the embedded engine (LadybugDB)")
def cypher(service: Service, settings: Settings, body: Annotated[CypherRequest, Body()]) -> dict[str, Any]:
    """Write clauses (CREATE, MERGE, SET, DELETE, REMOVE, DROP, LOAD CSV, CALL ...) are refused before
    the query runs, wherever they stand (subqueries, any casing)."""
    from graph.cypher.readonly import check_read_only

    try:
        check_read_only(body.query)
    except QueryError as exc:
        raise ReadOnlyError(str(exc)) from None
    rows = service.engine("embedded").query(body.query, body.params)
    if len(rows) > settings.row_limit:
        raise QueryError(f"the query returns more than {settings.row_limit:,} rows; add a LIMIT or narrow it")
    return {"rows": rows, "count": len(rows)}


@router.get("/queries", summary="The named queries")
def queries() -> list[dict[str, Any]]:
    return [
        {"name": q.name, "description": q.description, "columns": list(q.columns),
         "params": {p.name: {"type": p.type, "required": p.required, "example": p.example} for p in q.params.values()}}
        for q in catalog().values()
    ]  # fmt: skip


@router.get("/queries/{name}", summary="Run a named query")
def named_query(request: Request, service: Service, name: str, engine: str = "reference",
                limit: int = 100, offset: int = 0) -> Response:  # fmt: skip
    """Parameters are the query's own (see /queries); `engine` is one of reference, embedded, sparql."""
    if engine not in ENGINES or engine == "neo4j":
        raise QueryError(f"unknown engine {engine!r} for the web app; use reference, embedded or sparql")
    if name not in catalog():
        raise NotFoundError(f"no named query {name!r}; known: {', '.join(sorted(catalog()))}")
    q = get_query(name)
    params = {k: v for k, v in request.query_params.items() if k in q.params}
    rows = run(name, params, service.engine(engine), graph=service.graph)
    return paged(request, rows, limit, offset)
