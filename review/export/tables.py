"""A case as data: the whole CaseView as JSON, and its findings as CSV (one row a finding) for a spreadsheet.

    >>> from review.export import case_json, write_case_csv
    >>> case_json(case)["findings"][0]["disposed_at"]     # doctest: +SKIP
    '2026-11-03T14:05:00+00:00'
    >>> write_case_csv(case, "case-42-findings.csv")     # doctest: +SKIP
    PosixPath('case-42-findings.csv')

The JSON has every field of the CaseView (documents, findings with their `details`, resolved findings,
comments, decisions, audit events) with datetimes in ISO 8601, plus `summary` (findings by severity).
The CSV is plain UTF-8 with a header row; its columns are `CSV_COLUMNS`. A text cell a spreadsheet would
run as a formula (it begins with =, +, -, @) gets a leading apostrophe: quotes come from vendors' files.
"""

from __future__ import annotations

import csv
import dataclasses
import json
from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Any

from review.export.labels import writable
from review.workflow.views import CaseView, FindingView

CSV_COLUMNS = (
    "case_id",
    "vendor",
    "version",
    "rule",
    "severity",
    "kind",
    "title",
    "document",
    "page",
    "quote",
    "value",
    "threshold",
    "change",
    "disposition",
    "reason",
    "disposed_by",
    "disposed_at",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def case_json(case: CaseView) -> dict[str, Any]:
    """Everything in the CaseView as JSON-serialisable values (datetimes as ISO 8601 strings)."""
    data = _jsonable(case)
    assert isinstance(data, dict)
    data["summary"] = case.severity_counts()
    return data


def write_case_json(case: CaseView, path: str | Path) -> Path:
    target = writable(path)
    target.write_text(json.dumps(case_json(case), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return target


def case_csv_rows(case: CaseView) -> list[dict[str, str]]:
    """The CSV's rows, one a finding of the latest version, as strings (empty for no value)."""
    return [_row(case, finding) for finding in case.findings]


def write_case_csv(case: CaseView, path: str | Path) -> Path:
    target = writable(path)
    with target.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=CSV_COLUMNS)
        writer.writeheader()
        for row in case_csv_rows(case):
            writer.writerow({key: _defused(value) for key, value in row.items()})
    return target


def _row(case: CaseView, finding: FindingView) -> dict[str, str]:
    values: dict[str, Any] = {
        "case_id": case.id,
        "vendor": case.vendor,
        "version": finding.version,
        "rule": finding.rule,
        "severity": finding.severity,
        "kind": finding.kind,
        "title": finding.title,
        "document": finding.document,
        "page": finding.page,
        "quote": finding.quote,
        "value": finding.value,
        "threshold": finding.threshold,
        "change": finding.change,
        "disposition": finding.disposition,
        "reason": finding.reason,
        "disposed_by": finding.disposed_by,
        "disposed_at": finding.disposed_at.isoformat() if finding.disposed_at else None,
    }
    return {key: "" if value is None else str(value) for key, value in values.items()}


def _defused(text: str) -> str:
    """A cell a spreadsheet would evaluate (formula injection from a vendor's text) made plain text."""
    return "'" + text if text.startswith(_FORMULA_START) and not _is_number(text) else text


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _jsonable(value: Any) -> Any:
    # The views hold read-only mappings (not deep-copyable, so not dataclasses.asdict) and tuples.
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(key): _jsonable(item) for key, item in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [_jsonable(item) for item in value]
    if isinstance(value, Enum):
        return _jsonable(value.value)
    if isinstance(value, Decimal | Path):
        return str(value)
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)
