"""The rules browser on the shipped packs (and on a broken copy of them), driven as a reviewer would."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from gui.context import AppContext
from gui.rule_table_model import ID, SEVERITY, RuleIdRole, RuleTableModel, SeverityRole, SortRole
from gui.rules_panel import RulesPanel
from gui.workers import TaskRunner
from review.errors import RulesError
from review.policy.rules import DEFAULT_DIRECTORY, load_rules
from review.store.unit_of_work import Store
from tests.gui.conftest import Errors

# The counts are English plurals ("2 cases"), as the app shows them with its English translator.


def make_panel(qtbot: QtBot, context: AppContext, packs: Path | None = None) -> RulesPanel:
    panel = RulesPanel(context, packs=packs)
    qtbot.addWidget(panel)
    panel.resize(1200, 800)
    panel.show()
    return panel


def shown_ids(panel: RulesPanel) -> list[str]:
    return [panel.proxy.index(row, ID).data() for row in range(panel.proxy.rowCount())]


def click_rule(qtbot: QtBot, panel: RulesPanel, rule_id: str) -> None:
    row = shown_ids(panel).index(rule_id)
    index = panel.proxy.index(row, ID)
    panel.table.scrollTo(index)
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=panel.table.visualRect(index).center())


def test_rule_table_model_passes_the_model_tester(qapp: QApplication, qtmodeltester: ModelTester) -> None:
    model = RuleTableModel()
    qtmodeltester.check(model)  # empty
    model.set_rules(load_rules().rules)
    qtmodeltester.check(model)
    first = model.index(0, SEVERITY)
    assert first.data(RuleIdRole) == load_rules().rules[0].id
    assert first.data(Qt.ItemDataRole.DisplayRole) == first.data(SeverityRole).upper()  # the word, not colour
    assert not first.data(Qt.ItemDataRole.DecorationRole).isNull()  # and an icon
    assert model.rowCount(model.index(0, 0)) == 0  # a table: no children
    assert model.index(0, SEVERITY).data(SortRole) in range(4)  # severity sorts by rank


def test_rules_panel_lists_every_shipped_rule(qtbot: QtBot, reviewer_context: AppContext) -> None:
    panel = make_panel(qtbot, reviewer_context)
    assert panel.model.rowCount() == panel.proxy.rowCount() == 60
    assert sorted(shown_ids(panel)) == sorted(rule.id for rule in load_rules())
    assert panel.count_label.text() == "60 of 60 rules"
    assert "city-standards 0.1.0: 56 rules" in panel.packs_label.text()
    assert "open-source 0.1.0: 4 rules" in panel.packs_label.text()
    assert not panel.problem.isVisible()
    assert panel.current_rule() is not None  # the first rule is shown at once


def test_rules_panel_loads_on_a_worker_thread(qtbot: QtBot, store: Store, errors: Errors) -> None:
    context = AppContext(store, TaskRunner(), "rui", "reviewer", errors.append, lambda _: None)
    panel = RulesPanel(context)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.loaded, timeout=20_000) as blocker:
        pass
    assert blocker.args == [60]
    assert panel.proxy.rowCount() == 60
    context.runner.wait()


def test_rules_panel_filter_narrows_the_table(qtbot: QtBot, reviewer_context: AppContext) -> None:
    panel = make_panel(qtbot, reviewer_context)
    qtbot.keyClicks(panel.filter_edit, "GOV-")
    ids = shown_ids(panel)
    assert ids == sorted(rule.id for rule in load_rules() if rule.id.startswith("GOV-"))
    assert len(ids) == 10
    assert panel.count_label.text() == "10 of 60 rules"
    qtbot.keyClicks(panel.filter_edit, "VENUE")
    assert shown_ids(panel) == ["GOV-VENUE"]
    panel.filter_edit.clear()
    assert panel.proxy.rowCount() == 60


def test_rules_panel_selecting_a_rule_shows_why_and_fallback(qtbot: QtBot, reviewer_context: AppContext) -> None:
    panel = make_panel(qtbot, reviewer_context)
    rule = load_rules().by_id("GOV-VENUE")
    click_rule(qtbot, panel, "GOV-VENUE")
    assert panel.current_rule() == rule
    heading = panel.heading.text()
    assert "MAJOR" in heading and "GOV-VENUE" in heading and rule.title in heading
    text = panel.detail.toPlainText()
    for expected in ("Why", rule.why, "Reference", rule.reference, "Propose instead", rule.fallback):
        assert expected in text
    assert "Limit: one of US-CA:Marin, US-CA:San Rafael, US-CA, US" in text
    assert text.count("Must flag") == 3 and text.count("Must pass") == 4 and text.count("Not run") == 7
    # the keyboard moves through the rules too
    qtbot.keyClick(panel.table, Qt.Key.Key_Down)
    assert panel.current_rule() != rule
    assert panel.current_rule().why in panel.detail.toPlainText()


def test_rules_panel_runs_a_rules_examples_and_all_pass(
    qtbot: QtBot, reviewer_context: AppContext, errors: Errors
) -> None:
    panel = make_panel(qtbot, reviewer_context)
    click_rule(qtbot, panel, "GOV-VENUE")
    with qtbot.waitSignal(panel.examples_finished, timeout=30_000) as blocker:
        qtbot.mouseClick(panel.run_button, Qt.MouseButton.LeftButton)
    assert blocker.args == ["GOV-VENUE", True]
    assert errors == []
    assert panel.run_summary.text() == "✔ All 7 examples behave as written."
    text = panel.detail.toPlainText()
    assert text.count("Passed") == 7 and "Failed" not in text and "Not run" not in text
    # the outcome stays with the rule when the reader comes back to it
    click_rule(qtbot, panel, "GOV-GOVERNING-LAW")
    assert "Not run" in panel.detail.toPlainText()
    click_rule(qtbot, panel, "GOV-VENUE")
    assert panel.detail.toPlainText().count("Passed") == 7


@pytest.fixture
def broken_packs(tmp_path: Path) -> Path:
    """A copy of the shipped packs with a misspelt severity in GOV-VENUE.yaml (line 3)."""
    packs = tmp_path / "packs"
    shutil.copytree(DEFAULT_DIRECTORY, packs)
    rule_file = packs / "city-standards" / "GOV-VENUE.yaml"
    text = rule_file.read_text(encoding="utf-8")
    assert text.splitlines()[2] == "severity: major"
    rule_file.write_text(text.replace("severity: major", "severity: majr", 1), encoding="utf-8")
    return packs


def test_rules_panel_names_the_file_and_line_of_a_broken_pack(
    qtbot: QtBot, reviewer_context: AppContext, errors: Errors, broken_packs: Path
) -> None:
    panel = make_panel(qtbot, reviewer_context, packs=broken_packs)
    assert panel.problem.isVisible()
    message = panel.problem_text.text()
    assert "E202" in message
    assert "In GOV-VENUE.yaml, line 3:" in message
    assert "majr" in message and "did you mean 'major'" in message
    assert str(broken_packs / "city-standards" / "GOV-VENUE.yaml") in message
    assert panel.proxy.rowCount() == 0 and not panel.run_button.isEnabled()
    assert len(errors) == 1 and isinstance(errors[0], RulesError) and errors[0].code == "E202"
    # corrected, it loads on Try again
    rule_file = broken_packs / "city-standards" / "GOV-VENUE.yaml"
    rule_file.write_text(rule_file.read_text(encoding="utf-8").replace("majr", "major"), encoding="utf-8")
    qtbot.mouseClick(panel.retry_button, Qt.MouseButton.LeftButton)
    assert not panel.problem.isVisible()
    assert panel.proxy.rowCount() == 60


def test_rules_panel_controls_have_accessible_names(qtbot: QtBot, reviewer_context: AppContext) -> None:
    panel = make_panel(qtbot, reviewer_context)
    sort = panel.sort_controls
    controls = [panel.filter_edit, sort.column_box, sort.descending_box, panel.table, panel.detail, panel.run_button,
                panel.retry_button]  # fmt: skip
    assert all(control.accessibleName() for control in controls)
    # Tab goes filter -> sort by -> descending -> table -> detail -> Run examples
    with qtbot.waitActive(panel):
        panel.activateWindow()
    panel.filter_edit.setFocus()
    qtbot.waitUntil(panel.filter_edit.hasFocus)
    visited = []
    for _ in range(5):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        visited.append(QApplication.focusWidget())
    assert visited == [sort.column_box, sort.descending_box, panel.table, panel.detail, panel.run_button]
