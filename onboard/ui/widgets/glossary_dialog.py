"""The project's glossary: terms kept as they are, or written as the seller says in each language."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from onboard.core.errors import InvalidValue
from onboard.core.i18n import _
from onboard.core.translation import memory
from onboard.core.translation.protect import GlossaryEntry
from onboard.ui.session import Session
from onboard.ui.widgets.common import error_label, name, show_error


def parse_translations(text: str) -> dict[str, str]:
    """ "de=Schreibtischlampe; ja=デスクライト" -> {"de": "Schreibtischlampe", "ja": "デスクライト"}."""
    pairs: dict[str, str] = {}
    for part in filter(None, (piece.strip() for piece in text.split(";"))):
        language, separator, term = part.partition("=")
        if not separator or not language.strip() or not term.strip():
            raise InvalidValue(_("Write translations as language=term, separated by “;”, e.g. de=Schreibtischlampe."))
        pairs[language.strip().lower()] = term.strip()
    return pairs


class GlossaryDialog(QDialog):
    def __init__(self, session: Session, parent=None) -> None:
        super().__init__(parent)
        self._session = session
        self.setWindowTitle(_("Glossary"))
        self.explanation = QLabel(_(
            "Terms without translations are never translated (brands, product lines). Terms with translations are "
            "always written that way in those languages. Changing the glossary makes the next translation run "
            "translate again."))  # fmt: skip
        self.explanation.setWordWrap(True)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([_("Term"), _("Case-sensitive"), _("Translations")])
        self.table.horizontalHeader().setStretchLastSection(True)
        name(self.table, _("Glossary terms"))
        self.term = QLineEdit()
        name(self.term, _("Term"))
        self.translations = QLineEdit()
        self.translations.setPlaceholderText(_("e.g. de=Schreibtischlampe; ja=デスクライト (empty: never translate)"))
        name(self.translations, _("Translations"))
        self.case_sensitive = QCheckBox(_("Case-sensitive"))
        name(self.case_sensitive, _("Case-sensitive"))
        self.add_button = QPushButton(_("&Add or change"))
        name(self.add_button, _("Add or change"))
        self.add_button.clicked.connect(self.add)
        self.error = error_label()
        form = QFormLayout()
        form.addRow(_("Term:"), self.term)
        form.addRow(_("Translations:"), self.translations)
        form.addRow("", self.case_sensitive)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addWidget(self.table)
        layout.addLayout(form)
        layout.addWidget(self.add_button)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(640, 480)
        self.refresh()

    def refresh(self) -> None:
        entries = memory.glossary(self._session.project)
        self.table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            translations = "; ".join(f"{language}={term}" for language, term in entry.translations.items())
            cells = (entry.term, _("Yes") if entry.case_sensitive else _("No"), translations)
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))

    def add(self) -> None:
        term = self.term.text().strip()
        try:
            if not term:
                raise InvalidValue(_("Enter a term."))
            entry = GlossaryEntry(term, parse_translations(self.translations.text()), self.case_sensitive.isChecked())
        except InvalidValue as error:
            show_error(self.error, str(error))
            return
        memory.set_glossary_entry(self._session.project, entry)
        show_error(self.error, "")
        self.term.clear()
        self.translations.clear()
        self.refresh()
