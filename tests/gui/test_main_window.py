"""The main window on a real SQLite store: sections from the keyboard, errors in the banner, a case opened
from the queue, a first run that makes the sample users; the store opened on a worker, a change of database
that is checked before it is saved and leaves no job answering to panels that are gone, and quitting while an
analysis runs."""

from __future__ import annotations

import re
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QMessageBox, QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from gui import main_window
from gui.app import install_translators
from gui.main_window import CASE, QUEUE, RULES, SUBMIT, MainWindow
from gui.sample import OpenedStore, add_sample_users
from gui.settings import AppSettings
from gui.workers import TaskRunner
from review.errors import PermissionRefused
from review.model import Progress
from review.store.unit_of_work import Store
from review.workflow import queries, services
from tests.conftest import DATA
from tests.gui.conftest import ROLES

UNREACHABLE = "postgresql+psycopg://nobody@127.0.0.1:9/reviews"  # port 9 (discard): nothing listens


def _threaded_window(qtbot: QtBot, settings: AppSettings, store: Store | None = None) -> MainWindow:
    window = MainWindow(settings, TaskRunner(), store=store)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.context is not None)
    return window


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


def test_main_window_is_shown_before_its_database_is_open(qtbot: QtBot, store: Store) -> None:
    window = MainWindow(AppSettings(user="rui"), TaskRunner(), store=store)  # the store is read on a worker
    qtbot.addWidget(window)
    window.show()
    assert window.stack.currentWidget() is window.waiting and window.waiting.text() == "Opening the database…"
    qtbot.waitUntil(lambda: window.context is not None)
    assert window.stack.currentWidget() is window.queue_panel and window.users["rui"] == "reviewer"


def test_a_database_that_cannot_be_opened_changes_no_setting(qtbot: QtBot, store: Store) -> None:
    window = _threaded_window(qtbot, AppSettings(user="rui"), store)
    panels = window.context
    window.apply_settings(AppSettings(database=UNREACHABLE, user="rui"))
    qtbot.waitUntil(window.banner.isVisible, timeout=15_000)
    assert "E403" in window.banner.text.text()
    assert window.context is panels and window.store is store and window.settings.database == ""
    assert AppSettings.load().database == ""  # the wrong URL was never saved
    assert window.stack.currentWidget() is window.queue_panel


def test_a_window_whose_database_cannot_be_opened_says_where_to_choose_one(qtbot: QtBot) -> None:
    window = MainWindow(AppSettings(database=UNREACHABLE, user="rui"), TaskRunner(synchronous=True))
    qtbot.addWidget(window)
    assert window.context is None and "E403" in window.banner.text.text()
    assert window.waiting.text() == "No database is open. Choose one in Settings (Ctrl+,)."
    window.sections.setCurrentRow(CASE)  # nothing to show yet; nothing breaks
    assert window.stack.currentWidget() is window.waiting


def test_a_change_of_database_drops_the_answers_of_jobs_still_running(
    qtbot: QtBot, store: Store, tmp_path: Path
) -> None:
    other = f"sqlite:///{tmp_path / 'other.sqlite3'}"
    with Store(other) as other_store:  # a team's other database, with its people
        (admin, _), *people = ROLES
        services.add_user(other_store, admin, "admin")
        for name, role in people:
            services.add_user(other_store, name, role, actor=admin)
    window = _threaded_window(qtbot, AppSettings(user="rui"), store)
    before = window.context
    assert before is not None
    release, answers = threading.Event(), []
    before.runner.run(lambda: release.wait(10) and "late", done=answers.append, failed=answers.append)

    window.apply_settings(AppSettings(database=other, user="pat"))
    qtbot.waitUntil(lambda: window.context is not before)
    release.set()
    window.runner.wait()
    qtbot.wait(50)  # the job's answer, queued to the GUI thread, is delivered now (or dropped)

    assert answers == []  # the panels it was for are gone
    assert window.store is not None and window.store.url == other and window.context.user == "pat"
    assert AppSettings.load() == AppSettings(database=other, user="pat")
    qtbot.waitUntil(lambda: window.queue_panel.count_label.text() == "0 cases")  # the other database's queue


