"""Small helpers every page uses."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel, QWidget

from onboard.core.i18n import babel_locale
from onboard.core.markets import market


def name(widget: QWidget, text: str) -> None:
    """Give an input the name screen readers announce (and tests look for)."""
    widget.setAccessibleName(text)


def label_button(button: QAbstractButton, text: str) -> None:
    """Set a button's text (with its & mnemonic) and the same words, without the mark, as its accessible name."""
    button.setText(text)
    button.setAccessibleName(text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…"))


def select_data(combo: QComboBox, value: object) -> None:
    """Select the item whose data is `value`, without emitting change signals."""
    index = combo.findData(value)
    blocked = combo.blockSignals(True)
    combo.setCurrentIndex(max(index, 0))
    combo.blockSignals(blocked)


def fill_markets(combo: QComboBox, codes: tuple[str, ...]) -> None:
    """Offer the project's markets by name in the interface language, keeping the current one, without signals."""
    current = combo.currentData()
    blocked = combo.blockSignals(True)
    combo.clear()
    for code in codes:
        combo.addItem(market(code).name(babel_locale()), code)
    select_data(combo, current)
    combo.blockSignals(blocked)


def error_label() -> QLabel:
    """A label for an inline validation message, hidden while empty."""
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet("color: #b00020;")
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.hide()
    return label


def show_error(label: QLabel, message: str) -> None:
    label.setText(message)
    label.setVisible(bool(message))


def ltr(text: str) -> str:
    """Keep a code, SKU, path or URL left-to-right inside right-to-left text (Unicode LRI ... PDI)."""
    return f"\u2066{text}\u2069"
