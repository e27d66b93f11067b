"""The review workflow's use cases, as plain functions over a Store. Each change is one transaction: it is
kept whole with its audit event, or not at all.

    >>> from review.store import Store                                               # doctest: +SKIP
    >>> store = Store()                                                              # the embedded SQLite file
    >>> services.add_user(store, "ana", "admin")                                     # the first user: an admin
    >>> services.add_user(store, "dee", "requester", actor="ana")
    >>> case_id = services.submit_case(store, ["msa.docx"], "intake.yaml", actor="dee")
    >>> services.dispose(store, case_id, finding_id, "flag", actor="rui")
    >>> services.decide(store, case_id, "changes_requested", actor="rui", note="see the redline")

Roles are enforced here, not only in the GUI: a refused action raises PermissionRefused (E302),
TransitionRefused (E301) or ConcurrentChange (E405), and the attempt is itself recorded in the audit trail.
Reading and analysing a contract (seconds) happens before the transaction opens, so a process killed
during analysis leaves nothing behind, and one killed during the write leaves the last committed state.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.orm.exc import StaleDataError

from review.errors import ConcurrentChange, PermissionRefused, RecordExists, TransitionRefused
from review.extract import analyser
from review.model import Progress
from review.policy.engine import check, judge_absence_together, read_intake
from review.policy.intake import Intake
from review.policy.report import Finding, Report
from review.policy.rules import RuleSet, load_rules
from review.policy.sbom import Component, read_sbom
from review.store.models import (
    Case,
    ClauseRecord,
    CommentRecord,
    DecisionRecord,
    DocumentVersion,
    FindingRecord,
    User,
    now,
)
from review.store.unit_of_work import Store, UnitOfWork
from review.workflow.permissions import ROLES, Permission, check_allowed
from review.workflow.states import FINAL, SIGN_OFF, check_disposition, next_status
from review.workflow.versions import match_findings, same_wording

DETAIL_FIELDS = (
    "pack", "value", "threshold", "reference", "fallback", "why", "applies_to", "assumed", "escalated", "searched",
)  # fmt: skip
TYPE_SCORE = 0.5  # a clause is indexed under the types the classifier gives at least this score


@dataclass(frozen=True, slots=True)
class ReviewedFile:
    """A contract file read and checked, ready to be stored: its bytes and its report."""

    name: str
    data: bytes
    report: Report


def review_files(
    paths: Sequence[str | Path],
    intake: Intake | None,
    components: Sequence[Component] = (),
    rules: RuleSet | None = None,
    report: Progress | None = None,
) -> list[ReviewedFile]:
    """Read, analyse and check the files of one version; several files are one contract (RULES.md 11).
    `report(fraction, text)` is called before each file and as a PDF's pages are read; an exception it raises
    (a cancel) stops the work."""
    from review.ingest import open_document

    analyse = analyser()
    rules = rules or load_rules()
    reports = []
    steps = len(paths) + 1  # each file, then saving
    for done, path in enumerate(paths):
        reading = None
        if report is not None:
            report(done / steps, f"Reading and checking {Path(path).name}")
            reading = _within_step(report, done, steps, Path(path).name)
        reports.append(check(analyse(open_document(path, progress=reading)), intake, components, rules))
    if report is not None:
        report(len(paths) / (len(paths) + 1), "Saving the case")
    together = judge_absence_together(reports)
    return [ReviewedFile(Path(p).name, Path(p).read_bytes(), r) for p, r in zip(paths, together, strict=True)]


def _within_step(report: Progress, step: int, steps: int, name: str) -> Progress:
    """Progress reported while reading file number `step`, as a part of the whole job's."""

    def reading(fraction: float, text: str) -> None:
        report((step + 0.8 * fraction) / steps, f"{name}: {text}")  # analysing and checking: the rest of the step

    return reading


# --- users ---------------------------------------------------------------------------------------------------


def add_user(store: Store, name: str, role: str, *, actor: str | None = None) -> None:
    """Add a user. The first user of a store is its admin and needs no actor; after that, only an admin adds."""
    name = name.strip()
    with _recording_refusals(store, actor or name, "add_user", None), store.unit_of_work() as uow:
        if role not in ROLES:
            raise PermissionRefused(f"{role!r} is not a role; the roles are {', '.join(ROLES)}")
        if uow.users.count() == 0:
            if role != "admin":
                raise PermissionRefused("the first user of a review store must be an admin, who then adds the others")
        else:
            check_allowed(_user(uow, actor).role, "manage_users")
        if not name or uow.users.named(name) is not None:
            raise RecordExists(f"there is already a user named {name!r}" if name else "a user needs a name")
        uow.users.add(name, role)
        uow.audit.append(actor or name, "add_user", None, {"user": name, "role": role})


