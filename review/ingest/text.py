"""Plain text and Markdown: the text is kept as it is (offsets match the file), cut into paragraphs.

Text arrives in three shapes: one paragraph per line with blank lines between, hard-wrapped lines, and
(in text exported from PDFs, as in CUAD) one page per line with wrapped lines and paragraphs run together
by runs of spaces. Each physical line, or each space-separated piece of a very long one, becomes a
pseudo-line with a width in characters, and the same paragraph rules as a PDF's decide where paragraphs
start (a number, a defined term, a blank line, a short line that ends a sentence, a heading).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from review.ingest import layout
from review.ingest.docx import CHARS_PER_PAGE
from review.model import Block, BlockKind, Page
from review.openers import parse_enumerator

_HEADING_MD = re.compile(r"#{1,6}\s+")
_LONG_LINE = 400
_LINE_HEIGHT = 10.0


@dataclass(frozen=True, slots=True)
class TextContent:
    text: str
    blocks: tuple[Block, ...]
    pages: tuple[Page, ...]


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
        spans = [(m.start(), m.end()) for m in re.finditer(r"\S.*?(?=\s{2,}\S|\s*$)", raw)]
        if len(raw) <= _LONG_LINE or len(spans) < 2:
            spans = [(len(raw) - len(raw.lstrip()), len(raw.rstrip()))]
        for start, end in spans:
            piece = raw[start:end]
            if markdown and _HEADING_MD.match(piece):
                piece = "# " + piece.lstrip("#").strip().upper()  # a Markdown heading reads as a heading
            line = layout.Line(page, 0, 0.0, row, float(len(piece)), row + _LINE_HEIGHT * 0.8, piece)
            pieces.append(_Piece(line_start + start, line_start + end, page, line, blank))
            blank = False
            row += _LINE_HEIGHT
    if pieces:
        widths = sorted(p.line.x1 for p in pieces)
        width = widths[int(0.9 * (len(widths) - 1))]
        for piece in pieces:
            piece.line.col_x1 = width
    return pieces


def read_text(text: str, *, markdown: bool) -> TextContent:
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
        blocks = [_estimate_pages(b) for b in blocks]
    return TextContent(text=text, blocks=tuple(blocks), pages=tuple(Page(n) for n in range(1, count + 1)))


def _estimate_pages(block: Block) -> Block:
    return Block(
        block.start,
        block.end,
        block.kind,
        1 + block.start // CHARS_PER_PAGE,
        1 + max(block.end - 1, block.start) // CHARS_PER_PAGE,
        level=block.level,
    )
