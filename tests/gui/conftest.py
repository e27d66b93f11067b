"""Fixtures for the app's tests: a real SQLite store with one user per role, an AppContext whose jobs run
synchronously (STYLE 4: tests swap in a synchronous runner), and QSettings kept in a temporary folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from gui.context import AppContext
from gui.workers import TaskRunner
from review.store.unit_of_work import Store
from review.workflow import services

ROLES = (("ana", "admin"), ("dee", "requester"), ("rui", "reviewer"), ("pat", "approver"))


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path) -> None:
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(f"sqlite:///{tmp_path / 'reviews.sqlite3'}") as store:
        (admin, _), *others = ROLES
        services.add_user(store, admin, "admin")
        for name, role in others:
            services.add_user(store, name, role, actor=admin)
        yield store


class Errors(list[BaseException]):
    """The errors a panel reported, in order."""


@pytest.fixture
def errors() -> Errors:
    return Errors()


def make_context(store: Store, user: str, errors: Errors) -> AppContext:
    role = dict(ROLES)[user]
    return AppContext(store, TaskRunner(synchronous=True), user, role, errors.append, lambda _: None)


@pytest.fixture
def reviewer_context(store: Store, errors: Errors) -> AppContext:
    return make_context(store, "rui", errors)


@pytest.fixture
def requester_context(store: Store, errors: Errors) -> AppContext:
    return make_context(store, "dee", errors)
