"""Translations side by side with their source, one row per listing field, editable in place."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QColor

from onboard.core.catalogue import field_label
from onboard.core.i18n import N_, _
from onboard.core.translation.memory import FieldTranslation

ORIGIN_LABELS = {
    "machine": N_("machine"),
    "memory": N_("memory"),
    "dictionary": N_("dictionary"),
    "edited": N_("edited"),
}
STATUS_LABELS = {"ok": N_("to check"), "needs_review": N_("needs review"), "reviewed": N_("reviewed")}
TRANSLATION_COLUMN = 3


def translated_field_label(key: str) -> str:
    return _("Tags") if key == "tags" else field_label(key)


class ReviewModel(QAbstractTableModel):
    """Rows of (SKU, field, source, translation, origin, status); `edit(item, text)` saves a seller's version."""

    def __init__(self, edit, parent=None) -> None:
        super().__init__(parent)
        self._edit = edit
        self._rows: list[tuple[str, FieldTranslation]] = []

    def set_rows(self, rows: list[tuple[str, FieldTranslation]]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def item(self, row: int) -> FieldTranslation:
        return self._rows[row][1]

    def replace(self, row: int, item: FieldTranslation) -> None:
        self._rows[row] = (self._rows[row][0], item)
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else 6

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (_("SKU"), _("Field"), _("Source"), _("Translation"), _("Origin"), _("Status"))[section]
        return None

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return flags | Qt.ItemFlag.ItemIsEditable if index.column() == TRANSLATION_COLUMN else flags

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        sku, item = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return (sku, translated_field_label(item.field), item.source, item.text, _(ORIGIN_LABELS[item.origin]),
                    _(STATUS_LABELS[item.status]))[column]  # fmt: skip
        if role == Qt.ItemDataRole.ToolTipRole and column == 5 and item.note:
            return _("Changed or lost by the model: {spans}").format(spans=item.note)
        if role == Qt.ItemDataRole.ForegroundRole and column == 5 and item.status == "needs_review":
            return QColor("#b00020")
        return None

    def setData(self, index: QModelIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or index.column() != TRANSLATION_COLUMN:
            return False
        text = str(value)
        if text == self.item(index.row()).text:
            return False
        self.replace(index.row(), self._edit(self.item(index.row()), text))
        return True
