"""The .txt reader and its encoding detection, and the TCVN3 / VNI tables.

Fixtures are built at test time by encoding real Vietnamese text from the sample corpus
(examples/corpus/002_302798a028ef3b69.txt, a Bắc Giang plan implementing the agreement with Xay Sổm Bun,
and examples/corpus/000_f94f0f2cb8a505fe.txt, a notice from the same province).
"""

from __future__ import annotations

import codecs
import random
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graph.errors import InputError
from ingest.readers import SUPPORTED_SUFFIXES, read_document
from ingest.readers.encodings import (
    _DATA,
    _rows,
    alphabet,
    decode_legacy,
    encode_legacy,
    restore_capitals,
)
from ingest.readers.txt import UNDECODABLE, is_syllable, score

# examples/corpus/002_302798a028ef3b69.txt, line 21-23 (no capital letter carries a tone mark, so the
# sentence survives TCVN3, which has no such capitals, unchanged)
SENTENCE = (
    "Căn cứ Luật Thỏa thuận quốc tế và nội dung đã ký kết, trên cơ sở khảo sát thực tế của đoàn công tác "
    "tỉnh Bắc Giang tại tỉnh Xay Sổm Bun (tháng 02 năm 2022)"
)
# examples/corpus/000_f94f0f2cb8a505fe.txt, line 3
MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"


def _write(tmp_path: Path, data: bytes, name: str = "doc.txt") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_sentences_are_from_the_corpus(corpus_text: Callable[[str], str]) -> None:
    assert SENTENCE in " ".join(corpus_text("002").split())
    assert MOTTO in corpus_text("000")


UNICODE_FORMS: dict[str, tuple[Callable[[str], bytes], str]] = {
    "utf-8": (lambda t: t.encode("utf-8"), "utf-8"),
    "utf-8 with BOM": (lambda t: t.encode("utf-8-sig"), "utf-8-sig"),
    "utf-16-le with BOM": (lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"), "utf-16"),
    "utf-16-be with BOM": (lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"), "utf-16"),
    "utf-16-le without BOM": (lambda t: t.encode("utf-16-le"), "utf-16-le"),
    "utf-16-be without BOM": (lambda t: t.encode("utf-16-be"), "utf-16-be"),
}


@pytest.mark.parametrize("form", sorted(UNICODE_FORMS))
def test_unicode_encodings_read_back_the_whole_document(
    tmp_path: Path, corpus_text: Callable[[str], str], form: str
) -> None:
    encode, expected_encoding = UNICODE_FORMS[form]
    original = corpus_text("002")
    document = read_document(_write(tmp_path, encode(original)))
    assert document.text == original
    assert document.encoding == expected_encoding
    assert document.format == "txt"


@pytest.mark.parametrize("text", [SENTENCE, "__whole__"])
def test_cp1258_with_combining_tone_marks_reads_back_as_nfc(
    tmp_path: Path, corpus_text: Callable[[str], str], to_cp1258: Callable[[str], bytes], text: str
) -> None:
    original = corpus_text("002") if text == "__whole__" else SENTENCE
    document = read_document(_write(tmp_path, to_cp1258(original)))
    assert document.encoding == "cp1258"
    assert document.text == original


@pytest.mark.parametrize("text", [SENTENCE, "__whole__"])
def test_vni_reads_back(tmp_path: Path, corpus_text: Callable[[str], str], text: str) -> None:
    original = corpus_text("002") if text == "__whole__" else SENTENCE
    document = read_document(_write(tmp_path, encode_legacy(original, "vni")))
    assert document.encoding == "vni"
    assert document.text == original


def test_tcvn3_sentence_reads_back(tmp_path: Path) -> None:
    document = read_document(_write(tmp_path, encode_legacy(SENTENCE, "tcvn3")))
    assert document.encoding == "tcvn3"
    assert document.text == SENTENCE


def test_tcvn3_whole_document_reads_back_but_for_the_case_of_toned_capitals(
    tmp_path: Path, corpus_text: Callable[[str], str]
) -> None:
    original = corpus_text("002")
    document = read_document(_write(tmp_path, encode_legacy(original, "tcvn3")))
    assert document.encoding == "tcvn3"
    assert document.text.lower() == original.lower()
    assert "KẾ HOẠCH" in original and "Kế HOẠCH" in document.text  # one capital: case cannot be told
    assert document.warnings


def test_tcvn3_capitals_are_restored_in_words_with_two_capitals() -> None:
    decoded = decode_legacy(encode_legacy(MOTTO, "tcvn3"), "tcvn3")
    assert decoded == "CộNG HòA Xã HộI CHủ NGHĩA VIệT NAM"
    assert restore_capitals(decoded) == "CỘNG HÒA Xã HỘI CHỦ NGHĨA VIỆT NAM"


def test_crlf_line_ends_become_lf(tmp_path: Path) -> None:
    document = read_document(_write(tmp_path, "Số: /TB-UBND\r\n\r\nTHÔNG BÁO\r".encode()))
    assert document.text == "Số: /TB-UBND\n\nTHÔNG BÁO\n"


def test_decomposed_utf8_becomes_nfc(tmp_path: Path) -> None:
    document = read_document(_write(tmp_path, "Tho\u0309a thua\u0302\u0323n".encode()))
    assert document.text == "Thỏa thuận"


def test_mostly_utf8_with_one_bad_byte_is_read_with_a_warning(
    tmp_path: Path, corpus_text: Callable[[str], str]
) -> None:
    data = corpus_text("002").encode() + b"\xff"
    document = read_document(_write(tmp_path, data))
    assert document.encoding == "utf-8"
    assert document.text.endswith("\ufffd")
    assert "U+FFFD" in document.warnings[0]


def test_random_bytes_are_refused_naming_the_file(tmp_path: Path) -> None:
    path = _write(tmp_path, random.Random(7).randbytes(4096), "noise.txt")
    with pytest.raises(InputError) as caught:
        read_document(path)
    assert str(caught.value) == f"{path}: {UNDECODABLE}"


def test_latin1_french_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, "Ça a été très déjà fêté à Noël".encode("latin-1"), "fr.txt")
    with pytest.raises(InputError, match=re.escape(UNDECODABLE)):
        read_document(path)


@pytest.mark.parametrize(
    ("data", "problem"), [(b"", "empty file"), (b" \r\n\t\n", "empty file (only white space)")]
)
def test_empty_file_is_refused(tmp_path: Path, data: bytes, problem: str) -> None:
    path = _write(tmp_path, data, "empty.txt")
    with pytest.raises(InputError) as caught:
        read_document(path)
    assert caught.value.source == str(path)
    assert caught.value.problem == problem


def test_source_is_the_path_as_given(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _write(tmp_path, SENTENCE.encode())
    monkeypatch.chdir(tmp_path)
    assert read_document("./doc.txt").source == "./doc.txt"


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("sheet.xls", "unsupported file type '.xls'"),
        ("README", "unsupported file type (no suffix)"),
        ("missing.txt", "file not found"),
    ],
)
def test_unreadable_paths(tmp_path: Path, name: str, problem: str) -> None:
    with pytest.raises(InputError, match=re.escape(problem)) as caught:
        read_document(tmp_path / name)
    assert caught.value.source == str(tmp_path / name)


