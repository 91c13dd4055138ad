"""`hoptac serve`: the web app (API, explorer, report pieces) on a local port."""

from __future__ import annotations

from typing import Annotated

import typer

from api.cli.options import StoreOpt
from api.settings import ApiSettings


def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    workers: Annotated[int, typer.Option(help="Worker processes.")] = 1,
    store: StoreOpt = None,
) -> None:
    """Serve the API (OpenAPI at /docs), /sparql, /cypher, /explore and the report pieces."""
    import os

    import uvicorn

    settings = ApiSettings.from_env(store)
    typer.echo(f"hoptac: store {settings.store}; explorer at http://{host}:{port}/explore", err=True)
    if workers > 1:  # worker processes import the app by name and read the store from the environment
        os.environ["HOPTAC_STORE"] = str(settings.store)
        uvicorn.run("api.asgi:app", host=host, port=port, workers=workers, log_level="warning")
        return
    from api.app import create_app

    uvicorn.run(create_app(settings), host=host, port=port, log_level="warning")


def register(app: typer.Typer) -> None:
    app.command()(serve)
