"""A progress bar with a message, an estimate of the time left, and a Cancel button."""

from __future__ import annotations

import time

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from onboard.core.i18n import _
from onboard.ui.widgets.common import name


class ProgressPanel(QWidget):
    cancel_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.message = QLabel()
        self.bar = QProgressBar()
        self.bar.setRange(0, 1000)
        self.cancel = QPushButton()
        self.cancel.clicked.connect(self.cancel_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.message, 2)
        layout.addWidget(self.bar, 3)
        layout.addWidget(self.cancel)
        self._started = 0.0
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        self.cancel.setText(_("Cancel"))
        name(self.cancel, _("Cancel"))
        name(self.bar, _("Progress"))

    def begin(self, message: str) -> None:
        self._started = time.monotonic()
        self.message.setText(message)
        self.bar.setValue(0)
        self.cancel.setEnabled(True)
        self.show()

    def update(self, fraction: float, message: str) -> None:
        self.bar.setValue(int(fraction * 1000))
        elapsed = time.monotonic() - self._started
        if 0.02 < fraction < 1 and elapsed > 2:
            left = int(elapsed / fraction * (1 - fraction))
            minutes, seconds = divmod(left, 60)
            message = _("{message} — about {minutes}:{seconds} left").format(
                message=message, minutes=minutes, seconds=f"{seconds:02d}"
            )
        self.message.setText(message)

    def end(self) -> None:
        self.hide()
