"""OCR quality and speed: CUAD PDF pages rendered to pictures (a "scan"), read back through OCR, and
compared word by word with the same page read from its text layer.

    python -m bench.ocr_quality [--pages 6]      (from the repository root: it borrows tests/factories.py)
"""

from __future__ import annotations

import argparse
import difflib
import random
import re
import tempfile
import time
from pathlib import Path

import pypdfium2 as pdfium

import review
from tests.factories import write_scan_of_page

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "cuad" / "full_contract_pdf"


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def page_text(document: review.Document, page: int) -> str:
    return " ".join(document.block_text(b) for b in document.blocks if b.page_start <= page <= b.page_end)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=6)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    pdfs = sorted(DEFAULT_CORPUS.glob("**/*.pdf"))
    ratios: list[float] = []
    sizes: list[int] = []
    seconds = 0.0
    with tempfile.TemporaryDirectory() as folder:
        for n in range(args.pages):
            source = rng.choice(pdfs)
            index = rng.randrange(len(pdfium.PdfDocument(source)))
            truth = words(page_text(review.open_document(source), index + 1))
            scan = write_scan_of_page(source, index, Path(folder) / f"scan{n}.pdf")
            started = time.perf_counter()
            document = review.open_document(scan)
            seconds += time.perf_counter() - started
            read = words(document.text)
            ratio = difflib.SequenceMatcher(None, truth, read, autojunk=False).ratio()
            ratios.append(ratio)
            sizes.append(len(truth))
            print(f"  {source.name[:60]:60s} p.{index + 1:<3d} {len(truth):4d} words  similarity {ratio:.3f}")
    total = sum(sizes)
    weighted = sum(r * n for r, n in zip(ratios, sizes, strict=True)) / max(total, 1)
    print(
        f"{len(ratios)} pages, {total} words: word similarity {weighted:.3f} (weighted by words), "
        f"{seconds / len(ratios):.1f} s a page"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
