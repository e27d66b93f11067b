"""Ruled tables on a PDF page: their cells, so that each row reads as one row even when a cell wraps.

The ruling lines come from PDFium's path objects (cheap: no per-character work), and pdfplumber's table
geometry turns them into cells: `merge_edges` snaps and joins the lines, `edges_to_intersections` and
`intersections_to_cells` find the cells, `cells_to_tables` groups them. That is the layout work pdfplumber
is good at, without the per-character cost of opening the page in pdfplumber (about fifty times slower).
"""

from __future__ import annotations

import ctypes
from collections.abc import Iterator
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from pdfplumber.table import cells_to_tables, edges_to_intersections, intersections_to_cells, merge_edges

_MIN_RULE = 6.0  # points: shorter strokes are text decoration, not table rules
_MAX_PATHS = 3000  # a page drawn with more paths is a chart or a picture, not a contract table
_TOLERANCE = 3

Cell = tuple[float, float, float, float]  # x0, top, x1, bottom


@dataclass(frozen=True, slots=True)
class Table:
    rows: tuple[tuple[Cell, ...], ...]  # cells of each row, left to right

    @property
    def bbox(self) -> Cell:
        cells = [cell for row in self.rows for cell in row]
        return (min(c[0] for c in cells), min(c[1] for c in cells), max(c[2] for c in cells), max(c[3] for c in cells))


def find_tables(page: pdfium.PdfPage, height: float) -> list[Table]:
    """Tables of at least two rows and two columns drawn with ruling lines on `page`."""
    edges = _ruling_edges(page, height)
    if len(edges) < 6:
        return []
    merged = merge_edges(edges, _TOLERANCE, _TOLERANCE, _TOLERANCE, _TOLERANCE)
    cells = intersections_to_cells(edges_to_intersections(merged, _TOLERANCE, _TOLERANCE))
    tables = []
    for group in cells_to_tables(cells):
        rows: dict[float, list[Cell]] = {}
        for cell in group:
            rows.setdefault(round(cell[1]), []).append(cell)
        ordered = tuple(tuple(sorted(row)) for _, row in sorted(rows.items()))
        if len(ordered) >= 2 and max(len(row) for row in ordered) >= 2:
            tables.append(Table(ordered))
    return tables


def _ruling_edges(page: pdfium.PdfPage, height: float) -> list[dict[str, float | str]]:
    """Horizontal and vertical line segments of the page's paths, in pdfplumber's edge format."""
    paths = list(_paths(page))
    if len(paths) > _MAX_PATHS:
        return []
    edges: list[dict[str, float | str]] = []
    x, y = ctypes.c_float(), ctypes.c_float()
    for path, matrix in paths:
        start = previous = None
        for index in range(pdfium_c.FPDFPath_CountSegments(path)):
            segment = pdfium_c.FPDFPath_GetPathSegment(path, index)
            if not pdfium_c.FPDFPathSegment_GetPoint(segment, x, y):
                continue
            point = matrix.on_point(x.value, y.value)
            kind = pdfium_c.FPDFPathSegment_GetType(segment)
            if kind == pdfium_c.FPDF_SEGMENT_MOVETO:
                start = previous = point
                continue
            if kind == pdfium_c.FPDF_SEGMENT_LINETO and previous is not None:
                _add_edge(edges, previous, point, height)
            previous = point
            if pdfium_c.FPDFPathSegment_GetClose(segment) and start is not None:
                _add_edge(edges, point, start, height)
    return edges


def _paths(page: pdfium.PdfPage) -> Iterator[tuple[ctypes.c_void_p, pdfium.PdfMatrix]]:
    """Every path object of the page with its matrix to page space, looking inside form XObjects."""
    stack = [
        (pdfium_c.FPDFPage_GetObject(page.raw, i), pdfium.PdfMatrix())
        for i in reversed(range(pdfium_c.FPDFPage_CountObjects(page.raw)))
    ]
    count = 0
    while stack and count <= _MAX_PATHS:
        handle, outer = stack.pop()
        kind = pdfium_c.FPDFPageObj_GetType(handle)
        if kind not in (pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_FORM):
            continue
        raw_matrix = pdfium_c.FS_MATRIX()
        pdfium_c.FPDFPageObj_GetMatrix(handle, raw_matrix)
        matrix = pdfium.PdfMatrix.from_raw(raw_matrix).multiply(outer)
        if kind == pdfium_c.FPDF_PAGEOBJ_FORM:
            stack.extend(
                (pdfium_c.FPDFFormObj_GetObject(handle, i), matrix)
                for i in reversed(range(pdfium_c.FPDFFormObj_CountObjects(handle)))
            )
            continue
        count += 1
        yield handle, matrix


def _add_edge(
    edges: list[dict[str, float | str]], a: tuple[float, float], b: tuple[float, float], height: float
) -> None:
    (x0, y0), (x1, y1) = a, b
    if abs(y0 - y1) < 1 and abs(x1 - x0) >= _MIN_RULE:
        left, right = sorted((x0, x1))
        top = height - y0
        edges.append(
            {
                "x0": left,
                "x1": right,
                "top": top,
                "bottom": top,
                "width": right - left,
                "height": 0.0,
                "orientation": "h",
            }
        )
    elif abs(x0 - x1) < 1 and abs(y1 - y0) >= _MIN_RULE:
        top, bottom = sorted((height - y0, height - y1))
        edges.append(
            {"x0": x0, "x1": x0, "top": top, "bottom": bottom, "width": 0.0, "height": bottom - top, "orientation": "v"}
        )
