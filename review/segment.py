"""Cut a Document into clauses that follow the contract's own structure.

Every numbered paragraph ("Article V", "12", "12.3", "(b)", "(iv)") opens a clause whose number is its
place in the outline as printed ("12.3(b)(iv)"). Around the numbered body the contract has other parts
that are clauses too: the preamble and recitals, a table of contents, definitions ("“Services” means
..."), a signature block, and exhibits. A heading without a number joins the clause that follows it; a
numbered heading with no text of its own ("1. GRANT OF RIGHTS" before "1.1 ...") stays a clause of kind
"heading". A paragraph without a number is a clause of its own that keeps the number of the section it
stands in, unless it continues the one before (a lead-in ending with a colon, a sentence cut by the
layout). A number that cannot be the next one in the outline ("13.2" among the definitions of Article 1)
is a cross-reference a line break put first, and is read as text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from review.model import Block, Box, Clause, ClauseKind, Document
from review.openers import DEFINITION, SENTENCE_END, SIGNATURE_START, Enumerator, parse_enumerator
from review.recent import Recent

_RECITAL = re.compile(
    r"^(WHEREAS|Whereas|RECITALS?\b|Recitals?\b|BACKGROUND\b|NOW,? THEREFORE|Now,? [Tt]herefore|IT IS (HEREBY )?AGREED)"
)
_TOC_TITLE = re.compile(r"^(TABLE OF CONTENTS|Table of Contents|CONTENTS|Contents|INDEX)$")
# "1. Definitions ........ 4", "12.\tTERMINATION\t31": an entry ending in a page number after leaders or a tab.
_TOC_ENTRY = re.compile(r"(\.{3,}|…+|_{3,}|\t|\s{3,})\s*[-–]?\s*(\d{1,3}|[ivxlc]{1,5})\s*$", re.IGNORECASE)
_STANDALONE: set[ClauseKind] = {"exhibit", "contents"}  # kinds an unnumbered heading does not join
_SIGNATURE_LINE = re.compile(
    r"^(By|Name|Title|Date|Signature|Print(ed)? Name|Its|Authori[sz]ed Signat\w+|Signed)\b\s*(:|\t|$)", re.I
)
_RUN_IN_HEADING = re.compile(r"^([A-Z][\w'’&/,;\- ]{1,70}?)(?:\.(?!\d)|:|\s[-–—]\s)\s*(?=\S)")
_SMALL_WORDS = {"a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with", "upon", "from"}
_MAX_HEADING_CHARS = 120
# A paragraph also ends after a closing bracket or quote ("... (the “Agreement”)"); a PDF line often does not.
_PARAGRAPH_END = (*SENTENCE_END, ")", "]", "”", '"')
_LONG_CLAUSE_CHARS = 2500


@dataclass(slots=True)
class _Open:
    """The clause being built."""

    blocks: list[Block]
    kind: ClauseKind
    number: str | None
    heading: str | None
    level: int
    heading_only: bool = False  # nothing but a heading so far: the next paragraph joins it
    numbered: bool = False  # opens with its own number ("12.3"), rather than standing under one


@dataclass(slots=True)
class _Outline:
    """The stack of enumerators above the current paragraph, to compose numbers like "12.3(b)(ii)"."""

    stack: list[Enumerator] = field(default_factory=list)

    def fits(self, enumerator: Enumerator) -> bool:
        """Whether the enumerator can be the next one in this outline: the next sibling (allowing a gap
        of two), the first child, or the next at a level above; or the restart of a list at 1. A number
        that fits nowhere ("13.2" inside the definitions of Article 1) is a cross-reference that a line
        break put at the start of a paragraph, not a clause."""
        enumerator = self._resolve(enumerator)
        style = enumerator.style
        if style in ("bullet", "exhibit") or (enumerator.ordinal == 1 and style != "dotted"):
            return True
        if style == "dotted":
            new = [int(part) for part in enumerator.value.split(".")]
            if all(part == 1 for part in new):
                return True
            current = next((e for e in reversed(self.stack) if e.style == "dotted"), None)
            if current is None:
                article = next((e for e in self.stack if e.style == "article"), None)
                first = article.ordinal if article is not None else 1
                return first <= new[0] <= first + 2 and all(part <= 2 for part in new[1:])
            old = [int(part) for part in current.value.split(".")]
            for i, part in enumerate(new):
                if i >= len(old):  # a first child: 12.3 -> 12.3.1
                    return part <= 2 and all(p <= 2 for p in new[i + 1 :])
                if part != old[i]:
                    return 1 <= part - old[i] <= 3 and all(p <= 2 for p in new[i + 1 :])
            return False  # the same number again, or a parent of the current one
        previous = next((e for e in reversed(self.stack) if e.style == style), None)
        if previous is None:
            return enumerator.ordinal <= 2
        return 1 <= enumerator.ordinal - previous.ordinal <= 3

    def place(self, enumerator: Enumerator) -> tuple[str, int]:
        enumerator = self._resolve(enumerator)
        style = enumerator.style
        if style == "article":
            self.stack = [enumerator]
        elif style == "dotted":
            self.stack = [e for e in self.stack if e.style == "article"] + [enumerator]
        else:
            styles = [e.style for e in self.stack]
            if style in styles:
                del self.stack[styles.index(style) :]
            self.stack.append(enumerator)
        return self.number(), len(self.stack) - 1

    def number(self) -> str:
        parts: list[str] = []
        for e in self.stack:
            if e.style in ("article", "exhibit"):
                parts = [e.token.rstrip(".:-–— ")]
            elif e.style == "dotted":
                parts = [e.value]
            elif e.style.startswith("paren"):
                parts.append(f"({e.value})")
            else:
                parts.append(("." if parts else "") + e.value)
        return "".join(parts)

    def _resolve(self, enumerator: Enumerator) -> Enumerator:
        """Letter or roman numeral: "(i)" after "(h)" is a letter, after "(a)" it opens a roman list."""
        style = self._resolve_style(enumerator)
        return (
            enumerator
            if style == enumerator.style
            else Enumerator(style, enumerator.value, enumerator.token, enumerator.length)
        )

    def _resolve_style(self, enumerator: Enumerator) -> str:
        if not enumerator.alternatives:
            return enumerator.style
        letter_style = enumerator.alternatives[0]
        last = {e.style: e.value for e in self.stack}
        previous_letter = last.get(letter_style)
        if (
            previous_letter
            and len(previous_letter) == 1
            and ord(enumerator.value[0].lower()) == ord(previous_letter.lower()) + 1
        ):
            return letter_style
        if enumerator.style in last or enumerator.value.lower() == "i":
            return enumerator.style
        return letter_style


def segment(document: Document) -> list[Clause]:
    """The clauses of `document`, in order, without overlaps; `document.text[c.start:c.end] == c.text`."""
    # The same contract is cut again when it is shown after its review: kept by the document's content.
    key = (document.sha256, document.text, document.blocks)
    recent = _RECENT.get(key)
    if recent is not None:
        return list(recent)
    clauses = _Segmenter(document).run()
    _RECENT.put(key, tuple(clauses))
    return clauses


_RECENT: Recent[tuple[str, str, tuple[Block, ...]], tuple[Clause, ...]] = Recent(4)


class _Segmenter:
    """Walks the blocks once; each `_...` method takes the block if it is that part of a contract."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.outline = _Outline()
        self.clauses: list[_Open] = []
        self.current: _Open | None = None
        # The body starts at the first numbered section; in a contract with no numbers at all, at the
        # first heading after a paragraph. Before it, paragraphs are preamble and recitals.
        self.numbered = any(_opens_section(document.text[b.start : b.end]) for b in document.blocks)
        self.in_body = False
        self.seen_paragraph = False
        self.first_entry: str | None = None  # the first entry of a table of contents, to see where it ends

    def run(self) -> list[Clause]:
        for block in self.document.blocks:
            body = self.document.text[block.start : block.end]
            if self.document.format == "markdown" and block.kind == "heading":
                body = body.lstrip("#").strip()
            enumerator = parse_enumerator(body)
            if enumerator is not None and (
                (self.in_body and not self.outline.fits(enumerator)) or self._cut_reference(enumerator)
            ):
                enumerator = None  # read it as text: see _Outline.fits and _cut_reference
            handled = (
                self._contents(block, body, enumerator)
                or self._exhibit(block, body, enumerator)
                or self._signature(block, body, enumerator)
                or self._table_row(block, body)
                or self._numbered(block, body, enumerator)
                or self._heading(block, body, enumerator)
                or self._definition(block, body)
            )
            if not handled:
                self._paragraph(block, body)
        return [_finish(self.document, index, c) for index, c in enumerate(self.clauses, start=1)]

    # --- the parts of a contract -------------------------------------------------------------------

    def _contents(self, block: Block, body: str, enumerator: Enumerator | None) -> bool:
        """A table of contents: one clause, whose entries must not move the outline."""
        current = self.current
        in_contents = current is not None and current.kind == "contents"
        entry = len(body) <= 200 and bool(_TOC_ENTRY.search(body))
        if in_contents and _entry_key(body) == self.first_entry:
            return False  # the body begins with the heading the contents began with
        # Inside the contents, an article or exhibit title without a page number is listed too.
        listed = (
            in_contents
            and enumerator is not None
            and len(body) <= _MAX_HEADING_CHARS
            and _is_heading_text(body[enumerator.length :].strip() or body, block)
        )
        if not (_TOC_TITLE.match(body) or (entry and (in_contents or enumerator is not None)) or listed):
            return False
        if in_contents:
            self._extend(block)
            if self.first_entry is None and enumerator is not None:
                self.first_entry = _entry_key(body)
            return True
        self.first_entry = None if _TOC_TITLE.match(body) else _entry_key(body)
        # The contents come before the body: what the outline saw so far was their first entries.
        self.in_body = False
        self.outline.stack = []
        if current is not None and current.heading_only and current.numbered:
            first = current.blocks[0]
            self.first_entry = _entry_key(self.document.text[first.start : first.end])
            current.blocks.append(block)
            current.kind, current.number, current.heading, current.heading_only = "contents", None, "Contents", False
        else:
            self._open(block, "contents", None, "Contents", 0)
        return True

    def _exhibit(self, block: Block, body: str, enumerator: Enumerator | None) -> bool:
        if enumerator is None or enumerator.style != "exhibit":
            return False
        if (len(body) > _MAX_HEADING_CHARS and block.kind != "heading") or body.endswith((";", ",")):
            return False  # "Exhibit A sets out the fees ..." is a sentence, not an exhibit's title
        if "." in enumerator.value and not self.in_body and block.page_start == 1:
            return False  # "Exhibit 10.8" stamped on the first page: the number of the filing, not an exhibit
        self.outline.stack = []
        rest = body[enumerator.length :].strip(" .:-–—") or None
        self._open(block, "exhibit", enumerator.token.rstrip(".:-–— "), rest, 0, heading_only=True, numbered=True)
        return True

    def _signature(self, block: Block, body: str, enumerator: Enumerator | None) -> bool:
        current = self.current
        if current is not None and current.kind == "signature":
            short = len(body) <= _MAX_HEADING_CHARS
            if _SIGNATURE_LINE.match(body) or (short and enumerator is None and not _is_section_heading(body, block)):
                self._extend(block)
                return True
        if SIGNATURE_START.match(body) or (_SIGNATURE_LINE.match(body) and self.in_body):
            self._open(block, "signature", None, "Signatures", 0)
            return True
        return False

    def _table_row(self, block: Block, body: str) -> bool:
        if block.kind != "table_row":
            return False
        first_cell = body.split("\t", 1)[0].split("\n", 1)[0].strip()
        heading = first_cell if len(first_cell) <= 60 else None
        self._open(block, "table_row", self._section_number(), heading, len(self.outline.stack))
        return True

    def _numbered(self, block: Block, body: str, enumerator: Enumerator | None) -> bool:
        if enumerator is None or enumerator.style == "bullet":
            return False
        rest = body[enumerator.length :].strip()
        if not self.in_body and enumerator.style not in ("dotted", "article"):
            # "(1) ACME INC." or "(A) The City wishes ...": parties and recitals numbered before the body.
            kind: ClauseKind = "recital" if self._in_recitals() else "preamble"
            self._open(block, kind, enumerator.token, None, 0, numbered=True)
            return True
        self.in_body = True
        number, level = self.outline.place(enumerator)
        self._close_heading()
        if not rest or _is_heading_text(rest, block):
            self._open(block, "section", number, rest.rstrip(" .:") or None, level, heading_only=True, numbered=True)
        elif DEFINITION.match(rest):
            self._open(block, "definition", number, _defined_term(rest), level, numbered=True)
        else:
            self._open(block, "section", number, _run_in_heading(rest), level, numbered=True)
        return True

    def _heading(self, block: Block, body: str, enumerator: Enumerator | None) -> bool:
        if enumerator is not None or not _is_heading_text(body, block):
            return False
        if not self.numbered and self.seen_paragraph:
            self.in_body = True
        current = self.current
        if current is not None and current.heading_only and (not current.numbered or current.heading is None):
            # A heading in two parts: "ARTICLE 1" / "BACKGROUND AND DEFINITIONS", "RECITALS" / "A. Background".
            self._extend(block, heading_only=True)
            current.heading = " ".join(part for part in (current.heading, body.rstrip(" .:")) if part)
            return True
        self._close_heading()
        kind: ClauseKind = "section" if self.in_body else "preamble"
        number = self._section_number() if self.in_body else None  # a heading under section 9 stands in it
        self._open(block, kind, number, body.rstrip(" .:"), len(self.outline.stack), heading_only=True)
        return True

    def _definition(self, block: Block, body: str) -> bool:
        if not DEFINITION.match(body):
            return False
        self._close_heading()
        self._open(block, "definition", self._section_number(), _defined_term(body), len(self.outline.stack))
        return True

    def _paragraph(self, block: Block, body: str) -> None:
        """A paragraph without a number (or a bullet): part of the clause before it, or a clause of its own."""
        self.seen_paragraph = True
        current = self.current
        if current is not None and _continues(current, body, self.document.text):
            self._extend(block)
            return
        if not self.in_body:
            kind: ClauseKind = "recital" if _RECITAL.match(body) or self._in_recitals() else "preamble"
            self._open(block, kind, None, None, 0)
        elif current is not None and current.kind == "exhibit":
            self._open(block, "exhibit", current.number, current.heading, 0)
        else:
            self._open(block, "section", self._section_number(), None, len(self.outline.stack))

    # --- helpers -----------------------------------------------------------------------------------

    def _open(
        self,
        block: Block,
        kind: ClauseKind,
        number: str | None,
        heading: str | None,
        level: int,
        heading_only: bool = False,
        numbered: bool = False,
    ) -> None:
        current = self.current
        if current is not None and current.heading_only and not current.numbered and kind not in _STANDALONE:
            # An unnumbered heading joins the clause it introduces.
            current.blocks.append(block)
            current.kind, current.number, current.level = kind, number, level
            current.heading = heading or current.heading
            current.heading_only, current.numbered = heading_only, numbered
            return
        self.current = _Open([block], kind, number, heading, level, heading_only, numbered)
        self.clauses.append(self.current)

    def _extend(self, block: Block, heading_only: bool = False) -> None:
        assert self.current is not None
        self.current.blocks.append(block)
        self.current.heading_only = heading_only

    def _close_heading(self) -> None:
        """A numbered heading followed by its subsections or definitions stays a clause of its own."""
        current = self.current
        if current is not None and current.heading_only and current.numbered and current.kind == "section":
            current.kind = "heading"

    def _cut_reference(self, enumerator: Enumerator) -> bool:
        """ "Section 4.2" or "Exhibit A" opening a paragraph right after one that stopped mid-sentence is
        the rest of that sentence ("... as set out in" / "Exhibit A attached hereto")."""
        current = self.current
        if current is None or not enumerator.token[:1].isalpha() or enumerator.style == "article":
            return False
        if current.kind in ("signature", "contents", "table_row", "heading") or current.heading_only:
            return False
        last = current.blocks[-1]
        previous = self.document.text[last.start : last.end].rstrip()
        return len(previous) > 60 and previous[-1].isalpha() and previous[-1].islower()

    def _section_number(self) -> str | None:
        return self.outline.number() or None

    def _in_recitals(self) -> bool:
        """Whether a recital ("WHEREAS", "Recitals") came shortly before."""
        text = self.document.text
        return any(
            c.kind == "recital" or _RECITAL.match(text[c.blocks[0].start : c.blocks[0].end]) for c in self.clauses[-12:]
        )


