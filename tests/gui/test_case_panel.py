"""The case view on a real contract submitted by the requester: every finding grouped by severity, disposed of
from the keyboard, a waiver refused without its reason, a concurrent change shown, a decision through the
dialog, comments, the memo and the vendor redline exported, and real PDFs highlighted on the right page."""

from __future__ import annotations

import threading
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from gui.case_panel import CasePanel
from gui.context import AppContext
from gui.finding_tree_model import (
    DISPOSITION,
    WHERE,
    FindingIdRole,
    FindingTreeModel,
    IsGroupRole,
    SeverityRole,
)
from gui.workers import TaskRunner
from review.store.unit_of_work import Store
from review.workflow import queries, services
from review.workflow.views import FindingView
from tests.conftest import CONTRACTS, DATA, INTAKE
from tests.gui.conftest import Errors, make_context

CONTRACT = CONTRACTS / "cloud-services-v1.txt"


@pytest.fixture
def case_id(store: Store) -> int:
    return services.submit_case(store, [CONTRACT], INTAKE, actor="dee")


def make_panel(qtbot: QtBot, context: AppContext, case_id: int) -> CasePanel:
    panel = CasePanel(context)
    qtbot.addWidget(panel)
    panel.resize(1300, 850)
    panel.show()
    qtbot.waitExposed(panel)
    panel.activateWindow()
    panel.open_case(case_id)
    qtbot.waitUntil(lambda: bool(panel.files))  # the contract follows the findings on the event loop's next turn
    return panel


@pytest.fixture
def panel(qtbot: QtBot, reviewer_context: AppContext, case_id: int) -> CasePanel:
    return make_panel(qtbot, reviewer_context, case_id)


def finding(store: Store, case_id: int, rule: str) -> FindingView:
    return next(f for f in queries.open_case(store, case_id).findings if f.rule == rule)


def focus_tree(qtbot: QtBot, panel: CasePanel) -> None:
    panel.tree.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.tree)


def shown_disposition(panel: CasePanel, finding_id: int) -> str:
    return panel.model.finding_index(finding_id, DISPOSITION).data()


def test_finding_tree_model_passes_qtmodeltester(qtmodeltester, qapp, store: Store, case_id: int) -> None:  # type: ignore[no-untyped-def]
    model = FindingTreeModel()
    qtmodeltester.check(model)
    model.set_findings(queries.open_case(store, case_id).findings)
    assert model.rowCount() == 4  # blockers, major, minor, info
    qtmodeltester.check(model)
    model.set_findings([])
    qtmodeltester.check(model)


def test_case_panel_shows_every_finding_grouped(panel: CasePanel, store: Store, case_id: int) -> None:
    case = queries.open_case(store, case_id)
    model = panel.model
    groups = [model.index(row, 0) for row in range(model.rowCount())]
    assert [g.data() for g in groups] == ["Blockers (7)", "Major (18)", "Minor (9)", "Info (1)"]
    assert all(g.data(IsGroupRole) for g in groups)
    shown = [model.index(row, 0, g).data(FindingIdRole) for g in groups for row in range(model.rowCount(g))]
    assert sorted(shown) == sorted(f.id for f in case.findings)
    first_blocker = model.index(0, 0, groups[0])
    assert first_blocker.data() == "BLOCKER" and first_blocker.data(Qt.ItemDataRole.DecorationRole) is not None
    assert first_blocker.data(SeverityRole) == "blocker"
    assert panel.tree.isExpanded(groups[0])
    assert panel.title_label.text() == f"Case {case_id} — Acme Software Inc. — Permit Portal (Public Works)"
    assert "Status: Submitted · version 1 · submitted by dee" in panel.facts_label.text()
    assert panel.count_labels["blocker"].text() == "BLOCKER: 7"
    # The first finding nobody has disposed of is selected and shown; the contract is in the document view.
    assert panel.current_finding() == case.findings[0]
    assert case.findings[0].title in panel.detail.browser.toPlainText()
    assert panel.document_view.document is not None
    assert panel.document_view.document.path == "cloud-services-v1.txt"


