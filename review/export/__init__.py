"""Exports of a review case: the memo (DOCX), the vendor redline (DOCX or PDF with comments), the case as
JSON and CSV, and the review metrics as open data.

    >>> from review.export import write_memo, write_redline, write_case_json, write_open_data_csv
    >>> write_memo(case, "memo.docx")                                        # doctest: +SKIP
    >>> write_redline(case, contract_bytes, "docx", "redline.docx")          # doctest: +SKIP
    RedlineResult(path=PosixPath('redline.docx'), anchored=7, unanchored=0, missing=12)
    >>> write_open_data_csv(queries.case_outcomes(store), "reviews.csv")  # doctest: +SKIP

Every function takes the frozen views of review.workflow.views, so it can run on any thread, away from the
database session that made them.
"""

from review.export.memo import write_memo
from review.export.open_data import (
    OPEN_DATA_COLUMNS,
    CaseOutcome,
    open_data_rows,
    write_open_data_csv,
)
from review.export.redline import RedlineResult, comment_text, redline_findings, write_redline
from review.export.tables import CSV_COLUMNS, case_csv_rows, case_json, write_case_csv, write_case_json

__all__ = [
    "CSV_COLUMNS",
    "OPEN_DATA_COLUMNS",
    "CaseOutcome",
    "RedlineResult",
    "case_csv_rows",
    "case_json",
    "comment_text",
    "open_data_rows",
    "redline_findings",
    "write_case_csv",
    "write_case_json",
    "write_memo",
    "write_open_data_csv",
    "write_redline",
]
