"""A review store and its unit of work: one transaction per use case, committed whole or not at all.

    >>> store = Store("sqlite:///reviews.sqlite3")            # doctest: +SKIP
    >>> with store.unit_of_work() as uow:                      # doctest: +SKIP
    ...     case = uow.cases.get(12)
    ...     uow.audit.append("ana", "comment", case.id, {"text": "ok"})

The store is built once per process (the app and the CLI each make one) and handed to the services; each
unit of work opens its own session, so background jobs each get theirs.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine
from sqlalchemy.exc import DatabaseError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from review.errors import ConcurrentChange, DatabaseUnavailable
from review.store.database import database_url, make_engine, writing
from review.store.migrate import upgrade
from review.store.repositories import AuditTrail, Cases, Files, Users


class UnitOfWork:
    """The repositories of one transaction."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.users = Users(session)
        self.files = Files(session)
        self.cases = Cases(session)
        self.audit = AuditTrail(session)


class Store:
    """The database the review cases live in: the URL given, else $CONTRACT_REVIEW_DB, else the embedded
    SQLite file in the user's data folder. Migrations run when it opens; an unreachable database is E403."""

    def __init__(self, url: str | None = None, *, migrate: bool = True) -> None:
        self.url = database_url(given=url)
        self.engine: Engine = make_engine(self.url)
        try:
            if migrate:
                upgrade(self.engine)
        except (DatabaseError, OSError) as error:  # unreachable, refused, not a database at all, a bad folder
            self.engine.dispose()
            reason = _first_line(error) if isinstance(error, DatabaseError) else str(error)
            raise DatabaseUnavailable(f"cannot open the database {self.safe_url}: {reason}") from None
        self._reading = sessionmaker(self.engine, expire_on_commit=False)
        self._writing = sessionmaker(writing(self.engine), expire_on_commit=False)

    @property
    def safe_url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def unit_of_work(self, *, write: bool = True) -> Iterator[UnitOfWork]:
        """A transaction: committed when the block ends, rolled back if it raises."""
        sessions = self._writing if write else self._reading
        try:
            with sessions.begin() as session:
                yield UnitOfWork(session)
        except StaleDataError:
            raise ConcurrentChange("someone else changed this case just now; nothing was overwritten") from None
        except OperationalError as error:
            raise DatabaseUnavailable(f"the database {self.safe_url} failed: {_first_line(error)}") from None

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


def _first_line(error: SQLAlchemyError) -> str:
    return str(getattr(error, "orig", error)).strip().splitlines()[0]
