"""Contract review for city governments: read a software contract, cut it into clauses, check it.

>>> import review
>>> document = review.open_document("contract.pdf")    # doctest: +SKIP
>>> for clause in review.segment(document):            # doctest: +SKIP
...     print(clause.number, clause.heading, clause.page_start)
"""

from review.errors import IngestError, ReviewError
from review.ingest import open_document, read_bytes
from review.model import Block, Box, Clause, Comment, Document, Page
from review.segment import segment

__all__ = [
    "Block",
    "Box",
    "Clause",
    "Comment",
    "Document",
    "IngestError",
    "Page",
    "ReviewError",
    "open_document",
    "read_bytes",
    "segment",
]
