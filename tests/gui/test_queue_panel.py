"""The reviewers' queue: two real contracts submitted by the requester, listed, sorted, filtered, searched and
opened from the keyboard; and the queue's table model checked by qtmodeltester."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from gui.case_table_model import CaseIdRole, CaseTableModel, SortRole
from gui.context import AppContext
from gui.queue_panel import QueuePanel
from review.store.unit_of_work import Store
from review.workflow import queries, services
from tests.conftest import CONTRACTS, INTAKE

# The counts are English plurals ("2 cases"), as the app shows them with its English translator.



@pytest.fixture
def cases(store: Store) -> tuple[int, int]:
    """(v1, v2): the two cloud-services contracts, submitted by the requester in that order."""
    first = services.submit_case(store, [CONTRACTS / "cloud-services-v1.txt"], INTAKE, actor="dee")
    second = services.submit_case(store, [CONTRACTS / "cloud-services-v2.txt"], INTAKE, actor="dee")
    return first, second


@pytest.fixture
def panel(qtbot: QtBot, reviewer_context: AppContext, cases: tuple[int, int]) -> QueuePanel:
    widget = QueuePanel(reviewer_context)
    qtbot.addWidget(widget)
    widget.resize(1100, 600)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def shown_ids(panel: QueuePanel) -> list[int]:
    return [panel.proxy.index(row, 0).data(CaseIdRole) for row in range(panel.proxy.rowCount())]


def cell(panel: QueuePanel, row: int, column: int) -> str:
    return panel.proxy.index(row, column).data()


def test_case_table_model_passes_qtmodeltester_empty(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = CaseTableModel()
    qtmodeltester.check(model)
    model.set_cases([])
    qtmodeltester.check(model)


def test_case_table_model_passes_qtmodeltester_with_rows(qtmodeltester, store: Store, cases: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    model = CaseTableModel()
    model.set_cases(queries.list_cases(store))
    assert model.rowCount() == 2
    qtmodeltester.check(model)
    model.set_hits(queries.search(store, "Wilmington"))
    assert model.rowCount() == 1
    qtmodeltester.check(model)


def test_case_table_model_roles_give_ids_and_sortable_values(store: Store, cases: tuple[int, int]) -> None:
    model = CaseTableModel()
    model.set_cases(queries.list_cases(store))
    row = [model.case_at(r).id for r in range(model.rowCount())].index(cases[0])
    blockers = model.index(row, CaseTableModel.BLOCKERS)
    assert blockers.data(CaseIdRole) == cases[0]
    assert blockers.data(SortRole) == queries.open_case(store, cases[0]).severity_counts()["blocker"]
    assert blockers.data(Qt.ItemDataRole.DecorationRole) is not None  # an icon beside the number
    assert "BLOCKER" in blockers.data(Qt.ItemDataRole.ToolTipRole)  # and the word
    assert model.index(row, CaseTableModel.STATUS).data() == "Submitted"
    assert model.index(row, CaseTableModel.AGE).data() == "today"


def test_queue_panel_lists_submitted_cases(panel: QueuePanel, store: Store, cases: tuple[int, int]) -> None:
    first, second = cases
    assert panel.count_label.text() == "2 cases"
    assert shown_ids(panel) == [second, first]  # newest first
    summary = {c.id: c for c in queries.list_cases(store)}
    for row, case_id in enumerate(shown_ids(panel)):
        assert cell(panel, row, CaseTableModel.VENDOR) == "Acme Software Inc."
        assert cell(panel, row, CaseTableModel.DEPARTMENT) == "Public Works"
        assert cell(panel, row, CaseTableModel.OPEN) == str(summary[case_id].undisposed)
        assert cell(panel, row, CaseTableModel.BLOCKERS) == str(summary[case_id].blockers)
    assert panel.department_box.findText("Public Works") > 0
    assert panel.table.isColumnHidden(CaseTableModel.MATCH)
    assert f"Case {second}:" in panel.detail_label.text()  # the first row is selected and described


def test_queue_panel_sorts_by_clicking_a_header(qtbot: QtBot, panel: QueuePanel, store: Store) -> None:
    header = panel.table.horizontalHeader()
    at = QPoint(header.sectionViewportPosition(CaseTableModel.BLOCKERS) + 5, header.height() // 2)
    blockers = {c.id: c.blockers for c in queries.list_cases(store)}
    assert len(set(blockers.values())) == 2  # the two versions differ, so the order shows

    orders = []
    for _ in range(2):
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=at)
        assert header.sortIndicatorSection() == CaseTableModel.BLOCKERS
        counts = [blockers[case_id] for case_id in shown_ids(panel)]
        descending = header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
        assert counts == sorted(counts, reverse=descending)
        orders.append(shown_ids(panel))
    assert orders[0] == orders[1][::-1]


def test_queue_panel_sorts_from_the_keyboard_in_step_with_the_header(
    qtbot: QtBot, panel: QueuePanel, store: Store
) -> None:
    panel.activateWindow()
    qtbot.waitUntil(panel.isActiveWindow)
    controls = panel.sort_controls
    assert controls.column_box.currentText() == "Submitted" and controls.descending_box.isChecked()
    blockers = {c.id: c.blockers for c in queries.list_cases(store)}

    qtbot.keyClick(panel, Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)  # Sort by
    assert controls.column_box.hasFocus()
    while controls.column_box.currentText() != "Blockers":
        qtbot.keyClick(controls.column_box, Qt.Key.Key_Down)
    header = panel.table.horizontalHeader()
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        CaseTableModel.BLOCKERS, Qt.SortOrder.DescendingOrder
    )  # fmt: skip
    assert [blockers[i] for i in shown_ids(panel)] == sorted(blockers.values(), reverse=True)
    qtbot.keyClick(panel, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)  # Descending, off (an animated click)
    qtbot.waitUntil(lambda: not controls.descending_box.isChecked())
    assert [blockers[i] for i in shown_ids(panel)] == sorted(blockers.values())

    panel.table.sortByColumn(CaseTableModel.VENDOR, Qt.SortOrder.DescendingOrder)  # a header click does this
    assert controls.column_box.currentText() == "Vendor" and controls.descending_box.isChecked()


def test_case_table_model_sorts_matched_clauses_by_their_numbers(store: Store, cases: tuple[int, int]) -> None:
    model = CaseTableModel()
    summaries = queries.list_cases(store)
    model.set_hits([
        queries.SearchHit(summaries[0], 1, "10. Fees", "…"),
        queries.SearchHit(summaries[1], 2, "9.2 Term", "…"),
    ])  # fmt: skip
    keys = [model.index(row, CaseTableModel.MATCH).data(SortRole) for row in range(2)]
    assert keys[1] < keys[0]  # 9.2 before 10, not after it as text would have it


def test_queue_panel_filters_by_status(qtbot: QtBot, panel: QueuePanel, store: Store, cases: tuple[int, int]) -> None:
    first, second = cases
    finding = queries.open_case(store, first).findings[0]
    services.dispose(store, first, finding.id, "flag", actor="rui", expected_version=finding.row_version)  # in review

    panel.status_box.setCurrentIndex(panel.status_box.findText("In review"))
    assert shown_ids(panel) == [first]
    assert cell(panel, 0, CaseTableModel.STATUS) == "In review"
    assert panel.count_label.text() == "1 case"

    panel.status_box.setCurrentIndex(panel.status_box.findText("Submitted"))
    assert shown_ids(panel) == [second]
    panel.status_box.setCurrentIndex(panel.status_box.findText("Approved"))
    assert shown_ids(panel) == []
    assert panel.detail_label.text() == "No cases to show."
    panel.status_box.setCurrentIndex(panel.status_box.findText("All open"))
    assert sorted(shown_ids(panel)) == [first, second]

    qtbot.keyClicks(panel.filter_box, "in review")  # the quick filter narrows the rows already loaded
    assert shown_ids(panel) == [first]
    assert panel.count_label.text() == "1 shown of 2 cases"


def test_queue_panel_full_text_search_shows_the_clause(qtbot: QtBot, panel: QueuePanel, cases: tuple[int, int]) -> None:
    first, _ = cases
    qtbot.keyClicks(panel.search_box, "Wilmington")  # only in version 1's venue clause
    assert len(shown_ids(panel)) == 2  # typing alone does not search
    qtbot.keyClick(panel.search_box, Qt.Key.Key_Return)

    assert shown_ids(panel) == [first]
    assert panel.count_label.text() == "1 case matches “Wilmington”"
    assert not panel.table.isColumnHidden(CaseTableModel.MATCH)
    assert cell(panel, 0, CaseTableModel.MATCH) == "7.1"
    snippet = panel.proxy.index(0, CaseTableModel.MATCH).data(Qt.ItemDataRole.ToolTipRole)
    assert "Wilmington" in snippet
    assert "Found in clause 7.1:" in panel.detail_label.text()
    assert "Wilmington" in panel.detail_label.text()

    panel.table.sortByColumn(CaseTableModel.MATCH, Qt.SortOrder.AscendingOrder)
    assert panel.sort_controls.column_box.currentText() == "Matched clause"

    panel.search_box.clear()  # as its clear button does: back to the queue
    assert len(shown_ids(panel)) == 2
    assert panel.table.isColumnHidden(CaseTableModel.MATCH)
    header = panel.table.horizontalHeader()  # sorted by a column gone: back to the newest first
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        CaseTableModel.SUBMITTED, Qt.SortOrder.DescendingOrder
    )  # fmt: skip
    assert panel.sort_controls.column_box.currentText() == "Submitted"


def test_queue_panel_keyboard_opens_the_case(qtbot: QtBot, panel: QueuePanel, cases: tuple[int, int]) -> None:
    first, second = cases
    panel.table.setFocus()
    assert shown_ids(panel) == [second, first]
    qtbot.keyClick(panel.table, Qt.Key.Key_Down)
    assert panel.selected_case_id() == first
    with qtbot.waitSignal(panel.case_opened, timeout=1000) as opened:
        qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    assert opened.args == [first]


def test_queue_panel_reports_errors(
    qtbot: QtBot, reviewer_context: AppContext, errors: list[BaseException], tmp_path: Path
) -> None:
    reviewer_context.store.close()
    (tmp_path / "reviews.sqlite3").unlink()  # the database went away: the error reaches the window, not a traceback
    widget = QueuePanel(reviewer_context)
    qtbot.addWidget(widget)
    assert [getattr(error, "code", None) for error in errors] == ["E403"]
    assert widget.count_label.text() == "Could not load the cases"
