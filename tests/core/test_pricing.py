"""Prices per market: hand-checked examples, the order of operations, endings, guards and formatting."""

from decimal import Decimal as D

import pytest
from babel import Locale
from hypothesis import given
from hypothesis import strategies as st

from onboard.core.errors import InvalidValue
from onboard.core.fx import Rate, RateTable
from onboard.core.markets import market
from onboard.core.pricing import ENDINGS, Override, Rule, check_rule, compute, default_rule, format_price

# Round figures so every example can be checked with pencil and paper: 1 EUR = 8 CNY = 1.2 USD = 180 JPY ...
RATES = RateTable(
    {
        code: Rate(code, D(value), __import__("datetime").date(2026, 11, 20), "entered")
        for code, value in {"CNY": "8", "USD": "1.2", "JPY": "180", "BRL": "6", "KRW": "1600", "IDR": "19000"}.items()
    }
)


def price_in(code: str, amount: str = "100", cost: str | None = "40", rule: Rule | None = None, **kwargs):
    target = market(code)
    return compute(
        price=D(amount),
        cost=D(cost) if cost is not None else None,
        base_currency="CNY",
        market=target,
        rule=rule or default_rule(target),
        rates=RATES,
        **kwargs,
    )


def test_us_converts_then_ends_in_99_without_tax():
    # 100 CNY = 12.5 EUR = 15.00 USD; US prices are shown before sales tax; .99 ending -> 15.99
    price = price_in("US")
    assert price.amount == D("15.99")
    assert price.composition["tax"] == 0
    # cost 40 CNY = 6.00 USD; profit 9.99 of 15.99
    assert round(price.margin_percent, 2) == D("62.48")


def test_germany_grosses_up_19_percent_vat_then_99():
    # 100 CNY = 12.50 EUR; + 19 % VAT = 14.875 -> 14.99
    price = price_in("DE")
    assert price.amount == D("14.99")
    assert round(price.composition["tax"], 4) == round(D("14.99") - D("14.99") / D("1.19"), 4)
    assert price.display(Locale.parse("de_DE")) == "14,99\xa0€"


def test_japan_whole_yen_ending_in_80_with_consumption_tax():
    # 100 CNY = 2,250 JPY; + 10 % = 2,475 -> 2,480
    price = price_in("JP")
    assert price.amount == D("2480")
    assert price.display(Locale.parse("ja_JP")) == "￥2,480"


def test_japan_980_preset():
    rule = Rule(ending="980")
    assert price_in("JP", rule=rule).amount == D("2980")
    assert price_in("JP", amount="30", rule=rule).amount == D("780")  # 675 + 10 % = 742.5


def test_brazil_ends_in_90_and_asks_for_a_tax_rate():
    # 100 CNY = 75.00 BRL; no single national rate in the data -> flagged, not blocked
    price = price_in("BR")
    assert price.amount == D("75.90")
    assert [flag.key for flag in price.flags] == ["no_tax_rate"]
    assert price.exportable
    taxed = price_in("BR", rule=Rule(ending="90", tax_percent=D("17")))  # 75 * 1.17 = 87.75
    assert taxed.amount == D("87.90")
    assert taxed.display(Locale.parse("pt_BR")) == "R$\xa087,90"


def test_korea_ends_in_900_won():
    # 100 CNY = 20,000 KRW; + 10 % = 22,000 -> 22,900
    price = price_in("KR")
    assert price.amount == D("22900")
    assert price.display(Locale.parse("ko_KR")) == "₩22,900"


def test_indonesia_whole_thousands_no_decimals_shown():
    # 100 CNY = 237,500 IDR; + 12 % = 266,000 -> Rp266.000 (CLDR alone would print Rp266.000,00)
    price = price_in("ID")
    assert price.amount == D("266000")
    assert price.display(Locale.parse("id_ID")) == "Rp266.000"


