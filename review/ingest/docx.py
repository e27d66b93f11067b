"""DOCX: body paragraphs and tables in document order, with list numbers rendered as Word shows them.

python-docx opens the package; the body is walked with lxml because we need what python-docx leaves out:
automatic numbering (numbering.xml, which is ours to compute), tracked changes read as accepted
(insertions kept, deletions dropped), comment anchors, and Word's last rendered page breaks for page
numbers. Headers and footers live in other parts and never enter the body text.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from dataclasses import dataclass, field, replace
from typing import Any

import docx
from docx.opc.exceptions import PackageNotFoundError
from lxml import etree

from review import errors
from review.ingest.builder import CHARS_PER_PAGE, LOOKALIKES, Content, TextBuilder, spread_pages
from review.model import Block, BlockKind, Comment, Page

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = "{" + W + "}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"

_SKIPPED = {
    f"{_W}{tag}"
    for tag in (
        "del",
        "moveFrom",
        "instrText",
        "delText",
        "rPr",
        "pPr",
        "footnoteReference",
        "endnoteReference",
        "txbxContent",
    )
} | {_MC_FALLBACK}
_TRACKED = {f"{_W}{tag}" for tag in ("ins", "del", "moveFrom", "moveTo")}
_CONTAINERS = {f"{_W}{tag}" for tag in ("sdt", "sdtContent", "customXml", "smartTag")}

_CHARACTERS = str.maketrans({**LOOKALIKES, "\u00ad": ""})  # a soft hyphen only shows where Word breaks a line
DEFAULT_MAX_EXPANDED_BYTES = 200 * 1024 * 1024


def check_package(data: bytes, *, max_expanded_bytes: int = DEFAULT_MAX_EXPANDED_BYTES) -> zipfile.ZipFile:
    """Open the ZIP container and refuse one that would expand past the limit, before reading any part."""
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
        members = package.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        raise errors.CorruptDocx("The DOCX file is damaged (not a readable ZIP package); ask for a new copy.") from None
    expanded = sum(info.file_size for info in members)
    if expanded > max_expanded_bytes:
        raise errors.DocxTooLarge(
            f"The DOCX would expand to {expanded >> 20} MB, over the {max_expanded_bytes >> 20} MB limit; "
            "it may be a ZIP bomb. Ask the sender for a PDF."
        )
    return package


# What reading a damaged package raises, from zipfile, zlib, lxml and python-docx.
DAMAGED = (
    PackageNotFoundError,
    KeyError,
    ValueError,
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    NotImplementedError,  # a ZIP member packed with a method zipfile does not know
    RuntimeError,  # a password-protected ZIP member
    etree.XMLSyntaxError,
    OSError,
)
DAMAGED_MESSAGE = "The DOCX file is damaged (a part is missing or unreadable); ask for a new copy."


def open_word(data: bytes) -> Any:
    """python-docx's Document for the bytes; CorruptDocx (E120) when the package is damaged. python-docx meets
    some malformed parts (a [Content_Types].xml without its namespace) with AttributeError or TypeError, which
    here, before any code of ours runs on the document, also mean a damaged file."""
    try:
        return docx.Document(io.BytesIO(data))
    except (*DAMAGED, AttributeError, TypeError, IndexError):
        raise errors.CorruptDocx(DAMAGED_MESSAGE) from None


def read_docx(data: bytes, *, max_expanded_bytes: int = DEFAULT_MAX_EXPANDED_BYTES) -> Content:
    package = check_package(data, max_expanded_bytes=max_expanded_bytes)
    document = open_word(data)
    try:
        numbering = _Numbering(_xml(package, "word/numbering.xml"), _xml(package, "word/styles.xml"))
        comment_texts = _comments(_xml(package, "word/comments.xml"))
        stated_pages = _stated_pages(package)
        reader = _BodyReader(numbering)
        reader.read(document.element.body)
    except errors.ReviewError:
        raise
    except DAMAGED:
        raise errors.CorruptDocx(DAMAGED_MESSAGE) from None

    page_count = max(reader.page, stated_pages or 1)
    if reader.page == 1 and stated_pages is None:
        # Neither rendered page breaks nor a stated count (files not saved by Word): estimate from the text.
        page_count = max(1, -(-reader.builder.length // CHARS_PER_PAGE))
    blocks: list[Block] = reader.builder.blocks
    if reader.page == 1 and page_count > 1:  # Word saved no rendered page breaks
        blocks = spread_pages(blocks, reader.builder.length, page_count)

    warnings = []
    if reader.tracked_changes:
        warnings.append("The document has tracked changes; it was read as if all of them were accepted.")
    if comment_texts:
        warnings.append(f"The document has {len(comment_texts)} comment(s) from its authors.")
    comments = tuple(
        Comment(author, text, *reader.comment_spans.get(cid, (None, None)))
        for cid, (author, text) in comment_texts.items()
    )
    return Content(
        text=reader.builder.text,
        blocks=tuple(blocks),
        pages=tuple(Page(n) for n in range(1, page_count + 1)),
        warnings=tuple(warnings),
        comments=comments,
    )


def _xml(package: zipfile.ZipFile, name: str) -> etree._Element | None:
    try:
        raw = package.read(name)
    except KeyError:
        return None
    return etree.fromstring(raw, parser=etree.XMLParser(resolve_entities=False, huge_tree=False))


def _stated_pages(package: zipfile.ZipFile) -> int | None:
    try:
        match = re.search(rb"<(?:\w+:)?Pages>(\d+)<", package.read("docProps/app.xml"))
    except KeyError:
        return None
    return int(match.group(1)) if match else None


def _comments(root: etree._Element | None) -> dict[str, tuple[str, str]]:
    if root is None:
        return {}
    found = {}
    for comment in root.iter(f"{_W}comment"):
        text = "\n".join("".join(t.text or "" for t in p.iter(f"{_W}t")) for p in comment.iter(f"{_W}p"))
        found[comment.get(f"{_W}id", "")] = (comment.get(f"{_W}author", ""), text.strip())
    return found


# --- automatic numbering --------------------------------------------------------------------------


@dataclass(slots=True)
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    style: str | None = None
    legal: bool = False  # isLgl: show every level as decimal ("1.1" under "Article I")


@dataclass(slots=True)
class _Counter:
    values: list[int | None] = field(default_factory=lambda: [None] * 9)


class _Numbering:
    """numbering.xml and the numbering links in styles.xml, enough to render Word's list labels."""

    def __init__(self, numbering: etree._Element | None, styles: etree._Element | None) -> None:
        self.abstract: dict[str, dict[int, _Level]] = {}
        self.abstract_style_link: dict[str, str] = {}
        self.nums: dict[str, tuple[str, dict[int, _Level | int]]] = {}
        self.style_num: dict[str, tuple[str | None, int | None]] = {}
        self.style_based_on: dict[str, str] = {}
        self.style_heading: dict[str, int] = {}
        self.style_title: set[str] = set()
        self.counters: dict[str, _Counter] = {}
        if styles is not None:
            self._read_styles(styles)
        if numbering is not None:
            self._read_numbering(numbering)

    def _read_styles(self, root: etree._Element) -> None:
        for style in root.iter(f"{_W}style"):
            sid = style.get(f"{_W}styleId", "")
            based = style.find(f"{_W}basedOn")
            if based is not None:
                self.style_based_on[sid] = based.get(f"{_W}val", "")
            num_pr = style.find(f"{_W}pPr/{_W}numPr")
            if num_pr is not None:
                num_id = num_pr.find(f"{_W}numId")
                ilvl = num_pr.find(f"{_W}ilvl")
                self.style_num[sid] = (
                    num_id.get(f"{_W}val") if num_id is not None else None,
                    int(ilvl.get(f"{_W}val", "0")) if ilvl is not None else None,
                )
            name_el = style.find(f"{_W}name")
            name = (name_el.get(f"{_W}val", "") if name_el is not None else "").lower()
            outline = style.find(f"{_W}pPr/{_W}outlineLvl")
            if name in ("title",):
                self.style_title.add(sid)
            elif match := re.fullmatch(r"heading (\d)", name):
                self.style_heading[sid] = int(match.group(1))
            elif outline is not None and outline.get(f"{_W}val", "9").isdigit() and int(outline.get(f"{_W}val")) < 9:
                self.style_heading[sid] = int(outline.get(f"{_W}val")) + 1

    def _read_numbering(self, root: etree._Element) -> None:
        for abstract in root.iter(f"{_W}abstractNum"):
            aid = abstract.get(f"{_W}abstractNumId", "")
            self.abstract[aid] = {int(lvl.get(f"{_W}ilvl", "0")): _level(lvl) for lvl in abstract.iter(f"{_W}lvl")}
            link = abstract.find(f"{_W}numStyleLink")
            if link is not None:
                self.abstract_style_link[aid] = link.get(f"{_W}val", "")
        for num in root.iter(f"{_W}num"):
            nid = num.get(f"{_W}numId", "")
            aid_el = num.find(f"{_W}abstractNumId")
            overrides: dict[int, _Level | int] = {}
            for override in num.iter(f"{_W}lvlOverride"):
                ilvl = int(override.get(f"{_W}ilvl", "0"))
                lvl = override.find(f"{_W}lvl")
                start = override.find(f"{_W}startOverride")
                if lvl is not None:
                    overrides[ilvl] = _level(lvl)
                elif start is not None:
                    overrides[ilvl] = int(start.get(f"{_W}val", "1"))
            self.nums[nid] = (aid_el.get(f"{_W}val", "") if aid_el is not None else "", overrides)

    def style_chain(self, style_id: str | None) -> list[str]:
        chain: list[str] = []
        while style_id and style_id not in chain and len(chain) < 20:
            chain.append(style_id)
            style_id = self.style_based_on.get(style_id)
        return chain

    def heading_level(self, style_id: str | None) -> int | None:
        for sid in self.style_chain(style_id):
            if sid in self.style_heading:
                return self.style_heading[sid]
        return None

    def is_title(self, style_id: str | None) -> bool:
        return any(sid in self.style_title for sid in self.style_chain(style_id))

    def _levels(self, num_id: str) -> tuple[str, dict[int, _Level], dict[int, _Level | int]] | None:
        if num_id not in self.nums:
            return None
        aid, overrides = self.nums[num_id]
        link = self.abstract_style_link.get(aid)
        if link:  # the abstract list is defined by a numbering style: follow it to the real one
            linked_num = self.style_num.get(link, (None, None))[0]
            if linked_num and linked_num in self.nums and linked_num != num_id:
                aid = self.nums[linked_num][0]
        levels = self.abstract.get(aid)
        return (aid, levels, overrides) if levels else None

    def label(self, num_id: str | None, ilvl: int | None, style_id: str | None) -> tuple[str, int] | None:
        """The rendered label and level of the next paragraph of list `num_id`, advancing its counter."""
        if num_id is None:
            for sid in self.style_chain(style_id):
                if sid in self.style_num:
                    num_id, style_ilvl = self.style_num[sid]
                    ilvl = ilvl if ilvl is not None else style_ilvl
                    break
        if not num_id or num_id == "0":
            return None
        found = self._levels(num_id)
        if found is None:
            return None
        aid, levels, overrides = found
        if ilvl is None:
            ilvl = next((i for i, lvl in levels.items() if lvl.style and lvl.style == style_id), 0)
        ilvl = max(0, min(ilvl, 8))
        effective = dict(levels)
        for i, override in overrides.items():
            if isinstance(override, _Level):
                effective[i] = override
        key = num_id if overrides else aid
        counter = self.counters.get(key)
        if counter is None:
            counter = self.counters[key] = _Counter()
            for i, override in overrides.items():
                if isinstance(override, int):
                    effective[i] = replace(effective.get(i, _Level()), start=override)
                    counter.values[i] = None
        level = effective.get(ilvl, _Level())
        current = counter.values[ilvl]
        counter.values[ilvl] = level.start if current is None else current + 1
        for deeper in range(ilvl + 1, 9):
            counter.values[deeper] = None
        if level.fmt == "bullet":
            return "•", ilvl
        if level.fmt == "none":
            return None

        def render(match: re.Match[str]) -> str:
            index = int(match.group(1)) - 1
            lvl = effective.get(index, _Level())
            value = counter.values[index]
            value = lvl.start if value is None else value
            return _format_number(value, "decimal" if level.legal and index < ilvl else lvl.fmt)

        text = re.sub(r"%([1-9])", render, level.text).strip()
        return (text, ilvl) if text else None


