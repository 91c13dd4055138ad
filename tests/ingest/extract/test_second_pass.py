"""Shortcuts taken by the second speed pass (issue 4's budget) give what the plain code gave: each
plain version is spelt out here; the corpus (examples/corpus) and hypothesis feed both."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graph.ids import document_id
from graph.model import Evidence
from ingest.extract.activities import find_drafts
from ingest.extract.activity_links import ForeignFinder
from ingest.extract.agency_data import agency_tables
from ingest.extract.agency_resolve import AgencyResolver
from ingest.extract.context import Context
from ingest.extract.parties import Party, country_party, entity_facts
from ingest.extract.references import _may_attach
from ingest.extract.spans import sections_containing
from ingest.normalize import match_form
from ingest.structure import parse_structure

CORPUS = Path(__file__).resolve().parents[3] / "examples" / "corpus"
TEXTS = {p.name: p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))}


def _ctx(text: str) -> Context:
    return Context(document_id(text), "t.txt", text, match_form(text), parse_structure(text))


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_sections_containing_is_the_sorted_filter(name: str) -> None:
    """The plain version: every section containing the offset, sorted by descending start."""
    ctx = _ctx(TEXTS[name])
    flat = ctx.structure.flat()
    for offset in range(0, len(ctx.text), 97):
        plain = sorted((s for s in flat if s.start <= offset < s.end), key=lambda s: -s.start)
        assert [s.path for s in sections_containing(ctx, offset)] == [s.path for s in plain]


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_foreign_finder_drops_only_what_its_caller_dropped(name: str) -> None:
    """`ForeignFinder(..., side="foreign")` now stops early on a place of the other side: the same
    list as finding both sides and keeping the foreign parties."""
    ctx = _ctx(TEXTS[name])
    r = AgencyResolver.of(ctx)
    finder = ForeignFinder(r)
    for d in find_drafts(r):
        both = finder(*d.text, None)
        assert finder(*d.text) == [(p, s) for p, s in both if p.side == "foreign"]


def test_entity_facts_order() -> None:
    """The node, the place's facts and PART_OF, the successor and SUCCEEDED_BY, the parent's facts and
    LOCATED_IN, as the recursive generator gave them."""
    vn = country_party("VN", "Việt Nam")
    old = Party("province/VN-54", "Province", "vn", {"name": "Bắc Giang"}, parent=vn)
    new = Party("province/VN-X", "Province", "vn", {"name": "Bắc Ninh"})
    succession = Evidence("data", "units.yaml", None, 0, 0, "", None)
    old.successor, old.succession, old.succession_date = new, succession, "2025-07-01"
    agency = Party("agency/VN-54/so-ngoai-vu", "Agency", "vn", {"name": "Sở Ngoại vụ"}, place=old)
    facts = entity_facts(agency, ())
    got = [(f.type, f.id if f.type in ("Agency", "Province", "Country") else "") for f in facts]
    assert got == [("Agency", agency.id), ("Province", old.id), ("Province", new.id), ("SUCCEEDED_BY", ""),
                   ("Country", vn.id), ("LOCATED_IN", ""), ("PART_OF", "")]  # fmt: skip
    assert facts[2].evidence == facts[3].evidence == (succession,)


def test_attachment_precheck() -> None:
    """No cue in the text: the long pattern is not tried; the cue in any case: it is."""
    assert not _may_attach(_ctx("Điều 1. Phê duyệt Đề án hợp tác."))
    assert _may_attach(_ctx("Điều 1. BAN HÀNH KÈM THEO Quyết định này Đề án X."))
    assert _may_attach(_ctx("Điều 1. Ban hành kèm theo\nQuyết định này Đề án X."))


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="cCáÁsSởbộhộiBỘ ,", min_size=1, max_size=12))
def test_group_words_open_with_their_first_letters(s: str) -> None:
    """`_Reader.item` tries the group patterns only where the text's letter opens a group word."""
    t = agency_tables()
    if s[0] not in t.group_firsts:
        assert all(rx.match(s) is None for rx, _ in t.groups)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="GgiámđốcPhó ,\n\t", max_size=20))
def test_person_title_ends_only_before_white_space(s: str) -> None:
    """`subject_of` skips `person_end_re.sub` when the text does not end with white space."""
    if not s[-1:].isspace():
        assert agency_tables().person_end_re.sub("", s) == s


def test_person_end_pattern_is_anchored() -> None:
    assert agency_tables().person_end_re.pattern.endswith("$")
    assert re.search(r"\\s\+\$$", agency_tables().person_end_re.pattern)
