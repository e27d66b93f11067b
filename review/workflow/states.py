"""The explicit transition table of a case, and what a finding's disposition can be.

    submitted ──start_review──▶ in_review ──decide──▶ approved | approved_with_conditions | rejected
                                  ▲     │                            │
                    add_version   │     └─decide──▶ changes_requested│
                                  └──────────────────────┘   reopen ─┘ (back to in_review)

A decision needs every blocker finding disposed; a waived finding needs a reason.

>>> next_status("in_review", "decide", decision="approved")
'approved'
>>> next_status("approved", "add_version")
Traceback (most recent call last):
...
review.errors.TransitionRefused: E301: a case that is approved cannot take a new version; from here it can be reopened
"""

from __future__ import annotations

from typing import Literal, get_args

from review.errors import TransitionRefused

Status = Literal["submitted", "in_review", "changes_requested", "approved", "approved_with_conditions", "rejected"]
Action = Literal["start_review", "decide", "add_version", "reopen"]
Decision = Literal["approved", "approved_with_conditions", "changes_requested", "rejected"]
Disposition = Literal["accept", "flag", "waive", "false_positive"]

STATUSES: tuple[Status, ...] = get_args(Status)  # in workflow order: submitted first, rejected last
DECISIONS: tuple[Decision, ...] = ("approved", "approved_with_conditions", "changes_requested", "rejected")
DISPOSITIONS: tuple[Disposition, ...] = ("accept", "flag", "waive", "false_positive")
ACTION_WORDS: dict[str, str] = {
    "start_review": "start its review",
    "decide": "be decided",
    "add_version": "take a new version",
    "reopen": "be reopened",
}
FINAL: frozenset[Status] = frozenset({"approved", "approved_with_conditions", "rejected"})
# Dispositions that accept a finding's risk for the city: on a blocker, an approver's sign-off.
SIGN_OFF: frozenset[Disposition] = frozenset({"accept", "waive"})

# (status, action) -> the status after it; "decide" goes where the decision says
TRANSITIONS: dict[tuple[Status, Action], Status | None] = {
    ("submitted", "start_review"): "in_review",
    ("submitted", "add_version"): "submitted",
    ("in_review", "decide"): None,
    ("in_review", "add_version"): "in_review",
    ("changes_requested", "add_version"): "in_review",
    ("approved", "reopen"): "in_review",
    ("approved_with_conditions", "reopen"): "in_review",
    ("rejected", "reopen"): "in_review",
}


def next_status(status: str, action: Action, decision: str | None = None) -> Status:
    """The status after `action`; TransitionRefused (E301) when the table has no such move."""
    if (status, action) not in TRANSITIONS:
        allowed = [ACTION_WORDS[a] for s, a in TRANSITIONS if s == status]
        raise TransitionRefused(
            f"a case that is {status.replace('_', ' ')} cannot {ACTION_WORDS[action]}; "
            f"from here it can {' or '.join(allowed) if allowed else 'do nothing more'}"
        )
    if action == "decide":
        if decision not in DECISIONS:
            raise TransitionRefused(f"a decision is one of {', '.join(DECISIONS)}, not {decision!r}")
        return decision
    target = TRANSITIONS[(status, action)]  # type: ignore[index]  # status is one of the table's, checked above
    assert target is not None
    return target


def check_disposition(disposition: str, reason: str | None, severity: str = "minor") -> Disposition:
    """A disposition the workflow knows, with the reason a waiver needs (and calling a blocker a false
    positive: that too takes it off the table)."""
    if disposition not in DISPOSITIONS:
        raise TransitionRefused(f"a finding is disposed as one of {', '.join(DISPOSITIONS)}, not {disposition!r}")
    has_reason = bool(reason and reason.strip())
    if disposition == "waive" and not has_reason:
        raise TransitionRefused("waiving a finding needs a reason, for the audit trail and the memo")
    if disposition == "false_positive" and severity == "blocker" and not has_reason:
        raise TransitionRefused("calling a blocker a false positive needs a reason, for the audit trail and the memo")
    return disposition


def undisposed_blockers(findings: list[tuple[str, str | None]]) -> int:
    """How many (severity, disposition) pairs are blockers nobody has disposed of yet."""
    return sum(1 for severity, disposition in findings if severity == "blocker" and disposition is None)
