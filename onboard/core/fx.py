"""Exchange rates: the bundled ECB snapshot, the seller's own rates, and reading an ECB reference-rates file.

Rates are quoted as the ECB quotes them: units of a currency per one euro. Nothing here touches the network;
a current file is one the seller downloaded and hands us.
"""

from __future__ import annotations

import csv
import io
import tomllib
import zipfile
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from functools import cache
from importlib.resources import files
from xml.etree import ElementTree

from babel.dates import format_date

from onboard.core.errors import InvalidValue
from onboard.core.i18n import _, babel_locale, ngettext
from onboard.core.markets import Source, read_date, read_source

STALE_AFTER_DAYS = 30
#: A rate more than this factor away from the bundled one is taken for a typing mistake (a decimal mark, a 0).
PLAUSIBLE_FACTOR = Decimal(50)
_MAX_FILE_BYTES = 5_000_000


@dataclass(frozen=True)
class Rate:
    """One currency's rate: units per euro, and where it comes from."""

    currency: str
    per_eur: Decimal
    as_of: date
    origin: str  # "bundled" | "entered" | "imported"
    source: Source | None = None


@dataclass(frozen=True)
class RateTable:
    """The rates in use: the seller's own over the bundled snapshot."""

    rates: dict[str, Rate]

    def rate(self, base: str, quote: str) -> Decimal:
        """Units of `quote` for one unit of `base`; InvalidValue when either has no rate."""
        if base == quote:
            return Decimal(1)
        return self.per_eur(quote) / self.per_eur(base)

    def per_eur(self, currency: str) -> Decimal:
        if currency == "EUR":
            return Decimal(1)
        found = self.rates.get(currency)
        if found is None:
            raise InvalidValue(
                _(
                    "There is no exchange rate for {currency}. Enter one, or import the ECB reference rates file."
                ).format(currency=currency)
            )
        return found.per_eur

    def oldest(self, currencies: set[str]) -> Rate | None:
        """The oldest rate among `currencies` (for the stale-rate warning)."""
        known = [self.rates[code] for code in currencies if code in self.rates]
        return min(known, key=lambda rate: rate.as_of) if known else None


def is_stale(rate: Rate, today: date | None = None) -> bool:
    return ((today or date.today()) - rate.as_of).days > STALE_AFTER_DAYS


def stale_warning(table: RateTable, currencies: set[str], today: date | None = None) -> str:
    """The warning to show when a rate among `currencies` is older than 30 days; empty when all are fresh."""
    today = today or date.today()
    oldest = table.oldest(currencies - {"EUR"})
    if oldest is None or not is_stale(oldest, today):
        return ""
    days = (today - oldest.as_of).days
    return ngettext(
        "The exchange rates are from {date}, {days} day ago. Import a current ECB file.",
        "The exchange rates are from {date}, {days} days ago. Import a current ECB file.",
        days,
    ).format(date=format_date(oldest.as_of, "medium", locale=babel_locale()), days=days)


@cache
def bundled_rates() -> dict[str, Rate]:
    """The snapshot in data/fx.toml, AED and SAR derived from their US-dollar pegs."""
    raw = tomllib.loads(files("onboard.data").joinpath("fx.toml").read_text(encoding="utf-8"))
    snapshot = raw["snapshot"]
    source = read_source(snapshot, "fx.snapshot")
    rates = {
        code: Rate(code, Decimal(value), source.as_of, "bundled", source) for code, value in snapshot["rates"].items()
    }
    usd = rates["USD"].per_eur
    for code, peg in raw.get("pegs", {}).items():
        peg_source = read_source(peg, f"fx.pegs.{code}")
        rates[code] = Rate(code, usd * Decimal(peg["per_usd"]), read_date(peg["as_of"], code), "bundled", peg_source)
    return rates


