"""FastAPI dependencies: the graph service and the settings of the running app."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from api.service import GraphService
from api.settings import ApiSettings


def get_service(request: Request) -> GraphService:
    service: GraphService = request.app.state.service
    return service


def get_settings(request: Request) -> ApiSettings:
    settings: ApiSettings = request.app.state.settings
    return settings


Service = Annotated[GraphService, Depends(get_service)]
Settings = Annotated[ApiSettings, Depends(get_settings)]
