"""A table of the rules in the loaded packs: id, title, severity (an icon AND the word), check kind, when it
applies and its pack. The model adapts the library's frozen `Rule`s as they are; filtering and sorting are
a QSortFilterProxyModel's job (sort on `SortRole`, so severity sorts by rank rather than alphabetically).

    >>> model = RuleTableModel()                                    # doctest: +SKIP
    >>> model.set_rules(load_rules().rules)                         # doctest: +SKIP
    >>> model.index(0, 0).data(RuleIdRole)                          # doctest: +SKIP
    'ACC-CONFORMANCE-REPORT'
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from gui.finding_tree_model import severity_icon as finding_severity_icon
from gui.finding_tree_model import severity_word
from gui.table_sorting import natural_key
from review.model import SEVERITY_RANK
from review.policy.rules import Rule

RuleIdRole = Qt.ItemDataRole.UserRole + 1  # the rule's id (str)
RuleRole = Qt.ItemDataRole.UserRole + 2  # the Rule itself
SeverityRole = Qt.ItemDataRole.UserRole + 3  # "blocker" | "major" | "minor" | "info"
SortRole = Qt.ItemDataRole.UserRole + 4  # a key that sorts the column sensibly (severity by rank)

ID, SEVERITY, TITLE, CHECK, APPLIES_TO, PACK = range(6)  # severity early: it is what a reader scans for

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()  # the invalid index: a table's rows hang off it


def severity_icon(severity: str) -> QIcon:
    """The icon shown with a severity's word: the case view's own, so a severity looks alike on every screen
    (none without a QApplication)."""
    if QApplication.instance() is None:
        return QIcon()
    return finding_severity_icon(severity)


class RuleTableModel(QAbstractTableModel):
    """One row per rule, in the order the packs give them."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rules: tuple[Rule, ...] = ()
        self._headers = (
            self.tr("Rule"),
            self.tr("Severity"),
            self.tr("Title"),
            self.tr("Check"),
            self.tr("Applies to"),
            self.tr("Pack"),
        )

    def set_rules(self, rules: Sequence[Rule]) -> None:
        self.beginResetModel()
        self._rules = tuple(rules)
        self.endResetModel()

    def rule(self, row: int) -> Rule:
        return self._rules[row]

    def row_of(self, rule_id: str) -> int:
        """The row of a rule id, or -1."""
        return next((row for row, rule in enumerate(self._rules) if rule.id == rule_id), -1)

    # --- QAbstractTableModel ----------------------------------------------------------------------------

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rules)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._headers):
            return self._headers[section]
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._rules):
            return section + 1
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rules):
            return None
        rule = self._rules[index.row()]
        column = index.column()
        if role == RuleIdRole:
            return rule.id
        if role == RuleRole:
            return rule
        if role == SeverityRole:
            return rule.severity
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(rule, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return {TITLE: rule.title, APPLIES_TO: str(rule.applies_to)}.get(column)  # in full, where elided
        if role == Qt.ItemDataRole.DecorationRole and column == SEVERITY:
            return severity_icon(rule.severity)
        if role == SortRole:
            if column == SEVERITY:
                return SEVERITY_RANK.get(rule.severity, len(SEVERITY_RANK))
            return natural_key(self._text(rule, column) or "")  # DATA-2 before DATA-10
        return None

    def _text(self, rule: Rule, column: int) -> str | None:
        if column == SEVERITY:
            return severity_word(rule.severity)
        values = {ID: rule.id, TITLE: rule.title, CHECK: rule.check, APPLIES_TO: str(rule.applies_to), PACK: rule.pack}
        return values.get(column)
