"""Roles and the audit chain: pure rules the workflow services will apply."""

import pytest

from review.errors import PermissionRefused
from review.workflow.audit import GENESIS, chain_hash, verify
from review.workflow.permissions import check_allowed


@pytest.mark.parametrize(
    ("role", "permission", "allowed"),
    [
        ("requester", "submit", True),
        ("requester", "dispose", False),
        ("requester", "decide", False),
        ("reviewer", "dispose", True),
        ("reviewer", "waive_blocker", False),
        ("approver", "waive_blocker", True),
        ("reviewer", "manage_users", False),
        ("admin", "manage_users", True),
    ],
)
def test_permissions_follow_the_roles(role: str, permission: str, allowed: bool) -> None:
    if allowed:
        check_allowed(role, permission)  # type: ignore[arg-type]
    else:
        with pytest.raises(PermissionRefused, match=f"a {role} cannot"):
            check_allowed(role, permission)  # type: ignore[arg-type]


def test_permissions_nobody_decides_a_case_they_submitted() -> None:
    with pytest.raises(PermissionRefused, match="submitted"):
        check_allowed("approver", "decide", submitted_by_self=True)


def _chain(contents: list[dict[str, object]]) -> list[tuple[int, dict[str, object], str, str]]:
    events, previous = [], GENESIS
    for number, content in enumerate(contents, start=1):
        digest = chain_hash(previous, content)
        events.append((number, content, previous, digest))
        previous = digest
    return events


def test_audit_chain_holds_and_names_the_first_changed_or_removed_event() -> None:
    events = _chain([{"actor": "ana", "action": "submit"}, {"actor": "bo", "action": "dispose"},
                     {"actor": "cy", "action": "decide"}])  # fmt: skip
    assert verify(events) is None
    changed = [events[0], (2, {"actor": "bo", "action": "waive"}, events[1][2], events[1][3]), events[2]]
    assert verify(changed) == 2
    assert verify([events[0], events[2]]) == 3  # the second was removed
