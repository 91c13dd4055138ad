"""Parties: mentions resolved to graph entities (Vietnamese or foreign places, agencies)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from graph.ids import edge_id, node_id, slug
from graph.model import EdgeFact, Evidence, Fact, NodeFact
from ingest.extract.mentions import Mention


@dataclass(slots=True)
class Party:
    """An entity a mention resolves to. `side` is 'vn' or 'foreign'."""

    id: str
    type: str
    side: str
    props: dict[str, Any]
    mention: Mention | None = None
    parent: Party | None = None
    country: str | None = None
    place: Party | None = None  # for agencies: the place they belong to
    review: list[str] = field(default_factory=list)
    successor: Party | None = None  # the unit it became part of (2025 reorganisation)
    succession: Evidence | None = None  # where the succession is stated (a gazetteer data file)
    succession_date: str | None = None

    @property
    def name(self) -> str:
        return str(self.props.get("name", self.id))

    @property
    def is_agency(self) -> bool:
        return self.type == "Agency"


@lru_cache(maxsize=16384)
def _link_id(type_name: str, source: str, target: str) -> str:
    """`edge_id` of a link between two entities (part of, located in, succeeded by), remembered: an
    agency's province and the province's successor are linked again at every mention."""
    return edge_id(type_name, source, target)


@lru_cache(maxsize=4096)
def name_slug(name: str) -> str:
    """`slug(name)` for the name of a body or a role (or a document's type or number), remembered: the
    same few hundred recur in every document."""
    return slug(name)


def country_party(code: str, name: str) -> Party:
    return Party(node_id("Country", code), "Country", "foreign", {"name": name, "iso3166_1": code, "level": "country"})


def agency_party(head: str, kind: str | None, place: Party) -> Party:
    """The agency `head` of `place`: 'Công an' of Xay Sổm Bun -> 'Công an tỉnh Xay Sổm Bun'."""
    unit_word = {"province": "tỉnh", "city": "thành phố", "district": "huyện", "commune": "xã"}.get(
        str(place.props.get("level")), ""
    )
    place_name = str(place.props.get("name_vi") or place.props.get("name"))
    name = f"{head} {unit_word} {place_name}".replace("  ", " ")
    key = place.id.split("/", 1)[1]
    return Party(
        node_id("Agency", key, name_slug(head)), "Agency", place.side,
        {"name": name, "name_vi": name, "kind": kind, "place": place.id, "country": place.country,
         "level": "agency"},
        place=place, country=place.country,
    )  # fmt: skip


def institution_party(name: str, kind: str | None, place: Party) -> Party:
    """A school or college by its own name, belonging to `place`."""
    key = place.id.split("/", 1)[1]
    props = {"name": name[0].upper() + name[1:], "name_vi": name[0].upper() + name[1:], "kind": kind,
             "place": place.id, "country": place.country, "level": "agency"}  # fmt: skip
    return Party(node_id("Agency", key, slug(name)), "Agency", place.side, props, place=place, country=place.country)


def entity_facts(party: Party, evidence: tuple[Evidence, ...]) -> list[Fact]:
    """The party's node, its place/parent/country links, each citing `evidence` (in this order: the
    node; the place's facts and PART_OF; the successor and SUCCEEDED_BY; the parent's facts and
    LOCATED_IN)."""
    out: list[Fact] = []
    _add_entity(out, party, evidence)
    return out


def _add_entity(out: list[Fact], party: Party, evidence: tuple[Evidence, ...]) -> None:
    out.append(NodeFact(party.id, party.type, party.props, evidence))
    if party.place is not None:
        _add_entity(out, party.place, evidence)
        out.append(EdgeFact(_link_id("PART_OF", party.id, party.place.id), "PART_OF", party.id, party.place.id, {},
                            evidence))  # fmt: skip
    if party.successor is not None and party.succession is not None:
        ev = (party.succession,)
        out.append(NodeFact(party.successor.id, party.successor.type, party.successor.props, ev))
        out.append(EdgeFact(
            _link_id("SUCCEEDED_BY", party.id, party.successor.id), "SUCCEEDED_BY", party.id, party.successor.id,
            {"date": party.succession_date}, ev,
        ))  # fmt: skip
    if party.parent is not None:
        _add_entity(out, party.parent, evidence)
        out.append(EdgeFact(
            _link_id("LOCATED_IN", party.id, party.parent.id), "LOCATED_IN", party.id, party.parent.id, {}, evidence
        ))  # fmt: skip
