"""The wizard: page ids, order and button words. Pages of later steps join here."""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QWizard

from onboard.core.i18n import _
from onboard.ui.engine_host import EngineHost
from onboard.ui.pages.compliance_page import CompliancePage
from onboard.ui.pages.listings_page import ListingsPage
from onboard.ui.pages.markets_page import MarketsPage
from onboard.ui.pages.payments_page import PaymentsPage
from onboard.ui.pages.prices_page import PricesPage
from onboard.ui.pages.project_page import ProjectPage
from onboard.ui.pages.store_page import StorePage
from onboard.ui.pages.translate_page import TranslatePage
from onboard.ui.session import Session


class PageId(IntEnum):
    PROJECT = 0
    STORE = 1
    MARKETS = 2
    LISTINGS = 3
    TRANSLATE = 4
    PRICES = 5
    PAYMENTS = 6
    COMPLIANCE = 7


class OnboardWizard(QWizard):
    """The steps a seller walks through, embedded in the main window."""

    completed = Signal()

    def __init__(self, session: Session, host: EngineHost) -> None:
        super().__init__()
        self.setWindowFlags(Qt.WindowType.Widget)
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoCancelButton, True)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.project_page = ProjectPage(session)
        self.store_page = StorePage(session)
        self.markets_page = MarketsPage(session)
        self.listings_page = ListingsPage(session)
        self.translate_page = TranslatePage(session, host)
        self.prices_page = PricesPage(session)
        self.payments_page = PaymentsPage(session)
        self.compliance_page = CompliancePage(session)
        self.setPage(PageId.PROJECT, self.project_page)
        self.setPage(PageId.STORE, self.store_page)
        self.setPage(PageId.MARKETS, self.markets_page)
        self.setPage(PageId.LISTINGS, self.listings_page)
        self.setPage(PageId.TRANSLATE, self.translate_page)
        self.setPage(PageId.PRICES, self.prices_page)
        self.setPage(PageId.PAYMENTS, self.payments_page)
        self.setPage(PageId.COMPLIANCE, self.compliance_page)
        self.retranslate()
        self.restart()

    def accept(self) -> None:
        """Finish without closing: embedded in the window, the wizard stays where it is."""
        self.completed.emit()

    def pages(self) -> tuple:
        return (
            self.project_page, self.store_page, self.markets_page, self.listings_page, self.translate_page,
            self.prices_page, self.payments_page, self.compliance_page,
        )  # fmt: skip

    def retranslate(self) -> None:
        """Set every word again in the current interface language (called on a live switch)."""
        self.setButtonText(QWizard.WizardButton.BackButton, _("&Back"))
        self.setButtonText(QWizard.WizardButton.NextButton, _("&Next"))
        self.setButtonText(QWizard.WizardButton.FinishButton, _("Fini&sh"))
        self.setButtonText(QWizard.WizardButton.CommitButton, _("&Continue"))
        for page in self.pages():
            page.retranslate()
