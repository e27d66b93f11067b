"""The settings dialog: who I am, the language, and the database with its connection test (on an unreachable
address and on a throwaway database of the real PostgreSQL server)."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QRadioButton
from pytestqt.qtbot import QtBot

from gui import settings_dialog
from gui.settings import AppSettings
from gui.settings_dialog import SettingsDialog
from gui.workers import TaskRunner
from review.store.unit_of_work import Store
from review.workflow import queries

UNREACHABLE = "postgresql+psycopg://nobody@127.0.0.1:1/none"


def make_dialog(qtbot: QtBot, settings: AppSettings, store: Store, runner: TaskRunner | None = None) -> SettingsDialog:
    dialog = SettingsDialog(settings, queries.users(store), runner=runner or TaskRunner(synchronous=True))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def click_radio(qtbot: QtBot, radio: QRadioButton) -> None:
    """Click on the radio's circle (its centre may be past the end of its label, which does not click)."""
    qtbot.mouseClick(radio, Qt.MouseButton.LeftButton, pos=QPoint(radio.height() // 2, radio.height() // 2))


def ok_button(dialog: SettingsDialog):  # type: ignore[no-untyped-def]
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def test_settings_dialog_returns_the_chosen_user_and_language(qtbot: QtBot, store: Store) -> None:
    dialog = make_dialog(qtbot, AppSettings(user="rui"), store)
    assert dialog.user_combo.currentText() == "rui (reviewer)"
    assert [dialog.user_combo.itemText(i) for i in range(dialog.user_combo.count())] == [
        "ana (admin)",
        "dee (requester)",
        "pat (approver)",
        "rui (reviewer)",
    ]
    assert dialog.embedded_radio.isChecked() and not dialog.url_edit.isEnabled()
    assert "next time the app starts" in dialog.language_note.text()
    qtbot.keyClicks(dialog.user_combo, "pat")  # typing picks the item, as a keyboard user would
    assert dialog.user_combo.currentText() == "pat (approver)"
    qtbot.keyClick(dialog.language_combo, Qt.Key.Key_Down)
    assert dialog.language_combo.currentText() == "Español"
    qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.settings() == AppSettings(database="", user="pat", language="es")


def test_settings_dialog_cancel_is_refused_by_escape(qtbot: QtBot, store: Store) -> None:
    dialog = make_dialog(qtbot, AppSettings(user="dee", language="es"), store)
    assert dialog.user_combo.currentText() == "dee (requester)"
    assert dialog.language_combo.currentText() == "Español"
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected


def test_settings_dialog_keeps_a_user_this_database_does_not_know(qtbot: QtBot, store: Store) -> None:
    dialog = make_dialog(qtbot, AppSettings(user="zoe"), store)
    assert dialog.user_combo.currentText() == "zoe (not a user in this database)"
    assert dialog.settings().user == "zoe"


def test_settings_dialog_postgres_test_connection_reports_e403(qtbot: QtBot, store: Store) -> None:
    dialog = make_dialog(qtbot, AppSettings(user="rui"), store)
    click_radio(qtbot, dialog.postgres_radio)
    assert dialog.postgres_radio.isChecked() and dialog.url_edit.isEnabled()
    assert not ok_button(dialog).isEnabled() and not dialog.test_button.isEnabled()  # no URL yet
    qtbot.keyClicks(dialog.url_edit, UNREACHABLE)
    assert ok_button(dialog).isEnabled()
    with qtbot.waitSignal(dialog.connection_tested) as blocker:
        qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [False]
    assert dialog.test_result.text().startswith("Could not connect (E403): cannot open the database")
    assert "127.0.0.1" in dialog.test_result.text()
    assert dialog.url_edit.text() == UNREACHABLE  # what was typed stays, to be corrected
    # editing the URL clears an answer that no longer applies
    qtbot.keyClick(dialog.url_edit, Qt.Key.Key_Backspace)
    assert dialog.test_result.text() == ""
    qtbot.keyClicks(dialog.url_edit, "e")
    qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)
    assert dialog.settings().database == UNREACHABLE


def test_settings_dialog_tests_the_connection_on_a_worker_thread(qtbot: QtBot, store: Store) -> None:
    dialog = make_dialog(qtbot, AppSettings(database=UNREACHABLE), store, runner=TaskRunner())
    assert dialog.postgres_radio.isChecked() and dialog.url_edit.text() == UNREACHABLE
    with qtbot.waitSignal(dialog.connection_tested, timeout=20_000) as blocker:
        qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
        assert dialog.test_result.text() == "Connecting to the server…"  # the dialog stays responsive meanwhile
    assert blocker.args == [False]
    assert "E403" in dialog.test_result.text()
    dialog.runner.wait()


def test_settings_dialog_postgres_test_connection_succeeds_on_a_real_server(
    qtbot: QtBot, store: Store, postgres_url: str
) -> None:
    dialog = make_dialog(qtbot, AppSettings(user="rui"), store)
    click_radio(qtbot, dialog.postgres_radio)
    qtbot.keyClicks(dialog.url_edit, postgres_url)
    with qtbot.waitSignal(dialog.connection_tested) as blocker:
        qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [True]
    assert dialog.test_result.text() == f"Connected: {postgres_url} is ready for review cases."
    with Store(postgres_url, migrate=False) as opened:  # the test ran the migrations: an empty, usable store
        assert queries.users(opened) == []
    qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)
    assert dialog.settings() == AppSettings(database=postgres_url, user="rui", language="en")


