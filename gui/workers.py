"""The one way the app runs background work (STYLE 4, after Picard's run_task): a function runs on a pool
thread, and its result or its error comes back to the GUI thread through a queued signal, so widgets are
only ever touched there. Every error reaches a callback: none dies silently in a thread.

    >>> runner = TaskRunner()                                                     # doctest: +SKIP
    >>> runner.run(queries.open_case, store, 7, done=window.show_case, failed=window.show_error)

Long jobs take a `report(fraction, text)` keyword to show progress and may be cancelled: `report` then
raises `Cancelled` in the worker at its next call, before anything is stored. Tests swap in
`TaskRunner(synchronous=True)`, which runs each job at once on the calling thread.

The window gives the panels of each store it opens a `child()` runner. When the panels are replaced (another
database or user in the settings) it `abandon()`s that child: its jobs finish (a transaction is never cut
off) but their answers reach no callback, so nothing writes to a widget that is gone.
"""

from __future__ import annotations

import inspect
import traceback
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot


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
        self.abandoned = False  # set on the GUI thread: the answer is no longer wanted
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
    """Runs jobs on a thread pool; `synchronous=True` (tests) runs them at once on the calling thread.

    Signal: `idle()` when its last running job has reported.
    """

    idle = Signal()

    def __init__(
        self, *, synchronous: bool = False, parent: QObject | None = None, pool: QThreadPool | None = None
    ) -> None:
        super().__init__(parent)
        self.synchronous = synchronous
        self.pool = pool or QThreadPool(self)
        self.running: set[Task] = set()
        self.abandoned = False

    def child(self) -> TaskRunner:
        """A runner on this one's threads whose answers can be dropped all at once with `abandon()`."""
        return TaskRunner(synchronous=self.synchronous, parent=self, pool=self.pool)

    def run(self, function: Callable[..., Any], *args: Any, **kwargs: Any) -> Task:
        """Run `function(*args, **kwargs)`: `prepare` and `start` in one."""
        return self.start(self.prepare(function, *args, **kwargs))

    def prepare(
        self,
        function: Callable[..., Any],
        *args: Any,
        done: Callable[[Any], None] | None = None,
        failed: Callable[[BaseException], None] | None = None,
        progress: Callable[[float, str], None] | None = None,
        **kwargs: Any,
    ) -> Task:
        """A job, not started yet: its answer will go to `done`, its error to `failed`, its reports to `progress`.
        `start` it; a caller that may cancel it holds it first (a synchronous runner reports, and ends, within
        `start`)."""
        task = Task(function, args, kwargs)
        task.abandoned = self.abandoned
        task.setAutoDelete(False)  # kept in `running` until it reports, so its signals outlive the thread
        for signal, callback in ((task.signals.done, done), (task.signals.failed, failed),
                                 (task.signals.progress, progress)):  # fmt: skip
            if callback is not None:
                signal.connect(_unless_abandoned(task, callback))
        task.signals.done.connect(lambda _: self._finished(task))
        task.signals.failed.connect(lambda _: self._finished(task))
        return task

    def start(self, task: Task) -> Task:
        self.running.add(task)
        if self.synchronous:
            task.run()
        else:
            self.pool.start(task)
        return task

    def _finished(self, task: Task) -> None:
        self.running.discard(task)
        if not self.running:
            self.idle.emit()

    def when_idle(self, callback: Callable[[], None]) -> None:
        """Call `callback` once no job of this runner is running: now, or when the last one reports."""
        if not self.running:
            callback()
            return

        def once() -> None:
            self.idle.disconnect(once)
            callback()

        self.idle.connect(once)

    def abandon(self) -> None:
        """Drop the answers of every job, running or still to come: they finish, but call none of their
        callbacks."""
        self.abandoned = True
        for task in self.running:
            task.abandoned = True

    def wait(self, milliseconds: int = 30_000) -> bool:
        """Wait for every job on this runner's threads to end (tests and scripts that drive the app)."""
        return self.pool.waitForDone(milliseconds)

    def stop(self, milliseconds: int = 30_000) -> bool:
        """On quitting: cancel every job of this runner and its children (an analysis stops at its next progress
        report, before anything is stored), drop their answers, and wait for the jobs to end, so that none is cut
        off in the middle of a transaction. False if some job was still running after `milliseconds`."""
        for runner in (self, *self.findChildren(TaskRunner, options=Qt.FindChildOption.FindChildrenRecursively)):
            for task in runner.running:
                task.abandoned = True
                task.cancel()
        return self.wait(milliseconds)


def _unless_abandoned(task: Task, callback: Callable[..., None]) -> Callable[..., None]:
    receiver = getattr(callback, "__self__", None)  # a widget's method: not called once the widget is deleted
    widget = receiver if isinstance(receiver, QObject) else None

    def deliver(*answer: Any) -> None:
        if not task.abandoned and (widget is None or shiboken6.isValid(widget)):
            callback(*answer)

    return deliver
