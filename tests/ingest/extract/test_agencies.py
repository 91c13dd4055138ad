"""Agencies: the tables (sources, merged departments), the id scheme shared with the partnership
extractor, scoping to places, and the splitting of written lists. Lists are from
`examples/corpus/002…` §II unless marked "constructed"."""

from __future__ import annotations

import pytest
import yaml

from graph.errors import SchemaError
from graph.model import GraphData
from ingest.extract.agency_data import AGENCY_DIR, SCOPES, _bodies, agency_tables
from ingest.extract.agency_lists import parse_list
from ingest.extract.agency_resolve import AgencyResolver
from ingest.extract.context import Context
from ingest.extract.cues import CUES_DIR
from ingest.extract.parties import agency_party
from ingest.normalize import match_form
from ingest.structure import parse_structure

HEAD = "Bắc Giang, ngày 10 tháng 8 năm 2022\n\nKẾ HOẠCH\n\nHợp tác\n\n1. Nội dung: "


def resolver(body: str, head: str = HEAD) -> tuple[AgencyResolver, int]:
    text = head + body
    ctx = Context("document/t", "t.txt", text, match_form(text), parse_structure(text))
    return AgencyResolver(ctx), len(head)


def names(
    body: str, strict: bool = False, head: str = HEAD
) -> tuple[list[tuple[str, str | None]], list[str], list[str]]:
    r, start = resolver(body, head)
    pl = parse_list(r, start, len(r.ctx.text), strict=strict)
    return [(x.written, x.party.id if x.party else None) for x in pl.refs], pl.notes, pl.unknown


# --- the tables ---------------------------------------------------------------------------------------


def test_every_file_and_row_names_its_source() -> None:
    for name in [*SCOPES, "lists.yaml"]:
        data = yaml.safe_load((AGENCY_DIR / name).read_text(encoding="utf-8"))
        assert data.get("source"), name
        for row in data.get("bodies", []):
            assert row.get("source") and row.get("kind"), (name, row["name"])
    assert (AGENCY_DIR / "SOURCES.md").exists()


def test_a_row_without_source_is_refused() -> None:
    with pytest.raises(SchemaError, match="needs 'kind' and 'source'"):
        _bodies({"name": "Sở Du lịch", "kind": "department"}, "province", "provincial.yaml")
    with pytest.raises(SchemaError, match="needs 'date' and 'source'"):
        _bodies({"name": "Sở Tài chính", "kind": "department", "source": ["x"], "absorbed": [{"name": "Sở KH"}]},
                "province", "provincial.yaml")  # fmt: skip


def test_merged_department_is_one_entity_with_its_names_as_aliases() -> None:
    """Nghị định 45/2025/NĐ-CP: Sở Thông tin và Truyền thông merged into Sở Khoa học và Công nghệ."""
    t = agency_tables()
    old, new = t.body("Sở Thông tin và Truyền thông"), t.body("Sở KH&CN")
    assert old is not None and new is not None
    assert (old.name, old.written, new.written) == (
        "Sở Khoa học và Công nghệ",
        "Sở Thông tin và Truyền thông",
        "Sở Khoa học và Công nghệ",
    )
    assert {"Sở Thông tin và Truyền thông", "Sở TT&TT"} <= set(new.aliases)


def test_heads_of_the_partnership_cues_get_the_same_ids() -> None:
    """Every agency head the partnership extractor knows resolves here to the id `agency_party` gives."""
    heads = yaml.safe_load((CUES_DIR / "agencies.yaml").read_text(encoding="utf-8"))["heads"]
    r, _ = resolver("x")
    home = r.province(None)
    assert home is not None
    for h in heads:
        body = agency_tables().body(h["canonical"])
        if body is not None and body.scope == "province":
            assert r.party_for(body, home).id == agency_party(h["canonical"], h["kind"], home).id, h["canonical"]


# --- resolving bodies to entities -----------------------------------------------------------------


def test_scoped_to_the_documents_province() -> None:
    assert names("Sở Ngoại vụ.")[0] == [("Sở Ngoại vụ", "agency/VN-54/so-ngoai-vu")]
    hatinh = "Hà Tĩnh, ngày 10 tháng 8 năm 2022\n\nKẾ HOẠCH\n\nHợp tác\n\n1. Nội dung: "
    assert names("Sở Ngoại vụ.", head=hatinh)[0] == [("Sở Ngoại vụ", "agency/VN-23/so-ngoai-vu")]


def test_place_written_after_the_body() -> None:
    """Constructed: a body of another place, a foreign body, the People's Committee of a district."""
    got, _, _ = names("Sở Ngoại vụ tỉnh Hà Tĩnh, Công an tỉnh Xay Sổm Bun, UBND huyện Lục Ngạn, Báo Bắc Giang.")
    assert got == [
        ("Sở Ngoại vụ tỉnh Hà Tĩnh", "agency/VN-23/so-ngoai-vu"),
        ("Công an tỉnh Xay Sổm Bun", "agency/LA-XS/cong-an"),
        ("Ủy ban nhân dân huyện Lục Ngạn", "locality/VN-54/luc_ngan"),
        ("Báo Bắc Giang", "agency/VN-54/bao"),
    ]


def test_central_bodies_belong_to_vietnam() -> None:
    got, _, _ = names("Bộ Ngoại giao, Ban Đối ngoại Trung ương, Liên hiệp các tổ chức hữu nghị Việt Nam.")
    assert [i for _, i in got] == [
        "agency/VN/bo-ngoai-giao",
        "agency/VN/ban-doi-ngoai-trung-uong",
        "agency/VN/lien-hiep-cac-to-chuc-huu-nghi-viet-nam",
    ]


