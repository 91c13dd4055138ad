"""Fixtures for the reader tests: the sample corpus and small builders for legacy-encoded text and PDFs."""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parents[3] / "examples" / "corpus"
_TONES = "\u0300\u0301\u0303\u0309\u0323"


@pytest.fixture
def corpus_text() -> Callable[[str], str]:
    """Load a sample-corpus document (by file-name prefix, e.g. "002") as NFC text."""

    def load(prefix: str) -> str:
        (path,) = CORPUS.glob(f"{prefix}_*.txt")
        return unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))

    return load


def cp1258_bytes(text: str) -> bytes:
    """Encode as Windows-1258 does in practice: base letter (with ^ ( + if any) + a combining tone mark."""
    out = []
    for char in unicodedata.normalize("NFC", text):
        try:
            out.append(char.encode("cp1258"))
        except UnicodeEncodeError:
            decomposed = unicodedata.normalize("NFD", char)
            tones = "".join(c for c in decomposed if c in _TONES)
            base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
            out.append((base + tones).encode("cp1258"))
    return b"".join(out)


@pytest.fixture
def to_cp1258() -> Callable[[str], bytes]:
    return cp1258_bytes


@pytest.fixture
def make_pdf() -> Callable[[list[list[str]]], bytes]:
    """Build a PDF with a real text layer (one list of lines per page), with matplotlib and DejaVu Sans."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.backends.backend_pdf import PdfPages

    def build(pages: list[list[str]]) -> bytes:
        buffer = io.BytesIO()
        with plt.rc_context({"pdf.fonttype": 42, "font.family": "DejaVu Sans"}), PdfPages(buffer) as pdf:
            for lines in pages:
                figure = plt.figure(figsize=(8.27, 11.69))
                for number, line in enumerate(lines):
                    figure.text(0.08, 0.92 - 0.04 * number, line, fontsize=11)
                pdf.savefig(figure)
                plt.close(figure)
        return buffer.getvalue()

    return build
