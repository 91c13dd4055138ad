"""Scoring extracted partnerships against the annotated dev-external set (../shared/corpus/dev-external).

A predicted partnership matches a gold one when the Vietnamese parties match and the foreign parties
match; names match when their diacritic-folded forms are equal or one contains the other (gold names
are canonical English for foreign parties, the text's spelling is `name_in_text`).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph.model import GraphData
from graph.partnerships import partnership_rows
from graph.text import fold
from ingest.pipeline import build_record
from ingest.readers.base import RawDocument

DEV = Path(__file__).resolve().parents[4] / "shared" / "corpus" / "dev-external"


UNIT_WORDS = {"district", "county", "city", "province", "prefecture", "gu", "si", "gun", "do", "village", "region",
              "oblast", "state", "police", "provincial", "tinh", "huyen", "thanh", "pho", "quan"}


def _key(name: str) -> str:
    """Folded name without bracketed context and unit words: 'Gwangsan-gu (Gwangju)' -> 'gwangsan'."""
    name = re.sub(r"\([^)]*\)", " ", name)
    words = fold(name.replace("-", " ").replace("'", " ")).split()
    return " ".join(w for w in words if w not in UNIT_WORDS) or " ".join(words)


def _names(party: dict[str, Any]) -> set[str]:
    out = {party.get("name"), party.get("name_vi"), party.get("name_in_text"), *(party.get("aliases") or [])}
    return {_key(n) for n in out if n}


def _same(a: set[str], b: set[str]) -> bool:
    return any(x == y or (len(x) > 3 and len(y) > 3 and (x in y or y in x)) or _close(x, y) for x in a for y in b)


def _close(x: str, y: str) -> bool:
    """One-letter spelling differences ('gwangsang' / 'gwangsan') count as the same name."""
    from rapidfuzz.distance import Levenshtein

    return min(len(x), len(y)) >= 6 and Levenshtein.distance(x, y) <= 1


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    status_ok: int = 0
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def predict(text: str, source: str) -> list[dict[str, Any]]:
    record = build_record(RawDocument(source, text, "txt"))
    return partnership_rows(GraphData.merge(record.facts))


def score_file(txt: Path, score: Score) -> None:
    gold = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))["partnerships"]
    pred = predict(txt.read_text(encoding="utf-8"), str(txt))
    used: set[int] = set()
    for g in gold:
        gv, gf = _names(g["vn_party"]), _names(g["foreign_party"])
        hit = next(
            (i for i, p in enumerate(pred) if i not in used
             and _same(gv, _names(p["vn_party"])) and _same(gf, _names(p["foreign_party"]))), None,
        )  # fmt: skip
        if hit is None:
            score.fn += 1
            score.misses.append(f"{txt.stem}: {g['vn_party']['name']} <-> {g['foreign_party']['name']} ({g['status']})")
            continue
        used.add(hit)
        score.tp += 1
        score.status_ok += pred[hit]["status"] == g["status"]
    for i, p in enumerate(pred):
        if i not in used:
            score.fp += 1
            score.extras.append(f"{txt.stem}: {p['vn_party']['name']} <-> {p['foreign_party']['name']} ({p['status']})")


def score_devset(folder: Path = DEV) -> Score:
    score = Score()
    for txt in sorted(folder.glob("d*.txt")):
        score_file(txt, score)
    return score


if __name__ == "__main__":
    s = score_devset()
    print(f"P={s.precision:.3f} R={s.recall:.3f} F1={s.f1:.3f} tp={s.tp} fp={s.fp} fn={s.fn}")
    print(f"status right for {s.status_ok}/{s.tp}")
    print("MISSES:", *s.misses, sep="\n  ")
    print("EXTRAS:", *s.extras, sep="\n  ")
