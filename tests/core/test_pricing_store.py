"""Rules, overrides and prices kept in the project, over the sample catalogue."""

from decimal import Decimal as D
from importlib.resources import files

import pytest

from onboard.core.errors import InvalidValue
from onboard.core.importing import run_import
from onboard.core.pricing import Override, Rule
from onboard.core.pricing_store import load_rule, price_catalogue, save_override, save_rule

SAMPLE = str(files("onboard.data").joinpath("samples/catalogue_en.csv"))


@pytest.fixture
def catalogue(project):
    run_import(project, SAMPLE)
    return project


def test_rules_default_per_market_and_persist(project):
    assert load_rule(project, "JP").ending == "80"
    assert load_rule(project, "US").ending == "99"
    save_rule(project, "US", Rule(ending="95", commission_percent=D("15"), min_margin_percent=D("20")))
    assert load_rule(project, "US") == Rule(ending="95", commission_percent=D("15"), min_margin_percent=D("20"))
    with pytest.raises(InvalidValue):
        save_rule(project, "US", Rule(commission_percent=D("120")))
    assert load_rule(project, "US").ending == "95"  # the bad rule changed nothing


def test_sample_catalogue_priced_in_six_markets(catalogue):
    prices = price_catalogue(catalogue, ["US", "DE", "JP", "BR", "KR", "ID"])
    lamp = {
        code: next(row.price for row in rows if row.listing.sku == "LH-LAMP-001-WH-EU") for code, rows in prices.items()
    }
    # 129 CNY at the bundled snapshot (1 EUR = 7.9145 CNY = 1.1476 USD = 182.85 JPY = 1711.87 KRW = 19395.07 IDR)
    assert lamp["US"].amount == D("18.99")  # 18.705 -> .99
    assert lamp["DE"].amount == D("19.99")  # 16.299 * 1.19 = 19.396 -> ,99
    assert lamp["JP"].amount == D("3280")  # 2980.3 * 1.10 = 3278.4 -> 80
    assert lamp["KR"].amount == D("30900")  # 27902 * 1.10 = 30692 -> 900
    assert lamp["ID"].amount == D("355000")  # 316122 * 1.12 = 354057 -> thousands
    assert lamp["BR"].amount == D("98.90")  # 98.07, no single tax rate -> flagged
    parents = {row.listing.sku for rows in prices.values() for row in rows}
    assert "LH-LAMP-001" not in parents  # a parent whose variants carry the price is not priced itself
    assert all(row.price.margin_percent is not None for row in prices["US"])


def test_a_product_override_applies_to_that_product_only(catalogue):
    rows = price_catalogue(catalogue, ["DE"])["DE"]
    first, second = rows[0], rows[1]
    save_override(catalogue, first.listing.id, "DE", Override(fixed_price=D("24.95")))
    again = {row.listing.id: row.price for row in price_catalogue(catalogue, ["DE"])["DE"]}
    assert again[first.listing.id].amount == D("24.95")
    assert again[second.listing.id].amount == second.price.amount
    save_override(catalogue, first.listing.id, "DE", None)
    assert price_catalogue(catalogue, ["DE"])["DE"][0].price.amount == first.price.amount
    with pytest.raises(InvalidValue):
        save_override(catalogue, first.listing.id, "DE", Override(fixed_price=D("0")))


def test_a_minimum_margin_that_blocks_marks_listings_not_exportable(catalogue):
    save_rule(catalogue, "US", Rule(ending="99", commission_percent=D("40"), min_margin_percent=D("50"), guard="block"))
    rows = price_catalogue(catalogue, ["US"])["US"]
    blocked = [row for row in rows if not row.price.exportable]
    assert blocked and all(row.price.flags[-1].key == "low_margin" for row in blocked)
