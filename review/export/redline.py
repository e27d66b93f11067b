"""The vendor redline: the vendor's own contract, with the City's findings on it as comments, to send back.

Which findings go on it: those flagged for negotiation, and those nobody has disposed of yet that are
blockers or major; never one accepted, waived or marked a false positive (those are the City's business).

- DOCX: the vendor's file opened with python-docx and a Word comment added at the runs that hold each
  finding's quote (body paragraphs and table cells, nested tables too). The file is not rebuilt: only the
  body, the comments part and the package's bookkeeping parts are written again; every other part (styles,
  numbering, headers, pictures ...) is copied byte for byte from the vendor's file.
- PDF: a highlight annotation over the quote on its page with the comment as its contents; the original
  bytes are kept as they are and the annotations appended (an incremental save).
- Text: a DOCX copy of the text, one paragraph per block of lines, with the same comments.

A required term the contract lacks has no quote: it becomes a comment on the document's first paragraph
(on a PDF, a note at the top of page 1). A quote that cannot be found in the file goes there too, with the
words it begins with, and is counted in `RedlineResult.unanchored`.

    >>> from review.export import write_redline
    >>> result = write_redline(case, Path("msa.docx").read_bytes(), "docx", "msa-city-comments.docx")  # doctest: +SKIP
    >>> result.anchored, result.unanchored, result.missing                                           # doctest: +SKIP
    (7, 0, 12)
"""

from __future__ import annotations

import bisect
import ctypes
import io
import re
import unicodedata
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import docx
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.oxml.parser import OxmlElement
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from review import errors
from review.export.labels import AUTHOR, INITIALS, one_line, sentence, writable, xml_safe
from review.ingest.builder import LOOKALIKES
from review.ingest.docx import DAMAGED, open_word, read_docx
from review.ingest.text import decode
from review.workflow.views import CaseView, FindingView

ANNOTATED_WHEN_UNDISPOSED = frozenset({"blocker", "major"})

_W_P, _W_R, _W_PPR = qn("w:p"), qn("w:r"), qn("w:pPr")
# Containers that hold paragraphs (tables, rows, cells, content controls) and what never holds contract text.
_BLOCK_CONTAINERS = {qn(f"w:{tag}") for tag in ("tbl", "tr", "tc", "sdt", "sdtContent", "customXml")}
_NOT_TEXT = {qn(f"w:{tag}") for tag in ("pPr", "rPr", "sdtPr", "del", "moveFrom")} | {
    "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
}

# What matching ignores: whitespace, hyphens (a PDF line break splits a word with one) and invisible characters;
# typographic quotes are matched as straight ones.
_IGNORED = frozenset("-\u00ad\u2010\u2011\x02\ufffe\uffff")
_FOLD = str.maketrans({**LOOKALIKES, "‘": "'", "’": "'", "“": '"', "”": '"'})
# A list number the extracted text shows (Word renders it from numbering.xml) but the runs do not hold.
_LABEL = re.compile(
    r"\s*(?:(?:article|section)\s+)?(?:\d{1,3}(?:\.\d{1,3})*[.)]?|\(?(?:[a-z]{1,2}|[ivxlc]{1,6})[.)])\s+", re.IGNORECASE
)
_PREFIXES = (80, 40)  # when the whole quote is not there, where its beginning is (a field, a changed word)

_SEVERITY_RGB = {"blocker": (230, 60, 60), "major": (255, 165, 0)}
_DEFAULT_RGB = (255, 235, 59)
_NOTE_SIZE = 18.0


@dataclass(frozen=True, slots=True)
class RedlineResult:
    """What `write_redline` wrote: comments `anchored` at their quote, `unanchored` ones whose quote was not
    found (put at the top), and `missing` terms (always at the top)."""

    path: Path
    anchored: int
    unanchored: int
    missing: int


