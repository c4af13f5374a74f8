"""Background jobs for the GUI: run a function on a pool thread, get the result on the GUI thread.

The worker gets a `TaskControl` (progress reporting, a cancel flag) and should be handed ids
or frozen snapshots, never widgets or ORM objects. Results and errors come back through Qt
signals, so the callbacks always run on the GUI thread. Tests switch to synchronous mode with
`set_synchronous(True)` so that no test has to wait for a thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

T = TypeVar("T")

# When true, `run_task` runs the function at once on the calling thread (tests, scripts).
SYNC_TASKS = False


def set_synchronous(enabled: bool) -> None:
    global SYNC_TASKS
    SYNC_TASKS = enabled


class TaskCancelled(Exception):
    """Raised inside a worker (by `TaskControl.check`) when the person pressed Cancel."""


class TaskControl:
    """What a worker function receives: a thread-safe cancel flag and a progress reporter."""

    def __init__(self, report: Callable[[int, int, str], None]) -> None:
        self._cancel = threading.Event()
        self._report = report

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    def check(self) -> None:
        """Stop the job at a safe point when cancel was asked for."""
        if self._cancel.is_set():
            raise TaskCancelled()

    def progress(self, done: int, total: int = 0, text: str = "") -> None:
        self._report(done, total, text)


class _Relay(QObject):
    """Lives on the GUI thread; signals emitted by the worker are queued to its slots."""

    finished = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int, str)

    def __init__(self, hub: QObject) -> None:
        # Owned by the long-lived hub, not by the caller (which may be destroyed mid-job) nor
        # by Python (dropping the last reference inside its own slot would delete it there).
        super().__init__(hub)
        self.on_done: Callable[[Any], None] | None = None
        self.on_error: Callable[[BaseException], None] | None = None
        self.on_progress: Callable[[int, int, str], None] | None = None
        self.finished.connect(self._deliver_done)
        self.failed.connect(self._deliver_error)
        self.progressed.connect(self._deliver_progress)

    def _finish(self) -> None:
        _running.discard(self)
        self.deleteLater()

    @Slot(object)
    def _deliver_done(self, result: Any) -> None:
        callback = self.on_done
        self.detach()
        self._finish()
        if callback is not None:
            callback(result)

    @Slot(object)
    def _deliver_error(self, exc: BaseException) -> None:
        callback = self.on_error
        self.detach()
        self._finish()
        if callback is not None:
            callback(exc)

    @Slot()
    def detach(self) -> None:
        """The widget that asked for the job is gone: drop the callbacks that point at it."""
        self.on_done = self.on_error = self.on_progress = None

    @Slot(int, int, str)
    def _deliver_progress(self, done: int, total: int, text: str) -> None:
        if self.on_progress is not None:
            self.on_progress(done, total, text)


# Relays of jobs still running (what `TaskHandle.running` asks).
_running: set[_Relay] = set()
_hub: QObject | None = None


def _relay_hub() -> QObject:
    global _hub
    if _hub is None:
        _hub = QObject()
    return _hub


class TaskHandle(Generic[T]):
    """What `run_task` returns: cancel the job or ask whether it is still running."""

    def __init__(self, relay: _Relay, control: TaskControl) -> None:
        self._relay = relay
        self.control = control

    def cancel(self) -> None:
        self.control.cancel()

    @property
    def running(self) -> bool:
        return self._relay in _running


def _execute(fn: Callable[[TaskControl], Any], control: TaskControl, relay: _Relay) -> None:
    try:
        result = fn(control)
    except BaseException as exc:  # every failure must reach the GUI, or the job hangs there
        if not isinstance(exc, TaskCancelled):
            log.debug("background task failed", exc_info=exc)
        _emit(relay.failed, exc)
    else:
        _emit(relay.finished, result)


def _emit(signal: Any, value: Any) -> None:
    try:
        signal.emit(value)
    except RuntimeError:  # the relay is gone: the app closed while the job ran; drop it
        log.debug("background task finished after the app closed")


def run_task(
    fn: Callable[[TaskControl], T],
    *,
    on_done: Callable[[T], None],
    on_error: Callable[[BaseException], None],
    on_progress: Callable[[int, int, str], None] | None = None,
    parent: QObject | None = None,
    pool: QThreadPool | None = None,
) -> TaskHandle[T]:
    """Run `fn(control)` in the background; `on_done(result)` or `on_error(exc)` follow on the
    GUI thread. A cancelled job ends with `on_error(TaskCancelled())`."""
    relay = _Relay(_relay_hub())
    if parent is not None:
        parent.destroyed.connect(relay.detach)
    relay.on_done = on_done
    relay.on_error = on_error
    relay.on_progress = on_progress
    control = TaskControl(relay.progressed.emit)
    _running.add(relay)
    handle: TaskHandle[T] = TaskHandle(relay, control)
    if SYNC_TASKS:
        _execute(fn, control, relay)
    else:
        # A plain callable, not a QRunnable subclass: no Python wrapper whose lifetime the
        # pool (which deletes runnables itself) could end while the worker still runs it.
        (pool or QThreadPool.globalInstance()).start(lambda: _execute(fn, control, relay))
    return handle
