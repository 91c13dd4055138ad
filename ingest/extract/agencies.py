"""Agencies: every known body a document's text names (`ingest/data/agencies/`), as an `Agency` node
scoped to its place (`agency/<place key>/<slug>`, central bodies `agency/VN/<slug>`), `PART_OF` that
place, with `kind`, `aliases`, `place` and `country`, and a `MENTIONS` edge from the document.

Only the body of the text is read (not the recipients or the signature block). "UBND <place>" is the
place itself (the partnership extractor states places); a body whose place cannot be told is skipped.
Bodies no table knows are stated by the activity extractor when they lead or coordinate something.

>>> from ingest.extract.context import Context
>>> from ingest.normalize import match_form
>>> from ingest.structure import parse_structure
>>> text = "KẾ HOẠCH\\n\\nHợp tác\\n\\nHà Tĩnh, ngày 01 tháng 8 năm 2022\\n\\n1. Sở Ngoại vụ chủ trì."
>>> ctx = Context("document/x", "a.txt", text, match_form(text), parse_structure(text))
>>> sorted(f.id for f in extract_agencies(ctx) if f.type == "Agency")
['agency/VN-23/so-ngoai-vu']
"""

from __future__ import annotations

from graph.ids import edge_id
from graph.model import EdgeFact, Fact
from ingest.extract.agency_resolve import AgencyResolver, Ref
from ingest.extract.context import Context
from ingest.extract.parties import entity_facts
from ingest.extract.spans import Covered

_HEADER_FIELDS = ("doc_type", "number", "issuer", "place", "date", "title", "signer", "signer_role", "signer_authority")
_SCAN = 240  # characters after a name where its place may be written


def _excluded(ctx: Context) -> list[tuple[int, int]]:
    h = ctx.structure.header
    spans = [(f.start, f.end) for name in _HEADER_FIELDS if (f := getattr(h, name)) is not None]
    return spans + [(f.start, f.end) for f in [*h.recipients, *h.addressees]]


def agency_mentions(r: AgencyResolver) -> list[Ref]:
    """The first mention of every known agency in the body of the text (places excluded)."""
    ctx = r.ctx
    start, end = ctx.structure.body_start, ctx.structure.body_end or len(ctx.text)
    excluded = Covered(_excluded(ctx))
    seen: dict[str, Ref] = {}
    done: set[str] = set()  # a name and what follows it, already resolved
    m = ctx.match
    for hit in r.t.body_re.finditer(m, start, end):
        at, stop = hit.span()
        key = m[at : stop + 40]
        if key in done or at in excluded:
            continue
        done.add(key)
        ref = r.body_at(at, min(end, stop + _SCAN))
        if ref is None or ref.party is None or ref.party.type != "Agency":
            continue
        seen.setdefault(ref.party.id, ref)
    return list(seen.values())


def extract_agencies(ctx: Context) -> list[Fact]:
    """Facts for every agency the document names (see the module docstring)."""
    r = AgencyResolver.of(ctx)
    out: list[Fact] = []
    for ref in agency_mentions(r):
        assert ref.party is not None
        ev = (ctx.evidence(ref.start, ref.end, f"agency={ref.written}"),)
        out += entity_facts(ref.party, ev)
        pid = ref.party.id
        out.append(EdgeFact(edge_id("MENTIONS", ctx.doc_id, pid), "MENTIONS", ctx.doc_id, pid, {}, ev))
    return out
