"""The contract a reviewer reads beside the findings: its outline, its pages (PDF) or its text (DOCX, text),
and the evidence of the finding at hand highlighted and scrolled into view.

The caller reads the file and segments it on a worker (review.read_bytes, review.segment); this widget
only shows what it is given, so nothing here blocks on analysis.

    >>> view = DocumentView()                                                        # doctest: +SKIP
    >>> document = review.read_bytes(data, path="msa.pdf")                           # on a worker
    >>> view.show_document(document, data, review.segment(document))                 # doctest: +SKIP
    >>> view.highlight(finding.start, finding.end)                                   # doctest: +SKIP
    >>> view.clause_activated.connect(panel.select_findings_at)                      # doctest: +SKIP

A PDF is shown as its pages (gui/pdf_page_view.py), with "Text only" (Ctrl+Shift+T) for the plain text
(for a screen reader, or to copy); a DOCX or text contract as read-only text with its headings in bold.
Ctrl+plus and Ctrl+minus zoom, Ctrl+0 fits the width; the outline is the contract's own numbering.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Sequence

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QModelIndex, QRect, QRectF, QSizeF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QKeySequence,
    QResizeEvent,
    QShowEvent,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QStyle,
    QTextBrowser,
    QTextEdit,
    QToolBar,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from gui.outline_model import PAGE_COLUMN, SECTION_COLUMN, ClauseStartRole, OutlineModel
from gui.pdf_page_view import PdfPageView, PdfSpanLocator
from review.model import Box, Clause, Document

HIGHLIGHT_BACKGROUND = QColor(255, 222, 117)
HIGHLIGHT_UNDERLINE = QColor(176, 96, 0)
SHORT_HEADING = 100  # a "heading" block longer than this is a paragraph: only a clause heading in it goes bold
SHORT_SENTENCE = 40  # a heading block that ends a sentence is a title only when as short as this


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")  # characters Qt counts twice (UTF-16 surrogate pairs)


class DocumentView(QWidget):
    """One contract file: the outline on the left, the pages or the text on the right, a toolbar above."""

    clause_activated = Signal(int)  # the start offset of the clause picked in the outline

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Contract"))
        self.document: Document | None = None
        self.clauses: tuple[Clause, ...] = ()
        self.span: tuple[int, int] | None = None  # the highlighted span of document.text
        self._pdf: QPdfDocument | None = None
        self._pdf_bytes: QByteArray | None = None  # QtPdf reads from the buffer as it needs: keep both alive
        self._pdf_buffer: QBuffer | None = None
        self._locator: PdfSpanLocator | None = None
        self._text_filled = False
        self._astral: list[int] = []  # offsets of characters Qt counts twice (UTF-16), to map offsets
        self._text_zoom = 0
        self._pending: Callable[[], None] | None = None  # a scroll asked for while hidden, done once shown

        self.outline_model = OutlineModel(self)
        self.outline_view = QTreeView(self)
        self.outline_view.setModel(self.outline_model)
        self.outline_view.setAccessibleName(self.tr("Contract outline"))
        self.outline_view.setAccessibleDescription(self.tr("Press Enter on a section to go to it."))
        self.outline_view.setUniformRowHeights(True)
        self.outline_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.outline_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.outline_view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.outline_view.setIndentation(12)  # deep numbering (2 > 2.1 > 2.1(a)) must not eat the titles
        header = self.outline_view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(SECTION_COLUMN, QHeaderView.ResizeMode.Stretch)
        # a fixed width: resizing to contents would ask the model for every row of a 1,000-clause outline
        header.setSectionResizeMode(PAGE_COLUMN, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(PAGE_COLUMN, self.outline_view.fontMetrics().horizontalAdvance("0000") + 16)
        self.outline_view.activated.connect(self._outline_activated)  # Enter, or a double click
        if not self.style().styleHint(QStyle.StyleHint.SH_ItemView_ActivateItemOnSingleClick):
            self.outline_view.clicked.connect(self._outline_activated)  # a single click goes there too

        self.text_view = QTextBrowser(self)
        self.text_view.setAccessibleName(self.tr("Contract text"))
        self.text_view.setOpenLinks(False)
        self.text_view.setUndoRedoEnabled(False)
        self.text_view.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.text_view.document().setDocumentMargin(16)

        self.pdf_view = PdfPageView(self)
        self.pdf_view.setAccessibleName(self.tr("Contract text"))
        self.pdf_view.setAccessibleDescription(
            self.tr("The pages of the PDF. Choose Text only to read its text with a screen reader.")
        )
        self.pdf_view.current_page_changed.connect(self._show_page_number)

        self.placeholder = QLabel(self.tr("No contract is open."), self)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.notice = QLabel(self)  # why a PDF is shown as text, when it is
        self.notice.setWordWrap(True)
        self.notice.hide()

        self.stack = QStackedWidget(self)
        for widget in (self.placeholder, self.text_view, self.pdf_view):
            self.stack.addWidget(widget)

        self._build_actions()
        self.page_label = QLabel(self)
        self.page_label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        # A tool bar, not a row: when the view is narrow (large fonts) what does not fit goes behind its » button
        # instead of widening the window; every action keeps its shortcut.
        toolbar = QToolBar(self)
        toolbar.setAccessibleName(self.tr("Contract tools"))
        toolbar.addWidget(self.outline_button)
        toolbar.addWidget(self.page_label)
        spacer = QWidget(toolbar)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(spacer)
        for button in (self.text_only_button, self.zoom_out_button, self.zoom_in_button, self.fit_width_button):
            toolbar.addWidget(button)
        for button in (self.outline_button, self.text_only_button, self.zoom_out_button, self.zoom_in_button,
                       self.fit_width_button):  # fmt: skip
            button.setAutoRaise(False)  # framed, so they read as buttons (a tool bar makes them flat)

        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.notice)
        right_layout.addWidget(self.stack, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.outline_view)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 0)  # the outline keeps its width; the pages take what is left
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self._outline_chosen = False  # until the reviewer shows or hides it, the outline goes where there is room

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(toolbar)
        layout.addWidget(self.splitter, 1)
        # The outline and the contract first (where the reading is), then the toolbar.
        order = (self.outline_view, self.pdf_view, self.text_view, self.outline_button, self.text_only_button,
                 self.zoom_out_button, self.zoom_in_button, self.fit_width_button)  # fmt: skip
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)
        self.clear()

    def _build_actions(self) -> None:
        # Each action has a Ctrl key, shown in its tooltip; no Alt key: those belong to the panel's own buttons.
        def action(text: str, keys: Sequence[QKeySequence | str], slot: Callable[[], None]) -> QAction:
            made = QAction(text, self)
            made.setShortcuts([QKeySequence(key) for key in keys])
            made.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)  # not while other panels work
            made.triggered.connect(slot)
            self.addAction(made)
            return made

        self.zoom_in_action = action(
            self.tr("Zoom in"), [QKeySequence(QKeySequence.StandardKey.ZoomIn), "Ctrl+="], self.zoom_in
        )
        self.zoom_out_action = action(
            self.tr("Zoom out"), [QKeySequence(QKeySequence.StandardKey.ZoomOut)], self.zoom_out
        )
        # Short signs on the buttons (their tooltips and accessible names say it in words): the toolbar then fits
        # beside the findings at 200 % font size.
        self.zoom_in_action.setIconText(self.tr("+"))
        self.zoom_out_action.setIconText(self.tr("−"))
        self.fit_width_action = action(self.tr("Fit width"), ["Ctrl+0"], self.fit_width)
        self.text_only_action = action(self.tr("Text only"), ["Ctrl+Shift+T"], lambda: None)
        self.text_only_action.setCheckable(True)
        self.text_only_action.toggled.connect(self._set_text_only)
        self.outline_action = action(self.tr("Outline"), ["Ctrl+Shift+L"], lambda: None)
        self.outline_action.setCheckable(True)
        self.outline_action.setChecked(True)
        self.outline_action.toggled.connect(self._set_outline_shown)
        self.outline_action.triggered.connect(lambda: setattr(self, "_outline_chosen", True))  # by key or click

        def button(made: QAction, name: str) -> QToolButton:
            tool = QToolButton(self)
            tool.setDefaultAction(made)
            tool.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            tool.setAccessibleName(name)
            tool.setToolTip(
                self.tr("{action} ({keys})").format(
                    action=made.text().replace("&", ""),
                    keys=made.shortcut().toString(QKeySequence.SequenceFormat.NativeText),
                )
            )
            return tool

        self.zoom_in_button = button(self.zoom_in_action, self.tr("Zoom in"))
        self.zoom_out_button = button(self.zoom_out_action, self.tr("Zoom out"))
        self.fit_width_button = button(self.fit_width_action, self.tr("Fit to width"))
        self.text_only_button = button(self.text_only_action, self.tr("Show the contract as plain text"))
        self.outline_button = button(self.outline_action, self.tr("Show the outline"))

    # --- the public API -------------------------------------------------------------------------------------------

    def show_document(self, document: Document, data: bytes, clauses: Sequence[Clause]) -> None:
        """Show one contract file: `document` as review.read_bytes read `data`, cut into `clauses`."""
        self.clear()
        self.document = document
        self.clauses = tuple(clauses)
        self._astral = [found.start() for found in _ASTRAL.finditer(document.text)]
        self.outline_model.set_clauses(self.clauses)
        self.outline_view.expandAll()
        self.outline_view.setColumnHidden(PAGE_COLUMN, len(document.pages) <= 1)
        if document.format == "pdf" and self._open_pdf(data):
            self.pdf_view.set_document(
                self._pdf, [QSizeF(page.width, page.height) if page.width and page.height else None
                            for page in document.pages]
            )  # fmt: skip
            self.stack.setCurrentWidget(self.pdf_view)
            self.text_only_action.setEnabled(True)
            self.text_only_button.show()
        else:
            if document.format == "pdf":
                self.notice.setText(self.tr("The pages of this PDF cannot be shown; its text is shown instead."))
                self.notice.show()
            self._fill_text()
            self.stack.setCurrentWidget(self.text_view)
        for made in (self.zoom_in_action, self.zoom_out_action, self.fit_width_action):
            made.setEnabled(True)
        self._show_page_number(self.pdf_view.current_page())

    def highlight(self, start: int, end: int) -> None:
        """Scroll to [start, end) of document.text and highlight it, instead of the span highlighted before.
        A span that is not in the document (or not on any page) removes the old highlight and goes nowhere."""
        document = self.document
        if document is None:
            return
        start, end = max(start, 0), min(end, len(document.text))
        boxes = self._locator.boxes(start, end) if self._locator is not None and end > start else []
        if end <= start or (self._showing_pages() and not boxes):
            self.clear_highlight()
            return
        self.span = (start, end)
        self.pdf_view.set_highlight(boxes)
        if self._text_filled:
            self._mark_text(start, end)
        self._select_clause(start)
        if self._showing_pages():
            page, rect = boxes[0]
            self._when_shown(lambda: self.pdf_view.scroll_to(page, rect))
        else:
            self._when_shown(lambda: self._scroll_text(start, end))

    def clear_highlight(self) -> None:
        self.span = None
        self.pdf_view.clear_highlight()
        self.text_view.setExtraSelections([])

    def clear(self) -> None:
        """Show nothing (and let go of the file)."""
        self.document = None
        self.clauses = ()
        self.span = None
        self._pending = None
        self._locator = None
        self.pdf_view.clear()
        if self._pdf is not None:
            self._pdf.close()
            self._pdf.deleteLater()
        if self._pdf_buffer is not None:
            self._pdf_buffer.close()
            self._pdf_buffer.deleteLater()
        self._pdf = self._pdf_buffer = self._pdf_bytes = None
        self.text_view.setExtraSelections([])
        self.text_view.clear()
        self._text_filled = False
        self._astral = []
        self.outline_model.clear()
        self.notice.hide()
        self.stack.setCurrentWidget(self.placeholder)
        self.text_only_action.blockSignals(True)
        self.text_only_action.setChecked(False)
        self.text_only_action.blockSignals(False)
        for made in (self.zoom_in_action, self.zoom_out_action, self.fit_width_action, self.text_only_action):
            made.setEnabled(False)
        self.text_only_button.hide()  # only a PDF has pages to switch from
        self.page_label.clear()

    # --- zoom -----------------------------------------------------------------------------------------------

    def zoom_in(self) -> None:
        if self._showing_pages():
            self.pdf_view.zoom_in()
        elif self.document is not None:
            self._zoom_text(1)

    def zoom_out(self) -> None:
        if self._showing_pages():
            self.pdf_view.zoom_out()
        elif self.document is not None:
            self._zoom_text(-1)

    def fit_width(self) -> None:
        """Pages as wide as the view; text (which always wraps to the width) back at its usual size."""
        if self._showing_pages():
            self.pdf_view.fit_width()
        elif self.document is not None:
            self._zoom_text(-self._text_zoom)

    def _zoom_text(self, steps: int) -> None:
        steps = max(-4, min(self._text_zoom + steps, 12)) - self._text_zoom
        if steps:
            self.text_view.zoomIn(steps)
            self._text_zoom += steps

    # --- where things are (for the caller and the tests) ------------------------------------------------------

    def highlight_rect(self) -> QRect | None:
        """Where the start of the highlight is now, in this widget's coordinates (None without one)."""
        if self.span is None:
            return None
        if self._showing_pages():
            page, rect = self.pdf_view.highlight[0]
            box = self.pdf_view.viewport_rect(page, rect)
            return box.translated(self.pdf_view.viewport().mapTo(self, self.pdf_view.viewport().rect().topLeft()))
        start, end = self.span
        first = self.text_view.cursorRect(self._cursor(start))
        box = first
        for stop in range(min(end, start + 40), start, -1):  # as far along the first line as the span goes
            last = self.text_view.cursorRect(self._cursor(stop))
            if last.top() == first.top():
                box = first.united(last)
                break
        return box.translated(self.text_view.viewport().mapTo(self, self.text_view.viewport().rect().topLeft()))

    def visible_rect(self) -> QRect:
        """The part of this widget where the pages or the text show."""
        viewport = (self.pdf_view if self._showing_pages() else self.text_view).viewport()
        return viewport.rect().translated(viewport.mapTo(self, viewport.rect().topLeft()))

    def _showing_pages(self) -> bool:
        return self.stack.currentWidget() is self.pdf_view

    # --- PDF --------------------------------------------------------------------------------------------------

    def _open_pdf(self, data: bytes) -> bool:
        """Load the PDF for QtPdf; False when it cannot show it (then the text is shown)."""
        self._pdf_bytes = QByteArray(data)
        self._pdf_buffer = QBuffer(self._pdf_bytes, self)
        self._pdf_buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self._pdf = QPdfDocument(self)
        self._pdf.load(self._pdf_buffer)  # from memory it is read at once
        if self._pdf.status() != QPdfDocument.Status.Ready or self._pdf.pageCount() == 0:
            self._pdf.close()
            self._pdf.deleteLater()
            self._pdf_buffer.close()
            self._pdf_buffer.deleteLater()
            self._pdf = self._pdf_buffer = self._pdf_bytes = None
            return False
        assert self.document is not None
        self._locator = PdfSpanLocator(self._pdf, self.document)
        return True

    def _show_page_number(self, page: int) -> None:
        if self._showing_pages() and page:
            self.page_label.setText(
                self.tr("Page {page} of {count}").format(page=page, count=self.pdf_view.page_count())
            )
        else:
            self.page_label.clear()

    def _set_text_only(self, text_only: bool) -> None:
        if self.document is None or self._pdf is None:
            return
        if text_only:
            self._fill_text()
            self.stack.setCurrentWidget(self.text_view)
            if self.span is not None:
                start, end = self.span
                self._mark_text(start, end)
                self._when_shown(lambda: self._scroll_text(start, end))
        else:
            self.stack.setCurrentWidget(self.pdf_view)
            if self.span is not None and self.pdf_view.highlight:
                page, rect = self.pdf_view.highlight[0]
                self._when_shown(lambda: self.pdf_view.scroll_to(page, rect))
        self._show_page_number(self.pdf_view.current_page())

    def _set_outline_shown(self, shown: bool) -> None:
        self.outline_view.setVisible(shown)
        if shown:
            width = self._outline_width()
            self.splitter.setSizes([width, max(self.splitter.width() - width, 1)])

    def _outline_width(self) -> int:
        return self.fontMetrics().averageCharWidth() * 28  # in characters, so it grows with the font

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Show the outline only when the pages keep a readable width beside it (60 characters), unless the
        reviewer chose (Ctrl+Shift+L); at large font sizes the contract needs the room."""
        super().resizeEvent(event)
        if not self._outline_chosen:
            roomy = self.width() >= self._outline_width() + self.fontMetrics().averageCharWidth() * 60
            if self.outline_action.isChecked() != roomy:
                self.outline_action.setChecked(roomy)

    # --- text ---------------------------------------------------------------------------------------------

    def _fill_text(self) -> None:
        """The document's text, once, with its headings in bold (offsets stay those of document.text)."""
        if self._text_filled or self.document is None:
            return
        self.text_view.setPlainText(self.document.text)
        bold = QTextCharFormat()
        bold.setFontWeight(QFont.Weight.Bold)
        cursor = QTextCursor(self.text_view.document())
        cursor.beginEditBlock()
        for start, end in self._heading_spans():
            cursor.setPosition(self._position(start))
            cursor.setPosition(self._position(end), QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(bold)
        cursor.endEditBlock()
        self._text_filled = True

    def _heading_spans(self) -> list[tuple[int, int]]:
        """The spans to set in bold: short heading blocks whole, else a clause's number and heading."""
        assert self.document is not None
        text = self.document.text
        headed = {clause.start for clause in self.clauses if clause.heading}
        spans = []
        for block in self.document.blocks:
            words = text[block.start : block.end].strip()
            # A Word "heading" style is often put on a whole numbered paragraph: bold only what reads as a title.
            if block.kind not in ("title", "heading") or block.start in headed or "\n" in words:
                continue
            if len(words) <= SHORT_HEADING and (len(words) <= SHORT_SENTENCE or not words.endswith((".", ";"))):
                spans.append((block.start, block.end))
        for clause in self.clauses:
            if not clause.heading:
                continue
            window = text[clause.start : clause.start + len(clause.number or "") + len(clause.heading) + 16]
            at = window.find(clause.heading)
            if at < 0:
                continue
            end = clause.start + at + len(clause.heading)
            if text[end : end + 1] in (".", ":"):
                end += 1
            spans.append((clause.start, end))
        return spans

    def _position(self, offset: int) -> int:
        """A document.text offset as a QTextDocument position (which counts UTF-16 units)."""
        return offset + bisect.bisect_left(self._astral, offset)

    def _cursor(self, offset: int, end: int | None = None) -> QTextCursor:
        cursor = QTextCursor(self.text_view.document())
        cursor.setPosition(self._position(offset))
        if end is not None:
            cursor.setPosition(self._position(end), QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def _mark_text(self, start: int, end: int) -> None:
        selection = QTextEdit.ExtraSelection()
        selection.cursor = self._cursor(start, end)
        selection.format.setBackground(HIGHLIGHT_BACKGROUND)
        # Underlined as well as shaded, so it shows without colour too.
        selection.format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        selection.format.setUnderlineColor(HIGHLIGHT_UNDERLINE)
        self.text_view.setExtraSelections([selection])

    def _scroll_text(self, start: int, end: int, *, at_top: bool = False) -> None:
        """The caret to `start` (for keyboard users), and `start` into view: where it is if the span is all in
        view already (unless `at_top`), else a fifth of the way down (at the top with `at_top`)."""
        bar = self.text_view.verticalScrollBar()
        kept = bar.value()
        self.text_view.setTextCursor(self._cursor(start))  # it scrolls just enough to show the caret: undone
        bar.setValue(kept)
        first = self.text_view.cursorRect(self._cursor(start))
        last = self.text_view.cursorRect(self._cursor(end))
        view = self.text_view.viewport().rect()
        if at_top:
            bar.setValue(bar.value() + first.top() - 8)
        elif first.top() < view.top() or last.bottom() > view.bottom():
            lead = min(view.height() // 5, max(view.height() - (last.bottom() - first.top()), 0) // 2)
            bar.setValue(bar.value() + first.top() - lead)

    # --- the outline -----------------------------------------------------------------------------------------

    def _outline_activated(self, index: QModelIndex) -> None:
        start = index.data(ClauseStartRole)
        if start is None:
            return
        self.scroll_to_offset(start)
        self.clause_activated.emit(start)

    def scroll_to_offset(self, offset: int) -> None:
        """Bring the text at `offset` (the start of a clause) to the top of the view."""
        if self.document is None:
            return
        if self._showing_pages():
            assert self._locator is not None
            clause = next((clause for clause in self.clauses if clause.start == offset and clause.boxes), None)
            found = (clause.boxes[0].page - 1, _rect(clause.boxes[0])) if clause else self._locator.first_box(offset)
            if found is not None:
                page, rect = found
                self._when_shown(lambda: self.pdf_view.scroll_to(page, rect, at_top=True))
        else:
            self._when_shown(lambda: self._scroll_text(offset, offset, at_top=True))

    def _select_clause(self, offset: int) -> None:
        """Show in the outline which clause the highlight is in (without activating it)."""
        index = self.outline_model.index_at_offset(offset)
        if index.isValid():
            self.outline_view.setCurrentIndex(index)
            self.outline_view.scrollTo(index)

    # --- scrolling once the widget has its size ------------------------------------------------------------

    def _when_shown(self, scroll: Callable[[], None]) -> None:
        if self.isVisible():
            self._pending = None
            scroll()
        else:
            self._pending = scroll  # positions are only known once laid out at the size it is shown at

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._pending is not None:
            QTimer.singleShot(0, self._run_pending)

    def _run_pending(self) -> None:
        scroll, self._pending = self._pending, None
        if scroll is not None:
            self._when_shown(scroll)


def _rect(box: Box) -> QRectF:
    """A review.model.Box as a rectangle in points on its page."""
    return QRectF(box.x0, box.top, box.x1 - box.x0, box.bottom - box.top)
