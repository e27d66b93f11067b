"""The settings dialog: which database the cases live in (the embedded SQLite file on this computer or a
team's PostgreSQL server, with a connection test), who I am, and the app's language.

    >>> dialog = SettingsDialog(settings, queries.users(store), window)     # doctest: +SKIP
    >>> if dialog.exec():                                                    # doctest: +SKIP
    ...     settings = dialog.settings()

The connection test opens the database on a worker, as the app would (migrations included), and shows the
error's code and message when it cannot.
"""

from __future__ import annotations

import os

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from gui.settings import LANGUAGES, AppSettings, role_word
from gui.workers import TaskRunner
from review.errors import ReviewError
from review.store.database import ENVIRONMENT_VARIABLE, data_folder
from review.store.unit_of_work import Store

POSTGRES_EXAMPLE = "postgresql+psycopg://user@host/reviews"


def try_database(url: str) -> str:
    """Open the database as the app would (running its migrations), close it, and give its URL without the
    password. Raises DatabaseUnavailable (E403) when it cannot be reached."""
    with Store(url) as store:
        return store.safe_url


class SettingsDialog(QDialog):
    """Edits a copy of the settings; `settings()` gives the result once the dialog is accepted.

    The caller reads `settings()` after `exec()` (or on `accepted`, when shown with `open()`).
    Signal: `connection_tested(bool)` when a connection test has finished (True: the database opened).
    Slot: `test_connection()`.
    """

    connection_tested = Signal(bool)

    def __init__(
        self,
        settings: AppSettings,
        users: list[tuple[str, str]],
        parent: QWidget | None = None,
        runner: TaskRunner | None = None,
    ) -> None:
        super().__init__(parent)
        self._original = settings
        # its connection tests answer only while it is open (a slow server may answer after Cancel)
        self._threads = runner or TaskRunner(parent=self)  # kept: its pool runs the tests
        self.runner = self._threads.child()
        self.finished.connect(self.runner.abandon)
        self._test_serial = 0  # a test's answer is shown only if nothing changed since it started
        self.setWindowTitle(self.tr("Settings"))
        self.setAccessibleName(self.tr("Settings"))

        # --- database ------------------------------------------------------------------------------------------
        database_box = QGroupBox(self.tr("Database"), self)
        self.embedded_radio = QRadioButton(self.tr("&Embedded SQLite file (this computer)"), database_box)
        self.embedded_radio.setAccessibleName(self.tr("Embedded SQLite file on this computer"))
        self.postgres_radio = QRadioButton(self.tr("&PostgreSQL server"), database_box)
        self.postgres_radio.setAccessibleName(self.tr("PostgreSQL server"))
        self.database_choice = QButtonGroup(self)
        self.database_choice.addButton(self.embedded_radio)
        self.database_choice.addButton(self.postgres_radio)
        self.embedded_note = QLabel(self._embedded_description(settings.database), database_box)
        self.embedded_note.setWordWrap(True)
        self.embedded_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.url_edit = QLineEdit(database_box)
        self.url_edit.setPlaceholderText(POSTGRES_EXAMPLE)
        self.url_edit.setAccessibleName(self.tr("PostgreSQL server URL"))
        self.url_edit.setAccessibleDescription(self.tr("For example {url}").format(url=POSTGRES_EXAMPLE))
        # wide enough for a typical URL in the current font (so it grows with a larger font)
        self.url_edit.setMinimumWidth(self.fontMetrics().horizontalAdvance(POSTGRES_EXAMPLE + "MMMM"))
        url_label = QLabel(self.tr("Server &URL:"), database_box)
        url_label.setBuddy(self.url_edit)
        self.test_button = QPushButton(self.tr("&Test connection"), database_box)
        self.test_button.setAccessibleName(self.tr("Test the connection to the PostgreSQL server"))
        self.test_button.clicked.connect(self.test_connection)
        self.test_icon = QLabel(database_box)
        self.test_result = QLabel(database_box)
        self.test_result.setWordWrap(True)
        self.test_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.test_result.setAccessibleName(self.tr("Connection test result"))

        url_row = QHBoxLayout()
        url_row.addWidget(url_label)
        url_row.addWidget(self.url_edit, 1)
        url_row.addWidget(self.test_button)
        result_row = QHBoxLayout()
        result_row.addWidget(self.test_icon, 0, Qt.AlignmentFlag.AlignTop)
        result_row.addWidget(self.test_result, 1)
        database_layout = QVBoxLayout(database_box)
        database_layout.addWidget(self.embedded_radio)
        database_layout.addWidget(self.embedded_note)
        database_layout.addWidget(self.postgres_radio)
        database_layout.addLayout(url_row)
        database_layout.addLayout(result_row)

        # --- who I am and language ----------------------------------------------------------------------------
        self.user_combo = QComboBox(self)
        self.user_combo.setAccessibleName(self.tr("Who I am"))
        for name, role in users:
            self.user_combo.addItem(self.tr("{user} ({role})").format(user=name, role=role_word(role)), name)
        if settings.user and settings.user not in dict(users):  # keep who the settings name, even if unknown here
            self.user_combo.addItem(self.tr("{user} (not a user in this database)").format(user=settings.user),
                                    settings.user)  # fmt: skip
        if self.user_combo.count() == 0:
            self.user_combo.addItem(self.tr("No users yet"), "")
            self.user_combo.setEnabled(False)
        self.user_combo.setCurrentIndex(max(0, self.user_combo.findData(settings.user)))
        user_label = QLabel(self.tr("&Who I am:"), self)
        user_label.setBuddy(self.user_combo)

        self.language_combo = QComboBox(self)
        self.language_combo.setAccessibleName(self.tr("Language"))
        for code, name in LANGUAGES.items():
            self.language_combo.addItem(name, code)
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(settings.language)))
        language_label = QLabel(self.tr("&Language:"), self)
        language_label.setBuddy(self.language_combo)
        self.language_note = QLabel(self.tr("A change of language applies the next time the app starts."), self)
        self.language_note.setWordWrap(True)

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(user_label, self.user_combo)
        form.addRow(language_label, self.language_combo)
        form.addRow("", self.language_note)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setAccessibleName(self.tr("Save the settings"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName(self.tr("Close without saving"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(database_box)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

        # fill in, then react to changes
        is_postgres = settings.database.startswith("postgresql")
        (self.postgres_radio if is_postgres else self.embedded_radio).setChecked(True)
        if is_postgres:
            self.url_edit.setText(settings.database)
            self.url_edit.setCursorPosition(0)  # the scheme and host first
        self.embedded_radio.toggled.connect(self._update)
        self.url_edit.textChanged.connect(self._url_changed)
        self.setTabOrder(self.embedded_radio, self.postgres_radio)
        self.setTabOrder(self.postgres_radio, self.url_edit)
        self.setTabOrder(self.url_edit, self.test_button)
        self.setTabOrder(self.test_button, self.user_combo)
        self.setTabOrder(self.user_combo, self.language_combo)
        self._update()

    # --- the result -------------------------------------------------------------------------------------------------

    def settings(self) -> AppSettings:
        """The settings as the dialog shows them."""
        return AppSettings(
            database=self._database(),
            user=str(self.user_combo.currentData() or self._original.user),
            language=str(self.language_combo.currentData() or self._original.language),
        )

    def _database(self) -> str:
        if self.postgres_radio.isChecked():
            return self.url_edit.text().strip()
        # another SQLite file the settings already named (e.g. set by hand) is kept; otherwise the default one
        return self._original.database if self._original.database.startswith("sqlite") else ""

    def _embedded_description(self, database: str) -> str:
        if database.startswith("sqlite:///"):  # people know the file by its path, not by its URL
            return self.tr("The file {path}").format(path=database.removeprefix("sqlite:///"))
        if database.startswith("sqlite"):
            return self.tr("The file {url}").format(url=database)
        text = self.tr("The file {path}").format(path=data_folder() / "reviews.sqlite3")
        if os.environ.get(ENVIRONMENT_VARIABLE):  # the environment overrides an empty setting; say so
            text += "\n" + self.tr("(unless {variable} names another database: now {url})").format(
                variable=ENVIRONMENT_VARIABLE, url=os.environ[ENVIRONMENT_VARIABLE]
            )
        return text

    # --- reacting -------------------------------------------------------------------------------------------------

    def _url_changed(self) -> None:
        self._test_serial += 1  # an answer for an older URL no longer applies
        self._show_result(None, "")
        self._update()

    def _update(self) -> None:
        postgres = self.postgres_radio.isChecked()
        self.url_edit.setEnabled(postgres)
        has_url = bool(self.url_edit.text().strip())
        self.test_button.setEnabled(postgres and has_url)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not postgres or has_url)
        if postgres and not has_url:
            self._show_result(None, self.tr("Enter the server's URL, e.g. {url}").format(url=POSTGRES_EXAMPLE))
        elif not postgres:
            self._show_result(None, "")

    def _show_result(self, icon: QStyle.StandardPixmap | None, text: str) -> None:
        if icon is None:
            self.test_icon.clear()
        else:
            self.test_icon.setPixmap(self.style().standardIcon(icon).pixmap(24))
        self.test_result.setText(text)
        self.test_result.setAccessibleDescription(text)

    # --- the connection test ----------------------------------------------------------------------------------------

    def test_connection(self) -> None:
        url = self.url_edit.text().strip()
        if not url:
            return
        self._test_serial += 1
        serial = self._test_serial
        self.test_button.setEnabled(False)
        self._show_result(QStyle.StandardPixmap.SP_BrowserReload, self.tr("Connecting to the server…"))
        self.runner.run(
            try_database,
            url,
            done=lambda safe_url: self._tested(serial, safe_url, None),
            failed=lambda error: self._tested(serial, "", error),
        )

    def _tested(self, serial: int, safe_url: str, error: BaseException | None) -> None:
        self._update()  # the button again
        if serial != self._test_serial:
            return
        self.connection_tested.emit(error is None)
        if error is None:
            self._show_result(
                QStyle.StandardPixmap.SP_DialogApplyButton,
                self.tr("Connected: {url} is ready for review cases.").format(url=safe_url),
            )
        elif isinstance(error, ReviewError):
            self._show_result(
                QStyle.StandardPixmap.SP_MessageBoxWarning,
                self.tr("Could not connect ({code}): {message}").format(code=error.code, message=error.message),
            )
        else:
            self._show_result(
                QStyle.StandardPixmap.SP_MessageBoxWarning,
                self.tr("Could not connect: {error}").format(error=f"{type(error).__name__}: {error}"),
            )
