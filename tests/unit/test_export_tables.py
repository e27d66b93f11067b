"""The case as JSON (everything, datetimes ISO 8601) and its findings as CSV (one row a finding)."""

from __future__ import annotations

import csv
import json
from datetime import timedelta
from pathlib import Path

from review.export import CSV_COLUMNS, case_json, write_case_csv, write_case_json
from tests.case_views import SUBMITTED, decided, make_case, make_finding


def test_case_json_has_every_field_and_serialises() -> None:
    finding = make_finding(
        1,
        quote="Customer will indemnify “Provider”",
        page=10,
        disposition="flag",
        disposed_by="sam.reviewer",
        disposed_at=SUBMITTED + timedelta(days=1),
        details={"clause_ids": ("c12",), "value": "P36M"},
    )
    case = decided(make_case([finding]))
    data = case_json(case)

    assert set(data) == {f for f in case.__dataclass_fields__} | {"summary"}
    assert data["submitted_at"] == "2026-11-02T09:00:00+00:00"
    assert data["findings"][0]["disposed_at"] == "2026-11-03T09:00:00+00:00"
    assert data["findings"][0]["details"]["clause_ids"] == ["c12"]
    assert data["intake"]["data"] == ["personal", "payments"]
    assert data["decisions"][0]["decision"] == "approved_with_conditions"
    assert data["events"][0]["payload"] == {"version": 1}
    assert data["summary"] == {"blocker": 0, "major": 1, "minor": 0, "info": 0}
    assert json.loads(json.dumps(data)) == data


def test_write_case_json_is_utf8(tmp_path: Path) -> None:
    case = make_case([make_finding(1, quote="Société “Générale” — §4")])
    path = write_case_json(case, tmp_path / "case.json")
    assert json.loads(path.read_text(encoding="utf-8"))["findings"][0]["quote"] == "Société “Générale” — §4"


def test_write_case_csv_one_row_a_finding(tmp_path: Path) -> None:
    findings = [
        make_finding(
            1,
            rule="FIN-RENEWAL-TERM-LENGTH",
            kind="value",
            quote="renews for 36 months,\nautomatically",
            page=9,
            details={"value": "P36M", "threshold": "P12M"},
            change="new",
            disposition="waive",
            reason="pilot only",
            disposed_by="dana.chief",
            disposed_at=SUBMITTED,
        ),
        make_finding(2, kind="missing", document=None, quote="=HYPERLINK(\"http://evil\")"),
    ]
    path = write_case_csv(make_case(findings), tmp_path / "case.csv")

    raw = path.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")  # plain UTF-8, no BOM
    with path.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert tuple(rows[0]) == CSV_COLUMNS
    first, second = rows
    assert first["case_id"] == "42" and first["vendor"] == "Acme Software Inc." and first["version"] == "1"
    assert first["quote"] == "renews for 36 months,\nautomatically"
    assert (first["value"], first["threshold"], first["change"]) == ("P36M", "P12M", "new")
    assert (first["disposition"], first["reason"], first["disposed_by"]) == ("waive", "pilot only", "dana.chief")
    assert first["disposed_at"] == "2026-11-02T09:00:00+00:00"
    assert second["document"] == "" and second["page"] == "" and second["disposition"] == ""
    assert second["quote"] == "'=HYPERLINK(\"http://evil\")"  # a vendor's text never runs as a formula
