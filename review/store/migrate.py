"""Bringing a database up to the models: Alembic migrations, run in-process on an engine.

>>> from review.store.database import make_engine
>>> upgrade(make_engine("sqlite://"))                      # doctest: +SKIP
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text

from review.store.database import writing

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
HEAD = "0002"  # the newest migration's revision (a test checks it against Alembic's head)
# The full-text index differs by database and is made by migration 0002 alone, not by the models.
SEARCH_OBJECTS = ("document_search", "ix_document_versions_search", "search_vector")


def is_model_object(name: str | None, type_: str, parent_names: object) -> bool:
    """For Alembic's comparison of database and models: leave the full-text search objects out."""
    return not (name and name.startswith(SEARCH_OBJECTS))


def alembic_config(engine: Engine) -> Config:
    from alembic.config import Config  # Alembic takes most of a second to import: only when a store opens

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False))
    return config


def applied_revision(connection: Connection) -> str | None:
    """The revision the database was last migrated to; None for a database with no tables yet."""
    if not inspect(connection).has_table("alembic_version"):
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Apply every migration not yet applied, in one transaction (holding the write lock on SQLite, so two
    processes starting at once do not both migrate)."""
    with writing(engine).begin() as connection:
        if engine.dialect.name == "postgresql":  # two apps starting at once on a new database: one migrates
            connection.execute(text("SELECT pg_advisory_xact_lock(72401000)"))
        if revision == "head" and applied_revision(connection) == HEAD:
            return  # the usual case, without importing Alembic (most of a second at every start)
        from alembic import command

        config = alembic_config(engine)
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
