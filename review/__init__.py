"""Contract review for city governments: read a software contract, classify its clauses, check it against policy.

>>> import review
>>> report = review.review_document("contract.pdf", intake="intake.yaml")  # doctest: +SKIP
>>> for finding in report.findings:                                          # doctest: +SKIP
...     print(finding.severity, finding.rule, finding.page, finding.message)
>>> document = review.open_document("contract.pdf")    # doctest: +SKIP
>>> for clause in review.segment(document):            # doctest: +SKIP
...     print(clause.number, clause.heading, clause.page_start)
>>> analysis = review.analyse(document)                 # doctest: +SKIP
>>> sorted(analysis.found)                              # doctest: +SKIP
['governing_law', 'limitation_of_liability', ...]

Review cases (submitted, worked through, decided, exported) live in a `Store`; the use cases are
`review.workflow.services`, the reading side `review.workflow.queries`, the exports `review.export`.
"""

import importlib
from typing import TYPE_CHECKING, Any

from review.errors import IngestError, ReviewError
from review.model import Block, Box, Clause, Comment, Document, Page, Value
from review.segment import segment  # eager: the function must shadow its submodule's name

if TYPE_CHECKING:
    from review.extract.analysis import Analysis, ClauseAnalysis, TypeScore, analyse
    from review.extract.values import extract_values
    from review.ingest import open_document, read_bytes
    from review.policy.engine import review_document
    from review.policy.intake import Intake
    from review.policy.report import Finding, Report
    from review.policy.rules import RuleSet, load_rules
    from review.store.unit_of_work import Store

# Imported on first use, so `import review` (and the app's window) stays quick: the analysis and the rules load
# spaCy, the readers pdfplumber and PDFium, the store SQLAlchemy; each takes a good part of a second.
_LAZY = {
    "Analysis": "review.extract.analysis",
    "ClauseAnalysis": "review.extract.analysis",
    "TypeScore": "review.extract.analysis",
    "analyse": "review.extract.analysis",
    "extract_values": "review.extract.values",
    "open_document": "review.ingest",
    "read_bytes": "review.ingest",
    "Finding": "review.policy.report",
    "Report": "review.policy.report",
    "Intake": "review.policy.intake",
    "RuleSet": "review.policy.rules",
    "Store": "review.store.unit_of_work",
    "load_rules": "review.policy.rules",
    "review_document": "review.policy.engine",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'review' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))  # the lazy names too: tab completion and help() list them


__all__ = [
    "Analysis",
    "Block",
    "Box",
    "Clause",
    "ClauseAnalysis",
    "Comment",
    "Document",
    "Finding",
    "IngestError",
    "Intake",
    "Page",
    "Report",
    "ReviewError",
    "RuleSet",
    "Store",
    "TypeScore",
    "Value",
    "analyse",
    "extract_values",
    "load_rules",
    "open_document",
    "read_bytes",
    "review_document",
    "segment",
]
