"""The whole review path through the real widgets of real main windows, with the real threaded TaskRunner: a
department submits a CUAD PDF and a SaaS DOCX as one contract and reads the pre-check; a reviewer and an approver,
each in a window of their own on the same store (as on two computers), dispose of every blocker from the keyboard;
the reviewer decides, exports the memo and the vendor redline, and reopens; the case opened again shows it all.
And a keyboard-only review: from the queue to the case, through the findings, with keys, reasons and a comment."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from gui.case_panel import CasePanel
from gui.finding_tree_model import DISPOSITION
from gui.main_window import CASE, QUEUE, SUBMIT, MainWindow
from gui.settings import AppSettings
from gui.workers import TaskRunner
from review.store.unit_of_work import Store
from review.workflow import queries, services
from tests.conftest import DATA, INTAKE, corpus_path

# The counts are English plurals ("4 blockers"), as the app shows them with its English translator.

PDF = DATA / "cuad" / "Xinhua-Content-License-Agreement.pdf"
ANALYSIS = 60_000  # ms: spaCy loads on the first analysis of the process
QUICK = 15_000  # ms: a read or a write on the worker thread
Ctrl, Alt = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier


def saas_docx() -> Path:
    return corpus_path("saas_templates", "common_paper", "common-paper-cloud-service-agreement", "template.docx")


def open_window(qtbot: QtBot, store: Store, user: str) -> MainWindow:
    """Another person's app: a main window of its own on the same database, with a real thread pool."""
    window = MainWindow(AppSettings(user=user), TaskRunner(), store=store)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.context is not None)  # the database is opened on a worker
    activate(qtbot, window)
    return window


def activate(qtbot: QtBot, window: MainWindow) -> None:
    """Shortcuts and mnemonics reach the active window only: the person turns to this one."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def key(qtbot: QtBot, keys: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """A key press where the focus is, as a person's keyboard sends it."""
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClick(focused, keys, modifiers)


def type_text(qtbot: QtBot, text: str) -> None:
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClicks(focused, text)


def focused_is(widget: QWidget) -> Callable[[], bool]:
    return lambda: QApplication.focusWidget() is widget


def open_from_queue(qtbot: QtBot, window: MainWindow, case_id: int) -> CasePanel:
    """Ctrl+2, arrows to the case's row, Return: the case opens with the list of findings focused."""
    queue = window.queue_panel
    qtbot.waitUntil(lambda: case_id in [c.id for c in queue.model.cases], timeout=QUICK)
    activate(qtbot, window)
    key(qtbot, Qt.Key.Key_2, Ctrl)
    assert window.sections.currentRow() == QUEUE
    qtbot.waitUntil(focused_is(queue.table))
    key(qtbot, Qt.Key.Key_Home)
    for _ in range(queue.proxy.rowCount()):
        if queue.selected_case_id() == case_id:
            break
        key(qtbot, Qt.Key.Key_Down)
    assert queue.selected_case_id() == case_id
    key(qtbot, Qt.Key.Key_Return)
    panel = window.case_panel
    assert window.sections.currentRow() == CASE
    qtbot.waitUntil(lambda: panel.case is not None and panel.case.id == case_id and bool(panel.files), timeout=QUICK)
    qtbot.waitUntil(focused_is(panel.tree))  # where the work is
    return panel


def disposed(panel: CasePanel, store: Store, case_id: int, finding_id: int, action: str) -> Callable[[], bool]:
    """The disposition is stored and the panel shows it (and has moved on)."""

    def done() -> bool:
        stored = next(f for f in queries.open_case(store, case_id).findings if f.id == finding_id)
        current = panel.current_finding()
        return (
            stored.disposition == action
            and panel.model.finding_index(finding_id, DISPOSITION).data() != "Not yet disposed of"
            and current is not None
            and current.id != finding_id
        )

    return done