# --- cases -----------------------------------------------------------------------------------------------------


def submit_case(
    store: Store,
    files: Sequence[str | Path],
    intake: Intake | dict[str, Any] | str | Path,
    *,
    actor: str,
    sbom: Sequence[Component] | str | Path | None = None,
    rules: RuleSet | None = None,
    report: Progress | None = None,
) -> int:
    """Open a case for a contract (one or more files reviewed together); returns the case id. `report` sees
    the progress and may cancel by raising, before anything is stored."""
    checked = read_intake(intake)
    if checked is None:
        raise TransitionRefused("a case needs its intake: department, vendor, product and what the purchase is")
    components = read_sbom(sbom) if isinstance(sbom, str | Path) else tuple(sbom or ())
    _check_names(files)
    _check_role(store, actor, "submit", None)
    reviewed = review_files(files, checked, components, rules, report)
    with store.unit_of_work() as uow:
        user = _user(uow, actor)
        case = uow.cases.add(
            Case(
                vendor=checked.vendor,
                department=checked.department,
                product=checked.product,
                intake=_intake_json(checked, components),
                status="submitted",
                submitted_by_id=user.id,
            )
        )
        stored = _store_version(uow, case, 1, reviewed, user, previous=[])
        uow.audit.append(actor, "submit", case.id, {"version": 1, **stored})
        return case.id


def add_version(
    store: Store,
    case_id: int,
    files: Sequence[str | Path],
    *,
    actor: str,
    rules: RuleSet | None = None,
    report: Progress | None = None,
) -> int:
    """A revised contract from the vendor: analysed like the first, its findings matched to the version before
    (resolved, persisting, new). A persisting finding whose quote is unchanged keeps its disposition."""
    _check_names(files)
    with _recording_refusals(store, actor, "add_version", case_id), store.unit_of_work(write=False) as uow:
        case = uow.cases.get(case_id)
        check_allowed(_user(uow, actor).role, "add_version")
        next_status(case.status, "add_version")  # refuse before spending seconds on the analysis
        intake = Intake.from_mapping({k: v for k, v in case.intake.items() if k != "components"})
        components = tuple(Component(**c) for c in case.intake.get("components", ()))
    reviewed = review_files(files, intake, components, rules, report)
    with _recording_refusals(store, actor, "add_version", case_id), store.unit_of_work() as uow:
        case = uow.cases.get(case_id, lock=True)  # a decision or another version meanwhile waits, then is seen
        user = _user(uow, actor)
        case.status = next_status(case.status, "add_version")
        case.updated_at = now()
        version = uow.cases.latest_version(case_id) + 1
        previous = uow.cases.findings(case_id, version - 1)
        stored = _store_version(uow, case, version, reviewed, user, previous)
        uow.audit.append(actor, "add_version", case_id, {"version": version, **stored})
        return version


def dispose(
    store: Store,
    case_id: int,
    finding_id: int,
    action: str,
    *,
    actor: str,
    reason: str | None = None,
    expected_version: int | None = None,
) -> None:
    """Accept, flag for negotiation, waive (with a reason; a blocker only by an approver) or mark a false
    positive. `expected_version` is the finding's row_version as the caller last saw it: if someone has
    disposed of it since, ConcurrentChange (E405) is raised and nothing is overwritten."""
    with _recording_refusals(store, actor, "dispose", case_id), store.unit_of_work() as uow:
        case = uow.cases.get(case_id, lock=True)
        user = _user(uow, actor)
        finding = uow.cases.finding(case_id, finding_id)
        check_allowed(user.role, "dispose")
        disposition = check_disposition(action, reason, finding.severity)
        if finding.severity == "blocker" and disposition in SIGN_OFF:
            # accepting or waiving a blocker is the city taking on its risk: an approver's call, and not one
            # the person who submitted the case makes on their own contract
            check_allowed(user.role, "waive_blocker", submitted_by_self=case.submitted_by_id == user.id)
        _check_open(case, "have its findings disposed of")
        if finding.version != uow.cases.latest_version(case_id):
            raise TransitionRefused(f"finding {finding_id} is of version {finding.version}, which a later one replaced")
        if expected_version is not None and finding.row_version != expected_version:
            raise _changed_meanwhile(finding, uow)
        _start_review_if_new(uow, case, actor)
        finding.disposition = disposition
        finding.reason = (reason or "").strip() or None
        finding.disposed_by_id = user.id
        finding.disposed_at = now()
        try:
            uow.session.flush()
        except StaleDataError:
            raise ConcurrentChange(
                f"finding {finding_id} was disposed of by someone else just now; reload it"
            ) from None
        uow.audit.append(
            actor,
            "dispose",
            case_id,
            {"finding": finding_id, "rule": finding.rule, "severity": finding.severity, "action": disposition}
            | ({"reason": finding.reason} if finding.reason else {}),
        )