def _entry_key(body: str) -> str:
    """A contents entry or heading without leaders, page number and punctuation: "1 definitions"."""
    return re.sub(r"[\W_]+", " ", _TOC_ENTRY.sub("", body)).strip().lower()


def _opens_section(body: str) -> bool:
    enumerator = parse_enumerator(body)
    return enumerator is not None and enumerator.style in ("dotted", "article")


def _continues(current: _Open, body: str, text: str) -> bool:
    """Whether a paragraph without a number belongs to the clause before it."""
    if current.heading_only:
        return True
    last = current.blocks[-1]
    previous = text[last.start : last.end].rstrip()
    size = last.end - current.blocks[0].start
    if body[:1].islower() or previous.endswith((":", ";", ",", " and", " or")):
        return size < _LONG_CLAUSE_CHARS * 2
    if not previous.endswith(_PARAGRAPH_END) and not _is_heading_text(previous, last) and last.kind != "table_row":
        return size < _LONG_CLAUSE_CHARS  # the layout cut a sentence in two
    if parse_enumerator(body) is not None:  # a bullet under the clause's lead-in
        return size < _LONG_CLAUSE_CHARS
    return False


def _is_heading_text(body: str, block: Block) -> bool:
    """A heading: styled as one, or short, without a closing full stop, mostly in capitals or Title Case."""
    if block.kind in ("heading", "title"):
        # Some templates style whole numbered clauses as headings: a sentence is not a heading.
        enumerator = parse_enumerator(body)
        rest = body[enumerator.length :] if enumerator else body
        run_in = _RUN_IN_HEADING.match(rest)
        sentence = rest.rstrip().endswith(".") and len(rest.split()) > 5
        return len(body) <= _MAX_HEADING_CHARS and not sentence and not (run_in and rest[run_in.end() :].strip())
    if body.endswith(".") and (len(body.split()) <= 6 or (body.isupper() and len(body.split()) <= 12)):
        body = body[:-1]  # "Survival." or "LIMITATION OF LIABILITY." standing alone is a heading
    if len(body) > 90 or (body.endswith((".", ",", ";", ":")) and not body.isupper()):
        return False
    words = re.findall(r"[A-Za-z][\w'’-]*", body)
    if not words or len(words) > 12:
        return False
    letters = [c for c in body if c.isalpha()]
    if sum(c.isupper() for c in letters) / len(letters) > 0.8:
        return True
    capitalised = all(w[0].isupper() or w.lower() in _SMALL_WORDS for w in words)
    return capitalised and any(w[0].isupper() for w in words) and len(words) <= 8


