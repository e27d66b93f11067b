"""The pages of a PDF contract, one under the other, with the evidence of a finding marked on them.

Pages are rendered with QtPdf only when they come into view and kept in a small cache, so a 100-page
contract opens at once; zoom in and out, or fit the width of the view (the default, kept on resizing).
A highlight is a list of boxes in PDF points (origin top-left, as review.model.Box): each is painted as a
translucent fill with an outline, and a bar in the page's margin marks the lines, so it does not rely on
colour alone.

    >>> pdf = QPdfDocument(); pdf.load(buffer)                                      # doctest: +SKIP
    >>> view = PdfPageView(); view.set_document(pdf)                                # doctest: +SKIP
    >>> boxes = PdfSpanLocator(pdf, document).boxes(start, end)                     # doctest: +SKIP
    >>> view.set_highlight(boxes); view.scroll_to(*boxes[0])                        # doctest: +SKIP

`PdfSpanLocator` finds a span of `Document.text` on the rendered pages: the lines it covers, by matching its
words in the page's own text layer inside the paragraph's box, else the paragraph's box itself.
"""

from __future__ import annotations

import bisect
import unicodedata
from collections import OrderedDict
from collections.abc import Sequence

from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, QSize, QSizeF, Qt, Signal
from PySide6.QtGui import QColor, QImage, QKeyEvent, QPainter, QPaintEvent, QPalette, QPen, QResizeEvent, QWheelEvent
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions
from PySide6.QtWidgets import QScrollArea, QWidget

from review.model import Block, Document

PageBox = tuple[int, QRectF]  # a page index (0-based) and a rectangle on it in points, origin top-left
_Anchor = tuple[int, float, float, float, float]  # a page, a point on it (points), where it is in the view (pixels)

MARGIN = 12  # pixels around and between pages
MIN_ZOOM, MAX_ZOOM, ZOOM_STEP = 0.25, 4.0, 1.25
CACHE_BYTES = 192 * 1024 * 1024  # rendered pages kept (at least two); one further away is rendered again
MAX_PAGE_PIXELS = 24_000_000  # past this (a deep zoom), a page is rendered coarser and drawn scaled up
FALLBACK_PAGE = QSizeF(612.0, 792.0)  # US Letter, for a page whose size the PDF does not tell

HIGHLIGHT_FILL = QColor(255, 196, 0, 80)
HIGHLIGHT_EDGE = QColor(176, 96, 0)


class _Pages(QWidget):
    """The pages, one under the other: one widget that paints only the pages in the part shown (a widget per
    page took tens of milliseconds to make for a long contract, all on the GUI thread)."""

    def __init__(self, view: PdfPageView) -> None:
        super().__init__()
        self.view = view
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, palette.color(QPalette.ColorRole.Window).darker(112))
        self.setPalette(palette)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        for index, rect in enumerate(self.view.page_rects):
            if rect.intersects(event.rect()):
                painter.save()
                painter.translate(rect.topLeft())
                self._paint_page(painter, index, rect.size())
                painter.restore()
        painter.end()

    def _paint_page(self, painter: QPainter, index: int, size: QSize) -> None:
        """The cached rendering of page `index`, then the highlight boxes that fall on it."""
        area = QRect(QPoint(0, 0), size)
        painter.fillRect(area, Qt.GlobalColor.white)  # pdfium leaves a page without a background clear
        image = self.view.page_image(index, size)
        if image is not None:
            painter.drawImage(QRectF(area), image)
        painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Mid), 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(area.adjusted(0, 0, -1, -1))
        boxes = [self.view.to_pixels(rect) for page, rect in self.view.highlight if page == index]
        if boxes:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QPen(HIGHLIGHT_EDGE, 1.5))
            painter.setBrush(HIGHLIGHT_FILL)
            for box in boxes:
                painter.drawRoundedRect(box, 2, 2)
            # A bar in the left margin beside the highlighted lines: found at a glance, in any colour scheme.
            top, bottom = min(box.top() for box in boxes), max(box.bottom() for box in boxes)
            left = max(2.0, min(box.left() for box in boxes) - 10)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(HIGHLIGHT_EDGE)
            painter.drawRect(QRectF(left, top, 4, bottom - top))


