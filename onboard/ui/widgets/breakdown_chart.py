"""One product's shelf price taken apart, from cost to what the shopper pays (QtCharts stacked bar)."""

from __future__ import annotations

from babel import Locale
from PySide6.QtCharts import QBarSet, QChart, QChartView, QHorizontalStackedBarSeries, QValueAxis
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter

from onboard.core.i18n import _, babel_locale
from onboard.core.pricing import COMPOSITION, Price, format_price

COLOURS = {
    "cost": "#5b6770",
    "shipping": "#8d6e63",
    "duty": "#a1887f",
    "fees": "#f9a825",
    "profit": "#2e7d32",
    "tax": "#1565c0",
}
LOSS = "#b00020"


class BreakdownChart(QChartView):
    def __init__(self) -> None:
        chart = QChart()
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        super().__init__(chart)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(11 * self.fontMetrics().height())
        self.show_price(None, "")

    def show_price(self, price: Price | None, product: str, shopper_locale: Locale | None = None) -> None:
        """Amounts as shoppers of the market read them; words in the interface language."""
        self.setMinimumHeight(11 * self.fontMetrics().height())  # grows with View → Larger text
        chart = self.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        if price is None or price.amount is None or not price.composition:
            chart.setTitle(_("Select a priced product to see its breakdown."))
            return
        locale = babel_locale()
        shopper_locale = shopper_locale or locale
        chart.setTitle(
            _("{product}: {price} in {market}").format(
                product=product,
                price=price.display(shopper_locale),
                market=locale.territories.get(price.market, price.market),
            )
        )
        series = QHorizontalStackedBarSeries()
        for key, label in COMPOSITION.items():
            amount = price.composition.get(key)
            if amount is None or amount == 0:
                continue
            shown = format_price(abs(amount), price.currency, price.decimals, shopper_locale)
            bar = QBarSet(f"{_(label)} {'−' if amount < 0 else ''}{shown}")
            bar.append(float(max(amount, 0)))
            bar.setColor(QColor(LOSS if amount < 0 else COLOURS[key]))
            series.append(bar)
        chart.addSeries(series)
        chart.setTitleFont(self.font())  # the chart draws its own text: follow the window's (projector) size
        chart.legend().setFont(self.font())
        axis = QValueAxis()
        positive = sum(amount for amount in price.composition.values() if amount > 0)
        axis.setRange(0, float(max(positive, price.amount)))
        axis.applyNiceNumbers()
        axis.setLabelFormat("%.0f")
        axis.setLabelsFont(self.font())
        chart.addAxis(axis, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(axis)