def test_case_panel_keys_flag_a_blocker(
    qtbot: QtBot, panel: CasePanel, store: Store, case_id: int, errors: Errors
) -> None:
    indemnity = finding(store, case_id, "GOV-INDEMNITY-BY-CITY")
    liability = finding(store, case_id, "LEG-LIABILITY-CAP-LOW")
    focus_tree(qtbot, panel)
    for _ in range(3):  # from the first blocker down to the fourth: the City's indemnity
        qtbot.keyClick(panel.tree, Qt.Key.Key_Down)
    assert panel.current_finding() == indemnity
    assert panel.document_view.span == (indemnity.start, indemnity.end)  # the contract shows its quote
    with qtbot.waitSignal(panel.changed) as changed:
        qtbot.keyClick(panel.tree, Qt.Key.Key_F)
    assert changed.args == [case_id]
    stored = finding(store, case_id, "GOV-INDEMNITY-BY-CITY")
    assert (stored.disposition, stored.disposed_by) == ("flag", "rui")
    assert shown_disposition(panel, indemnity.id) == "Flagged for negotiation"
    assert panel.current_finding() == liability  # on to the next finding still to do
    assert panel.facts_label.text().startswith("Status: In review")
    qtbot.keyClick(panel.tree, Qt.Key.Key_Up)
    assert "Flagged for negotiation by rui" in panel.detail.browser.toPlainText()
    qtbot.keyClick(panel.tree, Qt.Key.Key_A)  # accepting a blocker is an approver's call: the library says so
    assert [e.code for e in errors] == ["E302"]
    assert finding(store, case_id, "GOV-INDEMNITY-BY-CITY").disposition == "flag"


def test_case_panel_waive_needs_a_reason(qtbot: QtBot, store: Store, case_id: int, errors: Errors) -> None:
    panel = make_panel(qtbot, make_context(store, "pat", errors), case_id)
    blocker = panel.current_finding()
    assert blocker is not None and blocker.severity == "blocker"
    focus_tree(qtbot, panel)
    qtbot.keyClick(panel.tree, Qt.Key.Key_W)
    assert [e.code for e in errors] == ["E301"]  # the library's refusal, as it said it
    assert finding(store, case_id, blocker.rule).disposition is None
    assert QApplication.focusWidget() is panel.detail.reason_edit
    qtbot.keyClicks(panel.detail.reason_edit, "covered by the City's cyber insurance")
    qtbot.mouseClick(panel.detail.buttons["waive"], Qt.MouseButton.LeftButton)
    stored = finding(store, case_id, blocker.rule)
    assert (stored.disposition, stored.disposed_by, stored.reason) == (
        "waive",
        "pat",
        "covered by the City's cyber insurance",
    )
    assert panel.detail.reason() == ""  # taken with the waiver
    assert len(errors) == 1


def test_case_panel_concurrent_change_shows_the_other_decision(
    qtbot: QtBot, panel: CasePanel, store: Store, case_id: int, errors: Errors
) -> None:
    seen = panel.current_finding()
    assert seen is not None and seen.severity == "blocker"
    # The approver accepts the blocker after the reviewer's panel read it; the reviewer then flags it.
    services.dispose(store, case_id, seen.id, "accept", actor="pat", expected_version=seen.row_version)
    qtbot.keyClicks(panel.detail.reason_edit, "the vendor must carry cyber cover")
    qtbot.mouseClick(panel.detail.buttons["flag"], Qt.MouseButton.LeftButton)
    assert [e.code for e in errors] == ["E405"]
    stored = finding(store, case_id, seen.rule)
    assert (stored.disposition, stored.disposed_by) == ("accept", "pat")  # nothing was overwritten
    assert panel.current_finding() == stored  # reloaded, on the same finding
    assert shown_disposition(panel, seen.id) == "Accepted"
    assert "Accepted by pat" in panel.detail.browser.toPlainText()
    assert panel.detail.reason() == "the vendor must carry cyber cover"  # what was typed stays


def test_case_panel_decides_through_the_dialog(
    qtbot: QtBot, panel: CasePanel, store: Store, case_id: int, errors: Errors
) -> None:
    qtbot.mouseClick(panel.decide_button, Qt.MouseButton.LeftButton)
    dialog = panel.decision_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.mouseClick(dialog.radios["changes_requested"], Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.note, "see the redline")
    qtbot.mouseClick(dialog.decide_button, Qt.MouseButton.LeftButton)
    assert [e.code for e in errors] == ["E301"]  # blockers are not disposed of yet
    assert dialog.isVisible() and dialog.note_text() == "see the redline"
    assert "E301" in dialog.refusal.text()
    assert queries.open_case(store, case_id).status == "submitted"

    for blocker in [f for f in queries.open_case(store, case_id).findings if f.severity == "blocker"]:
        services.dispose(store, case_id, blocker.id, "flag", actor="rui", expected_version=blocker.row_version)
    with qtbot.waitSignal(panel.changed) as changed:
        qtbot.mouseClick(dialog.decide_button, Qt.MouseButton.LeftButton)
    assert changed.args == [case_id]
    case = queries.open_case(store, case_id)
    assert case.status == "changes_requested"
    assert case.decision is not None and (case.decision.decided_by, case.decision.note) == ("rui", "see the redline")
    assert not dialog.isVisible()
    assert "Decision: Changes requested by rui" in panel.decision_label.text()
    assert not panel.decide_button.isEnabled() and not panel.detail.buttons["accept"].isEnabled()
    assert len(errors) == 1


