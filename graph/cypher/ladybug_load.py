"""Bulk-load a GraphData into a LadybugDB database with `COPY ... FROM (LOAD FROM 'x.csv' ...)`.

The CSV files are written to a temporary folder (no pandas/pyarrow needed). LadybugDB's CSV reader
turns an empty field into NULL and drops empty items when it splits a list, so every present value
is written with a leading `~` and lists as `[` followed by `\\x1f~item` per item; the `RETURN` of
the LOAD subquery strips them again. That keeps NULL, "" and [] and [""] apart.

>>> encode_value("Lào", multi=False), encode_value([], multi=True), encode_value(["", "a"], multi=True)
('~Lào', '[', '[\\x1f~\\x1f~a')
"""

from __future__ import annotations

import csv
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from graph.cypher.rows import Column, edge_columns, edge_groups, iter_rows, node_columns, node_groups
from graph.cypher.schema_ddl import LADYBUG_TYPES, ladybug_ddl
from graph.errors import InputError
from graph.model import GraphData
from graph.schema import load_schema

SEP = "\x1f"
MARK = "~"
CSV_OPTIONS = "(header=true, parallel=false, auto_detect=false)"


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def encode_value(value: Any, multi: bool) -> str | None:
    """One CSV field; None stays empty (NULL)."""
    if value is None:
        return None
    if multi:
        items = [_text(v) for v in value]
        if any(SEP in it for it in items):
            raise InputError(repr(items)[:80], "a list item contains U+001F, which the LadybugDB loader reserves")
        return "[" + "".join(SEP + MARK + it for it in items)
    return MARK + _text(value)


def decode_expr(col: Column) -> str:
    """The LOAD FROM expression that turns an encoded CSV field back into a typed value."""
    name = f"`{col.name}`"
    cast = LADYBUG_TYPES[col.type]
    if col.multi:
        parts = f"string_split({name}, '{SEP}')"
        item = "substring(x, 2, size(x) - 1)"
        item = item if cast == "STRING" else f"CAST({item} AS {cast})"
        return f"list_transform(list_slice({parts}, 2, size({parts}) + 1), x -> {item})"
    value = f"substring({name}, 2, size({name}) - 1)"
    return value if cast == "STRING" else f"CAST({value} AS {cast})"


def write_csv(path: Path, cols: list[Column], rows: Iterable[dict[str, Any]], ends: list[tuple[str, str]]) -> None:
    """Rows to CSV; `ends` (one (source, target) per row) become leading `from`/`to` columns."""
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow((["from", "to"] if ends else []) + [c.name for c in cols])
        for i, row in enumerate(rows):
            fields = [encode_value(row[c.name], c.multi) for c in cols]
            w.writerow([*ends[i], *fields] if ends else fields)


def _copy_statement(table: str, path: Path, cols: list[Column], pair: tuple[str, str] | None) -> str:
    if "'" in str(path):
        raise InputError(str(path), "a temporary path with a quote cannot be loaded")
    exprs = ", ".join(decode_expr(c) for c in cols)
    if pair is None:
        return f"COPY {table} FROM (LOAD FROM '{path}' {CSV_OPTIONS} RETURN {exprs})"
    return (
        f"COPY {table} FROM (LOAD FROM '{path}' {CSV_OPTIONS} RETURN `from`, `to`, {exprs}) "
        f"(from='{pair[0]}', to='{pair[1]}')"
    )


def load_graph(conn: Any, g: GraphData) -> dict[str, int]:
    """Create the tables and copy every node and relationship of `g`; returns counts."""
    schema = load_schema()
    for stmt in ladybug_ddl():
        conn.execute(stmt)
    counts = {"nodes": 0, "relationships": 0}
    with tempfile.TemporaryDirectory(prefix="hoptac-ladybug-") as tmp:
        for type_name, nodes in node_groups(g).items():
            label = schema.node(type_name).cypher_label
            cols = node_columns(type_name)
            path = Path(tmp) / f"n_{label}.csv"
            write_csv(path, cols, iter_rows(nodes), [])
            conn.execute(_copy_statement(label, path, cols, None))
            counts["nodes"] += len(nodes)
        for (etype, src, dst), edges in edge_groups(g).items():
            rel = schema.edge(etype).cypher_type
            pair = (schema.node(src).cypher_label, schema.node(dst).cypher_label)
            cols = edge_columns(etype)
            path = Path(tmp) / f"e_{rel}_{pair[0]}_{pair[1]}.csv"
            write_csv(path, cols, iter_rows(edges), [(e.source, e.target) for e in edges])
            conn.execute(_copy_statement(rel, path, cols, pair))
            counts["relationships"] += len(edges)
    return counts
