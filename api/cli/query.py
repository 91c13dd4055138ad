"""`hoptac query NAME`, `hoptac query --list`, `hoptac cypher QUERY|FILE`, `hoptac neo4j push`.

Bolt settings default to the environment (NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE),
read here, in `api/`, only.
"""

from __future__ import annotations

import re
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import orjson
import typer
from rich.table import Table

from api.cli.options import StoreOpt, make_console, open_store
from graph.cypher.bolt import DEFAULT_TIMEOUT, BoltEngine, push
from graph.cypher.embedded import LadybugEngine
from graph.errors import InputError
from graph.exports import write_csv
from graph.queries import catalog, get_query, open_engine, run

console = make_console()
DEFAULT_URI = "bolt://localhost:7687"


class OutFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


class EngineName(StrEnum):
    reference = "reference"
    embedded = "embedded"
    sparql = "sparql"
    neo4j = "neo4j"


ParamOpt = Annotated[list[str] | None, typer.Option("--param", "-p", help="name=value (repeatable).")]
FormatOpt = Annotated[OutFormat, typer.Option("--format", help="Output format.")]
UserOpt = Annotated[str | None, typer.Option(envvar="NEO4J_USER", help="Bolt user [env NEO4J_USER].")]
PasswordOpt = Annotated[str | None, typer.Option(envvar="NEO4J_PASSWORD", help="Bolt password [env NEO4J_PASSWORD].")]
DatabaseOpt = Annotated[str | None, typer.Option(envvar="NEO4J_DATABASE", help="Database [env NEO4J_DATABASE].")]
TimeoutOpt = Annotated[float, typer.Option(help="Bolt connection timeout, seconds.")]
_INT = re.compile(r"^[+-]?\d+$")


def parse_params(items: list[str], typed: bool = False) -> dict[str, Any]:
    """`name=value` pairs; with `typed`, integers become ints (for free Cypher, where nothing declares types)."""
    out: dict[str, Any] = {}
    for item in items:
        name, eq, value = item.partition("=")
        if not eq or not name.strip():
            raise InputError(item, "a parameter is written name=value")
        out[name.strip()] = int(value) if typed and _INT.match(value) else value
    return out


def print_rows(rows: list[dict[str, Any]], columns: list[str], fmt: OutFormat, title: str) -> None:
    if fmt is OutFormat.json:
        sys.stdout.write(orjson.dumps(rows, option=orjson.OPT_INDENT_2).decode() + "\n")
    elif fmt is OutFormat.csv:
        write_csv(rows, sys.stdout, columns)
    else:
        table = Table(*columns, title=title)
        for r in rows:
            table.add_row(*(_cell(r.get(c)) for c in columns))
        console.print(table)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else orjson.dumps(value).decode()


def _list_queries() -> None:
    table = Table("name", "parameters", "columns", "description", title="named queries (queries/catalog.yaml)")
    for q in catalog().values():
        params = ", ".join(f"{p.name}: {p.type}{'' if p.required else '?'}" for p in q.params.values())
        table.add_row(q.name, params, ", ".join(q.columns), q.summary)
    console.print(table)


def query(
    name: Annotated[str | None, typer.Argument(help="A named query (see --list).")] = None,
    param: ParamOpt = None,
    engine: Annotated[EngineName, typer.Option(help="Engine that answers.")] = EngineName.embedded,
    list_: Annotated[bool, typer.Option("--list", help="List the named queries and exit.")] = False,
    uri: Annotated[
        str, typer.Option(envvar="NEO4J_URI", help="Bolt URI for --engine neo4j [env NEO4J_URI].")
    ] = DEFAULT_URI,
    user: UserOpt = None,
    password: PasswordOpt = None,
    database: DatabaseOpt = None,
    timeout: TimeoutOpt = DEFAULT_TIMEOUT,
    fmt: FormatOpt = OutFormat.table,
    store: StoreOpt = None,
) -> None:
    """Run a named query; entity parameters take an id or a name in any spelling (`--param place="Bắc Giang"`)."""
    if list_ or not name:
        _list_queries()
        return
    q = get_query(name)
    params = parse_params(param or [])
    with open_store(store) as st:
        graph = st.load_graph()
        if engine is EngineName.neo4j:
            eng = open_engine("neo4j", uri=uri, user=user, password=password, database=database, timeout=timeout)
        elif engine in (EngineName.embedded, EngineName.sparql):
            eng = open_engine(engine.value, store=st)
        else:
            eng = open_engine(engine.value, graph=graph)
        # names resolve against the local store; with an empty one (a Neo4j-only user) ids pass as given
        rows = run(name, params, eng, graph if graph.nodes else None)
    print_rows(rows, list(q.columns), fmt, f"{name} on {engine.value}: {len(rows)} rows")


def cypher(
    text: Annotated[str, typer.Argument(help="A read-only Cypher query or a file holding one.")],
    param: ParamOpt = None,
    uri: Annotated[
        str | None, typer.Option(help="A Bolt server (Neo4j, FalkorDB); default: the embedded LadybugDB.")
    ] = None,
    user: UserOpt = None,
    password: PasswordOpt = None,
    database: DatabaseOpt = None,
    timeout: TimeoutOpt = DEFAULT_TIMEOUT,
    fmt: FormatOpt = OutFormat.table,
    store: StoreOpt = None,
) -> None:
    """Run one read-only Cypher query on the embedded LadybugDB (no server), or on a Bolt server with --uri.
    Write clauses are refused; values go as parameters ($name, from --param name=value)."""
    path = Path(text)
    if "\n" not in text and len(text) < 4096 and path.is_file():
        text = path.read_text(encoding="utf-8")
    params = parse_params(param or [], typed=True)
    if uri:
        with BoltEngine.connect(uri, user, password, database, timeout) as bolt:
            rows = bolt.query(text, params)
    else:
        with open_store(store) as st, LadybugEngine.for_store(st) as lady:
            rows = lady.query(text, params)
    columns = list(rows[0]) if rows else []
    print_rows(rows, columns, fmt, f"{len(rows)} rows")


neo4j_app = typer.Typer(help="Neo4j (or any Bolt server): load the graph into it.", no_args_is_help=True)


@neo4j_app.command("push")
def neo4j_push(
    uri: Annotated[str, typer.Option(envvar="NEO4J_URI", help="Bolt URI [env NEO4J_URI].")] = DEFAULT_URI,
    user: UserOpt = None,
    password: PasswordOpt = None,
    database: DatabaseOpt = None,
    replace: Annotated[bool, typer.Option("--replace", help="First delete what hoptac loaded before.")] = False,
    timeout: TimeoutOpt = DEFAULT_TIMEOUT,
    store: StoreOpt = None,
) -> None:
    """Load the store's graph into a Bolt server: id constraints, batched MERGE on stable ids (twice = once)."""
    with open_store(store) as st:
        graph = st.load_graph()
    report = push(graph, uri, user, password, database, replace=replace, timeout=timeout)
    deleted = f"deleted {report.deleted:,} nodes, " if replace else ""
    console.print(
        f"{uri} ({report.server}): {deleted}{report.nodes:,} nodes and {report.relationships:,} relationships "
        f"in {report.statements:,} statements, {report.seconds:.2f} s "
        f"({report.relationships_per_second:,.0f} relationships/s)",
        highlight=False,
    )


def register(app: typer.Typer) -> None:
    app.command()(query)
    app.command()(cypher)
    app.add_typer(neo4j_app, name="neo4j")
