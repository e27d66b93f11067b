"""The reviewers' queue: the cases waiting for review (or any status), narrowed by department, or found by words
anywhere in their contracts; a case opens with Enter or a double click.

    >>> panel = QueuePanel(context)                      # doctest: +SKIP
    >>> panel.case_opened.connect(window.open_case)      # doctest: +SKIP
    >>> panel.refresh()                                  # after something changed a case  # doctest: +SKIP

Loading runs through context.runner (STYLE 4); each answer carries the number of the request it answers, so a
slow answer to an older request never replaces a newer one.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSortFilterProxyModel, Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui.case_table_model import OPEN_STATUSES, STATUSES, CaseIdRole, CaseTableModel, SortRole, status_words
from gui.context import AppContext
from gui.table_sorting import SortControls
from review.store.unit_of_work import Store
from review.workflow import queries
from review.workflow.queries import SearchHit
from review.workflow.views import CaseSummary

QUEUE_LIMIT = 200  # cases a view shows at most; the count says so when there may be more


@dataclass(frozen=True, slots=True)
class QueueRequest:
    """What to load: statuses (None: any), a department (None: any), words to search the contracts for."""

    number: int
    statuses: tuple[str, ...] | None
    department: str | None
    words: str


@dataclass(frozen=True, slots=True)
class QueueAnswer:
    request: QueueRequest
    cases: list[CaseSummary]
    hits: list[SearchHit] | None  # None: not a word search


def load_queue(store: Store, request: QueueRequest) -> QueueAnswer:
    """Runs on a worker: the queue (newest first) or the search hits, for each status asked for."""
    statuses: tuple[str | None, ...] = request.statuses or (None,)
    if request.words.strip():
        hits = [
            hit
            for status in statuses
            for hit in queries.search(
                store, request.words, department=request.department, status=status, limit=QUEUE_LIMIT
            )
        ]
        hits.sort(key=lambda hit: hit.case.id, reverse=True)
        hits = hits[:QUEUE_LIMIT]
        return QueueAnswer(request, [hit.case for hit in hits], hits)
    cases = [
        case
        for status in statuses
        for case in queries.list_cases(store, status=status, department=request.department, limit=QUEUE_LIMIT)
    ]
    cases.sort(key=lambda case: (case.submitted_at, case.id), reverse=True)
    return QueueAnswer(request, cases[:QUEUE_LIMIT], None)


class QueuePanel(QWidget):
    """The queue: filters above, the cases in a sortable table, the selected case (or its match) below."""

    case_opened = Signal(int)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._requests = 0
        self._words = ""  # the words of the search shown (what Enter last ran), not what is being typed
        self._departments: set[str] = set()

        self.model = CaseTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SortRole)
        self.proxy.setFilterKeyColumn(-1)  # the quick filter looks in every column
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

        self.status_box = QComboBox(self)
        self.status_box.setAccessibleName(self.tr("Status"))
        self.status_box.addItem(self.tr("All open"), OPEN_STATUSES)
        for status in STATUSES:
            self.status_box.addItem(status_words(status), (status,))
        self.status_box.addItem(self.tr("All"), None)
        self.department_box = QComboBox(self)
        self.department_box.setAccessibleName(self.tr("Department"))
        self.department_box.addItem(self.tr("All departments"), None)
        self.department_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.search_box = QLineEdit(self)
        self.search_box.setAccessibleName(self.tr("Search the contracts"))
        self.search_box.setPlaceholderText(self.tr("Words in any contract; Enter searches"))
        self.search_box.setClearButtonEnabled(True)
        self.search_button = QPushButton(self.tr("Searc&h"), self)
        self.search_button.setAccessibleName(self.tr("Search the contracts"))
        self.filter_box = QLineEdit(self)
        self.filter_box.setAccessibleName(self.tr("Filter the rows shown"))
        self.filter_box.setPlaceholderText(self.tr("Narrow the rows below as you type"))
        self.filter_box.setClearButtonEnabled(True)

        self.table = QTableView(self)
        self.table.setAccessibleName(self.tr("Cases"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(CaseTableModel.SUBMITTED, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table, arrows move within it
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(CaseTableModel.VENDOR, QHeaderView.ResizeMode.Stretch)  # the spare width
        self.table.setColumnHidden(CaseTableModel.MATCH, True)
        self.sort_controls = SortControls(
            self.table, self, default=(CaseTableModel.SUBMITTED, Qt.SortOrder.DescendingOrder)
        )

        self.count_label = QLabel(self)
        self.count_label.setAccessibleName(self.tr("Number of cases"))
        self.detail_label = QLabel(self)
        self.detail_label.setAccessibleName(self.tr("Selected case"))
        self.detail_label.setWordWrap(True)
        self.detail_label.setTextFormat(Qt.TextFormat.PlainText)  # snippets are contract text, never markup
        self.detail_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_button = QPushButton(self.tr("&Open case"), self)
        self.open_button.setAccessibleName(self.tr("Open the selected case"))
        self.open_button.setEnabled(False)
        self.refresh_button = QPushButton(self.tr("&Refresh"), self)
        self.refresh_button.setAccessibleName(self.tr("Refresh the queue"))
        self.refresh_button.setToolTip(self.tr("Load the cases again (F5)"))

        self._lay_out()
        self._connect()
        self.refresh()

    def _lay_out(self) -> None:
        filters = QGridLayout()
        for column, (text, buddy) in enumerate(
            (
                (self.tr("&Status:"), self.status_box),
                (self.tr("&Department:"), self.department_box),
                (self.tr("Search &contracts:"), self.search_box),
            )
        ):
            label = QLabel(text, self)
            label.setBuddy(buddy)
            filters.addWidget(label, 0, column)
            filters.addWidget(buddy, 1, column)
        filters.addWidget(self.search_button, 1, 3)
        filters.setColumnStretch(2, 1)

        narrow = QHBoxLayout()  # a row of its own: it narrows what is loaded, the row above loads
        filter_label = QLabel(self.tr("F&ilter rows:"), self)
        filter_label.setBuddy(self.filter_box)
        narrow.addWidget(filter_label)
        narrow.addWidget(self.filter_box, 1)
        narrow.addWidget(self.sort_controls)
        narrow.addWidget(self.count_label, 1)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.refresh_button)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(narrow)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail_label)
        layout.addLayout(buttons)

        order = (self.status_box, self.department_box, self.search_box, self.search_button, self.filter_box,
                 self.sort_controls.column_box, self.sort_controls.descending_box, self.table, self.open_button,
                 self.refresh_button)  # fmt: skip
        for first, second in pairwise(order):
            QWidget.setTabOrder(first, second)
        self.setFocusProxy(self.table)  # Ctrl+2 (Go > Review queue) lands in the table

    def _connect(self) -> None:
        self.status_box.currentIndexChanged.connect(self.refresh)
        self.department_box.currentIndexChanged.connect(self.refresh)
        self.search_box.returnPressed.connect(self.search)
        self.search_button.clicked.connect(self.search)
        self.search_box.textChanged.connect(self._search_text_changed)
        self.filter_box.textChanged.connect(self._filter)
        self.table.activated.connect(self._open_index)  # Enter, and a double click
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.open_button.clicked.connect(self.open_selected)
        self.refresh_button.clicked.connect(self.refresh)
        refresh = QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self)
        refresh.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        refresh.activated.connect(self.refresh)
        find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        find.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.activated.connect(lambda: self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason))

    # --- loading --------------------------------------------------------------------------------------------------

    @Slot()
    def refresh(self) -> None:
        """Load the cases again with the filters shown (and the search last run, if any)."""
        self._requests += 1
        request = QueueRequest(
            self._requests, self.status_box.currentData(), self.department_box.currentData(), self._words
        )
        self.count_label.setText(self.tr("Loading…"))
        self.context.runner.run(load_queue, self.context.store, request, done=self._loaded, failed=self._failed)

    @Slot()
    def search(self) -> None:
        """Search the contracts for the words typed (with the status and department chosen); empty: the queue."""
        self._words = self.search_box.text().strip()
        self.refresh()

    def _search_text_changed(self, text: str) -> None:
        if not text.strip() and self._words:  # cleared (e.g. with its clear button): back to the queue
            self.search()

    def _failed(self, error: BaseException) -> None:
        self.count_label.setText(self.tr("Could not load the cases"))
        self.context.report_error(error)

    def _loaded(self, answer: QueueAnswer) -> None:
        if answer.request.number != self._requests:
            return  # a newer request is on its way
        selected = self.selected_case_id()
        if answer.hits is None:
            self.model.set_cases(answer.cases)
        else:
            self.model.set_hits(answer.hits)
        searching = bool(answer.request.words)
        self.table.setColumnHidden(CaseTableModel.MATCH, not searching)
        self.sort_controls.update_columns()
        # While searching, the match takes the spare width (a long clause label must not push it out of sight).
        header = self.table.horizontalHeader()
        fit, spare = QHeaderView.ResizeMode.ResizeToContents, QHeaderView.ResizeMode.Stretch
        header.setSectionResizeMode(CaseTableModel.VENDOR, fit if searching else spare)
        header.setSectionResizeMode(CaseTableModel.MATCH, spare if searching else fit)
        self._add_departments({case.department for case in answer.cases})
        self._show_count()
        self._select(selected)

    def _add_departments(self, departments: set[str]) -> None:
        """Departments seen in any answer stay in the box (narrowing to one must not hide the others)."""
        new = departments - self._departments
        if not new:
            return
        self._departments |= new
        current = self.department_box.currentData()
        self.department_box.blockSignals(True)  # refilling is not a choice of the user's: no reload
        self.department_box.clear()
        self.department_box.addItem(self.tr("All departments"), None)
        for department in sorted(self._departments, key=str.casefold):
            self.department_box.addItem(department, department)
        self.department_box.setCurrentIndex(max(self.department_box.findData(current), 0))
        self.department_box.blockSignals(False)

    def _select(self, case_id: int | None) -> None:
        """Select the case selected before the reload if it is still there, else the first row."""
        if self.proxy.rowCount() == 0:
            self._current_changed(QModelIndex())
            return
        row = 0
        if case_id is not None:
            for candidate in range(self.proxy.rowCount()):
                if self.proxy.index(candidate, 0).data(CaseIdRole) == case_id:
                    row = candidate
                    break
        self.table.selectionModel().setCurrentIndex(
            self.proxy.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
        )

    # --- what the user sees ---------------------------------------------------------------------------------------

    def _filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text)
        self._show_count()
        if not self.table.currentIndex().isValid():
            self._select(None)

    def _show_count(self) -> None:
        total, shown = self.model.rowCount(), self.proxy.rowCount()
        if self._words:
            text = self.tr("%n case(s) match “{words}”", "", total).format(words=self._words)
        else:
            text = self.tr("%n case(s)", "", total)
        if shown != total:
            text = self.tr("{shown} shown of {text}").format(shown=shown, text=text)
        if total >= QUEUE_LIMIT:
            text = self.tr("{text} (the newest; narrow the filters to see others)").format(text=text)
        self.count_label.setText(text)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex | None = None) -> None:
        self.open_button.setEnabled(current.isValid())
        if not current.isValid():
            self.detail_label.setText(
                self.tr("No case matches these filters.") if self.model.rowCount() else self.tr("No cases to show.")
            )
            return
        case = self.model.case_at(self.proxy.mapToSource(current).row())
        text = self.tr("Case {id}: {vendor}, {product} ({department}), {status}. %n finding(s), "
                       "{blockers} BLOCKER, {open} not yet disposed of. Enter opens it.", "", case.findings).format(
            id=case.id, vendor=case.vendor, product=case.product, department=case.department,
            status=status_words(case.status), blockers=case.blockers, open=case.undisposed,
        )  # fmt: skip
        match = self.model.match_of(case.id)
        if match is not None:
            clause, snippet = match
            text += "\n" + self.tr("Found in clause {clause}: {snippet}").format(
                clause=clause or self.tr("(before the first clause)"), snippet=snippet or ""
            )
        self.detail_label.setText(text)

    # --- opening --------------------------------------------------------------------------------------------------

    def selected_case_id(self) -> int | None:
        index = self.table.currentIndex()
        return index.data(CaseIdRole) if index.isValid() else None

    @Slot()
    def open_selected(self) -> None:
        self._open_index(self.table.currentIndex())

    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.case_opened.emit(int(index.data(CaseIdRole)))
