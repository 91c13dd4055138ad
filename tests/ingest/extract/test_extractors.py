"""Choosing the extractors to run (what `bench/overhead.py` compares): a subset gives that subset's
facts, the default every registered extractor's."""

from __future__ import annotations

from pathlib import Path

from ingest.extract import EXTRACTORS
from ingest.extract.document import extract_document
from ingest.extract.partnerships import extract_partnerships
from ingest.pipeline import build_record
from ingest.readers import read_document

CORPUS = Path(__file__).resolve().parents[3] / "examples" / "corpus"


def test_a_subset_of_extractors() -> None:
    raw = read_document(next(CORPUS.glob("001_*.txt")))  # Bình Định, 2023: a notice naming Lao provinces
    everything = build_record(raw).facts
    chosen = build_record(raw, [extract_document, extract_partnerships]).facts
    assert build_record(raw, list(EXTRACTORS)).facts == everything
    assert {f.type for f in build_record(raw, [extract_document]).facts} == {"Document"}
    assert "PARTNERS_WITH" in {f.type for f in chosen}
    assert not {"Activity", "Agency", "Person", "Amount"} & {f.type for f in chosen}
    assert len(chosen) < len(everything)
