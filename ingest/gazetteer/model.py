"""Records of the gazetteer: a unit as loaded, a lookup candidate, a review item, a succession.

>>> u = Unit(key="LA-XS", name="Xaisomboun", name_vi="Xay Sổm Bun", aliases=("Xaysomboun",),
...          level="province", iso3166_2="LA-XS", country="LA", parent=None, source="pycountry-26.2.16")
>>> Candidate.of(u, 100.0, "exact").key
'LA-XS'
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal, NamedTuple

Method = Literal["exact", "folded", "fuzzy"]
LEVELS = frozenset({"province", "state", "prefecture", "region", "city", "district", "county", "commune"})


@dataclass(frozen=True, slots=True)
class Unit:
    """One administrative unit as read from the data files."""

    key: str
    name: str
    name_vi: str | None
    aliases: tuple[str, ...]
    level: str
    iso3166_2: str | None
    country: str
    parent: str | None
    source: str
    vn_type: str | None = (
        None  # tỉnh, thành phố trung ương, huyện, quận, thị xã, thành phố (Vietnamese units)
    )
    valid_until: date | None = None

    @property
    def names(self) -> tuple[str, ...]:
        """Every written form of the unit: name, Vietnamese name, aliases."""
        first = (self.name,) if self.name_vi in (None, self.name) else (self.name, self.name_vi)
        return first + self.aliases


@dataclass(frozen=True, slots=True)
class Candidate:
    """A unit proposed for a mention, with how well and how it matched (score 0–100)."""

    key: str
    name: str
    name_vi: str | None
    aliases: tuple[str, ...]
    level: str
    iso3166_2: str | None
    country: str
    parent: str | None
    score: float
    method: Method

    @classmethod
    def of(cls, unit: Unit, score: float, method: Method) -> Candidate:
        return cls(
            unit.key,
            unit.name,
            unit.name_vi,
            unit.aliases,
            unit.level,
            unit.iso3166_2,
            unit.country,
            unit.parent,
            round(score, 1),
            method,
        )


@dataclass(frozen=True, slots=True)
class ReviewItem:
    """A fuzzy match too weak to merge silently: stored for ``hoptac review`` instead."""

    query: str
    candidate: Candidate
    country: str | None
    reason: str


@dataclass(frozen=True, slots=True)
class Resolution:
    """Outcome of ``Gazetteer.resolve``: accepted candidates (best first) and matches left for review."""

    query: str
    candidates: list[Candidate] = field(default_factory=list)
    review: list[ReviewItem] = field(default_factory=list)

    @property
    def best(self) -> Candidate | None:
        """The single top candidate, or None when there is none or the top score is shared (ambiguous)."""
        if not self.candidates or self.ambiguous:
            return None
        return self.candidates[0]

    @property
    def ambiguous(self) -> bool:
        top = [c for c in self.candidates if c.score == self.candidates[0].score] if self.candidates else []
        return len(top) > 1


class Succession(NamedTuple):
    """The post-2025 province that a pre-2025 one became part of, and from when."""

    key: str
    effective: date


@dataclass(frozen=True, slots=True)
class Merger:
    """One row of the 2025 reorganisation table."""

    pre2025_key: str
    successor_key: str
    successor_namesake: str
    effective: date
    source: str


@dataclass(frozen=True, slots=True)
class Term:
    """An administrative term (cue word) and the levels it implies."""

    term: str
    position: str  # prefix | suffix
    levels: frozenset[str]
    scope: str  # vn | foreign | en | country
    source: str
