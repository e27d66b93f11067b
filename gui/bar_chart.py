"""A small horizontal bar chart drawn with QPainter: one group of bars a category, one bar a series, each bar with
its value written at its end, and series told apart by fill pattern and a legend (never by colour alone).
Everything is measured from the font, so it holds at any font size; the widget grows in height with the
categories (put it in a scroll area). It is a picture: pair it with a table for keyboard and screen readers.

    >>> chart = BarChart("Turnaround (days)")                                              # doctest: +SKIP
    >>> chart.set_data(["Public Works", "Library"], [("Median", [3.0, 8.5]), ("90th percentile", [6.0, 12.0])])
    ... # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

# Patterns tell the series apart in grey scale and for people who do not see the colours.
PATTERNS = (
    Qt.BrushStyle.SolidPattern,
    Qt.BrushStyle.BDiagPattern,
    Qt.BrushStyle.Dense4Pattern,
    Qt.BrushStyle.CrossPattern,
    Qt.BrushStyle.FDiagPattern,
    Qt.BrushStyle.Dense6Pattern,
)
# Okabe-Ito colours, distinguishable with the common colour-vision deficiencies (the patterns carry the meaning).
COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00")


def plain_number(value: float) -> str:
    """1 -> "1", 2.5 -> "2.5": whole numbers without a decimal point."""
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


class BarChart(QWidget):
    """Grouped horizontal bars with their values written out; `set_data` replaces what is drawn."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.categories: list[str] = []
        self.series: list[tuple[str, list[float]]] = []
        self.format_value: Callable[[float], str] = plain_number
        self.scale_at_least = 1.0  # so that tiny values (0.01 days) draw as tiny bars, not as full ones
        self.empty_text = self.tr("Nothing to show yet.")
        self.setAccessibleName(title)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a picture; its table beside it is the keyboard's way in
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Base)

    def set_data(
        self,
        categories: Sequence[str],
        series: Sequence[tuple[str, Sequence[float]]],
        format_value: Callable[[float], str] = plain_number,
        scale_at_least: float = 1.0,
    ) -> None:
        """Categories down the side; each series a bar in every category (values in the categories' order).
        The longest bar stands for the largest value, or for `scale_at_least` if that is larger."""
        self.categories = list(categories)
        self.scale_at_least = scale_at_least
        self.series = [(name, [float(v) for v in values]) for name, values in series]
        self.format_value = format_value
        self.setAccessibleDescription(self.describe())
        self.updateGeometry()
        self.update()

    def describe(self) -> str:
        """The chart in words, for screen readers and tooltips."""
        if not self.categories:
            return self.empty_text
        parts = []
        for row, category in enumerate(self.categories):
            values = ", ".join(f"{name} {self.format_value(values[row])}" for name, values in self.series)
            parts.append(f"{category}: {values}")
        return "; ".join(parts)

    # --- geometry -------------------------------------------------------------------------------------------------

    def _line(self) -> int:
        return self.fontMetrics().height()

    def _bar(self) -> int:
        return max(self._line() + 4, 8)

    def _group_height(self) -> int:
        return self._bar() * max(len(self.series), 1) + self._line() // 2

    def _legend_rows(self, width: int) -> int:
        """How many lines the legend takes at this width (it wraps like text)."""
        metrics, bar, margin = self.fontMetrics(), self._bar(), self._line() // 2
        rows, x = 1, margin
        for name, _ in self.series:
            item = bar + margin // 2 + metrics.horizontalAdvance(name) + self._line()
            if x > margin and x + item > width - margin:
                rows, x = rows + 1, margin
            x += item
        return rows

    def hasHeightForWidth(self) -> bool:  # Qt's name
        return True

    def heightForWidth(self, width: int) -> int:
        line = self._line()
        if not self.categories:
            return line * 3
        rows = len(self.categories)
        return line * 2 + self._legend_rows(width) * self._bar() + line + rows * self._group_height() + line

    def sizeHint(self) -> QSize:
        width = self._line() * 30
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        width = self._line() * 16
        return QSize(width, self.heightForWidth(width))

    # --- drawing --------------------------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text_colour = palette.color(QPalette.ColorRole.Text)
        metrics = self.fontMetrics()
        line, bar = self._line(), self._bar()
        margin = line // 2
        width = self.width() - 2 * margin

        title_font = self.font()
        title_font.setBold(True)
        painter.setFont(title_font)
        painter.setPen(text_colour)
        painter.drawText(QRectF(margin, margin, width, line), Qt.AlignmentFlag.AlignLeft, self.title)
        painter.setFont(self.font())
        y = margin + line + margin // 2

        if not self.categories:
            painter.drawText(QRectF(margin, y, width, line), Qt.AlignmentFlag.AlignLeft, self.empty_text)
            painter.end()
            return

        # Legend: a swatch with the series' pattern, then its name, wrapping onto new lines as needed.
        x = margin
        for number, (name, _) in enumerate(self.series):
            item = bar + margin // 2 + metrics.horizontalAdvance(name) + line
            if x > margin and x + item > margin + width:
                x, y = margin, y + bar
            self._swatch(painter, QRectF(x, y + 2, bar - 4, bar - 4), number)
            painter.setPen(text_colour)
            painter.drawText(QRectF(x + bar, y, item, bar), Qt.AlignmentFlag.AlignVCenter, name)
            x += item
        y += bar + margin

        label_width = min(max(metrics.horizontalAdvance(c) for c in self.categories) + margin, int(width * 0.4))
        value_width = max(
            (metrics.horizontalAdvance(self.format_value(v)) for _, values in self.series for v in values), default=0
        ) + margin  # fmt: skip
        bars_left = margin + label_width + margin
        bars_width = max(width - label_width - margin - value_width, line)
        largest = max((v for _, values in self.series for v in values), default=0.0)
        largest = max(largest, self.scale_at_least) or 1.0
        axis = QPen(palette.color(QPalette.ColorRole.Mid))
        for row, category in enumerate(self.categories):
            group = QRectF(margin, y, label_width, bar * max(len(self.series), 1))
            elided = metrics.elidedText(category, Qt.TextElideMode.ElideRight, label_width)
            painter.setPen(text_colour)
            painter.drawText(group, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, elided)
            for number, (_, values) in enumerate(self.series):
                value = values[row]
                top = y + number * bar
                length = bars_width * value / largest
                self._swatch(painter, QRectF(bars_left, top + 2, max(length, 1.0), bar - 4), number)
                painter.setPen(text_colour)
                painter.drawText(
                    QRectF(bars_left + length + margin // 2, top, value_width, bar),
                    Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                    self.format_value(value),
                )
            painter.setPen(axis)
            painter.drawLine(bars_left, int(y), bars_left, int(y + bar * max(len(self.series), 1)))
            y += self._group_height()
        painter.end()

    def _swatch(self, painter: QPainter, rect: QRectF, number: int) -> None:
        colour = QColor(COLOURS[number % len(COLOURS)])
        painter.setPen(QPen(colour.darker(150)))
        painter.setBrush(QBrush(colour, PATTERNS[number % len(PATTERNS)]))
        painter.drawRect(rect)
        painter.setBrush(Qt.BrushStyle.NoBrush)
