"""`hoptac sparql QUERY|FILE|NAME`: read-only SPARQL over the store's graph (Oxigraph)."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import orjson
import typer
from rich.table import Table

from api.cli.options import StoreOpt, make_console, open_store
from graph.errors import InputError
from graph.exports import write_csv
from graph.rdf_cache import open_engine
from graph.rdf_params import Entity
from graph.sparql import DEFAULT_ROW_LIMIT, DEFAULT_TIMEOUT, named_query

console = make_console()


class OutFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


def query_text(query: str) -> str:
    """The query itself, the text of a file, or the named query `queries/<name>.rq`."""
    if "{" in query or "\n" in query:
        return query
    path = Path(query)
    if path.suffix == ".rq" or path.is_file():
        try:
            return path.read_text(encoding="utf-8")
        except OSError as exc:
            raise InputError(query, f"cannot read the query file: {exc.strerror}") from exc
    return named_query(query)


def parse_params(items: list[str]) -> dict[str, Any]:
    """`k=v` pairs; `k=<id>` binds the entity with that id (a declared `entity` parameter needs no <>)."""
    out: dict[str, Any] = {}
    for item in items:
        name, eq, value = item.partition("=")
        if not eq or not name:
            raise InputError(item, "a parameter is written name=value")
        out[name] = Entity(value[1:-1]) if value.startswith("<") and value.endswith(">") else value
    return out


def _cell(value: Any) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else orjson.dumps(value).decode()


def sparql(
    query: Annotated[str, typer.Argument(help="A SPARQL query, a .rq file, or a query name from queries/.")],
    param: Annotated[
        list[str] | None, typer.Option("--param", "-p", help="Parameter name=value (repeatable); <id> for an entity.")
    ] = None,
    fmt: Annotated[OutFormat, typer.Option("--format", help="Output format.")] = OutFormat.table,
    timeout: Annotated[float, typer.Option(help="Give up after this many seconds.")] = DEFAULT_TIMEOUT,
    limit: Annotated[int, typer.Option(help="Refuse answers with more rows than this.")] = DEFAULT_ROW_LIMIT,
    store: StoreOpt = None,
) -> None:
    """Run a read-only SPARQL query. Prefixes hop:, hopid:, prov:, rdfs:, schema:, ... are predeclared;
    the default graph is the merged graph, GRAPH ?doc { ... } reaches each document's statements."""
    text = query_text(query)
    with open_store(store) as st:
        columns, rows = open_engine(st, timeout=timeout, row_limit=limit).answer(text, parse_params(param or []))
    if fmt is OutFormat.json:
        sys.stdout.write(orjson.dumps(rows, option=orjson.OPT_INDENT_2).decode() + "\n")
    elif fmt is OutFormat.csv:
        write_csv(rows, sys.stdout, columns)
    else:
        table = Table(*columns, title=f"{len(rows)} rows")
        for r in rows:
            table.add_row(*(_cell(r[c]) for c in columns))
        console.print(table)


def register(app: typer.Typer) -> None:
    app.command()(sparql)
