"""Splitting a document into sentences ("clauses"), the unit in which parties and cues co-occur.

Two layouts exist: printed documents whose lines are wrapped mid-phrase (a line break is a space
there, unless a numbered item or bullet starts), and web/news text with one paragraph per line (a line
break ends a sentence). The layout is read from the text itself: the share of lines that end a
sentence.

>>> [c for c in split_clauses("Hai tỉnh đã ký. Năm 2022 triển khai.\\nTiêu đề mới", [])]
[(0, 15), (16, 36), (37, 48)]
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import pairwise

from ingest.extract.context import Context

_SENT_END = re.compile(r"[.!?](?=\s+[\"“(\-*+A-ZÀ-ỸĐ0-9])|;(?=\s)|[.!?;]$|\|")
# Words whose final dot does not end a sentence: "TP. Hồ Chí Minh", "Mr. Phan", initials "V. A".
ABBREVIATIONS = frozenset(
    {"TP", "Tp", "tp", "Mr", "Ms", "Mrs", "Dr", "St", "TS", "ThS", "PGS", "GS", "No", "Q", "TL", "TM", "KT"}
)


def _is_abbreviation(text: str, dot: int) -> bool:
    word = re.search(r"(\w+)$", text[max(0, dot - 8) : dot])
    if word is None:
        return False
    w = word.group(1)
    return w in ABBREVIATIONS or (len(w) == 1 and w.isupper())


_LINE_END_PUNCT = ".!?;:|)"  # a line ending with one of these (and white space) ends a sentence
_NEXT_CHAR = re.compile(r"\s*(\S)")
_ITEM_START = re.compile(r"\s*(?:[-+•*]\s|\d+(?:\.\d+)*\.?\s|[IVX]+\.\s|[a-zđ]\)\s|!\[)")


def is_wrapped(text: str) -> bool:
    """True when most non-empty lines do not end a sentence (printed, wrapped layout)."""
    lines = [ln for ln in text.splitlines() if ln.strip()]
    if len(lines) < 5:
        return False
    ending = sum(1 for ln in lines if ln.rstrip()[-1] in _LINE_END_PUNCT)
    return ending / len(lines) < 0.5


def wrapped_layout(ctx: Context) -> bool:
    """`is_wrapped(ctx.text)`, once per document for every extractor that needs it."""
    return ctx.memo("wrapped_layout", lambda: is_wrapped(ctx.text))


def _in_brackets(text: str, pos: int) -> bool:
    """True if `pos` lies inside a round bracket opened earlier in its sentence (a list of agreements)."""
    sentence_start = max(text.rfind(". ", 0, pos), text.rfind(".\n", 0, pos), pos - 1500, 0)
    chunk = text[sentence_start:pos]
    return chunk.count("(") > chunk.count(")")


def _line_breaks(text: str, wrapped: bool) -> Iterable[int]:
    """Offsets of line breaks that end a sentence."""
    for hit in re.finditer(r"\n", text):
        nxt = _NEXT_CHAR.match(text, hit.end())
        if nxt and nxt.group(1).islower():
            continue  # a line broken mid-phrase: the next line goes on in lower case
        if not wrapped or _ITEM_START.match(text, hit.end()):
            yield hit.start()


def split_clauses(text: str, section_starts: Iterable[int], wrapped: bool | None = None) -> list[tuple[int, int]]:
    """Sentence spans (start, end) covering the text, white space trimmed, empty ones dropped."""
    if wrapped is None:
        wrapped = is_wrapped(text)
    cuts = {0, len(text)}
    cuts.update(
        h.end() for h in _SENT_END.finditer(text)
        if not _is_abbreviation(text, h.start()) and not (h.group(0) == ";" and _in_brackets(text, h.start()))
    )
    cuts.update(_line_breaks(text, wrapped))
    cuts.update(s for s in section_starts if 0 <= s <= len(text))
    out: list[tuple[int, int]] = []
    points = sorted(cuts)
    for a, b in pairwise(points):
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            out.append((a, b))
    return out
