"""The market catalogue (`data/markets.toml`): currency, locales, languages, tax and import rules per market.

Every block carries where it comes from (source URL, as-of date, confidence); code reads it, never
spells it out.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, fields, is_dataclass
from datetime import date
from decimal import Decimal
from functools import cache
from importlib.resources import files
from typing import Any

from babel import Locale
from babel.numbers import format_currency, parse_pattern

from onboard.core.i18n import N_, _, babel_locale

CONFIDENCE_LEVELS = ("confirmed", "secondary", "known", "unconfirmed")

REGIONS: dict[str, str] = {
    "americas": N_("Americas"),
    "europe": N_("Europe"),
    "middle_east": N_("Middle East"),
    "asia_pacific": N_("Asia-Pacific"),
}

CONFIDENCE_LABELS: dict[str, str] = {
    "confirmed": N_("confirmed"),
    "secondary": N_("secondary source"),
    "known": N_("well known, not re-checked"),
    "unconfirmed": N_("unconfirmed"),
}


@dataclass(frozen=True)
class Source:
    """Where a fact comes from and how sure we are of it."""

    url: str
    as_of: date
    confidence: str
    also: tuple[str, ...] = ()


@dataclass(frozen=True)
class Currency:
    code: str
    decimals: int
    cash_rounding: Decimal | None
    source: Source


@dataclass(frozen=True)
class Language:
    code: str  # the interface-style code (de, pt_BR, zh_TW)
    argos: str  # the Argos Translate code (de, pb, zt)


@dataclass(frozen=True)
class Vat:
    name: str
    rate: Decimal | None  # None where there is no single national rate (US, BR)
    note: str
    source: Source


@dataclass(frozen=True)
class UpcomingChange:
    date: date
    summary: str
    source: Source


@dataclass(frozen=True)
class ImportRegime:
    kind: str
    threshold: Decimal | None
    threshold_currency: str
    effective: date | None
    summary: str
    upcoming: tuple[UpcomingChange, ...]
    source: Source


@dataclass(frozen=True)
class Market:
    code: str
    region: str
    currency: Currency
    locales: tuple[str, ...]
    locales_source: Source
    languages: tuple[Language, ...]
    languages_source: Source
    vat: Vat
    tax_inclusive: bool
    price_display_source: Source
    import_regime: ImportRegime
    marketplaces: tuple[str, ...]
    marketplaces_source: Source

    def name(self, locale: Locale | None = None) -> str:
        """The country's name in the interface language (CLDR)."""
        locale = locale or babel_locale()
        return locale.territories.get(self.code) or Locale.parse("en").territories[self.code]

    def sources(self) -> tuple[Source, ...]:
        """Every source behind this market's facts."""
        return (
            self.currency.source, self.locales_source, self.languages_source, self.vat.source,
            self.price_display_source, self.import_regime.source, self.marketplaces_source,
            *(change.source for change in self.import_regime.upcoming),
        )  # fmt: skip


class MarketDataError(ValueError):
    """markets.toml breaks its schema (a packaging or editing mistake, caught by the tests)."""


def read_source(block: dict[str, Any], where: str) -> Source:
    """A data block's source, as-of date and confidence; a block without them is refused."""
    try:
        url, as_of, confidence = block["source"], block.get("as_of", block.get("date")), block["confidence"]
    except KeyError as missing:
        raise MarketDataError(f"{where}: missing {missing}") from None
    if not str(url).startswith(("http://", "https://")):
        raise MarketDataError(f"{where}: source is not a URL: {url!r}")
    if confidence not in CONFIDENCE_LEVELS:
        raise MarketDataError(f"{where}: confidence must be one of {CONFIDENCE_LEVELS}, not {confidence!r}")
    return Source(url, read_date(as_of, where), confidence, tuple(block.get("also", ())))


def read_date(value: Any, where: str) -> date:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise MarketDataError(f"{where}: not an ISO date: {value!r}") from None


def _optional_decimal(block: dict[str, Any], key: str) -> Decimal | None:
    return Decimal(str(block[key])) if key in block else None


