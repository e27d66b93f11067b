"""Sorting tables from the keyboard, and sorting numbered text the way people count.

A table header sorts at a click, but no key reaches it; `SortControls` offers the same choice as a "Sort by"
list of the visible columns and a "Descending" box, kept in step with the header both ways.

    >>> controls = SortControls(table, parent)          # doctest: +SKIP
    >>> layout.addWidget(controls)                       # doctest: +SKIP
    >>> natural_key("Section 10.2") > natural_key("Section 9")
    True
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QTableView, QWidget

_NUMBER = re.compile(r"\d+")


def natural_key(text: str) -> str:
    """A key that sorts "2" before "10" and "7.2" before "7.10": numbers padded with zeros, case ignored."""
    return _NUMBER.sub(lambda number: number.group().zfill(12), text.casefold())


class SortControls(QWidget):
    """ "Sort by" (the table's visible columns) and "Descending", for a table with sorting enabled.

    Call `update_columns()` after hiding or showing a column; a table sorted by a column that is hidden then
    goes back to its `default` sort.
    """

    def __init__(
        self,
        table: QTableView,
        parent: QWidget | None = None,
        default: tuple[int, Qt.SortOrder] = (0, Qt.SortOrder.AscendingOrder),
    ) -> None:
        super().__init__(parent)
        self.table = table
        self.default = default
        self._columns: list[int] = []
        self.column_box = QComboBox(self)
        self.column_box.setAccessibleName(self.tr("Sort by column"))
        label = QLabel(self.tr("Sort &by:"), self)
        label.setBuddy(self.column_box)
        self.descending_box = QCheckBox(self.tr("Desce&nding"), self)
        self.descending_box.setAccessibleName(self.tr("Sort in descending order"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label)
        layout.addWidget(self.column_box)
        layout.addWidget(self.descending_box)
        self.update_columns()
        self.column_box.activated.connect(self._sort)
        self.descending_box.toggled.connect(self._sort)
        table.horizontalHeader().sortIndicatorChanged.connect(self._show)

    def update_columns(self) -> None:
        """List the columns the table shows now, with their header text."""
        model = self.table.model()
        header = self.table.horizontalHeader()
        if self.table.isColumnHidden(header.sortIndicatorSection()):
            self.table.sortByColumn(*self.default)
        columns = [column for column in range(model.columnCount()) if not self.table.isColumnHidden(column)]
        if columns != self._columns:  # rebuilt only when they change (a rebuild would close an open list)
            self._columns = columns
            self.column_box.blockSignals(True)
            self.column_box.clear()
            for column in columns:
                self.column_box.addItem(str(model.headerData(column, Qt.Orientation.Horizontal)), column)
            self.column_box.blockSignals(False)
        self._show(header.sortIndicatorSection(), header.sortIndicatorOrder())

    def _sort(self) -> None:
        column = self.column_box.currentData()
        if column is not None:
            order = Qt.SortOrder.DescendingOrder if self.descending_box.isChecked() else Qt.SortOrder.AscendingOrder
            self.table.sortByColumn(int(column), order)

    def _show(self, column: int, order: Qt.SortOrder) -> None:
        """The header's sort, shown in the controls (without sorting again)."""
        for widget in (self.column_box, self.descending_box):
            widget.blockSignals(True)
        self.column_box.setCurrentIndex(self.column_box.findData(column))
        self.descending_box.setChecked(order == Qt.SortOrder.DescendingOrder)
        for widget in (self.column_box, self.descending_box):
            widget.blockSignals(False)
