"""The activity cues (`ingest/data/cues/activities.yaml`), loaded once and compiled into patterns.

>>> c = activity_cues()
>>> c.label_kind("Cơ quan phối hợp"), c.label_kind("Đơn vị chủ trì"), c.label_kind("Thời gian thực hiện")
('coordinating', 'lead', 'time')
>>> c.sector_of("Hợp tác về nông nghiệp, nông thôn")[0].code
'nong_nghiep'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

import yaml

from graph.errors import SchemaError
from ingest.extract.cues import CUES_DIR, cue_form


@lru_cache(maxsize=1024)
def _label_key(label: str) -> str:
    return " ".join(cue_form(label).split())


@dataclass(frozen=True, slots=True)
class Sector:
    code: str
    vi: str
    en: str


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(cue_form(w)).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


@dataclass(frozen=True)
class ActivityCues:
    labels: dict[str, str]  # cue-form label -> kind (time, lead, coordinating, task, number)
    label_line_re: re.Pattern[str]  # on cue_form text: a label and its colon (the caller checks it opens a line)
    sectors: dict[str, Sector]  # cue word -> sector
    sector_re: re.Pattern[str]
    quantity_re: re.Pattern[str]  # on the matching form
    unit_extend: dict[str, int]
    stops: frozenset[str]
    every_year_re: re.Pattern[str]  # on cue_form text
    from_year_re: re.Pattern[str]
    deadline_re: re.Pattern[str]
    task_doc_types: frozenset[str]
    label_prefix_re: re.Pattern[str]  # on cue_form text
    verb_re: re.Pattern[str]
    coordinate_re: re.Pattern[str]
    closing_re: re.Pattern[str]  # on cue_form text, at a line start
    implements_re: re.Pattern[str]

    def label_kind(self, label: str) -> str | None:
        return self.labels.get(_label_key(label))

    def sector_of(self, heading: str) -> tuple[Sector, re.Match[str]] | None:
        """The sector whose cue comes first in `heading` (the longest cue at one place)."""
        hit = self.sector_re.search(cue_form(heading))
        return (self.sectors[" ".join(hit.group(0).split())], hit) if hit else None


def _load() -> dict[str, Any]:
    path = CUES_DIR / "activities.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or "source" not in data:
        raise SchemaError(f"{path}: cue file must be a mapping with a 'source' key")
    return data


@cache
def activity_cues() -> ActivityCues:
    data = _load()
    labels = {" ".join(cue_form(w).split()): kind for kind, words in data["labels"].items() for w in words}
    line_labels = [w for w, k in labels.items() if k in ("time", "lead", "coordinating")]
    sectors = {cue_form(w): Sector(s["code"], s["vi"], s["en"]) for s in data["sectors"] for w in s["words"]}
    q = data["quantities"]
    units = {w: u["extend"] for u in q["units"] for w in u["words"]}
    t, tasks = data["time"], data["tasks"]
    return ActivityCues(
        labels=labels,
        label_line_re=re.compile(rf"(?<!\w)({_alt(line_labels)})[ \t]*:"),
        sectors=sectors,
        sector_re=re.compile(rf"(?<!\w)(?:{_alt(list(sectors))})(?!\w)"),
        quantity_re=re.compile(
            rf"(?<![\w/.,])(?:(?:{_alt(q['prefixes'])})\s+)?\d{{1,5}}\s*(?:{_alt(list(units))})(?![\w])"
        ),
        unit_extend={cue_form(w): n for w, n in units.items()},
        stops=frozenset(cue_form(w) for w in q["stops"]),
        every_year_re=re.compile(rf"(?<!\w)(?:{_alt(t['every_year'])})(?!\w)"),
        from_year_re=re.compile(rf"(?<!\w)(?:{_alt(t['from_year'])})\s+((?:19|20)\d{{2}})(?!\d)"),
        deadline_re=re.compile(rf"(?<!\w)(?:{_alt(data['deadline']['cues'])})(?!\w)"),
        task_doc_types=frozenset(tasks["doc_types"]),
        label_prefix_re=re.compile(rf"(?:{_alt(tasks['label_prefixes'])})\s+"),
        verb_re=re.compile(rf"\s*,?\s*(?:{_alt(tasks['verbs'])})(?!\w)"),
        coordinate_re=re.compile(rf"(?<!\w)(?:{_alt(tasks['coordinate'])})\s+"),
        closing_re=re.compile(rf"(?<=[\n ])(?:{_alt(tasks['closing'])})(?!\w)"),
        implements_re=re.compile(rf"(?<!\w)(?:{_alt(data['implements'])})\s+"),
    )
