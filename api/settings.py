"""Settings read from the environment — the only place hoptac reads it."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

DEFAULT_STORE = "hoptac-data"
STORE_ENV = "HOPTAC_STORE"


def store_path(given: str | None) -> Path:
    """`--store DIR` if given, else $HOPTAC_STORE, else ./hoptac-data."""
    return Path(given or os.environ.get(STORE_ENV) or DEFAULT_STORE)


@dataclass(frozen=True)
class ApiSettings:
    """What the web app needs; every field has an environment variable."""

    store: Path
    api_key: str | None = None  # HOPTAC_API_KEY: without it the app is read-only
    max_upload_bytes: int = 10 * 1024 * 1024  # HOPTAC_MAX_UPLOAD
    query_timeout_s: float = 10.0  # HOPTAC_QUERY_TIMEOUT
    row_limit: int = 10_000  # HOPTAC_ROW_LIMIT

    @classmethod
    def from_env(cls, store: str | None = None) -> ApiSettings:
        env = os.environ
        return cls(
            store=store_path(store),
            api_key=env.get("HOPTAC_API_KEY") or None,
            max_upload_bytes=int(env.get("HOPTAC_MAX_UPLOAD", cls.max_upload_bytes)),
            query_timeout_s=float(env.get("HOPTAC_QUERY_TIMEOUT", cls.query_timeout_s)),
            row_limit=int(env.get("HOPTAC_ROW_LIMIT", cls.row_limit)),
        )