def test_review_path_from_submission_to_a_reopened_case(qtbot: QtBot, store: Store, tmp_path: Path) -> None:
    # --- dee, the department: the intake typed, the two documents added, submitted with Ctrl+Return
    dee = open_window(qtbot, store, "dee")
    submit = dee.submit_panel
    assert dee.sections.currentRow() == SUBMIT
    form = submit.form
    qtbot.keyClicks(form.department.lineEdit(), "Public Works")
    qtbot.keyClicks(form.vendor, "Xinhua Cloud Inc.")
    qtbot.keyClicks(form.product, "Permit Portal")
    qtbot.keyClicks(form.annual_cost, "$50,000")
    qtbot.keyClicks(form.term_months, "36")
    qtbot.keyClick(form.data["personal"], Qt.Key.Key_Space)
    qtbot.keyClick(form.public_facing, Qt.Key.Key_Space)
    assert submit.add_files([PDF, saas_docx()]) == [str(PDF), str(saas_docx())]
    assert submit.submit_button.isEnabled()
    qtbot.keyClick(form.term_months, Qt.Key.Key_Return, Ctrl)
    qtbot.waitUntil(lambda: submit.summary_text() != "" or dee.banner.isVisible(), timeout=ANALYSIS)
    assert not dee.banner.isVisible(), dee.banner.text.text()  # an error would be shown there
    assert submit.case is not None
    case_id = submit.case.id
    # The department reads the pre-check where it submitted: the window stays on it.
    assert dee.sections.currentRow() == SUBMIT and submit.summary.isVisible()
    case = queries.open_case(store, case_id)
    blockers = [f for f in case.findings if f.severity == "blocker"]
    assert len(blockers) >= 3
    summary = submit.summary_text()
    assert f"Case {case_id}: Xinhua Cloud Inc. — Permit Portal (Public Works)" in summary
    assert f"Likely to be raised ({len(blockers)} blockers)" in summary
    assert all(f.title in summary for f in blockers)
    assert [d.file_name for d in case.current_documents] == [PDF.name, "template.docx"]
    assert (case.intake["vendor"], case.intake["annual_cost"], case.submitted_by) == ("Xinhua Cloud Inc.", 50000, "dee")
    key(qtbot, Qt.Key.Key_3, Ctrl)  # and the case itself, when the department wants to see it
    qtbot.waitUntil(lambda: dee.case_panel.case is not None and dee.case_panel.case.id == case_id, timeout=QUICK)
    assert dee.sections.currentRow() == CASE

    # --- rui, a reviewer on another computer: flags the first blocker (F), may not accept one (A: E302)
    rui = open_window(qtbot, store, "rui")
    panel = open_from_queue(qtbot, rui, case_id)
    first = panel.current_finding()
    assert first is not None and first.severity == "blocker"
    assert panel.document_combo.count() == 2
    with qtbot.waitSignal(panel.changed, timeout=QUICK):
        key(qtbot, Qt.Key.Key_F)
    qtbot.waitUntil(disposed(panel, store, case_id, first.id, "flag"), timeout=QUICK)
    second = panel.current_finding()
    assert second is not None and second.severity == "blocker"
    key(qtbot, Qt.Key.Key_A)
    qtbot.waitUntil(rui.banner.isVisible, timeout=QUICK)
    assert "E302" in rui.banner.text.text() and "ask an approver" in rui.banner.text.text()

    # --- pat, the approver: every other blocker signed off from the keyboard, one waived with a reason
    pat = open_window(qtbot, store, "pat")
    approver = open_from_queue(qtbot, pat, case_id)
    waived: int | None = None
    while (current := approver.current_finding()) is not None and current.severity == "blocker":
        if current.disposition is not None:
            break
        if waived is None:  # Alt+N to the reason, typed, Alt+I back to the list, W
            key(qtbot, Qt.Key.Key_N, Alt)
            qtbot.waitUntil(focused_is(approver.detail.reason_edit))
            type_text(qtbot, "covered by the City's cyber insurance")
            key(qtbot, Qt.Key.Key_I, Alt)
            qtbot.waitUntil(focused_is(approver.tree))
            key(qtbot, Qt.Key.Key_W)
            waived, action = current.id, "waive"
        else:
            key(qtbot, Qt.Key.Key_A)
            action = "accept"
        qtbot.waitUntil(disposed(approver, store, case_id, current.id, action), timeout=QUICK)
    case = queries.open_case(store, case_id)
    assert case.undisposed_blockers == 0
    assert {(f.disposition, f.disposed_by) for f in case.findings if f.severity == "blocker"} == {
        ("flag", "rui"), ("waive", "pat"), ("accept", "pat")
    }  # fmt: skip

    # --- rui: F5 shows pat's sign-offs; a comment (Alt+T, Ctrl+Return); decides (Alt+E) with conditions
    activate(qtbot, rui)
    panel.tree.setFocus()
    key(qtbot, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: panel.case is not None and panel.case.undisposed_blockers == 0, timeout=QUICK)
    key(qtbot, Qt.Key.Key_T, Alt)
    qtbot.waitUntil(focused_is(panel.detail.comment_edit))
    type_text(qtbot, "Legal to check the indemnity wording")
    with qtbot.waitSignal(panel.changed, timeout=QUICK):
        key(qtbot, Qt.Key.Key_Return, Ctrl)
    key(qtbot, Qt.Key.Key_E, Alt)
    qtbot.waitUntil(lambda: panel.decision_dialog is not None and panel.decision_dialog.isVisible())
    dialog = panel.decision_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isActiveWindow)
    assert "every blocker" in dialog.intro.text().lower() and "not disposed of yet" not in dialog.intro.text()
    key(qtbot, Qt.Key.Key_W, Alt)
    qtbot.waitUntil(lambda: dialog.decision() == "approved_with_conditions")  # a mnemonic clicks after a blink
    key(qtbot, Qt.Key.Key_N, Alt)
    qtbot.waitUntil(focused_is(dialog.note))
    type_text(qtbot, "the vendor signs the City's indemnity rider")
    with qtbot.waitSignal(panel.changed, timeout=QUICK):
        key(qtbot, Qt.Key.Key_D, Alt)
    qtbot.waitUntil(lambda: panel.decision_dialog is None and panel.case is not None and panel.case.decisions != ())
    assert "Decision: Approved with conditions by rui" in panel.decision_label.text()
    activate(qtbot, rui)  # the dialog gone, the window manager hands the window back
    qtbot.waitUntil(focused_is(panel.tree))

    # --- the memo and the vendor redline of each document
    panel.export_memo(tmp_path / "memo.docx")
    qtbot.waitUntil(lambda: "Memo written" in rui.statusBar().currentMessage(), timeout=QUICK)
    panel.export_redlines(tmp_path)
    qtbot.waitUntil(lambda: "Vendor redline written" in rui.statusBar().currentMessage(), timeout=QUICK)
    with zipfile.ZipFile(tmp_path / "memo.docx") as memo:
        text = memo.read("word/document.xml").decode()
    assert "the vendor signs the City" in text and "cyber insurance" in text
    with zipfile.ZipFile(tmp_path / "template-city-comments.docx") as redline:
        assert "word/comments.xml" in redline.namelist()  # the City's positions as Word comments
    assert (tmp_path / f"{PDF.stem}-city-comments.pdf").read_bytes().startswith(b"%PDF")

    # --- reopened (Alt+O, the reason typed, Return): back in review
    key(qtbot, Qt.Key.Key_O, Alt)
    qtbot.waitUntil(lambda: panel.reopen_dialog is not None and panel.reopen_dialog.isVisible())
    reopen = panel.reopen_dialog
    assert reopen is not None
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit))
    type_text(qtbot, "the vendor sent a new rider")
    with qtbot.waitSignal(panel.changed, timeout=QUICK):
        key(qtbot, Qt.Key.Key_Return)
    assert queries.open_case(store, case_id).status == "in_review"
    activate(qtbot, rui)
    qtbot.waitUntil(focused_is(panel.tree))

    # --- the case opened again, in a fresh window: dispositions, the decision and the history are all there
    again = open_window(qtbot, store, "pat")
    shown = open_from_queue(qtbot, again, case_id)
    assert shown.facts_label.text().startswith("Status: In review")
    assert "Approved with conditions by rui" in shown.decision_label.text()
    assert "the vendor signs the City's indemnity rider" in shown.decision_label.text()
    assert "Back in review; the last decision was" in shown.decision_label.text()
    words = {shown.model.finding_index(f.id, DISPOSITION).data() for f in blockers}
    assert words == {"Flagged for negotiation", "Waived", "Accepted"}
    assert waived is not None and shown.select_finding(waived)
    detail = shown.detail.browser.toPlainText()
    assert "Waived by pat" in detail and "covered by the City's cyber insurance" in detail
    for seen in ("Submitted by dee", "Decided by rui: Approved with conditions", "Reopened by rui",
                 "the vendor sent a new rider"):  # fmt: skip
        assert seen in detail, seen
    events = [e.action for e in queries.open_case(store, case_id).events]
    assert events[0] == "submit" and events.count("dispose") == len(blockers)
    assert {"refused", "comment", "decide", "reopen"} <= set(events)
    audit = queries.verify_audit(store)
    assert audit.first_broken is None and audit.unrecorded == ()


