"""The .docx reader: paragraphs and tables in document order; damaged files refused.

Text snippets are from examples/corpus/004_6966cf54f7adf4ef.txt (Bắc Giang decision on its
international cooperation scheme) and examples/corpus/002_302798a028ef3b69.txt.
"""

from __future__ import annotations

import io
import random
from pathlib import Path

import docx
import openpyxl
import pytest

from graph.errors import InputError
from ingest.readers import read_document

BEFORE = "Căn cứ Luật Thỏa thuận quốc tế ngày 13/11/2020;"  # 004, line 17
AFTER = (
    "Điều 1. Ban hành kèm theo Quyết định này Đề án đẩy mạnh hợp tác quốc tế cấp địa phương"  # 004, line 27
)


def _docx_bytes() -> bytes:
    document = docx.Document()
    document.add_paragraph(BEFORE)
    table = document.add_table(rows=3, cols=3)
    for row, cells in enumerate(
        [
            ("STT", "Nội dung", "Thời gian"),
            ("1", "Trao đổi đoàn cấp cao", "Năm 2022"),
            ("2", "Hợp tác giáo dục", "2022-2025"),
        ]
    ):
        for column, text in enumerate(cells):
            table.cell(row, column).text = text
    table.cell(2, 1).add_paragraph("và đào tạo")  # a second paragraph in one cell stays on the row's line
    document.add_paragraph(AFTER)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_paragraphs_and_table_rows_in_document_order(tmp_path: Path) -> None:
    path = tmp_path / "quyet-dinh.docx"
    path.write_bytes(_docx_bytes())
    document = read_document(path)
    assert document.text.split("\n") == [
        BEFORE,
        "STT\tNội dung\tThời gian",
        "1\tTrao đổi đoàn cấp cao\tNăm 2022",
        "2\tHợp tác giáo dục và đào tạo\t2022-2025",
        AFTER,
    ]
    assert (document.format, document.source, document.encoding) == ("docx", str(path), None)


def test_merged_cells_are_read_once(tmp_path: Path) -> None:
    document = docx.Document()
    table = document.add_table(rows=1, cols=3)
    merged = table.cell(0, 0).merge(table.cell(0, 1))
    merged.text = "Tỉnh Xay Sổm Bun"
    table.cell(0, 2).text = "Lào"
    path = tmp_path / "merged.docx"
    document.save(str(path))
    assert read_document(path).text == "Tỉnh Xay Sổm Bun\tLào"


def _corrupt_cases() -> dict[str, bytes]:
    good = _docx_bytes()
    workbook = io.BytesIO()
    openpyxl.Workbook().save(workbook)
    return {
        "random bytes": random.Random(3).randbytes(2048),
        "truncated zip": good[: len(good) // 2],
        "spreadsheet renamed .docx": workbook.getvalue(),
    }


@pytest.mark.parametrize(
    ("case", "problem"),
    [
        ("random bytes", "not a valid .docx file (not a zip archive)"),
        ("truncated zip", "not a valid .docx file (zip archive is corrupt or truncated)"),
        ("spreadsheet renamed .docx", "not a valid .docx file (not a Word document"),
    ],
)
def test_damaged_docx_is_refused_naming_the_file(tmp_path: Path, case: str, problem: str) -> None:
    path = tmp_path / "hong.docx"
    path.write_bytes(_corrupt_cases()[case])
    with pytest.raises(InputError) as caught:
        read_document(path)
    assert caught.value.source == str(path)
    assert caught.value.problem.startswith(problem)
    assert str(caught.value).startswith(f"{path}: not a valid .docx file")


def test_document_without_text_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "blank.docx"
    docx.Document().save(str(path))
    with pytest.raises(InputError, match="document has no text"):
        read_document(path)
