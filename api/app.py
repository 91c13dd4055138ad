"""The hoptac web app (FastAPI; OpenAPI at /docs): REST, SPARQL, read-only Cypher, named queries,
upload behind an API key, the explorer and report pieces.

Errors are mapped to HTTP in one place (`ERROR_STATUS`).
"""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from api.routes import explore, ingest, query, rest
from api.service import GraphService
from api.settings import ApiSettings
from graph.errors import HoptacError, InputError, NotFoundError, QueryError, ReadOnlyError, SchemaError, StoreError

ERROR_STATUS: dict[type[HoptacError], int] = {
    NotFoundError: 404,
    ReadOnlyError: 403,
    InputError: 400,
    QueryError: 400,
    StoreError: 503,
    SchemaError: 500,
}


def status_for(exc: HoptacError) -> int:
    for cls in type(exc).__mro__:
        if cls in ERROR_STATUS:
            return ERROR_STATUS[cls]
    return 400


def create_app(settings: ApiSettings) -> FastAPI:
    app = FastAPI(
        title="hoptac",
        description="Knowledge graph of international partnerships of Vietnamese localities. "
        "Every fact cites the document, section and words that state it.",
        version="0.1.0",
    )
    app.state.settings = settings
    app.state.service = GraphService(settings.store)

    @app.exception_handler(HoptacError)
    async def hoptac_error(_: Request, exc: HoptacError) -> JSONResponse:
        return JSONResponse({"error": type(exc).__name__, "detail": str(exc)}, status_code=status_for(exc))

    app.include_router(explore.router)  # before rest: /documents/{id}/view must win over /documents/{id}
    app.include_router(rest.router)
    app.include_router(ingest.router)
    app.include_router(query.router)
    return app
