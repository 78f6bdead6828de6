"""Run core jobs off the UI thread: a QRunnable with signals for progress, result, failure and cancel."""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from onboard.core.errors import OnboardError
from onboard.core.i18n import _
from onboard.core.jobs import Cancelled, Progress

log = logging.getLogger(__name__)


class JobSignals(QObject):
    progress = Signal(float, str)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()


class Job(QRunnable):
    """Wraps `work(progress) -> result`; signals arrive on the UI thread. Keep a reference while it runs."""

    def __init__(self, work: Callable[[Progress], object], *, progress=None, finished=None, failed=None,
                 cancelled=None) -> None:  # fmt: skip
        """`work` runs on a pool thread; the optional callbacks are connected to the matching signals."""
        super().__init__()
        self.setAutoDelete(False)
        self.signals = JobSignals()
        self.progress = Progress(lambda fraction, message: self.signals.progress.emit(fraction, message))
        self._work = work
        for signal, slot in ((self.signals.progress, progress), (self.signals.finished, finished),
                             (self.signals.failed, failed), (self.signals.cancelled, cancelled)):  # fmt: skip
            if slot is not None:
                signal.connect(slot)

    def cancel(self) -> None:
        self.progress.cancel()

    def run(self) -> None:
        try:
            result = self._work(self.progress)
        except Cancelled:
            self.signals.cancelled.emit()
        except OnboardError as error:
            self.signals.failed.emit(str(error))
        except Exception as error:  # a bug: say so plainly, keep the details in the log
            log.error("job failed\n%s", traceback.format_exc())
            self.signals.failed.emit(_("Something went wrong: {error}").format(error=error))
        else:
            self.signals.finished.emit(result)


def start(job: Job) -> Job:
    QThreadPool.globalInstance().start(job)
    return job
