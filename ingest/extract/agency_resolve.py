"""A body named in a document -> its entity, scoped to its place.

"Sở Ngoại vụ" in a Bắc Giang document is `agency/VN-54/so-ngoai-vu`, in a Hà Tĩnh one
`agency/VN-23/so-ngoai-vu`: the same id scheme as `ingest.extract.parties.agency_party`, so agencies
unify across extractors. The place is the one written after the name ("Công an tỉnh Xay Sổm Bun",
"UBND huyện Lục Ngạn", "Báo Bắc Giang"), else the document's own province (its place of issue);
central bodies belong to Việt Nam (`agency/VN/<slug>`). "UBND <place>" is the place itself, as in
the partnership extractor. A body whose place cannot be told ("Công an huyện", "Sở Ngoại vụ các
tỉnh Nam Lào") is not resolved: the text is kept, no entity is invented.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from graph.ids import node_id
from ingest.extract.agency_data import Body, agency_tables, form_key
from ingest.extract.context import Context
from ingest.extract.cues import load_cues
from ingest.extract.mentions import RUN_RE, TOKEN_RE, Mention, trim_run
from ingest.extract.parties import Party, agency_party, name_slug
from ingest.extract.places import PlaceResolver, country_party, issued_in
from ingest.gazetteer import get_gazetteer

_PLACE_LEVELS = {"province", "city", "district", "commune"}


def _unit_words() -> dict[str, str]:
    """Vietnamese unit word -> level ("tỉnh" -> province), the forms the partnership cues know."""
    return {w: lv for w, (lv, side) in load_cues().prefix_levels.items() if lv in _PLACE_LEVELS and side != "foreign"}


_UNITS = _unit_words()
_UNIT_ALT = "|".join(re.escape(w) for w in sorted(_UNITS, key=len, reverse=True))
QUALIFIER_RE = re.compile(rf"\s+(?:của\s+)?({_UNIT_ALT})(?![\w])")
PLURAL_PLACE_RE = re.compile(rf"\s+(?:các|những)\s+(?:{_UNIT_ALT})(?![\w])")
_GAP_RE = re.compile(r"\s+")


@dataclass(slots=True)
class Ref:
    """One body (or place acting as one) named at `start:end`; `written` is the name the document
    uses, canonicalised ("Sở Kế hoạch và Đầu tư", "Công an tỉnh Xay Sổm Bun"); `party` is None when
    the body's place cannot be told."""

    written: str
    start: int
    end: int
    party: Party | None
    kind: str