def test_quitting_during_an_analysis_cancels_it_and_stores_nothing(
    qtbot: QtBot, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    submit_case = services.submit_case

    def long_submission(*args: Any, report: Progress, **kwargs: Any) -> int:
        for step in range(1000):  # ten seconds of reading pages, unless cancelled at one of them
            report(step / 1000, "Reading a long contract")
            time.sleep(0.01)
        return submit_case(*args, report=report, **kwargs)

    monkeypatch.setattr(services, "submit_case", long_submission)
    window = _threaded_window(qtbot, AppSettings(user="dee"), store)
    submit = window.submit_panel
    form = submit.form
    qtbot.keyClicks(form.department.lineEdit(), "Public Works")
    for field, text in ((form.vendor, "Acme"), (form.product, "Portal"), (form.annual_cost, "9000"),
                        (form.term_months, "12")):  # fmt: skip
        qtbot.keyClicks(field, text)
    submit.add_files([DATA / "cuad" / "Freecook-Hosting-Agreement.pdf"])
    submit.submit()
    qtbot.waitUntil(lambda: submit.progress_bar.value() > 0)

    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    asked: list[str] = []

    def answer(_parent: object, title: str, *_: object) -> QMessageBox.StandardButton:
        asked.append(title)
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", answer)
    assert not window.close() and window.isVisible() and submit.is_running()  # "No": it goes on
    started = time.monotonic()
    assert window.close()  # "Yes"
    assert time.monotonic() - started < 5  # cancelled at the analysis' next step, not waited out
    assert asked == ["Quit during an analysis?"] * 2
    assert queries.list_cases(store) == []


def _mnemonics(widget: QWidget) -> list[tuple[str, str]]:
    """(letter, text) of every Alt+letter a widget's buttons, labels and tabs offer."""
    texts = [button.text() for button in widget.findChildren(QAbstractButton)]
    texts += [label.text() for label in widget.findChildren(QLabel) if label.buddy() is not None]
    texts += [tabs.tabText(i) for tabs in widget.findChildren(QTabWidget) for i in range(tabs.count())]
    found = []
    for text in texts:
        match = re.search(r"&([^&\s])", text.replace("&&", ""))
        if match:
            found.append((match.group(1).lower(), text))
    return found


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_screen_s_alt_keys_are_its_own_and_the_menus(
    qtbot: QtBot, qapp: QApplication, store: Store, compiled_translations: Path, language: str
) -> None:
    installed = install_translators(qapp, language, compiled_translations)
    try:
        window = _window(qtbot, store, "rui")
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)
    menus = [(text[text.index("&") + 1].lower(), text) for text in (a.text() for a in window.menuBar().actions())]
    clashes = {}
    for panel in (window.submit_panel, window.queue_panel, window.case_panel, window.rules_panel,
                  window.dashboard_panel):  # fmt: skip
        keys = menus + _mnemonics(panel)
        letters = [letter for letter, _ in keys]
        clashing = sorted({(letter, text) for letter, text in keys if letters.count(letter) > 1})
        if clashing:
            clashes[type(panel).__name__] = clashing
    assert not clashes, f"one Alt key for several controls: {clashes}"


def test_a_first_run_closed_before_its_sample_case_finishes_it_next_time(qtbot: QtBot, tmp_path: Path) -> None:
    with Store(f"sqlite:///{tmp_path / 'first.sqlite3'}") as store:
        add_sample_users(store)  # the first start was closed after the users, before the sample case
        window = MainWindow(AppSettings(), TaskRunner(synchronous=True), store=store)
        qtbot.addWidget(window)
        assert window.settings.user == "rui" and AppSettings.load().user == "rui"
        assert [c.vendor for c in queries.list_cases(store)] == ["Acme Software Inc."]


def test_the_last_database_chosen_wins_when_an_earlier_one_opens_later(
    qtbot: QtBot, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    slow, release = f"sqlite:///{tmp_path / 'slow.sqlite3'}", threading.Event()
    chosen = f"sqlite:///{tmp_path / 'chosen.sqlite3'}"
    for url in (slow, chosen):
        with Store(url) as other:
            services.add_user(other, "rui", "admin")
    opening = main_window.open_store_and_library

    def open_slowly(database: str, given: Store | None = None, user: str = "") -> OpenedStore:
        if database == slow:
            release.wait(10)  # a server that answers late
        return opening(database, given, user)

    monkeypatch.setattr(main_window, "open_store_and_library", open_slowly)
    window = _threaded_window(qtbot, AppSettings(user="rui"), store)
    window.apply_settings(AppSettings(database=slow, user="rui"))
    window.apply_settings(AppSettings(database=chosen, user="rui"))  # changed their mind meanwhile
    qtbot.waitUntil(lambda: window.store is not None and window.store.url == chosen)
    release.set()
    window.runner.wait()
    qtbot.wait(50)
    assert window.store is not None and window.store.url == chosen
    assert AppSettings.load().database == chosen
