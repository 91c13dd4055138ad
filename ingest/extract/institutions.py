"""Institutions known by a proper name that sign in their own name: schools, colleges, universities.

>>> from ingest.gazetteer import get_gazetteer
>>> [(m.institution, m.name) for m in find_institutions("trường Trung học Daejeon Munjeong đã ký", get_gazetteer())]
[('trường Trung học Daejeon Munjeong', 'Daejeon')]
"""

from __future__ import annotations

import re
from functools import cache

import yaml

from ingest.extract.cues import CUES_DIR, LETTER
from ingest.extract.mentions import MAX_NAME_TOKENS, RUN_RE, Mention, NameIndex


@cache
def _pattern() -> tuple[re.Pattern[str], str]:
    data = yaml.safe_load((CUES_DIR / "institutions.yaml").read_text(encoding="utf-8"))
    heads = "|".join(re.escape(h) for h in data["heads"])
    types = "|".join(re.escape(t) for t in sorted(data["types"], key=len, reverse=True))
    return re.compile(rf"(?<![{LETTER}])(?:{heads})(?: +(?:{types}))? +(?={RUN_RE.pattern})"), data["kind"]


def _place_inside(name: str, index: NameIndex) -> str | None:
    """The longest run of words inside the name that the gazetteer knows: 'Daejeon' in 'Daejeon Munjeong'."""
    words = name.split()
    for n in range(min(len(words), MAX_NAME_TOKENS), 0, -1):
        for i in range(len(words) - n + 1):
            cand = " ".join(words[i : i + n])
            if index.levels(cand):
                return cand
    return None


def find_institutions(m: str, index: NameIndex) -> list[Mention]:
    """Institution mentions; `name` is the place named inside (or "" when none), `institution` the full name."""
    pattern, kind = _pattern()
    out = []
    for hit in pattern.finditer(m):
        run = RUN_RE.match(m, hit.end())
        if run is None:
            continue
        place = _place_inside(run.group(0), index) or ""
        out.append(Mention(hit.start(), run.end(), place, None, "any", kind="agency", agency=None,
                           agency_kind=kind, institution=m[hit.start() : run.end()]))  # fmt: skip
    return out
