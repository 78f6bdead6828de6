"""Interface languages: live switching, right-to-left, Qt's own words, accessible names."""

import subprocess
import sys

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QHeaderView,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTextBrowser,
    QWidget,
    QWizard,
)

from onboard.core.i18n import UI_LANGUAGES
from onboard.devtools.catalogs import qt_languages
from onboard.ui.wizard import PageId


def test_arabic_lays_the_window_out_right_to_left(open_window, settings, qapp):
    settings.language = "ar"
    window = open_window()
    assert qapp.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.isRightToLeft() and window.wizard.store_page.isRightToLeft()
    assert window.wizard.project_page.title() != "Welcome to Onboard"


def test_urdu_is_right_to_left_and_german_is_not(open_window, settings, qapp):
    window = open_window()
    window.set_language("ur")
    assert qapp.layoutDirection() == Qt.LayoutDirection.RightToLeft
    window.set_language("de")
    assert qapp.layoutDirection() == Qt.LayoutDirection.LeftToRight


def test_switching_language_is_live_and_remembered(open_window, settings):
    window = open_window()
    english_next = window.wizard.buttonText(QWizard.WizardButton.NextButton)
    combo = window.wizard.project_page.language
    combo.setCurrentIndex(combo.findData("de"))
    assert window.wizard.buttonText(QWizard.WizardButton.NextButton) != english_next
    assert window.file_menu.title() != "&File"
    assert window.language_actions["de"].isChecked()
    assert settings.language == "de"


def test_qt_words_are_translated_where_qt_ships_none(open_window):
    window = open_window()
    assert set(qt_languages()) == {"vi", "th", "id", "ms", "fil", "hi", "bn", "ur", "sw"}
    for code in UI_LANGUAGES:
        window.set_language(code)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel).text()
        if code != "en":
            assert cancel != "Cancel", code
            assert QCoreApplication.translate("QFileDialog", "File &name:") != "File &name:", code


def inside_combo(widget) -> bool:
    """A combo box's own popup list is part of the combo box, which carries the name."""
    parent = widget.parent()
    while parent is not None:
        if isinstance(parent, QComboBox):
            return True
        parent = parent.parent()
    return False


def test_every_input_has_an_accessible_name(open_window, tmp_path):
    window = open_window()
    window.session.create(tmp_path / "shop.onboard")
    inputs = (QLineEdit, QComboBox, QCheckBox, QPushButton, QAbstractItemView, QTextBrowser, QProgressBar)
    for page_id in PageId:
        page = window.wizard.page(page_id)
        for widget in page.findChildren(QWidget):
            internal = isinstance(widget, QHeaderView) or widget.objectName().startswith("qt_") or inside_combo(widget)
            if isinstance(widget, inputs) and not internal:
                assert widget.accessibleName(), f"{type(widget).__name__} on {page_id.name}"


def test_opening_the_window_loads_no_translation_engine(tmp_path):
    code = (
        "import os, sys; os.environ['QT_QPA_PLATFORM'] = 'offscreen';"
        "from PySide6.QtCore import QSettings;"
        "from onboard.ui.app import create_application, create_window;"
        "from onboard.ui.settings import Settings;"
        "app = create_application();"
        f"store = QSettings(r'{tmp_path / 's.ini'}', QSettings.Format.IniFormat);"
        "w = create_window(None, Settings(store)); w.show();"
        "app.processEvents();"
        "engine = ('argostranslate', 'torch', 'ctranslate2', 'stanza', 'spacy');"
        "print(sorted(m for m in engine if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[]"
