"""The case view: a reviewer works through every finding of a case beside the contract, disposes of each
(A accept, F flag for negotiation, W waive with a reason, X false positive), comments, decides, reopens, adds
the vendor's next version, compares versions and exports the memo and the vendor redline.

    >>> panel = CasePanel(context, parent=window)                                             # doctest: +SKIP
    >>> panel.changed.connect(lambda case_id: queue.refresh())                                # doctest: +SKIP
    >>> panel.open_case(7)                     # loads in the runner; the findings and the contract appear

Every read and write goes through `context.runner` (STYLE 4) and every refusal of the library (E301 not now,
E302 not your role, E405 someone else changed it) reaches `context.report_error`; what the user typed stays
in its field until the library has taken it.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

import review
from gui.case_table_model import status_words
from gui.compare_dialog import CompareDialog
from gui.context import AppContext
from gui.decision_dialog import DecisionDialog
from gui.document_view import DocumentView
from gui.finding_detail import ACTIONS, FindingDetail
from gui.finding_tree_model import (
    CHANGE,
    DISPOSITION,
    SEVERITY,
    TITLE,
    WHERE,
    FindingTreeModel,
    disposition_word,
    severity_icon,
    severity_word,
)
from gui.workers import Cancelled, Task
from review.errors import ConcurrentChange, ReviewError, TransitionRefused
from review.export import RedlineResult, write_memo, write_redline
from review.export.labels import when
from review.model import SEVERITIES, Clause, Document
from review.workflow import queries, services, views
from review.workflow.states import FINAL
from review.workflow.views import CaseView, FindingView

OPEN_STATUSES = frozenset({"submitted", "in_review"})  # findings can be disposed of, the case decided
VERSIONABLE = frozenset({"submitted", "in_review", "changes_requested"})


@dataclass(frozen=True, slots=True)
class LoadedFile:
    """One contract file of the latest version, read and segmented in the worker."""

    info: views.DocumentView
    data: bytes
    document: Document
    clauses: tuple[Clause, ...]


@dataclass(frozen=True, slots=True)
class LoadedCase:
    case: CaseView
    files: tuple[LoadedFile, ...] | None  # None: the files shown are still those of this version
    file_error: ReviewError | None = None  # the files could not be read; the findings still show


def load_case(store: Any, case_id: int, shown_version: int | None = None) -> LoadedCase:
    """The case, and its latest version's files read and segmented unless `shown_version` is that version
    (a reload after a disposition does not read the contract again). Runs in the worker."""
    case = queries.open_case(store, case_id)
    if shown_version == case.version:
        return LoadedCase(case, None)
    try:
        stored = queries.contract_files(store, case_id, case.version)
        files = []
        for info, data in stored:
            document = review.read_bytes(data, path=info.file_name)
            files.append(LoadedFile(info, data, document, tuple(review.segment(document))))
    except ReviewError as error:  # a damaged stored file must not hide the findings
        return LoadedCase(case, (), error)
    return LoadedCase(case, tuple(files))


def redline_name(info: views.DocumentView) -> str:
    """'msa-city-comments.docx': a text contract's redline is a DOCX, a PDF's a PDF."""
    suffix = ".pdf" if info.format == "pdf" else ".docx"
    return f"{Path(info.file_name).stem}-city-comments{suffix}"


def write_redlines(case: CaseView, items: Sequence[tuple[LoadedFile, Path]]) -> list[RedlineResult]:
    """One redline per file of the latest version. Runs in the worker."""
    return [
        write_redline(case, file.data, file.info.format, path, document=file.info.file_name) for file, path in items
    ]


class CasePanel(QWidget):
    """One case: header, findings grouped by severity, the selected finding's detail, and the contract."""

    changed = Signal(int)  # the case id, after any change to the case (the queue refreshes)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.case: CaseView | None = None
        self.files: tuple[LoadedFile, ...] = ()
        self.decision_dialog: DecisionDialog | None = None
        self.reopen_dialog: QInputDialog | None = None
        self.compare_dialog: CompareDialog | None = None
        self._generation = 0  # a load that finishes after a newer one started is dropped
        self._working = False  # a disposition is on its way: a second key press must not race it
        self._files_pending = False  # a loaded contract waits for the event loop's next turn to be shown
        self._task: Task | None = None  # the version being added, so it can be cancelled
        self._build_header()
        self._build_findings()
        self._build_documents()
        self._build_layout()
        self._update_header()

    # --- building -------------------------------------------------------------------------------------------

    def _build_header(self) -> None:
        self.title_label = QLabel(self)
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title_label.setFont(font)
        self.title_label.setWordWrap(True)
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.facts_label = QLabel(self)
        self.facts_label.setWordWrap(True)
        self.decision_label = QLabel(self)
        self.decision_label.setWordWrap(True)
        self.count_icons: dict[str, QLabel] = {}
        self.count_labels: dict[str, QLabel] = {}
        self.counts_row = QHBoxLayout()
        for severity in SEVERITIES:
            icon = QLabel(self)
            size = self.fontMetrics().height()
            icon.setPixmap(severity_icon(severity).pixmap(size, size))
            label = QLabel(self)
            self.count_icons[severity], self.count_labels[severity] = icon, label
            self.counts_row.addWidget(icon)
            self.counts_row.addWidget(label)
            self.counts_row.addSpacing(size)
        self.counts_row.addStretch(1)

        def button(text: str, name: str, slot: Callable[[], None]) -> QPushButton:
            widget = QPushButton(text, self)
            widget.setAccessibleName(name)
            widget.clicked.connect(slot)
            return widget

        self.decide_button = button(self.tr("D&ecide…"), self.tr("Decide the case"), self.decide)
        self.reopen_button = button(self.tr("Re&open…"), self.tr("Reopen the case"), self.reopen)
        self.add_version_button = button(self.tr("Add &version…"), self.tr("Add a version"), self.choose_version)
        self.compare_button = button(self.tr("Com&pare versions…"), self.tr("Compare versions"), self.compare)
        self.memo_button = button(self.tr("Export &memo…"), self.tr("Export the review memo"), self.choose_memo)
        self.redline_button = button(
            self.tr("Export vendor &redline…"), self.tr("Export the vendor redline"), self.choose_redline
        )
        self.header_buttons = (
            self.decide_button, self.reopen_button, self.add_version_button,
            self.compare_button, self.memo_button, self.redline_button,
        )  # fmt: skip

        self.progress = QProgressBar(self)
        self.progress.setAccessibleName(self.tr("Progress of adding the version"))
        self.progress.setRange(0, 100)
        self.progress_label = QLabel(self)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setAccessibleName(self.tr("Cancel adding the version"))
        self.cancel_button.clicked.connect(self.cancel_version)
        for widget in (self.progress, self.progress_label, self.cancel_button):
            widget.hide()

    def _build_findings(self) -> None:
        self.model = FindingTreeModel(self)
        self.tree = QTreeView(self)
        self.tree.setModel(self.model)
        self.tree.setAccessibleName(self.tr("Findings"))
        self.tree.setAccessibleDescription(
            self.tr(
                "Findings grouped by severity. A accepts, F flags for negotiation, W waives, X marks a false positive."
            )
        )
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setUniformRowHeights(True)
        self.tree.setAllColumnsShowFocus(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        # Widths in characters (they grow with the font), not sized to the contents, which would ask the model
        # for every row's text at each load. A long file name must not push the disposition out of sight:
        # Where is narrow (its tooltip has it all).
        metrics = self.fontMetrics()
        x = metrics.horizontalAdvance("x")
        words = max(metrics.horizontalAdvance(severity_word(severity)) for severity in SEVERITIES)
        icon = self.tree.iconSize().width() if self.tree.iconSize().isValid() else metrics.height()
        widths = {
            SEVERITY: self.tree.indentation() + icon + words + 3 * x,  # the group's indent, the icon and the word
            WHERE: 12 * x,
            DISPOSITION: metrics.horizontalAdvance(disposition_word(None)) + 4 * x,  # shown in italics
            CHANGE: 11 * x,
        }
        for column, width in widths.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self.findings_label = QLabel(self.tr("F&indings:"), self)
        self.findings_label.setBuddy(self.tree)
        self.keys_hint = QLabel(
            self.tr("Keys in the list: A accept · F flag · W waive (reason first) · X false positive · F5 reload"),
            self,
        )
        self.keys_hint.setWordWrap(True)

        # The single keys act only while the list has focus, so typing a reason or a comment never triggers them.
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.key_actions: dict[str, QAction] = {}
        texts = {
            "accept": (self.tr("Accept"), "A"),
            "flag": (self.tr("Flag for negotiation"), "F"),
            "waive": (self.tr("Waive"), "W"),
            "false_positive": (self.tr("False positive"), "X"),
        }
        for action_name in ACTIONS:
            text, key = texts[action_name]
            action = QAction(text, self.tree)
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(lambda _=False, a=action_name: self.dispose(a))
            self.tree.addAction(action)
            self.key_actions[action_name] = action

        refresh = QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self)  # F5: what others did meanwhile
        refresh.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        refresh.activated.connect(lambda: self.reload())

        self.detail = FindingDetail(self)
        self.detail.dispose_requested.connect(self.dispose)
        self.detail.comment_requested.connect(self.add_comment)

    def _build_documents(self) -> None:
        self.document_combo = QComboBox(self)
        self.document_combo.setAccessibleName(self.tr("Contract document"))
        self.document_combo.currentIndexChanged.connect(self._show_document)
        self.document_label = QLabel(self.tr("&Document:"), self)
        self.document_label.setBuddy(self.document_combo)
        self.document_view = DocumentView(self)
        self.document_view.setAccessibleName(self.tr("Contract"))
        self.document_view.clause_activated.connect(self._clause_activated)

    def _build_layout(self) -> None:
        buttons = QGridLayout()
        for number, widget in enumerate(self.header_buttons):  # two columns: the header holds at 200 % fonts
            buttons.addWidget(widget, number // 2, number % 2)
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress_label)
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.cancel_button)
        top = QHBoxLayout()
        facts = QVBoxLayout()
        facts.addWidget(self.title_label)
        facts.addWidget(self.facts_label)
        facts.addWidget(self.decision_label)
        top.addLayout(facts, 1)
        top.addLayout(buttons)

        # The list and the finding keep a readable height at large font sizes; when the window is too short for
        # them they scroll, rather than squeezing the list to its header. The wrapped hint stays out of the
        # splitter (which would not give it the height its wrapping needs) and out of the scroll area (which would
        # then size the splitter to its preferred height, not to the room there is).
        left = QSplitter(Qt.Orientation.Vertical, self)
        left.addWidget(self.tree)
        left.addWidget(self.detail)
        left.setStretchFactor(0, 1)
        left.setStretchFactor(1, 1)
        lines = self.fontMetrics().lineSpacing()
        self.tree.setMinimumHeight(lines * 5)
        self.detail.browser.setMinimumHeight(lines * 5)
        left_scroll = QScrollArea(self)
        left_scroll.setAccessibleName(self.tr("Findings and the selected finding"))
        left_scroll.setWidgetResizable(True)
        left_scroll.setFrameShape(QFrame.Shape.NoFrame)
        left_scroll.setWidget(left)
        column = QWidget(self)
        column_layout = QVBoxLayout(column)
        column_layout.setContentsMargins(0, 0, 0, 0)
        column_layout.addWidget(self.findings_label)
        column_layout.addWidget(self.keys_hint)
        column_layout.addWidget(left_scroll, 1)

        document = QWidget(self)
        document_layout = QVBoxLayout(document)
        document_layout.setContentsMargins(0, 0, 0, 0)
        chooser = QHBoxLayout()
        chooser.addWidget(self.document_label)
        chooser.addWidget(self.document_combo, 1)
        document_layout.addLayout(chooser)
        document_layout.addWidget(self.document_view, 1)
        self.document_view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(column)
        self.splitter.addWidget(document)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self._sized = False  # the splitter is shared out once, when the panel first has its width

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(self.counts_row)  # a row of its own, full width: it cannot wrap, the facts above can
        layout.addLayout(progress_row)
        layout.addWidget(self.splitter, 1)

        # Keyboard order: the list first (where the work is), then its detail, the contract, then the header.
        self.setFocusProxy(self.tree)
        chain: list[QWidget] = [
            self.tree,
            self.detail.browser,
            self.detail.reason_edit,
            *(self.detail.buttons[a] for a in ACTIONS),
            self.detail.comment_edit,
            self.detail.about,
            self.detail.add_comment_button,
            self.document_combo,
            self.document_view,
            *self.header_buttons,
            self.cancel_button,
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._sized and self.width() > 0:
            self._sized = True
            self.splitter.setSizes([self.width() // 2, self.width() // 2])  # findings: as much room as the contract

    # --- opening a case ------------------------------------------------------------------------------------

    def open_case(self, case_id: int) -> None:
        """Load the case and its latest version's contract files (in the runner) and show them."""
        self._load(case_id, select=None, files=True)

    def reload(self, select: int | None = None, advance: bool = False) -> None:
        """Load the open case again; keep the selection on `select` (or the current finding), or with `advance`
        move to the next finding nobody has disposed of yet."""
        if self.case is None:
            return
        current = self.current_finding()
        self._load(self.case.id, select=select or (current.id if current else None), files=False, advance=advance)

    def _load(self, case_id: int, *, select: int | None, files: bool, advance: bool = False) -> None:
        files = files or self._files_pending  # a newer load takes over the contract an older one had yet to show
        self._generation += 1
        generation = self._generation
        shown = self.case.version if (not files and self.case is not None and self.case.id == case_id) else None
        if files:  # a reload after a change leaves the status bar to the message about the change
            self.context.show_status(self.tr("Opening case {id}…").format(id=case_id))
        self.context.runner.run(
            load_case,
            self.context.store,
            case_id,
            shown,
            done=lambda loaded: self._loaded(generation, loaded, select, advance, announce=files),
            failed=lambda error: self._load_failed(generation, error),
        )

    def _loaded(
        self, generation: int, loaded: LoadedCase, select: int | None, advance: bool, *, announce: bool
    ) -> None:
        if generation != self._generation:
            return  # a newer load is on its way
        self._working = False
        self.case = loaded.case
        self.model.set_findings(loaded.case.findings, with_document=len(loaded.case.current_documents) > 1)
        self.tree.setColumnHidden(CHANGE, loaded.case.version < 2)  # nothing to compare with in a first version
        self.tree.expandAll()
        self._update_header()
        if loaded.files is None:
            self._select(select, advance)
        else:  # the contract on the event loop's next turn: laying out a long one takes tens of milliseconds too
            files, self.files = loaded.files, ()  # meanwhile no finding points into the contract shown before
            self.document_view.clear()
            self._files_pending = True
            QTimer.singleShot(0, self, lambda: self._show_files(generation, files, select, advance))
        if announce:
            self.context.show_status(self.tr("Case {id} open").format(id=loaded.case.id))
        if loaded.file_error is not None:
            self.context.report_error(loaded.file_error)

    def _show_files(self, generation: int, files: tuple[LoadedFile, ...], select: int | None, advance: bool) -> None:
        if generation == self._generation:
            self._files_pending = False
            self._set_files(files)
            self._select(select, advance)  # the finding's evidence, highlighted in the contract now shown

    def _load_failed(self, generation: int, error: BaseException) -> None:
        if generation == self._generation:
            self._working = False
            self.context.report_error(error)

    def _set_files(self, files: tuple[LoadedFile, ...]) -> None:
        self.files = files
        self.redline_button.setEnabled(bool(files))  # a redline is written on the contract's own files
        self.document_combo.blockSignals(True)
        self.document_combo.clear()
        for file in files:
            pages = self.tr("%n page(s)", "", file.info.pages)
            self.document_combo.addItem(self.tr("{name} ({pages})").format(name=file.info.file_name, pages=pages))
        self.document_combo.blockSignals(False)
        self.document_combo.setEnabled(len(files) > 1)  # one file: nothing to switch to
        if files:
            self.document_combo.setCurrentIndex(0)
            self._show_document(0)
        else:
            self.document_view.clear()

    def _show_document(self, index: int) -> None:
        if 0 <= index < len(self.files):
            file = self.files[index]
            self.document_view.show_document(file.document, file.data, file.clauses)

    # --- the header ----------------------------------------------------------------------------------------

    def _update_header(self) -> None:
        case = self.case
        if case is None:
            self.title_label.setText(self.tr("No case open: choose one in the review queue (Ctrl+2)."))
            for widget in (self.facts_label, self.decision_label):
                widget.clear()
            for severity in SEVERITIES:
                self.count_icons[severity].hide()
                self.count_labels[severity].hide()
            for widget in self.header_buttons:
                widget.setEnabled(False)
            self.detail.set_open(False)
            return
        self.title_label.setText(
            self.tr("Case {id} — {vendor} — {product} ({department})").format(
                id=case.id, vendor=case.vendor, product=case.product, department=case.department
            )
        )
        self.facts_label.setText(
            self.tr("Status: {status} · version {version} · submitted by {user} on {when}").format(
                status=status_words(case.status),
                version=case.version,
                user=case.submitted_by,
                when=when(case.submitted_at),
            )
        )
        decision = case.decision
        last = ""
        if decision is not None:
            last = self.tr("{decision} by {user} on {when}").format(
                decision=status_words(decision.decision), user=decision.decided_by, when=when(decision.at)
            )
            if decision.note:
                last += " — " + decision.note
        if decision is not None and case.status not in OPEN_STATUSES:
            text = self.tr("Decision: {decision}").format(decision=last)
        else:
            undisposed = sum(1 for f in case.findings if f.disposition is None)
            text = self.tr("No decision yet: %n finding(s) not disposed of", "", undisposed) + self.tr(
                ", %n of them blocker(s).", "", case.undisposed_blockers
            )
            if decision is not None:  # reopened, or a new version: the earlier decision is history, and says so
                text = self.tr("Back in review; the last decision was: {decision}").format(decision=last) + "\n" + text
        self.decision_label.setText(text)
        for severity, count in case.severity_counts().items():
            label = self.count_labels[severity]
            label.setText(self.tr("{word}: {count}").format(word=severity_word(severity), count=count))
            label.setAccessibleName(label.text())
            self.count_icons[severity].show()
            label.show()
        self.decide_button.setEnabled(case.status in OPEN_STATUSES)
        self.reopen_button.setEnabled(case.status in FINAL)
        self.add_version_button.setEnabled(case.status in VERSIONABLE)
        self.compare_button.setEnabled(case.version >= 2)
        self.memo_button.setEnabled(True)
        self.redline_button.setEnabled(bool(self.files))
        self.detail.set_open(case.status in OPEN_STATUSES)
        for action in self.key_actions.values():  # the keys follow the buttons
            action.setEnabled(case.status in OPEN_STATUSES)

    # --- selection -----------------------------------------------------------------------------------------

    def current_finding(self) -> FindingView | None:
        return self.model.finding_at(self.tree.currentIndex())

    def select_finding(self, finding_id: int) -> bool:
        """Make the finding the current row (the detail and the contract follow); False when there is none."""
        index = self.model.finding_index(finding_id)
        if not index.isValid():
            return False
        self.tree.setCurrentIndex(index)
        self.tree.scrollTo(index)
        return True

    def _select(self, finding_id: int | None, advance: bool) -> None:
        findings = self.model.findings()
        if advance and finding_id is not None:
            ids = [f.id for f in findings]
            at = ids.index(finding_id) if finding_id in ids else -1
            later = [f for f in findings[at + 1 :] + findings[: at + 1] if f.disposition is None]
            finding_id = later[0].id if later else finding_id
        if finding_id is None or not self.select_finding(finding_id):
            first = next((f for f in findings if f.disposition is None), findings[0] if findings else None)
            if first is not None:
                self.select_finding(first.id)
            else:
                self._current_changed(QModelIndex(), QModelIndex())

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        finding = self.model.finding_at(current)
        several = self.case is not None and len(self.case.current_documents) > 1
        comments, events = (self.case.comments, self.case.events) if self.case else ((), ())
        self.detail.show_finding(finding, comments, events, with_document=several)
        if finding is None or finding.start is None or finding.end is None:
            self.document_view.clear_highlight()  # a missing term has nothing to point at
            return
        if len(self.files) > 1 and finding.document:
            names = [file.info.file_name for file in self.files]
            if finding.document in names and names.index(finding.document) != self.document_combo.currentIndex():
                self.document_combo.setCurrentIndex(names.index(finding.document))  # shows that document
        if self.files:
            self.document_view.highlight(finding.start, finding.end)

    def _clause_activated(self, start: int) -> None:
        """A clause picked in the contract's outline (by its start offset): select the first finding in it."""
        file_index = self.document_combo.currentIndex()
        if not 0 <= file_index < len(self.files):
            return
        file = self.files[file_index]
        clause = next((c for c in file.clauses if c.start == start), None)
        if clause is None:
            return
        for finding in self.model.findings():
            in_clause = finding.start is not None and clause.start <= finding.start < clause.end
            if in_clause and finding.document == file.info.file_name:
                self.select_finding(finding.id)
                return

    # --- dispositions and comments ---------------------------------------------------------------------------

    def dispose(self, action: str) -> None:
        """Dispose of the current finding with the reason typed in the detail pane (a waiver needs one: the
        library refuses an empty one with E301, and the reason field then has the focus)."""
        finding = self.current_finding()
        if finding is None or self.case is None or self._working:
            return
        self._working = True
        reason = self.detail.reason().strip()
        case_id = self.case.id
        self.context.runner.run(
            services.dispose,
            self.context.store,
            case_id,
            finding.id,
            action,
            actor=self.context.user,
            reason=reason or None,
            expected_version=finding.row_version,  # someone else's decision is never overwritten (E405)
            done=lambda _: self._disposed(case_id, finding, action, reason),
            failed=lambda error: self._dispose_failed(error, finding, action),
        )

    def _disposed(self, case_id: int, finding: FindingView, action: str, reason: str) -> None:
        self.detail.reason_stored(finding.id, reason)
        self.context.show_status(
            self.tr("“{title}”: {disposition}").format(title=finding.title, disposition=disposition_word(action))
        )
        self.reload(select=finding.id, advance=True)
        self.changed.emit(case_id)

    def _dispose_failed(self, error: BaseException, finding: FindingView, action: str) -> None:
        self._working = False
        self.context.report_error(error)
        if isinstance(error, ConcurrentChange):
            self.reload(select=finding.id)  # show the other person's decision; the typed reason stays
        elif isinstance(error, TransitionRefused) and action == "waive":
            self.detail.focus_reason()

    def add_comment(self, text: str, on_finding: bool) -> None:
        if self.case is None:
            return
        finding = self.current_finding() if on_finding else None
        case_id = self.case.id
        self.context.runner.run(
            services.comment,
            self.context.store,
            case_id,
            text,
            actor=self.context.user,
            finding_id=finding.id if finding else None,
            done=lambda _: self._commented(case_id, text),
            failed=self.context.report_error,  # the text stays in the box
        )

    def _commented(self, case_id: int, text: str) -> None:
        self.detail.comment_stored(text)
        self.context.show_status(self.tr("Comment added"))
        self.reload()
        self.changed.emit(case_id)

    # --- decide and reopen ---------------------------------------------------------------------------------

    def decide(self) -> None:
        """Open the decision dialog (window-modal, not blocking); it stays open until the library agrees."""
        if self.case is None:
            return
        if self.decision_dialog is None or self.decision_dialog.case_id != self.case.id:
            self.decision_dialog = DecisionDialog(self.case, self)
            self.decision_dialog.decision_requested.connect(self.decide_with)
        else:  # the same case: keep what was typed, say how many blockers are left now
            self.decision_dialog.set_case(self.case)
        self.decision_dialog.open()

    def decide_with(self, decision: str, note: str) -> None:
        if self.case is None:
            return
        case_id = self.case.id
        self.context.runner.run(
            services.decide,
            self.context.store,
            case_id,
            decision,
            actor=self.context.user,
            note=note,
            done=lambda _: self._decided(case_id, decision),
            failed=self._decision_failed,
        )

    def _decided(self, case_id: int, decision: str) -> None:
        if self.decision_dialog is not None:
            self.decision_dialog.accept()
            self.decision_dialog.deleteLater()
            self.decision_dialog = None
        self.context.show_status(self.tr("Case {id}: {decision}").format(id=case_id, decision=status_words(decision)))
        self.tree.setFocus(Qt.FocusReason.OtherFocusReason)  # not left on the Decide button, disabled now
        self.reload()
        self.changed.emit(case_id)

    def _decision_failed(self, error: BaseException) -> None:
        self.context.report_error(error)
        if self.decision_dialog is not None:
            self.decision_dialog.show_refusal(error)  # the dialog stays, as the user left it

    def reopen(self) -> None:
        """Ask for the reason (non-blocking); `reopen_with` does the work."""
        self._ask_reopen("")

    def _ask_reopen(self, reason: str) -> None:
        if self.case is None:
            return
        dialog = QInputDialog(self)
        dialog.setWindowTitle(self.tr("Reopen case {id}").format(id=self.case.id))
        dialog.setLabelText(self.tr("Why reopen it? The reason is kept in the audit trail."))
        dialog.setTextValue(reason)
        dialog.setOkButtonText(self.tr("Reopen"))
        for edit in dialog.findChildren(QLineEdit):
            edit.setAccessibleName(self.tr("Reason for reopening"))
        dialog.textValueSelected.connect(self.reopen_with)
        dialog.finished.connect(dialog.deleteLater)
        self.reopen_dialog = dialog
        dialog.open()

    def reopen_with(self, reason: str) -> None:
        if self.case is None:
            return
        case_id = self.case.id

        def failed(error: BaseException) -> None:
            self.context.report_error(error)
            self._ask_reopen(reason)  # ask again, with what was typed

        self.context.runner.run(
            services.reopen,
            self.context.store,
            case_id,
            actor=self.context.user,
            reason=reason,
            done=lambda _: self._reopened(case_id),
            failed=failed,
        )

    def _reopened(self, case_id: int) -> None:
        self.context.show_status(self.tr("Case {id} is back in review").format(id=case_id))
        self.tree.setFocus(Qt.FocusReason.OtherFocusReason)
        self.reload()
        self.changed.emit(case_id)

    # --- versions ------------------------------------------------------------------------------------------

    def choose_version(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("The vendor's revised contract"),
            "",
            self.tr("Contracts (*.pdf *.docx *.txt *.md);;All files (*)"),
        )
        if paths:
            self.add_version(paths)

    def add_version(self, paths: Sequence[str | Path]) -> None:
        """Add the files as the case's next version (analysed in the runner, with progress; cancellable)."""
        if self.case is None or self._task is not None:
            return
        case_id = self.case.id
        self._show_progress(True)
        self._task = self.context.runner.prepare(
            services.add_version,
            self.context.store,
            case_id,
            [str(p) for p in paths],
            actor=self.context.user,
            done=lambda version: self._version_added(case_id, version),
            failed=self._version_failed,
            progress=self._progress,
        )
        self.context.runner.start(self._task)  # held first: a synchronous runner reports (and ends) within start

    def is_adding_version(self) -> bool:
        return self._task is not None

    def cancel_version(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self.progress_label.setText(self.tr("Cancelling…"))

    def _progress(self, fraction: float, text: str) -> None:
        self.progress.setValue(round(fraction * 100))
        self.progress_label.setText(text)

    def _version_added(self, case_id: int, version: int) -> None:
        self._task = None
        self._show_progress(False)
        if self.case is not None and self.case.id == case_id:  # still the case on screen
            self._load(case_id, select=None, files=True)
        self.context.show_status(self.tr("Version {version} added to case {id}").format(version=version, id=case_id))
        self.changed.emit(case_id)

    def _version_failed(self, error: BaseException) -> None:
        self._task = None
        self._show_progress(False)
        if isinstance(error, Cancelled):
            self.context.show_status(self.tr("Adding the version was cancelled; nothing was stored"))
        else:
            self.context.report_error(error)

    def _show_progress(self, shown: bool) -> None:
        self.progress.setValue(0)
        self.progress_label.setText(self.tr("Adding the version…") if shown else "")
        for widget in (self.progress, self.progress_label, self.cancel_button):
            widget.setVisible(shown)
        self.add_version_button.setEnabled(not shown and self.case is not None and self.case.status in VERSIONABLE)

    def compare(self) -> None:
        """The difference between the latest version and the one before, in a dialog (read in the runner)."""
        if self.case is None or self.case.version < 2:
            return
        case = self.case
        self.context.runner.run(
            queries.diff_versions,
            self.context.store,
            case.id,
            done=lambda diff: self._show_compare(case, diff),
            failed=self.context.report_error,
        )

    def _show_compare(self, case: CaseView, diff: queries.VersionDiff) -> None:
        if self.compare_dialog is not None:
            self.compare_dialog.close()
            self.compare_dialog.deleteLater()
        self.compare_dialog = CompareDialog(case, diff, self)
        self.compare_dialog.show()

    # --- exports -------------------------------------------------------------------------------------------

    def choose_memo(self) -> None:
        if self.case is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the review memo"), f"case-{self.case.id}-memo.docx", self.tr("Word document (*.docx)")
        )
        if path:
            self.export_memo(path)

    def export_memo(self, path: str | Path) -> None:
        """Write the review memo (DOCX) of the case as shown to `path`, in the runner."""
        if self.case is None:
            return
        self.context.runner.run(
            write_memo,
            self.case,
            path,
            done=lambda written: self.context.show_status(self.tr("Memo written to {path}").format(path=written)),
            failed=self.context.report_error,
        )

    def choose_redline(self) -> None:
        if self.case is None or not self.files:
            return
        if len(self.files) == 1:
            file = self.files[0]
            pdf = file.info.format == "pdf"
            path, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Export the vendor redline"),
                redline_name(file.info),
                self.tr("PDF document (*.pdf)") if pdf else self.tr("Word document (*.docx)"),
            )
            if path:
                self.export_redline(path, file.info.file_name)
            return
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder for the vendor redlines"))
        if folder:
            self.export_redlines(folder)

    def export_redline(self, path: str | Path, document: str | None = None) -> None:
        """Write the redline of one file of the latest version (the first when `document` is None) to `path`."""
        chosen = [f for f in self.files if document is None or f.info.file_name == document][:1]
        self._write_redlines([(file, Path(path)) for file in chosen])

    def export_redlines(self, folder: str | Path) -> None:
        """Write the redline of every file of the latest version into `folder`, each under `redline_name`."""
        self._write_redlines([(file, Path(folder) / redline_name(file.info)) for file in self.files])

    def _write_redlines(self, items: list[tuple[LoadedFile, Path]]) -> None:
        if self.case is None or not items:
            return
        self.context.runner.run(
            write_redlines, self.case, items, done=self._redlines_written, failed=self.context.report_error
        )

    def _redlines_written(self, results: list[RedlineResult]) -> None:
        paths = ", ".join(str(r.path) for r in results)
        comments = sum(r.anchored + r.unanchored + r.missing for r in results)
        self.context.show_status(
            self.tr("Vendor redline written to {paths} (%n comment(s))", "", comments).format(paths=paths)
        )
