"""Fixtures for the app's tests: a real SQLite store with one user per role, an AppContext whose jobs run
synchronously (STYLE 4: tests swap in a synchronous runner), QSettings kept in a temporary folder, and the
English translator the app always installs (it gives "%n case(s)" its forms: "1 case", "2 cases")."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from gui.app import install_translators
from gui.context import AppContext
from gui.workers import TaskRunner
from review.store.unit_of_work import Store
from review.workflow import services

TRANSLATIONS = Path(__file__).resolve().parents[2] / "gui" / "translations"
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


def qt_tool(name: str) -> str:
    """A Qt tool of the venv PySide6 is installed in (pyside6-lupdate, pyside6-lrelease)."""
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    assert found, f"{name} is part of PySide6; install the project's dependencies (make setup)"
    return found


@pytest.fixture(scope="session")
def compiled_translations(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The folder with app_en.qm and app_es.qm: gui/translations when `make` built them from the current .ts
    files, else a temporary folder they are built into now."""
    sources = sorted(TRANSLATIONS.glob("app_*.ts"))
    built = [ts.with_suffix(".qm") for ts in sources]
    if all(qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime for ts, qm in zip(sources, built, strict=True)):
        return TRANSLATIONS
    folder = tmp_path_factory.mktemp("translations")
    for ts in sources:
        subprocess.run(
            [qt_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(folder / f"{ts.stem}.qm")], check=True
        )
    return folder


@pytest.fixture(autouse=True)
def english_plurals(qapp: QApplication, compiled_translations: Path) -> Iterator[None]:
    """The English translator the app always installs: it gives "%n case(s)" its forms ("1 case", "2 cases")."""
    installed = install_translators(qapp, "en", compiled_translations)
    yield
    for translator in installed:
        qapp.removeTranslator(translator)
