"""Plain text and Markdown: the text is kept as it is (offsets match the file), cut into paragraphs.

Text arrives in three shapes: one paragraph per line with blank lines between, hard-wrapped lines, and
(in text exported from PDFs, as in CUAD) one page per line with wrapped lines and paragraphs run together
by runs of spaces. Each physical line, or each space-separated piece of a very long one, becomes a
pseudo-line with a width in characters, and the same paragraph rules as a PDF's decide where paragraphs
start (a number, a defined term, a blank line, a short line that ends a sentence, a heading).
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass

from review.ingest import layout
from review.ingest.builder import CHARS_PER_PAGE, Content, spread_pages
from review.model import Block, BlockKind, Page
from review.openers import parse_enumerator

_HEADING_MD = re.compile(r"#{1,6}\s+")
_LONG_LINE = 400
_WRAP = re.compile(r"\s{2,}(?=\S)")
_INLINE_SECTION = re.compile(
    r"(?<=[.;:!?”\")])\s+(?=(?:\d{1,3}(?:\.\d{1,3})+\.?|\d{1,3}\.|(?:ARTICLE|Article|SECTION|Section)\s+"
    r"(?:\d{1,3}(?:\.\d{1,3})*|[IVXLC]{1,6})\.?)\s+[A-Z“\"(])"
)
_LINE_HEIGHT = 10.0


def decode(data: bytes) -> str:
    """Text from bytes: UTF-8 (with or without BOM), UTF-16 with a BOM, else Windows-1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


@dataclass(slots=True)
class _Piece:
    start: int
    end: int
    page: int
    line: layout.Line
    after_blank: bool  # a blank line stands before it: always a new paragraph in text


def _pieces(text: str, *, markdown: bool) -> list[_Piece]:
    pieces: list[_Piece] = []
    page = 1
    row = 0.0
    position = 0
    blank = True
    for raw in text.split("\n"):
        line_start = position
        position += len(raw) + 1
        page += raw.count("\f")
        if not raw.strip():
            blank = True
            continue
        for start, end in _spans(raw):
            piece = raw[start:end]
            if markdown and _HEADING_MD.match(piece):
                piece = "# " + piece.lstrip("#").strip().upper()  # a Markdown heading reads as a heading
            line = layout.Line(page, 0, 0.0, row, float(len(piece)), row + _LINE_HEIGHT * 0.8, piece)
            pieces.append(_Piece(line_start + start, line_start + end, page, line, blank))
            blank = False
            row += _LINE_HEIGHT
    pieces = _without_running_lines(pieces, text)
    if pieces:
        widths = sorted(p.line.x1 for p in pieces)
        width = widths[int(0.9 * (len(widths) - 1))]
        for each in pieces:
            each.line.col_x1 = width
    return pieces


def _spans(raw: str) -> list[tuple[int, int]]:
    """The pieces of one physical line: the line itself, or for a page-long line its wrapped lines (runs of
    spaces) and the sections that follow a full stop ("... by the FDA. 1.17 “Entity” means ...")."""
    first, last = len(raw) - len(raw.lstrip()), len(raw.rstrip())
    if len(raw) <= _LONG_LINE:
        return [(first, last)]
    cuts = sorted({m.end() for m in _WRAP.finditer(raw)} | {m.end() for m in _INLINE_SECTION.finditer(raw)})
    bounds = [first, *(c for c in cuts if first < c < last), last]
    spans = []
    for start, end in itertools.pairwise(bounds):
        piece = raw[start:end]
        if piece.strip():
            spans.append((start + len(piece) - len(piece.lstrip()), start + len(piece.rstrip())))
    return spans


def _without_running_lines(pieces: list[_Piece], text: str) -> list[_Piece]:
    """Drop page furniture that text exported from a PDF keeps: page numbers ("Page 3 of 32", a number
    alone on its line) and short lines repeated page after page ("Source: ACME INC, 10-Q, 11/1/2019")."""
    pages = max(text.count("\f") + 1, len(text) // CHARS_PER_PAGE)
    counts = Counter(p.line.text for p in pieces if len(p.line.text) <= 120)
    repeated = max(3, pages // 3)
    return [
        p
        for p in pieces
        if not layout.MARKED_PAGE_NUMBER.match(p.line.text)
        and not layout.BARE_PAGE_NUMBER.match(p.line.text)
        and (counts[p.line.text] < repeated or parse_enumerator(p.line.text) is not None)
    ]


def read_text(text: str, *, markdown: bool) -> Content:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    pieces = _pieces(text, markdown=markdown)
    typical_gap = layout.typical_gap_between(p.line for p in pieces)
    blocks: list[Block] = []
    group: list[_Piece] = []

    def close() -> None:
        if not group:
            return
        first = group[0].line.text
        kind: BlockKind = "paragraph"
        if (markdown and first.startswith("# ")) or (len(group) == 1 and layout.looks_like_heading(first)):
            kind = "heading"
        elif parse_enumerator(first) is not None:
            kind = "list_item"
        blocks.append(Block(group[0].start, group[-1].end, kind, group[0].page, group[-1].page))

    for piece in pieces:
        if group and not piece.after_blank and not layout.starts_paragraph(group[-1].line, piece.line, typical_gap):
            group.append(piece)
            continue
        close()
        group = [piece]
    close()

    if "\f" in text:
        count = text.count("\f") + 1
    else:
        count = max(1, -(-len(text) // CHARS_PER_PAGE))
        blocks = spread_pages(blocks, len(text), count)
    return Content(text=text, blocks=tuple(blocks), pages=tuple(Page(n) for n in range(1, count + 1)))
