"""Vietnamese side of the gazetteer: provinces before and after 2025-07-01, districts, successions.

>>> from ingest.gazetteer.resolve import get_gazetteer
>>> gz = get_gazetteer()
>>> gz.vn_province("Bình Định").iso3166_2
'VN-31'
>>> gz.successor("Bắc Giang")
Succession(key='VN2025-24', effective=datetime.date(2025, 7, 1))
>>> gz.get("VN2025-24").name, gz.predecessors("VN2025-24")
('Bắc Ninh', ['VN-54', 'VN-56'])
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ingest.gazetteer.loader import GazetteerData
from ingest.gazetteer.model import Candidate, Succession, Unit

if TYPE_CHECKING:
    from ingest.gazetteer.index import NameIndex

PROVINCE_KINDS = {"province", "city"}
DISTRICT_KINDS = {"district", "city"}


class VietnamMixin:
    """Methods of ``Gazetteer`` about Vietnamese units; needs ``units`` and ``lookup`` from it."""

    units: dict[str, Unit]
    post2025: dict[str, Unit]
    _post_index: NameIndex
    _successor: dict[str, Succession]
    _predecessors: dict[str, list[str]]

    def lookup(self, name: str, country: str | None = None, kinds: set[str] | None = None) -> list[Candidate]:
        raise NotImplementedError  # provided by Gazetteer

    def _init_vietnam(self, data: GazetteerData) -> None:
        from ingest.gazetteer.index import NameIndex

        self.post2025 = data.post2025
        self._post_index = NameIndex.build(data, data.post2025.values())
        self._successor = {m.pre2025_key: Succession(m.successor_key, m.effective) for m in data.mergers}
        self._predecessors = {}
        for m in sorted(data.mergers, key=lambda m: m.pre2025_key):
            self._predecessors.setdefault(m.successor_key, []).append(m.pre2025_key)

    def vn_province(self, name: str, *, post2025: bool = False) -> Candidate | None:
        """The pre-2025 province (or centrally-run city) a name or ISO code denotes, or None.

        With ``post2025=True`` one of the 34 provinces after 2025-07-01 (key ``VN2025-<GSO code>``, no ISO
        code) instead: ``vn_province("Bắc Ninh", post2025=True).key == "VN2025-24"``.
        """
        if post2025:
            unit = self.post2025.get(name)
            if unit:
                return Candidate.of(unit, 100.0, "exact")
            hits = self._post_index.direct(name) or [
                h for form, _ in self._post_index.strip_terms(name) for h in self._post_index.direct(form)
            ]
            best = sorted(hits, key=lambda h: -h[1])
            return Candidate.of(self.post2025[best[0][0]], best[0][1], best[0][2]) if best else None
        unit = self.units.get(name.strip().upper())
        if unit and unit.country == "VN" and unit.parent is None:
            return Candidate.of(unit, 100.0, "exact")
        found = [c for c in self.lookup(name, "VN", PROVINCE_KINDS) if c.parent is None]
        return found[0] if found else None

    def vn_district(self, name: str, province_key: str | None = None) -> list[Candidate]:
        """District-level units (huyện, quận, thị xã, provincial cities) named so, best first.

        ``province_key`` (an ISO code like "VN-05" or a province name) narrows the search; several results
        mean several districts share the name ("Châu Thành").
        """
        parent = None
        if province_key:
            prov = self.vn_province(province_key)
            if prov is None:
                raise ValueError(f"unknown Vietnamese province {province_key!r}")
            parent = prov.key
        found = [c for c in self.lookup(name, "VN", DISTRICT_KINDS) if c.parent is not None]
        return [c for c in found if parent is None or c.parent == parent]

    def successor(self, province: str) -> Succession | None:
        """The post-2025 province a pre-2025 one (key or name) became part of, with the date."""
        prov = self.vn_province(province)
        return self._successor.get(prov.key) if prov else None

    def predecessors(self, key: str) -> list[str]:
        """Pre-2025 province keys merged into a post-2025 province (key or name), sorted."""
        prov = self.post2025.get(key) or self.vn_province(key, post2025=True)
        return list(self._predecessors.get(prov.key, [])) if prov else []
