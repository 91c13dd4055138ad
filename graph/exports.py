"""Tabular exports (JSON Lines and CSV) of what the store holds. Field names are a contract: other
tools read them, so they are kept exactly.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

import orjson

from graph.store import Store, StoredDocument

DOCUMENT_FIELDS = [
    "id", "source", "type", "number", "issuer", "place", "date", "title", "signer", "signer_role",
    "sections",
]  # fmt: skip


def section_outline(sections: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The section tree reduced to path, label, title and children."""
    return [
        {"path": s["path"], "label": s["label"], "title": s["title"], "children": section_outline(s["children"])}
        for s in sections
    ]


def document_row(doc: StoredDocument) -> dict[str, Any]:
    meta = doc.meta
    return {
        "id": doc.id,
        "source": doc.source,
        "type": meta.get("type"),
        "number": meta.get("number"),
        "issuer": meta.get("issuer"),
        "place": meta.get("place"),
        "date": meta.get("date"),
        "title": meta.get("title"),
        "signer": meta.get("signer"),
        "signer_role": meta.get("signer_role"),
        "sections": section_outline(doc.structure.get("sections", [])),
    }


def document_rows(store: Store) -> Iterator[dict[str, Any]]:
    return (document_row(d) for d in store.documents())


def write_jsonl(rows: Iterable[dict[str, Any]], out: TextIO) -> int:
    n = 0
    for row in rows:
        out.write(orjson.dumps(row).decode() + "\n")
        n += 1
    return n


def _flat(value: Any) -> str:
    """A CSV cell: scalars as they are, lists and objects as compact JSON."""
    if value is None:
        return ""
    if isinstance(value, str | int | float | bool):
        return str(value)
    return orjson.dumps(value).decode()


def write_csv(rows: Iterable[dict[str, Any]], out: TextIO, fields: list[str]) -> int:
    writer = csv.DictWriter(out, fieldnames=fields, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    n = 0
    for row in rows:
        writer.writerow({k: _flat(row.get(k)) for k in fields})
        n += 1
    return n


def to_csv_string(rows: Iterable[dict[str, Any]], fields: list[str]) -> str:
    buf = io.StringIO()
    write_csv(rows, buf, fields)
    return buf.getvalue()
