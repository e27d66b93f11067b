"""Reading cases: the queue, one case as a reviewer opens it, search across every case, the difference
between two versions, the audit trail's check, and a case's stored files. Nothing here changes anything.

    >>> [c.vendor for c in queries.list_cases(store, status="in_review")]         # doctest: +SKIP
    ['Acme Software Inc.', ...]
    >>> queries.search(store, "indemnify", department="Public Works")[0].snippet  # doctest: +SKIP
    'Customer shall [indemnify] and hold harmless ...'
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import Subquery, and_, case, func, select

from review.errors import RecordMissing
from review.model import SEVERITY_RANK
from review.store.models import Case, ClauseRecord, DecisionRecord, DocumentVersion, FindingRecord, User
from review.store.search import document_matches, first_match, snippet, words_of
from review.store.unit_of_work import Store, UnitOfWork
from review.workflow import audit
from review.workflow.versions import ClauseChange, diff_clauses
from review.workflow.views import (
    CaseOutcome,
    CaseSummary,
    CaseView,
    CommentView,
    DecisionView,
    DocumentView,
    EventView,
    FindingView,
)

QUEUE_PAGE = 50


@dataclass(frozen=True, slots=True)
class SearchHit:
    """A case that matched, with the clause that matched the words (when words were searched for)."""

    case: CaseSummary
    clause_id: int | None
    clause: str | None  # the clause's number and heading
    snippet: str | None


@dataclass(frozen=True, slots=True)
class VersionDiff:
    old: int
    new: int
    changes: tuple[ClauseChange, ...]
    old_clauses: tuple[ClauseRecord, ...]
    new_clauses: tuple[ClauseRecord, ...]


@dataclass(frozen=True, slots=True)
class AuditCheck:
    """What re-hashing the trail found. A chain cannot show that its newest events were cut off; two checks
    stand in for that: every decision in the tables has its event, and a head published earlier is still
    in the trail."""

    events: int
    first_broken: int | None  # the id of the first event changed, removed from before, or inserted
    head: str  # the newest event's hash: publish it (e.g. in the memo) to detect removals from the end later
    unrecorded: tuple[str, ...] = ()  # decisions the trail has no event for
    head_missing: bool = False  # the head given to check is not in the trail

    @property
    def holds(self) -> bool:
        return self.first_broken is None and not self.unrecorded and not self.head_missing


def list_cases(
    store: Store,
    *,
    status: str | None = None,
    department: str | None = None,
    limit: int = QUEUE_PAGE,
    offset: int = 0,
    order: Literal["newest", "oldest"] = "newest",
) -> list[CaseSummary]:
    """A page of the queue, by date submitted."""
    query = select(Case)
    if status:
        query = query.where(Case.status == status)
    if department:
        query = query.where(Case.department == department)
    by = (Case.submitted_at.desc(), Case.id.desc()) if order == "newest" else (Case.submitted_at, Case.id)
    with store.unit_of_work(write=False) as uow:
        cases = list(uow.session.scalars(query.order_by(*by).limit(limit).offset(offset)))
        return _summaries(uow, cases)


def search(
    store: Store,
    words: str = "",
    *,
    vendor: str | None = None,
    department: str | None = None,
    clause_type: str | None = None,
    rule: str | None = None,
    status: str | None = None,
    limit: int = QUEUE_PAGE,
) -> list[SearchHit]:
    """Cases with a contract document (any version) holding all the words, narrowed by vendor (part of the
    name), department, a clause type found in the document, a rule with a finding, and status. Newest first;
    each hit names the clause the first word is in."""
    words = words if words_of(words) else ""  # punctuation alone searches for nothing in particular
    cases = select(Case.id)
    if vendor:
        cases = cases.where(Case.vendor.ilike(f"%{vendor}%"))
    if department:
        cases = cases.where(Case.department == department)
    if status:
        cases = cases.where(Case.status == status)
    if rule:
        cases = cases.where(Case.id.in_(select(FindingRecord.case_id).where(FindingRecord.rule == rule)))
    with store.unit_of_work(write=False) as uow:
        if not words and not clause_type:
            newest = cases.order_by(Case.id.desc()).limit(limit)
            rows: list[tuple[int, int | None]] = [(case_id, None) for case_id in uow.session.scalars(newest)]
        else:
            documents = select(DocumentVersion.case_id, DocumentVersion.id)
            if words:
                documents = documents.where(document_matches(store.dialect, words))
            if clause_type:
                documents = documents.where(DocumentVersion.types.like(f"% {clause_type} %"))
            # The matching documents first (the text index answers that), then the case filters on those few:
            # left to itself a planner may walk the cases newest first and test each document's text.
            hits = documents.cte("hits").prefix_with("MATERIALIZED")
            query = select(hits.c.case_id, func.max(hits.c.id)).group_by(hits.c.case_id)
            if cases.whereclause is not None:
                query = query.where(hits.c.case_id.in_(cases))
            query = query.order_by(hits.c.case_id.desc()).limit(limit)
            rows = [(case_id, document_id) for case_id, document_id in uow.session.execute(query)]
        matched = uow.session.scalars(select(Case).where(Case.id.in_([case_id for case_id, _ in rows])))
        by_id = {summary.id: summary for summary in _summaries(uow, list(matched))}
        return [_hit(uow, by_id[case_id], document_id, words) for case_id, document_id in rows]


def _hit(uow: UnitOfWork, case: CaseSummary, document_id: int | None, words: str) -> SearchHit:
    """The hit with the clause its first word is in, and the words around it."""
    if document_id is None or not words:
        return SearchHit(case, None, None, None)
    text = uow.session.scalar(select(DocumentVersion.text).where(DocumentVersion.id == document_id)) or ""
    at = first_match(text, words)
    clause = None
    if at is not None:
        clause = uow.session.scalars(
            select(ClauseRecord)
            .where(ClauseRecord.document_id == document_id, ClauseRecord.start <= at)
            .order_by(ClauseRecord.start.desc())
            .limit(1)
        ).first()
    label = " ".join(p for p in (clause.number, clause.heading) if p) if clause else None
    return SearchHit(case, clause.id if clause else None, label or None, snippet(text, words, at))


def open_case(store: Store, case_id: int) -> CaseView:
    """One case with everything a reviewer works through."""
    with store.unit_of_work(write=False) as uow:
        return case_view(uow, case_id)


def case_view(uow: UnitOfWork, case_id: int) -> CaseView:
    case = uow.cases.get(case_id)
    users = uow.users.names()
    version = uow.cases.latest_version(case_id)
    documents = uow.cases.documents(case_id)
    names = {d.id: d.file_name for d in documents}
    findings = uow.cases.findings(case_id, version)
    previous = uow.cases.findings(case_id, version - 1) if version > 1 else []
    kept = {f.previous_id for f in findings}
    resolved = [f for f in previous if f.id not in kept]

    def finding(record: FindingRecord) -> FindingView:
        return FindingView(
            id=record.id,
            key=record.key,
            version=record.version,
            document=names.get(record.document_id) if record.document_id else None,
            rule=record.rule,
            severity=record.severity,  # type: ignore[arg-type]
            kind=record.kind,
            title=record.title,
            message=record.message,
            quote=record.quote,
            page=record.page,
            start=record.start,
            end=record.end,
            details=record.details,
            change=record.change,  # type: ignore[arg-type]
            disposition=record.disposition,
            reason=record.reason,
            disposed_by=users[record.disposed_by_id].name if record.disposed_by_id else None,
            disposed_at=record.disposed_at,
            row_version=record.row_version,
        )

    def ordered(records: Sequence[FindingRecord]) -> tuple[FindingView, ...]:
        key = lambda f: (SEVERITY_RANK[f.severity], f.start if f.start is not None else -1, f.rule)  # noqa: E731
        return tuple(finding(r) for r in sorted(records, key=key))

    return CaseView(
        id=case.id,
        vendor=case.vendor,
        department=case.department,
        product=case.product,
        intake=case.intake,
        status=case.status,
        submitted_by=users[case.submitted_by_id].name,
        submitted_at=case.submitted_at,
        updated_at=case.updated_at,
        row_version=case.row_version,
        version=version,
        documents=tuple(
            DocumentView(
                d.id, d.version, d.file_name, d.sha256, d.format, d.pages, users[d.added_by_id].name, d.added_at
            )
            for d in documents
        ),
        findings=ordered(findings),
        resolved=ordered(resolved),
        comments=tuple(
            CommentView(c.id, users[c.author_id].name, c.text, c.at, c.finding_id) for c in uow.cases.comments(case_id)
        ),
        decisions=tuple(
            DecisionView(d.decision, d.note, users[d.decided_by_id].name, users[d.decided_by_id].role, d.at, d.version)
            for d in uow.cases.decisions(case_id)
        ),
        events=tuple(EventView(e.id, e.at, e.actor, e.action, e.payload) for e in uow.audit.of_case(case_id)),
    )


def diff_versions(store: Store, case_id: int, old: int | None = None, new: int | None = None) -> VersionDiff:
    """The clause-level difference between two versions (by default the latest and the one before)."""
    with store.unit_of_work(write=False) as uow:
        uow.cases.get(case_id)
        latest = uow.cases.latest_version(case_id)
        new = new or latest
        old = old or max(new - 1, 1)
        for number in (old, new):
            if not 1 <= number <= latest:
                raise RecordMissing(f"case {case_id} has versions 1 to {latest}, not {number}")
        before, after = uow.cases.clauses(case_id, old), uow.cases.clauses(case_id, new)
        uow.session.expunge_all()
    return VersionDiff(old, new, diff_clauses(before, after), tuple(before), tuple(after))


def contract_files(store: Store, case_id: int, version: int | None = None) -> list[tuple[DocumentView, bytes]]:
    """The stored files of a version (the latest by default), each checked against its SHA-256."""
    view = open_case(store, case_id)
    chosen = [d for d in view.documents if d.version == (version or view.version)]
    with store.unit_of_work(write=False) as uow:
        return [(document, uow.files.get(document.sha256)) for document in chosen]


def verify_audit(store: Store, published_head: str | None = None) -> AuditCheck:
    """Re-hash the whole trail in order and name the first event that does not fit; check that every decision
    has its event, and that `published_head` (a head hash noted earlier) is still in the trail."""
    hashes: list[str] = []
    decide_events: Counter[int] = Counter()

    def chain(uow: UnitOfWork) -> Iterator[tuple[int, dict[str, Any], str, str]]:
        for event in uow.audit.stream():
            hashes.append(event.hash)
            if event.action == "decide" and event.case_id is not None:
                decide_events[event.case_id] += 1
            content = audit.event_content(event.at, event.actor, event.action, event.case_id, event.payload)
            yield event.id, content, event.previous_hash, event.hash

    with store.unit_of_work(write=False) as uow:
        broken = audit.verify(chain(uow))
        decisions = Counter(uow.session.scalars(select(DecisionRecord.case_id)))
    unrecorded = tuple(
        f"case {case_id} has {count} decisions but the trail records {decide_events[case_id]}"
        for case_id, count in sorted(decisions.items())
        if decide_events[case_id] < count
    )
    head_missing = published_head is not None and published_head not in hashes
    return AuditCheck(len(hashes), broken, hashes[-1] if hashes else audit.GENESIS, unrecorded, head_missing)


def case_outcomes(store: Store) -> list[CaseOutcome]:
    """Per case what the open-data metrics need: department, dates, decision, counts of the latest version."""
    with store.unit_of_work(write=False) as uow:
        latest = _latest_versions()
        current = and_(FindingRecord.case_id == latest.c.case_id, FindingRecord.version == latest.c.version)
        severities: dict[int, dict[str, int]] = defaultdict(dict)
        dispositions: dict[int, dict[str, int]] = defaultdict(dict)
        for column, into in ((FindingRecord.severity, severities), (FindingRecord.disposition, dispositions)):
            grouped = select(FindingRecord.case_id, column, func.count()).join(latest, current)
            for case_id, value, count in uow.session.execute(grouped.group_by(FindingRecord.case_id, column)):
                if value is not None:
                    into[case_id][value] = count
        decided = {
            row.case_id: (row.decision, row.at)
            for row in uow.session.execute(select(DecisionRecord).order_by(DecisionRecord.id)).scalars()
        }  # the latest decision of each case; it counts only while the case still stands decided (not reopened)
        cases = uow.session.execute(select(Case.id, Case.department, Case.submitted_at, Case.status).order_by(Case.id))
        outcomes = []
        for case_id, department, submitted_at, status in cases:
            decision, at = decided.get(case_id, (None, None))
            if decision != status:  # reopened since (or never decided): not a decided case today
                decision, at = None, None
            outcomes.append(
                CaseOutcome(department, submitted_at, at, decision, status, severities[case_id], dispositions[case_id])
            )
        return outcomes


def users(store: Store) -> list[tuple[str, str]]:
    """(name, role) of every user."""
    with store.unit_of_work(write=False) as uow:
        return [(u.name, u.role) for u in uow.users.all()]


def _summaries(uow: UnitOfWork, cases: Sequence[Case]) -> list[CaseSummary]:
    """Queue rows, with the counts of each case's latest version, in a fixed number of queries."""
    ids = [c.id for c in cases]
    if not ids:
        return []
    latest = _latest_versions(ids)
    counts = (
        select(
            FindingRecord.case_id,
            func.count(),
            func.sum(case((FindingRecord.severity == "blocker", 1), else_=0)),
            func.sum(case((FindingRecord.disposition.is_(None), 1), else_=0)),
        )
        .join(latest, and_(FindingRecord.case_id == latest.c.case_id, FindingRecord.version == latest.c.version))
        .group_by(FindingRecord.case_id)
    )
    versions = dict(uow.session.execute(select(latest.c.case_id, latest.c.version)).all())
    tallies = {row[0]: row[1:] for row in uow.session.execute(counts)}
    submitters = select(User.id, User.name).where(User.id.in_({c.submitted_by_id for c in cases}))
    names = dict(uow.session.execute(submitters).all())
    summaries = []
    for c in cases:
        total, blockers, undisposed = tallies.get(c.id, (0, 0, 0))
        summaries.append(
            CaseSummary(
                c.id, c.vendor, c.department, c.product, c.status, names[c.submitted_by_id], c.submitted_at,
                c.updated_at, versions.get(c.id, 0), int(total), int(blockers or 0), int(undisposed or 0),
            )
        )  # fmt: skip
    return summaries


def _latest_versions(case_ids: Sequence[int] | None = None) -> Subquery:
    """(case_id, version): each case's latest document version."""
    query = select(DocumentVersion.case_id, func.max(DocumentVersion.version).label("version"))
    if case_ids is not None:
        query = query.where(DocumentVersion.case_id.in_(case_ids))
    return query.group_by(DocumentVersion.case_id).subquery()
