import json
import subprocess
import sys
from pathlib import Path

import pytest

from review.cli import main

ROOT = Path(__file__).resolve().parents[2]


def test_extract_json_has_the_documented_shape(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(data_dir / "cuad" / "Freecook-Hosting-Agreement.pdf"), "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert set(report) == {"document", "clauses"}
    document = report["document"]
    assert {"path", "sha256", "format", "pages", "has_text_layer", "ocr", "warnings", "text"} <= set(document)
    assert document["format"] == "pdf" and document["pages"] == 3 and len(document["sha256"]) == 64
    clause = report["clauses"][0]
    assert {"id", "number", "heading", "text", "start", "end", "page_start", "page_end"} <= set(clause)
    for clause in report["clauses"]:
        assert document["text"][clause["start"] : clause["end"]] == clause["text"]


def test_extract_text_lists_clauses(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(data_dir / "cuad" / "DataCall-Content-License-Agreement.txt")]) == 0
    out = capsys.readouterr().out
    assert "clauses)" in out.splitlines()[0]
    assert "[c1]" in out


def test_cli_error_is_one_coded_line_exit_3_and_no_output(tmp_path: Path) -> None:
    bad = tmp_path / "contract.doc"
    bad.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    before = set(tmp_path.iterdir())
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "extract", str(bad), "--format", "json"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    assert result.returncode == 3
    assert result.stdout == ""
    assert result.stderr.startswith("error E104: ")
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert set(tmp_path.iterdir()) == before


def test_cli_wrong_password_is_exit_3(tmp_path: Path) -> None:
    from tests.factories import write_pdf

    path = write_pdf(tmp_path / "locked.pdf", [[(72, 100, "1. Term.")]], password="pw")
    assert main(["extract", str(path), "--password", "nope"]) == 3
    assert main(["extract", str(path), "--password", "pw"]) == 0


def test_classify_json_adds_types_and_values_to_every_clause(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    contract = data_dir / "cuad" / "DataCall-Content-License-Agreement.txt"
    assert main(["classify", str(contract), "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert "governing_law" in report["types_found"]
    for clause in report["clauses"]:
        assert {"types", "values"} <= set(clause)
        for value in clause["values"]:
            assert clause["start"] <= value["start"] < clause["end"]


@pytest.mark.parametrize("dataset", ["cuad", "unfair-tos"])
def test_eval_on_a_folder_without_the_dataset_layout_is_e510(
    dataset: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["eval", dataset, "--corpus", str(tmp_path)]) == 3
    captured = capsys.readouterr()
    assert captured.err.startswith("error E510:") and captured.out == ""


def test_eval_with_a_missing_model_directory_is_e501(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", "unfair-tos", "--corpus", str(tmp_path), "--models", str(tmp_path / "none")]) == 3
    assert capsys.readouterr().err.startswith("error E501:")
