"""The review workflow end to end on a real SQLite file and a fresh PostgreSQL database: roles, dispositions,
decisions, versions, search and the audit trail, with real contracts analysed by the real pipeline."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import delete, update

from review.errors import (
    ConcurrentChange,
    PermissionRefused,
    RecordExists,
    RecordMissing,
    StoredFileCorrupt,
    TransitionRefused,
)
from review.store.models import AuditEvent, ContractFile, DocumentVersion
from review.store.unit_of_work import Store
from review.workflow import queries, services
from tests.factories import paragraph_lines, write_pdf

CONTRACTS = Path(__file__).parents[1] / "data" / "contracts"
V1, V2 = CONTRACTS / "cloud-services-v1.txt", CONTRACTS / "cloud-services-v2.txt"
INTAKE = Path(__file__).parents[1] / "data" / "intake" / "permit-portal.yaml"


@pytest.fixture
def store(database: str) -> Iterator[Store]:
    """A store with an admin (ana), a requester (dee), a reviewer (rui) and an approver (pat)."""
    with Store(database) as store:
        services.add_user(store, "ana", "admin")
        for name, role in (("dee", "requester"), ("rui", "reviewer"), ("pat", "approver")):
            services.add_user(store, name, role, actor="ana")
        yield store


def _submitted(store: Store) -> int:
    return services.submit_case(store, [V1], INTAKE, actor="dee")


def _refusals(store: Store, case_id: int) -> list[str]:
    return [e.payload["code"] for e in queries.open_case(store, case_id).events if e.action == "refused"]


def test_workflow_submit_makes_a_case_with_its_findings_clauses_and_file(store: Store) -> None:
    case_id = _submitted(store)
    case = queries.open_case(store, case_id)
    assert (case.vendor, case.department, case.status, case.version) == (
        "Acme Software Inc.",
        "Public Works",
        "submitted",
        1,
    )
    assert case.submitted_by == "dee" and case.intake["annual_cost"] == 50000
    assert {"GOV-INDEMNITY-BY-CITY", "LEG-LIABILITY-CAP-LOW", "GOV-VENUE"} <= {f.rule for f in case.findings}
    assert case.severity_counts()["blocker"] == case.undisposed_blockers > 0
    indemnity = next(f for f in case.findings if f.rule == "GOV-INDEMNITY-BY-CITY")
    assert indemnity.quote.startswith("3.1 Customer shall indemnify") and indemnity.fallback
    [(document, data)] = queries.contract_files(store, case_id)
    assert data == V1.read_bytes() and document.format == "text"
    assert [e.action for e in case.events] == ["submit"]


def test_workflow_roles_are_enforced_and_each_refusal_is_recorded(store: Store) -> None:
    case_id = _submitted(store)
    blocker = next(f for f in queries.open_case(store, case_id).findings if f.severity == "blocker")
    with pytest.raises(PermissionRefused, match="requester cannot dispose"):
        services.dispose(store, case_id, blocker.id, "accept", actor="dee")
    with pytest.raises(PermissionRefused, match="cannot accept or waive a blocker"):
        services.dispose(store, case_id, blocker.id, "waive", reason="low risk", actor="rui")
    with pytest.raises(TransitionRefused, match="needs a reason"):
        services.dispose(store, case_id, blocker.id, "waive", actor="pat")
    with pytest.raises(PermissionRefused, match="no user named 'zoe'"):
        services.dispose(store, case_id, blocker.id, "accept", actor="zoe")
    with pytest.raises(PermissionRefused, match="requester cannot decide"):
        services.decide(store, case_id, "approved", actor="dee")
    with pytest.raises(PermissionRefused, match="cannot manage users"):
        services.add_user(store, "max", "admin", actor="rui")
    assert _refusals(store, case_id) == ["E302", "E302", "E301", "E302", "E302"]
    assert queries.open_case(store, case_id).findings[0].disposition is None  # nothing refused was kept
    services.dispose(store, case_id, blocker.id, "waive", reason="covered by the city's cyber policy", actor="pat")
    waived = next(f for f in queries.open_case(store, case_id).findings if f.id == blocker.id)
    assert (waived.disposition, waived.reason, waived.disposed_by) == (
        "waive",
        "covered by the city's cyber policy",
        "pat",
    )


def test_workflow_decision_needs_every_blocker_disposed_and_not_the_submitter(store: Store) -> None:
    services.add_user(store, "sam", "reviewer", actor="ana")
    case_id = services.submit_case(store, [V1], INTAKE, actor="sam")  # a reviewer submits for a department
    case = queries.open_case(store, case_id)
    with pytest.raises(TransitionRefused, match="blocker findings are not disposed of yet"):
        services.decide(store, case_id, "approved", actor="rui")
    for finding in case.findings:
        if finding.severity == "blocker":
            services.dispose(store, case_id, finding.id, "flag", actor="rui")
    with pytest.raises(PermissionRefused, match="nobody decides a case they submitted"):
        services.decide(store, case_id, "changes_requested", actor="sam")
    with pytest.raises(TransitionRefused, match="needs the conditions"):
        services.decide(store, case_id, "approved_with_conditions", actor="rui")
    services.decide(store, case_id, "changes_requested", actor="rui", note="see the redline")
    decided = queries.open_case(store, case_id)
    assert decided.status == "changes_requested"
    assert (decided.decision.decision, decided.decision.decided_by, decided.decision.note) == (
        "changes_requested",
        "rui",
        "see the redline",
    )
    with pytest.raises(TransitionRefused, match="changes requested and cannot"):
        services.dispose(store, case_id, case.findings[-1].id, "accept", actor="rui")
    actions = [e.action for e in decided.events]
    assert actions == ["submit", "refused", "start_review", *["dispose"] * actions.count("dispose"), "refused",
                       "refused", "decide"]  # fmt: skip


def test_workflow_new_version_resolves_keeps_and_adds_findings(store: Store) -> None:
    case_id = _submitted(store)
    first = queries.open_case(store, case_id)
    kept = next(f for f in first.findings if f.rule == "DATA-SECONDARY-USE")
    services.dispose(store, case_id, kept.id, "flag", actor="rui")
    assert services.add_version(store, case_id, [V2], actor="dee") == 2
    second = queries.open_case(store, case_id)
    assert second.version == 2 and [d.version for d in second.documents] == [1, 2]
    assert {"GOV-INDEMNITY-BY-CITY", "GOV-GOVERNING-LAW", "GOV-VENUE"} <= {f.rule for f in second.resolved}
    changes = {f.rule: f.change for f in second.findings if f.kind != "missing"}
    assert changes["LEG-LIABILITY-CAP-LOW"] == "persisting"  # 12 months is still under the city's floor
    assert changes["LEG-ASSIGNMENT-WITHOUT-CONSENT"] == "new"
    carried = next(f for f in second.findings if f.rule == "DATA-SECONDARY-USE")
    assert (carried.change, carried.disposition, carried.disposed_by) == ("persisting", "flag", "rui")
    diff = queries.diff_versions(store, case_id)
    kinds = {c.kind for c in diff.changes}
    assert {"changed", "added", "removed"} <= kinds
    removed = [diff.old_clauses[c.old].text for c in diff.changes if c.kind == "removed" and c.old is not None]
    assert any("indemnify" in clause for clause in removed)


def test_workflow_two_reviewers_on_one_finding_the_second_is_told(store: Store) -> None:
    case_id = _submitted(store)
    finding = queries.open_case(store, case_id).findings[0]
    services.dispose(store, case_id, finding.id, "flag", actor="rui", expected_version=finding.row_version)
    with pytest.raises(ConcurrentChange, match="changed by rui since you read it"):
        services.dispose(store, case_id, finding.id, "accept", actor="pat", expected_version=finding.row_version)
    after = next(f for f in queries.open_case(store, case_id).findings if f.id == finding.id)
    assert (after.disposition, after.disposed_by) == ("flag", "rui")
    assert _refusals(store, case_id) == ["E405"]


def test_workflow_reopen_a_decided_case(store: Store) -> None:
    case_id = _submitted(store)
    for finding in queries.open_case(store, case_id).findings:
        if finding.severity == "blocker":
            services.dispose(store, case_id, finding.id, "waive", reason="accepted risk", actor="pat")
    services.decide(store, case_id, "approved", actor="pat")
    with pytest.raises(TransitionRefused, match="approved cannot take a new version"):
        services.add_version(store, case_id, [V2], actor="dee")
    services.reopen(store, case_id, actor="rui", reason="the vendor sent a revision")
    assert queries.open_case(store, case_id).status == "in_review"


def test_workflow_users_comments_and_missing_records(store: Store) -> None:
    case_id = _submitted(store)
    with pytest.raises(RecordExists):
        services.add_user(store, "rui", "reviewer", actor="ana")
    with pytest.raises(RecordMissing, match="no case 999"):
        queries.open_case(store, 999)
    with pytest.raises(RecordMissing, match="has no finding"):
        services.dispose(store, case_id, 999_999, "accept", actor="rui")
    finding = queries.open_case(store, case_id).findings[0]
    services.comment(store, case_id, "Legal to look at this one", actor="dee", finding_id=finding.id)
    [remark] = queries.open_case(store, case_id).comments
    assert (remark.author, remark.finding_id, remark.text) == ("dee", finding.id, "Legal to look at this one")
    assert ("rui", "reviewer") in queries.users(store)


def test_search_by_words_vendor_clause_type_rule_and_status(store: Store) -> None:
    first = _submitted(store)
    police = {**_intake(), "vendor": "Northwind Data", "department": "Police"}
    second = services.submit_case(store, [V2], police, actor="dee")
    assert [h.case.id for h in queries.search(store, "indemnify defend")] == [first]
    hit = queries.search(store, "Wilmington")[0]
    assert hit.case.id == first and "[Wilmington]" in (hit.snippet or "") and hit.clause
    assert [h.case.id for h in queries.search(store, "governed laws")] == [second, first]
    assert [h.case.id for h in queries.search(store, "California", vendor="northwind")] == [second]
    assert [h.case.id for h in queries.search(store, department="Police")] == [second]
    assert [h.case.id for h in queries.search(store, rule="GOV-INDEMNITY-BY-CITY")] == [first]
    assert [h.case.id for h in queries.search(store, clause_type="limitation_of_liability")] == [second, first]
    assert queries.search(store, "liability", status="approved") == []
    assert queries.search(store, 'NEAR( "unbalanced') == []  # query syntax is not interpreted: no error
    assert [h.case.id for h in queries.search(store, "?!")] == [second, first]  # no words: every case


def test_queue_lists_cases_with_their_counts(store: Store) -> None:
    first, second = _submitted(store), _submitted(store)
    queue = queries.list_cases(store)
    assert [c.id for c in queue] == [second, first]
    assert queue[0].findings == len(queries.open_case(store, second).findings) and queue[0].blockers > 0
    assert [c.id for c in queries.list_cases(store, order="oldest", limit=1)] == [first]
    assert queries.list_cases(store, status="approved") == []


def test_audit_verify_names_the_first_changed_or_removed_event(store: Store) -> None:
    case_id = _submitted(store)
    finding = queries.open_case(store, case_id).findings[0]
    services.dispose(store, case_id, finding.id, "flag", actor="rui")
    services.comment(store, case_id, "checked", actor="rui")
    check = queries.verify_audit(store)
    assert check.first_broken is None and check.events == 4 + 1 + 2 + 1  # users, submit, start + dispose, comment
    with store.unit_of_work() as uow:
        events = [e.id for e in uow.audit.stream()]
        uow.session.execute(update(AuditEvent).where(AuditEvent.id == events[5]).values(payload={"action": "accept"}))
    assert queries.verify_audit(store).first_broken == events[5]
    with store.unit_of_work() as uow:
        uow.session.execute(delete(AuditEvent).where(AuditEvent.id >= events[5]))
        uow.session.execute(delete(AuditEvent).where(AuditEvent.id == events[2]))
    assert queries.verify_audit(store).first_broken == events[3]


def test_stored_contract_file_is_checked_on_read(store: Store) -> None:
    case_id = _submitted(store)
    with store.unit_of_work() as uow:
        uow.session.execute(update(ContractFile).values(data=b"edited"))
    with pytest.raises(StoredFileCorrupt, match="no longer matches its SHA-256"):
        queries.contract_files(store, case_id)


def test_search_index_follows_the_documents(store: Store) -> None:
    case_id = _submitted(store)
    with store.unit_of_work() as uow:  # an edited text is searched as edited: the index follows the table
        uow.session.execute(update(DocumentVersion).values(text="A clause about quokkas."))
    assert [h.case.id for h in queries.search(store, "quokka")] == [case_id]
    assert queries.search(store, "Wilmington") == []


def _intake() -> dict[str, object]:
    import yaml

    return yaml.safe_load(INTAKE.read_text())


def test_submit_reports_progress_and_a_cancel_stores_nothing(store: Store, tmp_path: Path) -> None:
    seen: list[tuple[float, str]] = []
    services.submit_case(store, [V1, V2], INTAKE, actor="dee", report=lambda f, text: seen.append((f, text)))
    assert [round(f, 2) for f, _ in seen] == [0.0, 0.33, 0.67] and seen[-1][1] == "Saving the case"
    pages = [paragraph_lines(f"{n}. Term. The term of case {uuid.uuid4()} is one year.", x=72, y=120, width_chars=90)
             for n in range(1, 4)]  # fmt: skip
    pdf: list[tuple[float, str]] = []
    order = write_pdf(tmp_path / "order.pdf", pages)  # new words: read now, not remembered from another test
    services.review_files([order], None, report=lambda f, text: pdf.append((f, text)))
    assert pdf[1] == (pytest.approx(0.8 / 3 / 2), "order.pdf: Reading page 1 of 3")  # within the file's step
    assert [f for f, _ in pdf] == sorted(f for f, _ in pdf)  # it only goes forward

    class Cancelled(Exception):
        pass

    def cancel(fraction: float, text: str) -> None:
        if fraction > 0:
            raise Cancelled

    with pytest.raises(Cancelled):
        services.submit_case(store, [V1, V2], INTAKE, actor="dee", report=cancel)
    assert len(queries.list_cases(store)) == 1


def test_workflow_only_an_approver_other_than_the_submitter_signs_off_a_blocker(store: Store) -> None:
    services.add_user(store, "max", "approver", actor="ana")
    case_id = services.submit_case(store, [V1], INTAKE, actor="max")  # an approver submits for a department
    blocker = next(f for f in queries.open_case(store, case_id).findings if f.severity == "blocker")
    with pytest.raises(PermissionRefused, match="reviewer cannot accept or waive a blocker"):
        services.dispose(store, case_id, blocker.id, "accept", actor="rui")
    with pytest.raises(PermissionRefused, match="nobody signs off the blockers of a case they submitted"):
        services.dispose(store, case_id, blocker.id, "waive", reason="fine by me", actor="max")
    with pytest.raises(TransitionRefused, match="false positive needs a reason"):
        services.dispose(store, case_id, blocker.id, "false_positive", actor="rui")
    services.dispose(store, case_id, blocker.id, "accept", actor="pat")
    assert _refusals(store, case_id) == ["E302", "E302", "E301"]


def test_workflow_a_flagged_blocker_is_not_approved_as_it_stands(store: Store) -> None:
    case_id = _submitted(store)
    for finding in queries.open_case(store, case_id).findings:
        if finding.severity == "blocker":
            services.dispose(store, case_id, finding.id, "flag", actor="rui")
    with pytest.raises(TransitionRefused, match=r"flagged for negotiation .* cannot be approved as they stand"):
        services.decide(store, case_id, "approved", actor="rui")
    services.decide(store, case_id, "approved_with_conditions", note="the vendor strikes 3.1", actor="rui")
    assert queries.open_case(store, case_id).decision.version == 1


def test_workflow_every_refusal_is_recorded_even_of_empty_input(store: Store) -> None:
    case_id = _submitted(store)
    with pytest.raises(TransitionRefused, match="needs some text"):
        services.comment(store, case_id, "  ", actor="rui")
    with pytest.raises(TransitionRefused):
        services.reopen(store, case_id, actor="rui", reason="")
    with pytest.raises(PermissionRefused, match="'boss' is not a role"):
        services.add_user(store, "max", "boss", actor="ana")
    assert _refusals(store, case_id) == ["E301", "E301"]
    assert queries.verify_audit(store).events == 4 + 1 + 3  # users, submit, three refusals


def test_workflow_documents_of_one_version_need_different_names(store: Store, tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    copy = tmp_path / "a" / V1.name
    copy.write_bytes(V1.read_bytes())
    with pytest.raises(RecordExists, match=r"two documents are named cloud-services-v1\.txt"):
        services.submit_case(store, [V1, copy], INTAKE, actor="dee")


def test_workflow_a_term_missing_from_several_documents_belongs_to_none(store: Store) -> None:
    case_id = services.submit_case(store, [V1, V2], INTAKE, actor="dee")
    missing = [f for f in queries.open_case(store, case_id).findings if f.kind == "missing"]
    assert missing and all(f.document is None for f in missing)


def test_audit_verify_sees_a_removed_decision_and_a_cut_off_head(store: Store) -> None:
    case_id = _submitted(store)
    for finding in queries.open_case(store, case_id).findings:
        if finding.severity == "blocker":
            services.dispose(store, case_id, finding.id, "waive", reason="accepted risk", actor="pat")
    before = queries.verify_audit(store)
    services.decide(store, case_id, "approved", actor="rui")
    head = queries.verify_audit(store).head
    with store.unit_of_work() as uow:  # cut the newest event, the decision's, off the end of the chain
        uow.session.execute(delete(AuditEvent).where(AuditEvent.action == "decide"))
    check = queries.verify_audit(store, published_head=head)
    assert check.first_broken is None  # the chain alone cannot tell ...
    assert check.unrecorded == ("case 1 has 1 decisions but the trail records 0",) and check.head_missing
    assert not check.holds and check.head == before.head


def test_open_data_counts_a_reopened_case_as_undecided(store: Store) -> None:
    case_id = _submitted(store)
    for finding in queries.open_case(store, case_id).findings:
        if finding.severity == "blocker":
            services.dispose(store, case_id, finding.id, "waive", reason="accepted risk", actor="pat")
    services.decide(store, case_id, "approved", actor="rui")
    assert [o.decision for o in queries.case_outcomes(store)] == ["approved"]
    services.reopen(store, case_id, actor="rui", reason="the vendor came back")
    assert [(o.decision, o.decided_at) for o in queries.case_outcomes(store)] == [(None, None)]
