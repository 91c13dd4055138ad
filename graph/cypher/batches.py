"""Batches of `UNWIND $rows` parameters for a Bolt server, sized by rows (Neo4j) or by bytes (FalkorDB).

FalkorDB's Bolt side crashes on a message over ~4 KB (measured: 4,050 bytes of parameters pass,
4,100 crash the server), so for it every statement's parameters are kept under a byte budget. A row
too big on its own (a node stated in many documents has long evidence lists) is split: the first
piece carries the properties and the first slice of each evidence list, later pieces append slices
(`SET n.ev_x = n.ev_x + row.ev_x`). The size of a row is its JSON length, which is never smaller
than its PackStream encoding by more than the margin kept.

>>> rows = [{"id": str(i), "props": {"name": "x" * 10}} for i in range(100)]
>>> [len(b) for b in by_bytes(rows, 400)][:3]
[9, 9, 9]
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import orjson

from graph.cypher.rows import EVIDENCE_COLUMNS
from graph.errors import QueryError

Row = dict[str, Any]
EVIDENCE = tuple(name for name, _ in EVIDENCE_COLUMNS)


def size(value: Any) -> int:
    return len(orjson.dumps(value))


def by_rows(rows: Iterable[Row], n: int) -> Iterator[list[Row]]:
    batch: list[Row] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= n:
            yield batch
            batch = []
    if batch:
        yield batch


def by_bytes(rows: Iterable[Row], budget: int) -> Iterator[list[Row]]:
    """Consecutive rows grouped so that each group's JSON stays within `budget` bytes."""
    batch: list[Row] = []
    used = 2
    for row in rows:
        n = size(row) + 1
        if batch and used + n > budget:
            yield batch
            batch, used = [], 2
        batch.append(row)
        used += n
    if batch:
        yield batch


def split_row(row: Row, budget: int) -> list[Row]:
    """`row` ({"id", "props", ...}) as pieces within `budget`: the first with the properties and the
    first evidence items, the others `{"id", ..., ev_*: [...]}` with the following items."""
    if size(row) <= budget:
        return [row]
    props = row["props"]
    keys = {k: v for k, v in row.items() if k != "props"}
    base = {**keys, "props": {k: v for k, v in props.items() if k not in EVIDENCE}}
    items = list(zip(*(props.get(k) or [] for k in EVIDENCE), strict=True))
    pieces: list[Row] = []
    current: list[tuple[Any, ...]] = []
    for item in items:
        if size(_piece(base, keys, [*current, item], first=not pieces)) <= budget:
            current.append(item)
            continue
        if not current and pieces:
            raise QueryError(f"{row['id']}: one piece of evidence is over the server's message limit ({budget} bytes)")
        pieces.append(_piece(base, keys, current, first=not pieces))  # the first piece may carry no evidence
        current = [item]
        if size(_piece(base, keys, current, first=False)) > budget:
            raise QueryError(f"{row['id']}: one piece of evidence is over the server's message limit ({budget} bytes)")
    pieces.append(_piece(base, keys, current, first=not pieces))
    if size(pieces[0]) > budget:
        raise QueryError(f"{row['id']}: its properties alone are over the server's message limit ({budget} bytes)")
    return pieces


def _piece(base: Row, keys: Row, items: list[tuple[Any, ...]], first: bool) -> Row:
    lists = {k: [it[i] for it in items] for i, k in enumerate(EVIDENCE)}
    if first:
        return {**base, "props": {**base["props"], **lists}}
    return {**keys, **lists}
