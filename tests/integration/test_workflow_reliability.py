"""Reliability on real parts: 20 concurrent writers on the PostgreSQL server (optimistic locking; the audit
chain stays one line), and a process killed with SIGKILL in the middle of submitting a contract."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from sqlalchemy import func, select

from review.errors import ConcurrentChange
from review.store.models import AuditEvent, Case, ClauseRecord, ContractFile, DocumentVersion, FindingRecord
from review.store.unit_of_work import Store
from review.workflow import queries, services

ROOT = Path(__file__).parents[2]
CONTRACT = ROOT / "tests" / "data" / "contracts" / "cloud-services-v1.txt"
INTAKE = ROOT / "tests" / "data" / "intake" / "permit-portal.yaml"
WRITERS = 20


@pytest.fixture
def store(postgres_url: str) -> Iterator[Store]:
    with Store(postgres_url) as store:
        services.add_user(store, "ana", "admin")
        services.add_user(store, "dee", "requester", actor="ana")
        for k in range(WRITERS):
            services.add_user(store, f"reviewer{k}", "approver", actor="ana")
        yield store


def _case_in_review(store: Store) -> int:
    case_id = services.submit_case(store, [CONTRACT], INTAKE, actor="dee")
    services.comment(store, case_id, "starting", actor="reviewer0")
    finding = queries.open_case(store, case_id).findings[-1]
    services.dispose(store, case_id, finding.id, "accept", actor="reviewer0")  # submitted -> in review
    return case_id


def test_twenty_reviewers_dispose_one_finding_at_once_one_wins_the_rest_are_told(store: Store) -> None:
    case_id = _case_in_review(store)
    finding = queries.open_case(store, case_id).findings[0]

    def dispose(k: int) -> str:
        try:
            services.dispose(
                store, case_id, finding.id, "flag", actor=f"reviewer{k}", expected_version=finding.row_version
            )
        except ConcurrentChange:
            return "refused"
        return "accepted"

    with ThreadPoolExecutor(WRITERS) as pool:
        outcomes = list(pool.map(dispose, range(WRITERS)))
    assert outcomes.count("accepted") == 1 and outcomes.count("refused") == WRITERS - 1
    winner = f"reviewer{outcomes.index('accepted')}"
    after = next(f for f in queries.open_case(store, case_id).findings if f.id == finding.id)
    assert (after.disposition, after.disposed_by, after.row_version) == ("flag", winner, finding.row_version + 1)
    events = [e for e in queries.open_case(store, case_id).events if e.payload.get("finding") == finding.id]
    refused = [e for e in queries.open_case(store, case_id).events if e.action == "refused"]
    assert [e.actor for e in events] == [winner] and len(refused) == WRITERS - 1
    assert queries.verify_audit(store).first_broken is None


def test_twenty_reviewers_dispose_different_findings_at_once_every_write_is_kept(store: Store) -> None:
    case_id = _case_in_review(store)
    findings = queries.open_case(store, case_id).findings[:WRITERS]
    assert len(findings) == WRITERS

    def dispose(k: int) -> None:
        services.dispose(
            store, case_id, findings[k].id, "waive", reason=f"reason {k}", actor=f"reviewer{k}",
            expected_version=findings[k].row_version,
        )  # fmt: skip

    with ThreadPoolExecutor(WRITERS) as pool:
        list(pool.map(dispose, range(WRITERS)))
    after = {f.id: f for f in queries.open_case(store, case_id).findings}
    assert all(after[f.id].reason == f"reason {k}" and after[f.id].disposed_by == f"reviewer{k}"
               for k, f in enumerate(findings))  # fmt: skip
    check = queries.verify_audit(store)  # twenty appenders at once still make one chain
    assert check.first_broken is None


KILLER = """
import os, sys, time
from sqlalchemy import event
from review.store.unit_of_work import Store
from review.store.models import FindingRecord
from review.workflow import services

store = Store(sys.argv[1])
stage = sys.argv[2]
if stage == "analysis":
    import review.workflow.services as s
    real = s.review_files
    def slow(*args, **kwargs):
        print("inside", flush=True); time.sleep(60); return real(*args, **kwargs)
    s.review_files = slow
else:  # stop in the middle of the transaction, after the case, its files and clauses were written
    @event.listens_for(FindingRecord, "before_insert")
    def pause(*_):
        print("inside", flush=True); time.sleep(60)
services.submit_case(store, [sys.argv[3]], sys.argv[4], actor="dee")
print("finished", flush=True)
"""


@pytest.mark.parametrize("stage", ["analysis", "transaction"])
@pytest.mark.parametrize("database", ["sqlite", "postgresql"], indirect=True)
def test_killed_while_submitting_leaves_no_half_case(database: str, stage: str) -> None:
    with Store(database) as store:
        services.add_user(store, "ana", "admin")
        services.add_user(store, "dee", "requester", actor="ana")
        before = queries.verify_audit(store).events
    child = subprocess.Popen(
        [sys.executable, "-c", KILLER, database, stage, str(CONTRACT), str(INTAKE)],
        cwd=ROOT, stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)},
    )  # fmt: skip
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "inside"
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    with Store(database) as store:
        with store.unit_of_work(write=False) as uow:
            for table in (Case, DocumentVersion, ClauseRecord, FindingRecord, ContractFile):
                assert uow.session.scalar(select(func.count()).select_from(table)) == 0, table.__tablename__
            assert uow.session.scalar(select(func.count()).select_from(AuditEvent)) == before
        assert queries.verify_audit(store).first_broken is None
        case_id = services.submit_case(store, [CONTRACT], INTAKE, actor="dee")  # the store works on
        assert queries.open_case(store, case_id).findings


def test_two_new_versions_at_once_are_numbered_one_after_the_other(store: Store) -> None:
    case_id = _case_in_review(store)
    revision = ROOT / "tests" / "data" / "contracts" / "cloud-services-v2.txt"
    with ThreadPoolExecutor(2) as pool:
        versions = sorted(pool.map(lambda k: services.add_version(store, case_id, [revision], actor="dee"), range(2)))
    assert versions == [2, 3]
    case = queries.open_case(store, case_id)
    assert [d.version for d in case.documents] == [1, 2, 3]
    assert all(f.version == 3 for f in case.findings)


FIRST_LOADS = """
import sys, threading
from review.policy.rules import load_rules
from review.policy.intake import Intake
from review.workflow.services import review_files
from review.extract import analyser

failures = []
def run(job):
    try:
        job()
    except BaseException as error:
        failures.append(repr(error))
intake = Intake.load(sys.argv[2])
jobs = [load_rules, analyser, lambda: review_files([sys.argv[1]], intake), load_rules]
threads = [threading.Thread(target=run, args=(job,)) for job in jobs]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print(failures)
"""


def test_first_loads_on_several_threads_at_once_do_not_break() -> None:
    # The app preloads spaCy and the rules while its first review starts: spaCy's circular imports and the
    # licence parser's lazy automaton broke when two threads got there at once (a fresh process each time).
    for _ in range(2):
        done = subprocess.run(
            [sys.executable, "-c", FIRST_LOADS, str(CONTRACT), str(INTAKE)],
            cwd=ROOT, capture_output=True, text=True, timeout=120, env={**os.environ, "PYTHONPATH": str(ROOT)},
        )  # fmt: skip
        assert done.returncode == 0 and done.stdout.strip() == "[]", done.stdout + done.stderr
