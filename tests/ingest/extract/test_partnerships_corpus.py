"""Acceptance on the sample corpus: every partnership the five documents state, at every status, and
nothing else (issue 3). Expected values were read off the documents by hand."""

from __future__ import annotations

from typing import Any

import pytest

from graph.model import GraphData

Rows = dict[tuple[str, str], dict[str, Any]]

EXPECTED = {
    # Bắc Giang province (000, 002, 004)
    ("province/VN-54", "foreign/LA-XS"): "implemented",  # signed 09/8/2021, carried out by the 2022 plan
    ("province/VN-54", "foreign/JP-12"): "proposed",  # Chi Ba: "tham mưu thiết lập quan hệ hợp tác" (000 §2.4)
    ("province/VN-54", "foreign/CN-GX"): "in_contact",  # Quảng Tây: "trao đổi thiện chí hợp tác" (004)
    ("province/VN-54", "foreign/CN-HN"): "postponed",  # Hồ Nam: proposal, then "hoãn" (004)
    ("province/VN-54", "foreign/JP-21"): "proposed",  # Gifu: letters about establishing relations (004)
    ("province/VN-54", "foreign/KR-47/pohang"): "postponed",  # Pohang asked to sign; "không thể ký kết" (004)
    ("province/VN-54", "foreign/KR-41/icheon"): "in_contact",  # Icheon: letter of invitation (004)
    ("province/VN-54", "foreign/KR-30"): "proposed",  # Daejeon: proposed contact via the embassy (004)
    ("province/VN-54", "foreign/PL-02"): "postponed",  # Lower Silesia: exchange postponed (004)
    # thành phố Bắc Giang and huyện Lục Ngạn (000, 002, 004)
    ("locality/VN-54/bac_giang", "foreign/KR-30/seo-gu"): "signed",  # friendship-city agreement (000 §2.7)
    ("locality/VN-54/bac_giang", "foreign/CN-GX/nanning"): "signed",
    ("locality/VN-54/bac_giang", "foreign/CN-JS/taizhou"): "signed",  # 2019 (004)
    ("locality/VN-54/bac_giang", "foreign/KR-44/dangjin"): "negotiating",  # "đang trao đổi thông tin" (004)
    ("locality/VN-54/luc_ngan", "foreign/CN-YN/hekou"): "signed",
    ("locality/VN-54/luc_ngan", "foreign/LA-XS/anouvong"): "signed",  # planned in 2022 (002), signed by 2024 (000)
    # schools (004): "Trường THCS Lê Quý Đôn và trường Trung học Daejeon Munjeong đã ký hợp tác 03 năm 2019-2021"
    ("agency/VN-54/truong-thcs-le-quy-don", "agency/KR-30/truong-trung-hoc-daejeon-munjeong"): "signed",
    # agencies (002)
    ("agency/VN-54/cong-an", "agency/LA-XS/cong-an"): "implemented",
    ("agency/VN-54/hoi-lien-hiep-phu-nu", "agency/LA-XS/hoi-lien-hiep-phu-nu"): "to_be_signed",
    # Bình Định (001): MOU with the four southern Lao provinces being prepared for signing
    ("province/VN-31", "foreign/LA-AT"): "to_be_signed",
    ("province/VN-31", "foreign/LA-CH"): "to_be_signed",
    ("province/VN-31", "foreign/LA-SL"): "to_be_signed",
    ("province/VN-31", "foreign/LA-XE"): "to_be_signed",
    # Hà Tĩnh (003)
    ("province/VN-23", "foreign/RU-TUL"): "negotiating",  # "hoàn thiện Thỏa thuận hợp tác ... Tu La"
    ("province/VN-23", "foreign/LA-BL"): "signed",
    ("province/VN-23", "foreign/LA-KH"): "implemented",
    ("province/VN-23", "foreign/LA-SV"): "signed",  # "ký kết Biên bản hợp tác tại tỉnh Hà Tĩnh"
}


def test_exactly_the_stated_partnerships(corpus_partnerships: Rows) -> None:
    assert set(corpus_partnerships) == set(EXPECTED)


@pytest.mark.parametrize("pair, status", sorted(EXPECTED.items()))
def test_status(corpus_partnerships: Rows, pair: tuple[str, str], status: str) -> None:
    assert corpus_partnerships[pair]["status"] == status


def test_bac_giang_xay_som_bun_agreement(corpus_partnerships: Rows) -> None:
    row = corpus_partnerships[("province/VN-54", "foreign/LA-XS")]
    assert row["agreement"]["period"] == "2021-2025"
    assert row["agreement"]["signed_on"] == "2021-08-09"
    assert row["foreign_party"]["iso3166_2"] == "LA-XS" and row["foreign_party"]["country"] == "LA"
    assert row["vn_party"]["iso3166_2"] == "VN-54"
    sources = {ev["source"].rsplit("/", 1)[-1][:3] for ev in row["evidence"]}
    assert sources == {"000", "002", "004"}  # one agreement, evidence from each document


def test_school_partnership_period(corpus_partnerships: Rows) -> None:
    row = corpus_partnerships[("agency/VN-54/truong-thcs-le-quy-don", "agency/KR-30/truong-trung-hoc-daejeon-munjeong")]
    assert row["vn_party"]["name"] == "Trường THCS Lê Quý Đôn"
    assert row["foreign_party"]["country"] == "KR" and row["foreign_party"]["parent"] == "foreign/KR-30"


def test_binh_dinh_one_mou_four_partnerships(corpus_partnerships: Rows) -> None:
    rows = [r for (vn, _), r in corpus_partnerships.items() if vn == "province/VN-31"]
    assert len(rows) == 4
    assert {r["agreement"]["instrument"] for r in rows} == {"mou"}
    assert {r["agreement"]["period"] for r in rows} == {"2021-2025"}
    assert len({r["agreement"]["id"] for r in rows}) == 1


def test_every_quote_is_the_text_it_cites(corpus_partnerships: Rows) -> None:
    from ingest.readers import read_document

    texts = {}
    for row in corpus_partnerships.values():
        for ev in row["evidence"]:
            text = texts.setdefault(ev["source"], read_document(ev["source"]).text)
            assert text[ev["start"] : ev["end"]] == ev["quote"]
            assert ev["section"] is None or ev["section"][0].isalnum()


def test_no_partner_is_a_person_a_date_line_or_a_recipient(corpus_graph: GraphData) -> None:
    places = ("Province", "Locality", "ForeignLocality", "Country")
    names = {str(n.props.get("name")) for n in corpus_graph.nodes.values() if n.type in places}
    assert not names & {"Mai Sơn", "Lâm Hải Giang", "Lê Tuấn Phú", "Trần Trọng Triêm", "Thái Phúc Sơn"}


def test_parties_are_located(corpus_graph: GraphData) -> None:
    located = {(e.source, e.target) for e in corpus_graph.edges_of("LOCATED_IN")}
    assert ("foreign/KR-30/seo-gu", "foreign/KR-30") in located
    assert ("foreign/LA-XS", "country/LA") in located
    assert ("locality/VN-54/luc_ngan", "province/VN-54") in located