def _level(lvl: etree._Element) -> _Level:
    def val(tag: str) -> str | None:
        el = lvl.find(f"{_W}{tag}")
        return el.get(f"{_W}val") if el is not None else None

    start = val("start")
    return _Level(
        start=int(start) if start and start.lstrip("-").isdigit() else 1,
        fmt=val("numFmt") or "decimal",
        text=val("lvlText") or "",
        style=val("pStyle"),
        legal=lvl.find(f"{_W}isLgl") is not None,
    )


def _format_number(value: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (value - 1) % 26) * (1 + (value - 1) // 26) if value > 0 else ""
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman"):
        roman = _to_roman(value)
        return roman.upper() if fmt == "upperRoman" else roman
    if fmt == "decimalZero":
        return f"{value:02d}"
    return str(value)


def _to_roman(value: int) -> str:
    numerals = [
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ]
    out = []
    for number, numeral in numerals:
        while value >= number:
            out.append(numeral)
            value -= number
    return "".join(out)


# --- the body -------------------------------------------------------------------------------------


class _BodyReader:
    def __init__(self, numbering: _Numbering) -> None:
        self.numbering = numbering
        self.builder = TextBuilder()
        self.page = 1
        self.tracked_changes = False
        self.comment_spans: dict[str, tuple[int | None, int | None]] = {}
        self._open_comments: dict[str, int] = {}

    def read(self, body: etree._Element) -> None:
        for child in body:
            self._element(child)

    def _element(self, element: etree._Element) -> None:
        tag = element.tag
        if tag == f"{_W}p":
            self._paragraph(element)
        elif tag == f"{_W}tbl":
            self._table(element)
        elif tag in _CONTAINERS or (tag in _TRACKED and tag.endswith(("ins", "moveTo"))):
            self.tracked_changes |= tag in _TRACKED
            for child in element:
                self._element(child)
        elif tag in _TRACKED:
            self.tracked_changes = True

    def _paragraph(self, paragraph: etree._Element) -> None:
        text, marks, page_before = self._paragraph_text(paragraph)
        style = _style_id(paragraph)
        if not text.strip():
            self._mark_comments(marks, None, 0)
            return
        label_level = self.numbering.label(*_num_pr(paragraph), style)
        heading = self.numbering.heading_level(style)
        kind: BlockKind = "paragraph"
        level = None
        label = None
        if self.numbering.is_title(style):
            kind = "title"
        elif heading is not None:
            kind, level = "heading", heading
        if label_level is not None:
            label, list_level = label_level
            if kind == "paragraph":
                kind, level = "list_item", list_level
        prefix = f"{label} " if label else ""
        shown = prefix + text.strip()
        block = self.builder.add(shown, kind=kind, page_start=page_before, page_end=self.page, level=level, label=label)
        leading = len(text) - len(text.lstrip())
        self._mark_comments(marks, block, len(prefix) - leading)

    def _paragraph_text(self, paragraph: etree._Element) -> tuple[str, list[tuple[str, str, int]], int]:
        """The accepted text of a paragraph, the comment marks inside it, and the page it starts on."""
        pieces: list[str] = []
        marks: list[tuple[str, str, int]] = []
        length = 0
        page_before = self.page
        stack = [iter(paragraph)]
        while stack:
            element = next(stack[-1], None)
            if element is None:
                stack.pop()
                continue
            tag = element.tag
            if not isinstance(tag, str) or tag in _SKIPPED:
                if tag in _TRACKED:
                    self.tracked_changes = True
                continue
            if tag == f"{_W}t":
                piece = (element.text or "").translate(_CHARACTERS)
            elif tag == f"{_W}tab":
                piece = "\t"
            elif tag in (f"{_W}br", f"{_W}cr"):
                if element.get(f"{_W}type") == "page":
                    self.page += 1
                    if not length:
                        page_before = self.page
                    piece = ""
                else:
                    piece = "\n"
            elif tag == f"{_W}lastRenderedPageBreak":
                self.page += 1
                if not length:
                    page_before = self.page
                piece = ""
            elif tag == f"{_W}noBreakHyphen":
                piece = "-"
            elif tag in (f"{_W}commentRangeStart", f"{_W}commentRangeEnd"):
                marks.append((element.get(f"{_W}id", ""), "start" if tag.endswith("Start") else "end", length))
                continue
            else:
                if tag in _TRACKED:
                    self.tracked_changes = True
                stack.append(iter(element))
                continue
            pieces.append(piece)
            length += len(piece)
        return "".join(pieces), marks, page_before

    def _mark_comments(self, marks: list[tuple[str, str, int]], block: Block | None, shift: int) -> None:
        for cid, which, position in marks:
            if block is None:
                offset = self.builder.length
            else:
                offset = min(max(block.start + position + shift, block.start), block.end)
            if which == "start":
                self._open_comments[cid] = offset
            else:
                self.comment_spans[cid] = (self._open_comments.pop(cid, offset), offset)

    def _table(self, table: etree._Element) -> None:
        rows = table.findall(f"{_W}tr")
        widest = max((len(row.findall(f"{_W}tc")) for row in rows), default=0)
        if widest <= 1:  # a one-column table is page layout: read its paragraphs as body text
            for row in rows:
                for cell in row.findall(f"{_W}tc"):
                    for child in cell:
                        self._element(child)
            return
        for row in rows:
            page_before = self.page
            cells = []
            for cell in row.findall(f"{_W}tc"):
                text = self._cell_text(cell)
                if text:
                    cells.append(text)
            if cells:
                self.builder.add(
                    "\t".join(cells), kind="table_row", page_start=page_before, page_end=self.page, separator="\n"
                )

    def _cell_text(self, cell: etree._Element) -> str:
        parts = []
        for element in cell.iter(f"{_W}p"):
            text = " ".join(self._paragraph_text(element)[0].split())
            if text:
                label = self.numbering.label(*_num_pr(element), _style_id(element))
                parts.append(f"{label[0]} {text}" if label else text)
        return "\n".join(parts)


def _style_id(paragraph: etree._Element) -> str | None:
    style = paragraph.find(f"{_W}pPr/{_W}pStyle")
    return style.get(f"{_W}val") if style is not None else None


def _num_pr(paragraph: etree._Element) -> tuple[str | None, int | None]:
    num_pr = paragraph.find(f"{_W}pPr/{_W}numPr")
    if num_pr is None:
        return None, None
    num_el, ilvl_el = num_pr.find(f"{_W}numId"), num_pr.find(f"{_W}ilvl")
    return (
        num_el.get(f"{_W}val") if num_el is not None else None,
        int(ilvl_el.get(f"{_W}val", "0")) if ilvl_el is not None else None,
    )
