"""What every extractor receives: one document's text, its matching form, its structure and a way
to cite spans of it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from graph.model import Evidence
from ingest.structure.model import DocumentStructure

T = TypeVar("T")


@dataclass(slots=True)
class Context:
    """One document being extracted.

    `text` is the original (NFC) text; `match` is `ingest.normalize.match_form(text)`, the same
    length, so an offset found in `match` is an offset in `text`.
    """

    doc_id: str
    source: str
    text: str
    match: str
    structure: DocumentStructure
    warnings: list[str] = field(default_factory=list)
    review: list[dict[str, object]] = field(default_factory=list)
    shared: dict[str, Any] = field(default_factory=dict)  # work one extractor leaves for the next

    def memo(self, key: str, make: Callable[[], T]) -> T:
        """`make()` once per document: extractors share a result (e.g. the agency resolver)."""
        if key not in self.shared:
            self.shared[key] = make()
        value: T = self.shared[key]
        return value

    def evidence(self, start: int, end: int, prop: str | None = None) -> Evidence:
        """Evidence for the span `start:end`, citing the innermost section that contains it."""
        return Evidence(
            document_id=self.doc_id,
            source=self.source,
            section=self.structure.section_at(start),
            start=start,
            end=end,
            quote=self.text[start:end],
            prop=prop,
        )
