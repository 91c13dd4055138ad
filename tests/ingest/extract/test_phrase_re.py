"""Cue alternations written as tries (`ingest.extract.phrase_re`, `agency_data.alternation`) find exactly
what the longest-first alternations they replace find: same spans, same groups, from any position."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graph.errors import SchemaError
from ingest.extract.agency_data import alternation, form_pattern
from ingest.extract.cues import _alternation
from ingest.extract.phrase_re import phrase_alternation, phrase_trie

# Few letters, so that random phrases share prefixes and random texts contain them; case matters.
LETTERS = "aăbcđĐhAB"
phrase = st.text(alphabet=LETTERS, min_size=1, max_size=4).flatmap(
    lambda first: st.lists(st.text(alphabet=LETTERS + ".", min_size=1, max_size=3), max_size=2).map(
        lambda rest: " ".join([first, *rest])
    )
)
text = st.text(alphabet=LETTERS + " .,:-&/\n\t1", max_size=60)


def hits(rx: re.Pattern[str], s: str, pos: int = 0) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in rx.finditer(s, pos)]


@settings(max_examples=300, deadline=None)
@given(st.lists(phrase, min_size=1, max_size=8), st.lists(phrase, max_size=4), text, st.integers(0, 5))
def test_phrase_alternation_is_the_longest_first_alternation(
    words: list[str], dotted: list[str], s: str, pos: int
) -> None:
    behind, tails = r"(?<!\w)", [r"(?!\w)", ""]
    old = re.compile(rf"{behind}(?:(?:{_alternation(words)}){tails[0]}|(?:{_alternation(dotted)}){tails[1]})")
    if not dotted:  # an empty alternation matches the empty string; phrase_alternation's group matches nothing
        old = re.compile(rf"{behind}(?:(?:{_alternation(words)}){tails[0]})")
    new = re.compile("(" + phrase_alternation([words, dotted], behind, tails) + ")")
    old = re.compile("(" + old.pattern + ")")
    assert hits(new, s, pos) == hits(old, s, pos)


@settings(max_examples=200, deadline=None)
@given(st.lists(phrase, min_size=1, max_size=8), text)
def test_phrase_trie_is_the_alternation(words: list[str], s: str) -> None:
    assert hits(re.compile(f"({phrase_trie(words)})"), s) == hits(re.compile(f"((?:{_alternation(words)}))"), s)


def test_a_group_before_another_keeps_its_rank() -> None:
    """Plain unit words before dotted ones: "TP" then the name, not "TP." (as `cues._word_re` wants)."""
    rx = re.compile(phrase_alternation([["TP"], ["TP."]], r"(?<!\w)", [r"(?!\w)", ""]))
    assert [m.group(0) for m in rx.finditer("TP.Huế, TP Vinh, tp.")] == ["TP", "TP"]


def test_a_bad_phrase_is_a_schema_error() -> None:
    with pytest.raises(SchemaError, match="cue phrase"):
        phrase_alternation([["thời\tgian"]])
    with pytest.raises(ValueError, match="look-behind"):
        phrase_alternation([["a"]], r"\b")


def _old_agency_alternation(forms: list[str]) -> re.Pattern[str]:
    """`agency_data.alternation` before the trie (forms longest first, one alternative each)."""
    alts = []
    for f in sorted(set(forms), key=len, reverse=True):
        p = form_pattern(f)
        first = re.escape(f[0])
        alts.append(first + r"(?<![\w&].)" + p[len(first) :])
    return re.compile(rf"(?:{'|'.join(alts)})(?![\w&])")


SEPARATORS = st.sampled_from([" ", "-", "&", ", "])
form = st.lists(st.text(alphabet="sSởỞaAđĐtT", min_size=1, max_size=3), min_size=1, max_size=3).flatmap(
    lambda words: st.lists(SEPARATORS, min_size=len(words) - 1, max_size=len(words) - 1).map(
        lambda seps: "".join(w + s for w, s in zip(words, [*seps, ""], strict=True))
    )
)


@settings(max_examples=300, deadline=None)
@given(st.lists(form, min_size=1, max_size=10), st.text(alphabet="sSởỞaAđĐtT -&,\n", max_size=50))
def test_agency_alternation_finds_what_the_plain_one_finds(forms: list[str], s: str) -> None:
    assert hits(alternation(forms), s) == hits(_old_agency_alternation(forms), s)


def test_agency_alternation_keeps_longest_first_where_a_trie_would_not() -> None:
    """ "Xa  -  b" is longer than "Xa-b x" though "Xa-b x" goes on from it: longest first reads "Xa-b"
    in "Xa-b x." (a trie would read on); the plain alternation is kept for such forms."""
    forms = ["Xa  -  b", "Xa-b x"]
    assert [m.group(0) for m in alternation(forms).finditer("Xa-b x.")] == ["Xa-b"]
    assert hits(alternation(forms), "Xa-b x. Xa - b x") == hits(_old_agency_alternation(forms), "Xa-b x. Xa - b x")


def test_agency_body_names_in_a_snippet() -> None:
    """Corpus 002 (Bắc Giang), line 726; a form in any case after its first letter, which is as written."""
    from ingest.extract.agency_data import agency_tables

    s = "- UBND huyện Lục Ngạn chủ động phối hợp với Sở Ngoại vụ và các cơ quan; SỞ NGOẠI VỤ; sở Ngoại vụ"
    assert [m.group(0) for m in agency_tables().body_re.finditer(s)] == ["UBND", "Sở Ngoại vụ", "SỞ NGOẠI VỤ"]


CASE_LETTERS = "aAđĐkKsS\u212a\u017fiı"  # with the Kelvin sign, the long s, a dotless i


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.text(alphabet=CASE_LETTERS + " ", min_size=1, max_size=4).map(str.strip).filter(bool), min_size=1),
    st.text(alphabet=CASE_LETTERS + " .", max_size=40),
)
def test_phrase_trie_in_any_case(words: list[str], s: str) -> None:
    """For patterns compiled with re.IGNORECASE (the money cues): same matches as the alternation."""
    new = re.compile(f"({phrase_trie(words, any_case=True)})", re.IGNORECASE)
    assert hits(new, s) == hits(re.compile(f"((?:{_alternation(words)}))", re.IGNORECASE), s)


def test_case_variants_share_a_path() -> None:
    assert phrase_trie(["USD", "usd", "US$"], any_case=True) == r"US(?:\$|D)"
    assert phrase_trie(["s", "\u017f"], any_case=True) == "(?:s|\u017f)"  # "s" matches the long s: kept apart
