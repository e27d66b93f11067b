from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

DATA = Path(__file__).parent / "data"
CONTRACTS = DATA / "contracts"  # small text contracts written for the tests (cloud-services v1 and v2)
INTAKE = DATA / "intake" / "permit-portal.yaml"  # the example intake of a department's purchase
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
# The PostgreSQL server of this machine (trust auth); tests that need a database of their own create one.
POSTGRES = os.environ.get("CONTRACT_REVIEW_TEST_POSTGRES", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


@pytest.fixture
def data_dir() -> Path:
    return DATA


def corpus_path(*parts: str) -> Path:
    """A file of the shared corpus, which CI lays beside the checkout (../shared/corpus)."""
    path = CORPUS.joinpath(*parts)
    assert path.exists(), f"the shared corpus is expected at {CORPUS}"
    return path


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A database of its own on the PostgreSQL server, dropped afterwards (even if connections are left)."""
    name = f"review_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(POSTGRES, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield POSTGRES.rsplit("/", 1)[0] + f"/{name}"
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'reviews.sqlite3'}"


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request: pytest.FixtureRequest) -> str:
    """The URL of an empty database: a real SQLite file, then a fresh database on the PostgreSQL server."""
    return request.getfixturevalue("sqlite_url" if request.param == "sqlite" else "postgres_url")
