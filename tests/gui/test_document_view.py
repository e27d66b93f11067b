"""The contract viewer on real files: a CUAD PDF, the Common Paper cloud service agreement (DOCX) and a text
contract. Each is read and segmented as the case panel does (review.read_bytes, review.segment), shown, and
driven with the keyboard; what the user would see is checked on the widget's own pixels."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QRect, QRectF, Qt
from PySide6.QtGui import QFont, QImage, QTextCursor
from pytestqt.qtbot import QtBot

import review
from gui.document_view import DocumentView
from gui.outline_model import ClauseStartRole, OutlineModel, number_depth
from gui.pdf_page_view import PdfSpanLocator
from review.model import Clause, Document
from tests.conftest import DATA, corpus_path

PDF = DATA / "cuad" / "Freecook-Hosting-Agreement.pdf"
TEXT = DATA / "contracts" / "cloud-services-v1.txt"
# Evidence a finding would point at, well down each contract.
PDF_SENTENCE = "Company is not obligated to provide any Customer Service except as specified in this Section."
DOCX_SENTENCE = "Provider may use all Feedback freely without any restriction or obligation."
TEXT_SENTENCE = "Provider's total liability under this Agreement shall not exceed the fees paid by Customer"


def docx_path() -> Path:
    return corpus_path("saas_templates", "common_paper", "common-paper-cloud-service-agreement", "template.docx")


def read(path: Path) -> tuple[Document, bytes, list[Clause]]:
    data = path.read_bytes()
    document = review.read_bytes(data, path=path.name)
    return document, data, list(review.segment(document))


@pytest.fixture
def view(qtbot: QtBot) -> DocumentView:
    widget = DocumentView()
    qtbot.addWidget(widget)
    widget.resize(1000, 640)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def show(view: DocumentView, path: Path) -> tuple[Document, list[Clause]]:
    document, data, clauses = read(path)
    view.show_document(document, data, clauses)
    return document, clauses


def span_of(document: Document, sentence: str) -> tuple[int, int]:
    start = document.text.index(sentence)
    return start, start + len(sentence)


def changed_pixels(before: QImage, after: QImage, rect: QRect) -> float:
    """The share of the pixels in `rect` that differ between two grabs."""
    differing = total = 0
    for y in range(rect.top(), rect.bottom() + 1, 2):
        for x in range(rect.left(), rect.right() + 1, 2):
            total += 1
            differing += before.pixel(x, y) != after.pixel(x, y)
    return differing / max(total, 1)


def check_highlight_scrolls_and_paints(view: DocumentView, qtbot: QtBot, start: int, end: int) -> None:
    bar = (view.pdf_view if view.stack.currentWidget() is view.pdf_view else view.text_view).verticalScrollBar()
    assert bar.value() == 0
    view.highlight(start, end)
    assert bar.value() > 0  # it scrolled down to the evidence
    rect = view.highlight_rect()
    assert rect is not None and not rect.isEmpty()
    assert view.visible_rect().contains(rect), (rect, view.visible_rect())
    highlighted = view.grab().toImage()
    view.clear_highlight()
    assert bar.value() > 0  # the same place, without the mark
    plain = view.grab().toImage()
    assert changed_pixels(plain, highlighted, rect) > 0.5


# --- PDF ------------------------------------------------------------------------------------------------------------


def test_document_view_shows_pdf_pages_lazily(view: DocumentView, qtbot: QtBot) -> None:
    show(view, PDF)
    assert view.stack.currentWidget() is view.pdf_view
    assert view.pdf_view.page_count() == 3
    first, second, third = view.pdf_view.page_rects
    assert first.bottom() < second.top() < second.bottom() < third.top()  # one under the other
    assert view.page_label.text() == "Page 1 of 3"
    view.grab()
    # Only what the view shows is rendered: the first page (and the top of the second), not the third.
    assert 0 in view.pdf_view.cached_pages()
    assert 2 not in view.pdf_view.cached_pages()


def test_document_view_highlight_scrolls_to_pdf_evidence_and_paints_it(view: DocumentView, qtbot: QtBot) -> None:
    document, _ = show(view, PDF)
    start, end = span_of(document, PDF_SENTENCE)
    check_highlight_scrolls_and_paints(view, qtbot, start, end)


def test_document_view_highlight_marks_the_sentence_not_the_paragraph(view: DocumentView) -> None:
    document, _ = show(view, PDF)
    start, end = span_of(document, PDF_SENTENCE)
    view.highlight(start, end)
    (block,) = [block for block in document.blocks if block.start <= start < block.end]
    (box,) = block.boxes
    lines = view.pdf_view.highlight
    assert len(lines) == 1  # one line of the clause's six
    page, rect = lines[0]
    assert page == box.page - 1
    assert box.top - 1 <= rect.top() and rect.bottom() <= box.bottom + 1
    assert rect.height() < (box.bottom - box.top) / 3


def test_document_view_pdf_span_locator_falls_back_to_the_paragraph_box(view: DocumentView) -> None:
    document, _ = show(view, PDF)
    pdf = view.pdf_view.pdf
    assert pdf is not None
    block = next(block for block in document.blocks if block.boxes)
    altered = document.text[block.start : block.end].replace("e", "x")  # nowhere in the text layer
    fake = Document(document.path, document.sha256, "pdf", altered, document.pages, (block,))
    boxes = PdfSpanLocator(pdf, fake).boxes(block.start, block.start + 50)
    assert [(page + 1, rect.top()) for page, rect in boxes] == [(box.page, box.top) for box in block.boxes]
    assert PdfSpanLocator(pdf, document).boxes(len(document.text) + 10, len(document.text) + 20) == []


def test_document_view_shows_the_text_of_a_pdf_it_cannot_render(view: DocumentView) -> None:
    document, _, clauses = read(PDF)
    view.show_document(document, b"%PDF-1.4 truncated", clauses)
    assert view.stack.currentWidget() is view.text_view
    assert view.notice.isVisibleTo(view) and "cannot be shown" in view.notice.text()
    start, end = span_of(document, PDF_SENTENCE)
    view.highlight(start, end)
    (selection,) = view.text_view.extraSelections()
    assert selection.cursor.selectedText() == PDF_SENTENCE


def test_document_view_zooms_with_the_keyboard(view: DocumentView, qtbot: QtBot) -> None:
    show(view, PDF)
    view.pdf_view.setFocus()
    fitted = view.pdf_view.zoom
    width = view.pdf_view.page_rect(0).width()
    qtbot.keyClick(view.pdf_view, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert view.pdf_view.zoom == pytest.approx(fitted * 1.25)
    assert view.pdf_view.page_rect(0).width() > width
    qtbot.keyClick(view.pdf_view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view.pdf_view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert view.pdf_view.zoom == pytest.approx(fitted / 1.25)
    qtbot.keyClick(view.pdf_view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert view.pdf_view.zoom == pytest.approx(fitted)
    assert view.pdf_view.fitting_width


def test_document_view_keeps_the_highlight_in_view_when_zooming(view: DocumentView) -> None:
    document, _ = show(view, PDF)
    view.highlight(*span_of(document, PDF_SENTENCE))
    view.zoom_in()
    view.zoom_in()
    rect = view.highlight_rect()
    assert rect is not None and view.visible_rect().intersects(rect)


def test_document_view_text_only_shows_the_pdf_text_with_the_highlight(view: DocumentView, qtbot: QtBot) -> None:
    document, _ = show(view, PDF)
    start, end = span_of(document, PDF_SENTENCE)
    view.highlight(start, end)
    view.text_view.setFocus()  # any control inside the viewer
    qtbot.keyClick(
        view.text_only_button, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert view.stack.currentWidget() is view.text_view
    assert view.text_view.toPlainText() == document.text
    (selection,) = view.text_view.extraSelections()
    assert selection.cursor.selectedText() == PDF_SENTENCE
    rect = view.highlight_rect()
    assert rect is not None and view.visible_rect().contains(rect)
    qtbot.keyClick(
        view.text_only_button, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert view.stack.currentWidget() is view.pdf_view


# --- DOCX and text ---------------------------------------------------------------------------------------------------


def test_document_view_highlight_scrolls_to_docx_evidence_and_paints_it(view: DocumentView, qtbot: QtBot) -> None:
    document, _ = show(view, docx_path())
    assert view.stack.currentWidget() is view.text_view
    assert view.text_only_button.isHidden()
    assert view.text_view.toPlainText() == document.text
    start, end = span_of(document, DOCX_SENTENCE)
    check_highlight_scrolls_and_paints(view, qtbot, start, end)
    # The outline shows which clause the evidence is in.
    assert view.outline_view.currentIndex().data() == "1.4 Feedback and Usage Data"


def test_document_view_sets_docx_headings_in_bold(view: DocumentView) -> None:
    document, clauses = show(view, docx_path())
    clause = next(clause for clause in clauses if clause.number == "1.4")

    def weight(offset: int) -> int:
        cursor = QTextCursor(view.text_view.document())
        cursor.setPosition(offset + 1)
        return cursor.charFormat().fontWeight()

    assert weight(clause.start) == QFont.Weight.Bold  # "1.4 Feedback and Usage Data."
    assert weight(document.text.index("Customer may, but is not required to")) != QFont.Weight.Bold


def test_document_view_highlight_scrolls_to_text_evidence_and_paints_it(view: DocumentView, qtbot: QtBot) -> None:
    view.resize(700, 260)  # a short contract: a small window, so that its end is out of view
    document, _ = show(view, TEXT)
    start, end = span_of(document, TEXT_SENTENCE)
    check_highlight_scrolls_and_paints(view, qtbot, start, end)
    assert view.text_view.extraSelections() == []  # cleared by check_highlight_scrolls_and_paints
    view.highlight(start, end)
    (selection,) = view.text_view.extraSelections()
    assert selection.format.underlineStyle() != selection.format.UnderlineStyle.NoUnderline  # not colour alone


def test_document_view_scrolls_once_shown_when_asked_while_hidden(qtbot: QtBot) -> None:
    view = DocumentView()  # as in a case panel that is not the current section yet
    qtbot.addWidget(view)
    view.resize(1000, 640)
    document, _ = show(view, PDF)
    view.highlight(*span_of(document, PDF_SENTENCE))
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: view.pdf_view.verticalScrollBar().value() > 0)
    rect = view.highlight_rect()
    assert rect is not None and view.visible_rect().contains(rect)


def test_document_view_tab_goes_through_outline_contract_and_toolbar(view: DocumentView, qtbot: QtBot) -> None:
    show(view, PDF)
    view.outline_view.setFocus()
    names = [view.focusWidget().accessibleName()]
    for _ in range(7):
        qtbot.keyClick(view.focusWidget(), Qt.Key.Key_Tab)
        names.append(view.focusWidget().accessibleName())
    assert names == [
        "Contract outline", "Contract text", "Show the outline", "Show the contract as plain text",
        "Zoom out", "Zoom in", "Fit to width", "Contract outline",
    ]  # fmt: skip


def test_document_view_ignores_a_span_that_is_not_there(view: DocumentView) -> None:
    document, _ = show(view, TEXT)
    view.highlight(*span_of(document, TEXT_SENTENCE))
    bar = view.text_view.verticalScrollBar()
    where = bar.value()
    view.highlight(len(document.text) + 5, len(document.text) + 40)
    view.highlight(30, 30)
    assert view.span is None and view.text_view.extraSelections() == []
    assert bar.value() == where
    view.clear()
    view.highlight(0, 10)  # nothing shown: nothing happens


def test_document_view_clear_shows_nothing(view: DocumentView) -> None:
    show(view, PDF)
    view.clear()
    assert view.stack.currentWidget() is view.placeholder
    assert view.outline_model.rowCount() == 0
    assert view.pdf_view.page_count() == 0
    assert not view.zoom_in_action.isEnabled()


# --- the outline --------------------------------------------------------------------------------------------------


def all_indexes(model: OutlineModel, parent: QModelIndex = QModelIndex()) -> list[QModelIndex]:  # noqa: B008
    found = []
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        found += [index, *all_indexes(model, index)]
    return found


def test_document_view_outline_lists_the_clauses_as_a_tree(view: DocumentView) -> None:
    _, clauses = show(view, docx_path())
    indexes = all_indexes(view.outline_model)
    assert sorted(index.data(ClauseStartRole) for index in indexes) == sorted(clause.start for clause in clauses)
    service = next(index for index in indexes if index.data() == "1 Service")
    children = [view.outline_model.index(row, 0, service).data() for row in range(view.outline_model.rowCount(service))]
    assert children[:2] == ["1.1 Access and Use", "1.2 Support"]
    assert view.outline_view.accessibleName() == "Contract outline"
    assert view.text_view.accessibleName() == "Contract text"


def test_document_view_outline_enter_goes_to_the_clause(view: DocumentView, qtbot: QtBot) -> None:
    _, clauses = show(view, docx_path())
    clause = next(clause for clause in clauses if clause.number == "5.4")
    index = next(index for index in all_indexes(view.outline_model) if index.data(ClauseStartRole) == clause.start)
    view.outline_view.setFocus()
    view.outline_view.setCurrentIndex(index)
    bar = view.text_view.verticalScrollBar()
    assert bar.value() == 0
    with qtbot.waitSignal(view.clause_activated, timeout=1000) as signal:
        qtbot.keyClick(view.outline_view, Qt.Key.Key_Return)
    assert signal.args == [clause.start]
    assert bar.value() > 0
    top = view.text_view.cursorRect(view.text_view.textCursor())
    assert 0 <= top.top() < view.text_view.viewport().height() // 4  # the clause is at the top of the view


def test_document_view_outline_goes_to_a_pdf_clause(view: DocumentView, qtbot: QtBot) -> None:
    _, clauses = show(view, PDF)
    view.resize(1000, 400)
    clause = next(clause for clause in clauses if clause.number == "4")
    index = next(index for index in all_indexes(view.outline_model) if index.data(ClauseStartRole) == clause.start)
    with qtbot.waitSignal(view.clause_activated, timeout=1000) as signal:
        view.outline_view.activated.emit(index)
    assert signal.args == [clause.start]
    box = clause.boxes[0]
    where = view.pdf_view.viewport_rect(box.page - 1, QRectF(box.x0, box.top, box.x1 - box.x0, box.bottom - box.top))
    assert 0 <= where.top() < view.pdf_view.viewport().height() // 4  # the clause is at the top of the view


@pytest.mark.parametrize("path", [PDF, TEXT, None], ids=["pdf", "text", "docx"])
def test_outline_model_passes_the_model_tester(qtmodeltester, path: Path | None) -> None:  # type: ignore[no-untyped-def]
    _, _, clauses = read(path or docx_path())
    model = OutlineModel()
    model.set_clauses(clauses)
    qtmodeltester.check(model)
    model.clear()
    qtmodeltester.check(model)


def test_outline_model_depth_follows_the_numbering() -> None:
    assert [number_depth(number, 0) for number in ("1", "1.2", "2.1(a)", "5.3(a)(ii)", "Article V", None)] == [
        0, 1, 2, 3, 0, 0,
    ]  # fmt: skip
    assert number_depth(None, 2) == 2


def test_document_view_outline_goes_where_there_is_room_until_the_reviewer_chooses(
    view: DocumentView, qtbot: QtBot
) -> None:
    show(view, TEXT)
    assert view.outline_view.isVisible()  # 1000 pixels: room for both
    view.resize(450, 640)
    qtbot.waitUntil(lambda: not view.outline_view.isVisible())  # the contract keeps a readable width
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    view.text_view.setFocus()
    control_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(view.text_view, Qt.Key.Key_L, control_shift)
    assert view.outline_view.isVisible()
    view.resize(440, 640)
    qtbot.wait(20)
    assert view.outline_view.isVisible()  # shown on purpose: it stays
