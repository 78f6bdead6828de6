"""Local prices per market, with the margin left and every step shown.

The order of operations (each on `Decimal`, nothing rounded until the last step):

1. start: the listing's price in the seller's currency, or its cost plus the target margin;
2. convert at the exchange rate (before any rounding — rounding first is the classic bug);
3. adjust: the market's (or the product's) percentage, then the fixed amount in local money;
4. add the duty estimate (a percentage of the adjusted goods value) and the shipping or fulfilment cost;
5. gross up for the marketplace commission and payment fee, so the seller still gets what steps 1–4 ask;
6. add VAT / GST where the market shows prices with tax included;
7. round up to the price ending (.99, ¥980, ₩9,900, …), and to the cash step where the rule asks for it.

A fixed local price for a product replaces steps 1–7; the breakdown is then worked back from it.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, replace
from decimal import ROUND_CEILING, Decimal
from functools import cache
from importlib.resources import files

from babel import Locale
from babel.numbers import format_decimal, parse_pattern

from onboard.core.errors import InvalidValue
from onboard.core.fx import RateTable
from onboard.core.i18n import N_, _, babel_locale
from onboard.core.markets import Market, Source, read_source

HUNDRED = Decimal(100)


@dataclass(frozen=True)
class Tier:
    """Allowed prices k·step − offset (k ≥ 1), below `below` when set."""

    step: Decimal
    offset: Decimal = Decimal(0)
    below: Decimal | None = None

    def next_at_or_above(self, amount: Decimal) -> Decimal | None:
        k = max(((amount + self.offset) / self.step).to_integral_value(ROUND_CEILING), Decimal(1))
        candidate = k * self.step - self.offset
        return None if self.below is not None and candidate >= self.below else candidate


@dataclass(frozen=True)
class Ending:
    """A price ending: the allowed prices are the union of its tiers; a price goes up to the next allowed one."""

    key: str
    label: str
    example: Decimal
    tiers: tuple[Tier, ...]

    def apply(self, amount: Decimal, decimals: int) -> Decimal:
        """The smallest allowed price at or above `amount` (no tiers: up to the next minor unit)."""
        if not self.tiers:
            return _ceil(amount, decimals)
        candidates = [c for c in (tier.next_at_or_above(amount) for tier in self.tiers) if c is not None]
        return min(candidates)

    def allows(self, amount: Decimal, decimals: int) -> bool:
        return self.apply(amount, decimals) == amount

    def fits(self, decimals: int, cash_step: Decimal | None = None) -> bool:
        """Whether every allowed price can be written with `decimals` (and paid in `cash_step`s)."""
        unit = Decimal(1).scaleb(-decimals)
        steps = [value for tier in self.tiers for value in (tier.step, tier.offset)]
        return all(value % unit == 0 and (cash_step is None or value % cash_step == 0) for value in steps)


def _ceil(amount: Decimal, decimals: int) -> Decimal:
    return amount.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_CEILING)


def _d(text: str) -> Decimal:
    return Decimal(text)


#: Price-ending presets; `label` is shown with a worked example.
ENDINGS: dict[str, Ending] = {
    ending.key: ending
    for ending in (
        Ending("none", N_("Exact (no ending)"), _d("24.37"), ()),
        Ending("99", N_("Ends in .99"), _d("24.99"), (Tier(_d("1"), _d("0.01")),)),
        Ending("95", N_("Ends in .95"), _d("24.95"), (Tier(_d("1"), _d("0.05")),)),
        Ending("90", N_("Ends in .90"), _d("24.90"), (Tier(_d("1"), _d("0.10")),)),
        Ending("whole", N_("Whole numbers"), _d("25"), (Tier(_d("1")),)),
        Ending("9", N_("Whole, ending in 9"), _d("199"), (Tier(_d("10"), _d("1")),)),
        Ending("99-whole", N_("Whole, ending in 99"), _d("499"), (Tier(_d("100"), _d("1")),)),
        Ending("tens", N_("Round to 10"), _d("250"), (Tier(_d("10")),)),
        Ending("hundreds", N_("Round to 100"), _d("2500"), (Tier(_d("100")),)),
        Ending("thousands", N_("Round to 1,000"), _d("99000"), (Tier(_d("1000")),)),
        Ending("80", N_("Ending in 80"), _d("3280"), (Tier(_d("100"), _d("20")),)),
        Ending(
            "980", N_("Ending in 980"), _d("1980"), (Tier(_d("100"), _d("20"), _d("1000")), Tier(_d("1000"), _d("20")))
        ),
        Ending("9900", N_("Ending in 900"), _d("9900"), (Tier(_d("1000"), _d("100")),)),
        Ending("990", N_("Ending in 990"), _d("9990"), (Tier(_d("1000"), _d("10")),)),
    )
}  # fmt: skip

CUSTOM = "custom"


def ending_of(rule: Rule) -> Ending:
    """The rule's ending: a preset, or the seller's own "multiples of step, minus offset" (10 and 0.01 → 19.99)."""
    if rule.ending == CUSTOM:
        return Ending(
            CUSTOM,
            N_("Your own ending"),
            rule.custom_step - rule.custom_offset,
            (Tier(rule.custom_step, rule.custom_offset),),
        )
    return ENDINGS[rule.ending]


GUARD_ACTIONS: dict[str, str] = {"warn": N_("Warn"), "block": N_("Block export")}

#: The parts of a shelf price, from cost to what the shopper pays (the breakdown chart's order).
COMPOSITION: dict[str, str] = {
    "cost": N_("Product cost"),
    "shipping": N_("Shipping"),
    "duty": N_("Duty"),
    "fees": N_("Commission and fees"),
    "profit": N_("Profit"),
    "tax": N_("Tax"),
}


@dataclass(frozen=True)
class Rule:
    """How one market's prices are made. Percentages are percent (19 = 19 %); money is in local currency."""

    adjustment_percent: Decimal = Decimal(0)
    adjustment_fixed: Decimal = Decimal(0)
    commission_percent: Decimal = Decimal(0)
    payment_fee_percent: Decimal = Decimal(0)
    shipping: Decimal = Decimal(0)
    duty_percent: Decimal = Decimal(0)
    tax_percent: Decimal | None = None  # None: the market's own rate
    ending: str = "none"  # a key of ENDINGS, or "custom" (custom_step and custom_offset)
    custom_step: Decimal = Decimal(1)
    custom_offset: Decimal = Decimal(0)
    decimals: int | None = None  # None: the currency's display decimals
    cash_rounding: bool = False
    target_margin_percent: Decimal | None = None  # set: price from cost plus this margin
    min_margin_percent: Decimal | None = None
    guard: str = "warn"


