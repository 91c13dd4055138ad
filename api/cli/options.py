"""Options shared by several commands."""

from __future__ import annotations

from typing import Annotated

import typer

from api.settings import STORE_ENV, store_path
from graph.store import Store

StoreOpt = Annotated[
    str | None,
    typer.Option("--store", help=f"Store folder (default: ${STORE_ENV} or ./hoptac-data).", show_default=False),
]


def open_store(given: str | None) -> Store:
    return Store(store_path(given))
