"""Sums of money: every amount a document states becomes an `Amount` node, exact to the unit.

`33.400.000.000 đồng`, `2 tỷ 600 triệu kíp Lào`, `hơn 1,1 triệu USD`, `10.000USD`: the value is parsed
with `decimal.Decimal` and stored as a canonical decimal string (`value`: "33400000000"), never as a
float; `currency` is the ISO 4217 code; `qualifier` keeps an approximation word just before the number
("gần" -> almost, "khoảng"/"ước" -> approximately, "hơn"/"trên" -> more_than); `text` is the sum as
printed; `purpose` the words before it in its clause ("Ngân sách tỉnh", "Dự kiến tổng kinh phí thực
hiện Kế hoạch").

A total followed by "trong đó:" / "gồm:" opens a breakdown: the sums after it, in the same currency,
are its lines (`total` = the total's id) until they add up to it — nested breakdowns too (a budget
split into state and private funds, the state part into province and district).

The document has each amount (`HAS_AMOUNT`); so does the plan item (`Activity`) whose section it lies
in, when the activity extractor made one for that section.

>>> from ingest.structure import parse_structure
>>> from ingest.normalize import match_form
>>> text = "Tổng kinh phí là: 43.356.000.000 đồng, trong đó: ngân sách tỉnh 31.956.000.000 đồng."
>>> ctx = Context("document/x", "x.txt", text, match_form(text), parse_structure(text))
>>> [(plain(a.value), a.purpose, a.total is not None) for a in find_amounts(ctx)]
[('43356000000', 'Tổng kinh phí', False), ('31956000000', 'ngân sách tỉnh', True)]
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from graph.errors import InputError
from graph.ids import digest, edge_id, node_id
from graph.model import EdgeFact, Fact, NodeFact
from ingest.extract.clauses import wrapped_layout
from ingest.extract.context import Context
from ingest.extract.money_cues import NOT_BEFORE, MoneyCues, load_money_cues
from ingest.extract.money_number import parse_vn_number, plain
from ingest.extract.spans import sections_containing

PURPOSE_MAX = 160  # characters of context kept as the purpose
BREAKDOWN_GAP = 600  # a line of a breakdown is at most this far after the previous sum
_BOUNDARY_RE = re.compile(r"[.;!?](?=\s|$)|:|(?:^|\n)\s*[-+•*–—]\s|\(|\)")  # on the text: bullets at line starts
_LEADING_RE = re.compile(r"^(?:và|với|and|with)\s+", re.IGNORECASE)


@dataclass(slots=True)
class Amount:
    id: str
    start: int
    end: int
    value: Decimal
    currency: str
    text: str
    qualifier: str | None
    purpose: str
    total: str | None = None


def sum_value(body: str, currency: str, cues: MoneyCues) -> Decimal | None:
    """The exact value of "2 tỷ 600 triệu" (terms of falling scale), or None if it is not a sum.

    >>> sum_value("2 tỷ 600 triệu", "LAK", load_money_cues())
    Decimal('2600000000')
    """
    total, last_scale, terms = Decimal(0), None, list(cues.term_re.finditer(body))
    for i, t in enumerate(terms):
        scale = cues.scale[" ".join(t.group("scale").lower().split())] if t.group("scale") else None
        if (scale is None and i < len(terms) - 1) or (last_scale is not None and (scale or 1) >= last_scale):
            return None
        try:
            total += parse_vn_number(t.group("num")) * (scale or 1)
        except InputError:
            return None
        last_scale = scale or Decimal(1)
    if len(terms) == 1 and terms[0].group("scale") is None and total < cues.min_plain.get(currency, 0):
        return None
    return total


def _floor(ctx: Context, start: int, previous_end: int) -> int:
    """Where the clause of a sum can begin at the earliest: after the previous sum and the heading of
    the section it lies in (or the section's start, when the sum is in the heading)."""
    floor = previous_end
    for s in sections_containing(ctx, start):
        floor = max(floor, s.heading_end if start >= s.heading_end else s.start)
    return floor


def _purpose(ctx: Context, start: int, floor: int, wrapped: bool, cues: MoneyCues) -> str:
    """The words before a sum in its clause, back to a boundary or `floor`, whole words only."""
    end = start
    while end > floor and ctx.text[end - 1] in " \t\n:":
        end -= 1
    begin = max(floor, end - PURPOSE_MAX)
    while begin > floor and begin < end and not ctx.text[begin - 1].isspace():
        begin += 1  # never start inside a word
    window = ctx.text[begin:end]
    cut = 0
    for hit in _BOUNDARY_RE.finditer(window):
        cut = hit.end()
    if not wrapped and "\n" in ctx.text[begin + cut : end]:
        cut = ctx.text.rindex("\n", begin + cut, end) + 1 - begin
    purpose = " ".join(ctx.text[begin + cut : end].split())
    purpose = cues.trailing_re.sub("", purpose).strip(" ,-+•*¹²³⁴⁵⁶⁷⁸⁹⁰")
    return _LEADING_RE.sub("", purpose)


# A number (`NUMBER` spelt out, its first digit apart so that the search skips to digits) that may open
# a sum: nothing of `NOT_BEFORE` glued before it, a word or "$" after it.
_CANDIDATE_RE = re.compile(
    rf"[0-9](?<![{''.join(map(re.escape, sorted(NOT_BEFORE)))}].)[0-9]*(?:[.,][0-9]+)*(?= *(?:[^\W\d_]|\$))"
)


def _candidates(match: str, cues: MoneyCues) -> Iterator[re.Match[str]]:
    """Sums of money: the full pattern is tried only where a number is followed by a word (fast)."""
    end = 0
    for n in _CANDIDATE_RE.finditer(match):
        if n.start() < end:
            continue
        m = cues.amount_re.match(match, n.start())
        if m is not None:
            end = m.end()
            yield m


def find_amounts(ctx: Context) -> list[Amount]:
    """Every sum of money in the document, in order, with breakdown lines linked to their totals."""
    cues = load_money_cues()
    wrapped = wrapped_layout(ctx)
    out: list[Amount] = []
    open_totals: list[tuple[Amount, Decimal]] = []  # (total, what its lines have not covered yet)
    for m in _candidates(ctx.match, cues):
        currency = cues.currency[" ".join(m.group("cur").lower().split())]
        value = sum_value(m.group("body"), currency, cues)
        if value is None:
            continue
        start = m.start()
        q = cues.qualifier_re.search(ctx.match, max(0, start - 30), start)
        if q:
            start = q.start("q")
        floor = _floor(ctx, start, out[-1].end if out else 0)
        amount = Amount(
            node_id("Amount", digest(ctx.doc_id, str(m.start()))), start, m.end(), value, currency,
            " ".join(ctx.text[start : m.end()].split()),
            cues.qualifier[" ".join(q.group("q").lower().split())] if q else None,
            _purpose(ctx, start, floor, wrapped, cues),
        )  # fmt: skip
        _attach_to_total(amount, open_totals, out[-1].end if out else 0)
        out.append(amount)
        if cues.breakdown_re.match(ctx.match, m.end(), m.end() + 20):
            open_totals.append((amount, value))
    return out


def _attach_to_total(amount: Amount, open_totals: list[tuple[Amount, Decimal]], previous_end: int) -> None:
    """Make `amount` a line of the innermost open total it fits in; close totals it cannot belong to."""
    while open_totals:
        total, left = open_totals[-1]
        if total.currency != amount.currency or amount.value > left or amount.start - previous_end > BREAKDOWN_GAP:
            open_totals.pop()
            continue
        amount.total = total.id
        left -= amount.value
        if left == 0:
            open_totals.pop()
        else:
            open_totals[-1] = (total, left)
        return


def _props(a: Amount) -> dict[str, object]:
    return {
        "name": a.text, "value": plain(a.value), "currency": a.currency, "qualifier": a.qualifier,
        "text": a.text, "purpose": a.purpose or None, "total": a.total,
    }  # fmt: skip


def activity_of(ctx: Context, amounts: list[Amount]) -> dict[str, str]:
    """Amount id -> id of the activity whose section the amount lies in (the innermost one).

    The activities are the ones `ingest.extract.activities` states (ids `activity/<document
    digest>/<section path>`); they are looked for only when an amount lies inside a section.
    """
    if not any(ctx.structure.section_at(a.start) for a in amounts):
        return {}
    from ingest.extract.activities import find_drafts  # heavy: only for documents that need it
    from ingest.extract.agency_resolve import AgencyResolver

    paths = {d.path for d in find_drafts(AgencyResolver.of(ctx))}
    spans = [s for s in ctx.structure.flat() if s.path in paths]
    doc_key = ctx.doc_id.split("/", 1)[-1]
    out = {}
    for a in amounts:
        inner = max((s for s in spans if s.start <= a.start < s.end), key=lambda s: s.start, default=None)
        if inner is not None:
            out[a.id] = node_id("Activity", doc_key, inner.path)
    return out


def extract_money(ctx: Context) -> Iterator[Fact]:
    """An Amount per sum, HAS_AMOUNT from the document (and from the activity of its section)."""
    amounts = find_amounts(ctx)
    activities = activity_of(ctx, amounts) if amounts else {}
    for a in amounts:
        ev = (ctx.evidence(a.start, a.end),)
        yield NodeFact(a.id, "Amount", _props(a), ev)
        for source in (ctx.doc_id, activities.get(a.id)):
            if source is not None:
                yield EdgeFact(edge_id("HAS_AMOUNT", source, a.id), "HAS_AMOUNT", source, a.id, {}, ev)
