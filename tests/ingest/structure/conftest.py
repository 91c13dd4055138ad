"""Fixtures for the structure parser tests: the five sample documents, parsed once, and a checker
for the invariants every parse must satisfy (Field spans, section nesting, unique paths)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

import pytest

from ingest.structure import DocumentStructure, Field, Section, parse_structure

CORPUS = Path(__file__).parents[3] / "examples" / "corpus"

Parsed = tuple[str, DocumentStructure]
Checker = Callable[[str, DocumentStructure], None]


def corpus_text(prefix: str) -> str:
    """Text of the sample document whose file name starts with `prefix` ("000" ... "004")."""
    (path,) = CORPUS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def parsed() -> dict[str, Parsed]:
    """Each sample document's text and structure, keyed by its prefix."""
    out = {}
    for prefix in ("000", "001", "002", "003", "004"):
        text = corpus_text(prefix)
        out[prefix] = (text, parse_structure(text))
    return out


def header_fields(doc: DocumentStructure) -> list[tuple[str, Field]]:
    out = []
    for f in dataclasses.fields(doc.header):
        value = getattr(doc.header, f.name)
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, Field):
                out.append((f.name, item))
    return out


def _check_section(s: Section, parent: Section | None) -> None:
    assert s.start <= s.heading_end <= s.end, s.path
    assert len(s.title) <= 300 and "**" not in s.title, s.path
    if parent is not None:
        assert parent.start <= s.start and s.end <= parent.end, (parent.path, s.path)
    previous_end = s.start
    for child in s.children:
        assert child.start >= previous_end, (s.path, child.path)  # siblings in order, disjoint
        previous_end = child.end
        _check_section(child, s)


def check_invariants(text: str, doc: DocumentStructure) -> None:
    """Every Field quotes its span; sections nest, are ordered and have unique paths."""
    for name, f in header_fields(doc):
        assert f.text == text[f.start : f.end], name
        assert 0 <= f.start <= f.end <= len(text), name
    for s in doc.sections:
        _check_section(s, None)
    paths = [s.path for s in doc.flat()]
    assert len(paths) == len(set(paths))


@pytest.fixture(scope="session")
def invariants() -> Checker:
    return check_invariants