def test_order_of_operations_fees_duty_shipping():
    # 100 CNY = 15 USD; +10 % = 16.5; +1.00 fixed = 17.5; duty 4 % = 0.70; shipping 3 -> 21.20;
    # commission 15 % + payment 3 % -> 21.20 / 0.82 = 25.853...; no tax in the US; .99 -> 25.99
    rule = Rule(
        adjustment_percent=D("10"), adjustment_fixed=D("1"), duty_percent=D("4"), shipping=D("3"),
        commission_percent=D("15"), payment_fee_percent=D("3"), ending="99",
    )  # fmt: skip
    price = price_in("US", rule=rule)
    steps = {step.key: step.amount for step in price.steps}
    assert steps["converted"] == D("15.0")
    assert steps["adjusted"] == D("17.5")
    assert steps["duty"] == D("0.7")
    assert round(steps["fees"], 4) == round(D("21.2") / D("0.82") - D("21.2"), 4)
    assert price.amount == D("25.99")
    composition = price.composition
    assert sum(composition[key] for key in ("cost", "shipping", "duty", "fees", "profit", "tax")) == price.amount
    # profit = 25.99 - 18 % fees - 0.70 duty - 3.00 shipping - 6.00 cost
    assert composition["profit"] == D("25.99") - D("25.99") * D("0.18") - D("0.7") - 3 - 6


def test_convert_before_rounding():
    # Rounding the CNY amount first (the Odoo bug) would give 12.99 CNY -> 1.95 USD; converting first: 13 * 0.15
    price = price_in("US", amount="12.994", cost=None, rule=Rule(ending="none"))
    assert price.amount == D("1.95")  # 12.994 * 0.15 = 1.9491 -> up to 1.95
    assert price.margin_percent is None


def test_the_sellers_own_ending():
    rule = Rule(ending="custom", custom_step=D("10"), custom_offset=D("0.01"))
    assert price_in("US", rule=check_rule(rule, market("US"))).amount == D("19.99")  # 15.00 -> next 10 - 0.01
    with pytest.raises(InvalidValue, match="step"):
        check_rule(Rule(ending="custom", custom_step=D("0")), market("US"))
    with pytest.raises(InvalidValue, match="does not fit"):
        check_rule(Rule(ending="custom", custom_step=D("100"), custom_offset=D("0.5")), market("JP"))


def test_fixed_local_price_and_percent_override():
    fixed = price_in("DE", override=Override(fixed_price=D("29.95")))
    assert fixed.amount == D("29.95")
    assert [step.key for step in fixed.steps] == ["fixed"]
    cheaper = price_in("DE", override=Override(adjustment_percent=D("-20")))  # 12.5 * 0.8 * 1.19 = 11.90
    assert cheaper.amount == D("11.99")


def test_minimum_margin_guard_warns_or_blocks():
    warn = price_in("US", cost="90", rule=Rule(ending="99", min_margin_percent=D("30")))
    assert [flag.key for flag in warn.flags] == ["low_margin"] and warn.exportable
    assert "below the minimum" in warn.flags[0].message
    block = price_in("US", cost="90", rule=Rule(ending="99", min_margin_percent=D("30"), guard="block"))
    assert not block.exportable


def test_a_minimum_margin_without_a_cost_says_it_cannot_be_checked():
    price = price_in("US", cost=None, rule=Rule(ending="99", min_margin_percent=D("30"), guard="block"))
    assert [flag.key for flag in price.flags] == ["no_cost"] and price.exportable


def test_cost_plus_target_margin():
    # cost 40 CNY at a 50 % target margin -> 80 CNY -> 12.00 USD -> 12.99
    price = price_in("US", amount="100", rule=Rule(ending="99", target_margin_percent=D("50")))
    assert price.amount == D("12.99")


def test_missing_rate_and_missing_price_are_not_exportable():
    no_rate = price_in("CL")
    assert not no_rate.exportable and no_rate.flags[0].key == "no_rate"
    assert "CLP" in no_rate.flags[0].message
    target = market("US")
    no_price = compute(price=None, cost=None, base_currency="CNY", market=target, rule=Rule(), rates=RATES)
    assert not no_price.exportable and no_price.flags[0].key == "no_price"


