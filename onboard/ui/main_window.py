"""The main window: menus (project, language, text size) around the wizard."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog, QMainWindow, QMessageBox

from onboard import __version__
from onboard.core.errors import OnboardError
from onboard.core.i18n import UI_LANGUAGES, _, current_language, native_name
from onboard.ui.engine_host import EngineHost
from onboard.ui.language import LanguageSwitcher
from onboard.ui.session import Session
from onboard.ui.settings import TEXT_SCALES, Settings
from onboard.ui.wizard import OnboardWizard, PageId

BASE_POINT_SIZE = 10.0


class MainWindow(QMainWindow):
    def __init__(self, settings: Settings) -> None:
        super().__init__()
        self.settings = settings
        self.session = Session(self)
        self.switcher = LanguageSwitcher(QApplication.instance())
        self.switcher.apply(settings.language)
        self.engine_host = EngineHost(self)
        self.wizard = OnboardWizard(self.session, self.engine_host)
        self.setCentralWidget(self.wizard)
        self.wizard.project_page.language_chosen.connect(self.set_language)
        self.wizard.project_page.new_requested.connect(self.new_project)
        self.wizard.project_page.open_requested.connect(self.open_project_dialog)
        self.wizard.completed.connect(self._completed)
        self._build_menus()
        self._apply_text_scale(settings.text_scale)
        self.resize(1100, 760)
        self.retranslate()

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.new_action = self.file_menu.addAction("", self.new_project)
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.open_action = self.file_menu.addAction("", self.open_project_dialog)
        self.open_action.setShortcut(QKeySequence.StandardKey.Open)
        self.file_menu.addSeparator()
        self.quit_action = self.file_menu.addAction("", self.close)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)

        self.language_menu = bar.addMenu("")
        group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code in UI_LANGUAGES:
            action = self.language_menu.addAction(native_name(code))
            action.setCheckable(True)
            action.triggered.connect(lambda _checked, c=code: self.set_language(c))
            group.addAction(action)
            self.language_actions[code] = action

        self.view_menu = bar.addMenu("")
        self.larger_action = self.view_menu.addAction("", lambda: self._step_text_scale(+1))
        self.larger_action.setShortcut(QKeySequence.StandardKey.ZoomIn)
        self.smaller_action = self.view_menu.addAction("", lambda: self._step_text_scale(-1))
        self.smaller_action.setShortcut(QKeySequence.StandardKey.ZoomOut)
        self.normal_action = self.view_menu.addAction("", lambda: self._apply_text_scale(1.0))

        self.help_menu = bar.addMenu("")
        self.about_action = self.help_menu.addAction("", self._about)

    def retranslate(self) -> None:
        self.setWindowTitle(self._title())
        self.file_menu.setTitle(_("&File"))
        self.new_action.setText(_("&New project…"))
        self.open_action.setText(_("&Open project…"))
        self.quit_action.setText(_("&Quit"))
        self.language_menu.setTitle(_("&Language"))
        self.language_actions[current_language()].setChecked(True)
        self.view_menu.setTitle(_("&View"))
        self.larger_action.setText(_("&Larger text"))
        self.smaller_action.setText(_("&Smaller text"))
        self.normal_action.setText(_("&Normal text size"))
        self.help_menu.setTitle(_("&Help"))
        self.about_action.setText(_("&About Onboard"))
        self.wizard.retranslate()

    def _title(self) -> str:
        project = self.session.project
        if project is None:
            return "Onboard"
        # Translators: the window title; {project} is the project's file name.
        return _("{project} — Onboard").format(project=project.path.name)

    # -- language and text size -------------------------------------------------------------------

    def set_language(self, code: str) -> None:
        if code == current_language():
            return
        self.switcher.apply(code)
        self.settings.language = code
        self.retranslate()

    def _apply_text_scale(self, scale: float) -> None:
        self.settings.text_scale = scale
        font = QApplication.font()
        font.setPointSizeF(BASE_POINT_SIZE * scale)
        QApplication.setFont(font)

    def _step_text_scale(self, step: int) -> None:
        index = TEXT_SCALES.index(self.settings.text_scale) + step
        self._apply_text_scale(TEXT_SCALES[max(0, min(index, len(TEXT_SCALES) - 1))])

    # -- projects ---------------------------------------------------------------------------------

    def new_project(self) -> None:
        # Translators: the suggested file name of a new project; keep the ".onboard" ending.
        suggested = _("My store.onboard")
        # Translators: a file-dialog filter; keep "(*.onboard)" as it is.
        kinds = _("Onboard projects (*.onboard)")
        path, _filter = QFileDialog.getSaveFileName(self, _("New project"), str(Path.home() / suggested), kinds)
        if path:
            self._use_project(self.session.create, path)

    def open_project_dialog(self) -> None:
        # Translators: file-dialog filters separated by ";;"; keep "(*.onboard)" and "(*)" as they are.
        kinds = _("Onboard projects (*.onboard);;All files (*)")
        path, _filter = QFileDialog.getOpenFileName(self, _("Open project"), str(Path.home()), kinds)
        if path:
            self.open_project(path)

    def open_project(self, path: str) -> bool:
        return self._use_project(self.session.open, path)

    def _use_project(self, action, path: str) -> bool:
        try:
            action(path)
        except OnboardError as error:
            QMessageBox.critical(self, _("Cannot open the project"), str(error))
            return False
        self.settings.last_project = str(self.session.project.path)
        self.setWindowTitle(self._title())
        if self.wizard.currentId() == PageId.PROJECT:
            self.wizard.next()
        else:
            self.wizard.currentPage().initializePage()
        return True

    def _completed(self) -> None:
        QMessageBox.information(
            self,
            _("Store setup saved"),
            _("Your store setup is saved in the project file. You can close Onboard."),
        )

    def _about(self) -> None:
        QMessageBox.about(
            self,
            _("About Onboard"),
            _("Onboard {version}: from your products to listings that sell in other countries, offline.").format(
                version=__version__
            ),
        )

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        self.wizard.store_page.flush()
        self.wizard.translate_page.shutdown()
        self.session.close()
        self.settings.sync()
        super().closeEvent(event)
