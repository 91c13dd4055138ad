"""Document readers: a file's bytes -> `RawDocument` (NFC text), chosen by the file's suffix.

Every failure to read a file raises `InputError` naming the file and the problem.

>>> read_document("report.xls")
Traceback (most recent call last):
...
graph.errors.InputError: report.xls: unsupported file type '.xls' (supported: .docx, .htm, .html, .pdf, .txt)
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from graph.errors import InputError
from ingest.readers.base import RawDocument

Reader = Callable[[bytes, str], RawDocument]


def _txt(data: bytes, source: str) -> RawDocument:
    from ingest.readers.txt import read_txt

    return read_txt(data, source)


def _docx(data: bytes, source: str) -> RawDocument:
    from ingest.readers.docx import read_docx

    return read_docx(data, source)


def _pdf(data: bytes, source: str) -> RawDocument:
    from ingest.readers.pdf import read_pdf

    return read_pdf(data, source)


def _html(data: bytes, source: str) -> RawDocument:
    from ingest.readers.html import read_html

    return read_html(data, source)


# Each reader's library is imported on first use: reading a .txt file never loads pypdf or trafilatura.
READERS: dict[str, Reader] = {".txt": _txt, ".docx": _docx, ".pdf": _pdf, ".html": _html, ".htm": _html}
SUPPORTED_SUFFIXES: frozenset[str] = frozenset(READERS)
_HINTS = {".doc": "; save it as .docx", ".rtf": "; save it as .docx", ".xhtml": "; rename it .html"}


def read_document(path: str | Path) -> RawDocument:
    """Read the file at `path`; `source` in the result is `str(path)` exactly as given."""
    source = str(path)
    suffix = Path(source).suffix.lower()
    reader = READERS.get(suffix)
    if reader is None:
        kind = f"'{suffix}'" if suffix else "(no suffix)"
        supported = ", ".join(sorted(SUPPORTED_SUFFIXES))
        raise InputError(
            source, f"unsupported file type {kind} (supported: {supported}){_HINTS.get(suffix, '')}"
        )
    data = _read_bytes(Path(path), source)
    if not data:
        raise InputError(source, "empty file")
    return reader(data, source)


def _read_bytes(path: Path, source: str) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError(source, "file not found") from None
    except IsADirectoryError:
        raise InputError(source, "is a directory, not a file") from None
    except PermissionError:
        raise InputError(source, "cannot read file (permission denied)") from None
    except OSError as err:
        raise InputError(source, f"cannot read file ({err.strerror or err})") from None


__all__ = ["READERS", "SUPPORTED_SUFFIXES", "RawDocument", "read_document"]
