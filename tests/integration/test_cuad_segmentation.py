"""A fast slice of bench/segmentation_quality.py: labelled CUAD clauses fall within one or two segments."""

import bisect
import difflib
import re
from pathlib import Path

import pytest

from review import open_document, segment
from review.eval.cuad import TextLocator, contracts
from review.ingest import ocr
from tests.conftest import corpus_path
from tests.factories import write_scan_of_page


@pytest.mark.parametrize("kind", ["txt", "pdf"])
def test_cuad_labelled_clauses_lie_within_two_segments(kind: str) -> None:
    corpus = corpus_path("cuad")
    within = located = 0
    chosen = [c for c in contracts(corpus) if (c.txt if kind == "txt" else c.pdf) is not None][:12]
    for contract in chosen:
        document = open_document(contract.txt if kind == "txt" else contract.pdf)
        clauses = segment(document)
        starts = [c.start for c in clauses]
        locator = TextLocator(document.text)
        for strings in contract.labels.values():
            for label in strings:
                for start, end in locator.spans(label):
                    located += 1
                    first = bisect.bisect_right(starts, start) - 1
                    last = bisect.bisect_right(starts, end - 1) - 1
                    within += last - first + 1 <= 2
        # Segments stay clause-sized: not a handful of giant ones.
        assert len(clauses) >= len(document.text) / 3000
    assert located > 150
    assert within / located >= 0.9


@pytest.mark.skipif(not ocr.available(), reason="tesseract-ocr is not installed (the Makefile installs it)")
def test_a_scanned_real_contract_page_reads_like_its_text_layer(tmp_path: Path, data_dir: Path) -> None:
    source = data_dir / "cuad" / "Freecook-Hosting-Agreement.pdf"
    truth = re.findall(r"\w+", open_document(source).text.lower())
    scanned = open_document(write_scan_of_page(source, 0, tmp_path / "scan.pdf"))
    assert scanned.ocr
    read = re.findall(r"\w+", scanned.text.lower())
    first_page = truth[: len(read) + 20]
    assert difflib.SequenceMatcher(None, first_page, read, autojunk=False).ratio() > 0.9
    clauses = segment(scanned)
    assert any(c.number == "1(a)" for c in clauses)
    assert all(c.boxes for c in clauses)