@dataclass(frozen=True)
class Override:
    """A product's own price in one market: a percentage instead of the rule's, or a fixed local price."""

    adjustment_percent: Decimal | None = None
    fixed_price: Decimal | None = None


@dataclass(frozen=True)
class Step:
    key: str  # base, converted, adjusted, duty, shipping, fees, tax, ending, fixed
    amount: Decimal  # in `currency`
    currency: str


@dataclass(frozen=True)
class Flag:
    key: str  # no_price, no_rate, not_positive, low_margin, no_cost, no_tax_rate
    message: str
    blocking: bool


@dataclass(frozen=True)
class Price:
    """One listing's price in one market, with how it came about and what is left for the seller."""

    market: str
    currency: str
    amount: Decimal | None
    decimals: int
    steps: tuple[Step, ...] = ()
    composition: dict[str, Decimal] = field(default_factory=dict)  # cost, shipping, duty, fees, profit, tax
    margin_percent: Decimal | None = None
    flags: tuple[Flag, ...] = ()

    @property
    def exportable(self) -> bool:
        return self.amount is not None and not any(flag.blocking for flag in self.flags)

    def display(self, locale: Locale) -> str:
        return format_price(self.amount, self.currency, self.decimals, locale) if self.amount is not None else ""


@dataclass(frozen=True)
class MarketDefaults:
    ending: str
    source: Source


