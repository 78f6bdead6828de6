"""The seller profile: who sells, from where, what, and in which situation."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from babel import Locale
from babel.core import get_global
from babel.numbers import get_currency_name, get_territory_currencies, list_currencies

from onboard.core.errors import InvalidValue
from onboard.core.i18n import N_, _
from onboard.core.markets import market_codes

#: Product categories, as the compliance rules name them. Code -> English label (translated where shown).
CATEGORIES: dict[str, str] = {
    "electronics": N_("Electronics"),
    "radio": N_("Radio equipment"),
    "batteries": N_("Batteries"),
    "toys": N_("Toys"),
    "cosmetics": N_("Cosmetics"),
    "food": N_("Food & supplements"),
    "textiles": N_("Textiles & apparel"),
    "furniture": N_("Furniture"),
    "children": N_("Children's products"),
    "chemicals": N_("Chemicals"),
    "food-contact": N_("Kitchenware / food contact"),
    "other": N_("Other"),
}

#: Seller situations that decide which duties apply.
SITUATIONS: dict[str, str] = {
    "b2c": N_("Sells to consumers"),
    "ships-from-abroad": N_("Ships from abroad"),
    "marketplace": N_("Uses marketplaces"),
    "local-stock": N_("Holds stock in the destination country"),
    "personal-data": N_("Keeps customers' personal data"),
}

LEGAL_FORMS: dict[str, str] = {
    "sole-trader": N_("Sole trader"),
    "partnership": N_("Partnership"),
    "limited-company": N_("Limited company"),
    "corporation": N_("Corporation"),
    "cooperative": N_("Cooperative"),
    "other": N_("Other legal form"),
}

#: Languages a seller can write source listings in (Argos Translate covers each of them).
SOURCE_LANGUAGES: tuple[str, ...] = (
    "en", "zh", "zt", "ja", "ko", "vi", "th", "id", "ms", "tl", "hi", "bn", "ur", "ar",
    "tr", "ru", "es", "pt", "fr", "de", "it", "pl", "nl", "sv", "uk",
)  # fmt: skip

_EMAIL = re.compile(r"^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$")


@dataclass(frozen=True)
class SellerProfile:
    """What the store-setup pages collect; markets are ISO country codes from the market catalogue."""

    name: str
    origin: str
    currency: str
    source_language: str = "en"
    legal_form: str = ""
    email: str = ""
    categories: tuple[str, ...] = ()
    situations: tuple[str, ...] = ()
    markets: tuple[str, ...] = field(default=())


def argos_language_name(code: str, locale: Locale) -> str:
    """The name of a listing language (Argos code: zt, pb, tl, ...) in the interface locale."""
    babel_code = {"zt": "zh_Hant", "zh": "zh_Hans", "tl": "fil", "pb": "pt_BR"}.get(code, code)
    return Locale.parse(babel_code).get_display_name(locale) or code


def is_valid_email(email: str) -> bool:
    return bool(_EMAIL.match(email.strip()))


def check_profile(profile: SellerProfile) -> None:
    """Raise InvalidValue with a message the seller understands for the first bad value."""
    if not profile.name.strip():
        raise InvalidValue(_("The business name is empty."))
    check_country(profile.origin)
    check_currency(profile.currency)
    if profile.source_language not in SOURCE_LANGUAGES:
        raise InvalidValue(
            _("Unknown listing language “{code}”. Use one of: {codes}.").format(
                code=profile.source_language, codes=", ".join(SOURCE_LANGUAGES)
            )
        )
    if profile.legal_form and profile.legal_form not in LEGAL_FORMS:
        raise InvalidValue(
            _("Unknown legal form “{code}”. Use one of: {codes}.").format(
                code=profile.legal_form, codes=", ".join(LEGAL_FORMS)
            )
        )
    if profile.email and not is_valid_email(profile.email):
        raise InvalidValue(_("“{email}” is not a valid e-mail address.").format(email=profile.email))
    _check_codes(profile.categories, CATEGORIES, _("Unknown product category “{code}”. Use one of: {codes}."))
    _check_codes(profile.situations, SITUATIONS, _("Unknown seller situation “{code}”. Use one of: {codes}."))
    _check_codes(profile.markets, market_codes(), _("Unknown market “{code}”. Use one of: {codes}."))


def check_country(code: str) -> None:
    if not _is_country(code) or code not in Locale.parse("en").territories:
        raise InvalidValue(_("Unknown country code “{code}”. Use a two-letter code such as CN.").format(code=code))


def check_currency(code: str) -> None:
    if code not in _current_currencies():
        raise InvalidValue(_("Unknown currency “{code}”. Use a three-letter ISO code such as CNY.").format(code=code))


def _check_codes(codes: tuple[str, ...], known, template: str) -> None:
    for code in codes:
        if code not in known:
            raise InvalidValue(template.format(code=code, codes=", ".join(sorted(known))))


_NOT_COUNTRIES = {"EU", "EZ", "UN", "QO", "ZZ", "XA", "XB"}


def countries(locale: Locale) -> list[tuple[str, str]]:
    """(code, name) of every country, named and sorted in the interface language."""
    names, english = locale.territories, Locale.parse("en").territories
    today = date.today()
    codes = [code for code in english if _is_country(code) and _territory_currencies(code, today)]
    named = ((code, names.get(code) or english[code]) for code in codes)
    return sorted(named, key=lambda item: item[1].casefold())


def currencies(locale: Locale) -> list[tuple[str, str]]:
    """(code, name) of every currency in use today, sorted by code."""
    return [(code, get_currency_name(code, locale=locale)) for code in sorted(_current_currencies())]


def default_profile(name: str, ui_language: str) -> SellerProfile:
    """A starting profile a new project is created with: country and currency guessed from the language."""
    likely = get_global("likely_subtags").get(ui_language.split("_")[0], "")
    origin = ui_language.split("_")[1] if "_" in ui_language else likely.split("_")[-1]
    if not _is_country(origin):
        origin = "CN"
    currency = next(iter(get_territory_currencies(origin, date.today())), "USD")
    language = {"zh_CN": "zh", "zh_TW": "zt", "pt_BR": "pt", "fil": "tl"}.get(ui_language, ui_language)
    return SellerProfile(
        name=name,
        origin=origin,
        currency=currency,
        source_language=language if language in SOURCE_LANGUAGES else "en",
    )


def _is_country(code: str) -> bool:
    return len(code) == 2 and code.isalpha() and code.isupper() and code not in _NOT_COUNTRIES


@cache
def _current_currencies() -> frozenset[str]:
    today = date.today()
    codes = {code for territory in Locale.parse("en").territories for code in _territory_currencies(territory, today)}
    return frozenset(codes & set(list_currencies()))


def _territory_currencies(territory: str, today: date) -> list[str]:
    try:
        return get_territory_currencies(territory, today)
    except KeyError:
        return []