def redline_findings(case: CaseView, document: str | None = None) -> list[FindingView]:
    """The findings the vendor sees: flagged for negotiation, or undisposed blockers and majors.

    With `document` (a file name of the case), only that file's findings and those of no file in particular
    (a term missing from the whole set of documents)."""
    return [
        finding
        for finding in case.findings
        if (document is None or finding.document in (None, document))
        and (
            finding.disposition == "flag"
            or (finding.disposition is None and finding.severity in ANNOTATED_WHEN_UNDISPOSED)
        )
    ]


def comment_text(finding: FindingView) -> str:
    """'MAJOR: <title>. <message> City position: <fallback> (Policy: <reference>)'; for a term the contract
    lacks, 'The City requires: <fallback>'."""
    parts = [f"{finding.severity.upper()}: {sentence(finding.title)}", sentence(finding.message)]
    if finding.fallback:
        lead = "City position:" if finding.quote else "The City requires:"
        parts.append(f"{lead} {one_line(finding.fallback)}")
    if finding.reference:
        parts.append(f"(Policy: {one_line(finding.reference)})")
    return " ".join(part for part in parts if part)


def write_redline(
    case: CaseView, contract: bytes, file_format: str, path: str | Path, *, document: str | None = None
) -> RedlineResult:
    """Write the vendor's contract with the City's comments to `path`; `file_format` is the stored document's
    format (docx | pdf | text). Damaged files raise CorruptDocx (E120) or CorruptPdf (E110)."""
    findings = redline_findings(case, document)
    target = writable(path)
    if file_format == "docx":
        counts = _redline_docx(contract, findings, target)
    elif file_format == "pdf":
        counts = _redline_pdf(contract, findings, target)
    elif file_format in ("text", "markdown"):
        counts = _redline_text(contract, findings, target)
    else:
        raise errors.UnsupportedFormat(f"A redline is written for DOCX, PDF or text contracts, not {file_format!r}.")
    return RedlineResult(target, *counts)


# --- matching ---------------------------------------------------------------------------------------------


def _key(text: str) -> tuple[str, list[int]]:
    """The text as matching compares it (case-folded, compatibility forms, no whitespace or hyphens), with the
    index in `text` of each character kept."""
    kept: list[str] = []
    where: list[int] = []
    for index, char in enumerate(text):
        for folded in unicodedata.normalize("NFKC", char.translate(_FOLD)).casefold():
            if not folded.isspace() and folded not in _IGNORED:
                kept.append(folded)
                where.append(index)
    return "".join(kept), where


class _Occurrence:
    """Which occurrence of a repeated quote a finding means (a form repeats a sentence in two cells), counted
    in the text the review read, where the finding's `start` offset points."""

    def __init__(self, text: str | None) -> None:
        self.key, self.where = _key(text) if text else ("", [])

    def __call__(self, needle: str, start: int | None) -> int:
        if start is None or not self.key:
            return 0
        return self.key.count(needle, 0, bisect.bisect_left(self.where, start))


def _find(haystack: str, needle: str, nth: int) -> int:
    """The `nth` (0-based) occurrence of `needle`, else the first one."""
    first = at = haystack.find(needle)
    for _ in range(nth):
        if at < 0:
            break
        at = haystack.find(needle, at + len(needle))
    return at if at >= 0 else first


def _locate(
    haystack: str,
    quote: str,
    *,
    whole_only: bool = False,
    start: int | None = None,
    occurrence: _Occurrence | None = None,
) -> tuple[int, int] | None:
    """Where `quote` is in a key: the whole quote, else the quote without a leading list number, else (unless
    `whole_only`) its beginning, extended to its ending when that follows close by. Of several occurrences,
    the one at the finding's `start` in the reviewed text, when `occurrence` can tell."""

    def nth(needle: str) -> int:
        return occurrence(needle, start) if occurrence is not None else 0

    needles = [_key(quote)[0]]
    label = _LABEL.match(quote)
    if label and label.end() < len(quote):
        needles.append(_key(quote[label.end() :])[0])
    needles = [needle for needle in needles if needle]
    for needle in needles:
        at = _find(haystack, needle, nth(needle))
        if at >= 0:
            return at, at + len(needle)
    if whole_only:
        return None
    for length in _PREFIXES:
        for needle in needles:
            if len(needle) <= length:
                continue
            at = _find(haystack, needle[:length], nth(needle[:length]))
            if at < 0:
                continue
            tail = haystack.find(needle[-length:], at + length)
            if tail >= 0 and tail + length - at <= 1.5 * len(needle):
                return at, tail + length
            return at, at + length
    return None


