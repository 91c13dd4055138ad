"""The administrative header and the closing block (recipients, signature) of an official document.

Only the first lines (the header zone) are read for the header; the closing block is looked for
around the first "Nơi nhận:". Whatever is not found is listed in `Header.missing`; nothing raises.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from . import issuer as iss
from . import title as tl
from .data import tables
from .dates import parse_date_line
from .layout import Layout
from .model import Field, Header
from .recipients import KINH_GUI, NOI_NHAN, parse_items
from .signature import Signature, parse_signature
from .symbol import parse_number, symbol_codes
from .text import Line, content_span, first_column, iter_lines

_ZONE_LINES = 60
_BEFORE_RECIPIENTS = 1500
_AFTER_RECIPIENTS = 4000
_TAIL = 3000
_SCALARS = (
    "doc_type",
    "number",
    "issuer",
    "place",
    "date",
    "title",
    "signer",
    "signer_role",
    "signer_authority",
)


@dataclass(slots=True)
class HeaderParse:
    """The header, where the body starts, and the span of the closing block (Nơi nhận + signature)."""

    header: Header
    body_start: int
    closing_start: int
    closing_end: int


def _zone(text: str) -> list[Line]:
    zone: list[Line] = []
    for ln in iter_lines(text):
        if len(zone) >= _ZONE_LINES or len(ln.text) > 300 or tl.BODY_START.match(ln.text):
            break
        zone.append(ln)
    return zone


def _printed_issuer(text: str, zone: list[Line], title: Field | None) -> Field | None:
    group: list[Line] = []
    names: list[str] = []
    for ln in map(first_column, zone):
        if not ln.text.strip() or (title and title.start <= ln.start < title.end):
            continue
        if iss.is_issuer_line(ln.text):
            group.append(ln)
            names.append(ln.text)
        elif group and iss.is_unit_line(ln.text):  # "ỦY BAN NHÂN DÂN" / "TỈNH QUẢNG NINH"
            group.append(ln)
            names[-1] = f"{names[-1]} {ln.text}"
        elif group:
            break
    if not group:
        return None
    a, b = content_span(text, group[0].start, group[-1].end)
    return Field(value=iss.combine(names), start=a, end=b, text=text[a:b])


def _closing(text: str, start: int) -> tuple[list[Field], Signature | None, int, int]:
    label = NOI_NHAN.search(text, start)
    if label is None:
        anchor = text.rfind("./.", start)
        lo = text.rfind("\n", 0, anchor) + 1 if anchor >= 0 else max(start, len(text) - _TAIL)
        sig = parse_signature(text, lo, min(len(text), lo + _TAIL))
        return [], sig, (sig.start if sig else len(text)), (sig.end if sig else len(text))
    items, items_end = parse_items(text, label.end(), len(text))
    sig = parse_signature(text, label.end(), min(len(text), items_end + _AFTER_RECIPIENTS))
    if sig is None:
        lo = text.rfind("\n", 0, max(start, label.start() - _BEFORE_RECIPIENTS)) + 1
        sig = parse_signature(text, max(lo, start), label.start())
    closing_start = min(label.start(), sig.start if sig else label.start())
    return items, sig, closing_start, max(items_end, sig.end if sig else items_end)


def _derive_issuer(h: Header, sig: Signature | None, text: str) -> Field | None:
    place = h.place.value if h.place else None
    if h.number:
        code = symbol_codes(h.number).issuer_code
        name = iss.from_code(code[0], place) if code else None
        if code and name:
            return Field(value=name, start=code[1], end=code[2], text=text[code[1] : code[2]])
    if sig and sig.body:
        body = sig.body.text.split(".", 1)[1]
        code_ = iss.code_of_body(body)
        name = iss.from_code(code_, place) if code_ else None
        if name:
            a, b = content_span(text, sig.body.start, sig.body.end)
            return Field(value=name, start=a, end=b, text=text[a:b])
    return None


def _derive_type(h: Header, vv: Field | None, text: str) -> Field | None:
    codes = symbol_codes(h.number) if h.number else None
    if codes and codes.type_code:
        dtype, a, b = codes.type_code
        return Field(value=dtype.name, start=a, end=b, text=text[a:b])
    if vv is not None:
        return Field(value=tables().cong_van, start=vv.start, end=vv.end, text=vv.text)
    if codes and codes.issuer_code and h.number:
        return Field(value=tables().cong_van, start=h.number.start, end=h.number.end, text=h.number.text)
    return None


def parse_header(text: str, layout: Layout) -> HeaderParse:
    """Parse the header zone and the closing block of `text`."""
    zone = _zone(text)
    z_end = zone[-1].end if zone else 0
    h = Header()
    h.number = parse_number(text, 0, z_end)
    h.place, h.date = parse_date_line(text, 0, z_end)
    typed = tl.type_line(text, zone)
    vv = None
    if typed:
        h.doc_type, title_at = typed
        h.title = tl.block(text, title_at, z_end, layout)
    sub = tl.subject(text, zone, layout)
    if sub:
        vv, subj = sub
        h.title = h.title or subj
    h.issuer = _printed_issuer(text, zone, h.title)
    kg = KINH_GUI.search(text, 0, z_end)
    if kg:
        h.addressees, _ = parse_items(text, kg.end(), min(len(text), z_end + 2000), addressees=True)
    ends = [f.end for f in (h.number, h.date, h.doc_type, h.title, h.issuer, *h.addressees) if f]
    body_start = max(ends, default=0)
    items, sig, closing_start, closing_end = _closing(text, body_start)
    h.recipients = items
    if sig:
        h.signer_authority, h.signer_role, h.signer = sig.authority, sig.role, sig.signer
    if h.place is None:
        h.place, h.date = parse_date_line(text, closing_start, closing_end)
    h.issuer = h.issuer or _derive_issuer(h, sig, text)
    h.doc_type = h.doc_type or _derive_type(h, vv, text)
    h.missing = [n for n in _SCALARS if getattr(h, n) is None]
    if not h.recipients:
        h.missing.append("recipients")
    if h.doc_type and h.doc_type.value == tables().cong_van and not h.addressees:
        h.missing.append("addressees")
    return HeaderParse(h, body_start, max(closing_start, body_start), max(closing_end, body_start))


def issuer_source(header: Header) -> str | None:
    """Where the issuer came from: "printed", "symbol" (code in the number + place of the date
    line) or "signature" ("TM. <body>" + place); None when there is no issuer."""
    f = header.issuer
    if f is None:
        return None
    if header.number and header.number.start <= f.start < header.number.end:
        return "symbol"
    if header.signer_authority and header.signer_authority.start <= f.start < header.signer_authority.end:
        return "signature"
    return "printed"


def header_spans(header: Header) -> list[tuple[int, int]]:
    """Spans later extractors should ignore: every header Field (date line, recipients, ...)."""
    spans = []
    for f in fields(header):
        v = getattr(header, f.name)
        for item in v if isinstance(v, list) else [v]:
            if isinstance(item, Field):
                spans.append((item.start, item.end))
    return sorted(spans)
