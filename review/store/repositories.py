"""Small, explicit repositories over one session: users, contract files, cases, the audit trail.

They load and add rows; what a step of the workflow means (who may, which status follows) is decided in
review/workflow. Each returns ORM rows that stay valid for the unit of work they belong to.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from review.errors import RecordMissing, StoredFileCorrupt, StoredFileMissing
from review.store.models import (
    AuditEvent,
    Case,
    ClauseRecord,
    CommentRecord,
    ContractFile,
    DecisionRecord,
    DocumentVersion,
    FindingRecord,
    User,
    now,
)
from review.workflow.audit import GENESIS, chain_hash, event_content

AUDIT_LOCK = 72_401_001  # PostgreSQL advisory lock key: one appender at a time keeps the chain a line


class Users:
    def __init__(self, session: Session) -> None:
        self.session = session

    def named(self, name: str) -> User | None:
        return self.session.scalar(select(User).where(User.name == name))

    def add(self, name: str, role: str) -> User:
        user = User(name=name, role=role)
        self.session.add(user)
        self.session.flush()
        return user

    def all(self) -> list[User]:
        return list(self.session.scalars(select(User).order_by(User.name)))

    def names(self) -> dict[int, User]:
        return {user.id: user for user in self.all()}

    def count(self) -> int:
        return self.session.scalar(select(func.count()).select_from(User)) or 0


class Files:
    """Contract files by SHA-256: stored once (a second submit of the same bytes adds nothing), checked on read."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def put(self, data: bytes) -> str:
        digest = hashlib.sha256(data).hexdigest()
        dialect = self.session.get_bind().dialect.name
        insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
        # "do nothing" on conflict: two people submitting the same file at once both succeed
        self.session.execute(
            insert(ContractFile).values(sha256=digest, size=len(data), data=data).on_conflict_do_nothing()
        )
        return digest

    def get(self, digest: str) -> bytes:
        """The stored bytes; StoredFileMissing (E401) if absent, StoredFileCorrupt (E402) if they changed."""
        data = self.session.scalar(select(ContractFile.data).where(ContractFile.sha256 == digest))
        if data is None:
            raise StoredFileMissing(f"no stored contract file {digest[:12]}…")
        if hashlib.sha256(data).hexdigest() != digest:
            raise StoredFileCorrupt(
                f"the stored contract file {digest[:12]}… no longer matches its SHA-256; restore it from a backup"
            )
        return bytes(data)


class Cases:
    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, case_id: int, *, lock: bool = False) -> Case:
        """The case; `lock` holds its row to the end of the transaction (PostgreSQL: FOR UPDATE; SQLite's
        write transactions hold the whole database already), so changes to one case are made one at a time."""
        case = self.session.get(Case, case_id, with_for_update=lock or None)
        if case is None:
            raise RecordMissing(f"there is no case {case_id}")
        return case

    def add(self, case: Case) -> Case:
        self.session.add(case)
        self.session.flush()
        return case

    def finding(self, case_id: int, finding_id: int) -> FindingRecord:
        finding = self.session.get(FindingRecord, finding_id)
        if finding is None or finding.case_id != case_id:
            raise RecordMissing(f"case {case_id} has no finding {finding_id}")
        return finding

    def latest_version(self, case_id: int) -> int:
        version = self.session.scalar(
            select(func.max(DocumentVersion.version)).where(DocumentVersion.case_id == case_id)
        )
        return version or 0

    def documents(self, case_id: int, version: int | None = None) -> list[DocumentVersion]:
        query = select(DocumentVersion).where(DocumentVersion.case_id == case_id)
        if version is not None:
            query = query.where(DocumentVersion.version == version)
        return list(self.session.scalars(query.order_by(DocumentVersion.version, DocumentVersion.id)))

    def findings(self, case_id: int, version: int) -> list[FindingRecord]:
        query = select(FindingRecord).where(FindingRecord.case_id == case_id, FindingRecord.version == version)
        return list(self.session.scalars(query.order_by(FindingRecord.id)))

    def clauses(self, case_id: int, version: int) -> list[ClauseRecord]:
        query = (
            select(ClauseRecord)
            .join(DocumentVersion, ClauseRecord.document_id == DocumentVersion.id)
            .where(ClauseRecord.case_id == case_id, DocumentVersion.version == version)
            .order_by(DocumentVersion.id, ClauseRecord.position)
        )
        return list(self.session.scalars(query))

    def comments(self, case_id: int) -> list[CommentRecord]:
        query = select(CommentRecord).where(CommentRecord.case_id == case_id).order_by(CommentRecord.id)
        return list(self.session.scalars(query))

    def decisions(self, case_id: int) -> list[DecisionRecord]:
        query = select(DecisionRecord).where(DecisionRecord.case_id == case_id).order_by(DecisionRecord.id)
        return list(self.session.scalars(query))


class AuditTrail:
    """The append-only, hash-chained trail. Appending takes the trail's lock (PostgreSQL: an advisory lock
    held to the end of the transaction; SQLite: the write lock the transaction already holds), so two
    transactions never chain to the same previous event."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def append(self, actor: str, action: str, case_id: int | None, payload: dict[str, Any]) -> AuditEvent:
        # Write the use case's own rows first: their row locks are then always taken before the trail's lock,
        # one order in every transaction, so two of them cannot deadlock.
        self.session.flush()
        if self.session.get_bind().dialect.name == "postgresql":
            self.session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": AUDIT_LOCK})
        previous = self.session.scalar(select(AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1)) or GENESIS
        at = now()
        event = AuditEvent(at=at, actor=actor, action=action, case_id=case_id, payload=payload, previous_hash=previous)
        event.hash = chain_hash(previous, event_content(at, actor, action, case_id, payload))
        self.session.add(event)
        self.session.flush()
        return event

    def of_case(self, case_id: int) -> list[AuditEvent]:
        query = select(AuditEvent).where(AuditEvent.case_id == case_id).order_by(AuditEvent.id)
        return list(self.session.scalars(query))

    def stream(self) -> Iterator[AuditEvent]:
        """Every event in the order appended, read in batches (the trail grows without end)."""
        yield from self.session.scalars(select(AuditEvent).order_by(AuditEvent.id).execution_options(yield_per=1000))
