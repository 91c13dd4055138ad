"""Small text helpers the graph layer needs for identifiers (the matching normaliser lives in `ingest`).

>>> fold("Xay Sổm Bun")
'xay som bun'
>>> fold("Đắk Lắk")
'dak lak'
"""

from __future__ import annotations

import unicodedata

_EXTRA = str.maketrans({"đ": "d", "Đ": "D", "ð": "d", "ƀ": "b"})


def strip_marks(text: str) -> str:
    """Remove diacritics, keeping one character per input character for NFC Vietnamese text."""
    decomposed = unicodedata.normalize("NFD", text.translate(_EXTRA))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fold(text: str) -> str:
    """Diacritic-free, lower-case form with white space collapsed: the key for matching names."""
    return " ".join(strip_marks(text).lower().split())
