"""Parse the administrative header and the section tree of a Vietnamese official document.

>>> doc = parse_structure("Số: 12/KH-UBND\\n\\nKẾ HOẠCH\\n\\nHợp tác với Gifu\\n\\nI. MỤC ĐÍCH\\n1. Mục đích")
>>> doc.header.value("doc_type"), [s.path for s in doc.flat()]
('Kế hoạch', ['I', 'I.1'])
"""

from __future__ import annotations

from .header import HeaderParse, header_spans, issuer_source, parse_header
from .layout import measure
from .model import DocumentStructure, Field, Header, Section
from .recipients import NOI_NHAN
from .sections import parse_sections

__all__ = [
    "DocumentStructure",
    "Field",
    "Header",
    "Section",
    "header_spans",
    "issuer_source",
    "parse_structure",
]

_MIN_ATTACHMENT = 200


def _segments(text: str, hp: HeaderParse) -> list[tuple[int, int]]:
    """The main body, and a document attached after the signature (an Đề án after its Quyết định)."""
    segments = [(hp.body_start, hp.closing_start)]
    rest = hp.closing_end
    if len(text) - rest > _MIN_ATTACHMENT and len(text[rest:].strip()) >= _MIN_ATTACHMENT:
        label = NOI_NHAN.search(text, rest)
        segments.append((rest, label.start() if label else len(text)))
    return segments


def parse_structure(text: str) -> DocumentStructure:
    """Header fields and section tree of `text` (Unicode NFC; all offsets refer to it).

    Never raises on odd input: what cannot be found is listed in `header.missing`.
    """
    layout = measure(text)
    hp = parse_header(text, layout)
    segments = _segments(text, hp)
    sections = parse_sections(text, layout, segments)
    return DocumentStructure(
        header=hp.header, sections=sections, body_start=hp.body_start, body_end=segments[-1][1]
    )
