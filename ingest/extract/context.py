"""What every extractor receives: one document's text, its matching form, its structure and a way
to cite spans of it."""

from __future__ import annotations

from dataclasses import dataclass, field

from graph.model import Evidence
from ingest.structure.model import DocumentStructure


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
