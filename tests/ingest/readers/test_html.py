"""The HTML reader: a news page's main text, its declared charset, and no network.

The article paragraphs are from examples/corpus/002_302798a028ef3b69.txt (lines 9-27), set in a page
laid out like a Vietnamese provincial news site.
"""

from __future__ import annotations

import socket
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from graph.errors import InputError
from ingest.readers import read_document
from ingest.readers.html import decode_html

PARAGRAPHS = [
    "Nhân chuyến thăm hữu nghị chính thức nước Cộng hòa Dân chủ Nhân dân Lào của đồng chí Chủ tịch nước "
    "Nguyễn Xuân Phúc và Đoàn đại biểu cấp cao của Đảng, Nhà nước Cộng hòa Xã hội Chủ nghĩa Việt Nam, "
    "Ủy ban nhân dân tỉnh Bắc Giang và Chính quyền tỉnh Xay Sổm Bun (Lào) thống nhất ký Thỏa thuận hợp tác "
    "giai đoạn 2021-2025.",
    "Căn cứ Luật Thỏa thuận quốc tế và nội dung đã ký kết, trên cơ sở khảo sát thực tế của đoàn công tác "
    "tỉnh Bắc Giang tại tỉnh Xay Sổm Bun (tháng 02 năm 2022), UBND tỉnh Bắc Giang ban hành Kế hoạch "
    "thực hiện Thỏa thuận hợp tác giữa hai tỉnh.",
    "Cụ thể hóa và triển khai thực hiện có hiệu quả nội dung Thỏa thuận hợp tác giữa UBND tỉnh Bắc Giang và "
    "Chính quyền tỉnh Xay Sổm Bun giai đoạn 2021-2025, tăng cường sự hiểu biết, góp phần vun đắp, phát triển "
    "mối quan hệ hữu nghị truyền thống.",
]
MENU = ["Trang chủ", "Thời sự", "Kinh tế", "Thể thao", "Liên hệ quảng cáo"]
HEADLINE = "Bắc Giang triển khai Thỏa thuận hợp tác với tỉnh Xay Sổm Bun"


def news_page(charset: str = "utf-8") -> str:
    menu = "".join(f'<li><a href="/m{i}">{item}</a></li>' for i, item in enumerate(MENU))
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="{charset}"><title>{HEADLINE} - Báo Bắc Giang</title>
<script>var ads = "Quảng cáo";</script><style>.menu {{ color: red }}</style></head>
<body><header><div class="logo">Báo Bắc Giang điện tử</div><nav class="menu"><ul>{menu}</ul></nav></header>
<main><article><h1>{HEADLINE}</h1><p class="date">Thứ Sáu, 12/08/2022 - 08:15</p>{body}</article></main>
<aside><h3>Tin cùng chuyên mục</h3><ul><li><a href="/x">Hội nghị xúc tiến đầu tư</a></li></ul></aside>
<footer><p>Cơ quan chủ quản: Tỉnh ủy Bắc Giang. Giấy phép số 123/GP-BTTTT.</p></footer></body></html>"""


def _write(tmp_path: Path, data: bytes, name: str = "bai-bao.html") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("the HTML reader tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


@pytest.mark.usefixtures("no_network")
def test_article_text_kept_and_boilerplate_dropped(tmp_path: Path) -> None:
    path = _write(tmp_path, news_page().encode("utf-8"))
    document = read_document(path)
    lines = document.text.split("\n")
    for paragraph in PARAGRAPHS:
        assert paragraph in lines  # one paragraph per line
    assert lines[0] == HEADLINE
    for boilerplate in [*MENU, "Giấy phép số", "Tin cùng chuyên mục", "var ads", "color: red"]:
        assert boilerplate not in document.text
    assert (document.format, document.source, document.encoding) == ("html", str(path), "utf-8")


@pytest.mark.usefixtures("no_network")
def test_declared_windows_1258_charset(tmp_path: Path, to_cp1258: Callable[[str], bytes]) -> None:
    path = _write(tmp_path, to_cp1258(news_page(charset="windows-1258")), "cu.htm")
    document = read_document(path)
    assert document.encoding == "cp1258"
    assert PARAGRAPHS[0] in document.text  # combining tone marks composed to NFC


def test_charset_from_http_equiv_and_bad_bytes() -> None:
    markup = b'<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1"><p>Ngo\xe0i'
    assert decode_html(markup)[:2] == (markup.decode("latin-1"), "iso8859-1")
    text, encoding, warnings = decode_html(b"<p>Vi\xea\xff</p>")  # no charset, not UTF-8
    assert (text, encoding) == ("<p>Vi\ufffd\ufffd</p>", "utf-8")
    assert warnings


@pytest.mark.usefixtures("no_network")
def test_page_without_main_text_falls_back_to_visible_text(tmp_path: Path) -> None:
    # trafilatura discards a block classed as comments; the fallback keeps visible blocks but the footer
    markup = (
        '<html><body><div class="comments">Sở Ngoại vụ</div><footer>Giấy phép số 123</footer></body></html>'
    )
    path = _write(tmp_path, markup.encode())
    document = read_document(path)
    assert document.text == "Sở Ngoại vụ"
    assert "main text not found" in document.warnings[0]


def test_page_without_text_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, b"<html><head><script>x=1</script></head><body> </body></html>", "rong.html")
    with pytest.raises(InputError) as caught:
        read_document(path)
    assert str(caught.value) == f"{path}: no text found in the HTML page"