def test_rules_that_give_zero_or_negative_prices_are_refused_or_flagged():
    negative = price_in("US", amount="-5")
    assert not negative.exportable and negative.flags[-1].key == "not_positive"
    below_zero = price_in("US", rule=Rule(adjustment_fixed=D("-50")))
    assert not below_zero.exportable
    with pytest.raises(InvalidValue, match="whole price"):
        check_rule(Rule(commission_percent=D("60"), payment_fee_percent=D("40")), market("US"))
    with pytest.raises(InvalidValue):
        check_rule(Rule(adjustment_percent=D("-100")), market("US"))
    with pytest.raises(InvalidValue, match="does not fit"):
        check_rule(Rule(ending="99"), market("JP"))  # yen prices have no cents
    with pytest.raises(InvalidValue, match="does not fit"):
        check_rule(Rule(ending="99", cash_rounding=True), market("CA"))  # cash in 0.05 steps


def test_cash_rounding_where_the_market_uses_it():
    rates = RateTable({**RATES.rates, "CAD": Rate("CAD", D("1.53"), RATES.rates["USD"].as_of, "entered")})
    target = market("CA")  # 100 CNY = 19.125 CAD, prices shown without GST
    rule = Rule(ending="none", cash_rounding=True)
    price = compute(price=D("100"), cost=None, base_currency="CNY", market=target, rule=rule, rates=rates)
    assert price.amount == D("19.15")


def test_every_default_rule_is_valid_for_its_market():
    from onboard.core.markets import load_markets

    for target in load_markets().values():
        check_rule(default_rule(target), target)


amounts = st.decimals(min_value=D("0.01"), max_value=D("1000000"), places=2, allow_nan=False, allow_infinity=False)
codes = st.sampled_from(["US", "DE", "JP", "BR", "KR", "ID"])


@given(codes, amounts, amounts)
def test_a_higher_base_never_gives_a_lower_local_price(code, first, second):
    low, high = sorted((first, second))
    assert price_in(code, str(low)).amount <= price_in(code, str(high)).amount


@given(st.sampled_from(sorted(ENDINGS)), amounts)
def test_endings_are_idempotent_and_hold(key, amount):
    ending = ENDINGS[key]
    decimals = 2
    once = ending.apply(amount, decimals)
    assert once >= amount
    assert ending.apply(once, decimals) == once
    assert ending.allows(once, decimals)
    if ending.tiers:
        assert any(
            (once + tier.offset) % tier.step == 0 and (tier.below is None or once < tier.below) for tier in ending.tiers
        )


@given(codes, amounts)
def test_every_price_ends_as_its_rule_says(code, amount):
    target = market(code)
    price = price_in(code, str(amount))
    assert ENDINGS[default_rule(target).ending].allows(price.amount, target.currency.decimals)


def _plain(text: str) -> str:
    return "".join(ch for ch in text if ch not in "\u200e\u200f\u061c\u00a0\u202f").replace(" ", "")


@pytest.mark.parametrize(
    ("amount", "currency", "decimals", "locale", "expected"),
    [
        ("24.99", "USD", 2, "en_US", "$24.99"),
        ("24.99", "USD", 2, "es_US", "$24.99"),
        ("24.99", "EUR", 2, "de_DE", "24,99€"),
        ("24.90", "EUR", 2, "fr_FR", "24,90€"),
        ("24.95", "EUR", 2, "nl_NL", "€24,95"),
        ("1980", "JPY", 0, "ja_JP", "￥1,980"),
        ("9900", "KRW", 0, "ko_KR", "₩9,900"),
        ("19.90", "BRL", 2, "pt_BR", "R$19,90"),
        ("99000", "IDR", 0, "id_ID", "Rp99.000"),
        ("199000", "VND", 0, "vi_VN", "199.000₫"),
        ("9990", "CLP", 0, "es_CL", "$9.990"),
        ("49900", "COP", 0, "es_CO", "$49.900"),
        ("999", "INR", 2, "en_IN", "₹999.00"),
        ("1234567", "INR", 0, "en_IN", "₹12,34,567"),
        ("24.99", "AED", 2, "ar_AE", "24.99د.إ."),
        ("199", "SEK", 0, "sv_SE", "199kr"),
        ("24.99", "PLN", 2, "pl_PL", "24,99zł"),
        ("199", "THB", 0, "th_TH", "฿199"),
    ],
)
def test_formatting_per_currency_in_its_locale(amount, currency, decimals, locale, expected):
    assert _plain(format_price(D(amount), currency, decimals, Locale.parse(locale))) == _plain(expected)
