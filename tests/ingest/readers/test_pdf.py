"""The PDF reader: text layer read, scans and damaged files refused.

PDFs are made at test time with matplotlib (DejaVu Sans embedded as TrueType, so the text layer carries
Unicode). Lines are from examples/corpus/002_302798a028ef3b69.txt, lines 3-5.
"""

from __future__ import annotations

import io
import random
from collections.abc import Callable
from pathlib import Path

import pypdf
import pytest

from graph.errors import InputError
from ingest.readers import read_document
from ingest.readers.pdf import NO_TEXT_LAYER

PAGE_1 = ["KẾ HOẠCH", "Thực hiện Thỏa thuận hợp tác giữa UBND tỉnh Bắc Giang"]
PAGE_2 = ["và Chính quyền tỉnh Xay Sổm Bun (Lào) giai đoạn 2021-2025"]


def _write(tmp_path: Path, data: bytes, name: str = "ke-hoach.pdf") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_text_layer_pages_joined_by_newline(
    tmp_path: Path, make_pdf: Callable[[list[list[str]]], bytes]
) -> None:
    path = _write(tmp_path, make_pdf([PAGE_1, PAGE_2]))
    document = read_document(path)
    assert document.text == "\n".join(PAGE_1 + PAGE_2)
    assert (document.format, document.source) == ("pdf", str(path))


def test_pdf_without_text_layer_is_refused(tmp_path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.patches import Rectangle

    figure = plt.figure()
    figure.add_artist(Rectangle((0.2, 0.2), 0.5, 0.5))  # a drawing, as a scanned page would be an image
    buffer = io.BytesIO()
    figure.savefig(buffer, format="pdf")
    plt.close(figure)
    path = _write(tmp_path, buffer.getvalue(), "scan.pdf")
    with pytest.raises(InputError) as caught:
        read_document(path)
    assert str(caught.value) == f"{path}: {NO_TEXT_LAYER}"
    assert "no text layer" in caught.value.problem


def _encrypted(data: bytes, user_password: str) -> bytes:
    writer = pypdf.PdfWriter()
    writer.append(pypdf.PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password, owner_password="owner", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def test_pdf_locked_only_against_editing_is_read(
    tmp_path: Path, make_pdf: Callable[[list[list[str]]], bytes]
) -> None:
    path = _write(tmp_path, _encrypted(make_pdf([PAGE_2]), user_password=""))
    assert read_document(path).text == PAGE_2[0]


@pytest.mark.parametrize(
    ("case", "problem"),
    [
        ("random bytes", "not a valid PDF file (no %PDF- header)"),
        ("truncated", "not a valid PDF file"),
        ("header then garbage", "not a valid PDF file"),
        ("password", "PDF is encrypted and needs a password"),
    ],
)
def test_damaged_or_locked_pdf_is_refused(
    tmp_path: Path, make_pdf: Callable[[list[list[str]]], bytes], case: str, problem: str
) -> None:
    good = make_pdf([PAGE_1])
    data = {
        "random bytes": random.Random(5).randbytes(3000),
        "truncated": good[: len(good) // 3],
        "header then garbage": b"%PDF-1.4\n" + random.Random(6).randbytes(600),
        "password": _encrypted(good, user_password="secret"),
    }[case]
    path = _write(tmp_path, data, "hong.pdf")
    with pytest.raises(InputError) as caught:
        read_document(path)
    assert caught.value.source == str(path)
    assert caught.value.problem.startswith(problem)
