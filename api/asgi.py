"""ASGI entry point for servers that import the app by name (`uvicorn api.asgi:app`, several
workers, the Docker image): settings come from the environment (HOPTAC_STORE, HOPTAC_API_KEY, ...)."""

from __future__ import annotations

from api.app import create_app
from api.settings import ApiSettings

app = create_app(ApiSettings.from_env())
