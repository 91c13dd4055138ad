"""Settings read from the environment — the only place hoptac reads it."""

from __future__ import annotations

import os
from pathlib import Path

DEFAULT_STORE = "hoptac-data"
STORE_ENV = "HOPTAC_STORE"


def store_path(given: str | None) -> Path:
    """`--store DIR` if given, else $HOPTAC_STORE, else ./hoptac-data."""
    return Path(given or os.environ.get(STORE_ENV) or DEFAULT_STORE)
