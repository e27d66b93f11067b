"""Ingestion speed: pages per second for `extract` (ingest + segmentation) against raw pdfplumber and raw
pypdfium2 text on the same CUAD PDFs, one process on one core; then DOCX on the SaaS forms.

    python bench/ingest_speed.py [--corpus ../shared/corpus] [--pdfplumber-pages 300]

pdfplumber takes about a fifth of a second a page, so by default it reads only the first files up to
--pdfplumber-pages pages, and every reader is timed on that same subset too; --pdfplumber-pages 0 means all.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium

import review

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def extract(path: Path) -> int:
    document = review.open_document(path)
    clauses = review.segment(document)
    assert all(c.boxes for c in clauses) or document.format != "pdf"
    return len(document.pages)


def raw_pdfplumber(path: Path) -> int:
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.close()
        return len(pdf.pages)


def raw_pypdfium2(path: Path) -> int:
    pdf = pdfium.PdfDocument(path)
    try:
        for index in range(len(pdf)):
            page = pdf[index]
            textpage = page.get_textpage()
            textpage.get_text_range()
            textpage.close()
            page.close()
        return len(pdf)
    finally:
        pdf.close()


def timed(reader: Callable[[Path], int], paths: list[Path]) -> tuple[int, float]:
    started = time.perf_counter()
    pages = sum(reader(path) for path in paths)
    return pages, time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--pdfplumber-pages", type=int, default=300)
    args = parser.parse_args()

    pdfs = sorted((args.corpus / "cuad" / "full_contract_pdf").glob("**/*.pdf"))
    review.open_document(pdfs[0])  # warm imports and caches once, as a long-running app would be
    subset: list[Path] = []
    pages = 0
    for path in pdfs:
        if args.pdfplumber_pages and pages >= args.pdfplumber_pages:
            break
        subset.append(path)
        pages += len(pdfium.PdfDocument(path))

    print(f"CUAD PDFs: {len(pdfs)} files; side-by-side subset: {len(subset)} files, {pages} pages")
    for name, reader, files in (
        ("extract (ingest + segment)", extract, subset),
        ("raw pypdfium2 text", raw_pypdfium2, subset),
        ("raw pdfplumber extract_text", raw_pdfplumber, subset),
        ("extract, all CUAD PDFs", extract, pdfs),
    ):
        count, seconds = timed(reader, files)
        print(f"  {name:32s} {count:5d} pages {seconds:7.2f} s  {count / seconds:7.1f} pages/s")

    forms = sorted((args.corpus / "saas_templates").glob("**/*.docx"))
    count, seconds = timed(extract, forms)
    print(f"SaaS DOCX forms: {len(forms)} files, {count} pages (Word's count, else 3,000 characters a page)")
    print(f"  {'extract (ingest + segment)':32s} {count:5d} pages {seconds:7.2f} s  {count / seconds:7.1f} pages/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