def _market(code: str, raw: dict[str, Any]) -> Market:
    where = f"markets.{code}"
    try:
        currency, vat, regime = raw["currency"], raw["vat"], raw["import_regime"]
        if raw["region"] not in REGIONS:
            raise MarketDataError(f"{where}: unknown region {raw['region']!r}")
        return Market(
            code=code,
            region=raw["region"],
            currency=Currency(
                currency["code"],
                int(currency["decimals"]),
                _optional_decimal(currency, "cash_rounding"),
                read_source(currency, f"{where}.currency"),
            ),
            locales=tuple(raw["locales"]["value"]),
            locales_source=read_source(raw["locales"], f"{where}.locales"),
            languages=tuple(Language(item["code"], item["argos"]) for item in raw["languages"]["value"]),
            languages_source=read_source(raw["languages"], f"{where}.languages"),
            vat=Vat(vat["name"], _optional_decimal(vat, "rate"), vat.get("note", ""), read_source(vat, f"{where}.vat")),
            tax_inclusive=bool(raw["price_display"]["tax_inclusive"]),
            price_display_source=read_source(raw["price_display"], f"{where}.price_display"),
            import_regime=ImportRegime(
                kind=regime["kind"],
                threshold=_optional_decimal(regime, "threshold"),
                threshold_currency=regime.get("threshold_currency", ""),
                effective=read_date(regime["effective"], where) if "effective" in regime else None,
                summary=regime["summary"],
                upcoming=tuple(
                    UpcomingChange(
                        read_date(item["date"], where),
                        item["summary"],
                        read_source(item, f"{where}.import_regime.upcoming"),
                    )
                    for item in regime.get("upcoming", ())
                ),
                source=read_source(regime, f"{where}.import_regime"),
            ),
            marketplaces=tuple(raw["marketplaces"]["value"]),
            marketplaces_source=read_source(raw["marketplaces"], f"{where}.marketplaces"),
        )
    except KeyError as missing:
        raise MarketDataError(f"{where}: missing {missing}") from None


@cache
def load_markets() -> dict[str, Market]:
    """All markets by ISO country code, in catalogue order."""
    raw = tomllib.loads(files("onboard.data").joinpath("markets.toml").read_text(encoding="utf-8"))
    return {code: _market(code, block) for code, block in raw["markets"].items()}


def market_codes() -> set[str]:
    return set(load_markets())


def market(code: str) -> Market:
    return load_markets()[code]


def format_money(amount: Decimal, currency: str, locale: Locale | None = None) -> str:
    """An amount as a shopper reads it in `locale`; whole amounts without decimals (€150, not €150.00)."""
    locale = locale or babel_locale()
    if amount != amount.to_integral_value():
        return format_currency(amount, currency, locale=locale)
    pattern = parse_pattern(locale.currency_formats["standard"].pattern)
    pattern.frac_prec = (0, 0)
    return pattern.apply(amount, locale, currency=currency, currency_digits=False)


def describe_import_regime(regime: ImportRegime, locale: Locale | None = None) -> str:
    """One translated line about the low-value import rules, with the threshold in local money."""
    amount = format_money(regime.threshold, regime.threshold_currency, locale) if regime.threshold else ""
    if regime.kind == "duty_free_threshold":
        return _("Duty-free below {amount}").format(amount=amount) if amount else _("Duty-free small parcels")
    if regime.kind == "tax_at_checkout":
        if amount:
            return _("Tax collected at checkout up to {amount}").format(amount=amount)
        return _("Tax collected at checkout")
    if regime.kind == "flat_rate":
        return (
            _("Flat import tax on parcels up to {amount}").format(amount=amount)
            if amount
            else _("Flat import tax on parcels")
        )
    if regime.kind == "no_threshold":
        return _("No duty-free threshold: every parcel is taxed")
    return _("Rules are changing; the current status is unconfirmed")


def to_plain(value: Any) -> Any:
    """Dataclasses, Decimals and dates as JSON-ready values (the `--json` shape)."""
    if is_dataclass(value):
        return {field.name: to_plain(getattr(value, field.name)) for field in fields(value)}
    if isinstance(value, tuple | list):
        return [to_plain(item) for item in value]
    if isinstance(value, Decimal | date):
        return str(value) if isinstance(value, Decimal) else value.isoformat()
    return value