def test_review_path_keyboard_only_review(qtbot: QtBot, store: Store) -> None:
    contract = DATA / "contracts" / "cloud-services-v1.txt"
    older = services.submit_case(store, [contract], INTAKE, actor="dee")
    newer = services.submit_case(store, [DATA / "contracts" / "cloud-services-v2.txt"], INTAKE, actor="dee")
    rui = open_window(qtbot, store, "rui")
    queue = rui.queue_panel
    qtbot.waitUntil(lambda: set([c.id for c in queue.model.cases]) == {older, newer}, timeout=QUICK)

    # The queue: its table has the focus; arrows choose, Return opens.
    key(qtbot, Qt.Key.Key_2, Ctrl)
    qtbot.waitUntil(focused_is(queue.table))
    assert queue.selected_case_id() == newer
    key(qtbot, Qt.Key.Key_Down)
    assert queue.selected_case_id() == older and f"Case {older}:" in queue.detail_label.text()
    key(qtbot, Qt.Key.Key_Return)
    panel = rui.case_panel
    qtbot.waitUntil(lambda: panel.case is not None and panel.case.id == older and bool(panel.files), timeout=QUICK)
    qtbot.waitUntil(focused_is(panel.tree))
    findings = queries.open_case(store, older).findings

    # Down through the findings: the detail and the contract follow.
    start = panel.current_finding()
    assert start == findings[0]
    key(qtbot, Qt.Key.Key_Down)
    assert panel.current_finding() == findings[1]
    assert findings[1].title in panel.detail.browser.toPlainText()
    key(qtbot, Qt.Key.Key_Up)

    # F on every blocker: the list moves on to the next one still to do.
    for blocker in [f for f in findings if f.severity == "blocker"]:
        assert panel.current_finding() == blocker
        key(qtbot, Qt.Key.Key_F)
        qtbot.waitUntil(disposed(panel, store, older, blocker.id, "flag"), timeout=QUICK)

    # A major: W without a reason is refused (the focus goes to the reason), typed, W again from the list.
    major = panel.current_finding()
    assert major is not None and major.severity == "major"
    key(qtbot, Qt.Key.Key_W)
    qtbot.waitUntil(focused_is(panel.detail.reason_edit), timeout=QUICK)
    assert "E301" in rui.banner.text.text()
    type_text(qtbot, "the department accepts the risk")
    key(qtbot, Qt.Key.Key_I, Alt)
    qtbot.waitUntil(focused_is(panel.tree))
    key(qtbot, Qt.Key.Key_W)
    qtbot.waitUntil(disposed(panel, store, older, major.id, "waive"), timeout=QUICK)
    assert panel.detail.reason() == ""

    # X marks the next a false positive; a comment on it with Alt+T and Ctrl+Return.
    wrong = panel.current_finding()
    assert wrong is not None
    key(qtbot, Qt.Key.Key_X)
    qtbot.waitUntil(disposed(panel, store, older, wrong.id, "false_positive"), timeout=QUICK)
    key(qtbot, Qt.Key.Key_Up)
    assert panel.current_finding() is not None and panel.current_finding().id == wrong.id  # type: ignore[union-attr]
    key(qtbot, Qt.Key.Key_T, Alt)
    qtbot.waitUntil(focused_is(panel.detail.comment_edit))
    type_text(qtbot, "The rule took the heading for the clause")
    with qtbot.waitSignal(panel.changed, timeout=QUICK):
        key(qtbot, Qt.Key.Key_Return, Ctrl)
    qtbot.waitUntil(lambda: "The rule took the heading" in panel.detail.browser.toPlainText(), timeout=QUICK)

    # Decide from the keyboard: Alt+E, the default (changes requested), Alt+D.
    key(qtbot, Qt.Key.Key_E, Alt)
    qtbot.waitUntil(lambda: panel.decision_dialog is not None and panel.decision_dialog.isVisible())
    dialog = panel.decision_dialog
    assert dialog is not None and dialog.decision() == "changes_requested"
    qtbot.waitUntil(dialog.isActiveWindow)
    with qtbot.waitSignal(panel.changed, timeout=QUICK):
        key(qtbot, Qt.Key.Key_D, Alt)
    case = queries.open_case(store, older)
    assert case.status == "changes_requested" and case.decision is not None and case.decision.decided_by == "rui"
    comments = [(c.author, c.text, c.finding_id) for c in case.comments]
    assert comments == [("rui", "The rule took the heading for the clause", wrong.id)]
    stored = {f.id: (f.disposition, f.reason) for f in case.findings}
    assert stored[major.id] == ("waive", "the department accepts the risk")
    assert stored[wrong.id] == ("false_positive", None)
    qtbot.waitUntil(lambda: not panel.decide_button.isEnabled(), timeout=QUICK)
