"""What the services return: frozen snapshots of cases, safe to hand to another thread, a Qt model or an export.

A `CaseView` is one case as a reviewer opens it: its documents (every version), the findings of the latest
version (each marked new or persisting against the version before), the findings that version resolved,
comments, decisions and the audit events of the case. A `CaseSummary` is one row of the queue; a
`CaseOutcome` is what the performance figures and the open data know of a case.

    >>> from review.workflow import services                                 # doctest: +SKIP
    >>> case = services.open_case(store, case_id)                            # doctest: +SKIP
    >>> [(f.rule, f.severity, f.disposition) for f in case.findings][:1]     # doctest: +SKIP
    [('GOV-INDEMNITY-BY-CITY', 'blocker', 'flag')]
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

from review.model import SEVERITIES, Severity
from review.workflow.states import DECISIONS, DISPOSITIONS, undisposed_blockers

Change = Literal["new", "persisting"]


@dataclass(frozen=True, slots=True)
class FindingView:
    """A finding of one version, with the reviewer's disposition. `details` holds the rest of the report's
    finding (value, threshold, reference, fallback, why, clause_ids, searched, assumed, escalated, pack)."""

    id: int
    key: str  # the report's stable finding id
    version: int
    document: str | None  # the file it was found in; None for a term missing from a set of documents
    rule: str
    severity: Severity
    kind: str  # present | missing | value | license
    title: str
    message: str
    quote: str | None
    page: int | None
    start: int | None
    end: int | None
    details: Mapping[str, Any]
    change: Change | None  # against the version before; None on the first version
    disposition: str | None  # accept | flag | waive | false_positive
    reason: str | None
    disposed_by: str | None
    disposed_at: datetime | None
    row_version: int  # pass it back to dispose so a change made meanwhile by someone else is not overwritten

    @property
    def fallback(self) -> str:
        return str(self.details.get("fallback") or "")

    @property
    def reference(self) -> str:
        return str(self.details.get("reference") or "")

    @property
    def why(self) -> str:
        return str(self.details.get("why") or "")

    @property
    def value(self) -> str | None:
        return self.details.get("value")

    @property
    def threshold(self) -> str | None:
        return self.details.get("threshold")


@dataclass(frozen=True, slots=True)
class DocumentView:
    id: int
    version: int
    file_name: str
    sha256: str
    format: str  # pdf | docx | text
    pages: int
    added_by: str
    added_at: datetime


@dataclass(frozen=True, slots=True)
class CommentView:
    id: int
    author: str
    text: str
    at: datetime
    finding_id: int | None  # None: on the case as a whole


@dataclass(frozen=True, slots=True)
class DecisionView:
    decision: str  # approved | approved_with_conditions | changes_requested | rejected
    note: str
    decided_by: str
    decided_role: str
    at: datetime
    version: int  # the document version decided on


@dataclass(frozen=True, slots=True)
class EventView:
    """One audit event of the case: who did what, when (refused attempts included)."""

    id: int
    at: datetime
    actor: str
    action: str
    payload: Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class CaseView:
    id: int
    vendor: str
    department: str
    product: str
    intake: Mapping[str, Any]
    status: str
    submitted_by: str
    submitted_at: datetime
    updated_at: datetime
    row_version: int
    version: int  # the latest document version's number
    documents: tuple[DocumentView, ...]  # every version, oldest first
    findings: tuple[FindingView, ...]  # of the latest version, most severe first
    resolved: tuple[FindingView, ...]  # findings of the version before that the latest no longer has
    comments: tuple[CommentView, ...]
    decisions: tuple[DecisionView, ...]
    events: tuple[EventView, ...]

    @property
    def current_documents(self) -> tuple[DocumentView, ...]:
        return tuple(d for d in self.documents if d.version == self.version)

    def severity_counts(self) -> dict[str, int]:
        counts = Counter(f.severity for f in self.findings)
        return {severity: counts.get(severity, 0) for severity in SEVERITIES}

    @property
    def undisposed_blockers(self) -> int:
        return undisposed_blockers([(f.severity, f.disposition) for f in self.findings])

    @property
    def decision(self) -> DecisionView | None:
        """The latest decision, if any."""
        return self.decisions[-1] if self.decisions else None


@dataclass(frozen=True, slots=True)
class CaseSummary:
    """One row of the review queue."""

    id: int
    vendor: str
    department: str
    product: str
    status: str
    submitted_by: str
    submitted_at: datetime
    updated_at: datetime
    version: int
    findings: int
    blockers: int
    undisposed: int  # findings nobody has disposed of yet


@dataclass(frozen=True, slots=True)
class CaseOutcome:
    """What the open data needs of one case, and nothing more. `findings` counts by severity, `dispositions`
    by kind (accept, flag, waive, false_positive); a decision and its time come together or not at all."""

    department: str
    submitted_at: datetime
    decided_at: datetime | None
    decision: str | None
    status: str
    findings: Mapping[str, int] = field(default_factory=dict)
    dispositions: Mapping[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # A published schema is fixed: an unknown key would silently fall out of the file, so refuse it here.
        if (self.decision is None) != (self.decided_at is None):
            raise ValueError("a case outcome has both a decision and its time, or neither")
        if self.decision is not None and self.decision not in DECISIONS:
            raise ValueError(f"unknown decision {self.decision!r}; one of {', '.join(DECISIONS)}")
        if self.decided_at is not None and self.decided_at < self.submitted_at:
            raise ValueError("a case cannot be decided before it was submitted")
        for name, counts, known in (
            ("severity", self.findings, SEVERITIES),
            ("disposition", self.dispositions, DISPOSITIONS),
        ):
            unknown = set(counts) - set(known)
            if unknown:
                raise ValueError(f"unknown {name} {sorted(unknown)}; one of {', '.join(known)}")
            if any(not isinstance(n, int) or n < 0 for n in counts.values()):
                raise ValueError(f"{name} counts are whole numbers of at least 0")
