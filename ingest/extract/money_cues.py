"""The money cue words (`ingest/data/cues/money.yaml`) compiled into one pattern for sums of money.

>>> m = load_money_cues().amount_re.search("tổng trị giá trên 2,5 tỷ đồng; ")
>>> m.group("body"), m.group("cur")
('2,5 tỷ', 'đồng')
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from ingest.extract.cues import LETTER, _load
from ingest.extract.money_number import NUMBER
from ingest.extract.phrase_re import phrase_trie

NOT_BEFORE = frozenset(LETTER + "0123456789.,")


@dataclass(frozen=True)
class MoneyCues:
    amount_re: re.Pattern[str]  # on the matching form: group "body" (numbers and scales), "cur";
    # the character before a match must not be a letter, digit, "." or "," (checked by the caller)
    term_re: re.Pattern[str]  # one number with its scale word, inside a body
    currency: dict[str, str]  # lower-cased word -> ISO 4217 code
    scale: dict[str, Decimal]  # lower-cased word -> factor
    min_plain: dict[str, Decimal]  # ISO code -> least value without a scale word
    qualifier_re: re.Pattern[str]  # at the end of the text before a sum
    qualifier: dict[str, str]  # lower-cased words -> qualifier
    breakdown_re: re.Pattern[str]  # just after a sum: its breakdown follows
    trailing_re: re.Pattern[str]  # linking words at the end of a purpose


def _spaced(words: list[str]) -> str:
    """`_alternation` of the words in lower case (the patterns ignore case), as one trie."""
    return phrase_trie([w.lower() for w in words], any_case=True)


@cache
def load_money_cues() -> MoneyCues:
    data = _load("money.yaml")
    currency = {w.lower(): c["code"] for c in data["currencies"] for w in c["words"]}
    scale = {w.lower(): Decimal(s["factor"]) for s in data["scales"] for w in s["words"]}
    qualifier = {" ".join(w.lower().split()): q["qualifier"] for q in data["qualifiers"] for w in q["words"]}
    scales = _spaced(list(scale))
    term = rf"{NUMBER}(?: *(?:{scales})(?![{LETTER}]))?"
    not_after = _spaced(data["not_after"])
    amount = (
        rf"(?P<body>{term}(?: +{NUMBER} *(?:{scales})(?![{LETTER}]))*)"
        rf" *(?P<cur>{_spaced(list(currency))})(?![{LETTER}])(?! +(?:{not_after})(?![{LETTER}]))"
    )
    return MoneyCues(
        amount_re=re.compile(amount, re.IGNORECASE),
        term_re=re.compile(rf"(?P<num>{NUMBER})(?: *(?P<scale>{scales})(?![{LETTER}]))?", re.IGNORECASE),
        currency=currency,
        scale=scale,
        min_plain={k: Decimal(str(v)) for k, v in data.get("min_plain_value", {}).items()},
        qualifier_re=re.compile(rf"(?<![{LETTER}])(?P<q>{_spaced(list(qualifier))}) *$", re.IGNORECASE),
        qualifier=qualifier,
        breakdown_re=re.compile(rf"[ ,(]*(?:{_spaced(data['breakdown'])}) *:", re.IGNORECASE),
        trailing_re=re.compile(rf"(?:[ ,:]+(?:{_spaced(data['purpose_trailing'])}))+[ ,:]*$", re.IGNORECASE),
    )
