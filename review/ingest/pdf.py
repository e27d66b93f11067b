"""PDF: the text layer read through PDFium (fast, with positions), laid out by review.ingest.layout.

PDFium (pypdfium2, which pdfplumber itself stands on) gives each run of text with its rectangle in a few
milliseconds a page; pdfplumber's per-character objects are about fifty times slower, so pdfplumber is used
for its table geometry only (review.ingest.tables). Pages without a text layer go to OCR.
"""

from __future__ import annotations

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from review import errors
from review.ingest import layout, ocr, tables
from review.ingest.builder import Content, TextBuilder, check_page_limit
from review.model import Page, Progress

_MIN_CHARS_FOR_TEXT_LAYER = 20


def read_pdf(data: bytes, *, password: str | None, max_pages: int, progress: Progress | None = None) -> Content:
    try:
        pdf = pdfium.PdfDocument(data, password=password)
    except pdfium.PdfiumError as exc:
        if exc.err_code == pdfium.raw.FPDF_ERR_PASSWORD:
            if password:
                raise errors.EncryptedDocument("The PDF password given is not correct.") from None
            raise errors.EncryptedDocument(
                "The PDF is protected by a password; give it with --password, or ask the vendor for an "
                "unprotected copy."
            ) from None
        raise errors.CorruptPdf(
            "The PDF is damaged or incomplete and cannot be read; ask the sender for a new copy."
        ) from None
    try:
        return _read(pdf, max_pages, progress)
    finally:
        pdf.close()


def _read(pdf: pdfium.PdfDocument, max_pages: int, progress: Progress | None) -> Content:
    count = len(pdf)
    if count == 0:
        raise errors.CorruptPdf("The PDF has no pages; ask the sender for a complete copy.")
    check_page_limit(count, max_pages)
    pages: list[Page] = []
    page_runs: list[layout.PageRuns] = []
    scanned: list[int] = []
    for index in range(count):
        try:
            page = pdf[index]
        except pdfium.PdfiumError:
            raise errors.CorruptPdf(f"Page {index + 1} of the PDF is damaged; ask the sender for a new copy.") from None
        try:
            width, height = page.get_size()
            runs = layout.PageRuns(index + 1, width, height)
            textpage = page.get_textpage()
            try:
                if textpage.count_chars() < _MIN_CHARS_FOR_TEXT_LAYER and _has_images(page):
                    scanned.append(index)
                else:
                    runs.runs = _runs(textpage, height)
                    runs.tables = tables.find_tables(page, height) if runs.runs else []
            finally:
                textpage.close()
        finally:
            page.close()
        pages.append(Page(index + 1, round(width, 1), round(height, 1)))
        page_runs.append(runs)
        if progress is not None:  # a scanned page found counts twice: read now, recognised by OCR later
            progress((index + 1) / (count + len(scanned)), f"Reading page {index + 1} of {count}")

    warnings: list[str] = []
    used_ocr = False
    if scanned:
        if not ocr.available():
            if len(scanned) == count:
                raise errors.OcrUnavailable(
                    "The PDF is a scan with no text layer; install OCR to read it: apt-get install "
                    "tesseract-ocr, then pip install 'contract-review[ocr]'."
                )
            warnings.append(
                f"{len(scanned)} page(s) have no text layer and were skipped ({_page_list(scanned)}); "
                "install tesseract-ocr and the [ocr] extra to read them."
            )
        else:
            for done, index in enumerate(scanned):
                if progress is not None:  # OCR takes seconds a page: each is a step of its own
                    steps = count + len(scanned)
                    progress((count + done) / steps, f"Recognising the scanned page {index + 1} by OCR")
                page = pdf[index]
                try:
                    page_runs[index] = ocr.read_page(page, index + 1)
                finally:
                    page.close()
            used_ocr = True
            warnings.append(f"Read by OCR: {_page_list(scanned)}; check quoted text against the original.")

    laid_out = [(runs, layout.lines(runs)) for runs in page_runs]
    builder = TextBuilder()
    layout.paragraphs(layout.drop_running_lines(laid_out), builder)
    return Content(
        text=builder.text,
        blocks=tuple(builder.blocks),
        pages=tuple(pages),
        has_text_layer=len(scanned) < count,
        ocr=used_ocr,
        warnings=tuple(warnings),
    )


def _runs(textpage: pdfium.PdfTextPage, height: float) -> list[layout.Run]:
    """The page's characters, each read once, grouped into runs: a run ends at PDFium's line breaks and
    at gaps wider than a letter, so that columns and table cells stay apart. (PDFium's own text rectangles
    overlap at their edges and repeat a letter where two meet, so they are not used.)"""
    text = textpage.get_text_range()
    count = textpage.count_chars()
    if len(text) != count:  # characters outside the Basic Multilingual Plane: read them one by one
        text = "".join(chr(pdfium_c.FPDFText_GetUnicode(textpage.raw, i)) for i in range(count))
    rect = pdfium_c.FS_RECTF()
    runs: list[layout.Run] = []
    chars: list[str] = []
    x0 = top = x1 = bottom = 0.0
    last_char, last_x0, last_x1 = "", 0.0, 0.0

    def flush() -> None:
        if chars and "".join(chars).strip():
            runs.append(layout.Run(x0, top, x1, bottom, "".join(chars)))
        chars.clear()

    for index, char in enumerate(text):
        if char in "\r\n":
            flush()
            continue
        if char.isspace() or not pdfium_c.FPDFText_GetLooseCharBox(textpage.raw, index, rect):
            if chars:
                chars.append(" ")
            continue
        left, right, char_top, char_bottom = rect.left, rect.right, height - rect.top, height - rect.bottom
        size = max(char_bottom - char_top, 1.0)
        if chars:
            overlap = min(bottom, char_bottom) - max(top, char_top)
            if char == last_char and abs(left - last_x0) < max(0.2 * (last_x1 - last_x0), 0.3) and overlap > 0.5 * size:
                continue  # the same letter printed again over itself: "fake bold"
            if overlap < 0.5 * min(size, bottom - top) or left - x1 > size or left < x1 - 2 * size:
                flush()
        if not chars:
            x0, top, x1, bottom = left, char_top, right, char_bottom
        else:
            x0, top, x1, bottom = min(x0, left), min(top, char_top), max(x1, right), max(bottom, char_bottom)
        chars.append(char)
        last_char, last_x0, last_x1 = char, left, right
    flush()
    return runs


def _has_images(page: pdfium.PdfPage) -> bool:
    return any(True for _ in page.get_objects(filter=[pdfium.raw.FPDF_PAGEOBJ_IMAGE], max_depth=2))


def _page_list(indexes: list[int]) -> str:
    shown = ", ".join(str(i + 1) for i in indexes[:10])
    return f"page {shown}" + (" ..." if len(indexes) > 10 else "")
