"""The review queue as a Qt table model: one row a `CaseSummary` (review/workflow/views.py), frozen and read-only
(STYLE 3). Sorting and the quick filter live in a QSortFilterProxyModel over it; `SortRole` gives each cell's raw,
comparable value (numbers, timestamps, workflow order) so "Age" or "Blockers" sort as numbers, not as text.

    >>> model = CaseTableModel()                                                    # doctest: +SKIP
    >>> model.set_cases(queries.list_cases(store))                                  # doctest: +SKIP
    >>> model.index(0, CaseTableModel.ID).data(CaseIdRole)                          # doctest: +SKIP
    2
    >>> model.set_hits(queries.search(store, "Wilmington"))  # adds the matched clause of each case  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from gui.finding_tree_model import severity_icon
from gui.table_sorting import natural_key
from review.workflow.queries import SearchHit
from review.workflow.states import FINAL, STATUSES
from review.workflow.views import CaseSummary

CaseIdRole = Qt.ItemDataRole.UserRole + 1  # int: the case's id, whatever the column
SortRole = Qt.ItemDataRole.UserRole + 2  # the raw value the proxy sorts by
SummaryRole = Qt.ItemDataRole.UserRole + 3  # the row's CaseSummary itself
SnippetRole = Qt.ItemDataRole.UserRole + 4  # str | None: the words around the search match

OPEN_STATUSES: tuple[str, ...] = tuple(s for s in STATUSES if s not in FINAL)  # the reviewers' backlog

AnyIndex = QModelIndex | QPersistentModelIndex


def status_words(status: str) -> str:
    """A case's status as people say it ("In review", not "in_review"), translated."""
    translate = QCoreApplication.translate
    words = {
        "submitted": translate("CaseStatus", "Submitted"),
        "in_review": translate("CaseStatus", "In review"),
        "changes_requested": translate("CaseStatus", "Changes requested"),
        "approved": translate("CaseStatus", "Approved"),
        "approved_with_conditions": translate("CaseStatus", "Approved with conditions"),
        "rejected": translate("CaseStatus", "Rejected"),
    }
    return words.get(status, status.replace("_", " ").capitalize())


def _aware(moment: datetime) -> datetime:
    # SQLite hands back naive datetimes; the store writes them in UTC (review/store/models.py).
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


