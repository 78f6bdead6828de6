"""Prices: per market a table of local prices and margins, the market's rules, a product's own price, and
the breakdown of one price from cost to shelf. Every change recalculates in a worker."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from babel import Locale
from babel.numbers import format_decimal
from PySide6.QtCore import QItemSelectionModel, QSortFilterProxyModel, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from onboard.core.catalogue_store import load_listings
from onboard.core.errors import InvalidValue
from onboard.core.fx import stale_warning
from onboard.core.i18n import _, babel_locale, ngettext
from onboard.core.markets import market
from onboard.core.pricing import CUSTOM, ENDINGS, GUARD_ACTIONS, Override, Rule, check_rule, format_price, tax_rate
from onboard.core.pricing_store import load_overrides, load_rule, price_catalogue, rate_table, save_override, save_rule
from onboard.core.project import Project
from onboard.ui import workers
from onboard.ui.session import Session
from onboard.ui.widgets.breakdown_chart import BreakdownChart
from onboard.ui.widgets.common import error_label, fill_markets, label_button, name, select_data, show_error
from onboard.ui.widgets.prices_model import SORT_ROLE, PricesModel
from onboard.ui.widgets.rates_dialog import RatesDialog

UNSET = -1.0  # a spin box at its minimum shows its "special value" text: the rule's default


def _spin(low: float, high: float, suffix: str = "", decimals: int = 2) -> QDoubleSpinBox:
    spin = QDoubleSpinBox()
    spin.setRange(low, high)
    spin.setDecimals(decimals)
    spin.setSuffix(suffix)
    spin.setKeyboardTracking(False)
    return spin


def _decimal(spin: QDoubleSpinBox) -> Decimal:
    return Decimal(str(round(spin.value(), spin.decimals())))


def _optional(spin: QDoubleSpinBox) -> Decimal | None:
    return None if spin.value() == spin.minimum() else _decimal(spin)


class PricesPage(QWizardPage):
    def __init__(self, session: Session) -> None:
        super().__init__()
        self._session = session
        self._listings: list | None = None
        self._job: workers.Job | None = None
        self._loading = False
        self.market = QComboBox()
        self.market.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.market.currentIndexChanged.connect(self._market_changed)
        self.rates_line = QLabel()
        self.rates_line.setWordWrap(True)
        self.stale = error_label()
        self.rates_button = QPushButton()
        self.rates_button.clicked.connect(self.edit_rates)
        self.model = PricesModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(self._show_selected)
        self.summary = QLabel()
        self.chart = BreakdownChart()
        self._build_rules()
        self._build_override()
        self.recalculate_timer = QTimer(self, singleShot=True, interval=150)
        self.recalculate_timer.timeout.connect(self.recalculate)

        top = QHBoxLayout()
        self.market_label = QLabel()
        self.market_label.setBuddy(self.market)
        top.addWidget(self.market_label)
        top.addWidget(self.market)
        top.addWidget(self.rates_line, 1)
        top.addWidget(self.rates_button)
        prices = QWidget()
        prices_layout = QVBoxLayout(prices)
        prices_layout.setContentsMargins(0, 0, 0, 0)
        prices_layout.addWidget(self.table, 1)
        prices_layout.addWidget(self.summary)
        product = QWidget()
        product_layout = QVBoxLayout(product)
        product_layout.setContentsMargins(0, 0, 0, 0)
        product_layout.addWidget(self.override_box)
        product_layout.addWidget(self.chart, 1)
        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(prices)
        left.addWidget(product)
        left.setStretchFactor(0, 3)
        left.setStretchFactor(1, 2)
        rules_scroll = QScrollArea()
        rules_scroll.setWidgetResizable(True)
        rules_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        rules_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        rules_scroll.setWidget(self.rules_box)
        self.rules_scroll = rules_scroll
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(rules_scroll)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.stale)
        layout.addWidget(splitter, 1)
        self.retranslate()

    # -- building ----------------------------------------------------------------------------------

    def _build_rules(self) -> None:
        self.rules_box = QGroupBox()
        self.adjustment = _spin(-99.99, 1000, " %")
        self.fixed = _spin(-1e7, 1e7)
        self.commission = _spin(0, 99.99, " %")
        self.payment_fee = _spin(0, 99.99, " %")
        self.shipping = _spin(0, 1e7)
        self.duty = _spin(0, 99.99, " %")
        self.tax = _spin(UNSET, 99.99, " %")
        self.ending = QComboBox()
        self.custom_step = _spin(0.01, 1e6)
        self.custom_offset = _spin(0, 1e6)
        self.decimals = QSpinBox()
        self.decimals.setRange(-1, 3)
        self.cash = QCheckBox()
        self.target_margin = _spin(UNSET, 99, " %", 1)
        self.min_margin = _spin(UNSET, 99, " %", 1)
        self.guard = QComboBox()
        for key in GUARD_ACTIONS:
            self.guard.addItem("", key)
        self.rule_error = error_label()
        self.rules_form = QFormLayout(self.rules_box)
        self.rules_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # long labels above their field
        self._rule_fields = (
            self.adjustment, self.fixed, self.commission, self.payment_fee, self.shipping, self.duty, self.tax,
            self.ending, self.custom_step, self.custom_offset, self.decimals, self.cash, self.target_margin,
            self.min_margin, self.guard,
        )  # fmt: skip
        self._rule_labels = [QLabel() for _widget in self._rule_fields]
        for label, widget in zip(self._rule_labels, self._rule_fields, strict=True):
            label.setBuddy(widget)
            self.rules_form.addRow(label, widget)
            signal = getattr(widget, "valueChanged", None) or getattr(widget, "currentIndexChanged", None)
            (signal or widget.toggled).connect(self._rule_edited)
        self.rules_form.addRow(self.rule_error)

    def _build_override(self) -> None:
        self.override_box = QGroupBox()
        self.own_adjustment = _spin(UNSET * 100, 1000, " %")
        self.own_price = _spin(0, 1e9)
        self.apply_override = QPushButton()
        self.apply_override.clicked.connect(self._save_override)
        self.clear_override = QPushButton()
        self.clear_override.clicked.connect(self._clear_override)
        self.override_error = error_label()
        self.override_form = QFormLayout(self.override_box)
        self.own_adjustment_label, self.own_price_label = QLabel(), QLabel()
        self.override_form.addRow(self.own_adjustment_label, self.own_adjustment)
        self.override_form.addRow(self.own_price_label, self.own_price)
        buttons = QHBoxLayout()
        buttons.addWidget(self.apply_override)
        buttons.addWidget(self.clear_override)
        buttons.addStretch(1)
        self.override_form.addRow(buttons)
        self.override_form.addRow(self.override_error)
        self.override_box.setEnabled(False)

    def retranslate(self) -> None:
        self.setTitle(_("Prices per market"))
        self.setSubTitle(
            _("Local prices from your price, the exchange rate and each market's rules, with the margin you keep.")
        )
        self.market_label.setText(_("&Market:"))
        label_button(self.rates_button, _("E&xchange rates…"))
        self.rules_box.setTitle(_("Rules for this market"))
        labels = (
            _("Adjustment"), _("Fixed adjustment"), _("Marketplace commission"), _("Payment fee"),
            _("Shipping or fulfilment"), _("Duty estimate"), _("Tax included"), _("Price ending"),
            _("Own ending: multiples of"), _("Own ending: minus"),
            _("Decimals shown"), _("Cash rounding"), _("Price from cost, margin"), _("Minimum margin"),
            _("Below the minimum"),
        )  # fmt: skip
        for label_widget, widget, label in zip(self._rule_labels, self._rule_fields, labels, strict=True):
            label_widget.setText(label)
            name(widget, label)
        self.tax.setSpecialValueText(_("Market rate"))
        self.decimals.setSpecialValueText(_("Currency default"))
        self.target_margin.setSpecialValueText(_("Off: use your price"))
        self.min_margin.setSpecialValueText(_("No minimum"))
        self.cash.setText(_("Round to the cash step"))
        for index, key in enumerate(GUARD_ACTIONS):
            self.guard.setItemText(index, _(GUARD_ACTIONS[key]))
        self.override_box.setTitle(_("The selected product in this market"))
        self.own_adjustment_label.setText(_("Own adjustment"))
        self.own_price_label.setText(_("Fixed local price"))
        name(self.own_adjustment, _("Own adjustment"))
        name(self.own_price, _("Fixed local price"))
        self.own_adjustment.setSpecialValueText(_("Market rule"))
        self.own_price.setSpecialValueText(_("None"))
        label_button(self.apply_override, _("&Apply"))
        label_button(self.clear_override, _("Use the market &rule"))
        name(self.market, _("Market"))
        name(self.table, _("Prices"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.model.columnCount() - 1)
        # The rules never scroll sideways: their column is as wide as its widest row needs (in this language).
        scrollbar = self.rules_scroll.verticalScrollBar().sizeHint().width()
        self.rules_scroll.setMinimumWidth(self.rules_box.sizeHint().width() + scrollbar)
        if self._session.project is not None:
            self._fill_markets()

    # -- loading -----------------------------------------------------------------------------------

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        self._listings = None
        self._fill_markets()

    def _fill_markets(self) -> None:
        profile = self._session.profile()
        fill_markets(self.market, profile.markets if profile else ())
        self._market_changed()

    def code(self) -> str | None:
        return self.market.currentData()

    def _market_changed(self) -> None:
        code = self.code()
        if code is None or self._session.project is None:
            return
        target = market(code)
        self._loading = True
        rule = load_rule(self._session.project, code)
        self.ending.clear()
        locale = babel_locale()
        for key, ending in ENDINGS.items():
            decimals = target.currency.decimals
            if ending.fits(decimals) or key == rule.ending:
                example = format_price(ending.example, target.currency.code, decimals, locale)
                self.ending.addItem(f"{_(ending.label)} — {example}", key)
        self.ending.addItem(_("Your own ending"), CUSTOM)
        self._show_rule(rule, target)
        self._loading = False
        self._show_rates()
        self.recalculate()

    def _show_rule(self, rule: Rule, target) -> None:
        self.adjustment.setValue(float(rule.adjustment_percent))
        self.fixed.setValue(float(rule.adjustment_fixed))
        self.commission.setValue(float(rule.commission_percent))
        self.payment_fee.setValue(float(rule.payment_fee_percent))
        self.shipping.setValue(float(rule.shipping))
        self.duty.setValue(float(rule.duty_percent))
        self.tax.setValue(UNSET if rule.tax_percent is None else float(rule.tax_percent))
        market_rate = tax_rate(replace(rule, tax_percent=None), target)
        self.tax.setSpecialValueText(
            _("Market rate ({rate} %)").format(rate=f"{market_rate:g}") if market_rate is not None else _("Market rate")
        )
        select_data(self.ending, rule.ending)
        self.custom_step.setValue(float(rule.custom_step))
        self.custom_offset.setValue(float(rule.custom_offset))
        self._show_custom_rows()
        self.decimals.setValue(-1 if rule.decimals is None else rule.decimals)
        self.cash.setEnabled(target.currency.cash_rounding is not None)
        self.cash.setChecked(rule.cash_rounding)
        self.target_margin.setValue(UNSET if rule.target_margin_percent is None else float(rule.target_margin_percent))
        self.min_margin.setValue(UNSET if rule.min_margin_percent is None else float(rule.min_margin_percent))
        select_data(self.guard, rule.guard)

    def _show_rates(self) -> None:
        project, code = self._session.project, self.code()
        profile = project.profile()
        currency = market(code).currency.code
        table = rate_table(project)
        try:
            rate = table.rate(profile.currency, currency)
        except InvalidValue as error:
            self.rates_line.setText(str(error))
            show_error(self.stale, "")
            return
        self.rates_line.setText(
            _("1 {base} = {rate} {currency}").format(
                base=profile.currency,
                rate=format_decimal(rate, "#,##0.######", locale=babel_locale()),
                currency=currency,
            )
        )
        show_error(self.stale, stale_warning(table, {profile.currency, currency}))

    # -- editing -----------------------------------------------------------------------------------

    def rule_from_fields(self) -> Rule:
        return Rule(
            adjustment_percent=_decimal(self.adjustment),
            adjustment_fixed=_decimal(self.fixed),
            commission_percent=_decimal(self.commission),
            payment_fee_percent=_decimal(self.payment_fee),
            shipping=_decimal(self.shipping),
            duty_percent=_decimal(self.duty),
            tax_percent=_optional(self.tax),
            ending=self.ending.currentData() or "none",
            custom_step=_decimal(self.custom_step),
            custom_offset=_decimal(self.custom_offset),
            decimals=None if self.decimals.value() < 0 else self.decimals.value(),
            cash_rounding=self.cash.isChecked(),
            target_margin_percent=_optional(self.target_margin),
            min_margin_percent=_optional(self.min_margin),
            guard=self.guard.currentData() or "warn",
        )

    def _show_custom_rows(self) -> None:
        custom = self.ending.currentData() == CUSTOM
        for widget in (self.custom_step, self.custom_offset):
            self.rules_form.setRowVisible(widget, custom)

    def _rule_edited(self, *_args) -> None:
        self._show_custom_rows()
        if self._loading or self.code() is None:
            return
        rule = self.rule_from_fields()
        try:
            check_rule(rule, market(self.code()))
            save_rule(self._session.project, self.code(), rule)
        except InvalidValue as error:
            show_error(self.rule_error, str(error))
            return
        show_error(self.rule_error, "")
        self.recalculate_timer.start()

    def edit_rates(self) -> None:
        project = self._session.project
        profile = project.profile()
        currencies = sorted({profile.currency, *(market(code).currency.code for code in profile.markets)} - {"EUR"})
        RatesDialog(project, currencies, self).exec()
        self._show_rates()
        self.recalculate()

    def selected_row(self):
        index = self.table.currentIndex()
        return self.model.rows[self.proxy.mapToSource(index).row()] if index.isValid() else None

    def _show_selected(self, *_args) -> None:
        row = self.selected_row()
        self.override_box.setEnabled(row is not None)
        show_error(self.override_error, "")
        if row is None:
            self.chart.show_price(None, "")
            return
        self.chart.show_price(row.price, row.listing.sku, self.model.shopper_locale)
        override = load_overrides(self._session.project, self.code()).get(row.listing.id) or Override()
        pct, fixed = override.adjustment_percent, override.fixed_price
        self.own_adjustment.setValue(self.own_adjustment.minimum() if pct is None else float(pct))
        self.own_price.setValue(0 if fixed is None else float(fixed))

    def _save_override(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        override = Override(_optional(self.own_adjustment), _optional(self.own_price))
        try:
            save_override(self._session.project, row.listing.id, self.code(), override)
        except InvalidValue as error:
            show_error(self.override_error, str(error))
            return
        self.recalculate()

    def _clear_override(self) -> None:
        row = self.selected_row()
        if row is not None:
            save_override(self._session.project, row.listing.id, self.code(), None)
            self.recalculate()

    # -- recalculating -----------------------------------------------------------------------------

    def recalculate(self) -> None:
        """Price the catalogue for the market in a worker; the table keeps the selected product."""
        project, code = self._session.project, self.code()
        if project is None or code is None:
            return
        path, listings = project.path, self._listings

        def work(_progress):
            with Project.open(path) as opened:
                rows = listings if listings is not None else load_listings(opened)
                return rows, price_catalogue(opened, [code], listings=rows)[code], opened.profile().currency

        self._job = workers.start(workers.Job(work, finished=lambda result: self._show_prices(code, *result)))

    def _show_prices(self, code: str, listings: list, rows: list, base_currency: str) -> None:
        if code != self.code():
            return
        self._listings = listings
        selected = self.selected_row()
        self.model.set_rows(rows, base_currency, Locale.parse(market(code).locales[0]))
        priced, blocked = self.model.counts()
        text = ngettext("{count} price", "{count} prices", priced).format(count=priced)
        if blocked:
            text += " · " + ngettext("{count} cannot be exported", "{count} cannot be exported", blocked).format(
                count=blocked
            )
        self.summary.setText(text)
        for column in (0, 2, 3, 4):
            self.table.resizeColumnToContents(column)
        if selected is not None:
            for row_number, row in enumerate(rows):
                if row.listing.id == selected.listing.id:
                    index = self.proxy.mapFromSource(self.model.index(row_number, 0))
                    self.table.selectionModel().setCurrentIndex(
                        index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
                    )
                    break
        self._show_selected()
