"""The open project as the window sees it: one core Project on the UI thread, and a signal when it changes."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from onboard.core.i18n import current_language
from onboard.core.project import FILE_SUFFIX, Project
from onboard.core.seller import SellerProfile, default_profile


class Session(QObject):
    """Holds the current project; every edit goes through core here, in its own transaction."""

    project_changed = Signal()
    profile_changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project: Project | None = None

    def create(self, path: str | Path) -> None:
        path = Path(path)
        if not path.suffix:
            path = path.with_suffix(FILE_SUFFIX)
        self._replace(Project.create(path, default_profile(path.stem, current_language())))

    def open(self, path: str | Path) -> None:
        self._replace(Project.open(path))

    def close(self) -> None:
        if self.project is not None:
            self.project.close()
            self.project = None

    def profile(self) -> SellerProfile | None:
        return self.project.profile() if self.project else None

    def update_profile(self, **changes: object) -> SellerProfile:
        """Save some profile fields now; raises InvalidValue (with a message to show) and saves nothing."""
        assert self.project is not None
        profile = self.project.update_profile(**changes)
        self.profile_changed.emit()
        return profile

    def _replace(self, project: Project) -> None:
        self.close()
        self.project = project
        self.project_changed.emit()
