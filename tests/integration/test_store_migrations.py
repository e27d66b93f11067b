"""The migrations build exactly the models' tables, on a real SQLite file and on the PostgreSQL server."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine, inspect, text

from review.store.database import make_engine
from review.store.migrate import upgrade
from review.store.models import Base
from tests.conftest import POSTGRES


@pytest.fixture
def sqlite_engine(tmp_path: Path) -> Engine:
    return make_engine(f"sqlite:///{tmp_path / 'reviews.sqlite3'}")


@pytest.fixture
def postgres_engine() -> Iterator[Engine]:
    """A database of its own on the server, dropped afterwards."""
    name = f"review_test_{uuid.uuid4().hex[:12]}"
    admin = make_engine(POSTGRES).execution_options(isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    engine = make_engine(POSTGRES.rsplit("/", 1)[0] + f"/{name}")
    try:
        yield engine
    finally:
        engine.dispose()
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
        admin.dispose()


def _drift(engine: Engine) -> list[object]:
    with engine.connect() as connection:
        return list(compare_metadata(MigrationContext.configure(connection), Base.metadata))


@pytest.mark.parametrize("engine_fixture", ["sqlite_engine", "postgres_engine"])
def test_migrations_build_the_models_tables_without_drift(engine_fixture: str, request: pytest.FixtureRequest) -> None:
    engine: Engine = request.getfixturevalue(engine_fixture)
    upgrade(engine)
    assert _drift(engine) == []
    assert {"users", "cases", "document_versions", "findings", "audit_events"} <= set(inspect(engine).get_table_names())
    upgrade(engine)  # a second run finds nothing to do
    assert _drift(engine) == []


def test_migration_drift_check_sees_a_column_the_migrations_lack(sqlite_engine: Engine) -> None:
    from sqlalchemy import Column, MetaData, String

    upgrade(sqlite_engine)
    changed = MetaData(naming_convention=Base.metadata.naming_convention)
    for table in Base.metadata.tables.values():
        table.to_metadata(changed)
    changed.tables["cases"].append_column(Column("priority", String(10)))
    with sqlite_engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), changed)
    assert [entry[0] for entry in diff] == ["add_column"]
