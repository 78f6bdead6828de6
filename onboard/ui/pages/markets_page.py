"""Store setup, second part: the target markets, saved as they are ticked."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWizardPage

from onboard.core.errors import InvalidValue
from onboard.core.i18n import _, ngettext
from onboard.ui.session import Session
from onboard.ui.widgets.common import error_label, show_error
from onboard.ui.widgets.market_picker import MarketPicker


class MarketsPage(QWizardPage):
    """Where the seller wants to sell; at least one market."""

    def __init__(self, session: Session) -> None:
        super().__init__()
        self._session = session
        self.picker = MarketPicker()
        self.picker.selection_changed.connect(self._save)
        self.count = QLabel()
        self.error = error_label()
        layout = QVBoxLayout(self)
        layout.addWidget(self.picker)
        layout.addWidget(self.count)
        layout.addWidget(self.error)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(_("Where do you want to sell?"))
        self.setSubTitle(_("Tick your target markets. Select a market to see where each fact comes from."))
        self.picker.retranslate()
        self._show_count()

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        profile = self._session.profile()
        self.picker.set_selection(profile.markets if profile else ())
        self._show_count()

    def isComplete(self) -> bool:  # noqa: N802 - Qt's name
        return bool(self.picker.selection())

    def _save(self, codes: tuple[str, ...]) -> None:
        try:
            self._session.update_profile(markets=codes)
        except InvalidValue as error:
            show_error(self.error, str(error))
            return
        show_error(self.error, "")
        self._show_count()
        self.completeChanged.emit()

    def _show_count(self) -> None:
        chosen = len(self.picker.selection())
        if chosen:
            self.count.setText(ngettext("{count} market chosen", "{count} markets chosen", chosen).format(count=chosen))
        else:
            self.count.setText(_("Choose at least one market."))
