import tomllib
from decimal import Decimal
from importlib.resources import files

import pytest
from babel import Locale
from babel.numbers import get_currency_name

from onboard.core.markets import (
    CONFIDENCE_LEVELS,
    REGIONS,
    MarketDataError,
    _market,
    describe_import_regime,
    format_money,
    load_markets,
)

MARKETS = [
    "US",
    "CA",
    "MX",
    "BR",
    "CL",
    "CO",
    "GB",
    "DE",
    "FR",
    "ES",
    "IT",
    "NL",
    "PL",
    "SE",
    "TR",
    "AE",
    "SA",
    "JP",
    "KR",
    "SG",
    "MY",
    "TH",
    "VN",
    "ID",
    "PH",
    "AU",
    "IN",
]
IMPORT_KINDS = {"duty_free_threshold", "tax_at_checkout", "flat_rate", "no_threshold", "unclear"}


def test_the_27_markets_in_catalogue_order():
    assert list(load_markets()) == MARKETS


@pytest.mark.parametrize("code", MARKETS)
def test_every_market_is_complete_and_sourced(code):
    market = load_markets()[code]
    assert market.region in REGIONS
    assert get_currency_name(market.currency.code) != market.currency.code
    assert market.locales and all(Locale.parse(locale) for locale in market.locales)
    assert market.languages and all(language.argos for language in market.languages)
    assert market.marketplaces
    assert market.import_regime.kind in IMPORT_KINDS
    assert market.import_regime.summary.strip()
    if market.import_regime.threshold is not None:
        assert market.import_regime.threshold > 0
        assert get_currency_name(market.import_regime.threshold_currency)
    for source in market.sources():
        assert source.url.startswith(("https://", "http://"))
        assert source.confidence in CONFIDENCE_LEVELS
        assert source.as_of.year >= 2000


def test_facts_match_the_research():
    markets = load_markets()
    assert markets["DE"].vat.rate == Decimal("19")
    assert markets["SE"].vat.rate == Decimal("25")
    assert markets["JP"].vat.rate == Decimal("10")
    assert markets["SG"].vat.rate == Decimal("9")
    assert markets["US"].vat.rate is None and not markets["US"].tax_inclusive
    assert markets["DE"].tax_inclusive and markets["JP"].tax_inclusive
    assert markets["DE"].import_regime.threshold == Decimal("150")
    assert markets["US"].import_regime.kind == "no_threshold"
    assert {change.date.isoformat() for change in markets["US"].import_regime.upcoming} == {"2027-07-01"}


def test_argos_codes_for_brazil_and_zero_decimal_currencies():
    markets = load_markets()
    assert [(language.code, language.argos) for language in markets["BR"].languages] == [("pt_BR", "pb")]
    for code in ("JP", "KR", "VN", "CL", "ID", "CO"):
        assert markets[code].currency.decimals == 0, code
    assert markets["US"].currency.decimals == 2


def test_arabic_markets_use_right_to_left_locales():
    for code in ("AE", "SA"):
        assert Locale.parse(load_markets()[code].locales[0]).text_direction == "rtl"


def test_a_block_without_a_source_is_refused():
    raw = tomllib.loads(files("onboard.data").joinpath("markets.toml").read_text(encoding="utf-8"))["markets"]["DE"]
    del raw["vat"]["source"]
    with pytest.raises(MarketDataError, match="DE.vat: missing 'source'"):
        _market("DE", raw)


def test_market_names_follow_the_interface_language():
    germany = load_markets()["DE"]
    assert germany.name(Locale.parse("zh_CN")) == "德国"
    assert germany.name(Locale.parse("ar")) == "ألمانيا"


def test_money_in_shopper_conventions():
    assert format_money(Decimal("150"), "EUR", Locale.parse("de")) == "150\xa0€"
    assert format_money(Decimal("10000"), "JPY", Locale.parse("ja")) == "￥10,000"
    assert format_money(Decimal("2.5"), "USD", Locale.parse("en")) == "$2.50"


def test_import_regime_is_described_with_its_threshold():
    assert describe_import_regime(load_markets()["DE"].import_regime, Locale.parse("en")) == (
        "Tax collected at checkout up to €150"
    )
