"""Generalisation: realistic sentences in the style of provincial documents and news, about provinces,
countries and spellings the rules were not written for. Each case: text, expected (Vietnamese party id,
foreign party id, status) triples — and nothing else."""

from __future__ import annotations

import pytest

from tests.ingest.extract.conftest import extract_rows

CASES: list[tuple[str, str, set[tuple[str, str, str]]]] = [
    ("vi-province-lao-signed",
     "Ngày 15/3/2023, tại thành phố Pạc Xế, UBND tỉnh Quảng Trị và Chính quyền tỉnh Savannakhet (Lào) đã ký "
     "Thỏa thuận hợp tác giai đoạn 2023-2027.",
     {("province/VN-25", "foreign/LA-SV", "signed")}),
    ("vi-variant-spelling-bolikhamxay",
     "Tỉnh Nghệ An và tỉnh Bô-li-khăm-xay (CHDCND Lào) tiếp tục triển khai Biên bản hợp tác giai đoạn 2021-2025.",
     {("province/VN-22", "foreign/LA-BL", "implemented")}),
    ("vi-cambodia-mou-to-be-signed",
     "UBND tỉnh Tây Ninh thống nhất sẽ ký Bản ghi nhớ hợp tác với tỉnh Svay Rieng (Campuchia) trong quý IV năm 2024.",
     {("province/VN-37", "foreign/KH-20", "to_be_signed")}),
    ("vi-thai-province-proposed",
     "Lãnh đạo tỉnh Savannakhet được mời dự. Đoàn công tác tỉnh Quảng Bình đề xuất thiết lập quan hệ hợp tác "
     "hữu nghị với tỉnh Nakhon Phanom (Thái Lan).",
     {("province/VN-24", "foreign/TH-48", "proposed")}),
    ("vi-china-county-district-twinning",
     "Huyện Bát Xát (tỉnh Lào Cai) và huyện Kim Bình, châu Hồng Hà, tỉnh Vân Nam, Trung Quốc đã ký kết thỏa thuận "
     "thiết lập quan hệ hữu nghị.",
     {("locality/VN-02/bat_xat", "foreign/CN-YN/jinping", "signed")}),
    ("vi-korea-city-renewed",
     "Thành phố Đà Nẵng và thành phố Daegu (Hàn Quốc) tái ký Biên bản ghi nhớ hợp tác giai đoạn 2024-2028.",
     {("province/VN-DN", "foreign/KR-27", "renewed")}),
    ("vi-japan-prefecture-signed-date",
     "Ngày 20/10/2022, tỉnh Quảng Nam và tỉnh Shizuoka (Nhật Bản) đã ký Bản ghi nhớ về hợp tác hữu nghị.",
     {("province/VN-27", "foreign/JP-22", "signed")}),
    ("vi-russia-oblast-negotiating",
     "Sở Ngoại vụ đang trao đổi với phía tỉnh Ulyanovsk (Liên bang Nga) về dự thảo Thỏa thuận hợp tác giữa "
     "tỉnh Bà Rịa - Vũng Tàu và tỉnh Ulyanovsk.",
     {("province/VN-43", "foreign/RU-ULY", "negotiating")}),
    ("vi-postponed",
     "Năm 2020, tỉnh Hà Nam dự kiến ký thỏa thuận hợp tác với tỉnh Gyeonggi (Hàn Quốc); tuy nhiên do dịch "
     "Covid-19 nên hai bên thống nhất hoãn lễ ký.",
     {("province/VN-63", "foreign/KR-41", "postponed")}),
    ("vi-police-agencies",
     "Công an tỉnh Điện Biên và Công an tỉnh Phông Sa Lỳ (Lào) ký kết Biên bản hợp tác về bảo đảm an ninh trật tự "
     "khu vực biên giới năm 2023.",
     {("agency/VN-71/cong-an", "agency/LA-PH/cong-an", "signed")}),
    ("vi-list-of-three-lao-provinces",
     "Tỉnh Thanh Hóa tiếp tục thực hiện các thỏa thuận hợp tác đã ký với các tỉnh Hủa Phăn, Luông Pha Bang và "
     "Viêng Chăn (Lào).",
     {("province/VN-21", "foreign/LA-HO", "implemented"), ("province/VN-21", "foreign/LA-LP", "implemented"),
      ("province/VN-21", "foreign/LA-VI", "implemented")}),
    ("vi-home-province-implicit",
     "Kế hoạch hợp tác năm 2024\nTỉnh Kon Tum\n\nNăm 2024, tỉnh tiếp tục triển khai Thỏa thuận hợp tác giữa "
     "UBND tỉnh và Chính quyền tỉnh Attapư (Lào) giai đoạn 2021-2025.",
     {("province/VN-28", "foreign/LA-AT", "implemented")}),
    ("vi-person-not-place",
     "Phó Chủ tịch UBND tỉnh Nguyễn Hồng Lĩnh chủ trì buổi làm việc; tỉnh Hà Tĩnh và tỉnh Khăm Muộn (Lào) thống "
     "nhất tăng cường hợp tác.",
     {("province/VN-23", "foreign/LA-KH", "implemented")}),
    ("vi-no-partnership-donation",
     "Tỉnh Hòa Bình trao tặng 500 triệu đồng hỗ trợ tỉnh Xiêng Khoảng (Lào) khắc phục hậu quả thiên tai.",
     set()),
    ("vi-no-partnership-country-level",
     "Kỷ niệm 60 năm Ngày thiết lập quan hệ ngoại giao Việt Nam – Lào, tỉnh Nghệ An tổ chức mít tinh.",
     set()),
    ("vi-in-contact-letter",
     "Chủ tịch UBND tỉnh Hưng Yên đã gửi công thư tới Thống đốc tỉnh Tochigi (Nhật Bản) bày tỏ mong muốn hợp tác.",
     {("province/VN-66", "foreign/JP-09", "proposed")}),
    ("vi-hyphen-pair",
     "Hội nghị đánh giá kết quả hợp tác Lai Châu - Phông Sa Lỳ năm 2023 được tổ chức tại thành phố Lai Châu.",
     {("province/VN-01", "foreign/LA-PH", "implemented")}),
    ("en-signed",
     "Binh Phuoc province and Cambodia's Kratie province signed a memorandum of understanding on cooperation for "
     "2023-2025.",
     {("province/VN-58", "foreign/KH-10", "signed")}),
    ("en-sister-city",
     "Hai Phong City and Incheon City of the Republic of Korea signed an agreement to establish sister city "
     "relations.",
     {("province/VN-HP", "foreign/KR-28", "signed")}),
    ("en-proposed",
     "The Governor of Tottori Prefecture proposed establishing friendly relations with Quang Ninh province.",
     {("province/VN-13", "foreign/JP-31", "proposed")}),
    ("en-implemented",
     "Over the years, Dien Bien province and Luang Prabang province of Laos have effectively implemented their "
     "cooperation agreement.",
     {("province/VN-71", "foreign/LA-LP", "implemented")}),
    ("vi-post-2025-province",
     "Tỉnh Gia Lai (mới) và tỉnh Ratanakiri (Campuchia) ký Biên bản thỏa thuận hợp tác giai đoạn 2025-2030.",
     {("province/VN-30", "foreign/KH-16", "signed")}),
    ("vi-district-lao-district",
     "UBND huyện Kỳ Sơn (Nghệ An) và Chính quyền huyện Noọng Hét, tỉnh Xiêng Khoảng (Lào) ký kết biên bản "
     "hợp tác toàn diện.",
     {("locality/VN-22/ky_son", "foreign/LA-XI/nonghet", "signed")}),
    ("vi-unknown-foreign-unit",
     "Thành phố Hội An và thành phố Bruges (Vương quốc Bỉ) đã ký thỏa thuận thiết lập quan hệ hợp tác hữu nghị.",
     {("locality/VN-27/hoi_an", "foreign/BE/bruges", "signed")}),
]  # fmt: skip


@pytest.mark.parametrize("name, text, expected", CASES, ids=[c[0] for c in CASES])
def test_snippet(name: str, text: str, expected: set[tuple[str, str, str]]) -> None:
    rows = extract_rows(text, f"{name}.txt")
    got = {(r["vn_party"]["id"], r["foreign_party"]["id"], r["status"]) for r in rows}
    assert got == expected


def test_at_least_twenty_snippets() -> None:
    assert len(CASES) >= 20
