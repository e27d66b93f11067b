"""The contract's outline: its clauses as a tree (1 > 1.1 > 1.1(a)), for a QTreeView beside the contract.

Nesting follows the contract's own numbering where it can be read ("2.1(a)" sits under "2.1", which sits
under "2"), else the clause's level as segmentation found it; unnumbered clauses (the preamble, a table
row, an exhibit) sit at the top.

    >>> model = OutlineModel()                                                    # doctest: +SKIP
    >>> model.set_clauses(review.segment(document))                               # doctest: +SKIP
    >>> tree = QTreeView(); tree.setModel(model)                                  # doctest: +SKIP
    >>> start = model.index(0, 0).data(ClauseStartRole)                           # doctest: +SKIP
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QByteArray, QModelIndex, QObject, QPersistentModelIndex, Qt

from review.model import Clause

ClauseRole = Qt.ItemDataRole.UserRole + 1  # the Clause itself
ClauseStartRole = Qt.ItemDataRole.UserRole + 2  # its start offset in Document.text
ClauseEndRole = Qt.ItemDataRole.UserRole + 3
ClausePageRole = Qt.ItemDataRole.UserRole + 4  # the page it starts on (1-based)

SECTION_COLUMN, PAGE_COLUMN = range(2)
_SNIPPET = 60  # characters of the clause's text shown for a clause with neither number nor heading

# "12", "12.3", "2.1(a)(ii)", "Section 4.2", "Article V": the dotted and bracketed parts give the depth.
_NUMBER = re.compile(r"(?:[A-Za-z]+\s+)?([0-9A-Za-z]+(?:\.[0-9A-Za-z]+)*)\.?((?:\s*\([0-9A-Za-z]+\))*)\.?")

_LOCAL_LABEL = re.compile(r"\([0-9A-Za-z]+\)$|[0-9A-Za-z]+\.?$")  # the last part of "2.1(a)": "(a)"

_AnyIndex = QModelIndex | QPersistentModelIndex


def number_depth(number: str | None, level: int) -> int:
    """How deep a clause sits: from its number when it reads as one, else from the segmenter's level."""
    if number:
        match = _NUMBER.fullmatch(number.strip())
        if match:
            return match.group(1).count(".") + match.group(2).count("(")
    return max(level, 0)


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + "…"


@dataclass(eq=False)
class _Node:
    clause: Clause | None  # None for the invisible root
    depth: int
    parent: _Node | None = None
    row: int = 0
    key: int = 0  # the internalId of its indexes: its place in OutlineModel._nodes
    children: list[_Node] = field(default_factory=list)


