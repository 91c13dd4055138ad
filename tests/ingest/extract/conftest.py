"""Fixtures for extraction tests: the corpus run through the whole pipeline once per session."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from graph.model import GraphData
from graph.partnerships import partnership_rows
from ingest.pipeline import build_record
from ingest.readers import read_document
from ingest.readers.base import RawDocument

CORPUS = Path(__file__).resolve().parents[3] / "examples" / "corpus"


@pytest.fixture(scope="session")
def corpus_graph() -> GraphData:
    facts = []
    for path in sorted(CORPUS.glob("*.txt")):
        facts.extend(build_record(read_document(path)).facts)
    return GraphData.merge(facts)


@pytest.fixture(scope="session")
def corpus_partnerships(corpus_graph: GraphData) -> dict[tuple[str, str], dict[str, Any]]:
    return {(r["vn_party"]["id"], r["foreign_party"]["id"]): r for r in partnership_rows(corpus_graph)}


def extract_rows(text: str, source: str = "snippet.txt") -> list[dict[str, Any]]:
    """Partnership rows of one text run through the whole pipeline."""
    return partnership_rows(GraphData.merge(build_record(RawDocument(source, text, "txt")).facts))
