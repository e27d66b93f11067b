"""From positioned runs of text on pages to paragraphs in reading order (PDF text layers and OCR).

The steps, each a function below:
1. `columns`: a page whose runs leave a vertical gutter near the middle is read column by column;
   runs that cross the gutter (titles, full-width headings) cut the page into bands read top to bottom.
2. `lines`: runs that share a baseline become one line; a wide gap inside a line is a table cell (tab);
   the cells of a ruled table (review.ingest.tables) make one line a row.
3. `drop_running_lines`: the first and last lines of a page that repeat (page numbers aside) on many
   pages, and page numbers, are running headers and footers, not contract text.
4. `paragraphs`: lines join into paragraphs unless a numbered or bulleted line, a defined term, a larger
   vertical gap, a short line ending a sentence or a heading says a new one starts; a number that the line
   before runs on into ("... with Section" / "4.2 below") does not; words hyphenated across lines are
   joined. `starts_paragraph` is shared with plain text, whose lines have no positions but lengths.
"""

from __future__ import annotations

import math
import re
import statistics
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from review.ingest.builder import LOOKALIKES, TextBuilder
from review.ingest.tables import Table
from review.model import BlockKind, Box
from review.openers import DEFINITION, SENTENCE_END, SIGNATURE_START, parse_enumerator


@dataclass(slots=True)
class Run:
    """A piece of text on one line of a page, with its box in points (origin top-left)."""

    x0: float
    top: float
    x1: float
    bottom: float
    text: str


@dataclass(slots=True)
class Line:
    page: int
    column: int  # 0 for the left column or the full width, 1 for the right column
    x0: float
    top: float
    x1: float
    bottom: float
    text: str
    col_x0: float = 0.0
    col_x1: float = 0.0
    table_row: bool = False  # a row of a ruled table, cells separated by tabs

    @property
    def height(self) -> float:
        return self.bottom - self.top


@dataclass(slots=True)
class PageRuns:
    number: int
    width: float
    height: float
    runs: list[Run] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)


_SPACES = re.compile(r"[ \u00a0\u2000-\u200a\u202f\u3000]+")
_PAGE_NUMBER = re.compile(
    r"^(page\s*)?[-–—(\[]?\s*#\s*[-–—)\]]?(\s*(of|/)\s*#)?$|^#\s*(of|/)\s*#$|^[ivxlc]+$", re.IGNORECASE
)
BARE_PAGE_NUMBER = re.compile(r"^\s*([A-Z]-)?\d{1,3}\s*$")  # "7", "A-2" alone on a line of exported text
MARKED_PAGE_NUMBER = re.compile(
    r"^\s*([-–—]\s*(\d{1,3}|[ivxlc]{1,5})\s*[-–—]|page\s+\d{1,3}(\s+of\s+\d{1,3})?)\s*$", re.IGNORECASE
)
_DIGITS = re.compile(r"\d+")
_PAGE_TOKEN = re.compile(r"\bpage\s*\d|\d+\s*(of|/)\s*\d+|(^|\s)[-–]?\d{1,4}[-–]?(\s|$)", re.I)
_CROSS_REFERENCE_END = re.compile(
    r"\b(Sections?|Articles?|Clauses?|Exhibits?|Schedules?|Paragraphs?|paragraphs?|[Ss]ubsections?|Appendix|Annex|"
    r"Attachments?|of|to|in|under|with|than|within|per|at|by|from|pursuant to)$"
)
_EDGE_LINES = 6  # lines at each edge of a page that may be running headers or footers
# Prefixes whose hyphen is part of the word ("non-exclusive"), kept when a line break splits it.
_KEEP_HYPHEN = frozenset(
    (
        "non",
        "self",
        "co",
        "pre",
        "post",
        "anti",
        "multi",
        "sub",
        "third",
        "cross",
        "well",
        "long",
        "short",
        "full",
        "part",
        "end",
        "semi",
        "quasi",
        "mid",
        "so",
        "e",
        "on",
        "off",
        "re",
    )
)


