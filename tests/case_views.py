"""Builders of the workflow's frozen views for the export tests (no tests here): a case, its findings, and
findings made from a real review's report."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from types import MappingProxyType
from typing import Any

from review.workflow.views import CaseView, CommentView, DecisionView, DocumentView, EventView, FindingView

SUBMITTED = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


def make_finding(number: int = 1, **fields: Any) -> FindingView:
    details = {
        "fallback": "The City's liability is limited to the fees paid; the City gives no indemnity.",
        "reference": "Cal. Const. art. XVI §18",
        "why": "A city cannot promise an unlimited indemnity.",
        "value": None,
        "threshold": None,
        **fields.pop("details", {}),
    }
    values: dict[str, Any] = {
        "id": number,
        "key": f"k{number:04d}",
        "version": 1,
        "document": "msa.docx",
        "rule": f"RULE-{number}",
        "severity": "major",
        "kind": "present",
        "title": f"Finding number {number}",
        "message": "The contract says something the City cannot accept.",
        "quote": None,
        "page": None,
        "start": None,
        "end": None,
        "details": MappingProxyType(details),
        "change": None,
        "disposition": None,
        "reason": None,
        "disposed_by": None,
        "disposed_at": None,
        "row_version": 1,
    }
    values.update(fields)
    return FindingView(**values)


def from_report(findings: Sequence[Any], document: str, **fields: Any) -> tuple[FindingView, ...]:
    """FindingViews made from a real review's findings (review.policy.report.Finding), undisposed."""
    views = []
    for number, f in enumerate(findings, start=1):
        details = {
            "fallback": f.fallback,
            "reference": f.reference,
            "why": f.why,
            "value": f.value,
            "threshold": f.threshold,
            "clause_ids": list(f.clause_ids),
            "searched": f.searched,
            "pack": f.pack,
        }
        views.append(
            make_finding(
                number,
                key=f.id,
                document=document,
                rule=f.rule,
                severity=f.severity,
                kind=f.kind,
                title=f.title,
                message=f.message,
                quote=f.quote,
                page=f.page,
                start=f.start,
                end=f.end,
                details=details,
                **fields,
            )
        )
    return tuple(views)


def make_case(findings: Sequence[FindingView] = (), **fields: Any) -> CaseView:
    document = DocumentView(1, 1, "msa.docx", "ab" * 32, "docx", 12, "maria.lopez", SUBMITTED)
    values: dict[str, Any] = {
        "id": 42,
        "vendor": "Acme Software Inc.",
        "department": "Public Works",
        "product": "Permit Portal",
        "intake": MappingProxyType(
            {"department": "Public Works", "annual_cost": 50000, "data": ["personal", "payments"], "critical": False}
        ),
        "status": "in_review",
        "submitted_by": "maria.lopez",
        "submitted_at": SUBMITTED,
        "updated_at": SUBMITTED + timedelta(days=1),
        "row_version": 3,
        "version": 1,
        "documents": (document,),
        "findings": tuple(findings),
        "resolved": (),
        "comments": (CommentView(1, "sam.reviewer", "Asked legal about section 9.", SUBMITTED, None),),
        "decisions": (),
        "events": (EventView(1, SUBMITTED, "maria.lopez", "submit", MappingProxyType({"version": 1})),),
    }
    values.update(fields)
    return CaseView(**values)


def decided(case: CaseView, decision: str = "approved_with_conditions", **fields: Any) -> CaseView:
    made = DecisionView(
        decision,
        fields.pop("note", "Approved once the indemnity is struck."),
        fields.pop("decided_by", "dana.chief"),
        fields.pop("decided_role", "approver"),
        fields.pop("at", SUBMITTED + timedelta(days=6, hours=3)),
        fields.pop("version", 1),
    )
    return replace(case, decisions=(*case.decisions, made), status=decision, **fields)
