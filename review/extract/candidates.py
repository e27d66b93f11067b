"""Candidate spans a clause type can be: whole clauses, their sentences, sections with their sub-clauses,
and the short answers contracts state once (dates, the document's name).

Labelled clause strings (CUAD) are sometimes a clause, more often one sentence of it, sometimes a section
with its parts, and for dates and names a few words; offering every granularity lets the classifier pick
the one that fits, and keeps its scores per candidate honest.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from review.model import Clause, Document

CandidateKind = Literal["clause", "sentence", "section", "date", "title"]

MAX_SECTION_CHARS = 6000  # longer sections are never a single labelled answer
OPENING_CHARS = 4000  # dates and names of the agreement are stated near its start

# A sentence ends at . ; ! ? followed by space and a capital, digit or opening bracket, unless the
# dot closes an abbreviation or an initial.
_SENTENCE_BREAK = re.compile(r"(?<=[.;!?])[\"”’)]*\s+(?=[“\"'(\[]?[A-Z0-9])")
_ABBREVIATION = re.compile(
    r"(?:\b(?:[A-Z]|Inc|Co|Corp|Ltd|No|Nos|Sec|Secs|St|Mr|Mrs|Ms|Dr|Jr|Sr|U\.S|U\.K|v|vs|e\.g|i\.e|etc|Art|"
    r"Para|approx|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|L\.P|N\.A|S\.A|B\.V)\.)[\"”’)]*$"
)

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
)
DATE = re.compile(
    rf"\b(?:{_MONTH}\s+(?:\d{{1,2}}|_+|\[[^\]]{{0,12}}\])(?:st|nd|rd|th)?\s*,?\s*(?:\d{{4}}|_+|\[[^\]]{{0,12}}\])"
    rf"|(?:\d{{1,2}}|_+)(?:st|nd|rd|th)?\s+(?:day\s+of\s+)?{_MONTH},?\s+\d{{4}}"
    rf"|{_MONTH},?\s+\d{{4}}"
    r"|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}"
    r"|\d{4}-\d{2}-\d{2})",
    re.IGNORECASE,
)
# "This Master Services Agreement", "the SOFTWARE LICENSE AGREEMENT": the name a contract gives itself.
DOCUMENT_NAME = re.compile(
    r"\b(?:(?:[A-Z][\w&'-]*|of|and|for|to)\s+){0,7}"
    r"(?:Agreement|AGREEMENT|Contract|CONTRACT|Amendment|AMENDMENT|Addendum|ADDENDUM|License|LICENSE|Terms|TERMS)\b"
)


@dataclass(frozen=True, slots=True)
class Candidate:
    start: int
    end: int
    kind: CandidateKind
    clause: int  # index of the clause it starts in


def sentence_spans(text: str, base: int = 0) -> list[tuple[int, int]]:
    """Sentences of `text` as (start, end) offsets plus `base`; a text without a break is one sentence."""
    spans = []
    start = 0
    for match in _SENTENCE_BREAK.finditer(text):
        if _ABBREVIATION.search(text[start : match.start()]):
            continue
        end = _strip_end(text, start, match.start())
        spans.append((base + start, base + end))
        start = match.end()
    end = _strip_end(text, start, len(text))
    if end > start:
        spans.append((base + start, base + end))
    return spans


def _strip_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    # keep the closing quote or bracket that follows the full stop
    while end < len(text) and text[end] in '"”’)':
        end += 1
    return end


def candidates(document: Document, clauses: Sequence[Clause]) -> list[Candidate]:
    """Every span the classifier scores, in document order within each kind."""
    found: list[Candidate] = []
    text = document.text
    for index, clause in enumerate(clauses):
        found.append(Candidate(clause.start, clause.end, "clause", index))
        sentences = sentence_spans(clause.text, clause.start)
        if len(sentences) > 1:
            found.extend(Candidate(start, end, "sentence", index) for start, end in sentences)
        end = _section_end(clauses, index)
        if end is not None:
            found.append(Candidate(clause.start, end, "section", index))
    opening_end = min(len(text), max(OPENING_CHARS, clauses[min(len(clauses), 3) - 1].end if clauses else 0))
    starts = [clause.start for clause in clauses]
    for match in DATE.finditer(text):
        found.append(Candidate(match.start(), match.end(), "date", _clause_at(starts, match.start())))
    for match in DOCUMENT_NAME.finditer(text, 0, opening_end):
        found.append(Candidate(match.start(), match.end(), "title", _clause_at(starts, match.start())))
    for index, clause in enumerate(clauses[:8]):
        if clause.kind in ("heading", "preamble") and len(clause.text) <= 120 and clause.start < opening_end:
            found.append(Candidate(clause.start, clause.end, "title", index))
    return found


def _section_end(clauses: Sequence[Clause], index: int) -> int | None:
    """End of a clause together with its sub-clauses, or of a heading with the clause it heads."""
    clause = clauses[index]
    if index + 1 >= len(clauses):
        return None
    if clause.kind == "heading":
        nxt = clauses[index + 1]
        return nxt.end if nxt.end - clause.start <= MAX_SECTION_CHARS else None
    if not clause.number:
        return None
    end = None
    for later in clauses[index + 1 :]:
        if not later.number or not _is_below(later.number, clause.number, later.level, clause.level):
            break
        if later.end - clause.start > MAX_SECTION_CHARS:
            return None
        end = later.end
    return end


def _is_below(number: str, parent: str, level: int | None, parent_level: int | None) -> bool:
    if level is not None and parent_level is not None:
        return level > parent_level and number.startswith(parent)
    return number.startswith(parent) and len(number) > len(parent)


def _clause_at(starts: Sequence[int], offset: int) -> int:
    return max(0, bisect_right(starts, offset) - 1)
