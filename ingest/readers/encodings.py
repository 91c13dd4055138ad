"""The legacy 8-bit Vietnamese encodings TCVN3 ("ABC") and VNI-Windows, driven by tables kept as data.

The tables live in `ingest/data/encodings/{tcvn3,vni}.tsv`, one row per mapping (legacy bytes in hex ->
Unicode character); each file names its published source. Bytes 0x00-0x7F are ASCII in both encodings;
a byte that is in no row decodes as in Windows-1252. VNI letters are one or two bytes (base letter + mark
byte), so decoding takes the longest match.

>>> decode_legacy(b"Vi\\xd6t Nam", "tcvn3")
'Việt Nam'
>>> decode_legacy(b"Vie\\xe4t Nam", "vni")
'Việt Nam'
>>> encode_legacy("Việt Nam", "vni")
b'Vie\\xe4t Nam'
"""

from __future__ import annotations

import codecs
import functools
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

LEGACY_ENCODINGS = ("tcvn3", "vni")
_DATA = Path(__file__).resolve().parent.parent / "data" / "encodings"


@dataclass(frozen=True, slots=True)
class LegacyTable:
    """One encoding's mappings, ready for fast decoding and encoding.

    Decoding is two C-speed passes: `codecs.charmap_decode` gives every byte its one-byte meaning
    (`singles`, 256 characters), then a regex joins base letter + mark into the two-byte letters
    (`pairs`, keyed by the one-byte meanings, which are unique for the bytes involved; VNI only).
    """

    name: str
    singles: str
    pairs: dict[str, str]
    pair_pattern: re.Pattern[str] | None
    encode_map: dict[int, str]  # Unicode code point -> legacy bytes as a latin-1 string


def _cp1252(byte: int) -> str:
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        return bytes([byte]).decode("latin-1")


def _rows(name: str) -> list[tuple[bytes, str, str]]:
    rows = []
    for line in (_DATA / f"{name}.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        hexbytes, codepoint, _char, direction = line.split("\t")[:4]
        rows.append((bytes.fromhex(hexbytes), chr(int(codepoint[2:], 16)), direction))
    return rows


@functools.cache
def table(name: str) -> LegacyTable:
    """Load the table of `name` ("tcvn3" or "vni") from its TSV file.

    >>> table("vni").pairs["aù"]  # bytes 61 f9
    'á'
    """
    if name not in LEGACY_ENCODINGS:
        raise ValueError(f"unknown legacy encoding {name!r}")
    rows = _rows(name)
    decoding = {raw: char for raw, char, direction in rows if direction == "both"}
    singles = "".join(decoding.get(bytes([b]), chr(b) if b < 0x80 else _cp1252(b)) for b in range(256))
    pairs = {singles[raw[0]] + singles[raw[1]]: char for raw, char in decoding.items() if len(raw) == 2}
    if any(singles.count(c) != 1 for key in pairs for c in key):
        raise ValueError(f"{name}: a byte of a two-byte letter shares its one-byte meaning")
    used = {b for raw in decoding for b in raw}
    encode_map = {ord(singles[b]): chr(b) for b in range(0x80, 0x100) if b not in used}
    encode_map.update({ord(char): raw.decode("latin-1") for raw, char, _ in rows})
    pattern = None
    if pairs:
        bases, marks = ("".join(sorted({key[i] for key in pairs})) for i in (0, 1))
        pattern = re.compile(f"[{re.escape(bases)}][{re.escape(marks)}]")
    return LegacyTable(name, singles, pairs, pattern, encode_map)


def decode_legacy(data: bytes, name: str) -> str:
    """Decode TCVN3 or VNI bytes to NFC text (longest match first); never fails."""
    t = table(name)
    text: str = codecs.charmap_decode(data, "strict", t.singles)[0]
    if t.pair_pattern is not None:
        pairs = t.pairs
        text = t.pair_pattern.sub(lambda m: pairs.get(m[0], m[0]), text)
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


@functools.cache
def alphabet(name: str) -> frozenset[str]:
    """Every non-ASCII character that survives an encode/decode round trip in `name`."""
    t = table(name)
    candidates = {c for c in set(t.singles[0x80:]) | set(t.pairs.values()) if ord(c) in t.encode_map}
    return frozenset(c for c in candidates if decode_legacy(encode_legacy(c, name), name) == c)


def encode_legacy(text: str, name: str) -> bytes:
    """Encode text as TCVN3 or VNI; raises ValueError naming the first character the table lacks.

    TCVN3 has no capital letters with a tone mark: they are written as the small letter.
    """
    t = table(name)
    text = unicodedata.normalize("NFC", text)
    missing = next((c for c in text if ord(c) > 0x7F and ord(c) not in t.encode_map), None)
    if missing is not None:
        raise ValueError(f"{name} cannot encode {missing!r} (U+{ord(missing):04X})")
    return text.translate(t.encode_map).encode("latin-1")


_CAPS = "A-ZĂÂÊÔƠƯĐ"
_SMALL_MARKED = "".join(sorted({c for _, c, way in _rows("tcvn3") if way == "both" and c.islower()}))
_LETTERS = f"[{_CAPS}{_SMALL_MARKED}]"
_CAP_WORD = re.compile(  # a word of capitals and small marked letters, with at least two capitals
    rf"(?<![^\W\d_])(?={_LETTERS}*[{_CAPS}]{_LETTERS}*[{_CAPS}])"
    rf"{_LETTERS}*[{_SMALL_MARKED}]{_LETTERS}*(?![^\W\d_])"
)


def restore_capitals(text: str) -> str:
    """Undo TCVN3's lack of toned capitals in words written in capitals (a heuristic).

    A word with no small ASCII letter and at least two capitals is taken to be all capitals; a word
    with a single capital ("Bộ", but also "XÃ" written "Xã") is left as it is.

    >>> restore_capitals("CộNG HOà Xã HộI")
    'CỘNG HOÀ Xã HỘI'
    """
    return _CAP_WORD.sub(lambda m: m[0].upper(), text)
