"""The tables of a review store (STYLE 9): one declarative base with a constraint naming convention, typed
columns, and a version counter on the rows two reviewers may change at once (optimistic locking).

Contract files live in the database too, keyed by their SHA-256: a team's PostgreSQL server then holds
everything a reviewer needs, and one transaction covers a case and its files, so a killed process leaves
neither half a case nor an orphan file.

Alembic migrations in review/store/migrations build exactly these tables; a test fails when the two drift.
The full-text index over each document's text (SQLite: the FTS5 table `document_search`; PostgreSQL: the
generated column `document_versions.search_vector` and its GIN index) is made by migration 0002 only, since
it differs by database.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    DateTime,
    Dialect,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def now() -> datetime:
    return datetime.now(UTC)


class UtcDateTime(TypeDecorator[datetime]):
    """A point in time, always read back in UTC: SQLite keeps no zone and would hand back naive times, which a
    memo would then print as if they were local."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is not None and value.tzinfo is None:
            raise ValueError("a time for the store must carry its zone")
        return value.astimezone(UTC) if value is not None else None

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {dict[str, Any]: JSON, datetime: UtcDateTime()}


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    role: Mapped[str] = mapped_column(String(20))  # requester | reviewer | approver | admin
    created_at: Mapped[datetime] = mapped_column(default=now)


class Case(Base):
    """A contract a department submitted, through to a decision."""

    __tablename__ = "cases"

    id: Mapped[int] = mapped_column(primary_key=True)
    vendor: Mapped[str] = mapped_column(String(200), index=True)
    department: Mapped[str] = mapped_column(String(200), index=True)
    product: Mapped[str] = mapped_column(String(200))
    intake: Mapped[dict[str, Any]]
    status: Mapped[str] = mapped_column(String(40), index=True)
    submitted_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    submitted_at: Mapped[datetime] = mapped_column(default=now, index=True)
    updated_at: Mapped[datetime] = mapped_column(default=now, onupdate=now, index=True)
    row_version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = {"version_id_col": row_version}  # noqa: RUF012 (SQLAlchemy reads it as a class attribute)


class ContractFile(Base):
    """The bytes of a contract file, stored once under their SHA-256 and checked against it on every read."""

    __tablename__ = "contract_files"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int]
    data: Mapped[bytes] = mapped_column(LargeBinary)


class DocumentVersion(Base):
    """One file of one version of the contract (a set of files reviewed together shares the version)."""

    __tablename__ = "document_versions"
    __table_args__ = (UniqueConstraint("case_id", "version", "file_name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    version: Mapped[int]
    file_name: Mapped[str] = mapped_column(String(400))
    sha256: Mapped[str] = mapped_column(ForeignKey("contract_files.sha256"), index=True)
    format: Mapped[str] = mapped_column(String(20))
    pages: Mapped[int]
    types: Mapped[str] = mapped_column(Text)  # the clause types found, " a b ", so LIKE '% a %' finds one
    added_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    added_at: Mapped[datetime] = mapped_column(default=now)
    # Last, as it is long: SQLite reads the columns before it without walking its overflow pages.
    text: Mapped[str] = mapped_column(Text)  # as the review read it: searched in full text, quotes point into it


class ClauseRecord(Base):
    """A clause of a document version, with the types the classifier gave it (compared across versions)."""

    __tablename__ = "clauses"
    __table_args__ = (Index("ix_clauses_document_start", "document_id", "start"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("document_versions.id", ondelete="CASCADE"))
    position: Mapped[int]
    key: Mapped[str] = mapped_column(String(40))  # the segmenter's clause id ("c12")
    number: Mapped[str | None] = mapped_column(String(40))
    heading: Mapped[str | None] = mapped_column(String(400))
    text: Mapped[str] = mapped_column(Text)
    start: Mapped[int]  # where the clause is in its document's text
    end: Mapped[int]
    page: Mapped[int]
    types: Mapped[str] = mapped_column(Text)  # the clause's types (score 0.5 or more), " a b "


class FindingRecord(Base):
    """A finding of one version, as the engine reported it, with the reviewer's disposition."""

    __tablename__ = "findings"
    __table_args__ = (Index("ix_findings_case_version", "case_id", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    version: Mapped[int]
    document_id: Mapped[int | None] = mapped_column(ForeignKey("document_versions.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(40))  # the report's stable finding id
    rule: Mapped[str] = mapped_column(String(80), index=True)
    severity: Mapped[str] = mapped_column(String(10))
    kind: Mapped[str] = mapped_column(String(10))
    title: Mapped[str] = mapped_column(String(300))
    message: Mapped[str] = mapped_column(Text)
    quote: Mapped[str | None] = mapped_column(Text)
    page: Mapped[int | None]
    start: Mapped[int | None]
    end: Mapped[int | None]
    details: Mapped[dict[str, Any]]  # value, threshold, reference, fallback, why, clause ids, ...
    change: Mapped[str | None] = mapped_column(String(12))  # new | persisting, against the version before
    previous_id: Mapped[int | None] = mapped_column(ForeignKey("findings.id"))  # the finding it persists
    disposition: Mapped[str | None] = mapped_column(String(20))  # accept | flag | waive | false_positive
    reason: Mapped[str | None] = mapped_column(Text)
    disposed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    disposed_at: Mapped[datetime | None]
    row_version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": row_version}  # noqa: RUF012 (SQLAlchemy reads it as a class attribute)


class CommentRecord(Base):
    __tablename__ = "comments"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    finding_id: Mapped[int | None] = mapped_column(ForeignKey("findings.id", ondelete="CASCADE"))
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    text: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(default=now)


class DecisionRecord(Base):
    __tablename__ = "decisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    version: Mapped[int]  # the document version decided on
    decision: Mapped[str] = mapped_column(String(40))
    note: Mapped[str] = mapped_column(Text, default="")
    decided_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    at: Mapped[datetime] = mapped_column(default=now)


class AuditEvent(Base):
    """One step of the audit trail: append-only, each event chained by hash to the one before. `actor` and
    `case_id` are plain values, not foreign keys, so the trail outlives what it speaks of."""

    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=now)
    actor: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(60))
    case_id: Mapped[int | None] = mapped_column(index=True)
    payload: Mapped[dict[str, Any]]
    previous_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)
