"""Name resolution against the gazetteer: mentions → candidate units, with ambiguity and a review list.

    >>> gz = get_gazetteer()
    >>> [c.key for c in gz.lookup("Xay Sổm Bun")]
    ['LA-XS']
    >>> sorted(c.key for c in gz.lookup("Viêng Chăn"))        # ambiguity is returned, not hidden
    ['LA-VI', 'LA-VT']
    >>> gz.lookup("thành phố Bắc Giang")[0].parent
    'VN-54'
    >>> gz.country_of("CHDCND Lào")
    'LA'

Order of attempts, each restricted to ``country``/``kinds`` when given: the mention as written (exact, folded,
space-free), then without a trailing "(country)" and without administrative terms ("tỉnh", "huyện",
"Prefecture", "Oblast" — whose implied levels are preferred), then fuzzy matching. Fuzzy scores use
``rapidfuzz.fuzz.ratio`` on folded forms:

- ``AUTO_THRESHOLD`` (92): a fuzzy match at or above it is accepted like a direct one;
- ``REVIEW_THRESHOLD`` (80): between the two a match is only suggested — ``resolve`` turns it into a
  ``ReviewItem`` for ``hoptac review`` instead of a candidate; below it nothing is returned.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from ingest.gazetteer.countries import CountryIndex
from ingest.gazetteer.index import Hit, NameIndex
from ingest.gazetteer.loader import DATA_DIR, GazetteerData, load_data
from ingest.gazetteer.model import Candidate, Resolution, ReviewItem, Unit
from ingest.gazetteer.vn import VietnamMixin

AUTO_THRESHOLD = 92.0
REVIEW_THRESHOLD = 80.0
_PAREN = re.compile(r"^(?P<head>.*?)\s*\((?P<inner>[^()]*)\)\s*$")


class Gazetteer(VietnamMixin):
    """All units (pre-2025 Vietnamese, foreign), post-2025 provinces, countries and mergers, indexed once."""

    def __init__(self, data: GazetteerData) -> None:
        self.data = data
        self.units: dict[str, Unit] = data.units
        self.countries = CountryIndex.build(data)
        self.index = NameIndex.build(data)
        self._init_vietnam(data)

    def get(self, key: str) -> Unit | None:
        """The unit with this key (pre-2025 Vietnamese, post-2025 Vietnamese or foreign), or None."""
        return self.units.get(key) or self.post2025.get(key)

    def country_of(self, mention: str) -> str | None:
        """ISO 3166-1 alpha-2 code of a country mention (``"Đại Hàn Dân Quốc"`` → ``"KR"``), or None."""
        return self.countries.country_of(mention)

    def levels(self, name: str) -> set[str]:
        """Levels a name has as written (no fuzzy match, no term stripping); "vn:" marks Vietnamese units.

        >>> sorted(get_gazetteer().levels("Huế"))
        ['vn:city', 'vn:province']
        """
        units = (self.units[key] for key, _score, _method in self.index.direct(name))
        return {("vn:" if u.country == "VN" else "") + u.level for u in units}

    def is_country(self, name: str) -> bool:
        """Whether the name is a country mention (``"CHDCND Lào"``)."""
        return self.countries.country_of(name) is not None

    def ancestors(self, key: str) -> list[str]:
        """Parent keys from the nearest up (``"CN-YN/hekou"`` → ``["CN-YN/honghe", "CN-YN"]``)."""
        out: list[str] = []
        unit = self.get(key)
        while unit is not None and unit.parent and unit.parent not in out:
            out.append(unit.parent)
            unit = self.get(unit.parent)
        return out

    def lookup(self, name: str, country: str | None = None, kinds: set[str] | None = None) -> list[Candidate]:
        """Candidate units for a mention, best first; fuzzy ones down to ``REVIEW_THRESHOLD`` are included.

        ``country`` is an alpha-2 code ("VN" for Vietnamese units) or a country mention ("Lào");
        ``kinds`` is a set of levels ({"province", "city"}). An empty list means nothing matched.
        """
        return self._search(name, self._country_code(country), kinds)

    def resolve(self, name: str, country: str | None = None, kinds: set[str] | None = None) -> Resolution:
        """Like ``lookup`` but fuzzy matches below ``AUTO_THRESHOLD`` become review items, not candidates."""
        code = self._country_code(country)
        found = self._search(name, code, kinds)
        keep = [c for c in found if c.method != "fuzzy" or c.score >= AUTO_THRESHOLD]
        review = [
            ReviewItem(name, c, code, f"fuzzy score {c.score} < {AUTO_THRESHOLD}")
            for c in found
            if c.method == "fuzzy" and c.score < AUTO_THRESHOLD
        ]
        return Resolution(name, keep, review)

    # -- internals -----------------------------------------------------------------------------------------
    def _country_code(self, country: str | None) -> str | None:
        if not country:
            return None
        if len(country) == 2 and country.upper() in self.countries.names:
            return country.upper()
        code = self.countries.country_of(country)
        if code is None:
            raise ValueError(f"unknown country {country!r}")
        return code

    def _search(self, name: str, country: str | None, kinds: set[str] | None) -> list[Candidate]:
        text = " ".join(name.split())
        forms: list[tuple[str, frozenset[str]]] = [(text, frozenset())]
        match = _PAREN.match(text)
        if match and match["head"]:
            forms.append((match["head"], frozenset()))
            if country is None:
                country = next(
                    filter(None, map(self.countries.country_of, reversed(match["inner"].split(",")))), None
                )
        forms += [stripped for form, _ in list(forms) for stripped in self.index.strip_terms(form)]
        for form, levels in forms:
            found = self._candidates(self.index.direct(form), country, kinds, levels)
            if found:
                return found
        hits = [hit for form, _ in forms for hit in self.index.fuzzy(form, country, REVIEW_THRESHOLD)]
        levels = frozenset().union(*(lv for _, lv in forms))
        return self._candidates(hits, country, kinds, levels)

    def _candidates(
        self, hits: list[Hit], country: str | None, kinds: set[str] | None, prefer: frozenset[str]
    ) -> list[Candidate]:
        best: dict[str, Candidate] = {}
        for key, score, method in hits:
            unit = self.units[key]
            if (country and unit.country != country) or (kinds and unit.level not in kinds):
                continue
            if key not in best or best[key].score < score:
                best[key] = Candidate.of(unit, score, method)
        found = list(best.values())
        preferred = [c for c in found if c.level in prefer]
        if preferred:  # a soft filter: "tỉnh Viêng Chăn" is the province, "huyện Hủa Phăn" still Houaphanh
            found = preferred
        return sorted(found, key=lambda c: (-c.score, c.key))


@lru_cache(maxsize=4)
def get_gazetteer(data_dir: str = str(DATA_DIR)) -> Gazetteer:
    """The gazetteer loaded once per data directory and cached."""
    return Gazetteer(load_data(Path(data_dir)))
