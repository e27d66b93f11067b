"""The dashboard: after two real contracts are submitted and one is decided (its blockers waived by the approver
with a reason, then approved by the reviewer), the figures shown match the store, and the open-data export
writes the department's row."""

from __future__ import annotations

import csv
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QTableWidget
from pytestqt.qtbot import QtBot

from gui.context import AppContext
from gui.dashboard_panel import DashboardPanel, compute_metrics
from gui.workers import TaskRunner
from review.export import CaseOutcome, open_data_rows
from review.store.unit_of_work import Store
from review.workflow import queries, services
from tests.conftest import CONTRACTS, INTAKE

# The counts are English plurals ("2 cases"), as the app shows them with its English translator.



@pytest.fixture
def cases(store: Store) -> tuple[int, int]:
    """(decided, waiting): v1 approved after its blockers were waived, v2 still submitted."""
    first = services.submit_case(store, [CONTRACTS / "cloud-services-v1.txt"], INTAKE, actor="dee")
    second = services.submit_case(store, [CONTRACTS / "cloud-services-v2.txt"], INTAKE, actor="dee")
    for finding in queries.open_case(store, first).findings:
        if finding.severity == "blocker":
            services.dispose(
                store, first, finding.id, "waive", actor="pat", reason="covered by the city's cyber policy",
                expected_version=finding.row_version,
            )  # fmt: skip
    services.decide(store, first, "approved", actor="rui", note="blockers waived by the approver")
    return first, second


@pytest.fixture
def statuses() -> list[str]:
    return []


@pytest.fixture
def context(store: Store, errors: list[BaseException], statuses: list[str]) -> AppContext:
    return AppContext(store, TaskRunner(synchronous=True), "rui", "reviewer", errors.append, statuses.append)


@pytest.fixture
def panel(qtbot: QtBot, context: AppContext, cases: tuple[int, int]) -> DashboardPanel:
    widget = DashboardPanel(context)
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show()  # showing it loads the figures
    qtbot.waitExposed(widget)
    return widget


def rows(table: QTableWidget) -> dict[str, list[str]]:
    """The table as the user reads it: the first column's text -> the other columns' text."""
    out = {}
    for row in range(table.rowCount()):
        texts = [table.item(row, column).text() for column in range(table.columnCount())]
        out[texts[0]] = texts[1:]
    return out


def headers(table: QTableWidget) -> list[str]:
    return [table.horizontalHeaderItem(column).text() for column in range(table.columnCount())]


def test_dashboard_panel_shows_counts_matching_the_store(
    panel: DashboardPanel, store: Store, cases: tuple[int, int], errors: list[BaseException]
) -> None:
    first, second = cases
    assert not errors
    assert panel.summary_label.text().startswith("2 cases: 1 open (the backlog), 1 decided. Turnaround: median 0.0")

    by_status = rows(panel.status_table)
    assert by_status["Approved"][0] == "1"
    assert by_status["Submitted"][0] == "1"
    assert by_status["In review"][0] == "0"

    views = [queries.open_case(store, case_id) for case_id in (first, second)]
    blockers = sum(view.severity_counts()["blocker"] for view in views)
    majors = sum(view.severity_counts()["major"] for view in views)
    findings = rows(panel.findings_table)
    columns = headers(panel.findings_table)
    assert columns[1:5] == ["BLOCKER", "MAJOR", "MINOR", "INFO"]
    assert not panel.findings_table.horizontalHeaderItem(1).icon().isNull()  # the icon and the word
    assert findings["Public Works"][0] == str(blockers)
    assert findings["Public Works"][1] == str(majors)
    assert findings["Public Works"][4] == str(sum(len(view.findings) for view in views))

    turnaround = rows(panel.turnaround_table)
    assert turnaround["All departments"][0] == "1"
    assert turnaround["Public Works"][0] == "1"

    month = f"{views[0].submitted_at:%Y-%m}"
    assert headers(panel.months_table)[:3] == ["Month submitted", "Cases submitted", "Approved"]
    assert rows(panel.months_table)[month] == ["2", "1", "0", "0", "0", "1"]

    assert "Public Works" in panel.findings_chart.accessibleDescription()  # the chart, in words
    assert panel.tabs.count() == 4


def test_dashboard_panel_refresh_follows_a_new_decision(
    qtbot: QtBot, panel: DashboardPanel, store: Store, cases: tuple[int, int]
) -> None:
    _, second = cases
    for finding in queries.open_case(store, second).findings:
        if finding.severity == "blocker":
            services.dispose(store, second, finding.id, "flag", actor="rui", expected_version=finding.row_version)
    services.decide(store, second, "changes_requested", actor="rui", note="see the redline")
    qtbot.keyClick(panel.refresh_button, " ")  # the button, from the keyboard
    assert rows(panel.status_table)["Changes requested"][0] == "1"
    assert rows(panel.turnaround_table)["All departments"][0] == "2"
    assert panel.summary_label.text().startswith("2 cases: 1 open (the backlog), 2 decided.")


def test_dashboard_panel_export_writes_the_departments_row(
    qtbot: QtBot, panel: DashboardPanel, tmp_path: Path, statuses: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "review-metrics.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), "CSV files (*.csv)"))
    qtbot.keyClick(panel.export_button, " ")

    with target.open(encoding="utf-8", newline="") as stream:
        written = list(csv.DictReader(stream))
    assert len(written) == 1
    row = written[0]
    assert row["department"] == "Public Works"
    assert (row["cases_submitted"], row["cases_decided"], row["decision_approved"]) == ("2", "1", "1")
    assert "vendor" not in row  # nothing confidential
    assert statuses == [f"Open data written to {target}"]


def test_dashboard_panel_turnaround_matches_the_open_data() -> None:
    start = datetime(2026, 3, 2, 9)
    outcomes = [
        CaseOutcome("Public Works", start, start + timedelta(days=days), "approved", "approved")
        for days in (1, 2, 3, 4, 10)
    ]
    outcomes.append(CaseOutcome("Library", start, None, None, "in_review", {"blocker": 2}))
    metrics = compute_metrics(outcomes)
    published = open_data_rows(outcomes)[1]  # Public Works (rows sorted by department)
    works = metrics.turnaround[2]
    assert works.department == "Public Works"
    assert (round(works.median, 1), round(works.p90, 1)) == (
        published["turnaround_days_median"],
        published["turnaround_days_p90"],
    )
    assert (works.median, round(works.p90, 6)) == (3.0, 7.6)
    assert metrics.turnaround[1].decided == 0 and metrics.turnaround[1].median is None  # Library: none decided
    assert (metrics.cases, metrics.open, metrics.decided) == (6, 1, 5)
    assert dict(metrics.findings)["Library"]["blocker"] == 2
