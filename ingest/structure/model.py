"""The parsed structure of a Vietnamese official document: header fields and the section tree.

Every field keeps the span of the original text it was read from, so later facts can cite it.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(slots=True)
class Field:
    """One header value, normalised (`value`) and as printed (`text` at `start:end`)."""

    value: str
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Header:
    """The administrative header and signature block.

    - `doc_type`: Vietnamese type name, e.g. "Thông báo", "Kế hoạch", "Quyết định", "Công văn".
    - `number`: number and symbol as printed after "Số:", white space collapsed: "20/TTr-SNgV", "/TB-UBND".
    - `date`: ISO 8601 to the precision printed: "2024-06-21", "2024-06", "2023".
    - `signer_authority`: the chain before the role, e.g. "TL. Chủ tịch", "TM. Ủy ban nhân dân; KT. Chủ tịch".
    """

    doc_type: Field | None = None
    number: Field | None = None
    issuer: Field | None = None
    place: Field | None = None
    date: Field | None = None
    title: Field | None = None
    signer: Field | None = None
    signer_role: Field | None = None
    signer_authority: Field | None = None
    addressees: list[Field] = field(default_factory=list)
    recipients: list[Field] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)

    def value(self, name: str) -> str | None:
        f = getattr(self, name)
        return f.value if isinstance(f, Field) else None


@dataclass(slots=True)
class Section:
    """A numbered part of the body.

    `path` cites it (e.g. "II.3.1", "P3.III.2", "2.4-1"); `label` is the numbering as printed ("3.1.",
    "a)", "-"); `start`/`end` span the whole section including its children; `heading_end` is where
    its heading (first paragraph) ends.
    """

    path: str
    label: str
    kind: str
    title: str
    start: int
    end: int
    heading_end: int
    children: list[Section] = field(default_factory=list)

    def walk(self) -> list[Section]:
        out = [self]
        for c in self.children:
            out.extend(c.walk())
        return out


@dataclass(slots=True)
class DocumentStructure:
    header: Header
    sections: list[Section]
    body_start: int = 0
    body_end: int = 0
    _starts: list[int] = field(default_factory=list, repr=False)
    _flat: list[Section] = field(default_factory=list, repr=False)

    def flat(self) -> list[Section]:
        if not self._flat:
            self._flat = sorted((s for top in self.sections for s in top.walk()), key=lambda s: s.start)
            self._starts = [s.start for s in self._flat]
        return self._flat

    def section_at(self, offset: int) -> str | None:
        """The path of the innermost section containing `offset`, or None outside every section."""
        flat = self.flat()
        i = bisect_right(self._starts, offset) - 1
        while i >= 0:
            s = flat[i]
            if s.start <= offset < s.end:
                return s.path
            i -= 1
        return None

    def to_json(self) -> dict[str, Any]:
        return {
            "header": asdict(self.header),
            "sections": [asdict(s) for s in self.sections],
            "body_start": self.body_start,
            "body_end": self.body_end,
        }