def comment(store: Store, case_id: int, text: str, *, actor: str, finding_id: int | None = None) -> int:
    """A comment on the case, or on one of its findings; returns the comment id."""
    with _recording_refusals(store, actor, "comment", case_id), store.unit_of_work() as uow:
        uow.cases.get(case_id)
        user = _user(uow, actor)
        check_allowed(user.role, "comment")
        if not text.strip():
            raise TransitionRefused("a comment needs some text")
        if finding_id is not None:
            uow.cases.finding(case_id, finding_id)
        record = CommentRecord(case_id=case_id, finding_id=finding_id, author_id=user.id, text=text.strip())
        uow.session.add(record)
        uow.session.flush()
        uow.audit.append(actor, "comment", case_id, {"comment": record.id, "finding": finding_id})
        return record.id


def decide(store: Store, case_id: int, decision: str, *, actor: str, note: str = "") -> None:
    """Decide the case. Every blocker of the latest version must be disposed of first, and nobody decides a
    case they submitted; approving with conditions needs the conditions in `note`."""
    with _recording_refusals(store, actor, "decide", case_id), store.unit_of_work() as uow:
        case = uow.cases.get(case_id, lock=True)
        user = _user(uow, actor)
        check_allowed(user.role, "decide", submitted_by_self=case.submitted_by_id == user.id)
        _start_review_if_new(uow, case, actor)
        status = next_status(case.status, "decide", decision)
        version = uow.cases.latest_version(case_id)
        blockers = [f for f in uow.cases.findings(case_id, version) if f.severity == "blocker"]
        open_blockers = [f for f in blockers if f.disposition is None]
        if open_blockers:
            raise TransitionRefused(
                f"{len(open_blockers)} blocker finding{'s are' if len(open_blockers) > 1 else ' is'} not disposed "
                f"of yet ({_rules(open_blockers)}); dispose of every blocker before deciding"
            )
        flagged = [f for f in blockers if f.disposition == "flag"]
        if status == "approved" and flagged:
            raise TransitionRefused(
                f"blockers flagged for negotiation ({_rules(flagged)}) cannot be approved as they stand; "
                "approve with conditions or request changes"
            )
        if status == "approved_with_conditions" and not note.strip():
            raise TransitionRefused("approving with conditions needs the conditions, as the decision's note")
        case.status = status
        note = note.strip()
        uow.session.add(
            DecisionRecord(case_id=case_id, version=version, decision=status, note=note, decided_by_id=user.id)
        )
        _flush_case(uow, case)
        uow.audit.append(
            actor, "decide", case_id, {"decision": status, "version": version} | ({"note": note} if note else {})
        )


def reopen(store: Store, case_id: int, *, actor: str, reason: str) -> None:
    """Bring a decided case back into review (a decision was wrong, or the vendor came back)."""
    with _recording_refusals(store, actor, "reopen", case_id), store.unit_of_work() as uow:
        case = uow.cases.get(case_id, lock=True)
        check_allowed(_user(uow, actor).role, "decide")
        if not reason.strip():
            raise TransitionRefused("reopening a decided case needs a reason, for the audit trail")
        case.status = next_status(case.status, "reopen")
        _flush_case(uow, case)
        uow.audit.append(actor, "reopen", case_id, {"reason": reason.strip()})


# --- helpers ---------------------------------------------------------------------------------------------------


@contextmanager
def _recording_refusals(store: Store, actor: str, action: str, case_id: int | None) -> Iterator[None]:
    """Let a refusal through to the caller, after writing it to the audit trail in a transaction of its own
    (the refused one was rolled back)."""
    try:
        yield
    except (PermissionRefused, TransitionRefused, ConcurrentChange) as refusal:
        with store.unit_of_work() as uow:
            known_case = case_id if case_id is not None and uow.session.get(Case, case_id) is not None else None
            uow.audit.append(
                actor, "refused", known_case, {"attempted": action, "code": refusal.code, "message": refusal.message}
            )
        raise


def _rules(findings: Sequence[FindingRecord]) -> str:
    return ", ".join(sorted({f.rule for f in findings}))


def _check_names(files: Sequence[str | Path]) -> None:
    """The documents of one version are told apart by file name, in the case and in its exports."""
    names = [Path(f).name for f in files]
    twice = sorted({name for name in names if names.count(name) > 1})
    if twice:
        raise RecordExists(f"two documents are named {', '.join(twice)}; rename one so they can be told apart")


def _check_role(store: Store, actor: str, permission: Permission, case_id: int | None) -> None:
    with _recording_refusals(store, actor, permission, case_id), store.unit_of_work(write=False) as uow:
        check_allowed(_user(uow, actor).role, permission)


