"""Country mentions → ISO 3166-1 alpha-2, from ``countries_vi.tsv``.

>>> from ingest.gazetteer.loader import load_data
>>> idx = CountryIndex.build(load_data())
>>> idx.country_of("CHDCND Lào"), idx.country_of("nước Cộng hòa Dân chủ Nhân dân Lào"), idx.country_of("Séc")
('LA', 'LA', 'CZ')
>>> idx.country_of("Atlantis") is None
True
"""

from __future__ import annotations

from dataclasses import dataclass

from ingest.gazetteer._fold import compact_key, fold_key
from ingest.gazetteer.loader import GazetteerData


@dataclass(slots=True)
class CountryIndex:
    by_fold: dict[str, str]
    by_compact: dict[str, str]
    names: dict[str, tuple[str, str]]  # alpha2 -> (English name, Vietnamese name)
    prefixes: tuple[str, ...]  # folded words that may stand before a country name ("nước", "cộng hòa")

    @classmethod
    def build(cls, data: GazetteerData) -> CountryIndex:
        by_fold: dict[str, str] = {}
        by_compact: dict[str, str] = {}
        names: dict[str, tuple[str, str]] = {}
        for row in data.countries:
            code = row["alpha2"]
            names[code] = (row["name"], row["name_vi"])
            forms = [row["name"], row["name_vi"], *row["aliases"].split("|")]
            for form in filter(None, forms):
                by_fold.setdefault(fold_key(form), code)
                by_compact.setdefault(compact_key(form), code)
        prefixes = sorted(
            {fold_key(t.term) for t in data.terms if t.scope == "country"}, key=len, reverse=True
        )
        return cls(by_fold, by_compact, names, tuple(prefixes))

    def country_of(self, mention: str) -> str | None:
        """Alpha-2 code for a country mention, or None.

        Matching is case- and diacritic-insensitive; leading words such as "nước", "Cộng hòa", "LB", "CHDCND"
        are dropped one by one until a name matches ("nước CHDCND Lào" → "chdcnd lao" → LA).
        """
        if len(mention.strip()) == 2 and mention.strip().isupper() and mention.strip() in self.names:
            return mention.strip()  # an alpha-2 code written as such ("LA"); lower-case "la" is not one
        key = fold_key(mention)
        while key:
            code = self.by_fold.get(key) or self.by_compact.get(key.replace(" ", ""))
            if code:
                return code
            for prefix in self.prefixes:
                if key.startswith(prefix + " "):
                    key = key[len(prefix) + 1 :]
                    break
            else:
                return None
        return None

    def name_vi(self, code: str) -> str | None:
        """Vietnamese name of a country (``"LA"`` → ``"Lào"``), None when unknown or not recorded."""
        entry = self.names.get(code.upper())
        return entry[1] or None if entry else None