class CaseTableModel(QAbstractTableModel):
    """Cases of the queue (or of a search), one a row; read-only. `now` is injectable so ages are testable."""

    ID, STATUS, DEPARTMENT, VENDOR, PRODUCT, SUBMITTED, AGE, VERSION, OPEN, BLOCKERS, MATCH = range(11)
    COLUMNS = 11

    def __init__(self, parent: QObject | None = None, *, now: Callable[[], datetime] | None = None) -> None:
        super().__init__(parent)
        self._cases: list[CaseSummary] = []
        self._matches: dict[int, tuple[str | None, str | None]] = {}  # case id -> (clause, snippet)
        self._now = now or (lambda: datetime.now(UTC))
        self._blocker_icon: QIcon | None = None

    # --- filling ------------------------------------------------------------------------------------------------

    def set_cases(self, cases: Sequence[CaseSummary]) -> None:
        """Show these cases (the queue): no search matches."""
        self.beginResetModel()
        self._cases = list(cases)
        self._matches = {}
        self.endResetModel()

    def set_hits(self, hits: Sequence[SearchHit]) -> None:
        """Show the cases a full-text search found, with the clause and words each matched in."""
        self.beginResetModel()
        self._cases = [hit.case for hit in hits]
        self._matches = {hit.case.id: (hit.clause, hit.snippet) for hit in hits if hit.clause or hit.snippet}
        self.endResetModel()

    def case_at(self, row: int) -> CaseSummary:
        return self._cases[row]

    def match_of(self, case_id: int) -> tuple[str | None, str | None] | None:
        """(clause, snippet) of the search match in this case, or None when it was not a word search."""
        return self._matches.get(case_id)

    @property
    def cases(self) -> tuple[CaseSummary, ...]:
        return tuple(self._cases)

    # --- the model ------------------------------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._cases)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.COLUMNS:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers()[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._header_tips().get(section)
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._cases):
            return None
        case, column = self._cases[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(case, column, spoken=role == Qt.ItemDataRole.AccessibleTextRole)
        if role == SortRole:
            return self._sort_value(case, column)
        if role == CaseIdRole:
            return case.id
        if role == SummaryRole:
            return case
        if role == SnippetRole:
            match = self._matches.get(case.id)
            return match[1] if match else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(case, column)
        if role == Qt.ItemDataRole.DecorationRole and column == self.BLOCKERS and case.blockers:
            return self._icon()  # an icon beside the number (and the word in the tooltip), never colour alone
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.ID, self.AGE, self.VERSION, self.OPEN):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.BLOCKERS:  # the number beside its icon
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return None

    # --- cells ----------------------------------------------------------------------------------------------------

    def _headers(self) -> list[str]:
        return [
            self.tr("Case"),
            self.tr("Status"),
            self.tr("Department"),
            self.tr("Vendor"),
            self.tr("Product"),
            self.tr("Submitted"),
            self.tr("Age"),
            self.tr("Version"),
            self.tr("Open findings"),
            self.tr("Blockers"),
            self.tr("Matched clause"),
        ]

    def _header_tips(self) -> dict[int, str]:
        return {
            self.AGE: self.tr("Days since the case was submitted; “decided” once it is approved or rejected"),
            self.VERSION: self.tr("The latest version of the contract"),
            self.OPEN: self.tr("Findings of the latest version nobody has disposed of yet"),
            self.BLOCKERS: self.tr(
                "BLOCKER findings of the latest version: each must be disposed of before a decision"
            ),
            self.MATCH: self.tr("The clause the searched words were found in"),
        }

    def _days(self, case: CaseSummary) -> float | None:
        """Days since submission, or None once the case is decided for good."""
        if case.status in FINAL:
            return None
        return max((self._now() - _aware(case.submitted_at)).total_seconds() / 86400, 0.0)

    def _text(self, case: CaseSummary, column: int, *, spoken: bool) -> str:
        if column == self.ID:
            return self.tr("Case {id}").format(id=case.id) if spoken else str(case.id)
        if column == self.STATUS:
            return status_words(case.status)
        if column == self.DEPARTMENT:
            return case.department
        if column == self.VENDOR:
            return case.vendor
        if column == self.PRODUCT:
            return case.product
        if column == self.SUBMITTED:
            return _aware(case.submitted_at).astimezone().date().isoformat()
        if column == self.AGE:
            days = self._days(case)
            if days is None:
                return self.tr("decided")
            whole = int(days)
            if whole == 0:
                return self.tr("today")
            return self.tr("%n day(s)", "", whole)
        if column == self.VERSION:
            return str(case.version)
        if column == self.OPEN:
            return str(case.undisposed)
        if column == self.BLOCKERS:
            if spoken:
                return self.tr("%n BLOCKER finding(s)", "", case.blockers)
            return str(case.blockers)
        if column == self.MATCH:
            match = self._matches.get(case.id)
            return (match[0] or self.tr("(before the first clause)")) if match else ""
        return ""

    def _sort_value(self, case: CaseSummary, column: int) -> Any:
        if column == self.ID:
            return case.id
        if column == self.STATUS:
            return STATUSES.index(case.status) if case.status in STATUSES else len(STATUSES)
        if column == self.SUBMITTED:
            return _aware(case.submitted_at).timestamp()
        if column == self.AGE:
            days = self._days(case)
            return -1.0 if days is None else days  # decided cases sort before the newest open one
        if column == self.VERSION:
            return case.version
        if column == self.OPEN:
            return case.undisposed
        if column == self.BLOCKERS:
            return case.blockers
        if column == self.MATCH:
            match = self._matches.get(case.id)
            return natural_key(match[0] or "") if match else ""  # clause 2 before clause 10
        return self._text(case, column, spoken=False).casefold()

    def _tooltip(self, case: CaseSummary, column: int) -> str | None:
        if column == self.SUBMITTED:
            moment = _aware(case.submitted_at).astimezone()
            return self.tr("Submitted by {user} on {when}").format(
                user=case.submitted_by, when=moment.strftime("%Y-%m-%d %H:%M")
            )
        if column == self.BLOCKERS:
            return self.tr("%n BLOCKER finding(s) in version {version}", "", case.blockers).format(version=case.version)
        if column == self.OPEN:
            return self.tr("{open} of %n finding(s) not yet disposed of", "", case.findings).format(
                open=case.undisposed
            )
        if column == self.MATCH:
            match = self._matches.get(case.id)
            return match[1] if match else None
        return None

    def _icon(self) -> QIcon:
        if self._blocker_icon is None:
            # the case view's blocker sign, so a severity looks alike on every screen
            self._blocker_icon = severity_icon("blocker") if QApplication.instance() is not None else QIcon()
        return self._blocker_icon
