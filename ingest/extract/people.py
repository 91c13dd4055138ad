"""People: the signer of every document and the officials it names with a role — `Person` nodes,
never places.

- The signer (header `signer`, `signer_role`, `signer_authority`) SIGNED the document (edge props
  `role`, `authority`) and is MEMBER_OF the body the role implies (`persons.yaml` `signer_agency`):
  a Chủ tịch / Phó Chủ tịch / Giám đốc of the issuing body itself ("UBND tỉnh Bắc Giang" -> Ủy ban
  nhân dân tỉnh Bắc Giang, "Sở Ngoại vụ tỉnh Hà Tĩnh" -> Sở Ngoại vụ), a Chánh Văn phòng of its office
  (Văn phòng Ủy ban nhân dân tỉnh Bắc Giang).
- An official named in the text ("Phó Chủ tịch Thường trực UBND tỉnh Mai Sơn", "Chủ tịch nước Nguyễn
  Xuân Phúc", `ingest.extract.people_mentions`) is a Person with that role, MEMBER_OF the body named.
  "đồng chí Chủ tịch UBND tỉnh" with no name is the holder of that office, named after it.

Agencies get the id scheme of `ingest.extract.parties.agency_party` and the canonical names of the
agency tables (`agency/VN-54/uy-ban-nhan-dan`, `agency/VN-54/van-phong-uy-ban-nhan-dan`,
`agency/VN-23/so-ngoai-vu`), so they unify with every other extractor. A person's id is their name
and the province (or country) they serve: `person/mai-son/VN-54` — the signer of one document and the
official another names are one node.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from graph.ids import edge_id, node_id, slug
from graph.model import EdgeFact, Evidence, Fact, NodeFact
from ingest.extract.agency_data import Body, agency_tables
from ingest.extract.agency_resolve import central_party
from ingest.extract.context import Context
from ingest.extract.cues import _alternation
from ingest.extract.mentions import RUN_RE, Mention
from ingest.extract.parties import Party, agency_party, entity_facts, name_slug
from ingest.extract.people_mentions import Titled, find_titled, people_cues
from ingest.extract.places import PlaceResolver, country_party, issued_in
from ingest.gazetteer import get_gazetteer
from ingest.structure.model import Field


@dataclass(slots=True)
class Official:
    id: str
    name: str
    role: str | None
    agency: Party | None


@cache
def _province_re() -> re.Pattern[str]:
    """A province or city unit word (units.yaml, via the people cues) and the name after it."""
    words = [w for w, level in people_cues().unit_levels.items() if level in ("province", "city")]
    return re.compile(rf"(?<![^\W\d_])(?:{_alternation(words)}) *({RUN_RE.pattern})")


def most_named_province(match: str) -> str | None:
    """The Vietnamese province a text without a place of issue (a press article) names most."""
    gz = get_gazetteer()
    counts = Counter(
        c.key for m in _province_re().finditer(match)
        if (c := gz.vn_province(" ".join(m.group(1).split()[:3]))) is not None and c.method != "fuzzy"
    )  # fmt: skip
    return counts.most_common(1)[0][0] if counts else None


class Places:
    """The document's own province (its place of issue, else the province it names most) and the places
    its officials serve, resolved once."""

    def __init__(self, ctx: Context) -> None:
        place = ctx.structure.header.place
        self.home_key = issued_in(ctx)
        if place is None:
            self.home_key = most_named_province(ctx.match)
        self.fallback = slug(place.value) if place is not None else "unknown"
        self.resolver = PlaceResolver(self.home_key)
        self._home: Party | None = None

    def home(self) -> Party | None:
        if self._home is None and self.home_key is not None:
            unit = get_gazetteer().get(self.home_key)
            name = (unit.name_vi or unit.name) if unit else self.home_key
            self._home = self.resolver.place(Mention(0, 0, name, "province", "vn"))
        return self._home

    def named(self, name: str, level: str | None) -> Party | None:
        return self.resolver.place(Mention(0, 0, name, level, "any"))


def place_key(place: Party | None, fallback: str) -> str:
    return place.id.split("/", 1)[1] if place is not None else fallback


def body_party(body: Body, place: Party | None) -> Party | None:
    """The agency `body` of `place` (a central body belongs to Việt Nam)."""
    if body.scope == "central":
        return central_party(body)
    if place is None:
        return None
    party = agency_party(body.name, body.kind, place)
    party.props["aliases"] = list(body.aliases)
    return party


def _official(name: str, role: str | None, place: Party | None, agency: Party | None, fallback: str) -> Official:
    return Official(node_id("Person", slug(name), place_key(place, fallback)), name, role, agency)


def _person_facts(o: Official, evidence: tuple[Evidence, ...], membership: tuple[Evidence, ...] = ()) -> Iterator[Fact]:
    """The person and, when the role implies a body, that body and MEMBER_OF it (citing `membership`,
    else `evidence`)."""
    props: dict[str, Any] = {"name": o.name, "name_vi": o.name, "role": o.role}
    yield NodeFact(o.id, "Person", props, evidence)
    if o.agency is not None:
        member = membership or evidence
        yield from entity_facts(o.agency, member)
        yield EdgeFact(
            edge_id("MEMBER_OF", o.id, o.agency.id, name_slug(o.role or "")), "MEMBER_OF", o.id, o.agency.id,
            {"role": o.role}, member,
        )  # fmt: skip


def _signer_body(ctx: Context, role: str | None) -> Body | None:
    """The body a signer's role is held in: the issuer, or the issuer's office."""
    issuer = ctx.structure.header.issuer
    tables = agency_tables()
    hit = tables.body_re.match(issuer.value) if issuer is not None else None  # the value: the span may be "SNgV"
    body = tables.body(hit.group(0)) if hit is not None else None
    rules = people_cues().data["signer_agency"]
    if body is None or role is None:
        return None
    if role in rules["office_of_issuer"]:
        return tables.body(f"Văn phòng {body.name}")
    return body if role in rules["issuer"] else None


def _cite(ctx: Context, f: Field | None, prop: str | None = None) -> tuple[Evidence, ...]:
    return (ctx.evidence(f.start, f.end, prop),) if f is not None else ()


def signer_facts(ctx: Context, places: Places) -> Iterator[Fact]:
    """The signer: a Person who SIGNED the document and is MEMBER_OF the body the role implies."""
    h = ctx.structure.header
    if h.signer is None:
        return
    role = h.signer_role.value if h.signer_role is not None else None
    body = _signer_body(ctx, role)
    place = places.home()
    agency = body_party(body, place) if body is not None else None
    person = _official(h.signer.value, role, place, agency, places.fallback)
    name, role_ev = _cite(ctx, h.signer), _cite(ctx, h.signer_role, "role")
    authority = _cite(ctx, h.signer_authority, "authority")
    yield from _person_facts(person, name + role_ev, role_ev + _cite(ctx, h.issuer))
    props = {"role": role, "authority": h.signer_authority.value if h.signer_authority is not None else None}
    evidence = name + role_ev + authority
    yield EdgeFact(edge_id("SIGNED", person.id, ctx.doc_id), "SIGNED", person.id, ctx.doc_id, props, evidence)


def _titled_place(t: Titled, places: Places) -> Party | None:
    """Where an official serves: Việt Nam for State and central roles, the place named after the body,
    else the document's own province (not for a role held abroad: "Thống đốc" with no place is unknown)."""
    if (t.body is not None and t.body.scope == "central") or (t.body is None and t.role in people_cues().national):
        return country_party("VN")
    if t.place_name:
        return places.named(t.place_name, t.level)
    return places.home() if t.role not in people_cues().foreign else None


def _titled_official(t: Titled, place: Party | None, places: Places) -> Official | None:
    agency = body_party(t.body, place) if t.body is not None else None
    if t.name:
        return _official(t.name, t.role, place, agency, places.fallback)
    if agency is None or t.body is None:
        return None
    office_id = node_id("Person", "office", place_key(place, places.fallback), slug(f"{t.role} {t.body.name}"))
    return Official(office_id, f"{t.role} {agency.name}", t.role, agency)


def extract_people(ctx: Context) -> Iterator[Fact]:
    """Person facts: the signer, and every official the text names with a role. A name mentioned once
    with its body and place ("Phó Chủ tịch UBND TP Hà Nội Nguyễn Mạnh Quyền") and once with the role
    alone ("Phó Chủ tịch Nguyễn Mạnh Quyền") is one person."""
    places = Places(ctx)
    yield from signer_facts(ctx, places)
    titled = [(t, _titled_place(t, places)) for t in find_titled(ctx.match)]
    known = {t.name: p for t, p in titled if t.name and p is not None}
    for t, place in titled:
        official = _titled_official(t, place or known.get(t.name or ""), places)
        if official is not None:
            yield from _person_facts(official, (ctx.evidence(t.start, t.end),))
