"""Translate: choose the languages of your markets, translate offline with progress, then review side by side."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from onboard.core.i18n import _, babel_locale
from onboard.core.markets import load_markets
from onboard.core.project import Project
from onboard.core.seller import argos_language_name
from onboard.ui.engine_host import EngineHost
from onboard.ui.session import Session
from onboard.ui.widgets.common import name
from onboard.ui.widgets.packs_dialog import PacksDialog, route_label
from onboard.ui.widgets.progress_panel import ProgressPanel
from onboard.ui.widgets.review_model import ReviewModel
from onboard.ui.workers import Job

LANGUAGE_ROLE = Qt.ItemDataRole.UserRole


class TranslatePage(QWizardPage):
    def __init__(self, session: Session, host: EngineHost) -> None:
        super().__init__()
        self._session, self._host = session, host
        self._job: Job | None = None
        self._cancelled = False
        self._closing = False
        self.source = QLabel()
        self.packs_button = QPushButton()
        self.packs_button.clicked.connect(self.manage_packs)
        self.glossary_button = QPushButton()
        self.glossary_button.clicked.connect(self.edit_glossary)
        self.languages = QListWidget()
        self.translate_button = QPushButton()
        self.translate_button.clicked.connect(self.translate)
        self.progress = ProgressPanel()
        self.progress.cancel_requested.connect(self._cancel)
        self.review_language = QComboBox()
        self.review_language.currentIndexChanged.connect(self.show_review)
        self.only_review = QCheckBox()
        self.only_review.toggled.connect(self.show_review)
        self.reviewed_button = QPushButton()
        self.reviewed_button.clicked.connect(self.mark_reviewed)
        self.model = ReviewModel(self._edit, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)

        top = QHBoxLayout()
        top.addWidget(self.source, 1)
        top.addWidget(self.glossary_button)
        top.addWidget(self.packs_button)
        choose = QVBoxLayout()
        choose.addLayout(top)
        choose.addWidget(self.languages)
        choose.addWidget(self.translate_button, 0, Qt.AlignmentFlag.AlignLeft)
        choose.addWidget(self.progress)
        chooser = QWidget()
        chooser.setLayout(choose)
        filters = QHBoxLayout()
        for widget in (self.review_language, self.only_review, self.reviewed_button):
            filters.addWidget(widget)
        filters.addStretch()
        review = QVBoxLayout()
        review.addLayout(filters)
        review.addWidget(self.table)
        reviewer = QWidget()
        reviewer.setLayout(review)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(chooser)
        splitter.addWidget(reviewer)
        splitter.setSizes([260, 480])
        QVBoxLayout(self).addWidget(splitter)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(_("Translate your listings"))
        self.setSubTitle(_("Offline, with the language packs on this computer. Names, numbers and links are kept."))
        self.packs_button.setText(_("Language &packs…"))
        name(self.packs_button, _("Language packs"))
        self.glossary_button.setText(_("&Glossary…"))
        name(self.glossary_button, _("Glossary"))
        name(self.languages, _("Languages to translate into"))
        self.translate_button.setText(_("&Translate"))
        name(self.translate_button, _("Translate"))
        name(self.review_language, _("Language to review"))
        self.only_review.setText(_("Only fields that need review"))
        name(self.only_review, _("Only fields that need review"))
        self.reviewed_button.setText(_("Mark as &reviewed"))
        name(self.reviewed_button, _("Mark as reviewed"))
        name(self.table, _("Translations"))
        self.progress.retranslate()
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 5)
        if self._session.project:
            self.initializePage()

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        project = self._session.project
        if project is None:
            return
        profile = project.profile()
        self.source.setText(_("Your listings are in {language}.").format(
            language=argos_language_name(profile.source_language, babel_locale())))  # fmt: skip
        markets = self._markets()
        self._run(lambda progress: self._state(project.path, markets), self._show_state)

    # -- state read off the UI thread --------------------------------------------------------------------------

    def _markets(self):
        markets = load_markets()
        return [markets[code] for code in self._session.project.profile().markets if code in markets]

    @staticmethod
    def _state(path, markets):
        from onboard.core.translation import memory, packs
        from onboard.core.translation.engine import find_route
        from onboard.core.translation.job import pending_job, target_languages

        with Project.open(path) as project:
            source = project.profile().source_language
            wanted = [code for code in target_languages(markets) if code != source]
            pending = pending_job(project)
            reviewable = memory.languages(project)
        pairs = {(pack.from_code, pack.to_code) for pack in packs.installed()}
        return source, [(code, find_route(pairs, source, code).kind) for code in wanted], pending, reviewable

    def _show_state(self, state) -> None:
        source, languages, pending, reviewable = state
        locale = babel_locale()
        self.languages.clear()
        for code, kind in languages:
            item = QListWidgetItem(f"{argos_language_name(code, locale)} ({code}) — {route_label(kind)}")
            item.setData(LANGUAGE_ROLE, code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if kind != "none" else Qt.CheckState.Unchecked)
            if kind == "none":
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            self.languages.addItem(item)
        self.review_language.blockSignals(True)
        current = self.review_language.currentData()
        self.review_language.clear()
        for code in reviewable:
            self.review_language.addItem(argos_language_name(code, locale), code)
        self.review_language.setCurrentIndex(max(self.review_language.findData(current), 0))
        self.review_language.blockSignals(False)
        self.show_review()
        if pending and self._job is None:  # the window closed in the middle of a job: carry on where it stopped
            self.translate(pending)

    # -- translating -------------------------------------------------------------------------------------------

    def chosen(self) -> list[str]:
        items = (self.languages.item(row) for row in range(self.languages.count()))
        return [item.data(LANGUAGE_ROLE) for item in items if item.checkState() == Qt.CheckState.Checked]

    def translate(self, languages: list[str] | None = None) -> None:
        languages = languages or self.chosen()
        if not languages or self._job is not None:
            return
        path = self._session.project.path

        def work(progress):
            from onboard.core.translation.job import run_translate

            with Project.open(path) as project:
                return run_translate(project, languages, self._host.engine, progress)

        self._cancelled = False
        self.translate_button.setEnabled(False)
        self.progress.begin(_("Translating"))
        self._job = Job(work, progress=self.progress.update, finished=self._translated, failed=self._failed,
                        cancelled=self._stopped)  # fmt: skip
        self._host.start(self._job)

    def _finish(self) -> None:
        self._job = None
        self.progress.end()
        self.translate_button.setEnabled(True)
        if not self._closing:
            self.initializePage()

    def _translated(self, result) -> None:
        self._finish()
        if result.missing:
            QMessageBox.warning(self, _("Language packs missing"), _(
                "No language pack covers: {languages}. Open Language packs to install them.").format(
                languages=", ".join(result.missing)))  # fmt: skip

    def _failed(self, message: str) -> None:
        self._finish()
        QMessageBox.warning(self, _("Translation failed"), message)

    def _stopped(self) -> None:
        if self._cancelled:  # the seller pressed Cancel: keep the work, but do not start again by itself
            from onboard.core.translation.job import forget_pending_job

            forget_pending_job(self._session.project)
        self._finish()

    def _cancel(self) -> None:
        if self._job:
            self._cancelled = True
            self._job.cancel()

    def shutdown(self) -> None:
        """The window closes: stop at the next chunk; the job resumes the next time the project is opened."""
        self._closing = True
        if self._job:
            self._job.cancel()
        self._host.wait()

    # -- reviewing -------------------------------------------------------------------------------------------------

    def show_review(self) -> None:
        language = self.review_language.currentData()
        project = self._session.project
        if not language or project is None:
            self.model.set_rows([])
            return
        from onboard.core.catalogue_store import load_listings
        from onboard.core.translation import memory

        skus = {listing.id: listing.sku for listing in load_listings(project)}
        items = memory.translations(project, language)
        if self.only_review.isChecked():
            items = [item for item in items if item.status == "needs_review"]
        self.model.set_rows([(skus.get(item.listing_id, ""), item) for item in items])

    def _edit(self, item, text):
        from onboard.core.translation import memory

        project = self._session.project
        return memory.edit(project, project.profile().source_language, item, text)

    def mark_reviewed(self) -> None:
        from onboard.core.translation import memory

        for index in self.table.selectionModel().selectedRows():
            item = self.model.item(index.row())
            memory.mark_reviewed(self._session.project, item)
            self.model.replace(index.row(), replace(item, status="reviewed"))

    def manage_packs(self) -> None:
        profile = self._session.project.profile()
        dialog = PacksDialog(self._host, profile.source_language, self._markets(), self)
        dialog.changed.connect(self.initializePage)
        dialog.exec()

    def edit_glossary(self) -> None:
        from onboard.ui.widgets.glossary_dialog import GlossaryDialog

        GlossaryDialog(self._session, self).exec()
        self.show_review()

    def _run(self, work, done) -> None:
        self._reader = self._host.start(Job(work, finished=done))
