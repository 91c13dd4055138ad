"""Cue words (data files in `ingest/data/cues/`), loaded once and compiled into patterns.

>>> c = load_cues()
>>> c.unit_prefix_level("huyện")
'district'
>>> c.instrument_family("bản ghi nhớ")
'mou'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from ingest.extract.phrase_re import phrase_alternation
from ingest.normalize import match_form

CUES_DIR = Path(__file__).resolve().parents[1] / "data" / "cues"

# Letters: every character Python calls a letter in the Latin ranges Vietnamese and romanised
# foreign names use. Upper-case letters start a name token.
_LATIN = [chr(c) for c in range(0x41, 0x250)] + [chr(c) for c in range(0x1E00, 0x1F00)]
UPPER = "".join(c for c in _LATIN if c.isalpha() and c.isupper())
LETTER = "".join(c for c in _LATIN if c.isalpha())


def cue_form(text: str) -> str:
    """The form cues are matched in: matching form, lower-cased (tone marks kept: ký is not kỹ)."""
    return match_form(text).lower()


def _load(name: str) -> dict[str, Any]:
    data = yaml.safe_load((CUES_DIR / name).read_text(encoding="utf-8"))
    if not isinstance(data, dict) or "source" not in data:
        raise ValueError(f"{CUES_DIR / name}: cue file must be a mapping with a 'source' key")
    return data


def _alternation(words: list[str]) -> str:
    """One regex alternative per phrase, longest first; a space matches any run of white space."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


@dataclass(frozen=True)
class Cues:
    prefix_levels: dict[str, tuple[str, str]]  # word -> (level, side)
    prefix_re: re.Pattern[str]
    en_suffix_levels: dict[str, str]
    en_suffix_re: re.Pattern[str]
    en_prefix_levels: dict[str, str]
    en_prefix_re: re.Pattern[str]
    government_re: re.Pattern[str]
    plural_markers: frozenset[str]
    not_units: tuple[str, ...]
    not_units_after: tuple[str, ...]
    instruments: list[tuple[str, str]]  # (folded words, family), longest first
    instrument_re: re.Pattern[str]  # on cue_form text
    instrument_mask_re: re.Pattern[str]  # instruments whose words say nothing of status (not letters)
    relation_re: re.Pattern[str]  # on cue_form text
    national_re: re.Pattern[str]  # on cue_form text
    statuses: list[tuple[str, re.Pattern[str]]]  # on cue_form text
    future_doc_types: frozenset[str]
    person_title_re: re.Pattern[str]
    agency_name_re: re.Pattern[str]  # on cue_form text: names of bodies that contain relation words

    def unit_prefix_level(self, word: str) -> str | None:
        hit = self.prefix_levels.get(word)
        return hit[0] if hit else None

    def instrument_family(self, phrase: str) -> str | None:
        key = cue_form(phrase)
        return next((fam for words, fam in self.instruments if words == key), None)


def _phrase_re(phrases: list[str]) -> re.Pattern[str]:
    """Whole phrases (already in cue form)."""
    return re.compile(rf"(?<![{LETTER}])(?:{_alternation(phrases)})(?![{LETTER}])")


def _word_re(words: list[str]) -> re.Pattern[str]:
    """Whole words; a word ending in a dot ("TP.") may run straight into the name ("TP.Hội An"). The
    same as `(?<![LETTER])(?:(?:_alternation(plain))(?![LETTER])|(?:_alternation(dotted)))`, written
    to be searched fast (`ingest.extract.phrase_re`)."""
    dotted = [w for w in words if w.endswith(".")]
    plain = [w for w in words if not w.endswith(".")]
    return re.compile(phrase_alternation([plain, dotted], f"(?<![{LETTER}])", [f"(?![{LETTER}])", ""]))


@cache
def load_cues() -> Cues:
    units = _load("units.yaml")
    instruments = _load("instruments.yaml")["instruments"]
    relations = _load("relations.yaml")
    status = _load("status.yaml")
    persons = _load("persons.yaml")
    agency_heads = _load("agencies.yaml")["heads"]
    prefix_levels = {w: (p["level"], p["side"]) for p in units["vi_prefixes"] for w in p["words"]}
    en_suffix = {w: p["level"] for p in units["en_suffixes"] for w in p["words"]}
    en_prefix = {w: p["level"] for p in units["en_prefixes"] for w in p["words"]}
    instr = sorted(
        ((cue_form(w), i["family"]) for i in instruments for w in i["words"]), key=lambda x: -len(x[0])
    )
    return Cues(
        prefix_levels=prefix_levels,
        prefix_re=_word_re(list(prefix_levels)),
        en_suffix_levels=en_suffix,
        en_suffix_re=_word_re(list(en_suffix)),
        en_prefix_levels=en_prefix,
        en_prefix_re=_word_re(list(en_prefix)),
        government_re=_word_re(units["government_words"]),
        plural_markers=frozenset(units["plural_markers"]),
        not_units=tuple(units.get("not_units", [])),
        not_units_after=tuple(w + " " for w in units.get("not_units_after", [])),
        instruments=instr,
        instrument_re=re.compile(rf"(?<![{LETTER}])(?:{_alternation([w for w, _ in instr])})(?![{LETTER}])"),
        instrument_mask_re=re.compile(
            rf"(?<![{LETTER}])(?:{_alternation([w for w, f in instr if not f.startswith('letter')])})(?![{LETTER}])"
        ),
        relation_re=re.compile(
            rf"(?<![{LETTER}])(?:{_alternation([cue_form(w) for w in relations['vi'] + relations['en']])})"
        ),
        national_re=re.compile(_alternation([cue_form(w) for w in relations["national_phrases"]])),
        statuses=[
            (s["status"], _phrase_re([cue_form(c) for c in s["cues"]]))
            for s in status["statuses"]
        ],
        future_doc_types=frozenset(status["future_doc_types"]),
        agency_name_re=re.compile(_alternation([cue_form(w) for h in agency_heads for w in h["words"]])),
        person_title_re=re.compile(rf"(?:{_alternation(persons['titles'])})\s*$"),
    )


def blank(text: str, *patterns: re.Pattern[str]) -> str:
    """`text` with every match of `patterns` replaced by spaces (offsets kept)."""
    for rx in patterns:
        text = rx.sub(lambda m: " " * len(m.group(0)), text)
    return text
