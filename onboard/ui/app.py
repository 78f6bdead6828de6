"""Start the window: application, settings, language, and the project to reopen."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from onboard.ui.main_window import MainWindow
from onboard.ui.settings import Settings


def create_application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setOrganizationName("Onboard")
    app.setApplicationName("Onboard")
    return app


def create_window(project: str | None = None, settings: Settings | None = None) -> MainWindow:
    """The main window, on `project` or else on the last project if it still exists."""
    settings = settings or Settings()
    window = MainWindow(settings)
    target = project or settings.last_project
    if target and (project or Path(target).exists()):
        window.open_project(target)
    return window


def run(project: str | None = None) -> int:
    app = create_application()
    window = create_window(project)
    window.show()
    return app.exec()
