"""Contract review for city governments: read a software contract, cut it into clauses, classify them.

>>> import review
>>> document = review.open_document("contract.pdf")    # doctest: +SKIP
>>> for clause in review.segment(document):            # doctest: +SKIP
...     print(clause.number, clause.heading, clause.page_start)
>>> analysis = review.analyse(document)                 # doctest: +SKIP
>>> sorted(analysis.found)                              # doctest: +SKIP
['governing_law', 'limitation_of_liability', ...]
"""

from typing import TYPE_CHECKING, Any

from review.errors import IngestError, ReviewError
from review.extract.values import extract_values
from review.ingest import open_document, read_bytes
from review.model import Block, Box, Clause, Comment, Document, Page, Value
from review.segment import segment

if TYPE_CHECKING:
    from review.extract.analysis import Analysis, ClauseAnalysis, TypeScore, analyse

# The analysis loads spaCy (most of a second): imported on first use, so `import review` stays quick.
_LAZY = {"Analysis", "ClauseAnalysis", "TypeScore", "analyse"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from review.extract import analysis

        return getattr(analysis, name)
    raise AttributeError(f"module 'review' has no attribute {name!r}")


__all__ = [
    "Analysis",
    "Block",
    "Box",
    "Clause",
    "ClauseAnalysis",
    "Comment",
    "Document",
    "IngestError",
    "Page",
    "ReviewError",
    "TypeScore",
    "Value",
    "analyse",
    "extract_values",
    "open_document",
    "read_bytes",
    "segment",
]
