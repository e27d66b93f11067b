"""OCR for scanned pages, with Tesseract (apt package tesseract-ocr, Python side in the [ocr] extra).

Each page is rendered at 300 dpi and Tesseract's word boxes are grouped into its own lines; the lines
then go through the same layout as a text layer, so a scanned contract gets the same blocks and boxes.
"""

from __future__ import annotations

import shutil
from functools import cache
from typing import TYPE_CHECKING

from review import errors
from review.ingest.layout import PageRuns, Run

if TYPE_CHECKING:
    import pypdfium2 as pdfium

_DPI = 300
_MIN_CONFIDENCE = 30.0


@cache
def available() -> bool:
    """True when both the tesseract program and its Python wrapper are installed."""
    if shutil.which("tesseract") is None:
        return False
    try:
        import pytesseract  # noqa: F401
    except ImportError:
        return False
    return True


def read_page(page: pdfium.PdfPage, number: int) -> PageRuns:
    import pytesseract

    scale = _DPI / 72
    width, height = page.get_size()
    image = page.render(scale=scale, grayscale=True).to_pil()
    try:
        data = pytesseract.image_to_data(image, lang="eng", output_type=pytesseract.Output.DICT)
    except (pytesseract.TesseractError, OSError) as exc:
        raise errors.OcrFailed(f"OCR failed on page {number}: {str(exc).strip()[:200]}") from None
    lines: dict[tuple[int, int, int], list[int]] = {}
    for i, word in enumerate(data["text"]):
        if word.strip() and float(data["conf"][i]) >= _MIN_CONFIDENCE:
            lines.setdefault((data["block_num"][i], data["par_num"][i], data["line_num"][i]), []).append(i)
    runs = []
    for words in lines.values():
        x0 = min(data["left"][i] for i in words) / scale
        top = min(data["top"][i] for i in words) / scale
        x1 = max(data["left"][i] + data["width"][i] for i in words) / scale
        bottom = max(data["top"][i] + data["height"][i] for i in words) / scale
        runs.append(Run(x0, top, x1, bottom, " ".join(data["text"][i] for i in words)))
    return PageRuns(number, width, height, runs)
