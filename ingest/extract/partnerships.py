"""Partnerships and agreements: who cooperates with whom, under which instrument, with what status.

For every clause that states a cooperation relationship (a relation or instrument word, outside
phrases about relations between two countries) and names a foreign party, the foreign party is paired
with a Vietnamese party (`ingest.extract.pairing`). A clause naming no party but "hai bên"/"hai tỉnh"
carries its status to the last pair stated nearby. One document gives one PARTNERS_WITH fact per pair
(all its clauses as evidence, each tagged with the status it states) and one Agreement per pair and
instrument family.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from graph.ids import digest, edge_id, node_id
from graph.model import EdgeFact, Evidence, Fact, NodeFact
from ingest.extract.clauses import split_clauses, wrapped_layout
from ingest.extract.context import Context
from ingest.extract.cues import Cues, blank, cue_form, load_cues
from ingest.extract.dates import find_period, find_signed_on
from ingest.extract.pairing import choose_vn
from ingest.extract.parties import Party, entity_facts
from ingest.extract.places import document_parties
from ingest.extract.status import best_status, clause_status, postpones

COREF_RE = re.compile(
    r"(?<!\w)(?:hai|2|02)\s+(?:bên|tỉnh|địa phương|huyện|thành phố|phía|cơ quan)(?!\w)|"
    r"(?<!\w)(?:both|the two)\s+(?:sides|provinces|localities|cities)(?!\w)",
    re.IGNORECASE,
)
COREF_WINDOW = 3  # clauses
# A period written right after the signing verb when no instrument is named.
SIGNED_PERIOD_RE = re.compile(r"(?<!\w)(?:ký|signed)(?:\s+kết)?[^.;]{0,30}?((?:19|20)\d{2})\s*[-–]\s*((?:19|20)\d{2})")
# When several instruments are named for one pair, the most specific one names the agreement.
FAMILY_RANK = {"mou": 5, "friendship_agreement": 5, "establishment_agreement": 5, "minutes": 4,
               "agreement": 3, "letter_of_intent": 3, "cooperation_programme": 2, "letter": 1}  # fmt: skip


@dataclass(slots=True)
class Instrument:
    family: str
    title: str
    start: int
    end: int


@dataclass(slots=True)
class PairState:
    vn: Party
    foreign: Party
    statuses: list[tuple[str, Evidence]] = field(default_factory=list)
    instrument: Instrument | None = None
    period: tuple[int, int] | None = None
    signed_on: str | None = None
    all_parties: set[str] = field(default_factory=set)


def _instrument(
    ctx: Context, start: int, end: int, cues: Cues, parties: list[Party], anchor: int
) -> Instrument | None:
    """The instrument that names the pair whose foreign party is at `anchor`: the last one named before
    it in the clause (else the first after), titled up to its last party or period, never past the
    next instrument."""
    text = _cue_text(ctx, start, end)
    hits = list(cues.instrument_re.finditer(text))
    if not hits:
        return None
    before = [h for h in hits if start + h.start() < anchor]
    hit = before[-1] if before else hits[0]
    nxt = next((start + h.start() for h in hits if h.start() > hit.start()), end)
    family = cues.instrument_family(hit.group(0)) or "agreement"
    s = start + hit.start()
    limit = min(nxt, s + 260)
    title_end = start + hit.end()
    for p in parties:
        if p.mention is not None and s < p.mention.start < limit:
            title_end = max(title_end, min(p.mention.end, limit))
    period = find_period(ctx.match, s, limit)
    if period:
        title_end = max(title_end, period[2])
    title = " ".join(ctx.text[s:title_end].split()).strip(" ,;:(")
    return Instrument(family, title, s, title_end)


def _cue_text(ctx: Context, start: int, end: int) -> str:
    """The clause in cue form. `ctx.match` is already the matching form, so lower case is all that is
    left — unless lower-casing would change its length (not for Vietnamese), then the slow way."""
    low, sliceable = ctx.lowered()
    if sliceable:  # the document's lower case, once: the same as lower-casing the clause
        return low[start:end]
    lowered = ctx.match[start:end].lower()
    return lowered if len(lowered) == end - start else cue_form(ctx.match[start:end])


def _has_relation(ctx: Context, start: int, end: int, cues: Cues) -> bool:
    """A relation or instrument word outside names of bodies and phrases about two countries."""
    text = blank(_cue_text(ctx, start, end), cues.national_re, cues.agency_name_re)
    return bool(cues.relation_re.search(text) or cues.instrument_re.search(text))


def _pairs_in_clause(
    ctx: Context, start: int, end: int, parties: list[Party], home: Party | None
) -> list[tuple[Party, Party]]:
    inside = [
        p for p in parties
        if p.mention is not None and start <= p.mention.start < end and not p.mention.locates and not p.mention.in_org
    ]  # fmt: skip
    foreign = [p for p in inside if p.side == "foreign"]
    if any(not p.mention.venue for p in foreign):  # type: ignore[union-attr]
        foreign = [p for p in foreign if not p.mention.venue]  # type: ignore[union-attr]  # "tại thành phố Pạc Xế"
    vn = [p for p in inside if p.side == "vn"]
    pairs: list[tuple[Party, Party]] = []
    for f in foreign:
        v = choose_vn(ctx.match[start:end], start, f, vn, home)
        if v is not None and (v.id, f.id) not in {(a.id, b.id) for a, b in pairs}:
            pairs.append((v, f))
    return pairs


def _coreferent_pairs(
    ctx: Context, clauses: list[tuple[int, int]], i: int, last: list[tuple[int, list[tuple[Party, Party]]]],
    parties: list[Party], home: Party | None,
) -> list[tuple[Party, Party]]:
    """"hai bên", "the two sides": the pair stated just before, else the parties named just before."""
    if last and i - last[-1][0] <= COREF_WINDOW:
        return last[-1][1]
    start = clauses[max(0, i - COREF_WINDOW)][0]
    return _pairs_in_clause(ctx, start, clauses[i][1], parties, home)


def _record(state: dict[tuple[str, str], PairState], vn: Party, f: Party, status: str, ev: Evidence) -> PairState:
    st = state.get((vn.id, f.id))
    if st is None:
        st = state[(vn.id, f.id)] = PairState(vn, f)
    st.statuses.append((status, ev))
    return st


def collect_pairs(ctx: Context, cues: Cues | None = None) -> list[PairState]:
    """Every (Vietnamese party, foreign party) relationship the document states."""
    cues = cues or load_cues()
    parties, home = document_parties(ctx)
    future = ctx.structure.header.value("doc_type") in cues.future_doc_types
    header = ctx.structure.header
    section_starts = [s.start for s in ctx.structure.flat()] + [ctx.structure.body_start]
    section_starts += [x for f in (header.doc_type, header.place) if f is not None for x in (f.start, f.end)]
    state: dict[tuple[str, str], PairState] = {}
    last: list[tuple[int, list[tuple[Party, Party]]]] = []
    clauses = split_clauses(ctx.text, section_starts, wrapped_layout(ctx))
    for i, (start, end) in enumerate(clauses):
        if not _has_relation(ctx, start, end, cues):
            # a later clause may still postpone what an earlier one stated: "hai bên thống nhất hoãn ..."
            if not postpones(_cue_text(ctx, start, end), cues):
                continue
            status: str | None = "postponed"
            pairs = [pr for pr in _pairs_in_clause(ctx, start, end, parties, None) if (pr[0].id, pr[1].id) in state]
        else:
            status = clause_status(_cue_text(ctx, start, end), future, cues, in_cue_form=True)
            pairs = _pairs_in_clause(ctx, start, end, parties, home)
        status = status or "implemented"
        if not pairs and COREF_RE.search(ctx.match[start:end]):
            pairs = _coreferent_pairs(ctx, clauses, i, last, parties, home)
        if not pairs:
            continue
        last.append((i, pairs))
        ev = ctx.evidence(start, end, f"status={status}")
        for vn, f in pairs:
            st = _record(state, vn, f, status, ev)
            anchor = f.mention.start if f.mention and start <= f.mention.start < end else end
            instrument = _instrument(ctx, start, end, cues, parties, anchor)
            if instrument:
                st.all_parties |= {
                    p.id for p in parties
                    if p.mention and instrument.start <= p.mention.start < instrument.end and not p.mention.locates
                }  # fmt: skip
            if instrument and (
                st.instrument is None or FAMILY_RANK[instrument.family] > FAMILY_RANK[st.instrument.family]
            ):
                st.instrument = instrument
                period = find_period(ctx.match, instrument.start, end)
                st.period = (period[0], period[1]) if period else st.period
            if instrument is None and st.period is None and (signed := SIGNED_PERIOD_RE.search(ctx.match, start, end)):
                st.period = (int(signed.group(1)), int(signed.group(2)))  # "đã ký hợp tác 03 năm 2019-2021"
            if status in ("signed", "renewed", "implemented") and st.signed_on is None:
                st.signed_on = find_signed_on(ctx.match, start, end, ctx.structure.header.value("date"))
    return list(state.values())


def _agreement_facts(ctx: Context, st: PairState, status: str) -> Iterator[Fact]:
    assert st.instrument is not None
    parties = sorted(st.all_parties | {st.vn.id, st.foreign.id})
    agreement = node_id("Agreement", digest(*parties, st.instrument.family))
    ev = (ctx.evidence(st.instrument.start, st.instrument.end),)
    props = {
        "name": st.instrument.title, "instrument": st.instrument.family, "status": status,
        "period_start": st.period[0] if st.period else None, "period_end": st.period[1] if st.period else None,
        "signed_on": st.signed_on,
    }  # fmt: skip
    yield NodeFact(agreement, "Agreement", props, ev)
    for side, p in (("vn", st.vn), ("foreign", st.foreign)):
        yield EdgeFact(edge_id("PARTY_TO", p.id, agreement), "PARTY_TO", p.id, agreement, {"side": side}, ev)


def extract_partnerships(ctx: Context) -> Iterator[Fact]:
    """Facts for every partnership the document states (see the module docstring)."""
    for st in collect_pairs(ctx):
        status = best_status([s for s, _ in st.statuses])
        evidence = tuple(ev for _, ev in st.statuses)
        for party in (st.vn, st.foreign):
            yield from entity_facts(party, (ctx.evidence(*party.mention.span),) if party.mention else evidence)
        doc_date = ctx.structure.header.value("date") or ""
        props = {
            "status": status, "statuses": sorted({s for s, _ in st.statuses}),
            "stated": [f"{doc_date}|{ctx.doc_id}|{status}"],
            "period_start": st.period[0] if st.period else None, "period_end": st.period[1] if st.period else None,
            "signed_on": st.signed_on,
        }  # fmt: skip
        if st.instrument is not None:
            agreement_facts = list(_agreement_facts(ctx, st, status))
            props["agreement"] = agreement_facts[0].id
            yield from agreement_facts
        pw = edge_id("PARTNERS_WITH", st.vn.id, st.foreign.id)
        yield EdgeFact(pw, "PARTNERS_WITH", st.vn.id, st.foreign.id, props, evidence)
        for p in (st.vn, st.foreign):
            yield EdgeFact(edge_id("MENTIONS", ctx.doc_id, p.id), "MENTIONS", ctx.doc_id, p.id, {}, evidence[:1])
