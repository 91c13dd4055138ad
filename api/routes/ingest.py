"""POST /ingest: upload a document, behind an API key; without a configured key the app is read-only."""

from __future__ import annotations

import hashlib
import secrets
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Header, HTTPException, UploadFile

from api.deps import Service, Settings
from ingest.pipeline import ingest_file
from ingest.readers import SUPPORTED_SUFFIXES

router = APIRouter()


def _check_key(configured: str | None, given: str | None) -> None:
    if not configured:
        raise HTTPException(403, "this hoptac is read-only: no API key is configured (HOPTAC_API_KEY)")
    if not given or not secrets.compare_digest(configured, given):
        raise HTTPException(401, "missing or wrong API key (header X-API-Key)")


async def _read_limited(upload: UploadFile, limit: int) -> bytes:
    data = await upload.read(limit + 1)
    if len(data) > limit:
        raise HTTPException(413, f"{upload.filename}: larger than the upload limit of {limit} bytes")
    return data


@router.post("/ingest", summary="Upload and ingest one document (API key required)")
async def ingest(
    service: Service, settings: Settings, file: UploadFile,
    x_api_key: Annotated[str | None, Header()] = None,
) -> dict[str, Any]:  # fmt: skip
    _check_key(settings.api_key, x_api_key)
    name = Path(file.filename or "upload").name
    suffix = Path(name).suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise HTTPException(415, f"{name}: unsupported file type {suffix or '(none)'!r}; "
                                 f"supported: {', '.join(sorted(SUPPORTED_SUFFIXES))}")  # fmt: skip
    data = await _read_limited(file, settings.max_upload_bytes)
    folder = settings.store / "uploads"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{hashlib.sha256(data).hexdigest()[:16]}-{name}"
    path.write_bytes(data)
    with service.store() as st:
        result = ingest_file(str(path), st)
    if result.status == "failed":
        path.unlink(missing_ok=True)
        raise HTTPException(422, result.error or "ingest failed")
    service.reload()
    return {"source": result.source, "status": result.status, "document_id": result.document_id,
            "warnings": result.warnings}  # fmt: skip
