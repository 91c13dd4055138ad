"""The activity cues (`ingest/data/cues/activities.yaml`), loaded once and compiled into patterns.

>>> c = activity_cues()
>>> c.label_kind("Cơ quan phối hợp"), c.label_kind("Đơn vị chủ trì"), c.label_kind("Thời gian thực hiện")
('coordinating', 'lead', 'time')
>>> c.sector_of("Hợp tác về nông nghiệp, nông thôn")[0].code
'nong_nghiep'
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

import yaml

from graph.errors import SchemaError
from ingest.extract.cues import CUES_DIR, cue_form
from ingest.extract.phrase_re import build_trie, char_token, phrase_alternation, phrase_trie, trie_pattern

_LABEL_WINDOW = 120  # characters before a colon searched for a label (wider when they are mostly spaces)


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


def _phrases(words: list[str], lookbehind: str = r"(?<!\w)") -> str:
    """`lookbehind(?:_alt(words))`, written to be searched fast (`ingest.extract.phrase_re`)."""
    return phrase_alternation([[cue_form(w) for w in words]], lookbehind)


@dataclass(frozen=True)
class ActivityCues:
    labels: dict[str, str]  # cue-form label -> kind (time, lead, coordinating, task, number)
    label_line_re: re.Pattern[str]  # on cue_form text: a label and its colon (the caller checks it opens a line)
    label_line_chars: int  # the most characters other than spaces a label of `label_line_re` has
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

    def label_lines(self, low: str, start: int, end: int) -> Iterator[re.Match[str]]:
        """`label_line_re.finditer(low, start, end)`, searched fast: every hit ends at a colon and
        holds no other, so each colon is looked for in a window before it wide enough for any label
        (more than `label_line_chars` characters other than spaces), else back to the previous colon."""
        segment = start
        while (colon := low.find(":", segment, end)) >= 0:
            window = max(segment, colon - _LABEL_WINDOW)
            if window > segment and len("".join(low[window:colon].split())) <= self.label_line_chars:
                window = segment
            hit = self.label_line_re.search(low, window, colon + 1)
            if hit is not None:
                yield hit
            segment = colon + 1

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


def _quantity_re(prefixes: list[str], units: list[str]) -> re.Pattern[str]:
    r"""`(?<![\w/.,])(?:(?:PREFIX)\s+)?\d{1,5}\s*(?:UNIT)(?![\w])` ("khoảng 20 con", "05 lớp"), written
    to open with the characters a quantity can start with (a digit, a prefix's first letter), so that a
    search skips ahead; the branch taken depends on that character (a prefix never starts with a digit)."""
    pre = sorted({cue_form(w) for w in prefixes})
    alts = [r"(?<=\d)\d{0,4}"]
    for first in sorted({p[0] for p in pre}):
        rests = build_trie([char_token(c) for c in p[1:]] for p in pre if p[0] == first)
        alts.append(rf"(?<={re.escape(first)}){trie_pattern(rests)}\s+\d{{1,5}}")
    firsts = "".join(re.escape(p[0]) for p in pre)
    units_re = phrase_trie([cue_form(w) for w in units])
    return re.compile(rf"[\d{firsts}](?<![\w/.,].)(?:{'|'.join(alts)})\s*{units_re}(?![\w])")


@cache
def activity_cues() -> ActivityCues:
    data = _load()
    labels = {" ".join(cue_form(w).split()): kind for kind, words in data["labels"].items() for w in words}
    line_labels = [w for w, k in labels.items() if k in ("time", "lead", "coordinating")]
    sectors = {cue_form(w): Sector(s["code"], s["vi"], s["en"]) for s in data["sectors"] for w in s["words"]}
    q = data["quantities"]
    units = {w: u["extend"] for u in q["units"] for w in u["words"]}
    t, tasks = data["time"], data["tasks"]
    closing = _phrases(tasks["closing"], r"(?<=[\n ])")
    return ActivityCues(
        labels=labels,
        label_line_re=re.compile(rf"({_phrases(line_labels)})[ \t]*:"),
        label_line_chars=max((len(w.replace(" ", "")) for w in line_labels), default=0),
        sectors=sectors,
        sector_re=re.compile(rf"{_phrases(list(sectors))}(?!\w)"),
        quantity_re=_quantity_re(q["prefixes"], list(units)),
        unit_extend={cue_form(w): n for w, n in units.items()},
        stops=frozenset(cue_form(w) for w in q["stops"]),
        every_year_re=re.compile(rf"{_phrases(t['every_year'])}(?!\w)"),
        from_year_re=re.compile(rf"{_phrases(t['from_year'])}\s+((?:19|20)\d{{2}})(?!\d)"),
        deadline_re=re.compile(rf"{_phrases(data['deadline']['cues'])}(?!\w)"),
        task_doc_types=frozenset(tasks["doc_types"]),
        label_prefix_re=re.compile(rf"(?:{_alt(tasks['label_prefixes'])})\s+"),
        verb_re=re.compile(rf"\s*,?\s*(?:{_alt(tasks['verbs'])})(?!\w)"),
        coordinate_re=re.compile(rf"{_phrases(tasks['coordinate'])}\s+"),
        closing_re=re.compile(closing + r"(?!\w)"),
        implements_re=re.compile(rf"{_phrases(data['implements'])}\s+"),
    )
