"""Before an import: show how the file was read and which field each column goes to; let the seller correct it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from onboard.core.catalogue import FIELDS, field_label
from onboard.core.columns import IGNORE, load_mapping, save_mapping
from onboard.core.errors import OnboardError
from onboard.core.i18n import _
from onboard.core.importing import Layout, preview
from onboard.ui.widgets.common import name

ENCODINGS = ("", "utf-8", "gbk", "big5", "shift_jis", "windows-1252", "utf-16")
OPTION = "option"


class ImportDialog(QDialog):
    """Shows the detected format, encoding and header row, and a field per column (editable)."""

    def __init__(self, path: Path, parent=None) -> None:
        super().__init__(parent)
        self.path = path
        self.layout_found: Layout | None = None
        self.setWindowTitle(_("Import {file}").format(file=path.name))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.encoding = QComboBox()
        for code in ENCODINGS:
            self.encoding.addItem(code.upper() if code else _("Detect automatically"), code)
        name(self.encoding, _("Encoding"))
        self.sheet = QComboBox()
        name(self.sheet, _("Sheet"))
        self.columns = QTableWidget(0, 3)
        self.columns.setHorizontalHeaderLabels([_("Column in your file"), _("First values"), _("Goes to")])
        self.columns.horizontalHeader().setStretchLastSection(True)
        name(self.columns, _("Columns and fields"))
        form = QFormLayout()
        form.addRow(_("Encoding:"), self.encoding)
        form.addRow(_("Sheet:"), self.sheet)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = buttons.addButton(_("&Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button = QPushButton(_("Save mapping…"))
        self.load_button = QPushButton(_("Use a saved mapping…"))
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.load_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.save_button.clicked.connect(self._save_mapping)
        self.load_button.clicked.connect(self._load_mapping)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(form)
        layout.addWidget(self.columns)
        layout.addWidget(buttons)
        self.resize(900, 600)
        self.encoding.currentIndexChanged.connect(self.reload)
        self.sheet.currentIndexChanged.connect(self.reload)
        self.reload()

    def options(self) -> dict[str, object]:
        """What `run_import` needs: encoding, sheet and the mapping as shown."""
        return {"encoding": self.encoding.currentData() or None, "sheet": self.sheet.currentData() or None,
                "mapping": self.mapping()}  # fmt: skip

    def mapping(self) -> dict[str, str]:
        result: dict[str, str] = {}
        for row in range(self.columns.rowCount()):
            header = self.columns.item(row, 0).text()
            target = self.columns.cellWidget(row, 2).currentData()
            result[header] = f"option:{header}" if target == OPTION else target
        return result

    def reload(self) -> None:
        try:
            table, layout = preview(self.path, **{k: v for k, v in self.options().items() if k != "mapping"})
        except OnboardError as error:
            self.summary.setText(str(error))
            self.import_button.setEnabled(False)
            return
        self.layout_found = layout
        self.import_button.setEnabled(True)
        if table.sheets and self.sheet.count() == 0:
            self.sheet.blockSignals(True)
            for sheet in table.sheets:
                self.sheet.addItem(sheet, sheet)
            self.sheet.setCurrentIndex(max(self.sheet.findData(table.sheet), 0))
            self.sheet.blockSignals(False)
        self.sheet.setEnabled(bool(table.sheets))
        kind = layout.platform.name if layout.platform else _("your own layout")
        self.summary.setText(
            _("Read as {kind}; the column names are on row {row}. Check where each column goes.").format(
                kind=kind, row=layout.header_row
            )
        )
        self._show_columns(layout, layout.mapping)

    def _show_columns(self, layout: Layout, mapping: dict[str, str]) -> None:
        headers = [header for header in layout.headers if header]
        self.columns.setRowCount(len(headers))
        for row, header in enumerate(headers):
            index = layout.headers.index(header)
            samples = [line[index] for line in layout.sample if index < len(line) and line[index].strip()][:3]
            self.columns.setItem(row, 0, QTableWidgetItem(header))
            self.columns.setItem(row, 1, QTableWidgetItem(" | ".join(sample[:40] for sample in samples)))
            self.columns.setCellWidget(row, 2, self._target_box(header, mapping.get(header, IGNORE)))
        self.columns.resizeColumnsToContents()

    def _target_box(self, header: str, target: str) -> QComboBox:
        box = QComboBox()
        box.addItem(_("(not imported)"), IGNORE)
        box.addItem(_("Variant option (values of “{column}”)").format(column=header), OPTION)
        for field_name in FIELDS:
            box.addItem(field_label(field_name), field_name)
        for key, label in (("handle", _("Product group (Shopify handle)")), ("row_id", _("Row ID")),
                           ("row_type", _("Row type (parent / variation)"))):  # fmt: skip
            box.addItem(label, key)
        found = box.findData(OPTION if target.startswith("option:") else target)
        box.setCurrentIndex(max(found, 0))
        name(box, _("Field for column “{column}”").format(column=header))
        return box

    def _save_mapping(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(self, _("Save mapping"), str(self.path.with_suffix(".toml")),
                                                    _("Column mappings (*.toml)"))  # fmt: skip
        if path:
            save_mapping(self.mapping(), path)

    def _load_mapping(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, _("Use a saved mapping"), str(self.path.parent),
                                                    _("Column mappings (*.toml)"))  # fmt: skip
        if not path or self.layout_found is None:
            return
        try:
            mapping = load_mapping(path)
        except OnboardError as error:
            QMessageBox.warning(self, _("Cannot use this mapping"), str(error))
            return
        self._show_columns(self.layout_found, {**self.layout_found.mapping, **mapping})
