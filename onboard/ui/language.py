"""Switch the interface language live: our catalogs, Qt's own translations, and the layout direction."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, Qt, QTranslator

from onboard.core import i18n

QT_DOMAIN = "qt"


def qt_translations_dir() -> Path:
    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))


def has_qt_translation(code: str) -> bool:
    """True where PySide6 ships qtbase translations for this language."""
    return code == i18n.SOURCE_LANGUAGE or (qt_translations_dir() / f"qtbase_{code}.qm").exists()


class CatalogTranslator(QTranslator):
    """Serves Qt's own strings (buttons, file dialog) from our `qt` catalog where Qt has no translation."""

    def __init__(self, code: str) -> None:
        super().__init__()
        self._catalog = i18n.translations(code, QT_DOMAIN)

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:
        text = self._catalog.pgettext(context, source)
        return "" if text == source else text

    def isEmpty(self) -> bool:  # noqa: N802 - Qt's name
        return False


class LanguageSwitcher:
    """Owns the translators installed in the application for the current interface language."""

    def __init__(self, app: QCoreApplication) -> None:
        self._app = app
        self._translators: list[QTranslator] = []

    def apply(self, code: str) -> None:
        """Make `code` the interface language everywhere: words, Qt's dialogs, number locale, direction."""
        i18n.set_language(code)
        for translator in self._translators:
            self._app.removeTranslator(translator)
        self._translators = []
        if has_qt_translation(code):
            translator = QTranslator(self._app)
            if translator.load(f"qtbase_{code}", str(qt_translations_dir())):
                self._translators.append(translator)
        else:
            self._translators.append(CatalogTranslator(code))
        for translator in self._translators:
            self._app.installTranslator(translator)
        QLocale.setDefault(QLocale(code))
        direction = Qt.LayoutDirection.RightToLeft if i18n.is_rtl(code) else Qt.LayoutDirection.LeftToRight
        self._app.setLayoutDirection(direction)
