"""The language-pack manager: what is installed, install from files or a USB stick, remove, and the online list
only when asked; below, which market languages the packs cover."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from onboard.core.i18n import _, babel_locale
from onboard.core.markets import Market
from onboard.core.seller import argos_language_name
from onboard.ui.engine_host import EngineHost
from onboard.ui.widgets.common import name
from onboard.ui.widgets.progress_panel import ProgressPanel
from onboard.ui.workers import Job

PAIR_ROLE = Qt.ItemDataRole.UserRole


def route_label(kind: str) -> str:
    return {"same": _("your language"), "direct": _("direct"), "pivot": _("through English"),
            "none": _("no pack")}[kind]  # fmt: skip


class PacksDialog(QDialog):
    """Runs every pack operation on the engine's thread, so the engine sees the change and the window never waits."""

    changed = Signal()

    def __init__(self, host: EngineHost, source: str, markets: list[Market], parent=None) -> None:
        super().__init__(parent)
        self._host, self._source, self._markets = host, source, markets
        self._job: Job | None = None
        self.setWindowTitle(_("Language packs"))
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([_("From"), _("To"), _("Version"), _("Size")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        name(self.table, _("Installed language packs"))
        self.coverage = QTableWidget(0, 3)
        self.coverage.setHorizontalHeaderLabels([_("Market"), _("Language"), _("Covered")])
        self.coverage.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        name(self.coverage, _("Coverage of your markets"))
        self.install_files = QPushButton(_("Install from files…"))
        self.install_folder = QPushButton(_("Install from a folder or USB stick…"))
        self.remove_button = QPushButton(_("Remove"))
        self.online = QPushButton(_("Show packs online…"))
        for button in (self.install_files, self.install_folder, self.remove_button, self.online):
            name(button, button.text().rstrip("…"))
        self.install_files.clicked.connect(self._choose_files)
        self.install_folder.clicked.connect(self._choose_folder)
        self.remove_button.clicked.connect(self._remove)
        self.online.clicked.connect(self._show_online)
        self.progress = ProgressPanel()
        self.progress.cancel_requested.connect(lambda: self._job and self._job.cancel())
        buttons = QHBoxLayout()
        for button in (self.install_files, self.install_folder, self.remove_button, self.online):
            buttons.addWidget(button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 2)
        layout.addLayout(buttons)
        layout.addWidget(self.progress)
        layout.addWidget(QLabel(_("Which languages of your markets can be translated from {language}:").format(
            language=argos_language_name(source, babel_locale()))))  # fmt: skip
        layout.addWidget(self.coverage, 3)
        layout.addWidget(close)
        self.resize(760, 620)
        self.refresh()

    def refresh(self) -> None:
        self._run(lambda progress: self._state(), self._show, _("Reading the language packs"))

    def _state(self):
        from onboard.core.translation import packs
        from onboard.core.translation.engine import coverage

        installed = packs.installed()
        pairs = {(pack.from_code, pack.to_code) for pack in installed}
        return installed, coverage(pairs, self._source, self._markets)

    def _show(self, state) -> None:
        installed, covered = state
        locale = babel_locale()
        self.table.setRowCount(len(installed))
        for row, pack in enumerate(installed):
            cells = (argos_language_name(pack.from_code, locale), argos_language_name(pack.to_code, locale),
                     pack.version, f"{pack.size / 1e6:.0f} MB")  # fmt: skip
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(PAIR_ROLE, (pack.from_code, pack.to_code))
                self.table.setItem(row, column, item)
        rows = [(market, language, kind) for market, languages in covered.items() for language, kind in languages]
        self.coverage.setRowCount(len(rows))
        by_code = {market.code: market for market in self._markets}
        for row, (market, language, kind) in enumerate(rows):
            for column, text in enumerate((by_code[market].name(locale), argos_language_name(language, locale),
                                           route_label(kind))):  # fmt: skip
                self.coverage.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.coverage.resizeColumnsToContents()

    def _choose_files(self) -> None:
        paths, _filter = QFileDialog.getOpenFileNames(self, _("Install language packs"), str(Path.home()),
                                                      _("Language packs (*.argosmodel)"))  # fmt: skip
        if paths:
            self.install(paths)

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, _("Install language packs from a folder"), str(Path.home()))
        if folder:
            self.install([folder])

    def install(self, paths: list[str]) -> None:
        def work(progress):
            from onboard.core.translation import packs

            installed = packs.install(paths, progress)
            self._host.forget_engine()
            return installed

        self._run(work, self._installed, _("Installing language packs"))

    def _installed(self, installed) -> None:
        self.changed.emit()
        self.refresh()

    def _remove(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        source, target = self.table.item(row, 0).data(PAIR_ROLE)

        def work(progress):
            from onboard.core.translation import packs

            packs.remove(source, target)
            self._host.forget_engine()

        self._run(work, lambda _result: (self.changed.emit(), self.refresh()), _("Removing a language pack"))

    def _show_online(self) -> None:
        answer = QMessageBox.question(self, _("Use the internet?"), _(
            "This downloads the list of language packs from the internet. Continue?"))  # fmt: skip
        if answer != QMessageBox.StandardButton.Yes:
            return

        def work(progress):
            from onboard.core.translation import packs

            return packs.fetch_index()

        self._run(work, self._offer_online, _("Reading the online list"))

    def _offer_online(self, available) -> None:
        locale = babel_locale()
        labels = [f"{argos_language_name(p.from_code, locale)} → {argos_language_name(p.to_code, locale)} "
                  f"({p.version})" for p in available]  # fmt: skip
        label, chosen = QInputDialog.getItem(self, _("Packs online"), _("Download and install:"), labels, 0, False)
        if not chosen:
            return
        pack = available[labels.index(label)]

        def work(progress):
            from onboard.core.translation import packs

            folder = Path(packs.packs_dir()).parent / "downloads"
            folder.mkdir(parents=True, exist_ok=True)
            installed = packs.install([packs.download(pack, folder, progress)], progress)
            self._host.forget_engine()
            return installed

        self._run(work, self._installed, _("Downloading {pair}").format(pair=label))

    def _run(self, work, done, message: str) -> None:
        self._job = Job(
            work,
            progress=self.progress.update,
            finished=lambda result: (self.progress.end(), done(result)),
            failed=lambda text: (self.progress.end(), QMessageBox.warning(self, message, text)),
            cancelled=self.progress.end,
        )
        self.progress.begin(message)
        self._host.start(self._job)
