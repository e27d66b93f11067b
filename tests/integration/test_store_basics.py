"""The store's foundations on real parts: a real SQLite file and the PostgreSQL server of this machine
(127.0.0.1:5432, database test)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from review.errors import DatabaseUnavailable
from review.store.database import ENVIRONMENT_VARIABLE, database_url, make_engine
from tests.conftest import POSTGRES


def test_database_url_prefers_given_then_environment_then_embedded_sqlite() -> None:
    assert database_url({ENVIRONMENT_VARIABLE: "sqlite:///x.db"}, given="postgresql+psycopg://h/db").startswith(
        "postgres"
    )
    assert database_url({ENVIRONMENT_VARIABLE: "sqlite:///x.db"}) == "sqlite:///x.db"
    assert database_url({}).startswith("sqlite:///") and database_url({}).endswith("reviews.sqlite3")


def test_sqlite_engine_uses_write_ahead_logging_and_foreign_keys(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'sub' / 'reviews.sqlite3'}")
    with engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
    assert (tmp_path / "sub" / "reviews.sqlite3").exists()


def test_postgresql_engine_connects_to_the_real_server() -> None:
    with make_engine(POSTGRES).connect() as connection:
        assert connection.execute(text("select 1")).scalar() == 1


def test_bad_database_url_is_a_coded_error() -> None:
    with pytest.raises(DatabaseUnavailable, match="not a database URL"):
        make_engine("reviews.db")
