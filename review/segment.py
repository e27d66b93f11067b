"""Cut a Document into clauses that follow the contract's own structure.

Every numbered paragraph ("Article V", "12", "12.3", "(b)", "(iv)") opens a clause whose number is its
place in the outline as printed ("12.3(b)(iv)"). Around the numbered body the contract has other parts
that are clauses too: the preamble and recitals, definitions ("“Services” means ..."), a signature block,
and exhibits. A heading without a number joins the clause that follows it; a numbered heading with no
text of its own ("1. GRANT OF RIGHTS" before "1.1 ...") stays a clause of kind "heading". A paragraph
without a number is a clause of its own that keeps the number of the section it stands in, unless it
continues the one before (a lead-in ending with a colon, a sentence cut by the layout).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from review.model import Block, Box, Clause, ClauseKind, Document
from review.openers import DEFINITION, Enumerator, parse_enumerator

_RECITAL = re.compile(r"^(WHEREAS|Whereas|RECITALS?\b|Recitals?\b|BACKGROUND\b|NOW,? THEREFORE|Now,? therefore)")
_SIGNATURE_START = re.compile(
    r"^(IN WITNESS WHEREOF|IN WITNESS THEREOF|In witness whereof|SIGNATURE PAGE|Signature Page|SIGNATURES?$|"
    r"AGREED AND ACCEPTED|ACCEPTED AND AGREED|AGREED TO AND ACCEPTED|"
    r"Signatures?$|\[Signature)"
)
_SIGNATURE_LINE = re.compile(
    r"^(By|Name|Title|Date|Signature|Print(ed)? Name|Its|Authori[sz]ed Signat\w+|Signed)\b\s*(:|\t|$)", re.I
)
_RUN_IN_HEADING = re.compile(r"^([A-Z][\w'’&/,;\- ]{1,70}?)(?:\.(?!\d)|:|\s[-–—]\s)\s*(?=\S)")
_SMALL_WORDS = {"a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with", "upon", "from"}
_MAX_HEADING_CHARS = 120
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


@dataclass(slots=True)
class _Outline:
    """The stack of enumerators above the current paragraph, to compose numbers like "12.3(b)(ii)"."""

    stack: list[Enumerator] = field(default_factory=list)

    def place(self, enumerator: Enumerator) -> tuple[str, int]:
        style = self._resolve(enumerator)
        enumerator = Enumerator(style, enumerator.value, enumerator.token, enumerator.length)
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

    def _resolve(self, enumerator: Enumerator) -> str:
        """Letter or roman numeral: "(i)" after "(h)" is a letter, after "(a)" it opens a roman list."""
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
    text = document.text
    outline = _Outline()
    clauses: list[_Open] = []
    current: _Open | None = None
    in_body = False  # after the first numbered section: plain paragraphs are no longer preamble

    def open_clause(
        block: Block, kind: ClauseKind, number: str | None, heading: str | None, level: int, heading_only: bool = False
    ) -> _Open:
        nonlocal current
        if current is not None and current.heading_only and current.number is None and kind != "exhibit":
            # An unnumbered heading joins the clause it introduces.
            current.blocks.append(block)
            current.kind, current.number, current.level = kind, number, level
            current.heading = heading or current.heading
            current.heading_only = heading_only
            return current
        current = _Open([block], kind, number, heading, level, heading_only)
        clauses.append(current)
        return current

    for block in document.blocks:
        body = text[block.start : block.end]
        if document.format == "markdown" and block.kind == "heading":
            body = body.lstrip("#").strip()
        enumerator = parse_enumerator(body)
        short = len(body) <= _MAX_HEADING_CHARS

        if enumerator is not None and enumerator.style == "exhibit" and (short or block.kind == "heading"):
            outline.stack = []
            rest = body[enumerator.length :].strip(" .:-–—") or None
            open_clause(block, "exhibit", enumerator.token.rstrip(".:-–— "), rest, 0, heading_only=True)
            continue
        if (
            current is not None
            and current.kind == "signature"
            and (_SIGNATURE_LINE.match(body) or (short and enumerator is None and not _is_section_heading(body, block)))
        ):
            current.blocks.append(block)
            continue
        if _SIGNATURE_START.match(body) or (_SIGNATURE_LINE.match(body) and in_body):
            open_clause(block, "signature", None, "Signatures", 0)
            continue
        if block.kind == "table_row":
            first_cell = body.split("\t", 1)[0].split("\n", 1)[0].strip()
            open_clause(
                block,
                "table_row",
                outline.number() or None,
                first_cell if len(first_cell) <= 60 else None,
                len(outline.stack),
            )
            continue
        if enumerator is not None and enumerator.style != "bullet":
            number, level = outline.place(enumerator)
            rest = body[enumerator.length :].strip()
            in_body = True
            if current is not None and current.heading_only and current.number is not None:
                current.kind = "heading"
            if not rest or _is_heading_text(rest, block):
                open_clause(block, "section", number, rest.rstrip(" .:") or None, level, heading_only=True)
            else:
                kind: ClauseKind = "definition" if DEFINITION.match(rest) else "section"
                heading = _defined_term(rest) if kind == "definition" else _run_in_heading(rest)
                open_clause(block, kind, number, heading, level)
            continue
        if enumerator is None and _is_heading_text(body, block):
            if current is not None and current.heading_only and current.number is not None:
                current.kind = "heading"
            if current is not None and current.heading_only and current.number is None:
                current.blocks.append(block)  # a heading in two parts ("ARTICLE 5" / "TERMINATION")
                current.heading = f"{current.heading} {body}".strip() if current.heading else body
                continue
            open_clause(block, "section" if in_body else "preamble", None, body.rstrip(" .:"), 0, heading_only=True)
            continue
        # A plain paragraph (or a bullet).
        if DEFINITION.match(body):
            if current is not None and current.heading_only and current.number is not None:
                current.kind = "heading"
            open_clause(block, "definition", outline.number() or None, _defined_term(body), len(outline.stack))
            continue
        if current is not None and _continues(current, body, text):
            current.blocks.append(block)
            current.heading_only = False
            continue
        if _RECITAL.match(body) and not in_body:
            open_clause(block, "recital", None, None, 0)
        else:
            kind = "section" if in_body else "preamble"
            if current is not None and current.kind == "exhibit":
                kind = current.kind
            open_clause(
                block,
                kind,
                outline.number() or None if in_body else None,
                current.heading if current is not None and current.kind == "exhibit" else None,
                len(outline.stack),
            )

    return [_finish(document, index, c) for index, c in enumerate(clauses, start=1)]


def _continues(current: _Open, body: str, text: str) -> bool:
    """Whether a paragraph without a number belongs to the clause before it."""
    if current.heading_only:
        return True
    last = current.blocks[-1]
    previous = text[last.start : last.end].rstrip()
    size = last.end - current.blocks[0].start
    if body[:1].islower() or previous.endswith((":", ";", ",", " and", " or")):
        return size < _LONG_CLAUSE_CHARS * 2
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
    if body.endswith(".") and len(body.split()) <= 6:
        body = body[:-1]  # "Survival." standing alone is a heading
    if len(body) > 90 or (body.endswith((".", ",", ";", ":")) and not body.isupper()):
        return False
    words = re.findall(r"[A-Za-z][\w'’-]*", body)
    if not words or len(words) > 12:
        return False
    letters = [c for c in body if c.isalpha()]
    if sum(c.isupper() for c in letters) / len(letters) > 0.8:
        return True
    return all(w[0].isupper() or w.lower() in _SMALL_WORDS for w in words) and len(words) <= 8


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
