"""Docs that are generated from code must be current (datasette-style tests that check the docs)."""

from __future__ import annotations

from pathlib import Path

from graph.docs import render
from graph.schema import load_schema

ROOT = Path(__file__).resolve().parents[2]


def test_schema_md_is_current() -> None:
    on_disk = (ROOT / "docs" / "schema.md").read_text(encoding="utf-8")
    assert on_disk == render(load_schema()), "run: python -m graph.docs > docs/schema.md"


def test_every_type_is_documented() -> None:
    text = (ROOT / "docs" / "schema.md").read_text(encoding="utf-8")
    schema = load_schema()
    for name in [*schema.nodes, *schema.edges]:
        assert f"### {name} — " in text