def test_settings_dialog_choosing_the_embedded_file_forgets_the_server(qtbot: QtBot, store: Store) -> None:
    dialog = make_dialog(qtbot, AppSettings(database=UNREACHABLE, user="rui"), store)
    click_radio(qtbot, dialog.embedded_radio)
    assert not dialog.url_edit.isEnabled() and not dialog.test_button.isEnabled()
    assert dialog.settings().database == ""
    assert "reviews.sqlite3" in dialog.embedded_note.text()
    # a SQLite file the settings already named is kept
    kept = make_dialog(qtbot, AppSettings(database="sqlite:///elsewhere.sqlite3"), store)
    assert kept.embedded_radio.isChecked()
    assert kept.settings().database == "sqlite:///elsewhere.sqlite3"


def test_settings_dialog_is_operable_by_keyboard_with_named_controls(qtbot: QtBot, store: Store) -> None:
    dialog = make_dialog(qtbot, AppSettings(user="rui"), store)
    controls = [
        dialog.embedded_radio,
        dialog.postgres_radio,
        dialog.url_edit,
        dialog.test_button,
        dialog.user_combo,
        dialog.language_combo,
        ok_button(dialog),
        dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel),
    ]
    assert all(control.accessibleName() for control in controls)
    with qtbot.waitActive(dialog):
        dialog.activateWindow()
    qtbot.keyClick(dialog, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)  # &PostgreSQL server
    qtbot.waitUntil(dialog.postgres_radio.isChecked)  # a mnemonic animates the click
    qtbot.keyClick(dialog, Qt.Key.Key_U, Qt.KeyboardModifier.AltModifier)  # Server &URL
    qtbot.waitUntil(dialog.url_edit.hasFocus)
    qtbot.keyClicks(QApplication.focusWidget(), UNREACHABLE)
    with qtbot.waitSignal(dialog.connection_tested):
        qtbot.keyClick(dialog, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)  # &Test connection
    assert "E403" in dialog.test_result.text()
    qtbot.keyClick(dialog, Qt.Key.Key_W, Qt.KeyboardModifier.AltModifier)  # &Who I am
    qtbot.waitUntil(dialog.user_combo.hasFocus)
    qtbot.keyClick(dialog.user_combo, Qt.Key.Key_Up)
    assert dialog.user_combo.currentText() == "pat (approver)"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # the default button: OK
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.settings() == AppSettings(database=UNREACHABLE, user="pat", language="en")


def test_settings_dialog_closed_during_a_connection_test_is_not_answered(
    qtbot: QtBot, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = threading.Event()

    def slow_server(url: str) -> str:
        release.wait(10)
        return url

    monkeypatch.setattr(settings_dialog, "try_database", slow_server)
    window_runner = TaskRunner()
    dialog = SettingsDialog(AppSettings(database=UNREACHABLE), queries.users(store), runner=window_runner)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # as the window shows it
    dialog.show()
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(dialog.destroyed):
        dialog.reject()
    release.set()
    window_runner.wait()
    qtbot.wait(50)  # the answer, queued to the GUI thread, is dropped: no call reaches the deleted dialog
