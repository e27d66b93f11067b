"""The main window on a real SQLite store: sections from the keyboard, errors in the banner, a case opened
from the queue, and a first run that makes the sample users."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from gui.main_window import CASE, QUEUE, RULES, SUBMIT, MainWindow
from gui.settings import AppSettings
from gui.workers import TaskRunner
from review.errors import PermissionRefused
from review.store.unit_of_work import Store
from review.workflow import queries, services

DATA = Path(__file__).parents[1] / "data"


def _window(qtbot: QtBot, store: Store, user: str) -> MainWindow:
    window = MainWindow(AppSettings(user=user), TaskRunner(synchronous=True), store=store)
    qtbot.addWidget(window)
    window.show()
    return window


def test_main_window_opens_on_the_queue_for_a_reviewer_and_the_submit_screen_for_a_requester(
    qtbot: QtBot, store: Store
) -> None:
    assert _window(qtbot, store, "rui").sections.currentRow() == QUEUE
    assert _window(qtbot, store, "dee").sections.currentRow() == SUBMIT


def test_main_window_sections_from_the_keyboard(qtbot: QtBot, store: Store) -> None:
    window = _window(qtbot, store, "rui")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # shortcuts reach the active window only
    qtbot.keyClick(window.sections, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert window.sections.currentRow() == RULES and window.stack.currentWidget() is window.rules_panel
    assert window.sections.accessibleName() == "Sections"


def test_main_window_shows_library_errors_with_their_code(qtbot: QtBot, store: Store) -> None:
    window = _window(qtbot, store, "rui")
    window.show_error(PermissionRefused("a requester cannot dispose of findings; ask a reviewer"))
    assert window.banner.isVisible()
    assert "E302" in window.banner.text.text() and "ask a reviewer" in window.banner.text.text()


def test_main_window_opens_a_case_from_the_queue(qtbot: QtBot, store: Store) -> None:
    case_id = services.submit_case(
        store, [DATA / "contracts" / "cloud-services-v1.txt"], DATA / "intake" / "permit-portal.yaml", actor="dee"
    )
    window = _window(qtbot, store, "rui")
    window.queue_panel.refresh()
    window.queue_panel.case_opened.emit(case_id)
    assert window.sections.currentRow() == CASE
    assert window.case_panel.case is not None and window.case_panel.case.id == case_id


def test_main_window_first_run_makes_the_sample_users(qtbot: QtBot, tmp_path: Path) -> None:
    with Store(f"sqlite:///{tmp_path / 'first.sqlite3'}") as store:
        window = MainWindow(AppSettings(), TaskRunner(synchronous=True), store=store)
        qtbot.addWidget(window)
        assert {name for name, _ in queries.users(store)} == {"ana", "dee", "rui", "pat"}
        assert window.settings.user == "rui"
        assert [c.vendor for c in queries.list_cases(store)] == ["Acme Software Inc."]  # the sample case
