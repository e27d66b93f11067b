"""Opening the store the window works on, and a first run's sample, so a newcomer sees real work: four users,
one per role, and a real hosting agreement from CUAD submitted by the department for the purchase in the
example intake. Both run on a worker: they read and write the database."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from review.store.unit_of_work import Store
from review.workflow import queries, services

DATA = Path(__file__).resolve().parents[1] / "tests" / "data"
SAMPLE_CONTRACT = DATA / "cuad" / "Freecook-Hosting-Agreement.pdf"
SAMPLE_INTAKE = DATA / "intake" / "permit-portal.yaml"
SAMPLE_USERS = (("ana", "admin"), ("dee", "requester"), ("rui", "reviewer"), ("pat", "approver"))
SAMPLE_REVIEWER = "rui"


def add_sample_users(store: Store) -> None:
    """The four users, when the store has nobody yet (the first is the admin who adds the others)."""
    if queries.users(store):
        return
    (admin, _), *others = SAMPLE_USERS
    services.add_user(store, admin, "admin")
    for name, role in others:
        services.add_user(store, name, role, actor=admin)


def submit_sample_case(store: Store) -> int | None:
    """The sample contract, submitted by the requester (slow: it is analysed); None when not shipped."""
    if not SAMPLE_CONTRACT.exists():
        return None
    return services.submit_case(store, [SAMPLE_CONTRACT], SAMPLE_INTAKE, actor="dee")


@dataclass(frozen=True)
class OpenedStore:
    store: Store
    users: dict[str, str]  # name: role
    first_run: bool  # only the sample users, and no case yet: the sample case is still to come


def open_store(database: str, store: Store | None = None, user: str = "") -> OpenedStore:
    """Open the database the settings name (running its migrations), unless `store` is already open, and read
    who is there; on a store with nobody yet, add the sample users. Raises DatabaseUnavailable (E403).

    A store with only the sample users and no case, opened by someone who is none of them (`user`, from the
    settings), is a first run still to finish: the app was closed before it chose the user and submitted the
    sample case."""
    store = store or Store(database or None)
    users = dict(queries.users(store))
    if not users:
        add_sample_users(store)
        users = dict(queries.users(store))
    unfinished = users == dict(SAMPLE_USERS) and user not in users and not queries.list_cases(store, limit=1)
    return OpenedStore(store, users, first_run=unfinished)
