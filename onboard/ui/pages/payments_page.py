"""Payments: per market the methods shoppers use, a recommended set ticked, warnings, and a summary."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWizardPage

from onboard.core import payments
from onboard.core.i18n import _, data_text
from onboard.core.markets import CONFIDENCE_LABELS, market
from onboard.core.pricing import percent_text
from onboard.ui.session import Session
from onboard.ui.widgets.common import error_label, fill_markets, name, show_error

ID_ROLE = Qt.ItemDataRole.UserRole


class PaymentsPage(QWizardPage):
    def __init__(self, session: Session) -> None:
        super().__init__()
        self._session = session
        self._filling = False
        self.market = QComboBox()
        self.market.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.market.currentIndexChanged.connect(self.show_market)
        self.market_label = QLabel()
        self.market_label.setBuddy(self.market)
        self.methods = QTreeWidget()
        self.methods.setColumnCount(5)
        self.methods.setRootIsDecorated(False)
        self.methods.itemChanged.connect(self._ticked)
        self.warnings = error_label()
        self.coverage = QLabel()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        top = QHBoxLayout()
        top.addWidget(self.market_label)
        top.addWidget(self.market, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.methods, 1)
        layout.addWidget(self.coverage)
        layout.addWidget(self.warnings)
        layout.addWidget(self.summary)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(_("Payment methods"))
        self.setSubTitle(_("Offer what shoppers in each market use. The most used methods are ticked for you."))
        self.market_label.setText(_("&Market:"))
        self.methods.setHeaderLabels(
            [_("Method"), _("Kind"), _("Share of online payments"), _("Providers"), _("Confidence")]
        )
        name(self.market, _("Market"))
        name(self.methods, _("Payment methods"))
        if self._session.project is not None:
            self.initializePage()

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        profile = self._session.profile()
        fill_markets(self.market, profile.markets if profile else ())
        self.show_market()

    def show_market(self) -> None:
        code, project = self.market.currentData(), self._session.project
        if code is None or project is None:
            return
        chosen = payments.choices(project, code)
        self._filling = True
        self.methods.clear()
        for method in payments.methods(code):
            label = method.label()
            if method.retired:
                label += " — " + _("discontinued {date}").format(date=method.retired.isoformat())
            confidence = _(CONFIDENCE_LABELS[method.source.confidence])
            item = QTreeWidgetItem(
                [
                    label,
                    _(payments.KINDS[method.kind]) + f" · {_(payments.IMPORTANCE[method.importance])}",
                    f"{percent_text(method.share)} %" if method.share else "",
                    ", ".join(method.providers),
                    ("⚠ " if method.source.confidence == "unconfirmed" else "") + confidence,
                ]
            )
            item.setData(0, ID_ROLE, method.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(0, Qt.CheckState.Checked if method.id in chosen else Qt.CheckState.Unchecked)
            tooltip = "\n".join(filter(None, [data_text(method.note), method.source.url]))
            for column in range(5):
                item.setToolTip(column, tooltip)
            self.methods.addTopLevelItem(item)
        for column in range(5):
            self.methods.resizeColumnToContents(column)
        self._filling = False
        self._show_state()

    def _ticked(self, item: QTreeWidgetItem, column: int) -> None:
        if self._filling or column != 0:
            return
        payments.set_choice(
            self._session.project,
            self.market.currentData(),
            item.data(0, ID_ROLE),
            item.checkState(0) == Qt.CheckState.Checked,
        )
        self._show_state()

    def _show_state(self) -> None:
        project, code = self._session.project, self.market.currentData()
        chosen = payments.choices(project, code)
        show_error(self.warnings, "\n".join(payments.warnings(code, chosen)))
        covered = payments.coverage(payments.methods(code), chosen)
        self.coverage.setText(
            _("Your methods cover {covered} % of the {total} % of online payments the sources measure.").format(
                covered=percent_text(covered[0]), total=percent_text(covered[1])
            )
            if covered
            else _("The sources give no shares for this market; the methods are ranked by importance.")
        )
        lines = []
        for other in project.profile().markets:
            picked = payments.choices(project, other)
            names = [method.label() for method in payments.methods(other) if method.id in picked]
            flag = " ⚠" if payments.warnings(other, picked) else ""
            lines.append(f"{market(other).name()}: {', '.join(names) or '—'}{flag}")
        self.summary.setText("\n".join(lines))
