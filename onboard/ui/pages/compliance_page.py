"""Compliance: per market the checklist that fits the seller's products and situation, blockers first, with
status, reasons, notes and evidence files kept in the project; readiness, coming changes, and the plan export."""

from __future__ import annotations

import tempfile
from pathlib import Path

from babel.dates import format_date
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QColor, QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from onboard.core import compliance, plan
from onboard.core.errors import OnboardError
from onboard.core.i18n import _, babel_locale, data_text
from onboard.core.markets import CONFIDENCE_LABELS
from onboard.core.project import Project
from onboard.ui import workers
from onboard.ui.plan_pdf import write_pdf
from onboard.ui.session import Session
from onboard.ui.widgets.common import error_label, fill_markets, label_button, name, select_data, show_error

RULE_ROLE = Qt.ItemDataRole.UserRole
RED = QColor("#b00020")
AMBER = QColor("#8a4b00")


class CompliancePage(QWizardPage):
    def __init__(self, session: Session) -> None:
        super().__init__()
        self._session = session
        self._items: dict[str, compliance.Item] = {}
        self.export_job: workers.Job | None = None
        self.market = QComboBox()
        self.market.currentIndexChanged.connect(self.show_market)
        self.market_label = QLabel()
        self.market_label.setBuddy(self.market)
        self.readiness = QProgressBar()
        self.readiness.setRange(0, 100)
        self.blockers = QLabel()
        self.xlsx_button = QPushButton()
        self.xlsx_button.clicked.connect(lambda: self.export("xlsx"))
        self.pdf_button = QPushButton()
        self.pdf_button.clicked.connect(lambda: self.export("pdf"))
        self.items = QTreeWidget()
        self.items.setColumnCount(4)
        self.items.setRootIsDecorated(False)
        self.items.setWordWrap(True)
        self.items.currentItemChanged.connect(self._show_item)
        self.upcoming = QListWidget()
        self.upcoming.setWordWrap(True)
        self._build_details()
        self.export_error = error_label()

        self.market.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        top = QHBoxLayout()
        top.addWidget(self.market_label)
        top.addWidget(self.market)
        top.addWidget(self.readiness, 1)
        top.addWidget(self.blockers)
        exports = QHBoxLayout()
        exports.addStretch(1)
        exports.addWidget(self.xlsx_button)
        exports.addWidget(self.pdf_button)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.details, 3)
        self.upcoming_label = QLabel()
        right_layout.addWidget(self.upcoming_label)
        right_layout.addWidget(self.upcoming, 1)
        splitter = QSplitter()
        splitter.addWidget(self.items)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.export_error)
        layout.addWidget(splitter, 1)
        layout.addLayout(exports)
        self.retranslate()

    def _build_details(self) -> None:
        self.details = QWidget()
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.facts.setOpenExternalLinks(False)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status = QComboBox()
        for key in compliance.STATUSES:
            self.status.addItem("", key)
        self.status.currentIndexChanged.connect(self._status_changed)
        self.reason = QLineEdit()
        self.reason.editingFinished.connect(self._status_changed)
        self.note = QPlainTextEdit()
        self.note.setMaximumHeight(80)
        self.save_note = QPushButton()
        self.save_note.clicked.connect(self._status_changed)
        self.evidence = QListWidget()
        self.evidence.setMaximumHeight(90)
        self.add_evidence = QPushButton()
        self.add_evidence.clicked.connect(self.choose_evidence)
        self.open_evidence = QPushButton()
        self.open_evidence.clicked.connect(self.open_selected_evidence)
        self.remove_evidence = QPushButton()
        self.remove_evidence.clicked.connect(self.remove_selected_evidence)
        self.item_error = error_label()
        form = QFormLayout()
        self.status_label, self.reason_label, self.note_label, self.evidence_label = (QLabel() for _n in range(4))
        form.addRow(self.status_label, self.status)
        form.addRow(self.reason_label, self.reason)
        form.addRow(self.note_label, self.note)
        form.addRow("", self.save_note)
        form.addRow(self.evidence_label, self.evidence)
        evidence_buttons = QHBoxLayout()
        for button in (self.add_evidence, self.open_evidence, self.remove_evidence):
            evidence_buttons.addWidget(button)
        form.addRow("", evidence_buttons)
        for label, widget in (
            (self.status_label, self.status), (self.reason_label, self.reason), (self.note_label, self.note),
            (self.evidence_label, self.evidence),
        ):  # fmt: skip
            label.setBuddy(widget)
        layout = QVBoxLayout(self.details)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.facts)
        layout.addLayout(form)
        layout.addWidget(self.item_error)
        layout.addStretch(1)
        self.details.setEnabled(False)

    def retranslate(self) -> None:
        self.setTitle(_("Compliance checklist"))
        self.setSubTitle(
            _("What your products need in each market, from your categories and situation. Blockers come first.")
        )
        self.market_label.setText(_("&Market:"))
        label_button(self.xlsx_button, _("Export plan as &XLSX…"))
        label_button(self.pdf_button, _("Export plan as &PDF…"))
        self.items.setHeaderLabels([_("Status"), _("What to do"), _("Topic"), _("Confidence")])
        self.status_label.setText(_("&Status:"))
        self.reason_label.setText(_("&Why not applicable:"))
        self.note_label.setText(_("&Notes:"))
        self.evidence_label.setText(_("&Evidence files:"))
        label_button(self.save_note, _("Save &notes"))
        label_button(self.add_evidence, _("&Add file…"))
        label_button(self.open_evidence, _("&Open"))
        label_button(self.remove_evidence, _("&Remove"))
        self.upcoming_label.setText(_("Coming changes"))
        for index, key in enumerate(compliance.STATUSES):
            self.status.setItemText(index, _(compliance.STATUSES[key]))
        for widget, label in (
            (self.market, _("Market")), (self.items, _("Checklist")), (self.status, _("Status")),
            (self.reason, _("Why not applicable")), (self.note, _("Notes")), (self.evidence, _("Evidence files")),
            (self.upcoming, _("Coming changes")), (self.readiness, _("Readiness")),
        ):  # fmt: skip
            name(widget, label)
        if self._session.project is not None:
            self.initializePage()

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        profile = self._session.profile()
        fill_markets(self.market, profile.markets if profile else ())
        self.show_market()

    def code(self) -> str | None:
        return self.market.currentData()

    def show_market(self) -> None:
        project, code = self._session.project, self.code()
        if project is None or code is None:
            return
        selected = self.items.currentItem().data(0, RULE_ROLE) if self.items.currentItem() else None
        checklist = compliance.checklist(project, code)
        self._items = {item.rule.id: item for item in checklist.items}
        self.readiness.setValue(checklist.readiness)
        self.readiness.setFormat(_("Ready: {percent} %").format(percent=checklist.readiness))
        self.blockers.setText(_("Blockers to do: {count}").format(count=checklist.open_blockers))
        blocked = self.items.blockSignals(True)
        self.items.clear()
        for item in checklist.items:
            rule = item.rule
            confidence = _(CONFIDENCE_LABELS[rule.source.confidence])
            if rule.source.confidence == "unconfirmed":
                confidence = "⚠ " + confidence
            row = QTreeWidgetItem(
                [_(compliance.STATUSES[item.progress.status]), data_text(rule.title), _(compliance.TOPICS[rule.topic]),
                 confidence]
            )  # fmt: skip
            row.setData(0, RULE_ROLE, rule.id)
            row.setToolTip(1, data_text(rule.title))
            if rule.blocker and item.progress.status == "todo":
                row.setForeground(1, RED)
                row.setToolTip(1, data_text(rule.title) + "\n" + _("Blocker: you cannot sell lawfully without this."))
            if rule.source.confidence == "unconfirmed":
                row.setForeground(3, AMBER)
                row.setToolTip(3, _("Unconfirmed: check the source before you rely on it."))
            self.items.addTopLevelItem(row)
            if rule.id == selected:
                self.items.setCurrentItem(row)
        self.items.blockSignals(blocked)
        header = self.items.header()
        header.setStretchLastSection(False)
        fit, stretch, fixed = (QHeaderView.ResizeMode.ResizeToContents, QHeaderView.ResizeMode.Stretch,
                               QHeaderView.ResizeMode.Interactive)  # fmt: skip
        for column, mode in enumerate((fit, stretch, fixed, fixed)):
            header.setSectionResizeMode(column, mode)
        character = self.items.fontMetrics().averageCharWidth()
        header.resizeSection(2, 16 * character)  # long topic and confidence words elide; the details show them whole
        header.resizeSection(3, 14 * character)
        self.upcoming.clear()
        for change, _rule in checklist.upcoming():
            text = f"{format_date(change.date, 'medium', locale=babel_locale())}: {data_text(change.summary)}"
            if change.confidence == "unconfirmed":
                text += " (" + _(CONFIDENCE_LABELS["unconfirmed"]) + ")"
            self.upcoming.addItem(QListWidgetItem(text))
        self._show_item()

    def current(self) -> compliance.Item | None:
        row = self.items.currentItem()
        return self._items.get(row.data(0, RULE_ROLE)) if row else None

    def _show_item(self, *_args) -> None:
        item = self.current()
        self.details.setEnabled(item is not None)
        show_error(self.item_error, "")
        if item is None:
            self.title.setText(_("Select an item to see what it asks and to record your progress."))
            self.facts.setText("")
            return
        rule = item.rule
        self.title.setText(f"{rule.id} · {data_text(rule.title)}")
        lines = [
            _("Law: {law}").format(law=rule.law),
            _("Evidence to keep: {evidence}").format(evidence=data_text(rule.evidence) or "—"),
        ]
        if rule.threshold:
            lines.append(_("Applies when: {threshold}").format(threshold=data_text(rule.threshold)))
        lines.append(
            _("Source: {url} ({confidence}, as of {date})").format(
                url=rule.source.url,
                confidence=_(CONFIDENCE_LABELS[rule.source.confidence]),
                date=rule.source.as_of.isoformat(),
            )
        )
        self.facts.setText("\n".join(lines))
        for widget in (self.status, self.reason, self.note):
            widget.blockSignals(True)
        select_data(self.status, item.progress.status)
        self.reason.setText(item.progress.reason)
        self.reason.setEnabled(item.progress.status == "na")
        self.note.setPlainText(item.progress.note)
        for widget in (self.status, self.reason, self.note):
            widget.blockSignals(False)
        self.evidence.clear()
        for evidence in item.evidence:
            entry = QListWidgetItem(f"{evidence.name} ({evidence.size // 1024 + 1} KB)")
            entry.setData(RULE_ROLE, evidence.id)
            self.evidence.addItem(entry)

    def _status_changed(self, *_args) -> None:
        item = self.current()
        if item is None:
            return
        status = self.status.currentData()
        self.reason.setEnabled(status == "na")
        if status == "na" and not self.reason.text().strip():
            show_error(self.item_error, _("Say why this item does not apply to you."))
            self.reason.setFocus()
            return
        try:
            compliance.set_status(
                self._session.project, self.code(), item.rule.id, status, self.reason.text(), self.note.toPlainText()
            )
        except OnboardError as error:
            show_error(self.item_error, str(error))
            return
        self.show_market()

    def choose_evidence(self) -> None:
        item = self.current()
        if item is None:
            return
        paths, _filter = QFileDialog.getOpenFileNames(self, _("Add evidence files"))
        for path in paths:
            try:
                compliance.add_evidence(self._session.project, self.code(), item.rule.id, Path(path))
            except OnboardError as error:
                show_error(self.item_error, str(error))
                return
        self.show_market()

    def open_selected_evidence(self) -> None:
        """Write the stored copy to a private temporary folder and open it with the system's viewer."""
        entry = self.evidence.currentItem()
        if entry is None:
            return
        file_name, data = compliance.evidence_data(self._session.project, entry.data(RULE_ROLE))
        folder = Path(tempfile.mkdtemp(prefix="onboard-evidence-"))
        target = folder / Path(file_name).name
        target.write_bytes(data)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))

    def remove_selected_evidence(self) -> None:
        entry = self.evidence.currentItem()
        if entry is None:
            return
        answer = QMessageBox.question(
            self, _("Remove evidence"), _("Remove {name} from the project?").format(name=entry.text())
        )
        if answer == QMessageBox.StandardButton.Yes:
            compliance.remove_evidence(self._session.project, entry.data(RULE_ROLE))
            self.show_market()

    def export(self, kind: str) -> None:
        project = self._session.project
        suggested = str(project.path.with_name(f"{project.path.stem}-plan.{kind}"))
        pattern = _("Excel workbook (*.xlsx)") if kind == "xlsx" else _("PDF document (*.pdf)")
        path, _filter = QFileDialog.getSaveFileName(self, _("Export plan"), suggested, pattern)
        if path:
            self.export_to(Path(path), kind)

    def export_to(self, path: Path, kind: str) -> None:
        """Write the plan in a worker (a PDF of many markets takes seconds); the buttons wait meanwhile."""
        project_path = self._session.project.path

        def work(_progress):
            with Project.open(project_path) as project:
                return (plan.write_xlsx if kind == "xlsx" else write_pdf)(project, path)

        self._set_exporting(True)
        self.export_job = workers.start(workers.Job(work, finished=self._exported, failed=self._export_failed))

    def _set_exporting(self, busy: bool) -> None:
        for button in (self.xlsx_button, self.pdf_button):
            button.setEnabled(not busy)

    def _exported(self, path: Path) -> None:
        self.export_job = None
        self._set_exporting(False)
        show_error(self.export_error, "")
        QMessageBox.information(self, _("Export plan"), _("Saved {path}").format(path=path))

    def _export_failed(self, message: str) -> None:
        self.export_job = None
        self._set_exporting(False)
        show_error(self.export_error, message)
