"""What every panel of the window is given (STYLE 2: the window receives its services; no singletons).

    >>> context = AppContext(store, runner, "rui", "reviewer", window.show_error, print)  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from gui.workers import TaskRunner

if TYPE_CHECKING:
    from review.store.unit_of_work import Store


@dataclass(frozen=True)
class AppContext:
    store: Store
    runner: TaskRunner
    user: str  # who I am: every change is made as this user, and the library checks the role
    role: str
    report_error: Callable[[BaseException], None]  # shows an error in the window, never a traceback
    show_status: Callable[[str], None]  # a short message in the status bar
