"""The findings of a case grouped by severity: "Blockers (3)", "Major (5)", ... as parents, each finding a child
row with its severity (icon AND word, never colour alone), title, where it is, disposition and change.

    >>> model = FindingTreeModel()                                               # doctest: +SKIP
    >>> model.set_findings(queries.open_case(store, 7).findings)                 # doctest: +SKIP
    >>> tree.setModel(model); tree.expandAll()                                   # doctest: +SKIP
    >>> model.data(model.finding_index(41), FindingIdRole)                       # doctest: +SKIP
    41

The words shared with the detail pane and the case header (severity, disposition, status, change) are here
too, translated in this class's context so that one translation serves every view of a finding.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QPainter, QPen, QPixmap, QPolygonF

from review.model import SEVERITIES
from review.workflow.views import FindingView

FindingIdRole = Qt.ItemDataRole.UserRole + 1  # int, or None on a group row
FindingRole = Qt.ItemDataRole.UserRole + 2  # the FindingView itself
SeverityRole = Qt.ItemDataRole.UserRole + 3  # "blocker" | "major" | "minor" | "info" (group rows too)
DispositionRole = Qt.ItemDataRole.UserRole + 4  # "accept" | "flag" | "waive" | "false_positive" | None
DocumentRole = Qt.ItemDataRole.UserRole + 5  # the file the finding is in, or None
IsGroupRole = Qt.ItemDataRole.UserRole + 6  # True on a severity group row

SEVERITY, TITLE, WHERE, DISPOSITION, CHANGE = range(5)
_GROUP = 0  # internalId of a group row; a finding's is its group's row + 1 (ints only: no Python pointers)
# The module's functions translate in the model's context; lupdate reads `translate("Context", "literal")` calls
# (not a helper taking a variable), so each word is spelt out in full below.
translate = QCoreApplication.translate


def severity_word(severity: str) -> str:
    """BLOCKER / MAJOR / MINOR / INFO: the word shown beside the icon."""
    words = {
        "blocker": translate("FindingTreeModel", "BLOCKER"),
        "major": translate("FindingTreeModel", "MAJOR"),
        "minor": translate("FindingTreeModel", "MINOR"),
        "info": translate("FindingTreeModel", "INFO"),
    }
    return words.get(severity, severity.upper())


def group_title(severity: str, count: int) -> str:
    titles = {
        "blocker": translate("FindingTreeModel", "Blockers ({count})"),
        "major": translate("FindingTreeModel", "Major ({count})"),
        "minor": translate("FindingTreeModel", "Minor ({count})"),
        "info": translate("FindingTreeModel", "Info ({count})"),
    }
    return titles.get(severity, severity + " ({count})").format(count=count)


def disposition_word(disposition: str | None) -> str:
    words = {
        "accept": translate("FindingTreeModel", "Accepted"),
        "flag": translate("FindingTreeModel", "Flagged for negotiation"),
        "waive": translate("FindingTreeModel", "Waived"),
        "false_positive": translate("FindingTreeModel", "False positive"),
    }
    if disposition is None:
        return translate("FindingTreeModel", "Not yet disposed of")
    return words.get(disposition, disposition.replace("_", " "))


def change_word(change: str | None) -> str:
    words = {"new": translate("FindingTreeModel", "New"), "persisting": translate("FindingTreeModel", "Persisting")}
    return words.get(change or "", "")


def where_words(finding: FindingView, with_document: bool = True) -> str:
    """'msa.pdf, page 4' ('page 4' without the document, for a case of one file), or 'Missing' for a term the
    contract lacks (it has no quote to point at)."""
    if not finding.quote:
        return translate("FindingTreeModel", "Missing")
    if finding.page is not None and with_document and finding.document:
        return translate("FindingTreeModel", "{document}, page {page}").format(
            document=finding.document, page=finding.page
        )
    if finding.page is not None:
        return translate("FindingTreeModel", "page {page}").format(page=finding.page)
    return finding.document or ""


# Shape and colour both differ, and the word is always beside it: the icon is never the only sign.
_COLOURS = {"blocker": "#c62828", "major": "#ef6c00", "minor": "#f9a825", "info": "#1565c0"}


def severity_icon(severity: str) -> QIcon:
    """A stop sign (blocker), a warning triangle (major), a diamond (minor) or a circle (info). Painted anew on
    each call (no module-level pixmaps outliving the application): callers keep the ones they use."""
    size = 32
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor("#202020"), 1.5))
    painter.setBrush(QBrush(QColor(_COLOURS.get(severity, "#757575"))))
    m, s = 2.0, size - 4.0
    if severity == "blocker":
        k = s * 0.29
        points = [(k, 0), (s - k, 0), (s, k), (s, s - k), (s - k, s), (k, s), (0, s - k), (0, k)]
        painter.drawPolygon(QPolygonF([QPointF(m + x, m + y) for x, y in points]))
    elif severity == "major":
        painter.drawPolygon(QPolygonF([QPointF(m + s / 2, m), QPointF(m + s, m + s), QPointF(m, m + s)]))
    elif severity == "minor":
        points = [(s / 2, 0), (s, s / 2), (s / 2, s), (0, s / 2)]
        painter.drawPolygon(QPolygonF([QPointF(m + x, m + y) for x, y in points]))
    else:
        painter.drawEllipse(QPointF(size / 2, size / 2), s / 2, s / 2)
    mark = {"blocker": "!", "major": "!", "minor": "", "info": "i"}.get(severity, "")
    if mark:
        font = QFont()
        font.setBold(True)
        font.setPixelSize(18)
        painter.setFont(font)
        painter.setPen(QColor("white") if severity != "major" else QColor("#202020"))
        top = 4 if severity == "major" else 0
        painter.drawText(0, top, size, size, Qt.AlignmentFlag.AlignCenter, mark)
    painter.end()
    return QIcon(pixmap)


class FindingTreeModel(QAbstractItemModel):
    """Severity groups (only those with findings) as top-level rows, the findings of each as their children."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._groups: list[tuple[str, list[FindingView]]] = []
        self._with_document = True
        self._icons = {severity: severity_icon(severity) for severity in SEVERITIES}

    # --- content ---------------------------------------------------------------------------------------------

    def set_findings(self, findings: Sequence[FindingView], *, with_document: bool = True) -> None:
        """Show `findings`; `with_document=False` leaves the file name out of "Where" (a case of one file)."""
        self.beginResetModel()
        self._with_document = with_document
        self._groups = [(s, [f for f in findings if f.severity == s]) for s in SEVERITIES]
        self._groups = [(s, group) for s, group in self._groups if group]
        self.endResetModel()

    def findings(self) -> list[FindingView]:
        """Every finding, in the order the tree shows them."""
        return [f for _, group in self._groups for f in group]

    def finding_at(self, index: QModelIndex | QPersistentModelIndex) -> FindingView | None:
        if not index.isValid() or index.internalId() == _GROUP:
            return None
        return self._groups[index.internalId() - 1][1][index.row()]

    def finding_index(self, finding_id: int, column: int = 0) -> QModelIndex:
        """The index of a finding by its id; invalid when the model does not have it."""
        for g, (_, group) in enumerate(self._groups):
            for row, finding in enumerate(group):
                if finding.id == finding_id:
                    return self.createIndex(row, column, g + 1)
        return QModelIndex()

    # --- QAbstractItemModel ----------------------------------------------------------------------------------

    def index(self, row: int, column: int, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _GROUP)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: QModelIndex | QPersistentModelIndex | None = None) -> Any:  # type: ignore[override]
        if index is None:  # parent() without an index is QObject's: the model's owner
            return QObject.parent(self)
        if not index.isValid() or index.internalId() == _GROUP:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, _GROUP)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == _GROUP and parent.column() == 0:
            return len(self._groups[parent.row()][1])
        return 0

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 5

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (self.tr("Severity"), self.tr("Finding"), self.tr("Where"), self.tr("Disposition"), self.tr("Change"))
        return titles[section] if 0 <= section < len(titles) else None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == _GROUP:
            return self._group_data(index, role)
        finding = self._groups[index.internalId() - 1][1][index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(finding, column)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._text(finding, column) or self.tr("none")
        if role == Qt.ItemDataRole.ToolTipRole:
            where = where_words(finding, self._with_document)  # the Where column is narrow: the tip has it all
            return f"{severity_word(finding.severity)}: {finding.title} ({finding.rule}) — {where}"
        if role == Qt.ItemDataRole.DecorationRole and column == SEVERITY:
            return self._icons.get(finding.severity)
        if role == Qt.ItemDataRole.FontRole and column == DISPOSITION and finding.disposition is None:
            font = QFont()
            font.setItalic(True)  # what is still to do stands out without colour
            return font
        return self._role_data(finding, role)

    # --- helpers ---------------------------------------------------------------------------------------------

    def _group_data(self, index: QModelIndex | QPersistentModelIndex, role: int) -> Any:
        severity, group = self._groups[index.row()]
        if role == IsGroupRole:
            return True
        if role == SeverityRole:
            return severity
        if index.column() != SEVERITY:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return group_title(severity, len(group))
        if role == Qt.ItemDataRole.DecorationRole:
            return self._icons.get(severity)
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _text(self, finding: FindingView, column: int) -> str:
        if column == SEVERITY:
            return severity_word(finding.severity)
        if column == TITLE:
            return finding.title
        if column == WHERE:
            return where_words(finding, self._with_document)
        if column == DISPOSITION:
            return disposition_word(finding.disposition)
        return change_word(finding.change)

    @staticmethod
    def _role_data(finding: FindingView, role: int) -> Any:
        return {
            FindingIdRole: finding.id,
            FindingRole: finding,
            SeverityRole: finding.severity,
            DispositionRole: finding.disposition,
            DocumentRole: finding.document,
            IsGroupRole: False,
        }.get(role)
