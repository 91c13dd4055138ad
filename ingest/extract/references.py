"""Document lineage: every other document a document refers to, and how it relates to it.

Each reference ("Kế hoạch số 667/KH-UBND ngày 09/12/2021", "Luật Thỏa thuận quốc tế ngày 13/11/2020")
becomes a stub `Document` (`stub: true`, `doc_type`, `number`, `date` to the precision printed,
`issuer` and `title` when written, `name` as written) and an edge from the citing document typed by
the words before it (`ingest.extract.ref_relations`): SUPERSEDES, LEGAL_BASIS, IMPLEMENTS, BASED_ON or
CITES. A reference inside another's subject gives an edge between the two stubs ("Kế hoạch số 127 ...
thực hiện Chương trình hành động số 61" -> IMPLEMENTS); the citing document then CITES it, unless it
states a stronger relation to it elsewhere.

Identity (`ref_key`): two documents citing the same reference produce the same id.
- Numbered: the symbol's issuer code decides the scope — a national body's ("NĐ-CP", "NQ/TW", "QĐ-TTg")
  is the same document everywhere (`document/ref/vn/64-2021-nd-cp/2021-06-30`); a local body's
  ("KH-UBND", "TB/TU", "TTr-SNgV") is scoped to the citing document's province
  (`document/ref/VN-54/667-kh-ubnd/2021-12-09`), and the stub's `place` says which.
- Titled (a law without number): type + title + date (`document/ref/vn/luat/thoa-thuan-quoc-te/2020-11-13`).
- An undated mention takes the date its number has elsewhere in the same document, when only one.
`number` is stored normalised (no spaces, no footnote marks) on stubs as on ingested documents, so
`graph.lineage.link_stubs` can point references at a document once it is ingested.

The document's own number ("Số: /TB-UBND") is not a reference; a reference to its own number is the
document itself. "Ban hành kèm theo Quyết định này Đề án ..." names a document attached to the one
being read (an Đề án after its Quyết định): it becomes a `Document` of its own (not a stub: its text is
in the file; `source` is the file), typed and titled as written, with LEGAL_BASIS to the decision that
issues it. References in the attachment's sections are attributed to the file's document, which is
what was ingested.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from functools import cache
from typing import Any

from graph.ids import edge_id, node_id, slug
from graph.model import EdgeFact, Fact, NodeFact
from ingest.extract.clauses import wrapped_layout
from ingest.extract.context import Context
from ingest.extract.cues import _alternation
from ingest.extract.parties import name_slug
from ingest.extract.phrase_re import phrase_trie
from ingest.extract.places import issued_in
from ingest.extract.ref_parse import MARKS, Reference, find_references, load_ref_cues
from ingest.extract.ref_relations import CITES, classify

TITLE_KEY_MAX = 80
_NO_MARKS = str.maketrans("", "", MARKS)


def is_national(number: str) -> bool:
    """True when a code of the symbol is a national body's: "64/2021/NĐ-CP", "22-NQ/TW", "70/2020/QH14".

    >>> is_national("22-NQ/TW"), is_national("667/KH-UBND")
    (True, False)
    """
    codes = _national_codes()
    return any(_TRAILING_DIGITS.sub("", seg) in codes for seg in _SYMBOL_SEP.split(number)[1:])


@cache
def _national_codes() -> frozenset[str]:
    return frozenset(load_ref_cues().data["national_codes"])


_TRAILING_DIGITS = re.compile(r"[0-9]+$")
_SYMBOL_SEP = re.compile(r"[/-]")


def ref_key(ref: Reference, home: str | None) -> tuple[str, ...]:
    """The id parts of a referenced document (see the module docstring)."""
    date = ref.date or "undated"
    if ref.number:
        scope = "vn" if is_national(ref.number) else (home or "local")
        return (scope, name_slug(ref.number), date)
    return ("vn", name_slug(ref.doc_type), _short_slug(ref.title or ""), date)


def _home(ctx: Context) -> tuple[str | None, Any]:
    """The citing document's province key and its place-of-issue field."""
    return issued_in(ctx), ctx.structure.header.place


def _own_number(ctx: Context) -> str | None:
    f = ctx.structure.header.number
    return f.value if f is not None else None


def _is_self(ref: Reference, own: str | None) -> bool:
    """A reference to the document's own number, or to a number not yet given ("số /QĐ-UBND")."""
    return ref.number is not None and (ref.number == own or not ref.number[:1].isdigit())


def _fill_dates(refs: list[Reference]) -> None:
    """An undated mention takes the one date its number (or title) has elsewhere in the document."""
    dates: dict[tuple[str, str], set[str]] = defaultdict(set)
    for r in refs:
        if r.date:
            dates[(r.doc_type, r.number or r.title or "")].add(r.date)
    for r in refs:
        known = dates.get((r.doc_type, r.number or r.title or ""), set())
        if not r.date and len(known) == 1:
            r.date = next(iter(known))


def _short_slug(text: str) -> str:
    """A slug of at most TITLE_KEY_MAX characters, cut between words."""
    s = slug(text)
    return s if len(s) <= TITLE_KEY_MAX else s[: TITLE_KEY_MAX + 1].rsplit("-", 1)[0]


