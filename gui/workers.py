"""The one way the app runs background work (STYLE 4, after Picard's run_task): a function runs on a pool
thread, and its result or its error comes back to the GUI thread through a queued signal, so widgets are
only ever touched there. Every error reaches a callback: none dies silently in a thread.

    >>> runner = TaskRunner()                                                     # doctest: +SKIP
    >>> runner.run(queries.open_case, store, 7, done=window.show_case, failed=window.show_error)

Long jobs take a `report(fraction, text)` keyword to show progress and may be cancelled: `report` then
raises `Cancelled` in the worker at its next call, before anything is stored. Tests swap in
`TaskRunner(synchronous=True)`, which runs each job at once on the calling thread.
"""

from __future__ import annotations

import inspect
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot


class Cancelled(Exception):
    """The user cancelled the job; raised inside the worker by its progress callback."""


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)
    progress = Signal(float, str)


class Task(QRunnable):
    """One job. Its signals are emitted from the pool thread and delivered on the GUI thread (queued)."""

    def __init__(self, function: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
        super().__init__()
        self.signals = _Signals()
        self.function, self.args, self.kwargs = function, args, kwargs
        self.cancelled = False
        if "report" in inspect.signature(function).parameters:
            self.kwargs["report"] = self._report

    def cancel(self) -> None:
        self.cancelled = True

    def _report(self, fraction: float, text: str = "") -> None:
        if self.cancelled:
            raise Cancelled
        self.signals.progress.emit(fraction, text)

    @Slot()
    def run(self) -> None:
        try:
            result = self.function(*self.args, **self.kwargs)
        except BaseException as error:  # every error must reach the GUI thread
            error.__traceback_text__ = traceback.format_exc()  # type: ignore[attr-defined]
            self.signals.failed.emit(error)
        else:
            self.signals.done.emit(result)


class TaskRunner(QObject):
    """Runs jobs on a thread pool; `synchronous=True` (tests) runs them at once on the calling thread."""

    def __init__(self, *, synchronous: bool = False, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.synchronous = synchronous
        self.pool = QThreadPool(self)
        self.running: set[Task] = set()

    def run(
        self,
        function: Callable[..., Any],
        *args: Any,
        done: Callable[[Any], None] | None = None,
        failed: Callable[[BaseException], None] | None = None,
        progress: Callable[[float, str], None] | None = None,
        **kwargs: Any,
    ) -> Task:
        task = Task(function, args, kwargs)
        task.setAutoDelete(False)  # kept in `running` until it reports, so its signals outlive the thread
        self.running.add(task)
        if done is not None:
            task.signals.done.connect(done)
        if failed is not None:
            task.signals.failed.connect(failed)
        if progress is not None:
            task.signals.progress.connect(progress)
        task.signals.done.connect(lambda _: self.running.discard(task))
        task.signals.failed.connect(lambda _: self.running.discard(task))
        if self.synchronous:
            task.run()
        else:
            self.pool.start(task)
        return task

    def wait(self, milliseconds: int = 30_000) -> bool:
        """Wait for every running job (on quitting, so none is cut off mid-transaction)."""
        return self.pool.waitForDone(milliseconds)
