"""The heading paragraph after a numbering label: wrapped lines re-joined, `**` removed.

In text pasted from a PDF every printed line is followed by a blank line, so a blank line does not end
the paragraph there; a line ending in ":", "." or ";", a new numbered item, a label such as
"Thời gian:" or a short line followed by a capitalised one does.
"""

from __future__ import annotations

import re

from .headings import HEAD
from .layout import Layout
from .text import UPPER, clean, content_span, ends_terminal, is_caps, iter_lines

# "Thời gian:", "Cơ quan chủ trì:", "Năm 2023:" — a capitalised label of at most six words.
_LABEL = re.compile(r"[ \t*_]*[" + UPPER + r"][^\s:;,.]*(?:[ \t]+[^\s:;,.]+){0,5}[ \t]*:")
_MAX_TITLE = 300
_MAX_HEADING_CHARS = 400
_MAX_HEADING_LINES = 8


def heading(text: str, label_end: int, limit: int, layout: Layout) -> tuple[str, int]:
    """Title (wrapped lines joined, `**` removed) and end offset of the heading paragraph.

    >>> s = "1. Tuyên truyền về quan hệ hữu nghị\\n\\nvà hợp tác toàn diện\\n\\nThời gian: Hằng năm;"
    >>> heading(s, 2, len(s), Layout(True, 36))
    ('Tuyên truyền về quan hệ hữu nghị và hợp tác toàn diện', 57)
    """
    taken: list[tuple[int, int, str]] = []
    blanks, size = 0, 0
    for ln in iter_lines(text, label_end, limit):
        s = clean(ln.text[:_MAX_HEADING_CHARS])
        if not s:
            blanks += 1
            continue
        if taken:
            p_start, p_end, prev = taken[-1]
            prev_text = text[p_start:p_end]
            caps_prev, caps_cur = is_caps(prev), is_caps(s)
            if _LABEL.match(ln.text) or HEAD.match(ln.text):
                break
            if not (caps_prev and caps_cur and blanks <= 1) and (
                caps_prev != caps_cur
                or blanks > (1 if layout.double_spaced else 0)
                or (not layout.is_full(prev_text) and s[0].isupper())
                or len(taken) >= _MAX_HEADING_LINES
                or size > _MAX_HEADING_CHARS
            ):
                break
        taken.append((ln.start, ln.end, s))
        size += len(s)
        blanks = 0
        if ends_terminal(ln.text[-8:]):  # the paragraph ends with this line
            break
    if not taken:
        return "", label_end
    title = " ".join(t[2] for t in taken)[:_MAX_TITLE].rstrip()
    return title, max(label_end, content_span(text, taken[-1][0], taken[-1][1])[1])
