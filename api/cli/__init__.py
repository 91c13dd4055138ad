"""The `hoptac` command line (typer). Exit codes: 0 ok, 1 some files failed or an error, 2 usage."""

from __future__ import annotations

import sys

import typer
from rich.console import Console

from api.cli import activities, agencies, documents, explore, export, partners, query, report, serve, sparql
from api.cli import lineage as lineage_cli
from graph.errors import HoptacError

app = typer.Typer(
    name="hoptac",
    help="hoptac — knowledge graph of international partnerships of Vietnamese localities.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
documents.register(app)
partners.register(app)
serve.register(app)
sparql.register(app)
explore.register(app)
report.register(app)
query.register(app)
lineage_cli.register(app)
activities.register(app)
agencies.register(app)
app.add_typer(export.app, name="export")

_err = Console(stderr=True)


def main() -> None:
    """Console-script entry point: hoptac errors become one clear line and exit code 1."""
    try:
        app()
    except HoptacError as exc:
        _err.print(f"[red]error:[/red] {exc}", highlight=False)
        sys.exit(1)