class PdfPageView(QScrollArea):
    """The pages of one PDF in a scroll area; `highlight` holds the boxes painted on them."""

    current_page_changed = Signal(int)  # 1-based, the page at the middle of the view
    zoom_changed = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pages_widget = _Pages(self)
        self.setWidget(self.pages_widget)
        self.setWidgetResizable(False)  # the pages decide the size; we lay them out ourselves
        # Always there, so fitting the width does not make the bar come and go and the width change again.
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("Contract pages"))
        self.pdf: QPdfDocument | None = None
        self.sizes: list[QSizeF] = []  # each page's size in points
        self.page_rects: list[QRect] = []  # where each page is on the pages widget, in pixels
        self.highlight: list[PageBox] = []
        self.zoom = 1.0
        self.fitting_width = True
        self._cache: OrderedDict[int, QImage] = OrderedDict()
        self._current_page = 0
        self._laid_out_scale, self._laid_out_view = self.scale(), self.viewport().size()
        self.verticalScrollBar().valueChanged.connect(self._update_current_page)

    # --- the document ---------------------------------------------------------------------------------------------

    def set_document(self, pdf: QPdfDocument | None, sizes: Sequence[QSizeF | None] = ()) -> None:
        """Show `pdf` (None: nothing); `sizes` are its page sizes in points as the reader found them (QtPdf is
        asked for those missing)."""
        self.pdf = pdf
        self._cache.clear()
        self.highlight = []
        count = pdf.pageCount() if pdf is not None else 0
        self.sizes = []
        for index in range(count):
            # the sizes the reader found first: asking QtPdf loads each page (tens of milliseconds for 100 pages)
            size = sizes[index] if index < len(sizes) and sizes[index] is not None else None
            if size is None or not size.isValid() or size.isEmpty():
                size = pdf.pagePointSize(index) if pdf is not None else QSizeF()
            self.sizes.append(size if size.isValid() and not size.isEmpty() else FALLBACK_PAGE)
        self.page_rects = [QRect() for _ in range(count)]
        self.fitting_width = True
        self._layout_pages(keep_place=False)
        self.verticalScrollBar().setValue(0)
        self.horizontalScrollBar().setValue(0)
        self._update_current_page()

    def clear(self) -> None:
        self.set_document(None)

    def page_count(self) -> int:
        return len(self.page_rects)

    def current_page(self) -> int:
        """The page at the middle of the view, 1-based (0 when there is none)."""
        return self._current_page

    # --- zoom -------------------------------------------------------------------------------------------------

    def scale(self) -> float:
        """Pixels per point."""
        return self.zoom * self.logicalDpiX() / 72.0

    def set_zoom(self, zoom: float) -> None:
        self.fitting_width = False
        self._set_zoom(zoom)

    def zoom_in(self) -> None:
        self.set_zoom(self.zoom * ZOOM_STEP)

    def zoom_out(self) -> None:
        self.set_zoom(self.zoom / ZOOM_STEP)

    def fit_width(self) -> None:
        self.fitting_width = True
        self._set_zoom(self._width_zoom())

    def _width_zoom(self) -> float:
        widest = max((size.width() for size in self.sizes), default=FALLBACK_PAGE.width())
        available = self.viewport().width() - 2 * MARGIN
        return available / (widest * self.logicalDpiX() / 72.0)

    def _set_zoom(self, zoom: float) -> None:
        zoom = min(max(zoom, MIN_ZOOM), MAX_ZOOM)
        if abs(zoom - self.zoom) < 1e-4:
            return
        self.zoom = zoom
        self._cache.clear()
        self._layout_pages(keep_place=True)
        self.zoom_changed.emit(zoom)

    # --- geometry ---------------------------------------------------------------------------------------------

    def page_rect(self, index: int) -> QRect:
        """Where page `index` is in the scrolled area, in pixels."""
        return self.page_rects[index]

    def to_pixels(self, rect: QRectF) -> QRectF:
        """A rectangle in points on a page, in pixels on its page widget (a little larger than the glyphs)."""
        scale = self.scale()
        return QRectF(rect.x() * scale, rect.y() * scale, rect.width() * scale, rect.height() * scale).adjusted(
            -2, -1, 2, 1
        )

    def viewport_rect(self, index: int, rect: QRectF) -> QRect:
        """Where a box of page `index` is in the viewport now (it may lie outside it)."""
        box = self.to_pixels(rect).translated(QPointF(self.page_rect(index).topLeft()))
        return box.translated(-self.horizontalScrollBar().value(), -self.verticalScrollBar().value()).toAlignedRect()

    def _layout_pages(self, *, keep_place: bool) -> None:
        anchor = self._anchor() if keep_place else None
        if self.fitting_width and self.sizes:
            self.zoom = min(max(self._width_zoom(), MIN_ZOOM), MAX_ZOOM)
        scale = self.scale()
        pixel_sizes = [QSize(round(size.width() * scale), round(size.height() * scale)) for size in self.sizes]
        width = max([self.viewport().width(), *(size.width() + 2 * MARGIN for size in pixel_sizes)])
        y = MARGIN
        self.page_rects = []
        for size in pixel_sizes:
            self.page_rects.append(QRect((width - size.width()) // 2, y, size.width(), size.height()))
            y += size.height() + MARGIN
        self.pages_widget.resize(width, max(y, self.viewport().height()))
        self.pages_widget.update()
        self._laid_out_scale, self._laid_out_view = scale, self.viewport().size()
        if anchor is not None:
            self._restore(anchor)

    def _anchor(self) -> _Anchor | None:
        """A point of a page and where it is in the view, to keep it there when the pages are laid out again:
        the start of the highlight when it is in view, else the middle of the view."""
        if not self.page_rects:
            return None
        h, v = self.horizontalScrollBar().value(), self.verticalScrollBar().value()
        scale = self._laid_out_scale
        if self.highlight:
            page, rect = self.highlight[0]
            x, y = (
                rect.left() * scale + self.page_rect(page).left() - h,
                rect.top() * scale + self.page_rect(page).top() - v,
            )
            if 0 <= y < self._laid_out_view.height() and 0 <= x < self._laid_out_view.width():
                return page, rect.left(), rect.top(), x, y
        # The view as it was laid out: on a resize the viewport has its new size already.
        x, y = self._laid_out_view.width() / 2, self._laid_out_view.height() / 2 if v else 0.0
        page = self._page_at(round(v + y))
        where = self.page_rect(page)
        return page, (h + x - where.left()) / scale, (v + y - where.top()) / scale, x, y

    def _restore(self, anchor: _Anchor) -> None:
        page, x, y, view_x, view_y = anchor
        rect, scale = self.page_rect(page), self.scale()
        self.horizontalScrollBar().setValue(round(rect.left() + x * scale - view_x))
        self.verticalScrollBar().setValue(round(rect.top() + y * scale - view_y))

    def _page_at(self, y: int) -> int:
        tops = [rect.y() for rect in self.page_rects]
        return max(bisect.bisect_right(tops, y) - 1, 0)

    def _update_current_page(self) -> None:
        middle = self.verticalScrollBar().value() + self.viewport().height() // 2
        page = self._page_at(middle) + 1 if self.page_rects else 0
        if page != self._current_page:
            self._current_page = page
            self.current_page_changed.emit(page)

    # --- highlight and scrolling ---------------------------------------------------------------------------------

    def set_highlight(self, boxes: Sequence[PageBox]) -> None:
        touched = {page for page, _ in self.highlight} | {page for page, _ in boxes}
        self.highlight = [(page, rect) for page, rect in boxes if 0 <= page < len(self.page_rects)]
        for page in touched:
            if 0 <= page < len(self.page_rects):
                self.pages_widget.update(self.page_rects[page])

    def clear_highlight(self) -> None:
        self.set_highlight([])

    def scroll_to(self, index: int, rect: QRectF | None = None, *, at_top: bool = False) -> None:
        """Bring a box of page `index` into view: where it is if it is all in view already (unless `at_top`),
        else a fifth of the way down (at the top with `at_top`, for the start of a clause)."""
        if not 0 <= index < len(self.page_rects):
            return
        rect = rect if rect is not None else QRectF(QPointF(0, 0), self.sizes[index])
        box = self.viewport_rect(index, rect)
        view = self.viewport().rect()
        vertical, horizontal = self.verticalScrollBar(), self.horizontalScrollBar()
        if at_top:
            vertical.setValue(vertical.value() + box.top() - MARGIN)
        elif box.top() < view.top() or box.bottom() > view.bottom():
            lead = min(view.height() // 5, max(view.height() - box.height(), 0) // 2)
            vertical.setValue(vertical.value() + box.top() - lead)
        if box.left() < view.left() or box.right() > view.right():
            horizontal.setValue(horizontal.value() + box.left() - MARGIN)

    # --- rendering --------------------------------------------------------------------------------------------

    def page_image(self, index: int, size: QSize) -> QImage | None:
        """Page `index` rendered at `size` (device-independent pixels), from the cache when it is there."""
        if self.pdf is None or size.isEmpty():
            return None
        ratio = self.devicePixelRatioF()
        ratio = min(ratio, (MAX_PAGE_PIXELS / (size.width() * size.height())) ** 0.5)
        pixels = QSize(max(round(size.width() * ratio), 1), max(round(size.height() * ratio), 1))
        image = self._cache.get(index)
        if image is None or image.size() != pixels:
            options = QPdfDocumentRenderOptions()
            options.setRenderFlags(QPdfDocumentRenderOptions.RenderFlag.Annotations)  # a redline's highlights show
            image = self.pdf.render(index, pixels, options)
            image.setDevicePixelRatio(ratio)
            self._cache[index] = image
            while len(self._cache) > 2 and sum(cached.sizeInBytes() for cached in self._cache.values()) > CACHE_BYTES:
                self._cache.popitem(last=False)
        self._cache.move_to_end(index)
        return image

    def cached_pages(self) -> list[int]:
        """The pages rendered so far and still cached (0-based), least recently shown first."""
        return list(self._cache)

    # --- events ---------------------------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.fitting_width and self.sizes:
            old = self.zoom
            self._layout_pages(keep_place=True)
            if abs(old - self.zoom) > 1e-4:
                self._cache.clear()
                self.zoom_changed.emit(self.zoom)
        else:
            self._layout_pages(keep_place=True)
        self._update_current_page()

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            if event.angleDelta().y() > 0:
                self.zoom_in()
            elif event.angleDelta().y() < 0:
                self.zoom_out()
            event.accept()
            return
        super().wheelEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        bar = self.verticalScrollBar()
        if event.key() == Qt.Key.Key_Home:
            bar.setValue(bar.minimum())
        elif event.key() == Qt.Key.Key_End:
            bar.setValue(bar.maximum())
        else:
            super().keyPressEvent(event)


# --- where a span of the text is on the pages ---------------------------------------------------------------------

_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "“": '"', "”": '"', "„": '"', "′": "'", "″": '"'})
_IGNORED = frozenset("-\u00ad\u2010\u2011\u2012\u2013\u2014\x02\ufffe\uffff")  # hyphens break lines differently
_ENDS = 40  # characters of the key matched at each end of a span that is not found whole
_MAX_OCCURRENCES = 12


def _key(text: str) -> tuple[str, list[int]]:
    """`text` as matching compares it (folded, without spaces or hyphens) and the UTF-16 index in `text`
    of each character kept (QtPdf counts in UTF-16 units)."""
    kept: list[str] = []
    where: list[int] = []
    unit = 0
    for char in text:
        for folded in unicodedata.normalize("NFKC", char.translate(_QUOTES)).casefold():
            if not folded.isspace() and folded not in _IGNORED:
                kept.append(folded)
                where.append(unit)
        unit += 2 if ord(char) > 0xFFFF else 1
    return "".join(kept), where


def _lines(rects: Sequence[QRectF]) -> list[QRectF]:
    """Rectangles (one a run of text) joined into one a line."""
    lines: list[QRectF] = []
    for rect in sorted((rect for rect in rects if not rect.isEmpty()), key=lambda r: (r.top(), r.left())):
        line = lines[-1] if lines else None
        if line is not None and line.top() <= rect.center().y() <= line.bottom():
            lines[-1] = line.united(rect)
        else:
            lines.append(QRectF(rect))
    return lines


def _overlap(a: QRectF, b: QRectF) -> float:
    inter = a.intersected(b)
    return 0.0 if inter.isEmpty() else inter.width() * inter.height()


class PdfSpanLocator:
    """Finds spans of a Document's text on the pages of the same PDF opened in QtPdf."""

    def __init__(self, pdf: QPdfDocument, document: Document) -> None:
        self.pdf = pdf
        self.document = document
        self.blocks = sorted(document.blocks, key=lambda block: block.start)
        self._starts = [block.start for block in self.blocks]
        self._pages: dict[int, tuple[str, list[int]]] = {}

    def blocks_in(self, start: int, end: int) -> list[Block]:
        """The blocks that overlap [start, end) (the block at `start` when the span is empty)."""
        end = max(end, start + 1)
        first = max(bisect.bisect_right(self._starts, start) - 1, 0)
        found = []
        for block in self.blocks[first:]:
            if block.start >= end:
                break
            if block.end > start:
                found.append(block)
        return found

    def boxes(self, start: int, end: int) -> list[PageBox]:
        """The lines of [start, end) on the pages, in reading order; [] when nothing of it is on a page."""
        found: list[PageBox] = []
        for block in self.blocks_in(start, end):
            part_start, part_end = max(start, block.start), min(end, block.end)
            found.extend(self._in_block(block, part_start, part_end) or self._block_boxes(block))
        return found

    def first_box(self, offset: int) -> PageBox | None:
        """The box of the block at `offset` (to scroll to the start of a clause)."""
        for block in self.blocks_in(offset, offset + 1):
            boxes = self._block_boxes(block)
            if boxes:
                return boxes[0]
        return None

    def _block_boxes(self, block: Block) -> list[PageBox]:
        return [
            (box.page - 1, QRectF(box.x0, box.top, box.x1 - box.x0, box.bottom - box.top))
            for box in block.boxes
            if 0 < box.page <= self.pdf.pageCount()
        ]

    def _page(self, index: int) -> tuple[str, list[int]]:
        if index not in self._pages:
            self._pages[index] = _key(self.pdf.getAllText(index).text())
        return self._pages[index]

    def _in_block(self, block: Block, start: int, end: int) -> list[PageBox]:
        """The lines of [start, end) matched in the text layer of the block's page, inside the block's box."""
        needle = _key(self.document.text[start:end])[0]
        if not needle:
            return []
        for index, frame in self._block_boxes(block):
            key, where = self._page(index)
            best: tuple[float, list[QRectF]] | None = None
            for first, last in self._occurrences(key, needle)[:_MAX_OCCURRENCES]:
                count = where[last] - where[first] + 1
                rects = [
                    polygon.boundingRect()
                    for polygon in self.pdf.getSelectionAtIndex(index, where[first], count).bounds()
                ]
                lines = _lines(rects)
                score = sum(_overlap(line, frame.adjusted(-4, -4, 4, 4)) for line in lines)
                if score > 0 and (best is None or score > best[0]):
                    best = (score, lines)
            if best is not None:
                return [(index, line) for line in best[1]]
        return []

    @staticmethod
    def _occurrences(key: str, needle: str) -> list[tuple[int, int]]:
        """Where `needle` is in `key` (first and last index): whole, else from its opening to its ending."""
        spans: list[tuple[int, int]] = []
        at = key.find(needle)
        while at >= 0 and len(spans) < _MAX_OCCURRENCES:
            spans.append((at, at + len(needle) - 1))
            at = key.find(needle, at + 1)
        if spans or len(needle) <= 2 * _ENDS:
            return spans
        # A word the text layer spells differently (a ligature, a field): match the two ends instead.
        opening, ending = needle[:_ENDS], needle[-_ENDS:]
        at = key.find(opening)
        while at >= 0 and len(spans) < _MAX_OCCURRENCES:
            close = key.find(ending, at + len(opening), at + len(needle) * 3 // 2 + _ENDS)
            if close >= 0:
                spans.append((at, close + len(ending) - 1))
            at = key.find(opening, at + 1)
        return spans
