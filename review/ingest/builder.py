"""Accumulates the document text block by block, keeping every block's character span exact."""

from __future__ import annotations

from dataclasses import dataclass, replace

from review import errors
from review.model import Block, BlockKind, Box, Comment, Page

CHARS_PER_PAGE = 3000  # a page of contract text, for page estimates where the file records none

# Characters that look like others or like nothing: a Greek question mark some PDF fonts map the
# semicolon to, and zero-width spaces and joiners that would break search for a phrase.
LOOKALIKES = {"\u037e": ";", "\u200b": "", "\u200c": "", "\u200d": "", "\u2060": "", "\ufeff": ""}


class TextBuilder:
    """Appends blocks to one text, separated by blank lines, and records their spans.

    >>> b = TextBuilder()
    >>> block = b.add("1. Term", kind="heading")
    >>> b.text[block.start:block.end]
    '1. Term'
    """

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._length = 0
        self.blocks: list[Block] = []

    @property
    def text(self) -> str:
        return "".join(self._parts)

    @property
    def length(self) -> int:
        return self._length

    def add(
        self,
        text: str,
        *,
        kind: BlockKind = "paragraph",
        page_start: int = 1,
        page_end: int | None = None,
        boxes: tuple[Box, ...] = (),
        level: int | None = None,
        label: str | None = None,
        separator: str = "\n\n",
    ) -> Block | None:
        """Add one block; leading and trailing white space is kept out of its span. Blank text adds nothing."""
        stripped = text.strip()
        if not stripped:
            return None
        if self._length:
            self._append(separator)
        start = self._length
        self._append(stripped)
        block = Block(
            start=start,
            end=self._length,
            kind=kind,
            page_start=page_start,
            page_end=page_end if page_end is not None else page_start,
            boxes=boxes,
            level=level,
            label=label,
        )
        self.blocks.append(block)
        return block

    def _append(self, piece: str) -> None:
        self._parts.append(piece)
        self._length += len(piece)


@dataclass(frozen=True, slots=True)
class Content:
    """What a reader found in a file; `read_bytes` adds the file's identity to make it a Document."""

    text: str
    blocks: tuple[Block, ...]
    pages: tuple[Page, ...]
    has_text_layer: bool = True
    ocr: bool = False
    warnings: tuple[str, ...] = ()
    comments: tuple[Comment, ...] = ()


def check_page_limit(pages: int, max_pages: int) -> None:
    if pages > max_pages:
        raise errors.TooManyPages(
            f"The document has {pages} pages, over the limit of {max_pages}; raise the limit with --max-pages "
            "if this is really one contract."
        )


def spread_pages(blocks: list[Block], length: int, pages: int) -> list[Block]:
    """Page numbers for a file that records none: the pages spread evenly over the text."""
    length = max(length, 1)
    return [
        replace(b, page_start=1 + b.start * pages // length, page_end=1 + max(b.end - 1, b.start) * pages // length)
        for b in blocks
    ]