# --- DOCX -------------------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Paragraph:
    element: Any  # w:p
    runs: list[tuple[Any, int, int]]  # each w:r holding text, with its span in `text`
    text: str


class _Body:
    """The paragraphs of a document body in reading order, as one key for matching quotes across them."""

    def __init__(self, body: Any, reviewed_text: str | None = None) -> None:
        self.body = body
        self.occurrence = _Occurrence(reviewed_text)
        self.paragraphs = [_read_paragraph(p) for p in _paragraph_elements(body)]
        keys: list[str] = []
        self.owner: list[tuple[int, int]] = []  # per key character: (paragraph index, offset in its text)
        for number, paragraph in enumerate(self.paragraphs):
            key, where = _key(paragraph.text)
            keys.append(key)
            self.owner += [(number, offset) for offset in where]
        self.key = "".join(keys)

    def find(self, quote: str, start: int | None = None) -> tuple[_Paragraph, int, int] | None:
        """The paragraph where the quote begins and the quote's span in it (to the paragraph's end when the
        quote runs on into the next paragraph)."""
        span = _locate(self.key, quote, start=start, occurrence=self.occurrence)
        if span is None:
            return None
        number, start = self.owner[span[0]]
        end_number, last = self.owner[span[1] - 1]
        paragraph = self.paragraphs[number]
        end = last + 1 if end_number == number else len(paragraph.text)
        return paragraph, start, end

    def first_paragraph(self) -> Any:
        """Where comments without a place go: the first paragraph with text (a title, a cover page's cell)."""
        for paragraph in self.paragraphs:
            if paragraph.text.strip():
                return paragraph.element
        if self.paragraphs:
            return self.paragraphs[0].element
        empty = OxmlElement("w:p")
        self.body.insert(0, empty)
        return empty


def _paragraph_elements(container: Any) -> Iterator[Any]:
    for child in container:
        if child.tag == _W_P:
            yield child
        elif child.tag in _BLOCK_CONTAINERS:
            yield from _paragraph_elements(child)


def _read_paragraph(p: Any) -> _Paragraph:
    runs: list[tuple[Any, int, int]] = []
    pieces: list[str] = []
    length = 0
    for r in _text_runs(p):
        text = r.text  # python-docx renders w:t, w:tab, w:br, w:noBreakHyphen ...
        if text:
            runs.append((r, length, length + len(text)))
            pieces.append(text)
            length += len(text)
    return _Paragraph(p, runs, "".join(pieces))


def _text_runs(element: Any) -> Iterator[Any]:
    """The runs of a paragraph as the reader reads them: inside hyperlinks, fields, insertions and content
    controls too; not deleted text, and not the paragraphs of a text box inside a run."""
    for child in element:
        if child.tag == _W_R:
            yield child
        elif child.tag not in _NOT_TEXT and isinstance(child.tag, str):
            yield from _text_runs(child)


def _edge_run(r: Any, p: Any, *, first: bool) -> Any:
    """A run directly in the paragraph at the start (or end) of `r`: `r` itself, or a new empty run just
    before (after) the hyperlink, field or insertion holding it, so the comment's range never starts or ends
    inside one."""
    node = r
    while node.getparent() is not p:
        node = node.getparent()
    if node.tag == _W_R:
        return node
    empty = OxmlElement("w:r")
    if first:
        node.addprevious(empty)
    else:
        node.addnext(empty)
    return empty


