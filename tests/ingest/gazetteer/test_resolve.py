"""Name resolution: spelling variants, countries, Vietnamese units, successions, fuzzy matches and review."""

from __future__ import annotations

import time
from datetime import date

import pytest

from ingest.gazetteer import AUTO_THRESHOLD, REVIEW_THRESHOLD, Gazetteer, get_gazetteer
from ingest.gazetteer.loader import load_data


@pytest.fixture(scope="module")
def gz() -> Gazetteer:
    return get_gazetteer()


VARIANTS = {
    "LA-XS": [
        "Xay Sổm Bun",
        "Xay Sôm Bun",
        "Xây Sôm Bun",
        "Xay Sổm Bún",
        "Xaysomboun",
        "Xaisômboun",
        "Xaisomboun",
    ],
    "LA-BL": [
        "Bolikhămxay",
        "Bolikhamxay",
        "Bolykhamsay",
        "Bolykhămxay",
        "Bolikhamsai",
        "Bo Ly Khăm Xay",
        "Bô Ly Khăm Xay",
        "Bolikhamsay",
    ],
    "LA-KH": ["Khăm Muộn", "Khăm Muôn", "Khammouane"],
    "LA-XI": ["Xiêng Khoảng"],
    "LA-HO": ["Hủa Phăn"],
    "LA-SV": ["Sa Vẳn Na Khệt", "Savannakhet"],
    "LA-XE": ["Sê Kông", "SÊ KÔNG", "Sekong"],
    "LA-PH": ["Phongsaly"],
    "LA-OU": ["Oudomxay"],
    "LA-AT": ["Attapu"],
    "LA-CH": ["Champasak"],
    "LA-SL": ["Salavan"],
    "LA-XS/anouvong": ["A Nu Vông", "A-nu-vông"],
    "LA-XS/thathom": ["Thà Thôm"],
    "LA-XE/kaleum": ["Kà Lừm", "KÀ LỪM"],
    "LA-KH/nakai": ["Na Kai", "NaKai"],
    "LA-SV/xepon": ["Sê Pôn"],
    "LA-SV/xepon/densavan": ["Đen sa vẵn"],
    "KH-11": ["Mondulkiri"],
    "KH-16": ["Ratanakiri"],
    "KH-13": ["Preah Vihear"],
    "KH-19": ["Stung Treng"],
    "KH-8": ["Kandal"],
    "KH-7": ["Kampot"],
    "CN-GX": ["Quảng Tây", "Guangxi"],
    "CN-GX/nanning": ["Nam Ninh", "Nanning"],
    "CN-GX/pingxiang": ["Bằng Tường"],
    "CN-YN": ["Vân Nam", "Yunnan"],
    "CN-YN/hekou": ["Hà Khẩu", "Hà Khâu", "Hekou"],
    "CN-YN/wenshan": ["châu Văn Sơn"],
    "CN-YN/honghe": ["châu Hồng Hà"],
    "CN-YN/luchun": ["Lục Xuân"],
    "CN-YN/maguan": ["Mã Quan"],
    "CN-JS/taizhou": ["Thái Châu"],
    "CN-HN": ["Hồ Nam"],
    "KR-43": ["Chungcheongbuk"],
    "KR-44": ["Chungcheong-Nam"],
    "KR-46": ["Jeollanam"],
    "KR-47": ["Gyeongsangbuk"],
    "KR-47/bonghwa": ["Bonghwa"],
    "KR-29": ["TP.Gwangju"],
    "KR-29/gwangsan-gu": ["Gwangsang"],
    "KR-30/seo-gu": ["quận Seo"],
    "KR-47/pohang": ["Pohang"],
    "KR-41/icheon": ["Icheon"],
    "KR-44/dangjin": ["Dangjin"],
    "JP-12": ["Chi Ba", "Chiba"],
    "JP-26": ["Kyoto Prefecture"],
    "JP-26/kyoto": ["Kyoto City"],
    "JP-21": ["Gifu Prefecture", "tỉnh Gifu"],
    "JP-14": ["Kanagawa Prefecture"],
    "JP-29": ["Nara Prefecture"],
    "JP-33": ["tỉnh Okayama", "Tỉnh Okayama"],
    "JP-44": ["Oita prefecture", "Oita province"],
    "JP-44/saiki": ["Saiki city", "Saiki City"],
    "JP-14/yokohama": ["Yokohama City"],
    "JP-22/shizuoka": ["Shizuoka city"],
    "JP-28/tamba-sasayama": ["Sasayama"],
    "JP-38/saijo": ["Saijo"],
    "JP-21/takayama": ["Takayama"],
    "RU-TUL": ["Tu La", "Tula"],
    "RU-IRK": ["Irkutsk", "Irkursk"],
    "RU-MOW": ["Mát-xcơ-va"],
    "PL-02": ["Lower Silesia", "Hạ Silesia", "Dolnośląskie"],
    "CZ-41": ["Karlovy Vary"],
    "FR-NAQ": ["Nouvelle Aquitaine"],
    "FR/aquitaine": ["vùng Aquitaine"],
    "CU-01": ["Pinar del Río"],
    "PH-BEN": ["BenGuet", "Benguet", "Bengue"],
    "MN-1": ["Ulaanbaatar"],
    "BY-HM": ["Minsk"],
    "AU-NT": ["Northern Territory"],
    "TH-34": ["Ubon Ratchathani"],
}


