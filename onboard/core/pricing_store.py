"""Pricing kept in the project: rules per market, products' own prices, the seller's exchange rates.

`price_catalogue()` is what pages, the command line and exporters call: every priced listing in every market.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass, fields
from datetime import date
from decimal import Decimal

from onboard.core.catalogue import Listing, parse_decimal
from onboard.core.catalogue_store import load_listings
from onboard.core.errors import InvalidValue
from onboard.core.fx import Rate, RateTable, bundled_rates, check_rate, read_ecb_file
from onboard.core.i18n import _
from onboard.core.markets import Market, market
from onboard.core.pricing import Override, Price, Rule, check_rule, compute, default_rule
from onboard.core.project import Project

_RULE_FIELDS = {f.name for f in fields(Rule)}
_DECIMAL_FIELDS = {f.name for f in fields(Rule) if "Decimal" in str(f.type)}


def load_rule(project: Project, code: str) -> Rule:
    """The market's rule as the seller set it, or the defaults for its currency."""
    row = project.db.execute("SELECT rule FROM price_rule WHERE market = ?", (code,)).fetchone()
    if row is None:
        return default_rule(market(code))
    stored = json.loads(row[0])
    values = {
        key: Decimal(value) if key in _DECIMAL_FIELDS and value is not None else value
        for key, value in stored.items()
        if key in _RULE_FIELDS
    }
    return Rule(**values)


def save_rule(project: Project, code: str, rule: Rule) -> Rule:
    check_rule(rule, market(code))
    stored = {key: str(value) if isinstance(value, Decimal) else value for key, value in asdict(rule).items()}
    with project.transaction():
        project.db.execute(
            "INSERT INTO price_rule (market, rule) VALUES (?, ?) "
            "ON CONFLICT (market) DO UPDATE SET rule = excluded.rule",
            (code, json.dumps(stored, sort_keys=True)),
        )
    return rule


def load_overrides(project: Project, code: str) -> dict[int, Override]:
    return {
        listing_id: Override(
            Decimal(percent) if percent is not None else None, Decimal(fixed) if fixed is not None else None
        )
        for listing_id, percent, fixed in project.db.execute(
            "SELECT listing_id, adjustment_percent, fixed_price FROM price_override WHERE market = ?", (code,)
        )
    }


def save_override(project: Project, listing_id: int, code: str, override: Override | None) -> None:
    """A product's own price in a market; None (or an empty override) goes back to the market's rule."""
    if override and override.fixed_price is not None and override.fixed_price <= 0:
        raise InvalidValue(_("The fixed price must be above zero."))
    if override and override.adjustment_percent is not None and override.adjustment_percent <= -100:
        raise InvalidValue(_("A price adjustment of −100 % or less leaves no price."))
    with project.transaction():
        project.db.execute("DELETE FROM price_override WHERE listing_id = ? AND market = ?", (listing_id, code))
        if override and (override.fixed_price is not None or override.adjustment_percent is not None):
            project.db.execute(
                "INSERT INTO price_override (listing_id, market, adjustment_percent, fixed_price) VALUES (?, ?, ?, ?)",
                (
                    listing_id,
                    code,
                    None if override.adjustment_percent is None else str(override.adjustment_percent),
                    None if override.fixed_price is None else str(override.fixed_price),
                ),
            )


def rate_table(project: Project) -> RateTable:
    """The bundled snapshot with the seller's entered or imported rates over it."""
    rates = dict(bundled_rates())
    for currency, per_eur, as_of, origin in project.db.execute("SELECT currency, per_eur, as_of, origin FROM fx_rate"):
        rates[currency] = Rate(currency, Decimal(per_eur), date.fromisoformat(as_of), origin)
    return RateTable(rates)


def set_rate(project: Project, currency: str, per_eur: Decimal, as_of: date | None = None) -> None:
    """A rate the seller typed (checked against the snapshot for a slipped decimal mark)."""
    check_rate(currency, per_eur)
    _write_rates(project, {currency: per_eur}, as_of or date.today(), "entered")


def reset_rate(project: Project, currency: str) -> None:
    with project.transaction():
        project.db.execute("DELETE FROM fx_rate WHERE currency = ?", (currency,))


def import_ecb(project: Project, data: bytes) -> tuple[date, int]:
    """Take every rate of an ECB reference-rates file; returns its date and how many rates it held."""
    day, rates = read_ecb_file(data)
    _write_rates(project, rates, day, "imported")
    return day, len(rates)


def _write_rates(project: Project, rates: dict[str, Decimal], as_of: date, origin: str) -> None:
    with project.transaction():
        project.db.executemany(
            "INSERT INTO fx_rate (currency, per_eur, as_of, origin) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (currency) DO UPDATE SET per_eur = excluded.per_eur, as_of = excluded.as_of, "
            "origin = excluded.origin",
            [(currency, str(rate), as_of.isoformat(), origin) for currency, rate in rates.items()],
        )


@dataclass(frozen=True)
class PricedListing:
    listing: Listing
    price: Price


def priced(listings: Iterable[Listing]) -> list[Listing]:
    """The listings that are sold as such: products and variants, not parents whose variants carry the price."""
    listings = list(listings)
    parents = {item.parent_sku for item in listings if item.parent_sku}
    return [item for item in listings if item.sku not in parents or item.price.strip()]


def price_catalogue(
    project: Project, codes: Iterable[str] | None = None, listings: list[Listing] | None = None
) -> dict[str, list[PricedListing]]:
    """Every sold listing's price in each market (the project's markets unless `codes` says otherwise)."""
    profile = project.profile()
    rates = rate_table(project)
    listings = priced(listings if listings is not None else load_listings(project))
    result: dict[str, list[PricedListing]] = {}
    for code in codes if codes is not None else profile.markets:
        target: Market = market(code)
        rule, overrides = load_rule(project, code), load_overrides(project, code)
        result[code] = [
            PricedListing(
                item,
                compute(
                    price=parse_decimal(item.price),
                    cost=parse_decimal(item.cost),
                    base_currency=profile.currency,
                    market=target,
                    rule=rule,
                    rates=rates,
                    override=overrides.get(item.id),
                ),
            )
            for item in listings
        ]
    return result
