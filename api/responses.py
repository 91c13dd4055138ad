"""Response shapes shared by the endpoints: pagination, and CSV on `Accept: text/csv`."""

from __future__ import annotations

from typing import Any

import orjson
from fastapi import Request
from fastapi.responses import Response

from graph.exports import to_csv_string
from graph.partnerships import flatten

CSV = "text/csv"


def wants_csv(request: Request) -> bool:
    """CSV when the client asks for it (`Accept: text/csv`, or `?format=csv`), JSON by default."""
    if request.query_params.get("format") == "csv":
        return True
    accept = request.headers.get("accept", "")
    return CSV in accept and "application/json" not in accept.split(CSV)[0]


def csv_response(rows: list[dict[str, Any]]) -> Response:
    flat = [flatten(r) for r in rows]
    fields: list[str] = []
    for r in flat:
        fields.extend(k for k in r if k not in fields)
    return Response(to_csv_string(flat, fields), media_type=f"{CSV}; charset=utf-8")


def paged(request: Request, items: list[dict[str, Any]], limit: int, offset: int) -> Response:
    """One page of `items`: JSON `{total, limit, offset, items}` or CSV of the page's rows."""
    page = items[offset : offset + limit]
    if wants_csv(request):
        return csv_response(page)
    body = {"total": len(items), "limit": limit, "offset": offset, "items": page}
    return Response(orjson.dumps(body), media_type="application/json")
