"""`python main.py review`: reports per file, memo, --fail-on, --output, folders, bad files, --jobs."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from review.cli import main

ROOT = Path(__file__).resolve().parents[2]
INTAKE = """department: Public Works
vendor: Acme Software Inc.
product: Permit Portal
annual_cost: 50000
term_months: 36
hosting: saas
data: [personal, payments]
public_facing: true
critical: false
custom_development: false
"""


@pytest.fixture
def intake_file(tmp_path: Path) -> Path:
    path = tmp_path / "intake.yaml"
    path.write_text(INTAKE)
    return path


def test_review_json_report_to_stdout(data_dir: Path, intake_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pdf = data_dir / "cuad" / "Freecook-Hosting-Agreement.pdf"
    assert main(["review", str(pdf), "--intake", str(intake_file)]) == 0
    report = json.loads(capsys.readouterr().out)
    assert set(report) >= {"document", "clauses", "findings", "rules", "intake", "summary"}
    assert report["intake"]["flags"] == ["hosted", "multi_year", "payments", "personal_data", "public_facing"]
    assert {pack["name"] for pack in report["rules"]["packs"]} == {"city-standards", "open-source"}
    for finding in report["findings"]:
        assert finding["severity"] in ("blocker", "major", "minor", "info")
        if finding["quote"]:
            clause_ids = {clause["id"] for clause in report["clauses"]}
            assert set(finding["clause_ids"]) <= clause_ids and finding["page"] >= 1


def test_review_markdown_memo(data_dir: Path, intake_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pdf = data_dir / "cuad" / "Freecook-Hosting-Agreement.pdf"
    assert main(["review", str(pdf), "--intake", str(intake_file), "--format", "md"]) == 0
    memo = capsys.readouterr().out
    assert memo.startswith("# Contract review: Freecook-Hosting-Agreement.pdf")
    assert "## Summary" in memo and "## Rules used" in memo and "Department: Public Works" in memo


def test_review_fail_on_sets_exit_code_for_scripts(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = data_dir / "cuad" / "DataCall-Content-License-Agreement.txt"
    assert main(["review", str(text), "--fail-on", "info"]) == 1  # every contract raises something
    capsys.readouterr()


def test_review_output_dir_folder_input_and_a_bad_file(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    (inputs / "a.txt").write_text("This Agreement is governed by the laws of the State of Delaware.")
    (inputs / "broken.pdf").write_bytes(b"%PDF-1.7\n1 0 obj <<>> garbage")
    out = tmp_path / "reports"
    code = main(["review", str(inputs), str(data_dir / "cuad" / "DataCall-Content-License-Agreement.txt"),
                 "--output", str(out), "--format", "md"])  # fmt: skip
    assert code == 3  # one file could not be read; the others were still reviewed
    assert sorted(p.name for p in out.iterdir()) == ["DataCall-Content-License-Agreement.txt.md", "a.txt.md"]
    assert "GOV-GOVERNING-LAW" in (out / "a.txt.md").read_text()
    err = capsys.readouterr().err
    assert "error E110:" in err and "broken.pdf" in err


def test_review_bad_intake_is_a_coded_error_naming_the_key(tmp_path: Path, data_dir: Path) -> None:
    bad = tmp_path / "intake.yaml"
    bad.write_text(INTAKE.replace("hosting: saas", "hostng: saas"))
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "review", str(data_dir / "cuad" / "Freecook-Hosting-Agreement.pdf"),
         "--intake", str(bad)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 3 and result.stdout == ""
    assert result.stderr.startswith("error E220:") and "'hostng'" in result.stderr


def test_review_jobs_two_gives_the_same_reports_as_one(tmp_path: Path, data_dir: Path) -> None:
    files = [str(p) for p in sorted((data_dir / "cuad").glob("*.pdf"))]
    for jobs in ("1", "2"):
        assert main(["review", *files, "--jobs", jobs, "--output", str(tmp_path / jobs)]) == 0
    for path in (tmp_path / "1").iterdir():
        one, two = json.loads(path.read_text()), json.loads((tmp_path / "2" / path.name).read_text())
        assert one["findings"] == two["findings"]
    assert len(list((tmp_path / "2").iterdir())) == len(files)


def test_review_together_judges_missing_terms_across_the_documents(tmp_path: Path) -> None:
    agreement = tmp_path / "agreement.txt"
    agreement.write_text("1. Law. This Agreement is governed by the laws of the State of California.")
    addendum = tmp_path / "addendum.txt"
    addendum.write_text(
        "1. Indemnity. Contractor shall defend, indemnify and hold harmless the City from third-party claims "
        "arising from Contractor's negligence."
    )
    out = tmp_path / "out"
    assert main(["review", str(agreement), str(addendum), "--together", "--output", str(out)]) == 0
    first = json.loads((out / "agreement.txt.json").read_text())
    second = json.loads((out / "addendum.txt.json").read_text())
    missing_first = {f["rule"] for f in first["findings"] if f["kind"] == "missing"}
    assert "LEG-VENDOR-INDEMNITY" not in missing_first  # the addendum has it
    assert "LEG-ORDER-OF-PRECEDENCE" in missing_first  # neither has it: reported once, on the first document
    assert not [f for f in second["findings"] if f["kind"] == "missing"]
    searched = next(f["searched"] for f in first["findings"] if f["rule"] == "LEG-ORDER-OF-PRECEDENCE")
    assert searched.endswith("Searched together: agreement.txt, addendum.txt.")
