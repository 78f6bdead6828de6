"""The prices page: the sample catalogue priced per market, live rule edits, overrides, red margins, the chart."""

from decimal import Decimal as D
from importlib.resources import files

import pytest

from onboard.core.importing import run_import
from onboard.core.pricing_store import load_overrides, load_rule
from onboard.ui.widgets.prices_model import COLUMNS
from onboard.ui.wizard import PageId

SAMPLE = str(files("onboard.data").joinpath("samples/catalogue_en.csv"))


@pytest.fixture
def page(open_window, tmp_path, qtbot):
    window = open_window()
    window.session.create(tmp_path / "shop.onboard")
    window.session.update_profile(email="a@b.example", currency="CNY", markets=("US", "DE", "JP"))
    run_import(window.session.project, SAMPLE)
    window.wizard.setStartId(PageId.PRICES)
    window.wizard.restart()
    page = window.wizard.prices_page
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=20_000)
    return page


def cell(page, row, name):
    return page.model.data(page.model.index(row, COLUMNS.index(name)))


def wait_for(qtbot, page, predicate):
    qtbot.waitUntil(lambda: page._job is not None and predicate(), timeout=20_000)


def test_prices_shown_per_market_with_margins(qtbot, page):
    lamp = next(n for n, row in enumerate(page.model.rows) if row.listing.sku == "LH-LAMP-001-WH-EU")
    assert cell(page, lamp, "price") == "$18.99"
    assert cell(page, lamp, "margin").endswith("%")
    page.market.setCurrentIndex(page.market.findData("JP"))
    wait_for(qtbot, page, lambda: page.model.rows and page.model.rows[0].price.currency == "JPY")
    assert cell(page, lamp, "price") == "￥3,280"
    assert "older than" not in page.stale.text() and "ECB" in page.stale.text()  # the snapshot is months old


def test_a_rule_edit_saves_and_recalculates_live(qtbot, page):
    before = page.model.rows[0].price.amount
    page.commission.setValue(15)
    wait_for(qtbot, page, lambda: page.model.rows[0].price.amount != before)
    assert load_rule(page._session.project, "US").commission_percent == D("15")
    assert page.model.rows[0].price.amount > before


def test_margin_below_the_guard_shows_red_with_the_reason(qtbot, page):
    page.min_margin.setValue(70)
    wait_for(qtbot, page, lambda: any(row.price.flags for row in page.model.rows))
    flagged = next(n for n, row in enumerate(page.model.rows) if row.price.flags)
    from PySide6.QtCore import Qt

    index = page.model.index(flagged, COLUMNS.index("margin"))
    assert page.model.data(index, Qt.ItemDataRole.ForegroundRole).name() == "#b00020"
    assert "below the minimum of 70.0 %" in page.model.data(index, Qt.ItemDataRole.ToolTipRole)


def test_a_bad_rule_is_refused_with_a_message_and_not_saved(qtbot, page):
    page.commission.setValue(60)
    page.payment_fee.setValue(45)
    assert "whole price" in page.rule_error.text()
    assert load_rule(page._session.project, "US").payment_fee_percent == 0


def test_selecting_a_product_shows_its_breakdown_and_takes_a_fixed_price(qtbot, page):
    page.table.selectRow(0)
    row = page.selected_row()
    assert row.listing.sku in page.chart.chart().title()
    assert page.chart.chart().series()
    page.own_price.setValue(24.99)
    page.apply_override.click()
    wait_for(qtbot, page, lambda: page.selected_row() and page.selected_row().price.amount == D("24.99"))
    assert load_overrides(page._session.project, "US")[row.listing.id].fixed_price == D("24.99")
