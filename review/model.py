"""The data that flows through the library: frozen dataclasses, no behaviour beyond small helpers.

A `Document` is the contract as read: its normalised text, its pages, and its blocks (paragraphs,
headings, list items, table rows), each block knowing its character span and where it stands on the
page. `segment()` cuts a Document into `Clause`s that follow the contract's own numbering.

Offsets are character offsets into `Document.text`; for every block and clause
`document.text[start:end] == text` holds. Page numbers start at 1. Boxes are in PDF points with the
origin at the top-left corner of the page (as pdfplumber and Qt draw), so a viewer can highlight them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

# Long work reports as it goes: `progress(fraction done, what is happening)`. An exception the callback raises
# (a user's cancel) stops the work there.
Progress = Callable[[float, str], None]
Format = Literal["pdf", "docx", "text", "markdown"]
BlockKind = Literal["title", "heading", "paragraph", "list_item", "table_row"]
ClauseKind = Literal[
    "preamble", "recital", "contents", "heading", "section", "definition", "table_row", "signature", "exhibit"
]


@dataclass(frozen=True, slots=True)
class Box:
    """A rectangle on one page, in points, origin top-left."""

    page: int
    x0: float
    top: float
    x1: float
    bottom: float


@dataclass(frozen=True, slots=True)
class Page:
    number: int
    width: float | None = None
    height: float | None = None


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph-like unit of the document text, as laid out by its author."""

    start: int
    end: int
    kind: BlockKind
    page_start: int
    page_end: int
    boxes: tuple[Box, ...] = ()
    level: int | None = None  # heading level (1 = top) or list indent level (0 = top), when known
    label: str | None = None  # the list number Word renders before the text ("1.1", "(a)"), DOCX only


@dataclass(frozen=True, slots=True)
class Comment:
    """A reviewer comment found in the file (DOCX), anchored to a span of the text when possible."""

    author: str
    text: str
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True, slots=True)
class Document:
    path: str
    sha256: str
    format: Format
    text: str
    pages: tuple[Page, ...]
    blocks: tuple[Block, ...]
    has_text_layer: bool = True
    ocr: bool = False
    warnings: tuple[str, ...] = ()
    comments: tuple[Comment, ...] = ()

    def block_text(self, block: Block) -> str:
        return self.text[block.start : block.end]


@dataclass(frozen=True, slots=True)
class Clause:
    """A span of the contract that its own structure marks as one unit: "12.3(b)", a recital, an exhibit."""

    id: str
    number: str | None
    heading: str | None
    text: str
    start: int
    end: int
    page_start: int
    page_end: int
    kind: ClauseKind = "section"
    level: int = 0
    boxes: tuple[Box, ...] = field(default=(), repr=False)


Severity = Literal["blocker", "major", "minor", "info"]
SEVERITIES: tuple[Severity, ...] = ("blocker", "major", "minor", "info")  # most severe first
SEVERITY_RANK: dict[str, int] = {severity: rank for rank, severity in enumerate(SEVERITIES)}  # 0 is the most severe

ValueKind = Literal["duration", "money", "percentage", "date", "jurisdiction", "party", "license", "standard"]


@dataclass(frozen=True, slots=True)
class Value:
    """A value a reviewer checks, as written in the contract and normalised.

    `normalized` is the canonical form ("P60D", "USD 1000000.00", "99.5%", "2018-03-01", "US-CA",
    "AGPL-3.0-only", "WCAG 2.1 AA"); `amount` and `unit` carry the number rules compare (days for a
    duration, the sum for money, the multiple of fees for a cap relative to fees, the percentage).
    """

    kind: ValueKind
    text: str
    start: int
    end: int
    normalized: str
    amount: float | None = None
    unit: str | None = None
    details: dict[str, str] = field(default_factory=dict)
