"""The reference tables the header parser reads: document types, issuer codes and signer roles.

They live as YAML in `ingest/data/` (each with a `source:` key) and are loaded once per process.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml


@dataclass(frozen=True, slots=True)
class DocType:
    name: str
    caps: tuple[str, ...]
    codes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Issuer:
    code: str
    full: tuple[str, ...]
    display: str
    local: bool


@dataclass(frozen=True, slots=True)
class Tables:
    """Everything the header parser looks up, keyed for direct access."""

    doc_types: tuple[DocType, ...]
    type_by_code: dict[str, DocType]
    cong_van: str
    issuers: dict[str, Issuer]
    issuer_prefixes: tuple[str, ...]
    units: tuple[str, ...]
    municipalities: frozenset[str]
    roles: dict[str, str]
    bodies: dict[str, str]
    authority: dict[str, str]


def _load(name: str) -> dict[str, Any]:
    raw = resources.files("ingest").joinpath("data", name).read_text(encoding="utf-8")
    data = yaml.safe_load(raw)
    if not isinstance(data, dict) or "source" not in data:
        raise ValueError(f"ingest/data/{name}: expected a mapping with a `source:` key")
    return data


def _doc_types(data: dict[str, Any]) -> tuple[DocType, ...]:
    out = []
    for t in data["types"]:
        caps = (t["caps"], *t.get("aliases", []))
        out.append(DocType(t["name"], tuple(caps), (t["code"], *t.get("codes", []))))
    return tuple(out)


def _issuers(data: dict[str, Any]) -> dict[str, Issuer]:
    return {
        code: Issuer(code, (v["full"], *v.get("aliases", [])), v["display"], bool(v.get("local", True)))
        for code, v in data["codes"].items()
    }


@cache
def tables() -> Tables:
    """The parsed tables, read from the package data once.

    >>> tables().type_by_code["TB"].name
    'Thông báo'
    """
    types_data, issuer_data, role_data = (
        _load(n) for n in ("doc_types.yaml", "issuer_codes.yaml", "roles.yaml")
    )
    doc_types = _doc_types(types_data)
    return Tables(
        doc_types=doc_types,
        type_by_code={c: t for t in doc_types for c in t.codes},
        cong_van=types_data["cong_van"],
        issuers=_issuers(issuer_data),
        issuer_prefixes=tuple(issuer_data["prefixes"]),
        units=tuple(issuer_data["units"]),
        municipalities=frozenset(issuer_data["municipalities"]),
        roles=dict(role_data["roles"]),
        bodies=dict(role_data["bodies"]),
        authority=dict(role_data["authority"]),
    )
