"""Listings: import a spreadsheet (or the sample catalogue), then search, sort, check and edit the catalogue."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWizardPage,
)

from onboard.core.catalogue import validate
from onboard.core.catalogue_store import load_listings
from onboard.core.i18n import _, ngettext
from onboard.core.importing import ImportResult, run_import
from onboard.core.project import Project
from onboard.ui import workers
from onboard.ui.session import Session
from onboard.ui.widgets.common import name
from onboard.ui.widgets.import_dialog import ImportDialog
from onboard.ui.widgets.listings_model import COLUMNS, ListingsFilter, ListingsModel
from onboard.ui.widgets.progress_panel import ProgressPanel

SAMPLES = {"en": "catalogue_en.csv", "zh": "catalogue_zh.csv"}


class ListingsPage(QWizardPage):
    def __init__(self, session: Session) -> None:
        super().__init__()
        self._session = session
        self._job: workers.Job | None = None
        self._loader: workers.Job | None = None
        self.import_button = QPushButton()
        self.import_button.clicked.connect(self.choose_file)
        self.sample = QComboBox()
        self.sample_button = QPushButton()
        self.sample_button.clicked.connect(self.import_sample)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.only_problems = QCheckBox()
        self.count = QLabel()
        self.model = ListingsModel(self._save_field, self)
        self.proxy = ListingsFilter(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # import order first
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.verticalHeader().setDefaultSectionSize(44)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.setWordWrap(False)
        for column_name, width in (("images", 52), ("sku", 190), ("title", 420), ("options", 150), ("gtin", 130)):
            self.table.setColumnWidth(next(i for i, (n, _e) in enumerate(COLUMNS) if n == column_name), width)
        self.problems = QListWidget()
        self.progress = ProgressPanel()
        self.progress.cancel_requested.connect(self._cancel)
        self.search.textChanged.connect(self.proxy.set_search)
        self.only_problems.toggled.connect(self.proxy.set_only_problems)
        self.table.selectionModel().currentRowChanged.connect(self._show_problems)

        tools = QHBoxLayout()
        for widget in (self.import_button, self.sample, self.sample_button):
            tools.addWidget(widget)
        tools.addStretch()
        tools.addWidget(self.search, 2)
        tools.addWidget(self.only_problems)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.problems)
        splitter.setSizes([500, 120])
        layout = QVBoxLayout(self)
        layout.addLayout(tools)
        layout.addWidget(self.progress)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.count)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(_("Your products"))
        self.setSubTitle(_("Import your catalogue from a spreadsheet. Rows with problems are marked; fix them here."))
        self.import_button.setText(_("&Import a spreadsheet…"))
        name(self.import_button, _("Import a spreadsheet"))
        self.sample.clear()
        self.sample.addItem(_("Sample catalogue (English)"), "en")
        self.sample.addItem(_("Sample catalogue (Chinese)"), "zh")
        name(self.sample, _("Sample catalogue"))
        self.sample_button.setText(_("Add the sample"))
        name(self.sample_button, _("Add the sample catalogue"))
        self.search.setPlaceholderText(_("Search SKU, title, brand, barcode"))
        name(self.search, _("Search listings"))
        self.only_problems.setText(_("Only rows with problems"))
        name(self.only_problems, _("Only rows with problems"))
        name(self.table, _("Listings"))
        name(self.problems, _("Problems of the selected row"))
        self.progress.retranslate()
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        self._show_count()

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        self.reload()

    def reload(self) -> None:
        """Read the catalogue in a worker (thousands of rows) and show it when it is ready."""
        project = self._session.project
        if project is None:
            self.show_catalogue([], {})
            return
        project_path = project.path

        def work(_progress):
            with Project.open(project_path) as opened:
                listings = load_listings(opened)
            return listings, validate(listings)

        self._loader = workers.start(workers.Job(work, finished=lambda loaded: self.show_catalogue(*loaded)))

    def show_catalogue(self, listings: list, problems: dict) -> None:
        self.model.set_listings(listings, problems)
        self.proxy.set_search(self.search.text())
        self._show_count()

    def _show_count(self) -> None:
        total, flagged = self.model.rowCount(), self.model.flagged_count()
        text = ngettext("{count} listing", "{count} listings", total).format(count=total)
        if flagged:
            text += " · " + ngettext("{count} with problems", "{count} with problems", flagged).format(count=flagged)
        self.count.setText(text)

    def _show_problems(self) -> None:
        self.problems.clear()
        index = self.table.currentIndex()
        if not index.isValid():
            return
        row = self.proxy.mapToSource(index).row()
        listing = self.model.listing(row)
        self.problems.addItems([problem.message(listing) for problem in self.model.problems(row)])

    def _save_field(self, listing_id: int, field_name: str, text: str):
        from onboard.core.catalogue_store import update_listing

        return update_listing(self._session.project, listing_id, **{field_name: text})

    # -- importing --------------------------------------------------------------------------------------------

    def choose_file(self) -> None:
        # Translators: a file-dialog filter; keep the patterns in parentheses as they are.
        kinds = _("Spreadsheets (*.csv *.tsv *.txt *.xlsx *.xlsm);;All files (*)")
        path, _filter = QFileDialog.getOpenFileName(self, _("Import a spreadsheet"), str(Path.home()), kinds)
        if path:
            dialog = ImportDialog(Path(path), self)
            if dialog.exec() == QDialog.DialogCode.Accepted:
                self.start_import(Path(path), dialog.options())

    def import_sample(self) -> None:
        language = self.sample.currentData()
        path = Path(str(files("onboard.data").joinpath("samples", SAMPLES[language])))
        self.start_import(path, {})

    def start_import(self, path: Path, options: dict) -> None:
        """Import in a worker with its own connection to the project; the window stays responsive."""
        project_path = self._session.project.path

        def work(progress):
            with Project.open(project_path) as project:
                return run_import(project, path, progress=progress, **options)

        self._job = workers.Job(work, progress=self.progress.update, finished=self._imported, failed=self._failed,
                                cancelled=self._cancelled)  # fmt: skip
        self.progress.begin(_("Importing {file}").format(file=path.name))
        self.import_button.setEnabled(False)
        self.sample_button.setEnabled(False)
        workers.start(self._job)

    def _cancel(self) -> None:
        if self._job:
            self._job.cancel()
            self.progress.cancel.setEnabled(False)

    def _finish_job(self) -> None:
        self._job = None
        self.progress.end()
        self.import_button.setEnabled(True)
        self.sample_button.setEnabled(True)

    def _imported(self, result: ImportResult) -> None:
        self._finish_job()
        self.show_catalogue(result.catalogue, result.problems)
        lines = [
            ngettext("{count} row imported: {added} new, {updated} updated.",
                     "{count} rows imported: {added} new, {updated} updated.",
                     result.imported).format(count=result.imported, added=result.added, updated=result.updated),
        ]  # fmt: skip
        if result.flagged:
            lines.append(ngettext("{count} row has problems; it is marked in the table.",
                                  "{count} rows have problems; they are marked in the table.",
                                  len(result.flagged)).format(count=len(result.flagged)))  # fmt: skip
        if result.skipped:
            lines.append(ngettext("{count} row was skipped:", "{count} rows were skipped:",
                                  len(result.skipped)).format(count=len(result.skipped)))  # fmt: skip
            lines += [_("Row {row}: {reason}").format(row=row, reason=reason) for row, reason in result.skipped[:10]]
        QMessageBox.information(self, _("Import finished"), "\n".join(lines))

    def _failed(self, message: str) -> None:
        self._finish_job()
        QMessageBox.warning(
            self, _("Import failed"), _("{message}\n\nYour project is unchanged.").format(message=message)
        )

    def _cancelled(self) -> None:
        self._finish_job()
        QMessageBox.information(self, _("Import cancelled"), _("The import was stopped. Your project is unchanged."))