@pytest.mark.parametrize(("key", "spelling"), [(k, s) for k, forms in VARIANTS.items() for s in forms])
def test_spelling_variants(gz: Gazetteer, key: str, spelling: str) -> None:
    found = gz.lookup(spelling)
    assert found and found[0].key == key and found[0].method in {"exact", "folded"}
    assert found[0].score == max(c.score for c in found)


def test_candidate_fields(gz: Gazetteer) -> None:
    xs = gz.lookup("Xay Sổm Bun", country="LA")[0]
    assert (xs.name, xs.name_vi, xs.level, xs.iso3166_2, xs.country, xs.parent) == (
        "Xaisomboun",
        "Xay Sổm Bun",
        "province",
        "LA-XS",
        "LA",
        None,
    )
    assert xs.score == 100 and xs.method == "exact" and "Xaysomboun" in xs.aliases
    assert gz.lookup("Xay Som Bun")[0].method == "folded"
    hekou = gz.lookup("Hà Khẩu", country="CN")[0]
    assert hekou.level == "district" and hekou.iso3166_2 is None and "CN-YN" in gz.ancestors(hekou.key)
    seo = gz.lookup("quận Seo (Daejoen, Hàn Quốc)")[0]
    assert seo.key == "KR-30/seo-gu" and seo.parent == "KR-30"


def test_ambiguity_is_returned(gz: Gazetteer) -> None:
    assert {c.key for c in gz.lookup("Viêng Chăn")} == {"LA-VI", "LA-VT"}
    assert gz.resolve("Viêng Chăn").ambiguous and gz.resolve("Viêng Chăn").best is None
    assert [c.key for c in gz.lookup("tỉnh Viêng Chăn")] == ["LA-VI"]
    assert [c.key for c in gz.lookup("Thủ đô Viêng Chăn")] == ["LA-VT"]
    assert {c.key for c in gz.lookup("Hà Nam")} == {"VN-63", "CN-HA"}
    assert [c.key for c in gz.lookup("Hà Nam", country="Trung Quốc")] == ["CN-HA"]


def test_country_and_kind_filters(gz: Gazetteer) -> None:
    assert [c.key for c in gz.lookup("Viêng Chăn", kinds={"city"})] == ["LA-VT"]
    assert gz.lookup("Kyoto", country="JP", kinds={"prefecture"})[0].key == "JP-26"
    assert gz.lookup("Xay Sổm Bun", country="KH") == []
    assert gz.lookup("Xay Sổm Bun (Lào)")[0].key == "LA-XS"
    with pytest.raises(ValueError):
        gz.lookup("Xay Sổm Bun", country="Atlantis")