def _user(uow: UnitOfWork, name: str | None) -> User:
    user = uow.users.named(name) if name else None
    if user is None:
        raise PermissionRefused(
            f"there is no user named {name!r}; an admin adds users with `user add`" if name else "say who you are"
        )
    return user


def _check_open(case: Case, doing: str) -> None:
    if case.status in FINAL or case.status == "changes_requested":
        state = case.status.replace("_", " ")
        raise TransitionRefused(f"case {case.id} is {state} and cannot {doing}; reopen it or add a version first")


def _start_review_if_new(uow: UnitOfWork, case: Case, actor: str) -> None:
    """A reviewer's first act on a submitted case starts its review."""
    if case.status == "submitted":
        case.status = next_status(case.status, "start_review")
        _flush_case(uow, case)
        uow.audit.append(actor, "start_review", case.id, {})


def _flush_case(uow: UnitOfWork, case: Case) -> None:
    try:
        uow.session.flush()
    except StaleDataError:
        raise ConcurrentChange(f"case {case.id} was changed by someone else just now; reload it") from None


def _changed_meanwhile(finding: FindingRecord, uow: UnitOfWork) -> ConcurrentChange:
    by = uow.session.get(User, finding.disposed_by_id) if finding.disposed_by_id else None
    who = f" by {by.name}" if by else ""
    what = f" (now: {finding.disposition})" if finding.disposition else ""
    return ConcurrentChange(f"finding {finding.id} was changed{who} since you read it{what}; nothing was overwritten")


def _intake_json(intake: Intake, components: Sequence[Component]) -> dict[str, Any]:
    return {**asdict(intake), "data": list(intake.data), "components": [asdict(c) for c in components]}


def _store_version(
    uow: UnitOfWork,
    case: Case,
    version: int,
    reviewed: Sequence[ReviewedFile],
    user: User,
    previous: Sequence[FindingRecord],
) -> dict[str, Any]:
    """Store the files, clauses and findings of one version; match the findings to the version before."""
    findings: list[FindingRecord] = []
    files = []
    for item in reviewed:
        digest = uow.files.put(item.data)
        document = item.report.document
        record = DocumentVersion(
            case_id=case.id,
            version=version,
            file_name=item.name,
            sha256=digest,
            format=document.format,
            pages=len(document.pages),
            types=" " + " ".join(sorted(item.report.analysis.found)) + " ",
            added_by_id=user.id,
            text=document.text,
        )
        uow.session.add(record)
        uow.session.flush()
        files.append({"file": item.name, "sha256": digest})
        uow.session.add_all(_clause_records(case.id, record.id, item.report))
        for reported in item.report.findings:
            # a term missing from a contract of several documents is missing from all of them, not the first
            on = None if reported.kind == "missing" and len(reviewed) > 1 else record.id
            findings.append(_finding_record(case.id, version, on, reported))
    match = match_findings(previous, findings)
    if previous:
        for finding in findings:
            finding.change = "new"
    for old_index, new_index in match.pairs:
        old, new = previous[old_index], findings[new_index]
        new.change, new.previous_id = "persisting", old.id
        if old.disposition and same_wording(old.quote, new.quote):  # the reviewer's decision still holds
            new.disposition, new.reason = old.disposition, old.reason
            new.disposed_by_id, new.disposed_at = old.disposed_by_id, old.disposed_at
    uow.session.add_all(findings)
    uow.session.flush()
    counts = {"findings": len(findings)}
    if previous:
        counts |= {"resolved": len(match.resolved), "persisting": len(match.pairs), "new": len(match.new)}
    return {"files": files, **counts}


def _clause_records(case_id: int, document_id: int, report: Report) -> list[ClauseRecord]:
    return [
        ClauseRecord(
            case_id=case_id,
            document_id=document_id,
            position=position,
            key=item.clause.id,
            number=item.clause.number,
            heading=item.clause.heading,
            text=item.clause.text,
            start=item.clause.start,
            end=item.clause.end,
            page=item.clause.page_start,
            types=" " + " ".join(t.type for t in item.types if t.score >= TYPE_SCORE) + " ",
        )
        for position, item in enumerate(report.analysis.clauses)
    ]


def _finding_record(case_id: int, version: int, document_id: int | None, finding: Finding) -> FindingRecord:
    details: dict[str, Any] = {name: getattr(finding, name) for name in DETAIL_FIELDS}
    details["clause_ids"] = list(finding.clause_ids)
    return FindingRecord(
        case_id=case_id,
        version=version,
        document_id=document_id,
        key=finding.id,
        rule=finding.rule,
        severity=finding.severity,
        kind=finding.kind,
        title=finding.title,
        message=finding.message,
        quote=finding.quote,
        page=finding.page,
        start=finding.start,
        end=finding.end,
        details=details,
    )
