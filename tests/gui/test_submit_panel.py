"""The submit screen, driven as department staff would: typing the intake, adding the contract, submitting with
the keyboard, reading the pre-check; and the ways it refuses (bad intake, unknown user, unreadable or unsupported
files, a cancelled analysis), each leaving what the user typed in place and nothing in the store."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from gui.context import AppContext
from gui.submit_panel import SubmitPanel
from gui.workers import TaskRunner
from review.errors import DatabaseUnavailable
from review.store.unit_of_work import Store
from review.workflow import queries
from tests.conftest import CONTRACTS
from tests.gui.conftest import Errors

# The counts are English plurals ("4 blockers"), as the app shows them with its English translator.

CONTRACT = CONTRACTS / "cloud-services-v1.txt"


def make_panel(qtbot: QtBot, context: AppContext) -> SubmitPanel:
    panel = SubmitPanel(context)
    qtbot.addWidget(panel)
    panel.resize(1100, 800)
    panel.show()
    qtbot.waitExposed(panel)
    panel.activateWindow()  # the panel's shortcuts are window-wide: the window must be the active one
    qtbot.waitUntil(panel.isActiveWindow)
    return panel


def fill(qtbot: QtBot, panel: SubmitPanel, *, vendor: str = "Skyline Permits LLC", term: str = "36") -> None:
    form = panel.form
    qtbot.keyClicks(form.department.lineEdit(), "Public Works")
    qtbot.keyClicks(form.vendor, vendor)
    qtbot.keyClicks(form.product, "Permit Portal")
    qtbot.keyClicks(form.annual_cost, "$50,000")
    qtbot.keyClicks(form.term_months, term)
    for box in (form.data["personal"], form.data["payments"], form.public_facing):
        qtbot.keyClick(box, Qt.Key.Key_Space)


def test_submit_panel_submits_and_shows_the_precheck(
    qtbot: QtBot, requester_context: AppContext, store: Store, errors: Errors
) -> None:
    panel = make_panel(qtbot, requester_context)
    assert not panel.submit_button.isEnabled()  # nothing to submit yet
    fill(qtbot, panel)
    assert panel.form.intake() == {
        "department": "Public Works", "vendor": "Skyline Permits LLC", "product": "Permit Portal",
        "annual_cost": 50000.0, "term_months": 36, "hosting": "saas", "data": ["personal", "payments"],
        "public_facing": True, "critical": False, "custom_development": False,
    }  # fmt: skip
    assert not panel.submit_button.isEnabled()  # still no document
    assert panel.add_files([CONTRACT]) == [str(CONTRACT)]
    assert panel.documents.item(0).text() == "cloud-services-v1.txt"
    assert panel.submit_button.isEnabled()

    progress: list[int] = []
    panel.progress_bar.valueChanged.connect(progress.append)
    with qtbot.waitSignal(panel.submitted, timeout=60_000) as signal:
        qtbot.keyClick(panel.form.vendor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    assert errors == []
    (summary,) = queries.list_cases(store)
    assert (summary.vendor, summary.department, summary.submitted_by) == ("Skyline Permits LLC", "Public Works", "dee")
    assert signal.args == [summary.id]
    assert progress and max(progress) == 100
    case = queries.open_case(store, summary.id)
    blockers = [f for f in case.findings if f.severity == "blocker"]
    assert blockers  # the sample contract makes the City indemnify the vendor, among others
    text = panel.summary_text()
    assert f"Likely to be raised ({len(blockers)} blockers)" in text
    assert "BLOCKER" in text and "MAJOR" in text
    for finding in blockers:
        assert finding.title in text
    assert "The City would indemnify, defend or hold the vendor harmless" in text
    assert f"Case {summary.id} submitted" in panel.status_label.text()

    # The summary outlasts a trip to the case (the window hides the panel), and nothing can be resubmitted by accident.
    panel.hide()
    panel.show()
    assert panel.summary_text() == text
    assert not panel.submit_button.isEnabled() and not panel.form.isEnabled()
    assert "Public Works" in [panel.form.department.itemText(i) for i in range(panel.form.department.count())]

    qtbot.mouseClick(panel.another_button, Qt.MouseButton.LeftButton)
    assert panel.summary_text() == "" and panel.files() == []
    assert panel.form.isEnabled() and panel.form.vendor.text() == "" and not panel.form.data["personal"].isChecked()


def test_submit_panel_bad_intake_shows_the_error_and_keeps_the_text(
    qtbot: QtBot, requester_context: AppContext, store: Store, errors: Errors
) -> None:
    panel = make_panel(qtbot, requester_context)
    fill(qtbot, panel, term="0")
    panel.add_files([CONTRACT])
    qtbot.mouseClick(panel.submit_button, Qt.MouseButton.LeftButton)

    assert "E220" in panel.form.error_text() and "Term (months)" in panel.form.error_text()
    assert panel.form.term_months.hasFocus()  # straight to the field to correct
    assert (panel.form.vendor.text(), panel.form.term_months.text(), panel.files()) == (
        "Skyline Permits LLC", "0", [str(CONTRACT)]
    )  # fmt: skip
    assert queries.list_cases(store) == [] and errors == []

    # An empty (or blank) required field keeps Submit off; a cost that is not a number is the library's to explain.
    panel.form.vendor.setText("   ")
    assert not panel.submit_button.isEnabled()
    panel.form.vendor.setText("Skyline Permits LLC")
    panel.form.term_months.setText("36")
    panel.form.annual_cost.setText("a lot")
    qtbot.mouseClick(panel.submit_button, Qt.MouseButton.LeftButton)
    assert "number of US dollars" in panel.form.error_text() and panel.form.annual_cost.text() == "a lot"
    assert queries.list_cases(store) == []


def test_submit_panel_unknown_user_goes_to_errors(qtbot: QtBot, store: Store, errors: Errors) -> None:
    context = AppContext(store, TaskRunner(synchronous=True), "zed", "", errors.append, lambda _: None)
    panel = make_panel(qtbot, context)
    fill(qtbot, panel)
    panel.add_files([CONTRACT])
    qtbot.mouseClick(panel.submit_button, Qt.MouseButton.LeftButton)

    assert [error.code for error in errors] == ["E302"]  # type: ignore[attr-defined]
    assert queries.list_cases(store) == []
    assert panel.form.vendor.text() == "Skyline Permits LLC" and panel.files() == [str(CONTRACT)]
    assert panel.submit_button.isEnabled() and panel.form.isEnabled()  # try again once the user is fixed
    assert "nothing was stored" in panel.status_label.text()


def test_submit_panel_unreadable_file_goes_to_errors(
    qtbot: QtBot, requester_context: AppContext, store: Store, errors: Errors, tmp_path: Path
) -> None:
    empty = tmp_path / "order-form.txt"
    empty.write_text("")
    panel = make_panel(qtbot, requester_context)
    fill(qtbot, panel)
    panel.add_files([empty])
    qtbot.mouseClick(panel.submit_button, Qt.MouseButton.LeftButton)

    assert [error.code for error in errors] == ["E102"]  # type: ignore[attr-defined]
    assert queries.list_cases(store) == []
    assert panel.form.product.text() == "Permit Portal" and panel.files() == [str(empty)]


def test_submit_panel_cancel_during_progress_stores_nothing(
    qtbot: QtBot, requester_context: AppContext, store: Store, errors: Errors
) -> None:
    panel = make_panel(qtbot, requester_context)
    fill(qtbot, panel)
    panel.add_files([CONTRACT])
    seen: list[bool] = []

    def press_escape(_: int) -> None:  # the synchronous runner reports here, in the middle of the job
        if not seen:
            seen.append(panel.cancel_button.isVisible())
            qtbot.keyClick(panel.cancel_button, Qt.Key.Key_Escape)

    panel.progress_bar.valueChanged.connect(press_escape)
    qtbot.mouseClick(panel.submit_button, Qt.MouseButton.LeftButton)

    assert seen == [True]
    assert panel.status_label.text() == "Cancelled; nothing was stored."
    assert queries.list_cases(store) == [] and errors == []
    assert not panel.cancel_button.isVisible() and panel.submit_button.isEnabled()
    assert panel.form.vendor.text() == "Skyline Permits LLC" and panel.files() == [str(CONTRACT)]


def test_submit_panel_a_summary_that_cannot_be_read_leaves_the_screen_usable(
    qtbot: QtBot, requester_context: AppContext, store: Store, errors: Errors, monkeypatch: pytest.MonkeyPatch
) -> None:
    def unreadable(*_: object) -> None:
        raise DatabaseUnavailable("the database failed: the server closed the connection")

    monkeypatch.setattr(queries, "open_case", unreadable)
    panel = make_panel(qtbot, requester_context)
    fill(qtbot, panel)
    panel.add_files([CONTRACT])
    with qtbot.waitSignal(panel.submitted):
        qtbot.mouseClick(panel.submit_button, Qt.MouseButton.LeftButton)

    assert [error.code for error in errors] == ["E403"]  # type: ignore[attr-defined]
    assert len(queries.list_cases(store)) == 1  # stored all the same
    assert "Case 1 is stored" in panel.summary.toPlainText()
    assert panel.another_button.isVisible() and panel.another_button.hasFocus()
    qtbot.keyClick(panel.another_button, Qt.Key.Key_Space)
    assert panel.form.isEnabled() and panel.documents.count() == 0


def test_submit_panel_refuses_unsupported_files(qtbot: QtBot, requester_context: AppContext, tmp_path: Path) -> None:
    panel = make_panel(qtbot, requester_context)
    old_word = tmp_path / "agreement.doc"
    picture = tmp_path / "scan.png"
    for path in (old_word, picture):
        path.write_bytes(b"not a contract")

    assert panel.add_files([old_word, picture, CONTRACT]) == [str(CONTRACT)]
    assert panel.files() == [str(CONTRACT)]
    refusal = panel.refusal_text()
    assert "agreement.doc" in refusal and "scan.png" in refusal and "not a PDF, Word (.docx) or text file" in refusal

    # The same by drag and drop of local files; a file already listed is not added twice.
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(picture)), QUrl.fromLocalFile(str(CONTRACT))])
    drop = QDropEvent(QPointF(QPoint(10, 10)), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)  # fmt: skip
    panel.documents.dropEvent(drop)
    assert drop.isAccepted() and panel.files() == [str(CONTRACT)] and "scan.png" in panel.refusal_text()


def test_submit_panel_keyboard_adds_and_removes_documents(
    qtbot: QtBot, requester_context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    second = CONTRACTS / "cloud-services-v2.txt"
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *args, **kwargs: ([str(CONTRACT), str(second)], ""))
    panel = make_panel(qtbot, requester_context)
    panel.form.vendor.setFocus()
    qtbot.keyClick(panel.form.vendor, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert panel.files() == [str(CONTRACT), str(second)]
    assert panel.refusal_text() == ""

    panel.documents.setFocus()
    panel.documents.setCurrentRow(0)
    assert panel.remove_button.isEnabled()
    qtbot.keyClick(panel.documents, Qt.Key.Key_Delete)
    assert panel.files() == [str(second)]


def test_submit_panel_bad_sbom_shows_beside_the_form(
    qtbot: QtBot, requester_context: AppContext, store: Store, errors: Errors, tmp_path: Path
) -> None:
    sbom = tmp_path / "sbom.json"
    sbom.write_text('{"not": "a bill of materials"}')
    panel = make_panel(qtbot, requester_context)
    fill(qtbot, panel)
    panel.add_files([CONTRACT])
    qtbot.keyClicks(panel.form.sbom, str(sbom))
    qtbot.mouseClick(panel.submit_button, Qt.MouseButton.LeftButton)

    assert [error.code for error in errors] == ["E221"]  # type: ignore[attr-defined]
    assert "E221" in panel.form.error_text() and "SBOM file" in panel.form.error_text()
    assert panel.form.sbom.text() == str(sbom) and queries.list_cases(store) == []


def test_submit_panel_runs_on_the_thread_pool(qtbot: QtBot, store: Store, errors: Errors) -> None:
    """The real runner: the job's progress and result come back through queued signals; Cancel stops it."""
    runner = TaskRunner()
    context = AppContext(store, runner, "dee", "requester", errors.append, lambda _: None)
    panel = make_panel(qtbot, context)
    try:
        fill(qtbot, panel)
        panel.add_files([CONTRACT])
        qtbot.mouseClick(panel.submit_button, Qt.MouseButton.LeftButton)
        assert panel.cancel_button.isVisible()
        qtbot.mouseClick(panel.cancel_button, Qt.MouseButton.LeftButton)  # long before the analysis ends
        qtbot.waitUntil(lambda: panel.status_label.text() == "Cancelled; nothing was stored.", timeout=60_000)
        assert queries.list_cases(store) == []

        with qtbot.waitSignal(panel.submitted, timeout=60_000) as signal:
            qtbot.mouseClick(panel.submit_button, Qt.MouseButton.LeftButton)
        assert errors == [] and [case.id for case in queries.list_cases(store)] == signal.args
        assert "Likely to be raised" in panel.summary_text()
    finally:
        runner.wait()