# PDFium marks a hyphen at a line end as \x02 or U+FFFE; a soft hyphen shows only where a line breaks.
_PDF_CHARACTERS = str.maketrans(
    {**LOOKALIKES, "\x02": "-", "\ufffe": "-", "\u2010": "-", "\u2011": "-", "\u00ad": "-", "\r": " ", "\n": " "}
)


def clean(text: str) -> str:
    """One run's text with hyphen variants as "-", look-alike characters replaced, white space folded."""
    return _SPACES.sub(" ", text.translate(_PDF_CHARACTERS)).strip()


def columns(page: PageRuns) -> list[list[tuple[int, list[Run]]]]:
    """Bands of the page from top to bottom, each a list of (column index, runs) in reading order."""
    runs = [run for run in page.runs if run.text.strip()]
    gutter = _find_gutter(runs, page.width)
    if gutter is None:
        return [[(0, runs)]]
    spanning = sorted((r for r in runs if r.x0 < gutter < r.x1), key=lambda r: r.top)
    sides = [r for r in runs if not (r.x0 < gutter < r.x1)]
    bands: list[list[tuple[int, list[Run]]]] = []
    upper = float("-inf")
    for cut in [*spanning, None]:
        lower = cut.top if cut is not None else float("inf")
        band = [r for r in sides if upper <= (r.top + r.bottom) / 2 < lower]
        left = [r for r in band if r.x1 <= gutter]
        right = [r for r in band if r.x0 >= gutter]
        bands.append([(0, left), (1, right)])
        if cut is not None:
            bands.append([(0, [cut])])
            upper = (cut.top + cut.bottom) / 2
    return bands


