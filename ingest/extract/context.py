"""What every extractor receives: one document's text, its matching form, its structure and a way
to cite spans of it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from graph.model import Evidence
from ingest.structure.model import DocumentStructure

T = TypeVar("T")


def lower_same_length(text: str) -> str:
    """`text.lower()`, keeping any character whose lower case is longer as it is (offsets hold)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _lowered(text: str) -> tuple[str, bool]:
    low = text.lower()
    if len(low) == len(text):
        return low, "\u03a3" not in text
    return lower_same_length(text), False


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

    def lowered(self) -> tuple[str, bool]:
        """`lower_same_length(match)`, once per document, and whether each slice of it is the slice's own
        lower case (no character's lower case is longer, no Greek capital sigma, whose lower case
        depends on the letters around it)."""
        return self.memo("lowered", lambda: _lowered(self.match))

    def evidence(self, start: int, end: int, prop: str | None = None) -> Evidence:
        """Evidence for the span `start:end`, citing the innermost section that contains it."""
        section = self.structure.section_at(start)
        return Evidence(self.doc_id, self.source, section, start, end, self.text[start:end], prop)  # positional: fast
