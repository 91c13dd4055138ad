"""How a text is laid out: whether printed lines are separated by blank lines (so a blank line does
not end a paragraph) and how wide a full wrapped line is. Both are measured with whole-text regexes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .text import LOWER

# A blank line followed by a lower-case word; it is inside a sentence when no terminal punctuation
# precedes it. Patterns start with a literal newline so the regex engine scans fast.
_BREAK = re.compile(r"\n[ \t\r]*\n[ \t\r]*[" + LOWER + "]")
_BLANK = re.compile(r"\n[ \t\r]*(?=\n)")
_TERMINAL = frozenset(".;:!?*")
_SAMPLE_LINES = 4000
_MIN_BREAKS = 3
_BREAK_SHARE = 0.15


@dataclass(frozen=True, slots=True)
class Layout:
    """`double_spaced`: printed lines alternate with blank lines, as in text pasted from a PDF.
    `wrap`: length of a full wrapped line (the 75th percentile of non-trivial line lengths)."""

    double_spaced: bool
    wrap: int

    def is_full(self, line: str) -> bool:
        """True when `line` reaches (most of) the wrap width, so its sentence may go on."""
        return len(line.rstrip()) >= 0.8 * self.wrap


def measure(text: str) -> Layout:
    """Measure `text` once.

    >>> measure("Một dòng dài được ngắt\\n\\ngiữa câu\\n\\nvà lại\\n\\nngắt nữa\\n\\nở đây.").double_spaced
    True
    """
    breaks = 0
    for m in _BREAK.finditer(text):
        before = text[max(0, m.start() - 8) : m.start()].rstrip()
        breaks += bool(before) and before[-1] not in _TERMINAL
    lines = text.count("\n") + 1 - len(_BLANK.findall(text))
    double = breaks >= _MIN_BREAKS and breaks >= _BREAK_SHARE * lines
    sample = text.split("\n", _SAMPLE_LINES)[:_SAMPLE_LINES]
    lengths = sorted(len(s) for s in sample if len(s) > 20)
    wrap = lengths[(3 * len(lengths)) // 4] if lengths else 80
    return Layout(double_spaced=double, wrap=max(wrap, 40))