@cache
def market_defaults() -> dict[str, MarketDefaults]:
    """Default endings per market (data/pricing.toml), each with its source."""
    raw = tomllib.loads(files("onboard.data").joinpath("pricing.toml").read_text(encoding="utf-8"))
    return {
        code: MarketDefaults(block["ending"], read_source(block, f"pricing.endings.{code}"))
        for code, block in raw["endings"].items()
    }


def default_rule(market: Market) -> Rule:
    defaults = market_defaults().get(market.code)
    ending = defaults.ending if defaults else "none"
    return Rule(ending=ending if ENDINGS[ending].fits(market.currency.decimals) else "whole")


def check_rule(rule: Rule, market: Market) -> Rule:
    """Refuse a rule that cannot give a sensible price, with the reason in the seller's words."""
    for name in ("commission_percent", "payment_fee_percent", "duty_percent"):
        if not 0 <= getattr(rule, name) < 100:
            raise InvalidValue(_("Fees, commission and duty must be between 0 % and 100 %."))
    if rule.commission_percent + rule.payment_fee_percent >= 100:
        raise InvalidValue(_("Commission and payment fee together take the whole price. Lower them."))
    if rule.adjustment_percent <= -100:
        raise InvalidValue(_("A price adjustment of −100 % or less leaves no price."))
    if rule.shipping < 0:
        raise InvalidValue(_("The shipping cost cannot be negative."))
    if rule.tax_percent is not None and not 0 <= rule.tax_percent < 100:
        raise InvalidValue(_("The tax rate must be between 0 % and 100 %."))
    if rule.target_margin_percent is not None and not 0 <= rule.target_margin_percent < 100:
        raise InvalidValue(_("The target margin must be at least 0 % and below 100 %."))
    if rule.ending not in ENDINGS and rule.ending != CUSTOM:
        raise InvalidValue(_("Unknown price ending: {ending}").format(ending=rule.ending))
    if rule.ending == CUSTOM and not 0 <= rule.custom_offset < rule.custom_step:  # also refuses a step of 0
        raise InvalidValue(_("Your own ending needs a step above zero and an amount below the step."))
    decimals = display_decimals(rule, market)
    if rule.decimals is not None and not 0 <= rule.decimals <= 3:
        raise InvalidValue(_("Prices can show 0 to 3 decimals."))
    ending = ending_of(rule)
    if not ending.fits(decimals, cash_step(rule, market)):
        raise InvalidValue(
            _(
                "The ending “{ending}” does not fit prices in {currency} as they are shown. Choose another ending."
            ).format(ending=_(ending.label), currency=market.currency.code)
        )
    return rule


def display_decimals(rule: Rule, market: Market) -> int:
    return market.currency.decimals if rule.decimals is None else rule.decimals


def cash_step(rule: Rule, market: Market) -> Decimal | None:
    return market.currency.cash_rounding if rule.cash_rounding else None


def tax_rate(rule: Rule, market: Market) -> Decimal | None:
    """The tax included in shelf prices (percent); 0 where prices are shown without tax; None if unknown."""
    if not market.tax_inclusive:
        return Decimal(0)
    return rule.tax_percent if rule.tax_percent is not None else market.vat.rate


