"""Two versions of a case side by side: which findings the new version resolved, kept or added, and which
clauses changed, with the changed words of each marked (struck through and underlined, not colour alone).

    >>> diff = queries.diff_versions(store, case.id)          # in the runner: it reads the database # doctest: +SKIP
    >>> dialog = CompareDialog(case, diff, parent=panel)                                       # doctest: +SKIP
    >>> dialog.show()                                                                          # doctest: +SKIP
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from gui.finding_tree_model import FindingTreeModel
from review.workflow.queries import VersionDiff
from review.workflow.versions import ClauseChange, ClauseLike
from review.workflow.views import CaseView, FindingView

ChangeRole = Qt.ItemDataRole.UserRole + 1  # the ClauseChange
ChangeKindRole = Qt.ItemDataRole.UserRole + 2  # "changed" | "added" | "removed"
OldTextRole = Qt.ItemDataRole.UserRole + 3  # the clause's text in the old version, or None
NewTextRole = Qt.ItemDataRole.UserRole + 4  # the clause's text in the new version, or None

_REMOVED_STYLE = "color:#b71c1c; background-color:#ffebee; text-decoration: line-through;"
_ADDED_STYLE = "color:#1b5e20; background-color:#e8f5e9; text-decoration: underline;"


def clause_label(clause: ClauseLike, words: int = 8) -> str:
    """'4 Limitation of Liability', or its number and first words when it has no heading ('1.3 Provider may …')."""
    if clause.heading:
        return " ".join(part for part in (clause.number, clause.heading) if part)
    first = clause.text.split()
    if clause.number and first and first[0].rstrip(".") == clause.number.rstrip("."):
        first = first[1:]  # the number is in the text as well
    text = " ".join(first[:words]) + (" …" if len(first) > words else "")
    return " ".join(part for part in (clause.number, text) if part)


class ClauseChangeListModel(QAbstractListModel):
    """The clauses that differ between two versions (changed, added, removed), in document order."""

    def __init__(self, diff: VersionDiff, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.diff = diff
        self.changes: list[ClauseChange] = [c for c in diff.changes if c.kind != "same"]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.changes)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.changes):
            return None
        change = self.changes[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.tr("{mark} {kind}: {clause}").format(
                mark={"changed": "~", "added": "+", "removed": "−"}[change.kind],
                kind=self.kind_word(change.kind),
                clause=clause_label(self.clause(change)),
            )
        if role == ChangeRole:
            return change
        if role == ChangeKindRole:
            return change.kind
        if role == OldTextRole:
            return self.diff.old_clauses[change.old].text if change.old is not None else None
        if role == NewTextRole:
            return self.diff.new_clauses[change.new].text if change.new is not None else None
        return None

    def clause(self, change: ClauseChange) -> ClauseLike:
        """The clause a change is about: the new one where there is one, else the removed one."""
        if change.new is not None:
            return self.diff.new_clauses[change.new]
        assert change.old is not None
        return self.diff.old_clauses[change.old]

    def kind_word(self, kind: str) -> str:
        return {"changed": self.tr("Changed"), "added": self.tr("Added"), "removed": self.tr("Removed")}.get(kind, kind)


class CompareDialog(QDialog):
    """Tabs "Findings" (resolved / persisting / new) and "Clauses" (the changed clauses, old beside new)."""

    def __init__(self, case: CaseView, diff: VersionDiff, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.case = case
        self.diff = diff
        self.setWindowTitle(
            self.tr("Case {id}: version {old} against version {new}").format(id=case.id, old=diff.old, new=diff.new)
        )
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(self.tr("Comparison"))
        self.tabs.addTab(self._findings_tab(), self.tr("&Findings"))
        self.tabs.addTab(self._clauses_tab(), self.tr("C&lauses"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        metrics = self.fontMetrics()  # a size in text units, so it scales with the font
        width, height = metrics.horizontalAdvance("M") * 96, metrics.lineSpacing() * 36
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        if screen is not None and screen.width() > 0:  # never larger than the screen at large font sizes
            width, height = min(width, screen.width() * 9 // 10), min(height, screen.height() * 9 // 10)
        self.resize(width, height)

    # --- findings --------------------------------------------------------------------------------------------

    def _findings_tab(self) -> QWidget:
        tab = QWidget(self)
        layout = QVBoxLayout(tab)
        persisting = [f for f in self.case.findings if f.change == "persisting"]
        new = [f for f in self.case.findings if f.change == "new"]
        self.finding_models: dict[str, FindingTreeModel] = {}
        self.finding_trees: dict[str, QTreeView] = {}
        groups = (
            ("resolved", self.tr("&Resolved in version {new} ({count})"), self.case.resolved),
            ("persisting", self.tr("&Persisting ({count})"), persisting),
            ("new", self.tr("&New in version {new} ({count})"), new),
        )
        for key, title, findings in groups:
            label = title.format(new=self.diff.new, count=len(findings))
            layout.addWidget(self._finding_list(tab, key, label, findings))
        return tab

    def _finding_list(self, tab: QWidget, key: str, title: str, findings: Sequence[FindingView]) -> QWidget:
        box = QWidget(tab)
        inner = QVBoxLayout(box)
        inner.setContentsMargins(0, 0, 0, 0)
        label = QLabel(title, box)
        model = FindingTreeModel(self)
        model.set_findings(findings)
        tree = QTreeView(box)
        tree.setModel(model)
        tree.setAccessibleName(title.replace("&", ""))
        tree.setUniformRowHeights(True)
        tree.expandAll()
        # The title takes what the other columns leave, so the disposition is never cut off and the three lists
        # line up.
        header = tree.header()
        header.setStretchLastSection(False)
        for column in range(model.columnCount()):
            mode = QHeaderView.ResizeMode.Stretch if column == 1 else QHeaderView.ResizeMode.ResizeToContents
            header.setSectionResizeMode(column, mode)
        label.setBuddy(tree)
        inner.addWidget(label)
        inner.addWidget(tree, 1)
        self.finding_models[key] = model
        self.finding_trees[key] = tree
        return box

    # --- clauses ---------------------------------------------------------------------------------------------

    def _clauses_tab(self) -> QWidget:
        tab = QWidget(self)
        self.clause_model = ClauseChangeListModel(self.diff, self)
        self.clause_list = QListView(tab)
        self.clause_list.setModel(self.clause_model)
        self.clause_list.setAccessibleName(self.tr("Clauses that differ"))
        self.clause_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.clause_list.setWordWrap(True)
        list_label = QLabel(self.tr("Clauses that &differ ({count}):").format(count=self.clause_model.rowCount()), tab)
        list_label.setBuddy(self.clause_list)

        self.old_label = QLabel(self.tr("Version {old}").format(old=self.diff.old), tab)
        self.old_text = QTextBrowser(tab)
        self.old_text.setAccessibleName(self.tr("Clause in version {old}").format(old=self.diff.old))
        self.old_label.setBuddy(self.old_text)
        self.new_label = QLabel(self.tr("Version {new}").format(new=self.diff.new), tab)
        self.new_text = QTextBrowser(tab)
        self.new_text.setAccessibleName(self.tr("Clause in version {new}").format(new=self.diff.new))
        self.new_label.setBuddy(self.new_text)
        legend = QLabel(
            self.tr("Removed words are struck through (red); added words are underlined (green)."), tab
        )  # fmt: skip
        legend.setWordWrap(True)

        sides = QHBoxLayout()
        for label, browser in ((self.old_label, self.old_text), (self.new_label, self.new_text)):
            column = QVBoxLayout()
            column.addWidget(label)
            column.addWidget(browser, 1)
            sides.addLayout(column, 1)
        right = QWidget(tab)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(legend)
        right_layout.addLayout(sides, 1)
        left = QWidget(tab)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(list_label)
        left_layout.addWidget(self.clause_list, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal, tab)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(tab)
        layout.addWidget(splitter)
        QWidget.setTabOrder(self.clause_list, self.old_text)
        QWidget.setTabOrder(self.old_text, self.new_text)

        self.clause_list.selectionModel().currentChanged.connect(lambda current, _: self.show_change(current.row()))
        if self.clause_model.rowCount():
            self.clause_list.setCurrentIndex(self.clause_model.index(0))
        else:
            self.old_text.setPlainText(self.tr("No clause differs between the two versions."))
        return tab

    def show_change(self, row: int) -> None:
        """Show the change at `row` of the clause list: old text left, new text right, changed words marked."""
        if not 0 <= row < len(self.clause_model.changes):
            self.old_text.clear()
            self.new_text.clear()
            return
        change = self.clause_model.changes[row]
        old = self.diff.old_clauses[change.old] if change.old is not None else None
        new = self.diff.new_clauses[change.new] if change.new is not None else None
        e = html.escape
        if change.kind == "changed" and change.words:
            old_body = " ".join(
                e(text) if op == "=" else f'<s style="{_REMOVED_STYLE}">{e(text)}</s>'
                for op, text in change.words
                if op != "+"
            )
            new_body = " ".join(
                e(text) if op == "=" else f'<u style="{_ADDED_STYLE}">{e(text)}</u>'
                for op, text in change.words
                if op != "-"
            )
        else:
            old_body = f'<s style="{_REMOVED_STYLE}">{e(old.text)}</s>' if old is not None else ""
            new_body = f'<u style="{_ADDED_STYLE}">{e(new.text)}</u>' if new is not None else ""
            if change.kind == "changed":  # only case or punctuation changed: no word to mark
                old_body, new_body = e(old.text if old else ""), e(new.text if new else "")
        absent = self.tr("Not in version {version}.")
        self.old_text.setHtml(self._side(old, old_body, absent.format(version=self.diff.old)))
        self.new_text.setHtml(self._side(new, new_body, absent.format(version=self.diff.new)))
        # A screen reader does not announce strike-through: the changed words are said in words as well.
        removed = [t for op, t in change.words if op == "-"] or ([old.text] if change.kind == "removed" and old else [])
        added = [t for op, t in change.words if op == "+"] or ([new.text] if change.kind == "added" and new else [])
        self.old_text.setAccessibleDescription(self.tr("Removed: {words}").format(words="; ".join(removed) or "—"))
        self.new_text.setAccessibleDescription(self.tr("Added: {words}").format(words="; ".join(added) or "—"))

    def _side(self, clause: ClauseLike | None, body: str, absent: str) -> str:
        if clause is None:
            return f"<p><i>{html.escape(absent)}</i></p>"
        title = " ".join(part for part in (clause.number, clause.heading) if part)
        heading = f"<p><b>{html.escape(title)}</b></p>" if title else ""
        return heading + f"<p>{body}</p>"
