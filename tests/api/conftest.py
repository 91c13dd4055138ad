"""A web app over a store holding the sample corpus, shared by the API tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.settings import ApiSettings
from graph.store import Store
from ingest.pipeline import ingest_paths

CORPUS = Path(__file__).resolve().parents[2] / "examples" / "corpus"
API_KEY = "test-key-123"


@pytest.fixture(scope="session")
def corpus_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("api") / "store"
    with Store(folder) as st:
        ingest_paths([str(CORPUS)], st)
    return folder


@pytest.fixture(scope="session")
def client(corpus_store: Path) -> Iterator[TestClient]:
    with TestClient(create_app(ApiSettings(store=corpus_store))) as c:
        yield c


@pytest.fixture()
def writable_client(tmp_path: Path) -> Iterator[TestClient]:
    settings = ApiSettings(store=tmp_path / "store", api_key=API_KEY, max_upload_bytes=200_000)
    with TestClient(create_app(settings)) as c:
        yield c
