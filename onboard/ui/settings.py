"""What the window remembers between runs (QSettings). Seller data never lives here."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from onboard.core.i18n import UI_LANGUAGES, language_from_environment

TEXT_SCALES = (1.0, 1.25, 1.5, 1.75, 2.0)


class Settings:
    def __init__(self, store: QSettings | None = None) -> None:
        self._store = store or QSettings()

    @property
    def language(self) -> str:
        code = str(self._store.value("language", "") or "")
        return code if code in UI_LANGUAGES else language_from_environment()

    @language.setter
    def language(self, code: str) -> None:
        self._store.setValue("language", code)

    @property
    def last_project(self) -> str:
        return str(self._store.value("last_project", "") or "")

    @last_project.setter
    def last_project(self, path: str) -> None:
        self._store.setValue("last_project", path)

    @property
    def text_scale(self) -> float:
        try:
            scale = float(self._store.value("text_scale", 1.0))
        except (TypeError, ValueError):
            return 1.0
        return scale if scale in TEXT_SCALES else 1.0

    @text_scale.setter
    def text_scale(self, scale: float) -> None:
        self._store.setValue("text_scale", scale)

    def sync(self) -> None:
        self._store.sync()