@pytest.mark.parametrize(
    ("mention", "code"),
    [
        ("Lào", "LA"),
        ("CHDCND Lào", "LA"),
        ("nước Cộng hòa Dân chủ Nhân dân Lào", "LA"),
        ("Trung Quốc", "CN"),
        ("Hàn Quốc", "KR"),
        ("Đại Hàn Dân Quốc", "KR"),
        ("Nhật Bản", "JP"),
        ("LB Nga", "RU"),
        ("Liên bang Nga", "RU"),
        ("Nga", "RU"),
        ("Ba Lan", "PL"),
        ("Campuchia", "KH"),
        ("Cam-pu-chia", "KH"),
        ("Camphuchia", "KH"),
        ("Thái Lan", "TH"),
        ("Cộng hòa Czech", "CZ"),
        ("Séc", "CZ"),
        ("Philippin", "PH"),
        ("PhiLippin", "PH"),
        ("Philippines", "PH"),
        ("Cu-ba", "CU"),
        ("Cuba", "CU"),
        ("Mông Cổ", "MN"),
        ("Bê-la-rút", "BY"),
        ("Belarus", "BY"),
        ("Ô-xtrây-li-a", "AU"),
        ("Australia", "AU"),
        ("Úc", "AU"),
        ("Pháp", "FR"),
        ("Cộng hòa Pháp", "FR"),
        ("Mỹ", "US"),
        ("Hoa Kỳ", "US"),
        ("Singapore", "SG"),
        ("Israel", "IL"),
        ("Đức", "DE"),
        ("CHLB Đức", "DE"),
        ("Việt Nam", "VN"),
        ("Germany", "DE"),
        ("LA", "LA"),
    ],
)
def test_country_mentions(gz: Gazetteer, mention: str, code: str) -> None:
    assert gz.country_of(mention) == code


def test_unknown_country(gz: Gazetteer) -> None:
    assert gz.country_of("Atlantis") is None and gz.country_of("la") is None
    assert gz.countries.name_vi("LA") == "Lào"


def test_vietnamese_provinces(gz: Gazetteer) -> None:
    expect = {
        "Bắc Giang": "VN-54",
        "Bình Định": "VN-31",
        "Hà Tĩnh": "VN-23",
        "Hà Nội": "VN-HN",
        "Hanoi": "VN-HN",
        "Thua Thien Hue": "VN-26",
        "Lai Chau": "VN-01",
        "Kiên Giang": "VN-47",
        "tỉnh Sơn La": "VN-05",
        "Thành phố Hồ Chí Minh": "VN-SG",
        "TP.HCM": "VN-SG",
        "Cần Thơ": "VN-CT",
        "VN-33": "VN-33",
    }
    for name, key in expect.items():
        prov = gz.vn_province(name)
        assert prov is not None and prov.key == key and prov.iso3166_2 == key, name
    assert gz.vn_province("Lục Ngạn") is None and gz.vn_province("Xay Sổm Bun") is None
    post = gz.vn_province("Bắc Ninh", post2025=True)
    assert post is not None and post.key == "VN2025-24" and post.iso3166_2 is None