class AgencyResolver:
    """Resolves the bodies one document names; keeps the document's home province."""

    @classmethod
    def of(cls, ctx: Context) -> AgencyResolver:
        """The document's resolver, shared by every extractor that resolves bodies."""
        return ctx.memo("agency_resolver", lambda: cls(ctx))

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.low = ctx.lowered()[0]  # the cue form of the whole text, for lower-case cues
        self.t = agency_tables()
        self.gz = get_gazetteer()
        self.home_key = issued_in(ctx)
        self.places = PlaceResolver(self.home_key)
        self._fixed: dict[str, Party | None] = {}
        self._parties: dict[tuple[str, str], Party] = {}
        self._central: dict[Body, Party] = {}

    def province(self, key: str | None) -> Party | None:
        """The party of a Vietnamese province by gazetteer key (the document's home when None)."""
        key = key or self.home_key
        if key is None:
            return None
        if key not in self._fixed:
            unit = self.gz.get(key)
            name = (unit.name_vi or unit.name) if unit else key
            self._fixed[key] = _place(name, "province", self.home_key)
        return self._fixed[key]

    def place(self, name: str, level: str | None, start: int, end: int) -> Party | None:
        """The place `name` at `level` (resolved once per process and home province; the party is
        shared, so it is never changed, and its mention is the first one seen)."""
        return _place(name, level, self.home_key)

    def trim(self, run: str, level: str | None) -> str:
        """`mentions.trim_run`, once per process for a run and level."""
        return _trim(run, level)

    def _run(self, pos: int, end: int, level: str | None) -> tuple[str, int] | None:
        """A place name right after `pos` (after spaces): (name trimmed to what the gazetteer knows, end)."""
        gap = _GAP_RE.match(self.ctx.match, pos, end)
        run = RUN_RE.match(self.ctx.match, gap.end(), end) if gap else None
        if gap is None or run is None:
            return None
        name = self.trim(run.group(0), level)
        return name, name_end(self.ctx.match, gap.end(), name)

    def qualifier(self, body: Body, pos: int, end: int) -> tuple[Party | None, int, str] | None:
        """The place written after a body's name: (party or None if unresolvable, end, text as written).
        None when nothing follows (the caller then uses the default place)."""
        m = self.ctx.match
        if PLURAL_PLACE_RE.match(m, pos, end):
            return None, pos, ""
        q = QUALIFIER_RE.match(m, pos, end)
        if q is not None:
            level = _UNITS[q.group(1)]
            run = self._run(q.end(), end, level)
            if run is not None:
                party = self.place(run[0], level, q.start(1), run[1])
                return party, run[1], " ".join(self.ctx.text[q.start() : run[1]].split())
            home = self.province(None) if level in ("province", "city") else None
            return home, q.end(), " ".join(self.ctx.text[q.start() : q.end()].split())
        if body.place_named:
            run = self._run(pos, end, None)
            if run is not None and (party := self.place(run[0], None, pos, run[1])) is not None:
                return party, run[1], " ".join(self.ctx.text[pos : run[1]].split())
        return None if not body.needs_place else (None, pos, "")

    def body_at(self, pos: int, end: int) -> Ref | None:
        """The known body whose name starts at `pos` (with the place written after it), or None."""
        hit = self.t.body_re.match(self.ctx.match, pos, end)
        if hit is None:
            return None
        body = self.t.body(hit.group(0))
        if body is None:
            return None
        if body.scope == "central":
            return Ref(body.written, pos, hit.end(), self.central(body), body.kind)
        if body.scope == "fixed":
            place = self.province(body.place)
            return Ref(body.written, pos, hit.end(), self.party_for(body, place) if place else None, body.kind)
        qual = self.qualifier(body, hit.end(), end)
        if qual is None:
            place, q_end, q_text = self.province(None), hit.end(), ""
        else:
            place, q_end, q_text = qual
            if body.needs_place and not q_text:
                return None  # "Báo" of "Báo cáo", a bare "Công an": no body of a known place
        written = (
            body.display.format(place=q_text).strip() if body.display and q_text else f"{body.written} {q_text}".strip()
        )
        if place is None:
            return Ref(written, pos, q_end, None, body.kind)
        return Ref(written, pos, q_end, place if body.as_place else self.party_for(body, place), body.kind)

    def default_ref(self, body: Body, start: int, end: int) -> Ref:
        """A body named with no place after it: central, its fixed place, or the document's province."""
        if body.scope == "central":
            return Ref(body.written, start, end, self.central(body), body.kind)
        place = self.province(body.place)
        if place is None:
            return Ref(body.written, start, end, None, body.kind)
        return Ref(body.written, start, end, place if body.as_place else self.party_for(body, place), body.kind)

    def central(self, body: Body) -> Party:
        """`central_party(body)`, one object per document (parties are not changed)."""
        if body not in self._central:
            self._central[body] = central_party(body)
        return self._central[body]

    def party_for(self, body: Body, place: Party) -> Party:
        """The entity of `body` in `place` (one object per document: parties are not changed)."""
        key = (body.name, place.id)
        if key not in self._parties:
            self._parties[key] = self._party(body, place)
        return self._parties[key]

    def _party(self, body: Body, place: Party) -> Party:
        if body.scope == "fixed":
            key = place.id.split("/", 1)[1]
            props = {"name": body.name, "name_vi": body.name, "kind": body.kind, "place": place.id,
                     "country": place.country, "level": "agency", "aliases": list(body.aliases)}  # fmt: skip
            return Party(node_id("Agency", key, name_slug(body.name)), "Agency", place.side, props, place=place,
                         country=place.country)  # fmt: skip
        party = agency_party(body.name, body.kind, place)
        party.props["aliases"] = list(body.aliases)
        if body.display:
            name = body.display.format(place=place.props.get("name_vi") or place.props.get("name"))
            party.props.update(name=name, name_vi=name)
        return party

    def org_party(self, name: str, kind: str, place: Party) -> Party:
        """A body no table knows, named with an organisation word ("Hội Doanh nhân cựu chiến binh")."""
        party = agency_party(name, kind, place)
        party.props["aliases"] = []
        return party


@lru_cache(maxsize=4096)
def _place(name: str, level: str | None, home_key: str | None) -> Party | None:
    return PlaceResolver(home_key).place(Mention(0, 0, name, level, "any"))


@lru_cache(maxsize=4096)
def _trim(run: str, level: str | None) -> str:
    return trim_run(run, get_gazetteer(), level)


def name_end(m: str, start: int, name: str) -> int:
    """Where `name` (tokens joined by one space, as `trim_run` gives) ends in `m` from `start`."""
    n = len(name.split())
    for i, tok in enumerate(TOKEN_RE.finditer(m, start)):
        if i == n - 1:
            return tok.end()
    return start + len(name)


def central_party(body: Body) -> Party:
    """A central body of Việt Nam: `agency/VN/<slug>`."""
    vn = country_party("VN")
    props = {"name": body.name, "name_vi": body.name, "kind": body.kind, "place": vn.id, "country": "VN",
             "level": "agency", "aliases": list(body.aliases)}  # fmt: skip
    return Party(node_id("Agency", "VN", name_slug(body.name)), "Agency", "vn", props, place=vn, country="VN")


__all__ = ["AgencyResolver", "Ref", "central_party", "form_key", "name_end"]
