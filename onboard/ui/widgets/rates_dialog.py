"""Exchange rates: see where each comes from and how old it is, type your own, or import the ECB file."""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path

from babel.dates import format_date
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from onboard.core.errors import InvalidValue
from onboard.core.fx import is_stale
from onboard.core.i18n import N_, _, babel_locale
from onboard.core.markets import CONFIDENCE_LABELS
from onboard.core.pricing_store import import_ecb, rate_table, reset_rate, set_rate
from onboard.core.project import Project
from onboard.ui.widgets.common import error_label, name, show_error

ORIGINS = {
    "bundled": N_("ECB snapshot shipped with Onboard"),
    "entered": N_("entered by you"),
    "imported": N_("imported ECB file"),
}


def rate_date(day: date) -> str:
    return format_date(day, "medium", locale=babel_locale())


class RatesDialog(QDialog):
    """Rates of the project's currencies; every change is saved at once (one transaction each)."""

    def __init__(self, project: Project, currencies: list[str], parent=None) -> None:
        super().__init__(parent)
        self._project, self._currencies = project, currencies
        self.setWindowTitle(_("Exchange rates"))
        self.explain = QLabel(
            _(
                "How many units of each currency one euro buys. Rates come from the European Central Bank; "
                "download its reference rates file when you are online and import it here."
            )
        )
        self.explain.setWordWrap(True)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([_("Currency"), _("1 EUR ="), _("Date"), _("Where from")])
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.itemChanged.connect(self._edited)
        name(self.table, _("Exchange rates"))
        self.error = error_label()
        import_button = QPushButton(_("&Import ECB file…"))
        import_button.clicked.connect(self.choose_file)
        reset_button = QPushButton(_("&Use the shipped rate"))
        reset_button.clicked.connect(self.reset_selected)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.accept)
        row = QHBoxLayout()
        row.addWidget(import_button)
        row.addWidget(reset_button)
        row.addStretch(1)
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explain)
        layout.addWidget(self.table)
        layout.addWidget(self.error)
        layout.addLayout(row)
        self.resize(640, 420)
        self.refresh()

    def refresh(self) -> None:
        rates = rate_table(self._project).rates
        blocked = self.table.blockSignals(True)
        self.table.setRowCount(len(self._currencies))
        for row, currency in enumerate(self._currencies):
            rate = rates.get(currency)
            cells = [
                currency,
                "" if rate is None else str(rate.per_eur),
                "" if rate is None else rate_date(rate.as_of),
                _("no rate: enter one") if rate is None else _(ORIGINS[rate.origin]),
            ]
            if rate is not None and is_stale(rate):
                cells[3] += " — " + _("older than 30 days")
            tooltip = ""
            if rate is not None and rate.source is not None:
                confidence = _(CONFIDENCE_LABELS[rate.source.confidence])
                tooltip = f"{rate.source.url} ({confidence})"
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(tooltip)
                if column != 1:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(row, column, item)
        self.table.blockSignals(blocked)
        self.table.resizeColumnsToContents()

    def _edited(self, item: QTableWidgetItem) -> None:
        if item.column() != 1:
            return
        currency = self._currencies[item.row()]
        try:
            set_rate(self._project, currency, Decimal(item.text().strip().replace(",", ".")))
        except (InvalidOperation, ValueError):
            show_error(self.error, _("An exchange rate must be a number above zero."))
        except InvalidValue as error:
            show_error(self.error, str(error))
        else:
            show_error(self.error, "")
        self.refresh()

    def reset_selected(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            reset_rate(self._project, self._currencies[row])
            self.refresh()

    def choose_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, _("Import ECB reference rates"), "", _("ECB rates (*.xml *.csv *.zip)")
        )
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> None:
        try:
            day, count = import_ecb(self._project, path.read_bytes())
        except InvalidValue as error:
            show_error(self.error, str(error))
            return
        except OSError as error:
            show_error(self.error, _("Cannot read {path}: {reason}").format(path=path, reason=error.strerror or error))
            return
        show_error(self.error, "")
        self.explain.setText(_("Imported {count} rates of {date}.").format(count=count, date=rate_date(day)))
        self.refresh()
