"""Review metrics as open data (DA.5): how many contracts each department sent for review, how they were
decided, how long it took, and what the reviews found, by month; with no confidential content.

The file holds counts and durations only: no vendor or product names, no contract text or quotes, no intake
figures (costs, terms), no people's names and no free text (notes, reasons). `CaseOutcome` holds only what
the published file needs, so nothing else can leak into it; `queries.case_outcomes(store)` reads them.

    >>> from datetime import datetime
    >>> outcome = CaseOutcome("Public Works", datetime(2026, 3, 2), datetime(2026, 3, 9), "approved", "approved",
    ...                       {"blocker": 1, "major": 2}, {"waive": 1, "flag": 2})
    >>> row = open_data_rows([outcome])[0]
    >>> row["month"], row["cases_decided"], row["decision_approved"], row["turnaround_days_median"]
    ('2026-03', 1, 1, 7.0)

Data dictionary (one row per department and month; rows sorted by month, then department):

    column                              type     meaning
    month                               text     YYYY-MM: the month the cases were submitted for review
    department                          text     the city department that submitted them
    cases_submitted                     integer  cases submitted that month
    cases_decided                       integer  of those, cases with a decision recorded (the latest decision)
    decision_approved                   integer  of those, decided "approved"
    decision_approved_with_conditions   integer  ... "approved with conditions"
    decision_changes_requested          integer  ... "changes requested" (sent back to the vendor)
    decision_rejected                   integer  ... "rejected"
    turnaround_days_median              decimal  median days from submission to the decision, one decimal
                                                 (rounded half up); empty when no case was decided
    turnaround_days_p90                 decimal  90th percentile of the same (linear interpolation between
                                                 closest ranks, as Excel PERCENTILE.INC); empty likewise
    findings_blocker                    integer  findings in the latest contract version of these cases, of
    findings_major                      integer  severity blocker (cannot be approved as written), major
    findings_minor                      integer  (needs a negotiated change or an exception), minor (ask for
    findings_info                       integer  the change) and info (for awareness)
    disposition_accept                  integer  findings the reviewer accepted as they are
    disposition_flag                    integer  findings flagged for negotiation with the vendor
    disposition_waive                   integer  findings waived, with a recorded reason (not published)
    disposition_false_positive          integer  findings the reviewer judged wrong (the rule misread the text)

The CSV is UTF-8 with a header row, comma-separated, as `write_open_data_csv` writes it.
"""

from __future__ import annotations

import csv
import math
import statistics
from collections import Counter
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from review.export.labels import writable
from review.model import SEVERITIES
from review.workflow.states import DECISIONS, DISPOSITIONS
from review.workflow.views import CaseOutcome

OPEN_DATA_COLUMNS: tuple[str, ...] = (
    "month",
    "department",
    "cases_submitted",
    "cases_decided",
    *(f"decision_{decision}" for decision in DECISIONS),
    "turnaround_days_median",
    "turnaround_days_p90",
    *(f"findings_{severity}" for severity in SEVERITIES),
    *(f"disposition_{disposition}" for disposition in DISPOSITIONS),
)


def open_data_rows(outcomes: Iterable[CaseOutcome]) -> list[dict[str, object]]:
    """One row a (month submitted, department), sorted by month then department; keys are OPEN_DATA_COLUMNS."""
    groups: dict[tuple[str, str], list[CaseOutcome]] = {}
    for outcome in outcomes:
        month = f"{outcome.submitted_at.year:04d}-{outcome.submitted_at.month:02d}"
        groups.setdefault((month, " ".join(outcome.department.split())), []).append(outcome)
    return [_row(month, department, group) for (month, department), group in sorted(groups.items())]


def write_open_data_csv(outcomes: Iterable[CaseOutcome], path: str | Path) -> Path:
    target = writable(path)
    with target.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=OPEN_DATA_COLUMNS)
        writer.writeheader()
        writer.writerows(open_data_rows(outcomes))
    return target


def _row(month: str, department: str, group: list[CaseOutcome]) -> dict[str, object]:
    decided = [o for o in group if o.decision is not None and o.decided_at is not None]
    days = [(o.decided_at - o.submitted_at).total_seconds() / 86400 for o in decided if o.decided_at is not None]
    decisions = Counter(o.decision for o in decided)
    findings: Counter[str] = Counter()
    dispositions: Counter[str] = Counter()
    for outcome in group:
        findings.update(outcome.findings)
        dispositions.update(outcome.dispositions)
    row: dict[str, object] = {
        "month": month,
        "department": department,
        "cases_submitted": len(group),
        "cases_decided": len(decided),
    }
    row |= {f"decision_{d}": decisions.get(d, 0) for d in DECISIONS}
    row["turnaround_days_median"] = _days(statistics.median(days)) if days else ""
    row["turnaround_days_p90"] = _days(_percentile(days, 0.9)) if days else ""
    row |= {f"findings_{s}": findings.get(s, 0) for s in SEVERITIES}
    row |= {f"disposition_{d}": dispositions.get(d, 0) for d in DISPOSITIONS}
    return row


def _percentile(values: list[float], fraction: float) -> float:
    """Linear interpolation between closest ranks (Excel's PERCENTILE.INC, numpy's default)."""
    ordered = sorted(values)
    position = (len(ordered) - 1) * fraction
    below = math.floor(position)
    above = min(below + 1, len(ordered) - 1)
    return ordered[below] + (ordered[above] - ordered[below]) * (position - below)


def _days(value: float) -> float:
    # Half up, as a reader rounds by hand (round() gives 2.2 for 2.25), from nine decimals so that a binary
    # floating-point error (8.349999999999999 for 8.35) does not decide the rounding.
    return float(Decimal(f"{value:.9f}").quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))