def test_vietnamese_districts(gz: Gazetteer) -> None:
    city = gz.lookup("thành phố Bắc Giang")
    assert [(c.key, c.level, c.parent) for c in city] == [("VN-54/bac_giang", "city", "VN-54")]
    assert [c.key for c in gz.vn_district("Lục Ngạn")] == ["VN-54/luc_ngan"]
    assert [c.key for c in gz.vn_district("thị xã Việt Yên", "VN-54")] == ["VN-54/viet_yen"]
    mai_son = gz.vn_district("Mai Sơn")
    assert [(c.key, c.parent) for c in mai_son] == [("VN-05/mai_son", "VN-05")]
    assert gz.vn_district("Mai Sơn", "Sơn La")[0].key == "VN-05/mai_son"
    assert gz.vn_district("Mai Sơn", "Bắc Giang") == []
    assert gz.vn_district("Hội An")[0].level == "city"
    assert gz.vn_district("Hue City")[0].parent == "VN-26"
    assert len(gz.vn_district("Châu Thành")) > 5  # many districts share the name: all are returned
    assert [c.key for c in gz.lookup("Bắc Giang", kinds={"province"})] == ["VN-54"]


def test_successions(gz: Gazetteer) -> None:
    succ = gz.successor("Bắc Giang")
    assert succ is not None
    key, effective = succ
    assert effective == date(2025, 7, 1)
    post = gz.get(key)
    assert post is not None and post.name == "Bắc Ninh"
    assert gz.successor("VN-31") == gz.successor("Gia Lai")
    hatinh = gz.successor("Hà Tĩnh")
    assert hatinh is not None and gz.get(hatinh.key).name == "Hà Tĩnh"  # type: ignore[union-attr]
    assert gz.predecessors(key) == ["VN-54", "VN-56"] == gz.predecessors("Bắc Ninh")
    assert gz.predecessors("Hồ Chí Minh") == ["VN-43", "VN-57", "VN-SG"]
    assert gz.successor("Xay Sổm Bun") is None


def test_unseen_misspelling_resolves_by_fuzzy_match(gz: Gazetteer) -> None:
    found = gz.lookup("Chungcheongbul")
    assert found[0].key == "KR-43" and found[0].method == "fuzzy" and found[0].score >= AUTO_THRESHOLD
    res = gz.resolve("Chungcheongbul")
    assert res.best is not None and res.best.key == "KR-43" and res.review == []
    assert gz.lookup("Savanakhet x", country="LA")[0].key == "LA-SV"


def test_low_confidence_fuzzy_match_goes_to_review(gz: Gazetteer) -> None:
    res = gz.resolve("Xiêng Khoảnh")  # one letter off: 91.7, under the auto-merge threshold
    assert res.candidates == [] and res.best is None
    assert res.review and res.review[0].candidate.key == "LA-XI"
    assert all(REVIEW_THRESHOLD <= r.candidate.score < AUTO_THRESHOLD for r in res.review)
    assert all(r.query == "Xiêng Khoảnh" for r in res.review)
    assert gz.lookup("Xiêng Khoảnh")[0].key == "LA-XI"  # lookup still lists it, with its score


def test_a_name_of_nothing(gz: Gazetteer) -> None:
    assert gz.lookup("Atlantis") == []
    assert gz.lookup("Qwxzv Plorb") == []
    assert gz.lookup("") == []
    res = gz.resolve("Atlantis")
    assert res.candidates == [] and res.review == []


def test_speed() -> None:
    start = time.perf_counter()
    fresh = Gazetteer(load_data())
    assert time.perf_counter() - start < 1.0
    names = [s for forms in VARIANTS.values() for s in forms]
    start = time.perf_counter()
    for _ in range(5):
        for name in names:
            fresh.lookup(name)
    per_lookup = (time.perf_counter() - start) / (5 * len(names))
    assert per_lookup < 1e-3
    assert get_gazetteer() is get_gazetteer()


def test_name_index_protocol_for_mention_finding(gz: Gazetteer) -> None:
    assert gz.levels("Huế") == {"vn:province", "vn:city"}
    assert gz.levels("Savannakhet") == {"province"} and gz.levels("Kyoto") == {"prefecture", "city"}
    assert gz.levels("Atlantis") == set() and gz.levels("Xiêng Khoảnh") == set()
    assert gz.is_country("Lào") and not gz.is_country("Savannakhet")
