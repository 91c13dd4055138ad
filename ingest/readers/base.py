"""What every reader returns."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class RawDocument:
    """A document's text as read from its file.

    `text` is Unicode NFC; every offset and quote hoptac stores refers to it. `source` is the path
    exactly as the user gave it.
    """

    source: str
    text: str
    format: str
    encoding: str | None = None
    warnings: tuple[str, ...] = field(default=())
