"""Word .docx files: paragraphs and tables in document order.

The body's XML children are walked in order: a paragraph is one line; a table is one line per row with
its cells joined by a TAB (a cell's own paragraphs joined by spaces); content controls (w:sdt) are
entered. Headers, footers, footnotes and comments are not read.
"""

from __future__ import annotations

import io
import unicodedata
import zipfile
import zlib
from collections.abc import Iterator
from typing import Any

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from lxml import etree

from graph.errors import InputError
from ingest.readers.base import RawDocument

_P, _TBL, _TR, _TC, _SDT, _SDT_CONTENT = (
    qn(t) for t in ("w:p", "w:tbl", "w:tr", "w:tc", "w:sdt", "w:sdtContent")
)
_INVALID = "not a valid .docx file"


def read_docx(data: bytes, source: str) -> RawDocument:
    """Read a .docx file's bytes into a RawDocument; InputError if it is not a readable .docx."""
    document = _open(data, source)
    lines = list(_block_lines(document.element.body, document.part))
    text = unicodedata.normalize("NFC", "\n".join(lines))
    if not text.strip():
        raise InputError(source, "document has no text")
    return RawDocument(source=source, text=text, format="docx")


def _open(data: bytes, source: str) -> Any:
    if not zipfile.is_zipfile(io.BytesIO(data)):
        damage = "zip archive is corrupt or truncated" if data.startswith(b"PK") else "not a zip archive"
        raise InputError(source, f"{_INVALID} ({damage})")
    try:
        return docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError) as err:
        raise InputError(source, f"{_INVALID} (zip archive is corrupt: {err})") from None
    except (PackageNotFoundError, KeyError) as err:
        raise InputError(source, f"{_INVALID} (a required part is missing: {err})") from None
    except etree.XMLSyntaxError as err:
        raise InputError(source, f"{_INVALID} (malformed XML: {err})") from None
    except ValueError as err:  # e.g. an .xlsx or .pptx renamed .docx
        kind = str(err).rpartition("content type is ")[2] or str(err)
        raise InputError(source, f"{_INVALID} (not a Word document; content type is {kind})") from None


def _block_lines(container: Any, part: Any) -> Iterator[str]:
    """One line per paragraph and per table row, in document order."""
    for child in container.iterchildren():
        if child.tag == _P:
            yield Paragraph(child, part).text
        elif child.tag == _TBL:
            for row in child.iterchildren(_TR):
                yield "\t".join(_cell_text(cell, part) for cell in row.iterchildren(_TC))
        elif child.tag == _SDT:
            for content in child.iterchildren(_SDT_CONTENT):
                yield from _block_lines(content, part)


def _cell_text(cell: Any, part: Any) -> str:
    """A cell's paragraphs (and nested tables) on one line, without TABs or line breaks."""
    return " ".join(" ".join(line.split()) for line in _block_lines(cell, part) if line.strip())
