"""Regression on the annotated dev-external set (../shared/corpus/dev-external): 30 press excerpts,
49 partnerships, 14 countries. Prints precision / recall / F1; the issue's target is F1 >= 0.85."""

from __future__ import annotations

import pytest

from tests.ingest.extract.devset import score_devset

TARGET_F1 = 0.85


def test_devset_f1(capsys: pytest.CaptureFixture[str]) -> None:
    s = score_devset()
    with capsys.disabled():
        print(
            f"\ndev-external partnerships: P={s.precision:.3f} R={s.recall:.3f} F1={s.f1:.3f} "
            f"(tp={s.tp} fp={s.fp} fn={s.fn}; status right for {s.status_ok}/{s.tp})"
        )
    assert s.tp + s.fn == 49  # every annotation was read
    assert s.f1 >= TARGET_F1, "\n".join(["misses:", *s.misses, "extras:", *s.extras])
