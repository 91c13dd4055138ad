"""Vietnamese numbers, exactly: "." groups thousands and "," marks decimals ("2.901,81" is 2901.81).

Parsed with `decimal.Decimal`, never float, so "33.400.000.000" stays 33400000000 to the unit.
Foreign habits are read too when they cannot be Vietnamese: several commas group thousands
("1,150,000"), a dot not followed by exactly three digits is a decimal point ("1.5").

>>> parse_vn_number("2.901,81"), parse_vn_number("10.000"), plain(parse_vn_number("48,110"))
(Decimal('2901.81'), Decimal('10000'), '48.11')
>>> format_vn_number(Decimal("33400000000")), format_vn_number(Decimal("1.5"))
('33.400.000.000', '1,5')
>>> plain(Decimal("2.6E+9"))
'2600000000'
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from graph.errors import InputError

# Digits with "." / "," separators; no other character (a subscript or footnote digit is not a digit here).
NUMBER = r"[0-9]+(?:[.,][0-9]+)*"
_NUMBER_RE = re.compile(NUMBER)
_GROUPED = {sep: re.compile(r"[0-9]{1,3}(?:" + re.escape(sep) + r"[0-9]{3})+") for sep in ".,"}


def _grouped(text: str, sep: str) -> bool:
    """True for "33.400.000.000" with sep ".": one to three digits, then groups of exactly three."""
    return _GROUPED[sep].fullmatch(text) is not None


def parse_vn_number(text: str) -> Decimal:
    """The exact value of a number written the Vietnamese way (see the module docstring).

    Raises `InputError` for anything that is not digits with separators.
    """
    if not _NUMBER_RE.fullmatch(text):
        raise InputError(repr(text), "not a number (digits with '.' and ',' separators)")
    dots, commas = text.count("."), text.count(",")
    if dots and commas:  # the later separator marks decimals: "2.901,81" (vi) or "1,150.5" (en)
        dec = "," if text.rfind(",") > text.rfind(".") else "."
        grp = "." if dec == "," else ","
        whole, _, frac = text.rpartition(dec)
        if not _grouped(whole, grp) and grp in whole:
            raise InputError(repr(text), "thousands groups must have three digits")
        return _decimal(whole.replace(grp, "") + "." + frac, text)
    if dots:
        # "33.400.000.000", "6.822": groups of three; "1.5": a foreign decimal point
        if _grouped(text, "."):
            return _decimal(text.replace(".", ""), text)
        return _decimal(text, text, invalid=dots > 1)
    if commas > 1 and _grouped(text, ","):  # "1,150,000": English grouping
        return _decimal(text.replace(",", ""), text)
    return _decimal(text.replace(",", "."), text, invalid=commas > 1)


def _decimal(canonical: str, given: str, invalid: bool = False) -> Decimal:
    try:
        if invalid:
            raise InvalidOperation
        return Decimal(canonical)
    except InvalidOperation:
        raise InputError(repr(given), "not a well-formed number") from None


def format_vn_number(value: Decimal) -> str:
    """`value` written the Vietnamese way: thousands grouped by ".", decimals after ","."""
    sign = "-" if value < 0 else ""
    whole, _, frac = plain(abs(value)).partition(".")
    groups: list[str] = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    return sign + ".".join(groups) + ("," + frac if frac else "")


def plain(value: Decimal) -> str:
    """The canonical string of an exact value: no exponent, no trailing zeros after the point."""
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text or "0"
