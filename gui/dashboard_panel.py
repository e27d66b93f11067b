"""The review service's performance: how long reviews take (median and 90th percentile days, overall and by
department), the backlog by status, the findings by severity and department, and the outcomes by month. Each
chart has a table beside it with the same figures (for the keyboard, screen readers and copying), and the
metrics can be exported as the open-data CSV (review/export/open_data.py: counts only, nothing confidential).

    >>> panel = DashboardPanel(context)                     # doctest: +SKIP
    >>> panel.refresh()                  # reads queries.case_outcomes on context.runner   # doctest: +SKIP
    >>> panel.export_open_data("/tmp/review-metrics.csv")   # "Export open data…" once a file is chosen # doctest: +SKIP
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from gui.bar_chart import BarChart
from gui.case_table_model import OPEN_STATUSES, STATUSES, status_words
from gui.context import AppContext
from gui.finding_tree_model import severity_icon, severity_word
from review.export import write_open_data_csv
from review.model import SEVERITIES
from review.store.unit_of_work import Store
from review.workflow import queries
from review.workflow.states import DECISIONS
from review.workflow.views import CaseOutcome


@dataclass(frozen=True, slots=True)
class Turnaround:
    department: str | None  # None: all departments
    decided: int
    median: float | None  # days; None when nothing was decided
    p90: float | None


@dataclass(frozen=True, slots=True)
class DashboardMetrics:
    """The figures the dashboard shows, computed on the worker from the cases' outcomes."""

    cases: int
    open: int
    decided: int
    turnaround: tuple[Turnaround, ...]  # all departments first, then each department
    statuses: dict[str, int]  # every status, in workflow order
    findings: tuple[tuple[str, dict[str, int]], ...]  # (department, severity -> count), latest versions
    months: tuple[tuple[str, dict[str, int]], ...]  # (YYYY-MM submitted, decision or "open" -> count)


def _percentile(days: list[float], fraction: float) -> float:
    """Linear interpolation between closest ranks, as the open-data file computes it (Excel PERCENTILE.INC)."""
    ordered = sorted(days)
    position = (len(ordered) - 1) * fraction
    below = int(position)
    above = min(below + 1, len(ordered) - 1)
    return ordered[below] + (ordered[above] - ordered[below]) * (position - below)


def _turnaround(department: str | None, outcomes: Sequence[CaseOutcome]) -> Turnaround:
    days = [
        (o.decided_at - o.submitted_at).total_seconds() / 86400 for o in outcomes if o.decided_at is not None
    ]  # fmt: skip
    if not days:
        return Turnaround(department, 0, None, None)
    return Turnaround(department, len(days), statistics.median(days), _percentile(days, 0.9))


def compute_metrics(outcomes: Sequence[CaseOutcome]) -> DashboardMetrics:
    """Everything the dashboard shows, from `queries.case_outcomes` (pure: runs on the worker, testable alone)."""
    by_department: dict[str, list[CaseOutcome]] = defaultdict(list)
    months: dict[str, Counter[str]] = defaultdict(Counter)
    for outcome in outcomes:
        by_department[" ".join(outcome.department.split())].append(outcome)  # as the open data groups them
        month = f"{outcome.submitted_at.year:04d}-{outcome.submitted_at.month:02d}"
        months[month][outcome.decision or "open"] += 1
    statuses = Counter(o.status for o in outcomes)
    findings = []
    for department, group in sorted(by_department.items(), key=lambda item: item[0].casefold()):
        counts: Counter[str] = Counter()
        for outcome in group:
            counts.update(outcome.findings)
        findings.append((department, {severity: counts.get(severity, 0) for severity in SEVERITIES}))
    return DashboardMetrics(
        cases=len(outcomes),
        open=sum(1 for o in outcomes if o.status in OPEN_STATUSES),
        decided=sum(1 for o in outcomes if o.decision is not None),
        turnaround=(
            _turnaround(None, outcomes),
            *(_turnaround(d, g) for d, g in sorted(by_department.items(), key=lambda item: item[0].casefold())),
        ),
        statuses={status: statuses.get(status, 0) for status in STATUSES},
        findings=tuple(findings),
        months=tuple((month, {k: months[month].get(k, 0) for k in (*DECISIONS, "open")}) for month in sorted(months)),
    )


def load_metrics(store: Store) -> DashboardMetrics:
    """Runs on a worker."""
    return compute_metrics(queries.case_outcomes(store))


