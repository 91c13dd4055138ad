"""The Document node of each ingested document, from its parsed header."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from graph.model import Evidence, Fact, NodeFact
from ingest.extract.context import Context
from ingest.structure.model import Field, Header

# Document property -> header field it comes from.
HEADER_PROPS = {
    "doc_type": "doc_type",
    "number": "number",
    "issuer": "issuer",
    "place": "place",
    "date": "date",
    "title": "title",
    "signer": "signer",
    "signer_role": "signer_role",
}


def header_meta(header: Header) -> dict[str, Any]:
    """The document's metadata as stored and exported (names kept stable for other tools)."""
    return {
        "type": header.value("doc_type"),
        "number": header.value("number"),
        "issuer": header.value("issuer"),
        "place": header.value("place"),
        "date": header.value("date"),
        "title": header.value("title"),
        "signer": header.value("signer"),
        "signer_role": header.value("signer_role"),
        "signer_authority": header.value("signer_authority"),
        "addressees": [f.value for f in header.addressees],
        "recipients": [f.value for f in header.recipients],
        "missing": list(header.missing),
    }


def extract_document(ctx: Context) -> Iterator[Fact]:
    """One Document node whose every property cites the header span it was read from."""
    header = ctx.structure.header
    props: dict[str, Any] = {"source": ctx.source}
    evidence: list[Evidence] = []
    for prop, field_name in HEADER_PROPS.items():
        f = getattr(header, field_name)
        if isinstance(f, Field):
            props[prop] = f.value
            evidence.append(ctx.evidence(f.start, f.end, prop))
    props["name"] = _display_name(props)
    yield NodeFact(ctx.doc_id, "Document", props, tuple(evidence))


def _display_name(props: dict[str, Any]) -> str:
    """'Thông báo /TB-UBND (2024-06)'-style label for lists and graphs."""
    parts = [str(props.get("doc_type") or "Văn bản")]
    if props.get("number"):
        parts.append(str(props["number"]))
    if props.get("date"):
        parts.append(f"({props['date']})")
    return " ".join(parts)
