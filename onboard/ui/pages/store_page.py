"""Store setup: the seller profile, saved field by field as the seller edits it."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWizardPage,
)

from onboard.core.errors import InvalidValue
from onboard.core.i18n import _, babel_locale
from onboard.core.seller import (
    CATEGORIES,
    LEGAL_FORMS,
    SITUATIONS,
    SOURCE_LANGUAGES,
    argos_language_name,
    countries,
    currencies,
    is_valid_email,
)
from onboard.ui.session import Session
from onboard.ui.widgets.common import error_label, name, select_data, show_error

_TYPING_PAUSE_MS = 400


class StorePage(QWizardPage):
    """Business name, legal form, origin, currency, e-mail, listing language, categories, situations."""

    def __init__(self, session: Session) -> None:
        super().__init__()
        self._session = session
        self._loading = False
        self.business_name = QLineEdit()
        self.legal_form = QComboBox()
        self.origin = QComboBox()
        self.currency = QComboBox()
        self.email = QLineEdit()
        self.source_language = QComboBox()
        self.error = error_label()
        self.categories = {code: QCheckBox() for code in CATEGORIES}
        self.situations = {code: QCheckBox() for code in SITUATIONS}
        self.category_box = self._check_grid(self.categories, columns=3)
        self.situation_box = self._check_grid(self.situations, columns=2)

        self.form = QFormLayout()
        for widget in (self.business_name, self.legal_form, self.origin, self.currency, self.email,
                       self.source_language):  # fmt: skip
            self.form.addRow(QLabel(), widget)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.category_box)
        layout.addWidget(self.situation_box)
        layout.addStretch()
        self.registerField("business_name*", self.business_name)

        self._typing = QTimer(self, singleShot=True, interval=_TYPING_PAUSE_MS)
        self._typing.timeout.connect(self.flush)
        for edit in (self.business_name, self.email):
            edit.textEdited.connect(self._typing.start)
            edit.textEdited.connect(self.completeChanged)
            edit.editingFinished.connect(self.flush)
        combos = {"legal_form": self.legal_form, "origin": self.origin, "currency": self.currency,
                  "source_language": self.source_language}  # fmt: skip
        for key, combo in combos.items():
            combo.currentIndexChanged.connect(lambda _i, c=combo, k=key: self._save(**{k: c.currentData()}))
        for box in (*self.categories.values(), *self.situations.values()):
            box.toggled.connect(self._save_codes)
        self.retranslate()

    @staticmethod
    def _check_grid(boxes: dict[str, QCheckBox], columns: int) -> QGroupBox:
        group = QGroupBox()
        grid = QGridLayout(group)
        for index, box in enumerate(boxes.values()):
            grid.addWidget(box, index // columns, index % columns)
        return group

    def retranslate(self) -> None:
        self.setTitle(_("Your store"))
        self.setSubTitle(_("Who sells, from where, and what. Every change is saved at once."))
        locale = babel_locale()
        labels = (
            (self.business_name, _("Business na&me:"), _("Business name")),
            (self.legal_form, _("Le&gal form:"), _("Legal form")),
            (self.origin, _("Country of &origin:"), _("Country of origin")),
            (self.currency, _("Base c&urrency:"), _("Base currency")),
            (self.email, _("Contact &e-mail:"), _("Contact e-mail")),
            (self.source_language, _("Language of your l&istings:"), _("Language of your listings")),
        )
        for widget, label_text, accessible in labels:
            label = self.form.labelForField(widget)
            label.setText(label_text)
            label.setBuddy(widget)
            name(widget, accessible)
        self.business_name.setPlaceholderText(_("e.g. Lotus Crafts Co., Ltd."))
        self.email.setPlaceholderText(_("name@example.com"))
        self._fill(self.legal_form, [("", _("Not specified"))] + [(c, _(t)) for c, t in LEGAL_FORMS.items()])
        self._fill(self.origin, countries(locale))
        self._fill(self.currency, [(code, f"{code} — {title}") for code, title in currencies(locale)])
        self._fill(self.source_language, [(c, argos_language_name(c, locale)) for c in SOURCE_LANGUAGES])
        self.category_box.setTitle(_("What do you sell?"))
        self.situation_box.setTitle(_("How do you sell?"))
        for boxes, texts in ((self.categories, CATEGORIES), (self.situations, SITUATIONS)):
            for code, box in boxes.items():
                box.setText(_(texts[code]).replace("&", "&&"))
                name(box, _(texts[code]))
        self.initializePage()

    def _fill(self, combo: QComboBox, items: list[tuple[str, str]]) -> None:
        blocked = combo.blockSignals(True)
        combo.clear()
        for code, text in items:
            combo.addItem(text, code)
        combo.blockSignals(blocked)

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        """Show what the project file holds."""
        profile = self._session.profile()
        if profile is None:
            return
        self._loading = True
        self.business_name.setText(profile.name)
        self.email.setText(profile.email)
        select_data(self.legal_form, profile.legal_form)
        select_data(self.origin, profile.origin)
        select_data(self.currency, profile.currency)
        select_data(self.source_language, profile.source_language)
        for boxes, chosen in ((self.categories, profile.categories), (self.situations, profile.situations)):
            for code, box in boxes.items():
                box.setChecked(code in chosen)
        self._loading = False
        show_error(self.error, "")

    def isComplete(self) -> bool:  # noqa: N802 - Qt's name
        return bool(self.business_name.text().strip()) and is_valid_email(self.email.text())

    def validatePage(self) -> bool:  # noqa: N802 - Qt's name
        self.flush()
        if not is_valid_email(self.email.text()):
            show_error(self.error, _("Enter a valid contact e-mail, such as name@example.com."))
            return False
        return not self.error.isVisible()

    def flush(self) -> None:
        """Save what is typed in the text fields now (the typing pause may not have passed yet)."""
        self._typing.stop()
        email = self.email.text().strip()
        if email and not is_valid_email(email):
            show_error(self.error, _("“{email}” is not a valid e-mail address.").format(email=email))
            self._save(name=self.business_name.text().strip() or None)
            return
        self._save(name=self.business_name.text().strip() or None, email=email)

    def _save_codes(self) -> None:
        self._save(
            categories=tuple(code for code, box in self.categories.items() if box.isChecked()),
            situations=tuple(code for code, box in self.situations.items() if box.isChecked()),
        )

    def _save(self, **changes: object) -> None:
        changes = {key: value for key, value in changes.items() if value is not None}
        if self._loading or self._session.project is None or not changes:
            return
        try:
            self._session.update_profile(**changes)
        except InvalidValue as error:
            show_error(self.error, str(error))
            return
        show_error(self.error, "")
