"""Choose target markets: searchable, grouped by region, with each market's key facts and their sources."""

from __future__ import annotations

from html import escape

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_percent
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLineEdit, QTextBrowser, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from onboard.core.i18n import _, babel_locale
from onboard.core.markets import (
    CONFIDENCE_LABELS,
    REGIONS,
    Market,
    Source,
    describe_import_regime,
    load_markets,
)
from onboard.ui.widgets.common import ltr, name

CODE_ROLE = Qt.ItemDataRole.UserRole


def language_names(market: Market, locale: Locale) -> str:
    names = []
    for language in market.languages:
        names.append(Locale.parse(language.code).get_display_name(locale) or language.code)
    return ", ".join(names)


def vat_text(market: Market, locale: Locale) -> str:
    if market.vat.rate is None:
        return _("No single national rate")
    return format_percent(market.vat.rate / 100, locale=locale, decimal_quantization=False)


def import_text(market: Market, locale: Locale) -> str:
    text = describe_import_regime(market.import_regime, locale)
    if market.import_regime.upcoming:
        first = market.import_regime.upcoming[0]
        change = _("Change announced for {date}").format(date=format_date(first.date, "medium", locale=locale))
        text = f"{text}\n{change}"
    return text


class MarketPicker(QWidget):
    """A tree of markets by region with checkboxes; `selection_changed` carries the checked codes."""

    selection_changed = Signal(tuple)

    def __init__(self) -> None:
        super().__init__()
        self._markets = load_markets()
        self._order: list[str] = []
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.tree = QTreeWidget()
        self.tree.setAlternatingRowColors(True)
        self.tree.setRootIsDecorated(True)
        self.tree.setWordWrap(True)
        self.tree.itemChanged.connect(self._item_changed)
        self.tree.currentItemChanged.connect(self._show_details)
        self.details = QTextBrowser()
        self.details.setOpenExternalLinks(True)
        self.details.setMaximumHeight(170)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.tree, 3)
        layout.addWidget(self.details, 1)

    def retranslate(self) -> None:
        self.search.setPlaceholderText(_("Search by country, currency or language"))
        name(self.search, _("Search markets"))
        name(self.tree, _("Markets"))
        name(self.details, _("Market details and sources"))
        self.tree.setHeaderLabels(
            [
                _("Market"),
                _("Currency"),
                _("Languages"),
                _("VAT / GST"),
                _("Prices include tax"),
                _("Low-value imports"),
                _("Main marketplaces"),
            ]  # fmt: skip
        )
        self._rebuild()

    def set_selection(self, codes: tuple[str, ...]) -> None:
        self._order = [code for code in codes if code in self._markets]
        self._rebuild()

    def selection(self) -> tuple[str, ...]:
        return tuple(self._order)

    def _rebuild(self) -> None:
        locale = babel_locale()
        current = self.tree.currentItem().data(0, CODE_ROLE) if self.tree.currentItem() else None
        blocked = self.tree.blockSignals(True)
        self.tree.clear()
        for region, label in REGIONS.items():
            group = QTreeWidgetItem(self.tree, [_(label)])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            markets = sorted(
                (m for m in self._markets.values() if m.region == region),
                key=lambda m: m.name(locale).casefold(),
            )
            for market in markets:
                item = QTreeWidgetItem(group, self._row(market, locale))
                item.setData(0, CODE_ROLE, market.code)
                item.setFlags(
                    Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable
                )
                checked = market.code in self._order
                item.setCheckState(0, Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
                self._mark_unconfirmed(item, market)
                if market.code == current:
                    self.tree.setCurrentItem(item)
        self.tree.expandAll()
        for column in range(self.tree.columnCount()):
            self.tree.resizeColumnToContents(column)
        self.tree.blockSignals(blocked)
        self._filter(self.search.text())

    def _row(self, market: Market, locale: Locale) -> list[str]:
        return [
            f"{market.name(locale)} ({ltr(market.code)})",
            ltr(market.currency.code),
            language_names(market, locale),
            vat_text(market, locale),
            _("Yes") if market.tax_inclusive else _("No"),
            import_text(market, locale),
            ", ".join(market.marketplaces[:4]),
        ]

    @staticmethod
    def _mark_unconfirmed(item: QTreeWidgetItem, market: Market) -> None:
        """Flag cells whose fact the research could not confirm, so nobody relies on them unawares."""
        sourced = {3: market.vat.source, 4: market.price_display_source, 5: market.import_regime.source,
                   6: market.marketplaces_source}  # fmt: skip
        for column, source in sourced.items():
            if source.confidence == "unconfirmed":
                item.setText(column, f"⚠ {item.text(column)}")
                item.setToolTip(column, _("Unconfirmed: check this before you rely on it."))

    def _filter(self, text: str) -> None:
        needle = text.strip().casefold()
        english = Locale.parse("en")
        for index in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(index)
            visible = 0
            for child_index in range(group.childCount()):
                item = group.child(child_index)
                market = self._markets[item.data(0, CODE_ROLE)]
                haystack = " ".join(
                    [item.text(0), item.text(1), item.text(2), market.name(english), market.currency.code]
                    + [language.code for language in market.languages]
                ).casefold()
                hidden = bool(needle) and needle not in haystack
                item.setHidden(hidden)
                visible += not hidden
            group.setHidden(visible == 0)

    def _item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        code = item.data(0, CODE_ROLE)
        if column != 0 or code is None:
            return
        checked = item.checkState(0) == Qt.CheckState.Checked
        if checked and code not in self._order:
            self._order.append(code)
        elif not checked and code in self._order:
            self._order.remove(code)
        else:
            return
        self.selection_changed.emit(tuple(self._order))

    def _show_details(self, item: QTreeWidgetItem | None) -> None:
        code = item.data(0, CODE_ROLE) if item else None
        if code is None:
            self.details.clear()
            return
        market, locale = self._markets[code], babel_locale()
        rows = [
            (_("Currency"), market.currency.source),
            (_("Languages"), market.languages_source),
            (_("VAT / GST"), market.vat.source),
            (_("Prices include tax"), market.price_display_source),
            (_("Low-value imports"), market.import_regime.source),
            (_("Main marketplaces"), market.marketplaces_source),
        ]
        lines = [f"<b>{escape(market.name(locale))}</b>"]
        lines += [f"{escape(label)}: {self._source_html(source, locale)}" for label, source in rows]
        notes = [note for note in (market.import_regime.summary, market.vat.note) if note]
        if notes:
            lines.append(escape(_("Notes from the research (in English):")))
            lines += [f"<i dir='ltr' lang='en'>{escape(note)}</i>" for note in notes]
        for change in market.import_regime.upcoming:
            when = format_date(change.date, "medium", locale=locale)
            lines.append(
                escape(_("Change announced for {date}").format(date=when))
                + f": <span dir='ltr' lang='en'>{escape(change.summary)}</span> "
                + self._source_html(change.source, locale)
            )
        self.details.setHtml("<br>".join(lines))

    @staticmethod
    def _source_html(source: Source, locale: Locale) -> str:
        label = _(CONFIDENCE_LABELS[source.confidence])
        if source.confidence == "unconfirmed":
            label = f"<span style='color:#b00020'>⚠ {escape(label)}</span>"
        else:
            label = escape(label)
        as_of = _("as of {date}").format(date=format_date(source.as_of, "medium", locale=locale))
        # Translators: a link to the web page a fact comes from.
        link_text = _("source")
        link = f"<a dir='ltr' href='{escape(source.url)}'>{escape(link_text)}</a>"
        return f"{label}, {escape(as_of)}, {link}"