def _stub(ctx: Context, ref: Reference, rid: str, home: str | None, place: Any) -> NodeFact:
    name = " ".join(ctx.text[ref.start : ref.name_end].translate(_NO_MARKS).split())
    props: dict[str, Any] = {
        "name": name, "stub": True, "doc_type": ref.doc_type, "number": ref.number, "date": ref.date,
        "issuer": ref.issuer, "title": ref.title,
    }  # fmt: skip
    evidence = [ctx.evidence(ref.start, ref.tail_end)]
    if ref.number and not is_national(ref.number) and home and place is not None:
        props["place"] = place.value  # a local body's document: issued where the citing document was
        evidence.append(ctx.evidence(place.start, place.end, "place"))
    return NodeFact(rid, "Document", props, tuple(evidence))


def _edge(ctx: Context, relation: str, source: str, target: str, start: int, end: int) -> EdgeFact:
    return EdgeFact(edge_id(relation, source, target), relation, source, target, {}, (ctx.evidence(start, end),))


@cache
def _attached_re() -> re.Pattern[str]:
    """ "Ban hành kèm theo Quyết định này Đề án <title>." (the type words of the reference cues)."""
    cues = load_ref_cues()
    types = phrase_trie(list(cues.type_names), any_case=True)
    return re.compile(
        rf"(?:{_alternation(cues.data['attached'])})\s+(?:{types})\s+này\s*,?\s+(?P<type>{types})\s+"
        rf"(?P<title>[^;\n]+?)\s*(?:[.;](?:\s|$)|\n|$)",
        re.IGNORECASE,
    )


def _may_attach(ctx: Context) -> bool:
    """Whether a "ban hành kèm theo" cue is in the text: the cue alone, searched with the same flags as
    `_attached_re`, which cannot match where it does not (a quick test before the long pattern)."""
    return _attached_cue_re().search(ctx.match) is not None


@cache
def _attached_cue_re() -> re.Pattern[str]:
    return re.compile(_alternation(load_ref_cues().data["attached"]), re.IGNORECASE)


def _attachment(ctx: Context, home: str | None) -> Iterator[Fact]:
    """ "Điều 1. Ban hành kèm theo Quyết định này Đề án X." -> the Đề án, LEGAL_BASIS the decision."""
    if not _may_attach(ctx):
        return
    cues = load_ref_cues()
    header = ctx.structure.header
    for m in _attached_re().finditer(ctx.match):
        doc_type = cues.type_names.get(" ".join(m.group("type").lower().split()), m.group("type"))
        title = " ".join(ctx.text[m.start("title") : m.end("title")].split())
        date = header.value("date")
        aid = node_id("Document", "ref", home or "local", slug(doc_type), _short_slug(title), date or "undated")
        props = {"name": f"{doc_type} {title}", "stub": False, "doc_type": doc_type, "title": title,
                 "date": date, "issuer": header.value("issuer"), "place": header.value("place"),
                 "source": ctx.source}  # fmt: skip
        ev = (ctx.evidence(m.start(), m.end("title")),)
        yield NodeFact(aid, "Document", props, ev)
        yield _edge(ctx, "LEGAL_BASIS", aid, ctx.doc_id, m.start(), m.end("title"))


def _ids(ctx: Context, refs: list[Reference], home: str | None) -> list[str]:
    own = _own_number(ctx)
    return [ctx.doc_id if _is_self(r, own) else node_id("Document", "ref", *ref_key(r, home)) for r in refs]


def reference_facts(ctx: Context) -> list[Fact]:
    """Stubs and lineage edges of one document (see the module docstring)."""
    header_number = ctx.structure.header.number
    refs = [
        r for r in find_references(ctx.text, ctx.match, wrapped_layout(ctx))
        if header_number is None or not (header_number.start <= r.start < header_number.end)
    ]  # fmt: skip
    _fill_dates(refs)
    home, place = _home(ctx)
    ids = _ids(ctx, refs, home)
    links = classify(ctx, refs)
    facts: list[Fact] = list(_attachment(ctx, home))
    typed: set[str] = set()  # targets the document has a relation other than CITES with
    nested: list[int] = []  # references stated inside another's subject: the document CITES them
    for i, (ref, link) in enumerate(zip(refs, links, strict=True)):
        if ids[i] == ctx.doc_id:
            continue
        ref.issuer = ref.issuer or link.issuer
        facts.append(_stub(ctx, ref, ids[i], home, place))
        source = ctx.doc_id if link.source is None else ids[link.source]
        if source != ids[i]:
            facts.append(_edge(ctx, link.relation, source, ids[i], min(link.cue_start, ref.start), ref.tail_end))
        if link.source is None and link.relation != CITES:
            typed.add(ids[i])
        elif link.source is not None:
            nested.append(i)
    for i in nested:
        if ids[i] not in typed:
            facts.append(_edge(ctx, CITES, ctx.doc_id, ids[i], refs[i].start, refs[i].tail_end))
    return [f for f in facts if not (isinstance(f, EdgeFact) and f.type == CITES and f.source == ctx.doc_id
                                     and f.target in typed)]  # fmt: skip


def extract_references(ctx: Context) -> Iterator[Fact]:
    """The document's lineage facts: stubs of what it refers to and the typed edges to them."""
    yield from reference_facts(ctx)