def test_case_panel_adds_a_comment_on_the_finding(qtbot: QtBot, panel: CasePanel, store: Store, case_id: int) -> None:
    selected = panel.current_finding()
    assert selected is not None
    qtbot.keyClicks(panel.detail.comment_edit, "Legal to look at this one")
    with qtbot.waitSignal(panel.changed):
        qtbot.keyClick(panel.detail.comment_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    comments = queries.open_case(store, case_id).comments
    assert [(c.author, c.text, c.finding_id) for c in comments] == [("rui", "Legal to look at this one", selected.id)]
    assert panel.detail.comment_edit.toPlainText() == ""
    assert "Legal to look at this one" in panel.detail.browser.toPlainText()


def test_case_panel_exports_memo_and_redline(qtbot: QtBot, store: Store, case_id: int, tmp_path: Path) -> None:
    statuses: list[str] = []
    errors = Errors()
    context = AppContext(store, TaskRunner(synchronous=True), "rui", "reviewer", errors.append, statuses.append)
    panel = make_panel(qtbot, context, case_id)
    assert panel.memo_button.isEnabled() and panel.redline_button.isEnabled()  # once the contract is there
    panel.export_memo(tmp_path / "memo.docx")
    assert statuses[-1] == f"Memo written to {tmp_path / 'memo.docx'}"
    panel.export_redline(tmp_path / "redline.docx", "cloud-services-v1.txt")
    assert str(tmp_path / "redline.docx") in statuses[-1]
    assert errors == []
    for name in ("memo.docx", "redline.docx"):
        with zipfile.ZipFile(tmp_path / name) as package:  # a text contract's redline is a DOCX
            assert "word/document.xml" in package.namelist()
    with zipfile.ZipFile(tmp_path / "redline.docx") as package:
        assert "word/comments.xml" in package.namelist()  # the City's positions as Word comments


def test_case_panel_highlights_a_pdf_quote_on_its_page(qtbot: QtBot, store: Store, errors: Errors) -> None:
    # The sample hosting agreement: pages shown, and a term it lacks has nothing to highlight.
    hosting = services.submit_case(store, [DATA / "cuad" / "Freecook-Hosting-Agreement.pdf"], INTAKE, actor="dee")
    panel = make_panel(qtbot, make_context(store, "rui", errors), hosting)
    view = panel.document_view
    assert view.stack.currentWidget() is view.pdf_view and view.pdf_view.page_count() == 3
    missing = panel.current_finding()
    assert missing is not None and missing.quote is None
    assert view.span is None

    # Freecook's findings are all missing terms; a CUAD licence agreement has quoted ones (venue on page 3).
    licence = services.submit_case(
        store, [DATA / "cuad" / "DataCall-Content-License-Agreement.pdf"], INTAKE, actor="dee"
    )
    panel.open_case(licence)
    qtbot.waitUntil(lambda: bool(panel.files) and panel.files[0].info.file_name.startswith("DataCall"))
    venue = next(f for f in panel.model.findings() if f.rule == "GOV-VENUE")
    assert venue.page == 3 and venue.start is not None and venue.end is not None
    assert panel.select_finding(venue.id)
    assert view.span == (venue.start, venue.end)
    assert view.pdf_view.highlight and {page for page, _ in view.pdf_view.highlight} == {venue.page - 1}
    qtbot.waitUntil(lambda: view.visible_rect().intersects(view.highlight_rect()))
    assert view.pdf_view.current_page() in (venue.page, venue.page + 1)  # the page, or the next if at its foot
    assert errors == []
    assert panel.tree.currentIndex() != QModelIndex()


def test_case_panel_reopens_with_a_reason(
    qtbot: QtBot, panel: CasePanel, store: Store, case_id: int, errors: Errors
) -> None:
    for blocker in [f for f in queries.open_case(store, case_id).findings if f.severity == "blocker"]:
        services.dispose(store, case_id, blocker.id, "accept", actor="pat", expected_version=blocker.row_version)
    services.decide(store, case_id, "approved", actor="pat")
    panel.open_case(case_id)
    assert panel.reopen_button.isEnabled() and not panel.decide_button.isEnabled()
    qtbot.mouseClick(panel.reopen_button, Qt.MouseButton.LeftButton)
    first = panel.reopen_dialog
    assert first is not None and first.isVisible()
    first.accept()  # no reason given
    assert [e.code for e in errors] == ["E301"]
    again = panel.reopen_dialog
    assert again is not None and again is not first and again.isVisible()  # asked again
    with qtbot.waitSignal(panel.changed):
        again.setTextValue("the vendor sent a new insurance certificate")
        again.accept()
    assert queries.open_case(store, case_id).status == "in_review"
    assert panel.facts_label.text().startswith("Status: In review")


def test_case_panel_switches_documents_of_a_version(qtbot: QtBot, store: Store, errors: Errors, tmp_path: Path) -> None:
    files = [CONTRACT, DATA / "cuad" / "DataCall-Content-License-Agreement.pdf"]
    panel = make_panel(
        qtbot, make_context(store, "rui", errors), services.submit_case(store, files, INTAKE, actor="dee")
    )
    assert panel.document_combo.count() == 2 and panel.document_combo.isEnabled()
    venue = next(f for f in panel.model.findings() if f.rule == "GOV-VENUE" and f.document == files[1].name)
    assert panel.model.finding_index(venue.id, WHERE).data() == f"{files[1].name}, page 3"
    panel.select_finding(venue.id)
    assert panel.document_combo.currentIndex() == 1  # switched to the file the finding is in
    assert panel.document_view.document is not None and panel.document_view.document.path == files[1].name
    assert panel.document_view.span == (venue.start, venue.end)
    panel.export_redlines(tmp_path)
    assert sorted(p.name for p in tmp_path.glob("*-city-comments.*")) == [
        "DataCall-Content-License-Agreement-city-comments.pdf",
        "cloud-services-v1-city-comments.docx",
    ]
    assert errors == []


def test_case_panel_a_reason_stays_with_the_finding_it_was_typed_for(
    qtbot: QtBot, panel: CasePanel, store: Store, case_id: int
) -> None:
    first = panel.current_finding()
    assert first is not None
    panel.detail.reason_edit.setText("Vendor agreed to fix it")
    focus_tree(qtbot, panel)
    qtbot.keyClick(panel.tree, Qt.Key.Key_Down)
    second = panel.current_finding()
    assert second is not None and second.id != first.id and panel.detail.reason() == ""
    qtbot.keyClick(panel.tree, Qt.Key.Key_F)
    stored = next(f for f in queries.open_case(store, case_id).findings if f.id == second.id)
    assert (stored.disposition, stored.reason) == ("flag", None)  # the other finding's reason was not used
    panel.select_finding(first.id)
    assert panel.detail.reason() == "Vendor agreed to fix it"  # and it is still there for its own finding


def test_case_panel_keeps_what_is_typed_while_a_save_runs(
    qtbot: QtBot, store: Store, case_id: int, errors: Errors, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = threading.Event()

    def held(save: Callable[..., Any]) -> Callable[..., Any]:
        def run(*args: Any, **kwargs: Any) -> Any:
            release.wait(10)  # a slow database: the save is still on its way while the reviewer types on
            return save(*args, **kwargs)

        return run

    monkeypatch.setattr(services, "dispose", held(services.dispose))
    monkeypatch.setattr(services, "comment", held(services.comment))
    context = AppContext(store, TaskRunner(), "rui", "reviewer", errors.append, lambda _: None)
    panel = make_panel(qtbot, context, case_id)
    qtbot.waitUntil(lambda: panel.current_finding() is not None)
    first = panel.current_finding()
    assert first is not None

    panel.detail.reason_edit.setText("Agreed on the call")
    panel.dispose("flag")
    qtbot.keyClicks(panel.detail.reason_edit, "; the vendor sends new wording")
    qtbot.keyClicks(panel.detail.comment_edit, "Ask legal")
    panel.detail.comment_requested.emit("Ask legal", False)
    qtbot.keyClicks(panel.detail.comment_edit, " and procurement")
    release.set()
    qtbot.waitUntil(lambda: len(queries.open_case(store, case_id).comments) == 1)
    qtbot.waitUntil(lambda: not context.runner.running)

    stored = next(f for f in queries.open_case(store, case_id).findings if f.id == first.id)
    assert (stored.disposition, stored.reason) == ("flag", "Agreed on the call")
    panel.select_finding(first.id)
    assert panel.detail.reason() == "Agreed on the call; the vendor sends new wording"  # typed on: kept
    assert panel.detail.comment_edit.toPlainText() == "and procurement"  # the stored comment left, the rest stayed
    assert errors == []
