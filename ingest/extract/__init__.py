"""Extractors: one function per family of facts, each taking a `Context` and yielding facts.

Adding an extractor means adding it to `EXTRACTORS`; the pipeline runs them all in order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from graph.model import Fact
from ingest.extract.activities import extract_activities
from ingest.extract.agencies import extract_agencies
from ingest.extract.context import Context
from ingest.extract.document import extract_document
from ingest.extract.money import extract_money
from ingest.extract.partnerships import extract_partnerships
from ingest.extract.people import extract_people
from ingest.extract.references import extract_references

Extractor = Callable[[Context], Iterable[Fact]]

EXTRACTORS: list[Extractor] = [
    extract_document,
    extract_partnerships,
    extract_references,
    extract_money,
    extract_people,
    extract_agencies,
    extract_activities,
]


def extract_all(ctx: Context, extractors: Sequence[Extractor] | None = None) -> list[Fact]:
    """Run `extractors` (default: every one in `EXTRACTORS`, in order) and collect their facts."""
    facts: list[Fact] = []
    for extractor in EXTRACTORS if extractors is None else extractors:
        facts.extend(extractor(ctx))
    return facts


__all__ = ["EXTRACTORS", "Context", "Extractor", "extract_all"]
