"""The translation engine's home: one long-lived thread, so models stay loaded from one job to the next."""

from __future__ import annotations

from PySide6.QtCore import QObject, QThreadPool

from onboard.ui.workers import Job


class EngineHost(QObject):
    """Runs translation and pack jobs one at a time on its own thread; the Engine is made and used only there."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._pool.setExpiryTimeout(-1)  # the thread (and the models it holds) never retires
        self._engine = None

    def engine(self):
        """The Engine, loading it on first use (call only from a job running here)."""
        if self._engine is None:
            from onboard.core.translation.engine import Engine  # heavy: never on the UI thread, never at start-up

            self._engine = Engine()
        return self._engine

    def forget_engine(self) -> None:
        """Packs changed: the next job loads an engine that sees them (call only from a job running here)."""
        self._engine = None

    def start(self, job: Job) -> Job:
        self._pool.start(job)
        return job

    def wait(self, milliseconds: int = 30_000) -> bool:
        return self._pool.waitForDone(milliseconds)
