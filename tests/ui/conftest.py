import pytest
from PySide6.QtCore import QSettings

from onboard.ui.app import create_window
from onboard.ui.settings import Settings


@pytest.fixture
def settings(tmp_path):
    """Window settings in a temporary INI file: no test touches the real user settings."""
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def open_window(qtbot, qapp, settings):
    """Open the main window with the test's settings (optionally on a project), closed after the test."""
    opened = []

    def factory(project=None):
        window = create_window(project, settings)
        qtbot.addWidget(window)
        window.show()
        opened.append(window)
        return window

    yield factory
    for window in opened:
        window.close()
    from onboard.ui.language import LanguageSwitcher

    LanguageSwitcher(qapp).apply("en")
