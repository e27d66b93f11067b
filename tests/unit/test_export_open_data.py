"""The open-data CSV of review metrics: counts and turnaround by department and month, nothing confidential."""

from __future__ import annotations

import csv
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from review.export import OPEN_DATA_COLUMNS, CaseOutcome, open_data_rows, write_open_data_csv
from tests.case_views import SUBMITTED


def _outcome(department: str, submitted: datetime, days: float | None, decision: str | None = None) -> CaseOutcome:
    decided_at = submitted + timedelta(days=days) if days is not None else None
    return CaseOutcome(
        department,
        submitted,
        decided_at,
        (decision or "approved") if days is not None else None,
        decision or ("approved" if days is not None else "in_review"),
        {"blocker": 1, "major": 2},
        {"flag": 1},
    )


def test_open_data_rows_group_by_month_and_department_with_hand_computed_turnaround() -> None:
    march = datetime(2026, 3, 2, 9, 0)
    outcomes = [
        _outcome("Public Works", march, 2),
        _outcome("Public Works", march + timedelta(days=5), 4.5, "rejected"),
        _outcome("Public Works", march + timedelta(days=9), 10, "approved_with_conditions"),
        _outcome("Public Works", march + timedelta(days=10), 3),
        _outcome("Public Works", march + timedelta(days=11), None),
        _outcome("Library", march + timedelta(days=30), 1.25),  # April
        _outcome("Fire", march + timedelta(days=1), None),
    ]
    rows = open_data_rows(outcomes)
    assert [(r["month"], r["department"]) for r in rows] == [
        ("2026-03", "Fire"),
        ("2026-03", "Public Works"),
        ("2026-04", "Library"),
    ]
    fire, works, library = rows
    assert list(works) == list(OPEN_DATA_COLUMNS)
    assert (works["cases_submitted"], works["cases_decided"]) == (5, 4)
    assert (works["decision_approved"], works["decision_rejected"], works["decision_approved_with_conditions"]) == (
        2,
        1,
        1,
    )
    # Turnaround days 2, 3, 4.5, 10: median (3 + 4.5) / 2 = 3.75 -> 3.8 (half up);
    # 90th percentile: rank 0.9 * 3 = 2.7 -> 4.5 + 0.7 * (10 - 4.5) = 8.35 -> 8.4.
    assert works["turnaround_days_median"] == 3.8
    assert works["turnaround_days_p90"] == 8.4
    assert (works["findings_blocker"], works["findings_major"], works["findings_info"]) == (5, 10, 0)
    assert (works["disposition_flag"], works["disposition_waive"]) == (5, 0)
    assert library["turnaround_days_median"] == library["turnaround_days_p90"] == 1.3  # 1.25 half up
    assert fire["cases_decided"] == 0 and fire["turnaround_days_median"] == "" and fire["turnaround_days_p90"] == ""


def test_open_data_csv_has_only_the_published_columns(tmp_path: Path) -> None:
    # A CaseOutcome holds no vendor, product, quote, person or free text, so none can reach the file;
    # tests/integration/test_cases_cli.py checks the same on a real database.
    submitted = datetime(2026, 11, 3, 9, 0, tzinfo=UTC)
    outcome = CaseOutcome(
        department="Public Works",
        submitted_at=submitted,
        decided_at=submitted + timedelta(days=6, hours=2, minutes=24),
        decision="approved_with_conditions",
        status="approved_with_conditions",
        findings={"blocker": 1, "minor": 1},
        dispositions={"waive": 1},
    )
    path = write_open_data_csv([outcome], tmp_path / "reviews.csv")
    with path.open(encoding="utf-8", newline="") as stream:
        (row,) = list(csv.DictReader(stream))
    assert tuple(row) == OPEN_DATA_COLUMNS
    assert row["month"] == "2026-11" and row["department"] == "Public Works"
    assert row["decision_approved_with_conditions"] == "1" and row["turnaround_days_median"] == "6.1"

def test_case_outcome_refuses_what_the_published_columns_cannot_hold() -> None:
    with pytest.raises(ValueError, match="severity"):
        CaseOutcome("Fire", SUBMITTED, None, None, "in_review", {"critical": 1}, {})
    with pytest.raises(ValueError, match="decision"):
        CaseOutcome("Fire", SUBMITTED, SUBMITTED, "maybe", "in_review", {}, {})
    with pytest.raises(ValueError, match="both"):
        CaseOutcome("Fire", SUBMITTED, None, "approved", "approved", {}, {})
    with pytest.raises(ValueError, match="before"):
        CaseOutcome("Fire", SUBMITTED, SUBMITTED - timedelta(days=1), "approved", "approved", {}, {})
