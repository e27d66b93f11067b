"""Plain text and Markdown: the text is kept as it is (offsets match the file), cut into paragraphs.

A paragraph is a run of non-blank lines, except that a line opening with a number or bullet, or a
Markdown heading, starts a new one: hard-wrapped text and one-line-per-paragraph text both come out right.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from review.enumerators import parse_enumerator
from review.model import Block, BlockKind, Page

_HEADING_MD = re.compile(r"#{1,6}\s+")
_CHARS_PER_PAGE = 3000  # for a page estimate when the text has no form feeds


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


def read_text(text: str, *, markdown: bool) -> TextContent:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    blocks: list[Block] = []
    page = 1
    start: int | None = None
    end = 0
    first_page = 1
    kind: BlockKind = "paragraph"

    def close() -> None:
        if start is not None:
            blocks.append(Block(start, end, kind, first_page, page))

    position = 0
    for raw in text.split("\n"):
        line_start, line_end = position, position + len(raw)
        position = line_end + 1
        page += raw.count("\f")
        content = raw.strip()  # str.strip() takes form feeds too
        if not content:
            close()
            start = None
            continue
        stripped_start = line_start + (len(raw) - len(raw.lstrip()))
        line_kind: BlockKind = "paragraph"
        if markdown and _HEADING_MD.match(content):
            line_kind = "heading"
        elif parse_enumerator(content) is not None:
            line_kind = "list_item"
        if start is None or line_kind != "paragraph" or kind == "heading":
            close()
            start, first_page, kind = stripped_start, page, line_kind
        end = line_start + len(raw.rstrip())
    close()
    pages = page if "\f" in text else max(1, -(-len(text) // _CHARS_PER_PAGE))
    if "\f" not in text:
        blocks = [_estimate_pages(b) for b in blocks]
    return TextContent(text=text, blocks=tuple(blocks), pages=tuple(Page(n) for n in range(1, pages + 1)))


def _estimate_pages(block: Block) -> Block:
    return Block(
        block.start,
        block.end,
        block.kind,
        1 + block.start // _CHARS_PER_PAGE,
        1 + max(block.end - 1, block.start) // _CHARS_PER_PAGE,
        level=block.level,
    )
