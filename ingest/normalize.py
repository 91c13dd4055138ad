"""Normalisation FOR MATCHING ONLY; the stored text is never changed.

Invariant: `match_form` and `fold_form` are length-preserving, character for character, so an offset
(or a regex match span) found in the normalised string is the same offset in the original text:

    len(match_form(t)) == len(t)  and  match_form(t)[i:j] is the normalised t[i:j]

`fold_key` is not length-preserving: it makes keys for gazetteer look-ups, not offsets.

>>> match_form("Thoả thuận giai đoạn 2021-\\n\\n2025")
'Thỏa thuận giai đoạn 2021-  2025'
>>> fold_form("Thoả thuận “Xay Sổm Bun”")
'thoa thuan "xay som bun"'
>>> fold_key("A-nu-vông")
'a nu vong'
"""

from __future__ import annotations

import re
import unicodedata

from graph.text import strip_marks

_TONES = ("\u0300", "\u0301", "\u0309", "\u0303", "\u0323")  # huyền, sắc, hỏi, ngã, nặng

# --- 1. one character for another: dashes, quotes, every kind of blank -------------------------------
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2043\u2212\ufe58\ufe63\uff0d"
_SINGLE_QUOTES = "\u2018\u2019\u201a\u201b\u2032\uff07"
_DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb\uff02"
_BLANKS = (
    "\t\n\x0b\x0c\r\x85\u00a0\u1680\u2028\u2029\u202f\u205f\u3000"
    + "".join(map(chr, range(0x2000, 0x200B)))  # en quad ... hair space
    + "\u200b\u200c\u200d\u2060\ufeff\u00ad"  # zero-width characters and the soft hyphen
)
_CHAR_REPLACEMENTS = (
    *((c, "-") for c in _DASHES),
    *((c, "'") for c in _SINGLE_QUOTES),
    *((c, '"') for c in _DOUBLE_QUOTES),
    *((c, " ") for c in _BLANKS),
)


# --- 2. tone mark on oa / oe / uy at the end of a syllable: put it on the first vowel ------------------
def _tone_pairs() -> dict[str, str]:
    """{"oà": "òa", "Uỷ": "Ủy", ...}: every case of o+a, o+e, u+y with the tone on the second vowel."""
    nfc = unicodedata.normalize
    pairs = {}
    for first, second in (("o", "a"), ("o", "e"), ("u", "y")):
        for f in (first, first.upper()):
            for s in (second, second.upper()):
                pairs.update({f + nfc("NFC", s + tone): nfc("NFC", f + tone) + s for tone in _TONES})
    return pairs


_TONE_PAIRS = _tone_pairs()
# Scan for the toned second vowel (a character class first lets the regex engine skip fast), then
# check the pair and the "qu" exception in Python: matches are few.
_TONED_SECOND = re.compile(
    "(?<=[oOuU])[" + "".join(sorted({pair[1] for pair in _TONE_PAIRS})) + r"](?![^\W\d_])"
)


def _unify_tone_placement(text: str) -> str:
    pieces: list[str] = []
    done = 0
    for match in _TONED_SECOND.finditer(text):
        start = match.start() - 1
        swapped = _TONE_PAIRS.get(text[start : match.end()])
        if swapped is None or (start > 0 and text[start - 1] in "qQ"):
            continue
        pieces += (text[done:start], swapped)
        done = match.end()
    if not pieces:
        return text
    pieces.append(text[done:])
    return "".join(pieces)


# --- 3. a line holding only a page number (1-3 digits) between blank lines ---------------------------
_PAGE_NUMBER = re.compile(
    r"(?:\A|\n[ \t\u00a0\r]*\n)[ \t\u00a0]*\d{1,3}[ \t\u00a0]*(?=\r?\n[ \t\u00a0\r]*\n|\s*\Z)"
)


def match_form(text: str) -> str:
    """The matching form of NFC `text`, same length: one tone placement, "-" for every dash,
    straight quotes, a space for every line break / tab / NBSP / zero-width character, and page
    numbers standing alone between blank lines blanked out.

    >>> match_form("Cộng hoà, THUỶ lợi, Quý, hoàng")
    'Cộng hòa, THỦY lợi, Quý, hoàng'
    >>> match_form("nước,...\\n\\n\\n\\n8 \\n\\n7.3. Tạo")
    'nước,...        7.3. Tạo'
    """
    if "\n" in text and _PAGE_NUMBER.search(text):
        text = _PAGE_NUMBER.sub(lambda m: " " * len(m[0]), text)
    text = _unify_tone_placement(text)
    for char, replacement in _CHAR_REPLACEMENTS:  # str.replace per character: faster than str.translate
        if char in text:
            text = text.replace(char, replacement)
    return text


# --- fold: no marks, lower case, still one character for one -------------------------------------------
def _fold_one(char: str) -> str:
    folded = strip_marks(char.lower()).lower()
    return folded if len(folded) == 1 else char


def _fold_table() -> dict[int, str]:
    """Latin letters -> unmarked lower case, one character each (applied until stable, so idempotent)."""
    table = {}
    for code in (*range(0xC0, 0x250), *range(0x1E00, 0x1F00), 0x130):
        char = folded = chr(code)
        while (again := _fold_one(folded)) != folded:
            folded = again
        if folded != char:
            table[code] = folded
    return table


_FOLD = _fold_table()


def fold_form(text: str) -> str:
    """`match_form`, then diacritics removed (đ -> d) and lower case; same length as `text`.

    >>> fold_form("ĐẮK LẮK – Hoà Bình")
    'dak lak - hoa binh'
    """
    stripped = match_form(text).translate(_FOLD)
    folded = stripped.lower()
    if len(folded) == len(text):
        return folded
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in stripped)  # rare special casing


_KEY_SEPARATORS = str.maketrans(dict.fromkeys("-'.`\u02bc", " "))


def fold_key(name: str) -> str:
    """Key for gazetteer look-ups: `fold_form`, hyphens / apostrophes / dots as spaces, spaces collapsed.

    >>> fold_key("Xay Sổm Bún"), fold_key(" Luang  Pha-bang. ")
    ('xay som bun', 'luang pha bang')
    """
    return " ".join(fold_form(name).translate(_KEY_SEPARATORS).split())
