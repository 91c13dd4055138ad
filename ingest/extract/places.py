"""Resolving mentions to parties through the gazetteer (entity resolution).

Vietnamese first when the mention can be Vietnamese (no foreign country in its context): provinces,
centrally-run cities, districts and provincial cities; then foreign units, restricted by the country
and level the context gives. A name the gazetteer does not know becomes a new entity when its context
says which country it is in (`huyện Thà Thôm (Lào)`), else it is reported, never guessed. Fuzzy
matches below the auto-merge threshold are kept for `hoptac review`, not merged.
"""

from __future__ import annotations

from collections import Counter
from functools import cache, lru_cache

import pycountry

from graph.ids import node_id, slug
from graph.model import Evidence
from ingest.extract.context import Context
from ingest.extract.context_places import locate_all
from ingest.extract.mentions import CachedIndex, Mention, find_mentions
from ingest.extract.parties import Party, agency_party, institution_party
from ingest.gazetteer import Candidate, Gazetteer, Resolution, get_gazetteer

FOREIGN_KINDS = {
    "province": {"province", "region", "state", "prefecture"},
    "state": {"state", "province", "region"},
    "prefecture": {"prefecture", "province"},
    "city": {"city"},
    "district": {"district", "county"},
    "commune": {"commune"},
}
VN_PROVINCE_TYPES = {"province", "city"}
HEADER_EXCLUDED = ("place", "date", "signer", "signer_role", "signer_authority")


@cache
def country_party(code: str) -> Party:
    gz = get_gazetteer()
    rec = pycountry.countries.get(alpha_2=code)
    name = getattr(rec, "common_name", None) or (rec.name if rec else code)
    props = {"name": name, "name_vi": gz.countries.name_vi(code), "iso3166_1": code, "level": "country",
             "country": code}  # fmt: skip
    return Party(node_id("Country", code), "Country", "foreign" if code != "VN" else "vn", props, country=code)


def _unit_party(gz: Gazetteer, key: str, mention: Mention | None) -> Party:
    """The party for a gazetteer unit, with its parents up to the country."""
    unit = gz.get(key)
    assert unit is not None, key
    vn = unit.country == "VN"
    if vn:
        type_ = "Province" if unit.parent is None else "Locality"
        pid = node_id(type_, key)
    else:
        type_, pid = "ForeignLocality", node_id("ForeignLocality", key)
    props = {
        "name": unit.name_vi or unit.name if vn else unit.name, "name_vi": unit.name_vi or unit.name,
        "aliases": list(unit.aliases), "level": unit.level, "iso3166_2": unit.iso3166_2, "country": unit.country,
    }  # fmt: skip
    if unit.valid_until:
        props["valid_until"] = unit.valid_until.isoformat()
    parent = _unit_party(gz, unit.parent, None) if unit.parent else country_party(unit.country)
    party = Party(pid, type_, "vn" if vn else "foreign", props, mention, parent=parent, country=unit.country)
    if vn and unit.parent is None:
        _attach_successor(gz, party, key, str(props["name"]))
    return party


MERGERS_FILE = "ingest/gazetteer/data/vn_mergers_2025.tsv"


def _attach_successor(gz: Gazetteer, party: Party, key: str, name: str) -> None:
    """The post-2025 province a pre-2025 one became part of, citing the mergers table."""
    succ = gz.successor(key)
    unit = gz.get(succ.key) if succ else None
    if succ is None or unit is None:
        return
    props = {"name": unit.name_vi or unit.name, "name_vi": unit.name_vi or unit.name, "aliases": list(unit.aliases),
             "level": unit.level, "iso3166_2": None, "country": "VN"}  # fmt: skip
    party.successor = Party(node_id("Province", succ.key), "Province", "vn", props, country="VN")
    party.succession_date = succ.effective.isoformat()
    quote = f"{key} {name} → {succ.key} {props['name']} ({party.succession_date})"
    party.succession = Evidence("gazetteer/vn_mergers_2025", MERGERS_FILE, key, 0, 0, quote)


def _new_foreign(m: Mention, parent: Party | None, country: str) -> Party:
    """An entity for a foreign unit the gazetteer does not know, placed by its context."""
    base = parent.id.split("/", 1)[1] if parent is not None and parent.type == "ForeignLocality" else country
    props: dict[str, object] = {"name": m.name, "name_vi": m.name, "aliases": [], "level": m.level, "iso3166_2": None,
             "country": country}  # fmt: skip
    return Party(node_id("ForeignLocality", base, slug(m.name)), "ForeignLocality", "foreign", props, m,
                 parent=parent or country_party(country), country=country)  # fmt: skip


def _pick(cands: list[Candidate], m: Mention) -> Candidate | None:
    exact = [c for c in cands if c.method != "fuzzy"] or cands
    if not exact:
        return None
    if m.level is None:  # a bare name: the highest unit wins ("Huế" is the province)
        order = ["province", "region", "state", "prefecture", "city", "district", "county", "commune"]
        return min(exact, key=lambda c: (order.index(c.level) if c.level in order else 9, -c.score, c.key))
    return exact[0]


@lru_cache(maxsize=65536)
def _lookup(name: str, country: str | None) -> tuple[Candidate, ...]:
    return tuple(get_gazetteer().lookup(name, country))


@lru_cache(maxsize=65536)
def _resolve(name: str, country: str | None, kinds: frozenset[str] | None) -> Resolution:
    return get_gazetteer().resolve(name, country, set(kinds) if kinds else None)


