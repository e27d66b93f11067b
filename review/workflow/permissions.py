"""Who may do what, enforced in the library (not only in the GUI): requester (department staff), reviewer,
approver, admin. A refused action is a PermissionRefused (E302); the caller records it in the audit trail.

>>> check_allowed("requester", "dispose")
Traceback (most recent call last):
...
review.errors.PermissionRefused: E302: a requester cannot dispose of findings; ask a reviewer
"""

from __future__ import annotations

from typing import Literal

from review.errors import PermissionRefused

Role = Literal["requester", "reviewer", "approver", "admin"]
ROLES: tuple[Role, ...] = ("requester", "reviewer", "approver", "admin")
Permission = Literal["submit", "add_version", "comment", "dispose", "waive_blocker", "decide", "manage_users"]

ALLOWED: dict[Permission, frozenset[Role]] = {
    "submit": frozenset({"requester", "reviewer", "approver", "admin"}),
    "add_version": frozenset({"requester", "reviewer", "approver", "admin"}),
    "comment": frozenset({"requester", "reviewer", "approver", "admin"}),
    "dispose": frozenset({"reviewer", "approver", "admin"}),
    "waive_blocker": frozenset({"approver", "admin"}),
    "decide": frozenset({"reviewer", "approver", "admin"}),
    "manage_users": frozenset({"admin"}),
}
_WORDS = {
    "submit": ("submit contracts", "ask an admin for an account"),
    "add_version": ("add a version", "ask an admin for an account"),
    "comment": ("comment", "ask an admin for an account"),
    "dispose": ("dispose of findings", "ask a reviewer"),
    "waive_blocker": ("accept or waive a blocker", "ask an approver"),
    "decide": ("decide a case", "ask a reviewer or approver"),
    "manage_users": ("manage users", "ask an admin"),
}


def check_allowed(role: str, permission: Permission, *, submitted_by_self: bool = False) -> None:
    """Raise PermissionRefused unless `role` may do `permission`; nobody decides a case they submitted."""
    verb, who = _WORDS[permission]
    if role not in ROLES:
        raise PermissionRefused(f"{role!r} is not a role; the roles are {', '.join(ROLES)}")
    if role not in ALLOWED[permission]:
        raise PermissionRefused(f"a {role} cannot {verb}; {who}")
    if permission == "decide" and submitted_by_self:
        raise PermissionRefused("nobody decides a case they submitted; ask another reviewer or approver")
    if permission == "waive_blocker" and submitted_by_self:
        raise PermissionRefused("nobody signs off the blockers of a case they submitted; ask another approver")
