"""The migrations build exactly the models' tables, on a real SQLite file and on the PostgreSQL server."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Column, Engine, MetaData, String, inspect

from review.store.database import make_engine
from review.store.migrate import HEAD, alembic_config, applied_revision, is_model_object, upgrade
from review.store.models import Base


@pytest.fixture
def engine(database: str) -> Iterator[Engine]:
    engine = make_engine(database)
    yield engine
    engine.dispose()


@pytest.fixture
def sqlite_engine(sqlite_url: str) -> Engine:
    return make_engine(sqlite_url)


def _drift(engine: Engine, metadata: MetaData = Base.metadata) -> list[object]:
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_name": is_model_object})
        return list(compare_metadata(context, metadata))


def test_migrations_build_the_models_tables_without_drift(engine: Engine) -> None:
    upgrade(engine)
    assert _drift(engine) == []
    assert {"users", "cases", "contract_files", "document_versions", "clauses", "findings", "comments", "decisions",
            "audit_events"} <= set(inspect(engine).get_table_names())
    upgrade(engine)  # a second run finds nothing to do
    assert _drift(engine) == []


def test_migration_drift_check_sees_a_column_the_migrations_lack(sqlite_engine: Engine) -> None:
    upgrade(sqlite_engine)
    changed = MetaData(naming_convention=Base.metadata.naming_convention)
    for table in Base.metadata.tables.values():
        table.to_metadata(changed)
    changed.tables["cases"].append_column(Column("priority", String(10)))
    assert [entry[0] for entry in _drift(sqlite_engine, changed)] == ["add_column"]


def test_migrate_head_is_alembic_s_newest_revision_and_each_step_is_applied(sqlite_engine: Engine) -> None:
    # upgrade() skips Alembic when the database is at HEAD: a new migration must move HEAD, or it never runs
    assert ScriptDirectory.from_config(alembic_config(sqlite_engine)).get_current_head() == HEAD
    upgrade(sqlite_engine, "0001")  # a database made before the search index
    with sqlite_engine.connect() as connection:
        assert applied_revision(connection) == "0001"
    upgrade(sqlite_engine)
    with sqlite_engine.connect() as connection:
        assert applied_revision(connection) == HEAD
    assert "document_search" in inspect(sqlite_engine).get_table_names()
