"""Interface language: gettext catalogs compiled from `locales/*.po` in memory (no `.mo` kept in the tree)."""

from __future__ import annotations

import gettext
import io
import os
from functools import cache
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

LOCALES_DIR = Path(__file__).resolve().parents[2] / "locales"
DOMAIN = "onboard"
DATA_DOMAIN = "data"  # texts of the data files shown to sellers: compliance rules, payment-method notes
SOURCE_LANGUAGE = "en"

#: The 24 interface languages, in the order the language menu shows them.
UI_LANGUAGES: tuple[str, ...] = (
    "en", "zh_CN", "zh_TW", "ja", "ko", "vi", "th", "id", "ms", "fil", "hi", "bn",
    "ur", "ar", "tr", "ru", "es", "pt_BR", "fr", "de", "it", "pl", "nl", "sw",
)  # fmt: skip

# Names a speaker would pick from a menu, where CLDR's display name reads as a description.
_NATIVE_NAMES = {
    "zh_CN": "简体中文",
    "zh_TW": "繁體中文",
    "id": "Bahasa Indonesia",
    "ms": "Bahasa Melayu",
    "pt_BR": "Português (Brasil)",
}

_active: gettext.NullTranslations = gettext.NullTranslations()
_active_code = SOURCE_LANGUAGE


def native_name(code: str) -> str:
    """The language's own name for itself, as shown in the language menu."""
    if code in _NATIVE_NAMES:
        return _NATIVE_NAMES[code]
    name = Locale.parse(code).display_name or code
    return name[:1].upper() + name[1:]


def is_rtl(code: str) -> bool:
    """True for languages written right to left (Arabic, Urdu)."""
    return Locale.parse(code).text_direction == "rtl"


def babel_locale(code: str | None = None) -> Locale:
    """The Babel locale for an interface language (the active one by default)."""
    return Locale.parse(code or _active_code)


def catalog_path(code: str, domain: str = DOMAIN) -> Path:
    return LOCALES_DIR / code / "LC_MESSAGES" / f"{domain}.po"


@cache
def catalog(code: str, domain: str = DOMAIN) -> Catalog:
    """One `.po` catalog as Babel reads it (empty where the file is missing)."""
    path = catalog_path(code, domain)
    if not path.exists():
        return Catalog(locale=code, domain=domain)
    with path.open("rb") as po_file:
        return read_po(po_file, locale=code, domain=domain)


@cache
def translations(code: str, domain: str = DOMAIN) -> gettext.NullTranslations:
    """Compile one catalog in memory; messages it lacks fall back to the source text."""
    catalog_ = catalog(code, domain)
    if not len(catalog_):
        return gettext.NullTranslations()
    buffer = io.BytesIO()
    write_mo(buffer, catalog_, use_fuzzy=False)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


def set_language(code: str) -> None:
    """Make `code` (one of UI_LANGUAGES) the language of every message from now on."""
    global _active, _active_code
    if code not in UI_LANGUAGES:
        raise ValueError(f"unknown interface language: {code}")
    _active, _active_code = translations(code), code


def current_language() -> str:
    return _active_code


def language_from_environment(environ: os._Environ[str] | dict[str, str] = os.environ) -> str:
    """Pick the interface language from LANGUAGE / LC_ALL / LC_MESSAGES / LANG, as gettext does."""
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        for item in environ.get(variable, "").split(":"):
            match = match_language(item)
            if match:
                return match
    return SOURCE_LANGUAGE


def match_language(tag: str) -> str | None:
    """Map a POSIX or BCP-47 tag (`pt_BR.UTF-8`, `zh-Hant-TW`, `de`) to one of UI_LANGUAGES, or None."""
    tag = tag.split(".")[0].split("@")[0].replace("-", "_")
    if not tag or tag in ("C", "POSIX"):
        return None
    if tag in UI_LANGUAGES:
        return tag
    try:
        locale = Locale.parse(tag)
    except (ValueError, TypeError, UnknownLocaleError):
        return None
    if locale.language == "zh":
        traditional = locale.script == "Hant" or locale.territory in ("TW", "HK", "MO")
        return "zh_TW" if traditional else "zh_CN"
    if locale.language == "pt":
        return "pt_BR"
    if locale.language == "tl":
        return "fil"
    return locale.language if locale.language in UI_LANGUAGES else None


def _(message: str) -> str:
    """Translate a message into the interface language."""
    return _active.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """Translate a message with a count, choosing the plural form of the interface language."""
    return _active.ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """Translate a message whose English text is ambiguous without its context."""
    return _active.pgettext(context, message)


def data_text(message: str) -> str:
    """Translate a text that comes from a data file (`data` catalogs, extracted from the TOML files)."""
    return translations(_active_code, DATA_DOMAIN).gettext(message) if message else message


def N_(message: str) -> str:
    """Mark a message for translation where it is defined; translate it with `_()` where it is shown."""
    return message