def test_supported_suffixes() -> None:
    assert {".txt", ".docx", ".pdf", ".html", ".htm"} == SUPPORTED_SUFFIXES


def test_syllable_check_and_score() -> None:
    assert [is_syllable(w) for w in ("Nguyễn", "quốc", "nghiêng", "khuỷu", "Sổm")] == [True] * 5
    assert [is_syllable(w) for w in ("Vieọt", "ViƯt", "Hµ", "été", "tiếngg")] == [False] * 5
    assert score("Thỏa thuận hợp tác UBND").good == 4  # ASCII words are no evidence either way
    assert score("Thá»a thuáº­n").value < 0


# --- the tables -------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["tcvn3", "vni"])
def test_table_file_cites_its_source(name: str) -> None:
    header = [
        line for line in (_DATA / f"{name}.tsv").read_text(encoding="utf-8").splitlines() if line[:1] == "#"
    ]
    assert any(line.startswith("# Source:") for line in header)
    assert any("ukengine/data.cpp" in line for line in header)


@pytest.mark.parametrize("name", ["tcvn3", "vni"])
def test_every_table_row_round_trips(name: str) -> None:
    for raw, char, direction in _rows(name):
        assert encode_legacy(char, name) == raw, (name, char)
        assert decode_legacy(raw, name) == (char if direction == "both" else char.lower()), (name, raw)


@pytest.mark.parametrize("name", ["tcvn3", "vni"])
def test_tables_cover_the_vietnamese_alphabet(name: str) -> None:
    letters = "aăâeêioôơuưy"
    toned = {
        unicodedata.normalize("NFC", v + t)
        for v in letters + letters.upper()
        for t in "\u0300\u0301\u0303\u0309\u0323"
    }
    expected = toned | set("ăâêôơưđĂÂÊÔƠƯĐ")
    if name == "tcvn3":  # no capitals with a tone mark in TCVN3
        expected = {c for c in expected if c.islower() or c in "ĂÂÊÔƠƯĐ"}
    assert expected <= alphabet(name)


def test_vni_takes_the_longest_match() -> None:
    assert decode_legacy(b"Vie\xe4t Nam \xd1o\xe0ng", "vni") == "Việt Nam Đồng"
    assert decode_legacy(b"\xe4", "vni") == "ä"  # a lone mark byte keeps its Windows-1252 meaning
    assert encode_legacy("ứ", "vni") == b"\xf6\xf9"


def test_encoding_a_character_outside_the_table_fails() -> None:
    with pytest.raises(ValueError, match="U\\+4E2D"):
        encode_legacy("中", "vni")


def _alphabet_text(name: str) -> st.SearchStrategy[str]:
    chars = sorted(c for c in alphabet(name) if c.isalpha()) + list(
        "abcdeghiklmnopqrstuvxyBCDGHKLMNPQRSTVX .,-"
    )
    return st.text(alphabet=st.sampled_from(chars), max_size=80)


@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_round_trip_of_random_vietnamese_strings(data: st.DataObject) -> None:
    name = data.draw(st.sampled_from(["tcvn3", "vni"]))
    text = data.draw(_alphabet_text(name))
    assert decode_legacy(encode_legacy(text, name), name) == text