def _find_gutter(runs: Sequence[Run], width: float) -> float | None:
    """An x position near the middle that (almost) no run crosses, with plenty of text on both sides."""
    if len(runs) < 12 or width <= 0:
        return None
    # How many runs cross each whole x position, by a difference array: one pass over the runs.
    crossings = [0] * (int(width) + 2)
    for run in runs:
        first, last = max(math.floor(run.x0) + 1, 0), min(math.ceil(run.x1) - 1, int(width))
        if first <= last:
            crossings[first] += 1
            crossings[last + 1] -= 1
    for x in range(1, len(crossings)):
        crossings[x] += crossings[x - 1]
    candidates = range(int(width * 0.35), int(width * 0.65))
    if not candidates:
        return None
    fewest = min(candidates, key=lambda x: crossings[x])
    if crossings[fewest] > max(1, len(runs) // 20):
        return None
    gutter = float(fewest)
    left = [r for r in runs if r.x1 <= gutter]
    right = [r for r in runs if r.x0 >= gutter]
    if min(len(left), len(right)) < 0.25 * len(runs):
        return None

    def span(side: list[Run]) -> tuple[float, float]:
        return min(r.top for r in side), max(r.bottom for r in side)

    (l_top, l_bottom), (r_top, r_bottom) = span(left), span(right)
    overlap = min(l_bottom, r_bottom) - max(l_top, r_top)
    shorter = min(l_bottom - l_top, r_bottom - r_top)
    if shorter <= 0 or overlap < 0.5 * shorter:
        return None
    # The two sides must each read as text lines, not a label column beside a value column.
    if _median_width(left) < 0.2 * width or _median_width(right) < 0.2 * width:
        return None
    return gutter


def _median_width(runs: Sequence[Run]) -> float:
    return statistics.median(r.x1 - r.x0 for r in runs)


def lines(page: PageRuns) -> list[Line]:
    """The page's lines in reading order; each row of a ruled table is one line."""
    if page.tables:
        return _lines_around_tables(page)
    result: list[Line] = []
    for band in columns(page):
        for column, runs in band:
            if runs:
                result.extend(_column_lines(page.number, column, runs))
    return result


def _column_lines(page: int, column: int, runs: list[Run]) -> list[Line]:
    col_x0 = min(r.x0 for r in runs)
    col_x1 = max(r.x1 for r in runs)
    found = [_line(page, column, group, col_x0, col_x1) for group in _group_by_baseline(runs)]
    return [line for line in found if line.text]


def _lines_around_tables(page: PageRuns) -> list[Line]:
    """Runs inside a table's cells become its rows; the rest of the page reads as one column around them."""
    cells: dict[tuple[int, int, int], list[Run]] = {}
    free: list[Run] = []
    for run in page.runs:
        x, y = (run.x0 + run.x1) / 2, (run.top + run.bottom) / 2
        where = next(
            (
                (t, r, c)
                for t, table in enumerate(page.tables)
                for r, row in enumerate(table.rows)
                for c, (x0, top, x1, bottom) in enumerate(row)
                if x0 <= x <= x1 and top <= y <= bottom
            ),
            None,
        )
        if where is None:
            free.append(run)
        else:
            cells.setdefault(where, []).append(run)
    result = _column_lines(page.number, 0, free) if free else []
    for t, table in enumerate(page.tables):
        x0, _, x1, _ = table.bbox
        for r, row in enumerate(table.rows):
            texts = [_cell_text(cells.get((t, r, c), [])) for c in range(len(row))]
            while texts and not texts[-1]:
                texts.pop()
            if any(texts):
                top, bottom = min(cell[1] for cell in row), max(cell[3] for cell in row)
                result.append(Line(page.number, 0, row[0][0], top, row[-1][2], bottom, "\t".join(texts), x0, x1, True))
    result.sort(key=lambda line: line.top)
    return result


def _cell_text(runs: list[Run]) -> str:
    return " ".join(
        " ".join(clean(r.text) for r in sorted(group, key=lambda r: r.x0)) for group in _group_by_baseline(runs)
    )


def _group_by_baseline(runs: list[Run]) -> list[list[Run]]:
    """Runs that overlap vertically share a line. Small runs (quote marks, full stops, superscripts) are
    placed afterwards on the line they sit in, so they cannot split or bridge lines."""
    if not runs:
        return []
    heights = sorted(r.bottom - r.top for r in runs)
    typical = heights[len(heights) // 2]
    groups: list[list[Run]] = []
    bounds: list[tuple[float, float]] = []
    small: list[Run] = []
    for run in sorted(runs, key=lambda r: (r.top, r.x0)):
        height = run.bottom - run.top
        if height < 0.6 * typical:
            small.append(run)
            continue
        if groups:
            top, bottom = bounds[-1]
            if min(bottom, run.bottom) - max(top, run.top) >= 0.5 * min(bottom - top, height):
                groups[-1].append(run)
                if height <= 2 * typical:  # a tall run (a drop cap, a bracket) must not swallow the next line
                    bounds[-1] = (min(top, run.top), max(bottom, run.bottom))
                continue
        groups.append([run])
        bounds.append((run.top, run.bottom))
    for run in small:
        middle = (run.top + run.bottom) / 2
        nearest = min(range(len(groups)), key=lambda i: abs(middle - (bounds[i][0] + bounds[i][1]) / 2), default=None)
        if nearest is not None and bounds[nearest][0] - typical / 2 <= middle <= bounds[nearest][1] + typical / 2:
            groups[nearest].append(run)
        else:
            groups.append([run])
            bounds.append((run.top, run.bottom))
    order = sorted(range(len(groups)), key=lambda i: bounds[i][0])
    return [groups[i] for i in order]


def _line(page: int, column: int, runs: list[Run], col_x0: float, col_x1: float) -> Line:
    runs.sort(key=lambda r: r.x0)
    height = max(r.bottom - r.top for r in runs)
    pieces: list[str] = []
    previous: Run | None = None
    for run in runs:
        text = clean(run.text)
        if not text:
            continue
        if previous is not None:
            gap = run.x0 - previous.x1
            # A gap of several character heights is a table cell or a tab stop, not a word space,
            # except after a clause number set in the margin ("7.      TERM").
            if gap > 2.5 * height and not (len(pieces) == 1 and parse_enumerator(pieces[0] + " ") is not None):
                pieces.append("\t")
            elif gap > 0.15 * height or previous.text[-1:].isspace() or run.text[:1].isspace():
                pieces.append(" ")
            # else: runs that touch (a bold word and its quote marks, a word and its full stop) join up
        pieces.append(text)
        previous = run
    return Line(
        page=page,
        column=column,
        x0=min(r.x0 for r in runs),
        top=min(r.top for r in runs),
        x1=max(r.x1 for r in runs),
        bottom=max(r.bottom for r in runs),
        text="".join(pieces).strip(),
        col_x0=col_x0,
        col_x1=col_x1,
    )


def drop_running_lines(pages: list[tuple[PageRuns, list[Line]]]) -> list[list[Line]]:
    """Remove running headers, footers and page numbers: they repeat on pages and are not contract text."""

    def zones(page_lines: list[Line]) -> dict[int, str]:
        """The first and last few lines of a page. Not a band of the page: filings often shrink a page
        onto the top half of the sheet, putting its footer in the middle."""
        ordered = sorted(range(len(page_lines)), key=lambda i: page_lines[i].top)
        found = {i: "top" for i in ordered[:_EDGE_LINES]}
        found.update({i: "bottom" for i in ordered[-_EDGE_LINES:]})
        return found

    def key(line: Line) -> str:
        # Digits count as the same only in a line that carries a page number ("Page 3 of 9", "... 12").
        text = line.text.lower().replace(" ", "")
        return _DIGITS.sub("#", text) if _PAGE_TOKEN.search(line.text) else text

    edges = [zones(page_lines) for _, page_lines in pages]
    seen: Counter[tuple[str, str]] = Counter()
    for (_, page_lines), edge in zip(pages, edges, strict=True):
        seen.update({(z, key(page_lines[i])) for i, z in edge.items()})
    repeated = max(2, int(0.4 * len(pages) + 0.5))
    kept: list[list[Line]] = []
    for (_, page_lines), edge in zip(pages, edges, strict=True):
        keep = []
        for i, line in enumerate(page_lines):
            z = edge.get(i)
            if z is not None:
                if len(pages) > 1 and seen[(z, key(line))] >= repeated:
                    continue
                if _PAGE_NUMBER.match(_DIGITS.sub("#", line.text.strip())):
                    continue
            if MARKED_PAGE_NUMBER.match(line.text):
                continue  # "- 4 -" or "Page 4": a page number even mid-sheet (two pages printed on one)
            keep.append(line)
        kept.append(keep)
    return kept


def typical_gap_between(all_lines: Iterable[Line]) -> float:
    gaps = []
    previous: Line | None = None
    for line in all_lines:
        if previous is not None and previous.page == line.page and previous.column == line.column:
            gap = line.top - previous.bottom
            if -2 < gap < 3 * max(previous.height, 1):
                gaps.append(round(gap, 0))
        previous = line
    if not gaps:
        return 3.0
    return Counter(gaps).most_common(1)[0][0]


def looks_like_heading(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    if not letters or len(text) > 90:
        return False
    return sum(c.isupper() for c in letters) / len(letters) > 0.8 and not text.endswith(",")


def starts_paragraph(previous: Line, line: Line, typical_gap: float) -> bool:
    """Whether `line` opens a new paragraph rather than continuing the one `previous` is in."""
    if line.table_row or previous.table_row:
        return True
    enumerator = parse_enumerator(line.text)
    if enumerator is not None:
        # ... unless it is a reference the line before runs on into: "in accordance with Section" /
        # "13.2 below", "as described in" / "Exhibit A attached".
        rest = line.text[enumerator.length :]
        lower = not rest or rest[0].islower() or rest[0] in ",;:)"
        return not (_CROSS_REFERENCE_END.search(previous.text) or (lower and _runs_on(previous)))
    if DEFINITION.match(line.text) or SIGNATURE_START.match(line.text):
        return not _runs_on(previous)
    if "\t" in line.text:
        return True
    if previous.page != line.page or previous.column != line.column:
        # A sentence cut by a page or column break goes on; a finished one, or a heading, ends its paragraph.
        ended = previous.text.endswith(SENTENCE_END)
        return ended or looks_like_heading(previous.text) or looks_like_heading(line.text)
    gap = line.top - previous.bottom
    if gap > typical_gap + max(0.5 * previous.height, 3):
        return True
    width = max(previous.col_x1 - previous.col_x0, 1)
    if previous.text.endswith(SENTENCE_END) and previous.x1 < previous.col_x1 - 0.15 * width:
        return True
    return looks_like_heading(previous.text) and not looks_like_heading(line.text)


def _runs_on(previous: Line) -> bool:
    """Whether a line's sentence goes on into the next line: it fills the line to the right margin
    without closing its sentence or clause."""
    text = previous.text
    if "\t" in text:
        return False  # a table row or a contents entry ends at its last cell
    if text.endswith(SENTENCE_END) or looks_like_heading(text):
        return False
    width = max(previous.col_x1 - previous.col_x0, 1)
    return previous.x1 >= previous.col_x1 - 0.12 * width


def _join(text: str, continuation: str, words: _Vocabulary) -> str:
    """Join a line to the paragraph so far; a word hyphenated at the line end is made whole, keeping the
    hyphen of a compound ("set-up") where the document writes it so elsewhere."""
    if not text.endswith("-") or not continuation[:1].isalpha():
        return text + " " + continuation
    left = re.search(r"([A-Za-z]+)-$", text)
    right = re.match(r"[A-Za-z]+", continuation)
    if left is None or right is None or continuation[0].isupper():
        return text + continuation  # "Sub-" / "Reseller": a hyphenated name
    head, tail = left.group(1).lower(), right.group(0).lower()
    if f"{head}-{tail}" in words.hyphenated or (head in _KEEP_HYPHEN and head + tail not in words.plain):
        return text + continuation
    return text[:-1] + continuation


@dataclass(frozen=True, slots=True)
class _Vocabulary:
    plain: frozenset[str]
    hyphenated: frozenset[str]

    @classmethod
    def of(cls, lines_: Iterable[Line]) -> _Vocabulary:
        text = " ".join(line.text for line in lines_).lower()
        return cls(frozenset(re.findall(r"[a-z]+", text)), frozenset(re.findall(r"[a-z]+-[a-z]+", text)))


def _boxes(lines_: Sequence[Line]) -> tuple[Box, ...]:
    """One box per page and column the paragraph covers."""
    boxes: list[Box] = []
    last: tuple[int, int] | None = None
    for line in lines_:
        here = (line.page, line.column)
        if boxes and here == last:
            b = boxes[-1]
            boxes[-1] = Box(
                b.page, min(b.x0, line.x0), min(b.top, line.top), max(b.x1, line.x1), max(b.bottom, line.bottom)
            )
        else:
            boxes.append(Box(line.page, line.x0, line.top, line.x1, line.bottom))
        last = here
    return tuple(round_box(b) for b in boxes)


def round_box(box: Box) -> Box:
    return Box(box.page, round(box.x0, 1), round(box.top, 1), round(box.x1, 1), round(box.bottom, 1))


def paragraphs(page_lines: list[list[Line]], builder: TextBuilder) -> None:
    """Join lines into paragraph blocks and add them to `builder`."""
    flat = [line for page in page_lines for line in page]
    typical_gap = typical_gap_between(flat)
    words = _Vocabulary.of(flat)
    current: list[Line] = []
    text = ""

    def flush() -> None:
        if not current:
            return
        kind: BlockKind = "paragraph"
        if current[0].table_row or (len(current) == 1 and "\t" in text):
            kind = "table_row"
        elif len(current) == 1 and looks_like_heading(text):
            kind = "heading"
        elif parse_enumerator(text) is not None:
            kind = "list_item"
        builder.add(text, kind=kind, page_start=current[0].page, page_end=current[-1].page, boxes=_boxes(current))

    for line in flat:
        if current and not starts_paragraph(current[-1], line, typical_gap):
            text = _join(text, line.text, words)
            current.append(line)
            continue
        flush()
        current = [line]
        text = line.text
    flush()
