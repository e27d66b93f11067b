"""The main window: a list of sections on the left (submit, queue, case, rules, dashboard), the section on the
right, a message banner across the top for errors and notices, and a status bar.

    >>> window = MainWindow(AppSettings(user="rui"), TaskRunner(), store=Store())   # doctest: +SKIP
    >>> window.show()                                                               # doctest: +SKIP

The window opens the store on a worker (until then its page says so) and hands every panel an AppContext
(STYLE 2). Another database or user in the settings builds the panels again on a new context; the database is
opened before the settings are saved, so a wrong URL leaves everything as it was.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from gui.message_banner import MessageBanner
from gui.settings import AppSettings, role_word
from gui.workers import TaskRunner

# The window shows before the panels and the library behind them are imported (over a second): the worker that
# opens the store imports the library, and the panels are imported when they are built on it.
if TYPE_CHECKING:
    from gui.case_panel import CasePanel
    from gui.context import AppContext
    from gui.dashboard_panel import DashboardPanel
    from gui.queue_panel import QueuePanel
    from gui.rules_panel import RulesPanel
    from gui.sample import OpenedStore
    from gui.submit_panel import SubmitPanel
    from review.store.unit_of_work import Store

SUBMIT, QUEUE, CASE, RULES, DASHBOARD = range(5)


def open_store_and_library(database: str, store: Store | None = None, user: str = "") -> OpenedStore:
    """On a worker: open the store (gui.sample.open_store, which imports the workflow and the store) and import
    the rest of what the panels use of the library."""
    from gui.sample import open_store

    importlib.import_module("review.export")  # the memo and the redline: python-docx, PDFium

    return open_store(database, store, user)


class MainWindow(QMainWindow):
    submit_panel: SubmitPanel
    queue_panel: QueuePanel
    case_panel: CasePanel
    rules_panel: RulesPanel
    dashboard_panel: DashboardPanel

    def __init__(self, settings: AppSettings, runner: TaskRunner, store: Store | None = None) -> None:
        super().__init__()
        self.settings = settings
        self.runner = runner
        self.store: Store | None = None
        self.users: dict[str, str] = {}  # name: role, of the store open
        self.context: AppContext | None = None  # the panels' context, once the store is open
        self._open_serial = 0
        self._settings_open = False  # the settings dialog is on its way or shown: Ctrl+, again does nothing
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
        self.waiting = QLabel(self.tr("Opening the database…"), self.stack)  # page 0, until the store is open
        self.waiting.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.waiting.setWordWrap(True)
        self.stack.addWidget(self.waiting)
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
        self._open(settings.database, store)

    # --- the panels, on a store ----------------------------------------------------------------------------------

    def _open(self, database: str, store: Store | None = None, changed: AppSettings | None = None) -> None:
        """Open the database on a worker (the window stays responsive, even for a slow server); the panels are
        built on it when it is ready. `changed`: settings to save once the database has opened, not before."""
        self._open_serial += 1
        serial = self._open_serial  # another database chosen meanwhile: the last choice has the last word
        self.statusBar().showMessage(self.tr("Opening the database…"))
        self.runner.run(
            open_store_and_library,
            database,
            store,
            (changed or self.settings).user,
            done=lambda opened: self._opened(serial, opened, changed),
            failed=lambda error: self._open_failed(serial, error, changed),
        )

    def _open_failed(self, serial: int, error: BaseException, changed: AppSettings | None) -> None:
        if serial != self._open_serial:
            return
        self.show_error(error)
        if changed is not None and self.context is not None:  # the store and settings before stay as they were
            self.statusBar().showMessage(self.tr("The settings were not changed: the database could not be opened."))
        else:
            self.waiting.setText(self.tr("No database is open. Choose one in Settings (Ctrl+,)."))
            self.statusBar().clearMessage()

    def _opened(self, serial: int, opened: OpenedStore, changed: AppSettings | None) -> None:
        if serial != self._open_serial:
            if opened.store is not self.store:
                opened.store.close()
            return
        try:
            self._use(opened, changed)
        except Exception as error:  # a panel that cannot be built: said in the banner, the panels before kept
            if opened.store is not self.store:
                opened.store.close()
            self._open_failed(serial, error, changed)

    def _use(self, opened: OpenedStore, changed: AppSettings | None) -> None:
        from gui.sample import SAMPLE_REVIEWER, submit_sample_case

        settings = changed or self.settings
        if opened.first_run and settings.user not in opened.users:
            settings = settings.with_user(SAMPLE_REVIEWER)
        self._build(opened.store, opened.users, settings)
        if settings != self.settings or changed is not None:
            self.settings = settings
            settings.save()
        if opened.first_run and self.context is not None:
            self.banner.show_notice(
                self.tr("A sample case is being prepared: a real hosting agreement, for you to review as {user}.")
                .format(user=SAMPLE_REVIEWER)
            )  # fmt: skip
            self.context.runner.run(submit_sample_case, opened.store, done=self._sample_ready, failed=self.show_error)

    def _build(self, store: Store, users: dict[str, str], settings: AppSettings) -> None:
        """The panels, on `store`, acting as the settings' user; the panels before are replaced once the new
        ones are built (if building fails, the panels before stay)."""
        from gui.case_panel import CasePanel
        from gui.context import AppContext
        from gui.dashboard_panel import DashboardPanel
        from gui.queue_panel import QueuePanel
        from gui.rules_panel import RulesPanel
        from gui.submit_panel import SubmitPanel

        role = users.get(settings.user, "")
        context = AppContext(
            store, self.runner.child(), settings.user, role, self.show_error, self.statusBar().showMessage
        )
        try:
            panels = (SubmitPanel(context, self), QueuePanel(context, self), CasePanel(context, self),
                      RulesPanel(context, self), DashboardPanel(context, self))  # fmt: skip
        except BaseException:
            context.runner.abandon()
            raise
        if self.context is not None:
            self._retire(self.context, keep_store=self.context.store is store)
        self.context, self.store, self.users = context, store, users
        self.submit_panel, self.queue_panel, self.case_panel, self.rules_panel, self.dashboard_panel = panels
        for panel in panels:
            self.stack.addWidget(panel)
        self.submit_panel.submitted.connect(self._submitted)
        self.queue_panel.case_opened.connect(self.open_case)
        self.case_panel.changed.connect(lambda _: self.queue_panel.refresh())
        self.sections.setCurrentRow(-1)  # so that the row set next is a change, and shows its panel
        self.sections.setCurrentRow(QUEUE if role != "requester" else SUBMIT)
        self.stack.currentWidget().setFocus(Qt.FocusReason.OtherFocusReason)  # the first focus is in the work
        if not role:
            self.banner.show_notice(
                self.tr("Choose who you are in Settings (Ctrl+,) before changing anything: {user} is not a user here.")
                .format(user=settings.user or self.tr("nobody"))
            )  # fmt: skip
        self.statusBar().showMessage(
            self.tr("{user} ({role}) — {database}").format(
                user=settings.user or "—", role=role_word(role) or "—", database=store.safe_url
            )
        )

    def _retire(self, context: AppContext, *, keep_store: bool) -> None:
        """Remove the panels of `context`. Its jobs finish (none is cut off in a transaction) but their answers
        are dropped; then its store closes, unless the new panels use it too."""
        self.stack.setCurrentWidget(self.waiting)  # else removing the page shown would show (and load) another
        while self.stack.count() > 1:  # all but the "opening the database" page
            old = self.stack.widget(1)
            self.stack.removeWidget(old)
            old.deleteLater()
        context.runner.abandon()

        def retire() -> None:
            if not keep_store:
                context.store.close()
            context.runner.deleteLater()

        context.runner.when_idle(retire)

    def _sample_ready(self, case_id: int | None) -> None:
        self.queue_panel.refresh()
        if case_id is not None:
            self.banner.show_notice(self.tr("The sample case is ready: it is in the review queue; Enter opens it."))

    def open_case(self, case_id: int) -> None:
        if self.context is None:
            return
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
        if self.context is None or row < 0:
            return  # the database is not open yet: the "opening" page stays
        if row == CASE and self._submitted_case is not None:
            case_id, self._submitted_case = self._submitted_case, None
            self.case_panel.open_case(case_id)
        self.stack.setCurrentIndex(row + 1)

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
        """The settings dialog, with the users the database has now (read on a worker first)."""
        if self._settings_open:
            return
        self._settings_open = True
        if self.store is None:
            self._settings_dialog({})
            return
        from review.workflow import queries

        self.runner.run(
            queries.users,
            self.store,
            done=lambda users: self._settings_dialog(dict(users)),
            failed=lambda error: (self.show_error(error), self._settings_dialog(self.users)),
        )

    def _settings_dialog(self, users: dict[str, str]) -> None:
        from gui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.settings, list(users.items()), self, runner=self.runner)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.apply_settings(dialog.settings(), users))
        dialog.finished.connect(lambda _: setattr(self, "_settings_open", False))
        dialog.open()
        self.settings_dialog = dialog  # for tests and scripts that drive it

    def apply_settings(self, changed: AppSettings, users: dict[str, str] | None = None) -> None:
        """Use `changed`: another database is opened first, and the settings are saved only once it has opened;
        another user or language is saved at once (a language applies at the next start)."""
        if changed.database != self.settings.database or self.store is None:
            self._open(changed.database, changed=changed)
            return
        self._open_serial += 1  # a database still opening from an earlier choice is no longer wanted
        if changed.user != self.settings.user:
            self._build(self.store, users if users is not None else self.users, changed)
        self.settings = changed
        changed.save()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._analysing() and not self._confirm_quit():
            event.ignore()
            return
        self.statusBar().showMessage(self.tr("Closing: finishing what is being saved…"))
        self.statusBar().repaint()  # now: stopping blocks the event loop
        self.runner.stop()  # cancels analyses; a transaction under way is finished, never cut off
        if self.store is not None:
            self.store.close()
        super().closeEvent(event)

    def _analysing(self) -> bool:
        """A contract is being read and checked (a submission or a new version): quitting would stop it."""
        return self.context is not None and (self.submit_panel.is_running() or self.case_panel.is_adding_version())

    def _confirm_quit(self) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Quit during an analysis?"),
            self.tr("A contract is being analysed. Quit anyway? The analysis stops, and nothing of it is stored."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes
