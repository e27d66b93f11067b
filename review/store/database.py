"""Which database, and an engine for it: an embedded SQLite file in the user's data folder unless a URL is
given (`--db URL` or the CONTRACT_REVIEW_DB environment variable), e.g. a team's PostgreSQL server:
`postgresql+psycopg://user@host/reviews`.

    >>> database_url({"CONTRACT_REVIEW_DB": "sqlite:///reviews.db"})
    'sqlite:///reviews.db'
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

import platformdirs
from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError

from review.errors import DatabaseUnavailable

ENVIRONMENT_VARIABLE = "CONTRACT_REVIEW_DB"
APP_NAME = "contract-review"


def data_folder() -> Path:
    """The user's data folder for the app (platformdirs), where the SQLite file and contract files live."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def database_url(environment: Mapping[str, str] | None = None, given: str | None = None) -> str:
    """The URL given, else the environment variable's, else the embedded SQLite file."""
    environment = os.environ if environment is None else environment
    return given or environment.get(ENVIRONMENT_VARIABLE) or f"sqlite:///{data_folder() / 'reviews.sqlite3'}"


def make_engine(url: str) -> Engine:
    """An engine for the URL. SQLite gets its folder created, write-ahead logging (a killed process leaves
    the last committed state), foreign keys enforced and a busy timeout; a bad URL is E403."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise DatabaseUnavailable(
            f"{url!r} is not a database URL; use sqlite:///PATH or postgresql+psycopg://..."
        ) from None
    if parsed.get_backend_name() not in ("sqlite", "postgresql"):
        raise DatabaseUnavailable(f"{parsed.get_backend_name()} databases are not supported; use SQLite or PostgreSQL")
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            folder = Path(parsed.database).expanduser().parent
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise DatabaseUnavailable(f"cannot make the folder {folder}: {error.strerror}") from None
        engine = create_engine(parsed, connect_args={"timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    try:
        return create_engine(parsed, pool_pre_ping=True)
    except (ImportError, NoSuchModuleError):
        raise DatabaseUnavailable(f"no driver for {parsed.drivername}; use postgresql+psycopg://...") from None


def writing(engine: Engine) -> Engine:
    """The engine for transactions that write. On SQLite they take the write lock when they begin (BEGIN
    IMMEDIATE): a transaction that read first and then wrote would fail outright, rather than wait, if
    another process committed in between. PostgreSQL needs nothing: its row locks and version checks do it."""
    return engine.execution_options(writing=True)


def _sqlite_pragmas(connection: object, _: object) -> None:
    connection.isolation_level = None  # type: ignore[attr-defined]  # SQLAlchemy's "begin" event emits BEGIN
    cursor = connection.cursor()  # type: ignore[attr-defined]
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _sqlite_begin(connection: Connection) -> None:
    connection.exec_driver_sql("BEGIN IMMEDIATE" if connection.get_execution_options().get("writing") else "BEGIN")
