"""Deterministic identifiers: from codes (ISO 3166) where a unit has one, from content hashes otherwise.

Re-ingesting the same content always gives the same ids, so nothing is ever duplicated.

>>> node_id("Province", "VN-54")
'province/VN-54'
>>> slug("Sở Ngoại vụ")
'so-ngoai-vu'
>>> document_id("xin chào") == document_id("xin chào")
True
"""

from __future__ import annotations

import hashlib
import re

from graph.schema import load_schema
from graph.text import fold

_NON_WORD = re.compile(r"[^a-z0-9]+")


def slug(text: str) -> str:
    """ASCII slug of a name: folded, lower-case, words joined by hyphens."""
    return _NON_WORD.sub("-", fold(text)).strip("-") or "x"


def digest(*parts: str, length: int = 16) -> str:
    h = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    return h[:length]


def document_id(text: str) -> str:
    """A document's id: a hash of its text content."""
    return "document/" + digest(text)


def node_id(type_name: str, *keys: str) -> str:
    """`<id_prefix>/<key>/<key>...` for a node type declared in the schema."""
    prefix = load_schema().node(type_name).id_prefix
    return "/".join([str(prefix), *keys])


def edge_id(type_name: str, source: str, target: str, *keys: str) -> str:
    """An edge's id from its type, endpoints and any distinguishing keys (e.g. the agreement)."""
    return f"{type_name.lower()}/{digest(type_name, source, target, *keys)}"