def check_rate(currency: str, per_eur: Decimal) -> Decimal:
    """A rate the seller typed: positive, and not wildly off the bundled one (a slipped decimal mark)."""
    if not per_eur.is_finite() or per_eur <= 0:
        raise InvalidValue(_("An exchange rate must be a number above zero."))
    bundled = bundled_rates().get(currency)
    if bundled and not (bundled.per_eur / PLAUSIBLE_FACTOR <= per_eur <= bundled.per_eur * PLAUSIBLE_FACTOR):
        raise InvalidValue(
            _(
                "1 EUR = {rate} {currency} is far from the last known rate ({known}). Check the decimal mark and zeros."
            ).format(rate=per_eur, currency=currency, known=bundled.per_eur)
        )
    return per_eur


def read_ecb_file(data: bytes) -> tuple[date, dict[str, Decimal]]:
    """The newest day of an ECB reference-rates file: eurofxref(-daily/-hist).xml, .csv, or the .zip of either."""
    if len(data) > _MAX_FILE_BYTES:
        raise InvalidValue(_("This file is too large to be an ECB reference-rates file."))
    if data[:4] == b"PK\x03\x04":
        data = _unzip_single(data)
    text = data.decode("utf-8-sig", errors="replace").lstrip()
    day, rates = _read_xml(text) if text.startswith("<") else _read_csv(text)
    if not rates:
        raise InvalidValue(_("No exchange rates were found in this file. Use the ECB's euro reference rates file."))
    return day, rates


def _unzip_single(data: bytes) -> bytes:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = [info for info in archive.infolist() if not info.is_dir()]
            if len(members) != 1 or members[0].file_size > _MAX_FILE_BYTES:
                raise InvalidValue(_("This zip file does not hold a single ECB reference-rates file."))
            return archive.read(members[0])
    except zipfile.BadZipFile:
        raise InvalidValue(_("This zip file is damaged.")) from None


def _read_xml(text: str) -> tuple[date, dict[str, Decimal]]:
    if "<!DOCTYPE" in text.upper() or "<!ENTITY" in text.upper():
        raise InvalidValue(_("This XML file is not an ECB reference-rates file."))
    try:
        root = ElementTree.fromstring(text)
    except ElementTree.ParseError:
        raise InvalidValue(_("This XML file is damaged.")) from None
    days = [element for element in root.iter() if element.tag.endswith("Cube") and element.get("time")]
    if not days:
        raise InvalidValue(_("This XML file is not an ECB reference-rates file."))
    newest = max(days, key=lambda element: element.get("time", ""))
    pairs = [(cube.get("currency", ""), cube.get("rate", "")) for cube in newest]
    return _day(newest.get("time", "")), _rates(pairs)


def _read_csv(text: str) -> tuple[date, dict[str, Decimal]]:
    rows = [row for row in csv.reader(io.StringIO(text)) if any(cell.strip() for cell in row)]
    if len(rows) < 2 or rows[0][0].strip().lower() != "date":
        raise InvalidValue(_("This file is not an ECB reference-rates file (its first column must be Date)."))
    header = [cell.strip() for cell in rows[0]]
    newest = max(rows[1:], key=lambda row: _day(row[0]))
    return _day(newest[0]), _rates(zip(header[1:], (cell.strip() for cell in newest[1:]), strict=False))


def _day(text: str) -> date:
    text = text.strip()
    for parse in (date.fromisoformat, _ecb_csv_date):
        try:
            return parse(text)
        except ValueError:
            continue
    raise InvalidValue(_("The file has a date that cannot be read: {text}").format(text=text))


def _ecb_csv_date(text: str) -> date:
    return datetime.strptime(text, "%d %B %Y").date()  # "13 March 2026"


def _rates(pairs) -> dict[str, Decimal]:
    rates: dict[str, Decimal] = {}
    for currency, value in pairs:
        currency = currency.strip().upper()
        if len(currency) != 3 or not currency.isalpha() or currency in rates:
            continue
        try:
            rate = Decimal(value.replace(",", "."))
        except InvalidOperation:
            continue  # "N/A" for a currency the ECB stopped quoting
        if rate.is_finite() and rate > 0:
            rates[currency] = rate
    return rates
