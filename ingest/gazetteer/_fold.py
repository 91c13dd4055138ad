"""Name keys for matching: exact, diacritic-folded and space-free.

    >>> fold_key("Thành phố  Hồ Chí Minh")
    'thanh pho ho chi minh'
    >>> fold_key("A-nu-vông") == fold_key("A Nu Vông") == "a nu vong"
    True
    >>> compact_key("NaKai") == compact_key("Na Kai") == "nakai"
    True

A local helper: ``ingest.normalize`` may offer its own ``fold_key``; the gazetteer keeps this one so that its
indexes do not change when that module does.
"""

from __future__ import annotations

import unicodedata

# Letters that carry no combining mark under NFD but that Vietnamese and European names fold anyway.
_LETTERS = str.maketrans(
    {
        "đ": "d",
        "ð": "d",
        "ł": "l",
        "ø": "o",
        "ħ": "h",
        "ı": "i",
        "ŧ": "t",
        "æ": "ae",
        "œ": "oe",
        "ß": "ss",
        "ŀ": "l",
    }
)


def strip_marks(text: str) -> str:
    """Remove combining marks (tones, breves, hooks...) but keep case and punctuation.

    >>> strip_marks("Xay Sổm Bún")
    'Xay Som Bun'
    """
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


def fold_key(text: str) -> str:
    """Case-, diacritic- and punctuation-insensitive key: NFC, lower case, marks stripped, đ→d, every
    character that is not a letter or digit (hyphens, apostrophes, dots, brackets) → space, spaces collapsed.

    >>> fold_key("Đắk Lắk"), fold_key("Pu'er"), fold_key("TP.Gwangju")
    ('dak lak', 'pu er', 'tp gwangju')
    """
    out = _bare(text)  # marks go before case folding, which may turn a mark into a letter (U+0345 → ι)
    out = _bare(_bare(out.casefold()).translate(_LETTERS))  # a folded or mapped letter may decompose further
    return " ".join("".join(c if c.isalnum() else " " for c in out).split())


def _bare(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def compact_key(text: str) -> str:
    """``fold_key`` without spaces, so that "Hà Nội" meets "Hanoi" and "Na Kai" meets "NaKai"."""
    return fold_key(text).replace(" ", "")


def exact_key(text: str) -> str:
    """Key for exact matches: NFC, case-folded, whitespace collapsed (marks and punctuation kept)."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())
