"""Progress and cancellation shared by every long operation (import, translate, export, pack install)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

Report = Callable[[float, str], None]


class Cancelled(Exception):
    """The user asked a job to stop; the job leaves the project as it was."""


class Progress:
    """Passed into a long job: it reports fractions (throttled) and raises Cancelled once cancel() was called.

    `cancel()` may be called from any thread; `update()` is called by the job on its own thread.
    """

    def __init__(self, report: Report | None = None, interval: float = 0.1) -> None:
        self._report = report
        self._interval = interval
        self._last = 0.0
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        """Raise Cancelled if the user asked to stop."""
        if self._cancel.is_set():
            raise Cancelled

    def update(self, fraction: float, message: str = "", *, force: bool = False) -> None:
        """Report how far the job is (0..1); at most a few reports a second reach the listener."""
        self.check()
        now = time.monotonic()
        if self._report and (force or fraction >= 1.0 or now - self._last >= self._interval):
            self._last = now
            self._report(min(max(fraction, 0.0), 1.0), message)
