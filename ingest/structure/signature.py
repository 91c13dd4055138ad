"""The signature block: authority chain ("TL. CHỦ TỊCH", "KT. CHÁNH VĂN PHÒNG"), the signer's role
("PHÓ CHÁNH VĂN PHÒNG") and name ("Trần Trọng Triêm"), possibly wrapped in `**` and separated by
many blank lines. Role display forms come from `ingest/data/roles.yaml`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .data import tables
from .model import Field
from .text import Line, clean, content_span, first_column, is_caps, iter_lines, last_column, sentence_case

_AUTH = re.compile(r"[ \t*_]*(?P<kw>TM|KT|TL|TUQ|Q|T/M|K/T|T/L)[ \t]*\.[ \t]*(?P<rest>\S.*)")
_NAME = re.compile(r"[^\W\d_][^\W\d_'’.-]*(?:[ \t]+[^\W\d_][^\W\d_'’.-]*){1,5}")
_SKIP = re.compile(r"[ \t*_]*(?:[(\[][ \t]*)?(?:[Đđ]ã ký|[Kk]ý|[Đđ]ã ky|daky|chữ ký)", re.I)
_STOP = re.compile(r"[ \t*_]*(?:Nơi nhận|[-–•+][ \t])")
_MAX_ROLE_WORDS = 8
_MAX_NAME_GAP = 30


@dataclass(slots=True)
class Signature:
    """What the block holds, and where the block starts and ends."""

    authority: Field | None
    role: Field | None
    signer: Field | None
    body: Line | None  # the "TM. <BODY>" line, to derive the issuer from
    start: int
    end: int


def _field(text: str, ln: Line, value: str) -> Field:
    a, b = content_span(text, ln.start, ln.end)
    return Field(value=value, start=a, end=b, text=text[a:b])


def role_display(caps: str) -> str:
    """Display form of a role or body printed in capitals.

    >>> role_display("PHÓ CHÁNH VĂN PHÒNG"), role_display("ỦY BAN NHÂN DÂN"), role_display("TỔNG THƯ KÝ")
    ('Phó Chánh Văn phòng', 'Ủy ban nhân dân', 'Tổng thư ký')
    """
    key = clean(caps).upper()
    t = tables()
    return t.roles.get(key) or t.bodies.get(key) or sentence_case(key)


def _authority(ln: Line) -> tuple[str, str] | None:
    m = _AUTH.fullmatch(ln.text)
    if not m or not is_caps(clean(m.group("rest"))):
        return None
    kw = tables().authority.get(m.group("kw"), m.group("kw") + ".")
    return kw, clean(m.group("rest"))


def _is_role(s: str, after_authority: bool) -> bool:
    s = clean(s)
    if not s or not is_caps(s) or _AUTH.fullmatch(s):
        return False
    return s.upper() in tables().roles or (after_authority and len(s.split()) <= _MAX_ROLE_WORDS)


def _signer(text: str, lines: list[Line], i: int) -> Field | None:
    """The first name-like line after the role. Recipient lines are skipped: a two-column closing
    block flattened to text interleaves them with the signature column."""
    for ln in lines[i : i + _MAX_NAME_GAP]:
        if not ln.text.strip() or _SKIP.match(ln.text):
            continue
        for part in (last_column(ln), first_column(ln)):
            s = clean(part.text) if part else ""
            if part and _NAME.fullmatch(s) and not _STOP.match(part.text):
                return _field(text, part, s.title() if is_caps(s) else s)
        if not _STOP.match(ln.text):
            return None
    return None


def _block(text: str, lines: list[Line], i: int) -> Signature | None:
    """The block whose first line is `lines[i]`, if it is one."""
    chain: list[tuple[Line, str, str]] = []
    j = i
    while j < len(lines):
        if not lines[j].text.strip():
            j += 1
            continue
        auth = _authority(lines[j])
        if auth is None:
            break
        chain.append((lines[j], *auth))
        j += 1
    if j >= len(lines) or not _is_role(lines[j].text, bool(chain)):
        return None
    role_ln = lines[j]
    role = _field(text, role_ln, role_display(role_ln.text))
    authority = None
    if chain:
        a = content_span(text, chain[0][0].start, chain[-1][0].end)
        value = "; ".join(f"{kw} {role_display(rest)}" for _, kw, rest in chain)
        authority = Field(value=value, start=a[0], end=a[1], text=text[a[0] : a[1]])
    body = next((ln for ln, kw, _ in chain if kw == "TM."), None)
    signer = _signer(text, lines, j + 1)
    end = signer.end if signer else role.end
    start = authority.start if authority else role.start
    return Signature(authority, role, signer, body, start, end)


def parse_signature(text: str, start: int, end: int) -> Signature | None:
    """The first signature block between `start` and `end`.

    >>> s = "TL. CHỦ TỊCH\\nCHÁNH VĂN PHÒNG\\n\\n \\n\\n**Lê Tuấn Phú**\\n"
    >>> sig = parse_signature(s, 0, len(s)); sig.authority.value, sig.role.value, sig.signer.value
    ('TL. Chủ tịch', 'Chánh Văn phòng', 'Lê Tuấn Phú')
    """
    lines = list(iter_lines(text, start, end))
    for i, ln in enumerate(lines):
        if ln.text.strip() and (_authority(ln) or _is_role(ln.text, False)):
            sig = _block(text, lines, i)
            if sig is not None:
                return sig
    return None