def write_open_data(store: Store, path: str) -> Path:
    """Runs on a worker: the outcomes as they are now (not as last shown), written as the open-data CSV."""
    return write_open_data_csv(queries.case_outcomes(store), path)


def _days(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}"


class DashboardPanel(QWidget):
    """Four metrics, each a chart with its table, a summary line, Refresh (F5) and "Export open data…"."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.metrics: DashboardMetrics | None = None
        self._requests = 0  # numbers each refresh; only the newest one's answer is shown

        self.summary_label = QLabel(self.tr("Loading…"), self)
        self.summary_label.setAccessibleName(self.tr("Summary"))
        self.summary_label.setWordWrap(True)
        self.refresh_button = QPushButton(self.tr("&Refresh"), self)
        self.refresh_button.setAccessibleName(self.tr("Refresh the dashboard"))
        self.refresh_button.setToolTip(self.tr("Read the figures again (F5)"))
        self.export_button = QPushButton(self.tr("&Export open data…"), self)
        self.export_button.setAccessibleName(self.tr("Export the metrics as open data"))
        self.export_button.setToolTip(
            self.tr("A CSV of counts, outcomes and turnaround by department and month, with no confidential content")
        )

        self.turnaround_chart = BarChart(self.tr("Turnaround in days, from submission to decision"), self)
        self.turnaround_table = self._table(self.tr("Turnaround by department, table"))
        self.status_chart = BarChart(self.tr("Cases by status"), self)
        self.status_table = self._table(self.tr("Cases by status, table"))
        self.findings_chart = BarChart(self.tr("Findings by severity and department (latest versions)"), self)
        self.findings_table = self._table(self.tr("Findings by severity and department, table"))
        self.months_chart = BarChart(self.tr("Outcomes by month submitted"), self)
        self.months_table = self._table(self.tr("Outcomes by month, table"))

        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(self.tr("Metrics"))
        self.tabs.addTab(self._pair(self.turnaround_chart, self.turnaround_table), self.tr("&Turnaround"))
        self.tabs.addTab(self._pair(self.status_chart, self.status_table), self.tr("&Backlog"))
        self.tabs.addTab(self._pair(self.findings_chart, self.findings_table), self.tr("F&indings"))
        self.tabs.addTab(self._pair(self.months_chart, self.months_table), self.tr("Outcomes by &month"))

        top = QHBoxLayout()
        top.addWidget(self.summary_label, 1)
        top.addWidget(self.refresh_button)
        top.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        QWidget.setTabOrder(self.refresh_button, self.export_button)
        QWidget.setTabOrder(self.export_button, self.tabs)
        self.setFocusProxy(self.tabs)

        self.refresh_button.clicked.connect(self.refresh)
        self.export_button.clicked.connect(self.choose_export_file)
        refresh = QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self)
        refresh.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        refresh.activated.connect(self.refresh)

    def _table(self, name: str) -> QTableWidget:
        table = QTableWidget(self)
        table.setAccessibleName(name)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setTabKeyNavigation(False)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        return table

    def _pair(self, chart: BarChart, table: QTableWidget) -> QWidget:
        """A chart (scrolling when it outgrows the tab) above the table that says the same."""
        page = QWidget(self)
        scroll = QScrollArea(page)
        scroll.setWidget(chart)
        scroll.setWidgetResizable(True)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout = QVBoxLayout(page)
        layout.addWidget(scroll, 3)
        layout.addWidget(table, 2)
        return page

    def showEvent(self, event: QShowEvent) -> None:  # Qt's name
        super().showEvent(event)
        self.refresh()  # the figures move with every decision: read them whenever the dashboard is looked at

    # --- loading --------------------------------------------------------------------------------------------------

    @Slot()
    def refresh(self) -> None:
        self._requests += 1
        asked = self._requests  # an older, slower answer must not replace a newer one
        self.context.runner.run(
            load_metrics,
            self.context.store,
            done=lambda metrics: self._loaded(metrics) if asked == self._requests else None,
            failed=self.context.report_error,
        )

    def _loaded(self, metrics: DashboardMetrics) -> None:
        self.metrics = metrics
        overall = metrics.turnaround[0]
        if overall.decided:
            turnaround = self.tr("Turnaround: median {median} days, 90th percentile {p90} days.").format(
                median=_days(overall.median), p90=_days(overall.p90)
            )
        else:
            turnaround = self.tr("No case has been decided yet.")
        self.summary_label.setText(
            self.tr("%n case(s): {open} open (the backlog), {decided} decided. {turnaround}", "", metrics.cases).format(
                open=metrics.open, decided=metrics.decided, turnaround=turnaround
            )
        )
        self._show_turnaround(metrics)
        self._show_statuses(metrics)
        self._show_findings(metrics)
        self._show_months(metrics)

    # --- the four metrics -----------------------------------------------------------------------------------------

    def _show_turnaround(self, metrics: DashboardMetrics) -> None:
        everyone = self.tr("All departments")
        rows = [
            [t.department or everyone, str(t.decided), _days(t.median), _days(t.p90)] for t in metrics.turnaround
        ]  # fmt: skip
        self._fill(self.turnaround_table, [self.tr("Department"), self.tr("Cases decided"),
                                           self.tr("Median days"), self.tr("90th percentile days")], rows)  # fmt: skip
        decided = [t for t in metrics.turnaround if t.decided]
        self.turnaround_chart.empty_text = self.tr("No case has been decided yet.")
        self.turnaround_chart.set_data(
            [t.department or everyone for t in decided],
            [
                (self.tr("Median"), [t.median or 0.0 for t in decided]),
                (self.tr("90th percentile"), [t.p90 or 0.0 for t in decided]),
            ],
            lambda days: self.tr("{days} days").format(days=_days(days)),
        )

    def _show_statuses(self, metrics: DashboardMetrics) -> None:
        rows = [
            [status_words(s), str(n), self.tr("open") if s in OPEN_STATUSES else self.tr("decided")]
            for s, n in metrics.statuses.items()
        ]
        self._fill(self.status_table, [self.tr("Status"), self.tr("Cases"), self.tr("Open or decided")], rows)
        self.status_chart.set_data(
            [status_words(s) for s in metrics.statuses] if metrics.cases else [],
            [(self.tr("Cases"), list(metrics.statuses.values()))],
        )

    def _show_findings(self, metrics: DashboardMetrics) -> None:
        words = {severity: severity_word(severity) for severity in SEVERITIES}
        rows = [
            [department, *(str(counts[s]) for s in SEVERITIES), str(sum(counts.values()))]
            for department, counts in metrics.findings
        ]
        self._fill(self.findings_table, [self.tr("Department"), *words.values(), self.tr("Total")], rows)
        for column, severity in enumerate(SEVERITIES, start=1):  # the icon AND the word, never colour alone
            header = self.findings_table.horizontalHeaderItem(column)
            if header is not None:
                header.setIcon(severity_icon(severity))
        self.findings_chart.set_data(
            [department for department, _ in metrics.findings],
            [(words[s], [counts[s] for _, counts in metrics.findings]) for s in SEVERITIES],
        )

    def _show_months(self, metrics: DashboardMetrics) -> None:
        kinds = [*DECISIONS, "open"]
        names = [status_words(d) for d in DECISIONS] + [self.tr("Not decided yet")]
        rows = [
            [month, str(sum(counts.values())), *(str(counts[k]) for k in kinds)] for month, counts in metrics.months
        ]
        self._fill(self.months_table, [self.tr("Month submitted"), self.tr("Cases submitted"), *names], rows)
        self.months_chart.set_data(
            [month for month, _ in metrics.months],
            [(name, [counts[k] for _, counts in metrics.months]) for name, k in zip(names, kinds, strict=True)],
        )

    def _fill(self, table: QTableWidget, headers: list[str], rows: list[list[str]]) -> None:
        table.clear()
        table.setColumnCount(len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                item = QTableWidgetItem(text)
                if c:  # figures line up on the right; the first column names the row
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(r, c, item)

    # --- open data ------------------------------------------------------------------------------------------------

    @Slot()
    def choose_export_file(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export open data"), "review-metrics.csv", self.tr("CSV files (*.csv)")
        )
        if path:
            self.export_open_data(path)

    def export_open_data(self, path: str | Path) -> None:
        """Write the open-data CSV to `path` on the runner; the status bar says where it went."""
        self.context.runner.run(
            write_open_data, self.context.store, str(path), done=self._exported, failed=self.context.report_error
        )

    def _exported(self, path: Path) -> None:
        self.context.show_status(self.tr("Open data written to {path}").format(path=path))