def _whole_paragraph(p: Any) -> tuple[Any, Any]:
    """The first and last run of a paragraph, added empty where the paragraph starts or ends with something
    else (a hyperlink, a field, a bookmark) or has no runs at all."""
    content = [child for child in p if child.tag != _W_PPR]
    if not content:
        empty = OxmlElement("w:r")
        p.append(empty)
        return empty, empty
    first, last = content[0], content[-1]
    if first.tag != _W_R:
        first = OxmlElement("w:r")
        content[0].addprevious(first)
    if last.tag != _W_R:
        last = OxmlElement("w:r")
        content[-1].addnext(last)
    return first, last


def _comment(document: Any, p: Any, first: Any, last: Any, text: str) -> None:
    paragraph = Paragraph(p, document)
    runs = [Run(first, paragraph), Run(last, paragraph)]
    document.add_comment(runs, text=xml_safe(text), author=AUTHOR, initials=INITIALS)


def _annotate(document: Any, findings: Sequence[FindingView], reviewed_text: str | None) -> tuple[int, int, int]:
    """Add the comments to an open python-docx document; (anchored, unanchored, missing). `reviewed_text` is
    the text the review read from the same file, which the findings' offsets point into."""
    body = _Body(document.element.body, reviewed_text)
    anchored = unanchored = missing = 0
    at_top: list[str] = []
    for finding in findings:
        text = comment_text(finding)
        if not finding.quote:
            missing += 1
            at_top.append(text)
            continue
        found = body.find(finding.quote, finding.start)
        if found is None:
            unanchored += 1
            at_top.append(f"{text} (Contract text, not located in this file: “{_opening(finding.quote)}”)")
            continue
        paragraph, start, end = found
        first = next(r for r, _, run_end in paragraph.runs if run_end > start)
        last = next(r for r, run_start, _ in reversed(paragraph.runs) if run_start < end)
        p = paragraph.element
        _comment(document, p, _edge_run(first, p, first=True), _edge_run(last, p, first=False), text)
        anchored += 1
    if at_top:
        p = body.first_paragraph()
        first, last = _whole_paragraph(p)  # once: every comment at the top spans the same runs
        for text in at_top:
            _comment(document, p, first, last, text)
    return anchored, unanchored, missing


def _opening(quote: str, limit: int = 160) -> str:
    line = one_line(quote)
    return line if len(line) <= limit else line[:limit].rsplit(" ", 1)[0] + " …"


def _open_docx(data: bytes) -> tuple[Any, str]:
    """The document as python-docx opens it, and its text as the review read it (E120 if damaged)."""
    return open_word(data), read_docx(data).text


def _redline_docx(data: bytes, findings: Sequence[FindingView], path: Path) -> tuple[int, int, int]:
    document, reviewed_text = _open_docx(data)
    try:
        counts = _annotate(document, findings, reviewed_text)
        part = document.part
        touched = {part.partname.membername, part.partname.rels_uri.membername, "[Content_Types].xml"}
        if any(rel.reltype == RT.COMMENTS for rel in part.rels.values()):
            touched.add(part.part_related_by(RT.COMMENTS).partname.membername)
        saved = io.BytesIO()
        document.save(saved)
    except DAMAGED:
        raise errors.CorruptDocx("The DOCX file is damaged (a part is unreadable); ask for a new copy.") from None
    path.write_bytes(_keep_other_parts(data, saved.getvalue(), touched))
    return counts


def _keep_other_parts(original: bytes, saved: bytes, touched: set[str]) -> bytes:
    """The saved package with every part we did not change copied back from the vendor's file: python-docx
    writes every XML part again (same content, its own serialisation), and the vendor's parts should stay theirs."""
    with zipfile.ZipFile(io.BytesIO(original)) as source, zipfile.ZipFile(io.BytesIO(saved)) as ours:
        originals = {info.filename: info for info in source.infolist()}
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
            for info in ours.infolist():
                kept = originals.get(info.filename)
                if kept is not None and info.filename not in touched:
                    package.writestr(kept, source.read(kept))
                else:
                    package.writestr(info, ours.read(info))
    return out.getvalue()


