"""PDF files: the text layer, read with pypdf, pages joined by "\\n".

A PDF with no text on any page (a scan) is refused rather than ingested empty: hoptac does no OCR.
An encrypted PDF is read only if it opens with the empty password (as viewers do).
"""

from __future__ import annotations

import io
import unicodedata

from pypdf import PdfReader
from pypdf.errors import DependencyError, PdfReadError, PyPdfError

from graph.errors import InputError
from ingest.readers.base import RawDocument

NO_TEXT_LAYER = "PDF has no text layer (scanned image?); not ingested"


def read_pdf(data: bytes, source: str) -> RawDocument:
    """Read a PDF's bytes into a RawDocument; InputError if corrupt, locked, or without text."""
    reader = _open(data, source)
    pages, warnings = [], []
    try:
        page_list = list(reader.pages)
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError) as err:
        raise InputError(source, f"not a valid PDF file (page tree is damaged: {err})") from None
    for number, page in enumerate(page_list, start=1):
        try:
            pages.append(page.extract_text() or "")
        except Exception as err:  # pypdf raises many kinds of error on damaged content streams
            pages.append("")
            warnings.append(f"page {number}: text could not be extracted ({type(err).__name__})")
    text = unicodedata.normalize("NFC", "\n".join(pages))
    if not text.strip():
        raise InputError(source, NO_TEXT_LAYER)
    return RawDocument(source=source, text=text, format="pdf", warnings=tuple(warnings))


def _open(data: bytes, source: str) -> PdfReader:
    if b"%PDF-" not in data[:1024]:
        raise InputError(source, "not a valid PDF file (no %PDF- header)")
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
    except (PyPdfError, ValueError, KeyError, TypeError, IndexError) as err:
        raise InputError(source, f"not a valid PDF file (corrupt: {err})") from None
    if reader.is_encrypted:
        try:
            opened = reader.decrypt("")
        except DependencyError:
            raise InputError(
                source, "PDF is encrypted with AES, which needs the 'cryptography' package"
            ) from None
        except (PdfReadError, NotImplementedError) as err:
            raise InputError(source, f"PDF is encrypted and cannot be opened ({err})") from None
        if not opened:
            raise InputError(source, "PDF is encrypted and needs a password; not ingested")
    return reader
