"""Switch the interface language live: our catalogs, Qt's own translations, and the layout direction."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, Qt, QTranslator

from onboard.core import i18n
from onboard.ui.qm import build_qm

QT_DOMAIN = "qt"


def qt_translations_dir() -> Path:
    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))


def has_qt_translation(code: str) -> bool:
    """True where PySide6 ships qtbase translations for this language."""
    return code == i18n.SOURCE_LANGUAGE or (qt_translations_dir() / f"qtbase_{code}.qm").exists()


def catalog_translator(code: str) -> QTranslator:
    """A translator serving Qt's own strings (buttons, file dialog) from our `qt` catalog, for languages
    PySide6 ships no qtbase translation for."""
    catalog = i18n.catalog(code, QT_DOMAIN)
    data = build_qm((message.context or "", message.id, message.string) for message in catalog if message.id)
    translator = QTranslator()
    translator.qm_data = data  # Qt reads the bytes in place: they must live as long as the translator
    translator.load(data)
    return translator


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
            self._translators.append(catalog_translator(code))
        for translator in self._translators:
            self._app.installTranslator(translator)
        QLocale.setDefault(QLocale(code))
        direction = Qt.LayoutDirection.RightToLeft if i18n.is_rtl(code) else Qt.LayoutDirection.LeftToRight
        self._app.setLayoutDirection(direction)
