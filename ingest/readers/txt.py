"""Plain-text files: bytes -> NFC text, detecting the encoding.

Order of detection (the first that applies wins):

1. a byte-order mark: UTF-8 ("utf-8-sig"), UTF-16 LE/BE ("utf-16");
2. UTF-16 without a BOM, told by its NUL bytes: in Vietnamese text most characters are ASCII, whose
   UTF-16 form has a NUL high byte, so NULs pile up on odd offsets (LE) or even offsets (BE);
3. strict UTF-8 ("utf-8"); if a few byte sequences are invalid among at least 100 times as many valid
   multi-byte characters, UTF-8 with U+FFFD for them and a warning;
4. the 8-bit encodings Windows-1258 ("cp1258"), TCVN3 ("tcvn3") and VNI ("vni"): each candidate decoding
   of a sample is scored by how many of its non-ASCII words are valid Vietnamese syllables, minus the
   invalid ones and minus stray symbols or control characters. The best score wins; ties go to the
   earlier of cp1258, tcvn3, vni (cp1258 is a standard code page; TCVN3 was the official legacy
   encoding). If even the best has no valid word, or more evidence against than for, the file is refused.

Line ends are unified to "\\n" (as Python's text mode does), and the text is NFC.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from graph.errors import InputError
from ingest.readers.base import RawDocument
from ingest.readers.encodings import decode_legacy, restore_capitals

SAMPLE_BYTES = 64 * 1024
UTF8_EVIDENCE = 100  # valid multi-byte UTF-8 characters needed per invalid sequence to accept "mostly UTF-8"
UNDECODABLE = "cannot decode: not UTF-8, UTF-16, Windows-1258, TCVN3 or VNI"

_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_ONSET = "ngh|ng|gh|gi|kh|nh|ph|th|tr|ch|qu|[bcdđghklmnprstvx]"
_NUCLEUS = (
    "iêu|yêu|oai|oay|oao|oeo|uây|uôi|uya|uyê|uyu|ươi|ươu|"
    "ai|ao|au|ay|âu|ây|eo|êu|ia|iê|iu|oa|oă|oe|oi|ôi|ơi|oo|ua|uâ|uê|ui|uô|uơ|uy|ưa|ưi|ươ|ưu|yê|"
    "[aăâeêioôơuưy]"
)
_SYLLABLE = re.compile(rf"(?:{_ONSET})?(?:{_NUCLEUS})(?:ch|ng|nh|[cmnpt])?")
_TOKEN = re.compile(r"[^\W\d_]+")
_ALLOWED_SYMBOLS = frozenset("“”‘’‚„–—…•°«»§²³¹½¼©®™€£¥±×÷\u00a0\ufeff")
_JUNK = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufffd]|[^\x00-\x7f\w\s]")


@functools.lru_cache(maxsize=65536)
def is_syllable(word: str) -> bool:
    """True if `word` is a well-formed Vietnamese syllable (at most one tone mark).

    >>> is_syllable("Nguyễn"), is_syllable("quốc"), is_syllable("Vieọt"), is_syllable("Hµ")
    (True, True, False, False)
    """
    decomposed = unicodedata.normalize("NFD", word.lower())
    if sum(c in _TONES for c in decomposed) > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
    return _SYLLABLE.fullmatch(bare) is not None


@dataclass(frozen=True, slots=True)
class Score:
    """Evidence that a decoding is Vietnamese: valid and invalid non-ASCII words, stray characters."""

    good: int
    bad: int
    junk: int

    @property
    def value(self) -> int:
        return self.good - self.bad - self.junk

    @property
    def plausible(self) -> bool:
        return self.good > 0 and self.good > self.bad + self.junk


def score(text: str) -> Score:
    """Score a candidate decoding (already NFC)."""
    good = bad = 0
    for word in _TOKEN.findall(text):
        if not word.isascii():
            if is_syllable(word):
                good += 1
            else:
                bad += 1
    junk = sum(1 for c in _JUNK.findall(text) if c not in _ALLOWED_SYMBOLS)
    return Score(good, bad, junk)


def _decode_8bit(data: bytes, encoding: str) -> str | None:
    if encoding == "cp1258":
        try:
            return unicodedata.normalize("NFC", data.decode("cp1258"))
        except UnicodeDecodeError:
            return None
    return decode_legacy(data, encoding)


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    head = data[: SAMPLE_BYTES & ~1]
    if len(data) % 2 or len(head) < 4:
        return None
    half = len(head) // 2
    even, odd = head[0::2].count(0) / half, head[1::2].count(0) / half
    for codec, high, low in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if high >= 0.2 and low <= 0.02:
            try:
                return data.decode(codec), codec
            except UnicodeDecodeError:
                return None
    return None


def decode_bytes(data: bytes, source: str) -> tuple[str, str, tuple[str, ...]]:
    """Return (text, encoding, warnings) for the bytes of a .txt file; InputError if undecodable."""
    if data.startswith(b"\xef\xbb\xbf"):
        return _strict(data, "utf-8-sig", source), "utf-8-sig", ()
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _strict(data, "utf-16", source), "utf-16", ()
    if (found := _utf16_without_bom(data)) is not None:
        return found[0], found[1], ()
    try:
        return data.decode("utf-8"), "utf-8", ()
    except UnicodeDecodeError:
        pass
    replaced = data.decode("utf-8", errors="replace")
    bad_utf8 = replaced.count("\ufffd")
    good_utf8 = len(replaced) - len(replaced.encode("ascii", "ignore")) - bad_utf8
    if good_utf8 >= UTF8_EVIDENCE * bad_utf8:
        return replaced, "utf-8", (f"{bad_utf8} invalid UTF-8 byte sequence(s) replaced by U+FFFD",)
    return _decode_vietnamese_8bit(data, source)


def _decode_vietnamese_8bit(data: bytes, source: str) -> tuple[str, str, tuple[str, ...]]:
    sample = data[:SAMPLE_BYTES]
    best: tuple[Score, str] | None = None
    for encoding in ("cp1258", "tcvn3", "vni"):
        text = _decode_8bit(sample, encoding)
        current = score(text) if text is not None else None
        if current is not None and (best is None or current.value > best[0].value):
            best = (current, encoding)
    if best is None or not best[0].plausible:
        raise InputError(source, UNDECODABLE)
    encoding = best[1]
    text = _decode_8bit(data, encoding)
    if text is None:  # cp1258 accepted the sample but not the whole file
        raise InputError(source, UNDECODABLE)
    if encoding == "tcvn3":
        return (
            restore_capitals(text),
            encoding,
            ("TCVN3 has no capital letters with tone marks; capitals restored in all-capital words",),
        )
    return text, encoding, ()


def _strict(data: bytes, codec: str, source: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as err:
        raise InputError(source, f"cannot decode: invalid {codec.upper()} at byte {err.start}") from None


_NEWLINES = re.compile(r"\r\n?")


def read_txt(data: bytes, source: str) -> RawDocument:
    """Decode a .txt file's bytes into a RawDocument (NFC, "\\n" line ends)."""
    text, encoding, warnings = decode_bytes(data, source)
    text = _NEWLINES.sub("\n", text.lstrip("\ufeff"))
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if not text.strip():
        raise InputError(source, "empty file (only white space)")
    return RawDocument(source=source, text=text, format="txt", encoding=encoding, warnings=warnings)
