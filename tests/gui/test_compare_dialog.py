"""Comparing two versions of a real contract: the vendor's revision added through the case view (with its
progress), then the findings it resolved, kept and added, and the clauses it changed, old beside new, with
the changed words struck through and underlined."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from gui.case_panel import CasePanel
from gui.compare_dialog import ChangeKindRole, ClauseChangeListModel, CompareDialog, OldTextRole
from gui.context import AppContext
from gui.finding_tree_model import FindingIdRole
from review.store.unit_of_work import Store
from review.workflow import queries, services
from tests.conftest import DATA, INTAKE
from tests.gui.conftest import Errors

V1 = DATA / "contracts" / "cloud-services-v1.txt"
V2 = DATA / "contracts" / "cloud-services-v2.txt"


@pytest.fixture
def case_id(store: Store) -> int:
    return services.submit_case(store, [V1], INTAKE, actor="dee")


@pytest.fixture
def compared(qtbot: QtBot, reviewer_context: AppContext, store: Store, case_id: int) -> CompareDialog:
    """The case view after the revision was added through it, and its comparison opened from the button."""
    panel = CasePanel(reviewer_context)
    qtbot.addWidget(panel)
    panel.show()
    panel.open_case(case_id)
    assert not panel.compare_button.isEnabled()  # one version: nothing to compare
    progress: list[float] = []
    panel.progress.valueChanged.connect(progress.append)
    with qtbot.waitSignal(panel.changed):
        panel.add_version([V2])
    assert progress and not panel.progress.isVisible()  # it showed progress, and is done
    assert "version 2" in panel.facts_label.text()
    qtbot.mouseClick(panel.compare_button, Qt.MouseButton.LeftButton)
    dialog = panel.compare_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.addWidget(dialog)
    return dialog


def rows(model: ClauseChangeListModel) -> list[tuple[str, str]]:
    return [
        (model.index(r).data(ChangeKindRole), model.index(r).data(OldTextRole) or "") for r in range(model.rowCount())
    ]


def test_clause_change_list_model_passes_qtmodeltester(qtmodeltester, qapp, store: Store, case_id: int) -> None:  # type: ignore[no-untyped-def]
    services.add_version(store, case_id, [V2], actor="dee")
    model = ClauseChangeListModel(queries.diff_versions(store, case_id))
    assert model.rowCount() > 0
    qtmodeltester.check(model)


def test_compare_dialog_lists_resolved_persisting_and_new_findings(compared: CompareDialog, store: Store) -> None:
    case = queries.open_case(store, compared.case.id)
    resolved = compared.finding_models["resolved"].findings()
    assert "GOV-INDEMNITY-BY-CITY" in {f.rule for f in resolved}
    assert {f.id for f in resolved} == {f.id for f in case.resolved}
    assert {f.id for f in compared.finding_models["new"].findings()} == {
        f.id for f in case.findings if f.change == "new"
    }
    assert len(compared.finding_models["persisting"].findings()) == sum(f.change == "persisting" for f in case.findings)
    tree = compared.finding_trees["resolved"]
    group = tree.model().index(0, 0)
    assert group.data() == "Blockers (1)" and tree.model().index(0, 0, group).data(FindingIdRole) is not None


def test_compare_dialog_shows_a_removed_clause(qtbot: QtBot, compared: CompareDialog, errors: Errors) -> None:
    compared.tabs.setCurrentIndex(1)
    model = compared.clause_model
    removed = [r for r, (kind, old) in enumerate(rows(model)) if kind == "removed" and "indemnify" in old]
    assert removed, rows(model)
    compared.clause_list.setFocus()
    compared.clause_list.setCurrentIndex(model.index(0))
    for _ in range(removed[0]):  # down the list from the keyboard
        qtbot.keyClick(compared.clause_list, Qt.Key.Key_Down)
    assert compared.clause_list.currentIndex().row() == removed[0]
    assert model.index(removed[0]).data().startswith("− Removed: 3.1")
    assert "Customer shall indemnify" in compared.old_text.toPlainText()
    assert "line-through" in compared.old_text.toHtml()  # struck through, not only coloured
    assert compared.new_text.toPlainText() == "Not in version 2."
    assert errors == []


def test_compare_dialog_marks_the_changed_words(compared: CompareDialog) -> None:
    model = compared.clause_model
    changed = next(r for r, (kind, old) in enumerate(rows(model)) if kind == "changed" and "total liability" in old)
    compared.clause_list.setCurrentIndex(model.index(changed))
    old_html, new_html = compared.old_text.toHtml(), compared.new_text.toHtml()
    assert "three (3)" in compared.old_text.toPlainText() and "twelve (12)" not in compared.old_text.toPlainText()
    assert "twelve (12)" in compared.new_text.toPlainText() and "three (3)" not in compared.new_text.toPlainText()
    assert "line-through" in old_html and "underline" in new_html
    assert compared.old_text.accessibleDescription() == "Removed: three (3)"
    assert compared.new_text.accessibleDescription() == "Added: twelve (12)"
