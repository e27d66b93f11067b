"""A fast slice of bench/segmentation_quality.py: labelled CUAD clauses fall within one or two segments."""

import bisect

import pytest

from review import open_document, segment
from review.eval.cuad import TextLocator, contracts
from tests.conftest import corpus_path


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