def compute(
    *,
    price: Decimal | None,
    cost: Decimal | None,
    base_currency: str,
    market: Market,
    rule: Rule,
    rates: RateTable,
    override: Override | None = None,
) -> Price:
    """The local price of one listing in one market (see the module docstring for the order)."""
    currency = market.currency.code
    decimals = display_decimals(rule, market)
    empty = Price(market.code, currency, None, decimals)
    try:
        rate = rates.rate(base_currency, currency)
    except InvalidValue as error:
        return replace(empty, flags=(Flag("no_rate", str(error), True),))
    tax = tax_rate(rule, market)
    flags = []
    if tax is None:
        flags.append(
            Flag("no_tax_rate", _("There is no single tax rate for this market; enter the rate in the rules."), False)
        )
        tax = Decimal(0)
    cost_local = cost * rate if cost is not None else None
    fee_share = (rule.commission_percent + rule.payment_fee_percent) / HUNDRED
    if override and override.fixed_price is not None:
        return _from_fixed(empty, override.fixed_price, cost_local, rule, tax, fee_share, flags)
    if rule.target_margin_percent is not None and cost is not None:
        base = cost / (1 - rule.target_margin_percent / HUNDRED)
    elif price is not None:
        base = price
    else:
        message = _("This product has no price (or cost) to start from.")
        return replace(empty, flags=(*flags, Flag("no_price", message, True)))
    percent = (
        override.adjustment_percent if override and override.adjustment_percent is not None else rule.adjustment_percent
    )
    converted = base * rate
    adjusted = converted * (1 + percent / HUNDRED) + rule.adjustment_fixed
    duty = adjusted * rule.duty_percent / HUNDRED
    landed = adjusted + duty + rule.shipping
    before_tax = landed / (1 - fee_share)
    gross = before_tax * (1 + tax / HUNDRED)
    steps = [
        Step("base", base, base_currency),
        Step("converted", converted, currency),
        Step("adjusted", adjusted, currency),
        Step("duty", duty, currency),
        Step("shipping", rule.shipping, currency),
        Step("fees", before_tax - landed, currency),
        Step("tax", gross - before_tax, currency),
    ]
    if adjusted <= 0 or gross <= 0:
        message = _("The rules give a price of zero or less. Check the adjustment.")
        return replace(empty, steps=tuple(steps), flags=(*flags, Flag("not_positive", message, True)))
    final = ending_of(rule).apply(gross, decimals)
    step = cash_step(rule, market)
    if step:
        final = (final / step).to_integral_value(ROUND_CEILING) * step
    steps.append(Step("ending", final - gross, currency))
    return _finish(empty, final, tuple(steps), cost_local, rule, tax, fee_share, duty, flags)


def _from_fixed(empty: Price, fixed, cost_local, rule, tax, fee_share, flags) -> Price:
    if fixed <= 0:
        message = _("The fixed price must be above zero.")
        return replace(empty, flags=(*flags, Flag("not_positive", message, True)))
    before_tax = fixed / (1 + tax / HUNDRED)
    landed = before_tax * (1 - fee_share)
    duty = (landed - rule.shipping) * rule.duty_percent / (HUNDRED + rule.duty_percent)
    steps = (Step("fixed", fixed, empty.currency),)
    return _finish(empty, fixed, steps, cost_local, rule, tax, fee_share, max(duty, Decimal(0)), flags)


def _finish(empty: Price, final, steps, cost_local, rule: Rule, tax, fee_share, duty, flags) -> Price:
    """The composition of the shelf price and the margin left, from the final amount."""
    revenue = final / (1 + tax / HUNDRED)
    composition = {
        "tax": final - revenue,
        "fees": revenue * fee_share,
        "duty": duty,
        "shipping": rule.shipping,
    }
    margin = None
    if cost_local is None and rule.min_margin_percent is not None:
        flags = [*flags, Flag("no_cost", _("No cost is given, so the margin cannot be checked."), False)]
    if cost_local is not None:
        composition["cost"] = cost_local
        profit = revenue - sum(composition[key] for key in ("fees", "duty", "shipping")) - cost_local
        composition["profit"] = profit
        margin = profit / revenue * HUNDRED
        if rule.min_margin_percent is not None and margin < rule.min_margin_percent:
            blocking = rule.guard == "block"
            message = _("Margin {margin} % is below the minimum of {minimum} %.").format(
                margin=percent_text(margin), minimum=percent_text(rule.min_margin_percent)
            )
            flags = [*flags, Flag("low_margin", message, blocking)]
    return replace(empty, amount=final, steps=steps, composition=composition, margin_percent=margin, flags=tuple(flags))


def percent_text(value: Decimal) -> str:
    """A percentage figure in the interface language's decimal mark, with one decimal."""
    return format_decimal(value, format="#,##0.0", locale=babel_locale())


def format_price(amount: Decimal, currency: str, decimals: int, locale: Locale) -> str:
    """A shelf price as shoppers in `locale` read it, with exactly `decimals` decimals (¥1,980, 24,99 €)."""
    pattern = parse_pattern(locale.currency_formats["standard"].pattern)
    pattern.frac_prec = (decimals, decimals)
    return pattern.apply(amount, locale, currency=currency, currency_digits=False)