def test_body_of_an_untold_place_is_not_invented() -> None:
    """001 §4: "Sở Ngoại vụ các tỉnh Nam Lào" is not Bình Định's department."""
    got, _, _ = names("Sở Ngoại vụ các tỉnh Nam Lào.")
    assert got == [("Sở Ngoại vụ", None)]


# --- splitting lists ------------------------------------------------------------------------------


def test_departments_after_a_group_word() -> None:
    """§2.1: "Các Sở: Kế hoạch và Đầu tư, ..." with multi-word departments holding commas."""
    got, notes, unknown = names(
        "Các Sở: Kế hoạch và Đầu tư, Công Thương, Nội vụ, Nông nghiệp và Phát triển nông thôn, Văn \n\nhóa, Thể thao "
        "và Du lịch, Lao động - Thương binh và Xã hội, Báo Bắc Giang, Đài Phát thanh và Truyền hình tỉnh."
    )
    assert [w for w, _ in got] == [
        "Sở Kế hoạch và Đầu tư", "Sở Công Thương", "Sở Nội vụ", "Sở Nông nghiệp và Phát triển nông thôn",
        "Sở Văn hóa, Thể thao và Du lịch", "Sở Lao động - Thương binh và Xã hội", "Báo Bắc Giang",
        "Đài Phát thanh và Truyền hình tỉnh",
    ]  # fmt: skip
    assert (notes, unknown) == ([], [])


def test_generic_words_become_notes() -> None:
    """§2.7: "Sở Ngoại vụ và các cơ quan có liên quan"; §1.3: "... các tổ chức chính trị - xã hội tỉnh"."""
    assert names("Sở Ngoại vụ và các cơ quan có liên quan")[:2] == (
        [("Sở Ngoại vụ", "agency/VN-54/so-ngoai-vu")],
        ["các cơ quan có liên quan"],
    )
    assert names("Báo Bắc Giang, các tổ chức chính trị - xã hội tỉnh.")[1] == ["các tổ chức chính trị - xã hội tỉnh"]


def test_semicolons_end_a_group() -> None:
    """§2.2: "Các Sở: ..., Văn hóa, Thể thao và Du lịch; Công an tỉnh; Bộ Chỉ huy quân sự tỉnh"."""
    got, _, _ = names("Các Sở: Nội vụ, Văn hóa, Thể thao và Du lịch; Công an tỉnh; Bộ \n\nChỉ huy quân sự tỉnh.")
    assert [i for _, i in got] == [
        "agency/VN-54/so-noi-vu", "agency/VN-54/so-van-hoa-the-thao-va-du-lich", "agency/VN-54/cong-an",
        "agency/VN-54/bo-chi-huy-quan-su",
    ]  # fmt: skip


def test_unknown_bodies_with_an_organisation_word() -> None:
    """§8.1: associations no table knows are bodies of the province."""
    got, _, unknown = names("Hội Doanh nhân trẻ, Hội Doanh nhân cựu chiến binh, Hội nữ doanh nhân của tỉnh.")
    assert [i for _, i in got] == [
        "agency/VN-54/hoi-doanh-nhan-tre",
        "agency/VN-54/hoi-doanh-nhan-cuu-chien-binh",
        "agency/VN-54/hoi-nu-doanh-nhan",
    ]
    assert unknown == []


def test_places_after_a_unit_word() -> None:
    """004 table, row 8 adapted (constructed with districts the gazetteer knows)."""
    got, _, _ = names("Thành phố Bắc Giang và huyện Lục Ngạn, Việt Yên.")
    assert [i for _, i in got] == ["locality/VN-54/bac_giang", "locality/VN-54/luc_ngan", "locality/VN-54/viet_yen"]


def test_strict_reading_stops_at_the_verb() -> None:
    """001 §2: "phối hợp với các sở, ngành liên quan rà soát, báo cáo kinh phí": the list ends before
    "rà soát"."""
    got, _, _ = names("Sở Ngoại vụ, Sở Tài chính rà soát, báo cáo kinh phí", strict=True)
    assert [w for w, _ in got] == ["Sở Ngoại vụ", "Sở Tài chính"]
    assert names("các sở, ngành liên quan rà soát, báo cáo", strict=True)[:2] == ([], ["các sở, ngành liên quan"])


# --- the extractor --------------------------------------------------------------------------------


def test_agencies_of_the_corpus(corpus_graph: GraphData) -> None:
    """Each place's Sở Ngoại vụ is its own entity; agencies are PART_OF their place; the police of both
    sides unify with the partnership extractor's ids."""
    nodes = corpus_graph.nodes
    for aid, place in [("agency/VN-54/so-ngoai-vu", "province/VN-54"), ("agency/VN-23/so-ngoai-vu", "province/VN-23"),
                       ("agency/VN-31/so-ngoai-vu", "province/VN-31"), ("agency/LA-XS/cong-an", "foreign/LA-XS"),
                       ("agency/VN/bo-ngoai-giao", "country/VN")]:  # fmt: skip
        assert nodes[aid].props["place"] == place
        assert any(e.type == "PART_OF" and e.source == aid and e.target == place for e in corpus_graph.edges.values())
    so = nodes["agency/VN-54/so-khoa-hoc-va-cong-nghe"].props
    assert so["kind"] == "department" and "Sở Thông tin và Truyền thông" in so["aliases"]
    assert nodes["agency/VN-54/truong-dai-hoc-nong-lam-bac-giang"].props["kind"] == "university"
    assert nodes["agency/VN/bo-ngoai-giao"].props["kind"] == "central"
