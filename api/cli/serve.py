"""`hoptac serve`: the web app (API, explorer, report pieces) on a local port."""

from __future__ import annotations

from typing import Annotated

import typer

from api.cli.options import StoreOpt
from api.settings import ApiSettings


def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    store: StoreOpt = None,
) -> None:
    """Serve the API (OpenAPI at /docs), /sparql, /cypher, /explore and the report pieces."""
    import uvicorn

    from api.app import create_app

    settings = ApiSettings.from_env(store)
    typer.echo(f"hoptac: store {settings.store}; explorer at http://{host}:{port}/explore", err=True)
    uvicorn.run(create_app(settings), host=host, port=port, log_level="warning")


def register(app: typer.Typer) -> None:
    app.command()(serve)
