import pytest

from review.errors import TransitionRefused
from review.workflow.states import (
    DECISIONS,
    TRANSITIONS,
    check_disposition,
    next_status,
    undisposed_blockers,
)


def test_workflow_case_goes_from_submission_to_each_decision() -> None:
    assert next_status("submitted", "start_review") == "in_review"
    for decision in DECISIONS:
        assert next_status("in_review", "decide", decision=decision) == decision


def test_workflow_new_version_after_changes_requested_returns_to_review() -> None:
    assert next_status("changes_requested", "add_version") == "in_review"


@pytest.mark.parametrize(("status", "action"), [("submitted", "decide"), ("approved", "add_version"),
                                                ("rejected", "decide"), ("in_review", "start_review")])  # fmt: skip
def test_workflow_refuses_moves_outside_the_table(status: str, action: str) -> None:
    assert (status, action) not in TRANSITIONS
    with pytest.raises(TransitionRefused, match="cannot"):
        next_status(status, action)  # type: ignore[arg-type]


def test_workflow_decision_must_be_known() -> None:
    with pytest.raises(TransitionRefused, match="one of approved"):
        next_status("in_review", "decide", decision="maybe")  # type: ignore[arg-type]


def test_workflow_waiver_needs_a_reason() -> None:
    assert check_disposition("accept", None) == "accept"
    with pytest.raises(TransitionRefused, match="needs a reason"):
        check_disposition("waive", "  ")
    assert check_disposition("waive", "City Attorney approved the exception") == "waive"
    with pytest.raises(TransitionRefused):
        check_disposition("ignore", None)


def test_workflow_counts_blockers_nobody_disposed() -> None:
    assert undisposed_blockers([("blocker", None), ("blocker", "waive"), ("major", None)]) == 1
