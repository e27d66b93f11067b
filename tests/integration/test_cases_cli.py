"""The workflow's command line as a script would drive it: a real SQLite file, a real DOCX form from the corpus,
exports written to disk, and `audit verify` catching a tampered trail."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import docx
import pytest

from review.cli import main
from tests.conftest import corpus_path

INTAKE = Path(__file__).parents[1] / "data" / "intake" / "permit-portal.yaml"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_cases_cli_from_submission_to_memo_redline_and_audit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = f"sqlite:///{tmp_path / 'reviews.sqlite3'}"
    form = corpus_path("saas_templates", "common_paper", "common-paper-cloud-service-agreement", "template.docx")
    assert run(capsys, "user", "add", "ana", "--role", "admin", "--db", db)[0] == 0
    for name, role in (("dee", "requester"), ("rui", "reviewer"), ("pat", "approver")):
        assert run(capsys, "user", "add", name, "--role", role, "--as", "ana", "--db", db)[0] == 0

    code, out, _ = run(capsys, "case", "submit", str(form), "--intake", str(INTAKE), "--as", "dee", "--db", db)
    case_id = out.strip()
    assert code == 0 and case_id.isdigit()

    code, out, _ = run(capsys, "case", "list", "--format", "json", "--db", db)
    [listed] = json.loads(out)
    assert (listed["id"], listed["status"], listed["vendor"]) == (int(case_id), "submitted", "Acme Software Inc.")

    code, out, _ = run(capsys, "case", "show", case_id, "--format", "json", "--db", db)
    case = json.loads(out)
    blockers = [f for f in case["findings"] if f["severity"] == "blocker"]
    assert blockers and all(f["disposition"] is None for f in blockers)

    code, _, err = run(capsys, "case", "dispose", case_id, str(blockers[0]["id"]), "--action", "waive", "--as", "rui",
                       "--reason", "low risk", "--db", db)  # fmt: skip
    assert code == 3 and err.startswith("error E302: a reviewer cannot accept or waive a blocker")
    for finding in blockers:
        code, _, _ = run(capsys, "case", "dispose", case_id, str(finding["id"]), "--action", "flag", "--as", "rui",
                         "--db", db)  # fmt: skip
        assert code == 0
    code, out, _ = run(capsys, "case", "decide", case_id, "--decision", "changes_requested", "--note",
                       "see the redline", "--as", "rui", "--db", db)  # fmt: skip
    assert code == 0

    code, out, _ = run(capsys, "case", "show", case_id, "--db", db)
    assert "changes requested" in out and "decision: changes requested by rui (reviewer)" in out

    memo, redline, as_json, as_csv = (tmp_path / n for n in ("memo.docx", "redline.docx", "case.json", "case.csv"))
    code, out, _ = run(capsys, "case", "export", case_id, "--memo", str(memo), "--redline", str(redline),
                       "--json", str(as_json), "--csv", str(as_csv), "--db", db)  # fmt: skip
    assert code == 0 and all(path.exists() for path in (memo, redline, as_json, as_csv))
    memo_text = "\n".join(p.text for p in docx.Document(str(memo)).paragraphs)
    assert "Acme Software Inc." in memo_text
    assert len(docx.Document(str(redline)).comments) >= len(blockers)
    assert json.loads(as_json.read_text())["id"] == int(case_id)

    code, out, _ = run(capsys, "search", "indemnify", "--db", db)
    assert code == 0 and out.split()[0] == case_id

    code, out, _ = run(capsys, "open-data", str(tmp_path / "metrics.csv"), "--db", db)
    published = (tmp_path / "metrics.csv").read_text()
    assert code == 0 and "Public Works" in published
    quotes = [f["quote"][:30] for f in case["findings"] if f["quote"]]
    for confidential in ("Acme", "Permit Portal", "50000", "dee", "rui", "see the redline", "template.docx", *quotes):
        assert confidential not in published

    code, out, _ = run(capsys, "audit", "verify", "--db", db)
    assert code == 0 and "the audit trail holds" in out
    with sqlite3.connect(tmp_path / "reviews.sqlite3") as connection:
        connection.execute("update audit_events set actor = 'mallory' where action = 'decide'")
        tampered = connection.execute("select id from audit_events where action = 'decide'").fetchone()[0]
    code, out, _ = run(capsys, "audit", "verify", "--db", db)
    assert code == 1 and f"broken at event {tampered}" in out


def test_cases_cli_bad_input_is_a_coded_error_without_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CONTRACT_REVIEW_DB", f"sqlite:///{tmp_path / 'env.sqlite3'}")
    assert run(capsys, "user", "add", "ana", "--role", "admin")[0] == 0
    assert (tmp_path / "env.sqlite3").exists()  # the environment variable chose the database
    code, _, err = run(capsys, "case", "show", "42")
    assert (code, err) == (3, "error E404: there is no case 42\n")
    code, _, err = run(capsys, "case", "submit", str(tmp_path / "none.pdf"), "--intake", str(INTAKE), "--as", "ana")
    assert code == 3 and err.startswith("error E101")
    code, _, err = run(capsys, "user", "list", "--db", "postgresql+psycopg://nobody@127.0.0.1:1/none")
    assert code == 3 and err.startswith("error E403: cannot open the database")