class OutlineModel(QAbstractItemModel):
    """The clauses of one document as a tree with two columns: the section (number and heading) and its page."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._root = _Node(None, -1)
        self._nodes: list[_Node] = [self._root]
        self._starts: list[int] = []  # the clauses' starts in document order, to find the clause at an offset
        self._by_start: list[_Node] = []

    # --- content ---------------------------------------------------------------------------------------------------

    def set_clauses(self, clauses: Sequence[Clause]) -> None:
        self.beginResetModel()
        self._root = _Node(None, -1)
        self._nodes = [self._root]
        stack = [self._root]
        in_exhibit = False
        for clause in clauses:
            # An exhibit restarts its numbering: its clauses sit under it, not beside the agreement's own.
            in_exhibit = clause.kind == "exhibit" or (in_exhibit and clause.kind != "signature")
            depth = 0 if clause.kind == "exhibit" else number_depth(clause.number, clause.level) + in_exhibit
            node = _Node(clause, depth, key=len(self._nodes))
            # The parent is the nearest clause before it that sits less deep.
            while stack[-1] is not self._root and stack[-1].depth >= node.depth:
                stack.pop()
            parent = stack[-1]
            node.parent, node.row = parent, len(parent.children)
            parent.children.append(node)
            self._nodes.append(node)
            stack.append(node)
        ordered = sorted(self._nodes[1:], key=lambda node: node.clause.start if node.clause else 0)
        self._by_start = ordered
        self._starts = [node.clause.start for node in ordered if node.clause is not None]
        self.endResetModel()

    def clear(self) -> None:
        self.set_clauses(())

    def index_at_offset(self, offset: int) -> QModelIndex:
        """The index of the clause that contains `offset` (else the last one that starts before it)."""
        at = bisect.bisect_right(self._starts, offset) - 1
        if at < 0:
            return QModelIndex()
        node = self._by_start[at]
        return self.createIndex(node.row, SECTION_COLUMN, node.key)

    def label(self, clause: Clause) -> str:
        """What the outline shows for a clause: its number and heading, or as much of them as it has."""
        snippet = " ".join(clause.text.split())
        if clause.number:
            # "2.1(a)" whose text opens with "(a)": the label once is enough.
            local = _LOCAL_LABEL.search(clause.number)
            for label in (clause.number, local.group(0) if local else None):
                if label and snippet.startswith(label):
                    snippet = snippet[len(label) :].lstrip(" .)")
                    break
        if clause.heading:
            text = f"{clause.number} {clause.heading}" if clause.number else clause.heading
            return _shorten(" ".join(text.split()), 2 * _SNIPPET)
        snippet = _shorten(snippet, _SNIPPET)
        if clause.number:
            return f"{clause.number} {snippet}".rstrip()
        kinds = {
            "preamble": self.tr("Preamble"),
            "recital": self.tr("Recital"),
            "signature": self.tr("Signatures"),
            "exhibit": self.tr("Exhibit"),
            "contents": self.tr("Contents"),
        }
        kind = kinds.get(clause.kind)
        return self.tr("{kind}: {text}").format(kind=kind, text=snippet) if kind and snippet else (kind or snippet)

    # --- the model -----------------------------------------------------------------------------------------------

    def _node(self, index: _AnyIndex) -> _Node:
        if not index.isValid():
            return self._root
        return self._nodes[index.internalId()]

    def index(self, row: int, column: int, parent: _AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column < 0 or column >= self.columnCount(parent) or row < 0:
            return QModelIndex()
        node = self._node(parent)
        if row >= len(node.children):
            return QModelIndex()
        return self.createIndex(row, column, node.children[row].key)

    def parent(self, index: _AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        parent = self._node(index).parent
        if parent is None or parent is self._root:
            return QModelIndex()
        return self.createIndex(parent.row, SECTION_COLUMN, parent.key)

    def rowCount(self, parent: _AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        if parent.isValid() and parent.column() != SECTION_COLUMN:
            return 0
        return len(self._node(parent).children)

    def columnCount(self, parent: _AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 2

    def hasChildren(self, parent: _AnyIndex = QModelIndex()) -> bool:  # noqa: B008 (Qt's signature)
        return self.rowCount(parent) > 0

    def data(self, index: _AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        clause = self._node(index).clause
        if clause is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == PAGE_COLUMN:
                return str(clause.page_start)
            return self.label(clause)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("{section} (page {page})").format(section=self.label(clause), page=clause.page_start)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            if index.column() == PAGE_COLUMN:
                return self.tr("Page {page}").format(page=clause.page_start)
            return self.label(clause)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == PAGE_COLUMN:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == ClauseRole:
            return clause
        if role == ClauseStartRole:
            return clause.start
        if role == ClauseEndRole:
            return clause.end
        if role == ClausePageRole:
            return clause.page_start
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == SECTION_COLUMN:
            return self.tr("Section")
        if section == PAGE_COLUMN:
            return self.tr("Page")
        return None

    def flags(self, index: _AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def roleNames(self) -> dict[int, QByteArray]:
        names = dict(super().roleNames())
        for role, name in ((ClauseRole, b"clause"), (ClauseStartRole, b"start"), (ClauseEndRole, b"end"),
                           (ClausePageRole, b"page")):  # fmt: skip
            names[role] = QByteArray(name)
        return names