def _is_section_heading(body: str, block: Block) -> bool:
    """A heading that ends a signature block: styled as one, or two or more words in capitals."""
    if block.kind in ("heading", "title"):
        return True
    words = re.findall(r"[A-Za-z][\w'’-]*", body)
    return len(words) >= 2 and body.isupper() and len(body) <= 90


def _run_in_heading(rest: str) -> str | None:
    """ "Fees. Customer shall pay" -> "Fees": a short Title Case or capitalised phrase before a full stop."""
    match = _RUN_IN_HEADING.match(rest)
    if not match:
        return None
    candidate = match.group(1).strip()
    words = re.findall(r"[A-Za-z][\w'’-]*", candidate)
    if not words or len(words) > 8:
        return None
    if all(w[0].isupper() or w.lower() in _SMALL_WORDS for w in words):
        return candidate
    return None


def _defined_term(body: str) -> str | None:
    match = DEFINITION.match(body)
    return match.group(1).strip() if match else None


def _finish(document: Document, index: int, clause: _Open) -> Clause:
    start = clause.blocks[0].start
    end = clause.blocks[-1].end
    return Clause(
        id=f"c{index}",
        number=clause.number,
        heading=clause.heading,
        text=document.text[start:end],
        start=start,
        end=end,
        page_start=min(b.page_start for b in clause.blocks),
        page_end=max(b.page_end for b in clause.blocks),
        kind=clause.kind,
        level=clause.level,
        boxes=_merge_boxes([box for b in clause.blocks for box in b.boxes]),
    )


def _merge_boxes(boxes: Sequence[Box]) -> tuple[Box, ...]:
    """Neighbouring boxes on one page in one column become one, so a viewer draws few rectangles."""
    merged: list[Box] = []
    for box in boxes:
        if merged:
            last = merged[-1]
            same_column = abs(last.x0 - box.x0) < 40 or (box.x0 < last.x1 and last.x0 < box.x1)
            if last.page == box.page and same_column and box.top - last.bottom < 30:
                merged[-1] = Box(
                    last.page,
                    min(last.x0, box.x0),
                    min(last.top, box.top),
                    max(last.x1, box.x1),
                    max(last.bottom, box.bottom),
                )
                continue
        merged.append(box)
    return tuple(merged)