# --- text -------------------------------------------------------------------------------------------------


def _redline_text(data: bytes, findings: Sequence[FindingView], path: Path) -> tuple[int, int, int]:
    document = docx.Document()
    text = decode(data).replace("\r\n", "\n").replace("\r", "\n")  # as the reader reads it: offsets agree
    for block in re.split(r"\n[ \t]*\n", xml_safe(text)):
        if block.strip():
            document.add_paragraph(block.strip("\n"))  # a line break inside a block stays one (w:br)
    counts = _annotate(document, findings, text)
    document.save(str(path))
    return counts


# --- PDF --------------------------------------------------------------------------------------------------


class _PdfPages:
    """The pages' text (one key a page) read once, on first use."""

    def __init__(self, pdf: pdfium.PdfDocument) -> None:
        self.pdf = pdf
        self.count = len(pdf)
        self._pages: dict[int, tuple[pdfium.PdfPage, pdfium.PdfTextPage, str, list[int]]] = {}

    def get(self, index: int) -> tuple[pdfium.PdfPage, pdfium.PdfTextPage, str, list[int]]:
        if index not in self._pages:
            try:
                page = self.pdf[index]
                textpage = page.get_textpage()
            except pdfium.PdfiumError:
                raise errors.CorruptPdf(
                    f"Page {index + 1} of the PDF is damaged; ask the sender for a new copy."
                ) from None
            chars = "".join(chr(pdfium_c.FPDFText_GetUnicode(textpage, i)) for i in range(textpage.count_chars()))
            key, where = _key(chars)
            self._pages[index] = (page, textpage, key, where)
        return self._pages[index]

    def find(self, quote: str, page_number: int | None) -> tuple[int, list[int]] | None:
        """The page index and character indexes of the quote: on its own page, else (the whole quote only)
        on any other page."""
        first = min(max((page_number or 1) - 1, 0), self.count - 1)
        for index in [first, *(i for i in range(self.count) if i != first)]:
            _, _, key, where = self.get(index)
            span = _locate(key, quote, whole_only=index != first)
            if span is not None:
                return index, sorted(set(where[span[0] : span[1]]))
        return None

    def close(self) -> None:
        for page, textpage, _, _ in self._pages.values():
            textpage.close()
            page.close()


def _open_pdf(data: bytes) -> pdfium.PdfDocument:
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if exc.err_code == pdfium_c.FPDF_ERR_PASSWORD:
            raise errors.EncryptedDocument(
                "The PDF is protected by a password; ask the vendor for an unprotected copy to comment on."
            ) from None
        raise errors.CorruptPdf(
            "The PDF is damaged or incomplete and cannot be read; ask the sender for a new copy."
        ) from None
    if len(pdf) == 0:
        pdf.close()
        raise errors.CorruptPdf("The PDF has no pages; ask the sender for a complete copy.")
    return pdf


def _redline_pdf(data: bytes, findings: Sequence[FindingView], path: Path) -> tuple[int, int, int]:
    pdf = _open_pdf(data)
    pages = _PdfPages(pdf)
    notes: dict[int, int] = {}  # page index -> notes put at its top so far, so that they do not cover each other
    anchored = unanchored = missing = 0
    try:
        for finding in findings:
            text = comment_text(finding)
            color = _SEVERITY_RGB.get(finding.severity, _DEFAULT_RGB)
            found = pages.find(finding.quote, finding.page) if finding.quote else None
            if found is not None:
                index, chars = found
                page, textpage, _, _ = pages.get(index)
                _highlight(page, _line_boxes(textpage, chars), text, color)
                anchored += 1
                continue
            if finding.quote:
                unanchored += 1
                text += f" (Contract text, not located on this page: “{_opening(finding.quote)}”)"
                index = min(max((finding.page or 1) - 1, 0), pages.count - 1)
            else:
                missing += 1
                index = 0
            page, _, _, _ = pages.get(index)
            _note(page, notes.get(index, 0), text, color)
            notes[index] = notes.get(index, 0) + 1
        # Incremental: the vendor's bytes stay as they are, the annotations follow them.
        saved = io.BytesIO()
        pdf.save(saved, flags=pdfium_c.FPDF_INCREMENTAL)
    except pdfium.PdfiumError:
        raise errors.CorruptPdf(
            "The PDF could not be annotated (a damaged part); ask the sender for a new copy."
        ) from None
    finally:
        pages.close()
        pdf.close()
    path.write_bytes(saved.getvalue())  # only a whole file, never half of one
    return anchored, unanchored, missing


