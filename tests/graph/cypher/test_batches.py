"""Batches for FalkorDB's Bolt side: every message under the byte budget, evidence split and rejoined."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graph.cypher.batches import EVIDENCE, by_bytes, by_rows, size, split_row
from graph.errors import QueryError


def row(n_evidence: int, quote: str = "tỉnh Xay Sổm Bun", name: str = "Xaisomboun") -> dict:
    props = {"id": "foreign/LA-XS", "name": name, "ev_document": [f"document/{i:04d}" for i in range(n_evidence)],
             "ev_source": ["002.txt"] * n_evidence, "ev_section": ["II.2.7"] * n_evidence,
             "ev_start": list(range(n_evidence)), "ev_end": list(range(n_evidence)),
             "ev_quote": [quote] * n_evidence, "ev_prop": [""] * n_evidence}  # fmt: skip
    return {"id": "foreign/LA-XS", "props": props}


@given(st.integers(0, 120), st.integers(600, 4000), st.text(max_size=120))
@settings(max_examples=60, deadline=None)
def test_pieces_fit_and_rejoin_to_the_row(n: int, budget: int, quote: str) -> None:
    r = row(n, quote)
    pieces = split_row(r, budget)
    assert all(size(p) <= budget for p in pieces)
    rejoined = {k: [x for p in pieces for x in p.get("props", p)[k]] for k in EVIDENCE}
    assert rejoined == {k: r["props"][k] for k in EVIDENCE}
    assert pieces[0]["props"]["name"] == "Xaisomboun"
    assert all(p["id"] == "foreign/LA-XS" for p in pieces)


def test_long_properties_go_first_without_evidence() -> None:
    pieces = split_row(row(1, quote="q" * 900, name="n" * 1000), 1500)
    assert len(pieces) == 2 and pieces[0]["props"]["ev_quote"] == [] and pieces[1]["ev_quote"] == ["q" * 900]


def test_what_cannot_fit_is_a_clear_error() -> None:
    with pytest.raises(QueryError, match="one piece of evidence is over"):
        split_row(row(2, quote="q" * 3000), 2000)
    with pytest.raises(QueryError, match="its properties alone are over"):
        split_row(row(0, name="n" * 3000), 2000)


def test_batches_by_rows_and_bytes() -> None:
    rows = [row(1) for _ in range(50)]
    assert [len(b) for b in by_rows(rows, 20)] == [20, 20, 10]
    batches = list(by_bytes(rows, 2000))
    assert sum(len(b) for b in batches) == 50 and all(size(b) <= 2000 for b in batches)
