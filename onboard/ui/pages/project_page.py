"""First step: the interface language, and a new or existing project file."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWizardPage,
)

from onboard.core.i18n import UI_LANGUAGES, _, current_language, native_name
from onboard.ui.session import Session
from onboard.ui.widgets.common import ltr, name, select_data


class ProjectPage(QWizardPage):
    """Pick the language, then create or open the `.onboard` file every later step works in."""

    language_chosen = Signal(str)
    new_requested = Signal()
    open_requested = Signal()

    def __init__(self, session: Session) -> None:
        super().__init__()
        self._session = session
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.language = QComboBox()
        for code in UI_LANGUAGES:
            self.language.addItem(native_name(code), code)
        self.language.currentIndexChanged.connect(lambda: self.language_chosen.emit(self.language.currentData()))
        self.new_button = QPushButton()
        self.new_button.clicked.connect(self.new_requested)
        self.open_button = QPushButton()
        self.open_button.clicked.connect(self.open_requested)
        self.current = QLabel()
        self.current.setWordWrap(True)

        self.form = QFormLayout()
        self.form.addRow(QLabel(), self.language)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addLayout(buttons)
        layout.addWidget(self.current)
        layout.addStretch()
        session.project_changed.connect(self._show_project)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(_("Welcome to Onboard"))
        self.setSubTitle(_("From your products to listings that sell in other countries."))
        self.intro.setText(
            _(
                "Choose the language of this program, then create a project for your store or open one. "
                "A project is one file: copy it to keep a backup or to work on another computer."
            )
        )
        self.form.labelForField(self.language).setText(_("Interface language:"))
        self.form.labelForField(self.language).setBuddy(self.language)
        name(self.language, _("Interface language"))
        self.new_button.setText(_("&New project…"))
        name(self.new_button, _("New project"))
        self.open_button.setText(_("&Open project…"))
        name(self.open_button, _("Open project"))
        select_data(self.language, current_language())
        self._show_project()

    def isComplete(self) -> bool:  # noqa: N802 - Qt's name
        return self._session.project is not None

    def _show_project(self) -> None:
        project = self._session.project
        if project is None:
            self.current.setText(_("No project is open yet."))
        else:
            self.current.setText(_("Open project: {path}").format(path=ltr(str(project.path))))
        self.completeChanged.emit()
