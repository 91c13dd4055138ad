"""What the issue-4 extractors (references, money, people, agencies, activities) add to extraction.

Issue 4's speed budget: at most +30 % on the extraction time of the partnership issue (the document
and partnership extractors alone). Both configurations run the same `build_record` over the corpus
texts repeated to ~3 MB, in one process, after one warm-up pass each (name caches warm); each is
timed five times in alternation with `time.process_time` (CPU time of this process, so a second
benchmark on the machine disturbs it less than wall-clock time) and the best time is kept.

    python -m bench.overhead          (prints the line)
    python -m bench.run overhead      (prints it and appends it to bench/RESULTS.md)
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ingest.extract import Extractor

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "examples" / "corpus"


def _corpus() -> list[tuple[str, str]]:
    return [(p.name, p.read_text(encoding="utf-8")) for p in sorted(CORPUS.glob("*.txt"))]


def _cpu_seconds(texts: list[tuple[str, str]], extractors: Sequence[Extractor]) -> float:
    from ingest.pipeline import build_record
    from ingest.readers.base import RawDocument

    t0 = time.process_time()
    for name, text in texts:
        build_record(RawDocument(name, text, "txt"), extractors)
    return time.process_time() - t0


def bench_overhead(target_mb: float = 3.0, rounds: int = 5) -> str:
    """MB/s with document + partnerships only and with every extractor; the added CPU time in %."""
    from ingest.extract import EXTRACTORS
    from ingest.extract.document import extract_document
    from ingest.extract.partnerships import extract_partnerships

    docs = _corpus()
    texts = docs * max(1, round(target_mb * 1e6 / sum(len(t.encode()) for _, t in docs)))
    mb = sum(len(t.encode()) for _, t in texts) / 1e6
    configs: dict[str, list[Extractor]] = {"base": [extract_document, extract_partnerships], "all": EXTRACTORS}
    for extractors in configs.values():  # warm-up, every text once: imports, data files, name caches
        _cpu_seconds(docs, extractors)
    best = {name: float("inf") for name in configs}
    for _ in range(rounds):
        for name, extractors in configs.items():
            best[name] = min(best[name], _cpu_seconds(texts, extractors))
    added = (best["all"] / best["base"] - 1) * 100
    return (
        f"issue-4 overhead: {mb:.1f} MB, best of {rounds} (CPU time, one process, caches warm): document + "
        f"partnerships **{mb / best['base']:.2f} MB/s**, all {len(configs['all'])} extractors "
        f"**{mb / best['all']:.2f} MB/s** = **{added:+.0f} %** extraction time (budget +30 %)"
    )


if __name__ == "__main__":
    print(bench_overhead())
