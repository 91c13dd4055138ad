"""Name indexes over units: exact, folded and space-free keys (dicts built once), fuzzy pools per country, and
the stripping of administrative terms ("tỉnh", "huyện", "Prefecture", "Oblast"...).

    >>> from ingest.gazetteer.loader import load_data
    >>> idx = NameIndex.build(load_data())
    >>> sorted(idx.direct("Viêng Chăn"))
    [('LA-VI', 100.0, 'exact'), ('LA-VT', 100.0, 'exact')]
    >>> [(rest, sorted(levels)) for rest, levels in idx.strip_terms("tỉnh Viêng Chăn")]
    [('Viêng Chăn', ['prefecture', 'province', 'state'])]
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from ingest.gazetteer._fold import compact_key, exact_key, fold_key
from ingest.gazetteer.loader import GazetteerData
from ingest.gazetteer.model import Method, Unit

SCORE_EXACT = 100.0  # the mention equals a written form (case-insensitive)
SCORE_FOLDED = 97.0  # equal once diacritics, case and punctuation are folded
SCORE_COMPACT = 95.0  # equal once spaces are dropped too ("NaKai" / "Na Kai", "Hanoi" / "Hà Nội")
MIN_FUZZY_LEN = 4  # folded mentions shorter than this are never fuzzy-matched
FUZZY_LIMIT = 8  # fuzzy candidates kept per mention form

Hit = tuple[str, float, Method]


@dataclass(slots=True)
class _Pool:
    choices: list[str] = field(default_factory=list)
    keys: list[list[str]] = field(default_factory=list)
    where: dict[str, int] = field(default_factory=dict)

    def add(self, folded: str, key: str) -> None:
        pos = self.where.setdefault(folded, len(self.choices))
        if pos == len(self.choices):
            self.choices.append(folded)
            self.keys.append([])
        if key not in self.keys[pos]:
            self.keys[pos].append(key)


@dataclass(slots=True)
class NameIndex:
    exact: dict[str, set[str]]
    folded: dict[str, set[str]]
    compact: dict[str, set[str]]
    pools: dict[str, _Pool]  # country alpha-2 -> fuzzy pool; "*" for all countries
    prefixes: list[tuple[str, frozenset[str]]]  # (folded term, levels), longest first
    suffixes: list[tuple[str, frozenset[str]]]

    @classmethod
    def build(cls, data: GazetteerData, units: Iterable[Unit] | None = None) -> NameIndex:
        exact: dict[str, set[str]] = defaultdict(set)
        folded: dict[str, set[str]] = defaultdict(set)
        compact: dict[str, set[str]] = defaultdict(set)
        pools: dict[str, _Pool] = defaultdict(_Pool)
        for unit in data.units.values() if units is None else units:
            for form in unit.names:
                exact[exact_key(form)].add(unit.key)
                fk = fold_key(form)
                folded[fk].add(unit.key)
                compact[fk.replace(" ", "")].add(unit.key)
                pools[unit.country].add(fk, unit.key)
                pools["*"].add(fk, unit.key)
        terms = [(fold_key(t.term), t.levels, t.position) for t in data.terms if t.scope != "country"]
        terms.sort(key=lambda t: len(t[0]), reverse=True)
        return cls(
            dict(exact),
            dict(folded),
            dict(compact),
            dict(pools),
            [(t, lv) for t, lv, pos in terms if pos == "prefix"],
            [(t, lv) for t, lv, pos in terms if pos == "suffix"],
        )

    def direct(self, text: str) -> list[Hit]:
        """Exact, then folded, then space-free hits for one written form."""
        ek, fk = exact_key(text), fold_key(text)
        exact = self.exact.get(ek, set())
        hits: list[Hit] = [(k, SCORE_EXACT, "exact") for k in exact]
        hits += [(k, SCORE_FOLDED, "folded") for k in self.folded.get(fk, set()) - exact]
        if not hits:
            hits = [(k, SCORE_COMPACT, "folded") for k in self.compact.get(compact_key(text), set())]
        return hits

    def strip_terms(self, text: str) -> Iterator[tuple[str, frozenset[str]]]:
        """Forms of ``text`` without a leading and/or trailing administrative term, with the levels implied.

        The original spelling of the remainder is kept (so that it can still match exactly).
        """
        fk = fold_key(text)
        pre = next(((t, lv) for t, lv in self.prefixes if fk.startswith(t + " ")), None)
        suf = next(((t, lv) for t, lv in self.suffixes if fk.endswith(" " + t)), None)
        if pre:
            rest = _drop_words(text, len(pre[0].split()), leading=True)
            yield rest, pre[1]
            inner = next(((t, lv) for t, lv in self.prefixes if fold_key(rest).startswith(t + " ")), None)
            if inner:  # "thành phố thủ đô X", "tỉnh khu tự trị X"
                yield _drop_words(rest, len(inner[0].split()), leading=True), pre[1] | inner[1]
        if suf:
            rest = _drop_words(text, len(suf[0].split()), leading=False)
            yield rest, suf[1]
            if pre:
                yield _drop_words(rest, len(pre[0].split()), leading=True), pre[1] | suf[1]

    def fuzzy(self, text: str, country: str | None, cutoff: float) -> list[Hit]:
        """rapidfuzz ``fuzz.ratio`` over folded forms of one country (or all), at or above ``cutoff``."""
        fk = fold_key(text)
        pool = self.pools.get(country or "*")
        if pool is None or len(fk) < MIN_FUZZY_LEN:
            return []
        found = process.extract(fk, pool.choices, scorer=fuzz.ratio, score_cutoff=cutoff, limit=FUZZY_LIMIT)
        return [(key, float(score), "fuzzy") for _choice, score, pos in found for key in pool.keys[pos]]


def _drop_words(text: str, n: int, *, leading: bool) -> str:
    """Remove ``n`` words from the start (or end) of ``text``, keeping the rest as written."""
    pattern = rf"^\W*(?:\w+\W+){{{n}}}" if leading else rf"(?:\W+\w+){{{n}}}\W*$"
    return re.sub(pattern, "", text, count=1).strip()
