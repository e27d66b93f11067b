"""Bringing a database up to the models: Alembic migrations, run in-process on an engine.

>>> from review.store.database import make_engine
>>> upgrade(make_engine("sqlite://"))                      # doctest: +SKIP
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, text

from review.store.database import writing

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# The full-text index differs by database and is made by migration 0002 alone, not by the models.
SEARCH_OBJECTS = ("document_search", "ix_document_versions_search", "search_vector")


def is_model_object(name: str | None, type_: str, parent_names: object) -> bool:
    """For Alembic's comparison of database and models: leave the full-text search objects out."""
    return not (name and name.startswith(SEARCH_OBJECTS))


def alembic_config(engine: Engine) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False))
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Apply every migration not yet applied, in one transaction (holding the write lock on SQLite, so two
    processes starting at once do not both migrate)."""
    with writing(engine).begin() as connection:
        if engine.dialect.name == "postgresql":  # two apps starting at once on a new database: one migrates
            connection.execute(text("SELECT pg_advisory_xact_lock(72401000)"))
        config = alembic_config(engine)
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