def _line_boxes(textpage: pdfium.PdfTextPage, chars: Sequence[int]) -> list[list[float]]:
    """One box (left, bottom, right, top) a line for the quote's characters, in PDF user space."""
    lines: list[list[float]] = []
    for index in chars:
        left, bottom, right, top = textpage.get_charbox(index, loose=True)
        if right <= left or top <= bottom:
            continue
        middle = (bottom + top) / 2
        line = lines[-1] if lines else None
        if line is not None and line[1] <= middle <= line[3] and left >= line[0] - 1:
            line[1], line[2], line[3] = min(line[1], bottom), max(line[2], right), max(line[3], top)
        else:
            lines.append([left, bottom, right, top])
    return lines


def _highlight(page: pdfium.PdfPage, boxes: list[list[float]], text: str, color: tuple[int, int, int]) -> None:
    annot = pdfium_c.FPDFPage_CreateAnnot(page, pdfium_c.FPDF_ANNOT_HIGHLIGHT)
    if not annot:
        raise pdfium.PdfiumError("PDFium could not create an annotation")
    try:
        for left, bottom, right, top in boxes:
            quad = pdfium_c.FS_QUADPOINTSF(left, top, right, top, left, bottom, right, bottom)
            pdfium_c.FPDFAnnot_AppendAttachmentPoints(annot, quad)
        if boxes:
            rect = pdfium_c.FS_RECTF(
                min(b[0] for b in boxes), max(b[3] for b in boxes), max(b[2] for b in boxes), min(b[1] for b in boxes)
            )
            pdfium_c.FPDFAnnot_SetRect(annot, rect)
        _finish(annot, text, color)
    finally:
        pdfium_c.FPDFPage_CloseAnnot(annot)


def _note(page: pdfium.PdfPage, slot: int, text: str, color: tuple[int, int, int]) -> None:
    """A sticky note along the top of the page, left to right then row by row."""
    left, bottom, right, top = page.get_bbox()
    per_row = max(1, int((right - left - 24) // (_NOTE_SIZE + 4)))
    x = left + 12 + (slot % per_row) * (_NOTE_SIZE + 4)
    y = top - 12 - (slot // per_row) * (_NOTE_SIZE + 4)
    annot = pdfium_c.FPDFPage_CreateAnnot(page, pdfium_c.FPDF_ANNOT_TEXT)
    if not annot:
        raise pdfium.PdfiumError("PDFium could not create an annotation")
    try:
        pdfium_c.FPDFAnnot_SetRect(annot, pdfium_c.FS_RECTF(x, y, x + _NOTE_SIZE, max(bottom, y - _NOTE_SIZE)))
        _finish(annot, text, color)
    finally:
        pdfium_c.FPDFPage_CloseAnnot(annot)


def _finish(annot: Any, text: str, color: tuple[int, int, int]) -> None:
    pdfium_c.FPDFAnnot_SetColor(annot, pdfium_c.FPDFANNOT_COLORTYPE_Color, *color, 255)
    pdfium_c.FPDFAnnot_SetFlags(annot, pdfium_c.FPDF_ANNOT_FLAG_PRINT)
    for key, value in (("Contents", text), ("T", AUTHOR)):
        encoded = ctypes.create_string_buffer((value + "\x00").encode("utf-16-le"))
        pdfium_c.FPDFAnnot_SetStringValue(annot, key.encode("ascii"), ctypes.cast(encoded, pdfium_c.FPDF_WIDESTRING))
