"""The app's own settings, kept with QSettings: which database, who I am, which language.

    >>> settings = AppSettings.load()                    # doctest: +SKIP
    >>> settings.database or "the embedded SQLite file"  # doctest: +SKIP
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtCore import QCoreApplication, QSettings

LANGUAGES = {"en": "English", "es": "Español"}


def role_word(role: str) -> str:
    """A user's role as the window and the settings name it, translated."""
    translate = QCoreApplication.translate
    words = {
        "admin": translate("Roles", "admin"),
        "requester": translate("Roles", "requester"),
        "reviewer": translate("Roles", "reviewer"),
        "approver": translate("Roles", "approver"),
    }
    return words.get(role, role)


@dataclass(frozen=True)
class AppSettings:
    database: str = ""  # a database URL; empty: $CONTRACT_REVIEW_DB, else the embedded SQLite file
    user: str = ""  # the user the app acts as (their role is the store's)
    language: str = "en"

    @classmethod
    def load(cls, store: QSettings | None = None) -> AppSettings:
        store = store or QSettings()
        language = str(store.value("language", "en"))
        return cls(
            database=str(store.value("database", "")),
            user=str(store.value("user", "")),
            language=language if language in LANGUAGES else "en",
        )

    def save(self, store: QSettings | None = None) -> None:
        store = store or QSettings()
        for key in ("database", "user", "language"):
            store.setValue(key, getattr(self, key))
        store.sync()

    def with_user(self, user: str) -> AppSettings:
        return replace(self, user=user)
