"""Options shared by several commands."""

from __future__ import annotations

import sys
from typing import Annotated

import typer
from rich.console import Console

from api.settings import STORE_ENV, store_path
from graph.store import Store

StoreOpt = Annotated[
    str | None,
    typer.Option("--store", help=f"Store folder (default: ${STORE_ENV} or ./hoptac-data).", show_default=False),
]


def open_store(given: str | None) -> Store:
    return Store(store_path(given))


def make_console(stderr: bool = False) -> Console:
    """A console; wide when writing to a file or pipe, so tables are not squeezed to 80 columns."""
    stream = sys.stderr if stderr else sys.stdout
    return Console(stderr=stderr, width=None if stream.isatty() else 200)
