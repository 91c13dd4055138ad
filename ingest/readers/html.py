"""HTML pages (e.g. saved news articles): the main text, one paragraph per line, never touching the network.

The bytes are decoded by a BOM, else the charset declared in the first 4 KB (<meta charset>,
<meta http-equiv="Content-Type">, or the XML declaration), else UTF-8. The main text is taken by
trafilatura, offline and favouring recall (tables kept, comments dropped), with the page title first;
if trafilatura finds nothing, every visible text block of the page is kept instead (scripts, styles,
navigation, header, footer and asides dropped).
"""

from __future__ import annotations

import codecs
import re
import unicodedata

import lxml.html
import trafilatura
from lxml import etree

from graph.errors import InputError
from ingest.readers.base import RawDocument

_DECLARED = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9._:-]+)""",
    re.IGNORECASE,
)
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_DROPPED = ("script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "button")
_BLOCKS = (
    "p",
    "div",
    "li",
    "tr",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "section",
    "article",
    "table",
    "dt",
    "dd",
    "figcaption",
)


def decode_html(data: bytes) -> tuple[str, str, tuple[str, ...]]:
    """Return (markup as NFC, encoding, warnings).

    >>> decode_html(b'<meta charset="windows-1258"><p>n\\xfd\\xf5\\xecc ngo\\xe0i')[:2]
    ('<meta charset="windows-1258"><p>nước ngoài', 'cp1258')
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _nfc(data.decode(codec, errors="replace")), codec, ()
    declared = _declared_encoding(data[:4096])
    for codec in dict.fromkeys((declared or "utf-8", "utf-8")):
        try:
            return _nfc(data.decode(codec)), codec, ()
        except UnicodeDecodeError:
            continue
    codec = declared or "utf-8"
    warning = f"bytes invalid in {codec} replaced by U+FFFD"
    return _nfc(data.decode(codec, errors="replace")), codec, (warning,)


def _nfc(text: str) -> str:
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def _declared_encoding(head: bytes) -> str | None:
    match = _DECLARED.search(head)
    if match is None:
        return None
    name = (match[1] or match[2]).decode("ascii").lower()
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def read_html(data: bytes, source: str) -> RawDocument:
    """Read an HTML page's bytes into a RawDocument holding its main text."""
    markup, encoding, warnings = decode_html(data)
    text = _main_text(markup)
    if not text:
        text = _visible_text(markup)
        warnings += ("main text not found; all visible text kept",)
    text = _nfc(text)
    if not text.strip():
        raise InputError(source, "no text found in the HTML page")
    return RawDocument(source=source, text=text, format="html", encoding=encoding, warnings=warnings)


def _main_text(markup: str) -> str:
    """trafilatura's main text with the title first; "" if it finds none. Works on the string only."""
    document = trafilatura.bare_extraction(
        markup, favor_recall=True, include_comments=False, include_tables=True, with_metadata=True
    )
    body = (getattr(document, "text", None) or "").strip()
    title = (getattr(document, "title", None) or "").strip()
    if body and title and not body.startswith(title):
        return f"{title}\n{body}"
    return body


def _visible_text(markup: str) -> str:
    """Every visible block of text, one per line (the fallback when trafilatura finds nothing)."""
    markup = re.sub(r"^\s*<\?xml[^>]*>", "", markup)
    try:
        root = lxml.html.fromstring(markup) if markup.strip() else None
    except (etree.ParserError, ValueError):
        return ""
    if root is None:
        return ""
    for element in list(root.iter(*_DROPPED)):
        element.drop_tree()
    for element in root.iter(*_BLOCKS):
        element.tail = "\n" + (element.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)
