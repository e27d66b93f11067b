"""The main window: a list of sections on the left (submit, queue, case, rules, dashboard), the section on the
right, a message banner across the top for errors and notices, and a status bar.

    >>> window = MainWindow(AppSettings(user="rui"), TaskRunner(), store=Store())   # doctest: +SKIP
    >>> window.show()                                                               # doctest: +SKIP

The window opens the store and hands every panel an AppContext (STYLE 2); changing the database or the user
in the settings builds the panels again on the new context.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from gui.case_panel import CasePanel
from gui.context import AppContext
from gui.dashboard_panel import DashboardPanel
from gui.message_banner import MessageBanner
from gui.queue_panel import QueuePanel
from gui.rules_panel import RulesPanel
from gui.sample import SAMPLE_REVIEWER, add_sample_users, submit_sample_case
from gui.settings import AppSettings
from gui.settings_dialog import SettingsDialog
from gui.submit_panel import SubmitPanel
from gui.workers import TaskRunner
from review.errors import ReviewError
from review.store.unit_of_work import Store
from review.workflow import queries

SUBMIT, QUEUE, CASE, RULES, DASHBOARD = range(5)


class MainWindow(QMainWindow):
    def __init__(self, settings: AppSettings, runner: TaskRunner, store: Store | None = None) -> None:
        super().__init__()
        self.settings = settings
        self.runner = runner
        self.store: Store | None = store
        self.setWindowTitle(self.tr("Contract review — City of San Rafael"))
        self.resize(1280, 820)

        self.banner = MessageBanner(self)
        self.sections = QListWidget(self)
        self.sections.setAccessibleName(self.tr("Sections"))
        for title in (self.tr("Submit a contract"), self.tr("Review queue"), self.tr("Case"), self.tr("Rules"),
                      self.tr("Dashboard")):  # fmt: skip
            self.sections.addItem(title)
        # As wide as its longest title (in the font's units, so it grows with the font), no wider: the room is
        # the case view's.
        metrics = self.sections.fontMetrics()
        widest = max(metrics.horizontalAdvance(self.sections.item(row).text()) for row in range(self.sections.count()))
        self.sections.setFixedWidth(widest + metrics.horizontalAdvance("x") * 4 + 2 * self.sections.frameWidth())
        self.stack = QStackedWidget(self)
        self.sections.currentRowChanged.connect(self._section_changed)
        self._submitted_case: int | None = None  # submitted here, opened in the case view when it is looked at

        body = QHBoxLayout()
        body.addWidget(self.sections)
        body.addWidget(self.stack, 1)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.addWidget(self.banner)
        layout.addLayout(body, 1)
        self.setCentralWidget(central)
        self._menus()
        self._open(store)

    # --- the panels, on a store ----------------------------------------------------------------------------------

    def _open(self, store: Store | None) -> None:
        """Open the store the settings name (unless given) and build the panels on it."""
        if store is None:
            try:
                store = Store(self.settings.database or None)
            except ReviewError as error:
                self.show_error(error)
                return
        self.store = store
        first_run = not queries.users(store)
        if first_run:
            add_sample_users(store)
            self.settings = self.settings.with_user(SAMPLE_REVIEWER)
            self.settings.save()
        role = dict(queries.users(store)).get(self.settings.user, "")
        if not role:
            self.banner.show_notice(
                self.tr("Choose who you are in Settings (Ctrl+,) before changing anything: {user} is not a user here.")
                .format(user=self.settings.user or self.tr("nobody"))
            )  # fmt: skip
        self.context = AppContext(
            store, self.runner, self.settings.user, role, self.show_error, self.statusBar().showMessage
        )
        while self.stack.count():
            old = self.stack.widget(0)
            self.stack.removeWidget(old)
            old.deleteLater()
        self.submit_panel = SubmitPanel(self.context, self)
        self.queue_panel = QueuePanel(self.context, self)
        self.case_panel = CasePanel(self.context, self)
        self.rules_panel = RulesPanel(self.context, self)
        self.dashboard_panel = DashboardPanel(self.context, self)
        for panel in (self.submit_panel, self.queue_panel, self.case_panel, self.rules_panel, self.dashboard_panel):
            self.stack.addWidget(panel)
        self.submit_panel.submitted.connect(self._submitted)
        self.queue_panel.case_opened.connect(self.open_case)
        self.case_panel.changed.connect(lambda _: self.queue_panel.refresh())
        self.sections.setCurrentRow(QUEUE if role != "requester" else SUBMIT)
        self.stack.currentWidget().setFocus(Qt.FocusReason.OtherFocusReason)  # the first focus is in the work
        if first_run:
            self.banner.show_notice(
                self.tr("A sample case is being prepared: a real hosting agreement, for you to review as {user}.")
                .format(user=SAMPLE_REVIEWER)
            )  # fmt: skip
            self.runner.run(submit_sample_case, store, done=self._sample_ready, failed=self.show_error)
        roles = {"admin": self.tr("admin"), "requester": self.tr("requester"), "reviewer": self.tr("reviewer"),
                 "approver": self.tr("approver")}  # fmt: skip
        self.statusBar().showMessage(
            self.tr("{user} ({role}) — {database}").format(
                user=self.settings.user or "—", role=roles.get(role, role) or "—", database=store.safe_url
            )
        )

    def _sample_ready(self, case_id: int | None) -> None:
        self.queue_panel.refresh()
        if case_id is not None:
            self.banner.show_notice(self.tr("The sample case is ready: it is in the review queue; Enter opens it."))

    def open_case(self, case_id: int) -> None:
        self._submitted_case = None
        self.case_panel.open_case(case_id)
        self.sections.setCurrentRow(CASE)
        self.case_panel.setFocus(Qt.FocusReason.OtherFocusReason)  # its list of findings, where the work is
        self.queue_panel.refresh()

    def _submitted(self, case_id: int) -> None:
        # The department reads its pre-check where it submitted; the case opens when Case (Ctrl+3) is looked at.
        self._submitted_case = case_id
        self.queue_panel.refresh()

    def _section_changed(self, row: int) -> None:
        if row == CASE and self._submitted_case is not None:
            case_id, self._submitted_case = self._submitted_case, None
            self.case_panel.open_case(case_id)
        self.stack.setCurrentIndex(row)

    def show_error(self, error: BaseException) -> None:
        self.banner.show_error(error)

    # --- menus -----------------------------------------------------------------------------------------------------

    def _menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        settings = QAction(self.tr("&Settings…"), self)
        settings.setShortcut(QKeySequence.StandardKey.Preferences)
        settings.setShortcuts([QKeySequence("Ctrl+,")])
        settings.triggered.connect(self.edit_settings)
        file_menu.addAction(settings)
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        go = self.menuBar().addMenu(self.tr("&Go"))
        for index, title in enumerate((self.tr("Submit a contract"), self.tr("Review queue"), self.tr("Case"),
                                       self.tr("Rules"), self.tr("Dashboard"))):  # fmt: skip
            action = QAction(title, self)
            action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
            action.triggered.connect(lambda _=False, row=index: self._go(row))
            go.addAction(action)

    def _go(self, row: int) -> None:
        self.sections.setCurrentRow(row)
        self.stack.currentWidget().setFocus(Qt.FocusReason.ShortcutFocusReason)

    def edit_settings(self) -> None:
        users = queries.users(self.store) if self.store is not None else []
        dialog = SettingsDialog(self.settings, users, self, runner=self.runner)
        if dialog.exec():
            changed = dialog.settings()
            store_changed = changed.database != self.settings.database
            self.settings = changed
            changed.save()
            if store_changed and self.store is not None:
                self.store.close()
            self._open(None if store_changed else self.store)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.runner.wait()  # no job is cut off in the middle of its transaction
        if self.store is not None:
            self.store.close()
        super().closeEvent(event)
