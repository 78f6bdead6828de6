"""One market's prices as a Qt table: base, local price, margin and what is wrong, red below the guard."""

from __future__ import annotations

from babel import Locale
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QColor

from onboard.core.i18n import _, babel_locale
from onboard.core.pricing import percent_text
from onboard.core.pricing_store import PricedListing

COLUMNS = ("sku", "title", "base", "price", "margin", "flags")
SORT_ROLE = Qt.ItemDataRole.UserRole
RED = QColor("#b00020")


class PricesModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[PricedListing] = []
        self.base_currency = ""
        self.shopper_locale = babel_locale()

    def set_rows(self, rows: list[PricedListing], base_currency: str, shopper_locale: Locale) -> None:
        """`shopper_locale`: the market's own, so prices read as shoppers there see them."""
        self.beginResetModel()
        self.rows, self.base_currency, self.shopper_locale = rows, base_currency, shopper_locale
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's name
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's name
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            "sku": _("SKU"),
            "title": _("Title"),
            "base": _("Your price ({currency})").format(currency=self.base_currency),
            "price": _("Local price"),
            "margin": _("Margin"),
            "flags": _("Problems"),
        }[COLUMNS[section]]

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], COLUMNS[index.column()]
        price, listing = row.price, row.listing
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "sku":
                return listing.sku
            if column == "title":
                return listing.title
            if column == "base":
                return listing.price
            if column == "price":
                return price.display(self.shopper_locale)
            if column == "margin":
                return "" if price.margin_percent is None else f"{percent_text(price.margin_percent)} %"
            return " ".join(flag.message for flag in price.flags)
        if role == SORT_ROLE:
            if column == "price":
                return float(price.amount) if price.amount is not None else -1.0
            if column == "margin":
                return float(price.margin_percent) if price.margin_percent is not None else -1e9
            return self.data(index)
        flagged = any(flag.key == "low_margin" or flag.blocking for flag in price.flags)
        if role == Qt.ItemDataRole.ForegroundRole and column in ("price", "margin", "flags") and flagged:
            return RED
        if role == Qt.ItemDataRole.ToolTipRole and price.flags:
            return "\n".join(flag.message for flag in price.flags)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in ("base", "price", "margin"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def counts(self) -> tuple[int, int]:
        """(priced, not exportable)."""
        return len(self.rows), sum(1 for row in self.rows if not row.price.exportable)
