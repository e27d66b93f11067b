"""The submit screen for department staff: the contract's documents, the intake, and a pre-check of what
Digital Service will likely raise once the case is stored.

    >>> panel = SubmitPanel(context)                                                # doctest: +SKIP
    >>> panel.submitted.connect(window.open_case)                                   # doctest: +SKIP
    >>> panel.add_files(["msa.pdf", "order-form.docx"])                             # doctest: +SKIP

Submitting runs `services.submit_case` on the context's runner with a progress bar; Cancel (or Escape) stops it
at the next file, before anything is stored. When the case is stored, the panel opens it (`queries.open_case`),
shows the pre-check summary and emits `submitted(case_id)`; the summary stays until "Submit another".
"""

from __future__ import annotations

import html
import itertools
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QMimeData, QSize, Qt, QUrl, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QKeySequence, QShortcut, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStyle,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from gui.context import AppContext
from gui.finding_tree_model import severity_icon, severity_word
from gui.intake_form import IntakeForm
from gui.workers import Cancelled, Task
from review.errors import IntakeInvalid, SbomInvalid
from review.model import SEVERITIES
from review.policy.intake import Intake
from review.workflow import queries, services
from review.workflow.views import CaseView, FindingView

SUFFIXES = (".pdf", ".docx", ".txt", ".md")
PathRole = Qt.ItemDataRole.UserRole + 1  # a document item's full path
DEPARTMENT_CASES = 500  # the latest cases whose departments the department field offers