class PlaceResolver:
    """Resolves one document's mentions; collects review items and warnings."""

    def __init__(self, home_key: str | None = None) -> None:
        self.gz = get_gazetteer()
        self.home_key = home_key
        self.review: list[dict[str, object]] = []
        self.unresolved: list[str] = []

    def vietnamese(self, m: Mention) -> Candidate | None:
        if m.side == "foreign" or (m.country and m.country != "VN"):
            return None
        found = [c for c in _lookup(m.name, "VN") if c.method != "fuzzy"]
        if m.level == "province":
            found = [c for c in found if c.parent is None]
        elif m.level in ("district", "city"):
            found = [c for c in found if c.level == m.level or (m.level == "district" and c.parent)]
        elif m.level is None:  # a bare name: a province, or a provincial city known by no other unit
            found = [c for c in found if c.parent is None] or [c for c in found if c.level == "city"]
        elif m.level == "commune":
            return None
        in_home = [c for c in found if c.parent == self.home_key]
        return _pick(in_home or found, m)

    def foreign(self, m: Mention, parent: Party | None) -> Party | None:
        country = m.country or (parent.country if parent else None)
        if m.side == "vn" or country == "VN":
            return None
        kinds = FOREIGN_KINDS.get(m.level) if m.level else None
        res = _resolve(m.name, country, frozenset(kinds) if kinds else None)
        cands = [c for c in res.candidates if c.country != "VN"]
        for item in res.review:
            self.review.append({"mention": m.name, "candidate": f"{item.candidate.name} ({item.candidate.key})",
                                "score": item.candidate.score, "reason": item.reason})  # fmt: skip
        best = _pick(cands, m)
        if best is not None:
            return _unit_party(self.gz, best.key, m)
        if country and (m.level or parent):
            return _new_foreign(m, parent, country)
        self.unresolved.append(m.name)
        return None

    def place(self, m: Mention) -> Party | None:
        parent = self.place(m.parent) if m.parent is not None else None
        vn = self.vietnamese(m)
        if vn is not None:
            return _unit_party(self.gz, vn.key, m)
        if m.side == "vn" and m.level == "commune" and self.home_key:
            home = _unit_party(self.gz, self.home_key, None)
            props = {"name": m.name, "name_vi": m.name, "aliases": [], "level": "commune", "country": "VN"}
            return Party(node_id("Locality", self.home_key, slug(m.name)), "Locality", "vn", props, m,
                         parent=parent if parent and parent.side == "vn" else home, country="VN")  # fmt: skip
        return self.foreign(m, parent)

    def institution(self, m: Mention) -> Party | None:
        """A school by its name; its place is the place named inside the name, else the home."""
        if m.name:
            place = self.place(Mention(m.start, m.end, m.name, None, "any", bare=True))
        else:
            place = _unit_party(self.gz, self.home_key, None) if self.home_key else None
        if place is None or m.institution is None:
            return None
        party = institution_party(m.institution, m.agency_kind, place)
        party.mention = m
        return party

    def resolve(self, m: Mention) -> Party | None:
        if m.institution:
            return self.institution(m)
        place = self.place(m)
        if place is None or m.kind != "agency" or not m.agency:
            return place
        party = agency_party(m.agency, m.agency_kind, place)
        party.mention = m
        return party


def _excluded_spans(ctx: Context) -> list[tuple[int, int]]:
    h = ctx.structure.header
    spans = [(f.start, f.end) for name in HEADER_EXCLUDED if (f := getattr(h, name)) is not None]
    spans += [(f.start, f.end) for f in [*h.recipients, *h.addressees]]
    return spans


def issued_in(ctx: Context) -> str | None:
    """The key of the Vietnamese province the place of issue names (a fuzzy match is no answer), or
    None; looked up once per document for every extractor that asks."""

    def look() -> str | None:
        place = ctx.structure.header.place
        cand = get_gazetteer().vn_province(place.value) if place is not None else None
        return cand.key if cand is not None and cand.method != "fuzzy" else None

    return ctx.memo("issued_in", look)


def home_key(ctx: Context, parties: list[Party]) -> str | None:
    """The document's own province: its place of issue, else the Vietnamese province named most."""
    key = issued_in(ctx) if ctx.structure.header.value("place") else None
    if key is not None:
        return key
    counts = Counter(
        p.id.split("/", 1)[1] for p in parties if p.type == "Province" and not (p.mention and p.mention.venue)
    )
    return counts.most_common(1)[0][0] if counts else None


@cache
def cached_index() -> CachedIndex:
    return CachedIndex(get_gazetteer())


def document_parties(ctx: Context) -> tuple[list[Party], Party | None]:
    """Every resolved party mention of the document, and its home party (or None)."""
    gz = get_gazetteer()
    excluded = _excluded_spans(ctx)
    mentions = [
        m for m in find_mentions(ctx.match, cached_index()) if not any(s <= m.start < e for s, e in excluded)
    ]
    locate_all(ctx.match, mentions, gz.country_of)
    first = PlaceResolver()
    parties = [p for m in mentions if (p := first.resolve(m)) is not None]
    key = home_key(ctx, parties)
    resolver = PlaceResolver(key)
    parties = [p for m in mentions if (p := resolver.resolve(m)) is not None]
    ctx.review.extend(resolver.review)
    if resolver.unresolved:
        ctx.warnings.append("places not resolved (no gazetteer entry, no country in context): "
                            + ", ".join(sorted(set(resolver.unresolved))))  # fmt: skip
    home = _unit_party(gz, key, None) if key else None
    return parties, home
