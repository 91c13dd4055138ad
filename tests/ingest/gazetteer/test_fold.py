"""Property tests for the gazetteer's name keys."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ingest.gazetteer import compact_key, fold_key, strip_marks

VIETNAMESE = "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
names = st.text(alphabet=VIETNAMESE + VIETNAMESE.upper() + " -'.()ĐđŁłØ0123456789", max_size=40)


@settings(max_examples=300)
@given(st.text(max_size=40))
def test_fold_is_idempotent(text: str) -> None:
    assert fold_key(fold_key(text)) == fold_key(text)


@settings(max_examples=300)
@given(st.text(max_size=40))
def test_fold_ignores_diacritics(text: str) -> None:
    assert fold_key(text) == fold_key(strip_marks(text))


@given(names)
def test_fold_of_vietnamese_names_is_plain_ascii(text: str) -> None:
    key = fold_key(text)
    assert key.isascii()
    assert key == key.strip() and "  " not in key
    assert compact_key(text) == key.replace(" ", "")


@given(names)
def test_fold_ignores_case_and_hyphens(text: str) -> None:
    assert fold_key(text.upper()) == fold_key(text.lower()) == fold_key(text.replace("-", " "))


def test_examples() -> None:
    assert fold_key("A-nu-vông") == fold_key("A Nu Vông") == "a nu vong"
    assert fold_key("Đắk Lắk") == fold_key("Dak Lak") == "dak lak"
    assert fold_key("Hoà Bình") == fold_key("Hòa Bình")
    assert fold_key("Łódź") == "lodz"
    assert compact_key("NaKai") == compact_key("Na Kai")