class _DocumentList(QListWidget):
    """The contract's documents; local files dropped on it are offered through `files_dropped`."""

    files_dropped = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)

    @staticmethod
    def _local_files(mime: QMimeData) -> list[str]:
        return [url.toLocalFile() for url in mime.urls() if url.isLocalFile()] if mime.hasUrls() else []

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._local_files(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self._local_files(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        files = self._local_files(event.mimeData())
        if files:
            event.acceptProposedAction()
            self.files_dropped.emit(files)
        else:
            event.ignore()


class SubmitPanel(QWidget):
    """Documents + intake -> a stored case and its pre-check. `submitted(case_id)` fires once the case is stored."""

    submitted = Signal(int)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._task: Task | None = None
        self._running = False
        self._locked = False  # running, or showing the summary of a submitted case until "Submit another"
        self._last_folder = ""
        self.case: CaseView | None = None  # the case last submitted here, whose summary is shown

        # --- documents
        self.documents = _DocumentList(self)
        self.documents.setAccessibleName(self.tr("Contract documents"))
        self.documents.setAccessibleDescription(self.tr("Drop files here or use Add documents (Ctrl+O)."))
        self.documents.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        # A contract has a few documents: room for about five, in text lines, so the intake shows without scrolling.
        self.documents.setMaximumHeight(self.documents.fontMetrics().lineSpacing() * 8)
        documents_label = QLabel(self.tr("Contract doc&uments:"), self)
        documents_label.setBuddy(self.documents)
        hint = QLabel(
            self.tr(
                "Add every document of this one contract — the agreement, order form, data processing addendum, "
                "service levels — as PDF, Word (.docx) or text files. They are reviewed together. "
                "Drop them on the list or choose them with Add documents (Ctrl+O)."
            ),
            self,
        )
        hint.setWordWrap(True)
        self.add_button = QPushButton(self.tr("&Add documents…"), self)
        self.add_button.setAccessibleName(self.tr("Add documents"))
        self.add_button.setToolTip(self.tr("Choose PDF, Word or text files (Ctrl+O)"))
        self.remove_button = QPushButton(self.tr("&Remove selected"), self)
        self.remove_button.setAccessibleName(self.tr("Remove the selected documents"))
        self.remove_button.setToolTip(self.tr("Remove the selected documents from the list (Delete)"))
        self.refusal_icon = QLabel(self)
        self.refusal_icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(24, 24)
        )
        self.refusal_label = QLabel(self)
        self.refusal_label.setWordWrap(True)
        self.refusal_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.refusal_box = QWidget(self)
        refusal_row = QHBoxLayout(self.refusal_box)
        refusal_row.setContentsMargins(0, 0, 0, 0)
        refusal_row.addWidget(self.refusal_icon, 0, Qt.AlignmentFlag.AlignTop)
        refusal_row.addWidget(self.refusal_label, 1)
        self.refusal_box.hide()

        # --- intake
        self.form = IntakeForm(self)

        # --- submitting
        self.submit_button = QPushButton(self.tr("&Submit for review"), self)
        self.submit_button.setAccessibleName(self.tr("Submit for review"))
        self.submit_button.setToolTip(self.tr("Store the case and run the pre-check (Ctrl+Return)"))
        self.submit_button.setDefault(False)
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setRange(0, 100)
        self.progress_bar.setAccessibleName(self.tr("Analysis progress"))
        self.progress_bar.hide()
        self.cancel_button = QPushButton(self.tr("&Cancel"), self)
        self.cancel_button.setAccessibleName(self.tr("Cancel the analysis"))
        self.cancel_button.setToolTip(self.tr("Stop before anything is stored (Escape)"))
        self.cancel_button.hide()
        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)
        self.status_label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        # --- the pre-check summary
        self.summary = QTextBrowser(self)
        self.summary.setAccessibleName(self.tr("Pre-check summary"))
        self.summary.setOpenLinks(False)
        self.summary.setTabChangesFocus(True)  # Tab leaves the summary rather than walking its text
        self.another_button = QPushButton(self.tr("Submit a&nother"), self)
        self.another_button.setAccessibleName(self.tr("Submit another contract"))
        self.another_button.setToolTip(self.tr("Clear the documents and the form for the next contract"))
        self.summary_box = QGroupBox(self.tr("Pre-check: what Digital Service will likely raise"), self)
        summary_layout = QVBoxLayout(self.summary_box)
        summary_layout.addWidget(self.summary, 1)
        summary_layout.addWidget(self.another_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.summary_box.hide()
        self._severity_images()

        self._lay_out(documents_label, hint)
        self._connect()
        self._update_actions()
        self.setFocusProxy(self.documents)
        self.load_departments()

    def _lay_out(self, documents_label: QLabel, hint: QLabel) -> None:
        documents_box = QGroupBox(self.tr("1. The contract"), self)
        buttons = QVBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        list_row = QHBoxLayout()
        list_row.addWidget(self.documents, 1)
        list_row.addLayout(buttons)
        documents_layout = QVBoxLayout(documents_box)
        documents_layout.addWidget(hint)
        documents_layout.addWidget(documents_label)
        documents_layout.addLayout(list_row)
        documents_layout.addWidget(self.refusal_box)

        intake_box = QGroupBox(self.tr("2. The purchase"), self)
        QVBoxLayout(intake_box).addWidget(self.form)

        content = QWidget(self)
        content_layout = QVBoxLayout(content)
        content_layout.addWidget(documents_box)
        content_layout.addWidget(intake_box)
        content_layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setAccessibleName(self.tr("Contract documents and purchase details"))
        scroll.setWidgetResizable(True)  # the form scrolls rather than squeezes at large font sizes
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)

        actions = QHBoxLayout()
        actions.addWidget(self.submit_button)
        actions.addWidget(self.progress_bar, 1)
        actions.addWidget(self.cancel_button)
        actions.addStretch(0)  # the button keeps its size while the progress bar is hidden
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(scroll, 1)
        left_layout.addLayout(actions)
        left_layout.addWidget(self.status_label)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.summary_box)
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)

        order = [self.documents, self.add_button, self.remove_button, self.form.department, self.form.vendor,
                 self.form.product, self.form.annual_cost, self.form.term_months, self.form.hosting,
                 *self.form.data.values(), self.form.public_facing, self.form.critical, self.form.custom_development,
                 self.form.sbom, self.form.sbom_button, self.form.sbom_clear, self.submit_button, self.cancel_button,
                 self.summary, self.another_button]  # fmt: skip
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)

    def _connect(self) -> None:
        self.add_button.clicked.connect(self.choose_files)
        self.remove_button.clicked.connect(self.remove_selected)
        self.documents.files_dropped.connect(self.add_files)
        self.documents.itemSelectionChanged.connect(self._update_actions)
        self.form.changed.connect(self._update_actions)
        self.submit_button.clicked.connect(self.submit)
        self.cancel_button.clicked.connect(self.cancel)
        self.another_button.clicked.connect(self.submit_another)

        # Window-wide while the panel shows (a hidden panel's shortcuts do not fire).
        QShortcut(QKeySequence("Ctrl+O"), self, self.choose_files)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.submit)
        self.escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.cancel)
        self.escape.setEnabled(False)  # only while an analysis runs, so Escape keeps its usual meaning otherwise
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.documents, self.remove_selected)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)

    # --- documents ------------------------------------------------------------------------------------------------

    def files(self) -> list[str]:
        """The documents' paths, in the order they were added."""
        return [self.documents.item(row).data(PathRole) for row in range(self.documents.count())]

    def choose_files(self) -> None:
        if not self.add_button.isEnabled():
            return
        paths, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Add the contract's documents"),
            self._last_folder,
            self.tr("Contract documents (*.pdf *.docx *.txt *.md);;PDF (*.pdf);;Word (*.docx);;Text (*.txt *.md)"),
        )
        if paths:
            self._last_folder = str(Path(paths[0]).parent)
            self.add_files(paths)

    def add_files(self, paths: Iterable[str | Path]) -> list[str]:
        """Add the PDF, DOCX, text and Markdown files among `paths` (once each); say which others were refused and
        why. Returns the paths added."""
        if not self.add_button.isEnabled():  # running, or the summary of a submitted case is showing
            return []
        present = set(self.files())
        added: list[str] = []
        refused: list[str] = []
        for given in paths:
            path = Path(given)
            if path.suffix.lower() not in SUFFIXES:
                refused.append(self.tr("{name}: not a PDF, Word (.docx) or text file").format(name=path.name))
            elif not path.is_file():
                refused.append(self.tr("{name}: no such file").format(name=path.name))
            elif str(path) not in present:
                item = QListWidgetItem(self.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon), path.name)
                item.setData(PathRole, str(path))
                item.setToolTip(str(path))
                self.documents.addItem(item)
                present.add(str(path))
                added.append(str(path))
        if refused:
            self._show_refusal(
                self.tr("Not added — {files}. Save a Word 97-2003 .doc as .docx, or print other files to PDF.").format(
                    files="; ".join(refused)
                )
            )  # fmt: skip
        else:
            self.refusal_box.hide()
        self._update_actions()
        return added

    def remove_selected(self) -> None:
        if not self.remove_button.isEnabled():
            return
        for item in self.documents.selectedItems():
            self.documents.takeItem(self.documents.row(item))
        self._update_actions()

    def refusal_text(self) -> str:
        return self.refusal_label.text() if self.refusal_box.isVisibleTo(self) else ""

    def _show_refusal(self, text: str) -> None:
        self.refusal_label.setText(text)
        self.refusal_box.setAccessibleName(self.tr("Files not added"))
        self.refusal_box.setAccessibleDescription(text)
        self.refusal_box.show()

    # --- submitting -----------------------------------------------------------------------------------------------

    def is_running(self) -> bool:
        return self._running

    def submit(self) -> None:
        """Check the intake here (fast, and errors stay beside the form), then analyse and store on the runner."""
        if not self.submit_button.isEnabled():
            return
        self.form.clear_error()
        intake = self.form.intake()
        try:
            Intake.from_mapping(intake)
        except IntakeInvalid as error:
            self.form.show_error(error)
            self.status_label.setText(self.tr("Not submitted: correct the intake first."))
            return
        files = self.files()
        self._set_running(True)
        self.status_label.setText(self.tr("Starting the analysis…"))
        self._task = self.context.runner.prepare(
            services.submit_case,
            self.context.store,
            files,
            intake,
            actor=self.context.user,
            sbom=self.form.sbom_path(),
            done=self._stored,
            failed=self._failed,
            progress=self._progress,
        )
        self.context.runner.start(self._task)

    def cancel(self) -> None:
        """Stop the analysis at its next step; nothing is stored."""
        if self._task is None or not self.cancel_button.isEnabled():
            return
        self._task.cancel()
        self.cancel_button.setEnabled(False)
        self.status_label.setText(self.tr("Cancelling…"))

    def _progress(self, fraction: float, text: str) -> None:
        self.progress_bar.setValue(round(fraction * 100))
        self.status_label.setText(text)  # the library's words: "Reading and checking msa.pdf"

    def _failed(self, error: BaseException) -> None:
        self._set_running(False)
        if isinstance(error, Cancelled):
            self.status_label.setText(self.tr("Cancelled; nothing was stored."))
            self.context.show_status(self.status_label.text())
            self.submit_button.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.status_label.setText(self.tr("Not submitted; nothing was stored."))
        self.submit_button.setFocus(Qt.FocusReason.OtherFocusReason)
        if isinstance(error, IntakeInvalid | SbomInvalid):
            self.form.show_error(error)  # beside the field it names (and focused), as well as in the window's banner
        self.context.report_error(error)

    def _stored(self, case_id: int) -> None:
        self._task = None
        self.progress_bar.setValue(100)
        self.status_label.setText(self.tr("Case {id} stored; preparing the pre-check summary…").format(id=case_id))
        self.context.runner.run(
            queries.open_case,
            self.context.store,
            case_id,
            done=self._show_summary,
            failed=lambda error: self._summary_failed(case_id, error),
        )

    def _summary_failed(self, case_id: int, error: BaseException) -> None:
        self._set_running(False, submitted=True)
        self.status_label.setText(self.tr("Case {id} is stored, but its summary could not be read.").format(id=case_id))
        self.summary.setPlainText(
            self.tr("Case {id} is stored and Digital Service will review it. Its pre-check could not be read "
                    "(the message above says why); the case itself opens under Case (Ctrl+3).").format(id=case_id)
        )  # fmt: skip
        self._reveal_summary()  # and with it "Submit another": the screen is never left locked
        self.context.report_error(error)
        self.another_button.setFocus(Qt.FocusReason.OtherFocusReason)
        self.submitted.emit(case_id)

    def _show_summary(self, case: CaseView) -> None:
        self.case = case
        self._set_running(False, submitted=True)
        self.summary.setHtml(self.summary_html(case))
        self._reveal_summary()
        self.status_label.setText(
            self.tr("Case {id} submitted to Digital Service for review; it is open under Case (Ctrl+3).").format(
                id=case.id
            )
        )  # fmt: skip
        self.context.show_status(self.status_label.text())
        self.form.set_departments([*self._departments(), case.department])
        self.summary.setFocus(Qt.FocusReason.OtherFocusReason)
        self.submitted.emit(case.id)

    def _reveal_summary(self) -> None:
        if not self.summary_box.isVisibleTo(self):
            self.summary_box.show()
            half = max(self.splitter.width() // 2, 1)
            self.splitter.setSizes([half, half])  # the summary is what matters now

    def submit_another(self) -> None:
        """Clear the documents and the form for the next contract; the last summary goes."""
        if self.is_running():
            return
        self.case = None
        self.documents.clear()
        self.form.clear()
        self.refusal_box.hide()
        self.summary.clear()
        self.summary_box.hide()
        self.status_label.clear()
        self._set_running(False)
        self.documents.setFocus(Qt.FocusReason.OtherFocusReason)

    def _set_running(self, running: bool, *, submitted: bool = False) -> None:
        """Lock what must not change while analysing, and after a submission until "Submit another"."""
        self._running = running
        self._locked = running or submitted
        if not running:
            self._task = None
        self.documents.setEnabled(not self._locked)
        self.form.setEnabled(not self._locked)
        self.cancel_button.setVisible(running)
        self.cancel_button.setEnabled(running)
        self.escape.setEnabled(running)
        if running:
            self.progress_bar.reset()  # empty until the job's first report
        self.progress_bar.setVisible(running)
        self._update_actions()
        if running:
            self.cancel_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _update_actions(self) -> None:
        free = not self._locked
        self.add_button.setEnabled(free)
        self.remove_button.setEnabled(free and bool(self.documents.selectedItems()))
        self.submit_button.setEnabled(free and self.documents.count() > 0 and self.form.is_complete())

    # --- departments ----------------------------------------------------------------------------------------------

    def load_departments(self) -> None:
        """Offer the departments of earlier cases in the department field."""
        self.context.runner.run(
            queries.list_cases,
            self.context.store,
            limit=DEPARTMENT_CASES,
            done=lambda cases: self.form.set_departments(case.department for case in cases),
            failed=self.context.report_error,
        )

    def _departments(self) -> list[str]:
        return [self.form.department.itemText(row) for row in range(self.form.department.count())]

    # --- the summary ------------------------------------------------------------------------------------------------

    def _severity_images(self) -> None:
        """Icons the summary's HTML refers to as severity:<name> (shown with the word, never colour alone)."""
        document = self.summary.document()
        for severity in SEVERITIES:  # the case view's signs, so a severity looks alike on every screen
            image = severity_icon(severity).pixmap(QSize(16, 16)).toImage()
            document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(f"severity:{severity}"), image)

    def _badge(self, severity: str) -> str:
        word = html.escape(severity_word(severity))
        return f'<img src="severity:{severity}" width="16" height="16" alt="{word}">&nbsp;<b>{word}</b>'

    def summary_html(self, case: CaseView) -> str:
        """What the pre-check found, in plain words: counts by severity, then each blocker and major finding's
        title and the library's plain explanation (its message)."""
        counts = case.severity_counts()
        title = self.tr("Case {id}: {vendor} — {product} ({department})").format(
            id=case.id, vendor=case.vendor, product=case.product, department=case.department
        )
        intro = self.tr(
            "Submitted to Digital Service. The automatic pre-check read the contract against the City's rules; "
            "this is what the reviewers will likely raise with the vendor."
        )
        tally = " &nbsp; ".join(f"{self._badge(severity)}&nbsp;{count}" for severity, count in counts.items())
        parts = [f"<h3>{html.escape(title)}</h3>", f"<p>{html.escape(intro)}</p>", f"<p>{tally}</p>"]
        blockers = [f for f in case.findings if f.severity == "blocker"]
        majors = [f for f in case.findings if f.severity == "major"]
        if blockers:
            heading = self.tr(
                "Likely to be raised (%n blocker(s)): they stop the contract until they are changed or waived.",
                "",
                len(blockers),
            )
            parts.append(self._finding_list(heading, blockers))
        else:
            none = self.tr("No blockers: nothing found would stop the contract.")  # not inside the f-string: lupdate
            parts.append(f"<p>{html.escape(none)}</p>")  # reads only plain tr() calls
        if majors:
            heading = self.tr("Also likely to be raised (%n major finding(s)):", "", len(majors))
            parts.append(self._finding_list(heading, majors))
        if counts.get("minor", 0) or counts.get("info", 0):
            rest = self.tr("Also in the case: {minor} minor, {info} for information.").format(
                minor=counts.get("minor", 0), info=counts.get("info", 0)
            )
            parts.append(f"<p>{html.escape(rest)}</p>")
        return "\n".join(parts)

    def _finding_list(self, heading: str, findings: list[FindingView]) -> str:
        items = "".join(
            f"<li>{self._badge(f.severity)} — <b>{html.escape(f.title)}</b>: {html.escape(f.message)}</li>"
            for f in findings
        )
        return f"<h4>{html.escape(heading)}</h4><ul>{items}</ul>"

    def summary_text(self) -> str:
        """The summary as the user reads it (plain text), empty when none shows."""
        return self.summary.toPlainText() if self.summary_box.isVisibleTo(self) else ""
