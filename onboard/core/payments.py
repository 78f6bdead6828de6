"""Payment methods per market (`data/payments.toml`): what shoppers use, a recommended set, and the seller's
choice kept in the project, with warnings where a market's dominant method is missing."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cache
from importlib.resources import files

from onboard.core.errors import InvalidValue
from onboard.core.i18n import N_, _, data_text
from onboard.core.markets import MarketDataError, Source, market, read_date, read_source
from onboard.core.project import Project

KINDS: dict[str, str] = {
    "card": N_("Card"),
    "wallet": N_("Wallet"),
    "bank_transfer": N_("Bank transfer"),
    "direct_debit": N_("Direct debit"),
    "invoice": N_("Invoice"),
    "bnpl": N_("Buy now, pay later"),
    "instalments": N_("Instalments"),
    "cash_voucher": N_("Cash voucher"),
    "cash_on_delivery": N_("Cash on delivery"),
    "carrier_billing": N_("Phone bill"),
}
IMPORTANCE: dict[str, str] = {
    "dominant": N_("dominant"),
    "major": N_("major"),
    "common": N_("common"),
    "minor": N_("minor"),
}
COVERAGE_GOAL = Decimal(80)


@dataclass(frozen=True)
class Method:
    id: str
    name: str
    generic: bool
    kind: str
    share: Decimal | None
    importance: str
    providers: tuple[str, ...]
    note: str
    retired: date | None
    source: Source

    def label(self) -> str:
        """The method's name as providers list it; a generic description in the interface language."""
        return data_text(self.name) if self.generic else self.name


@cache
def load_payments() -> dict[str, tuple[Method, ...]]:
    raw = tomllib.loads(files("onboard.data").joinpath("payments.toml").read_text(encoding="utf-8"))
    result = {}
    for code, block in raw["markets"].items():
        methods = []
        for item in block["methods"]:
            where = f"payments.{code}.{item.get('id', '?')}"
            try:
                method = Method(
                    id=item["id"],
                    name=item["name"],
                    generic=bool(item.get("generic", False)),
                    kind=item["kind"],
                    share=Decimal(str(item["share"])) if "share" in item else None,
                    importance=item["importance"],
                    providers=tuple(item.get("providers", ())),
                    note=item.get("note", ""),
                    retired=read_date(item["retired"], where) if "retired" in item else None,
                    source=read_source(item, where),
                )
            except KeyError as missing:
                raise MarketDataError(f"{where}: missing {missing}") from None
            if method.kind not in KINDS or method.importance not in IMPORTANCE:
                raise MarketDataError(f"{where}: unknown kind or importance")
            methods.append(method)
        result[code] = tuple(methods)
    return result


def methods(code: str) -> tuple[Method, ...]:
    return load_payments().get(code, ())


def recommended(available: tuple[Method, ...]) -> set[str]:
    """The dominant and major methods, plus the largest sourced shares until they cover 80 % of what is sourced."""
    live = [method for method in available if method.retired is None]
    chosen = {method.id for method in live if method.importance in ("dominant", "major")}
    shared = sorted((method for method in live if method.share), key=lambda method: method.share, reverse=True)
    total = sum((method.share for method in shared), Decimal(0))
    covered = sum((method.share for method in shared if method.id in chosen), Decimal(0))
    for method in shared:
        if covered >= total * COVERAGE_GOAL / 100:
            break
        if method.id not in chosen:
            chosen.add(method.id)
            covered += method.share
    return chosen


def coverage(available: tuple[Method, ...], chosen: set[str]) -> tuple[Decimal, Decimal] | None:
    """(share covered by the chosen methods, share sourced in all) in percent; None where nothing is sourced."""
    shared = [method for method in available if method.share and method.retired is None]
    if not shared:
        return None
    total = sum((method.share for method in shared), Decimal(0))
    return sum((method.share for method in shared if method.id in chosen), Decimal(0)), total


def choices(project: Project, code: str) -> set[str]:
    """The seller's methods for a market: the recommended set until they change it."""
    rows = project.db.execute("SELECT method, chosen FROM payment_choice WHERE market = ?", (code,)).fetchall()
    chosen = recommended(methods(code))
    for method, is_chosen in rows:
        (chosen.add if is_chosen else chosen.discard)(method)
    return chosen


def set_choice(project: Project, code: str, method_id: str, chosen: bool) -> None:
    if method_id not in {method.id for method in methods(code)}:
        raise InvalidValue(_("Unknown payment method: {method}").format(method=method_id))
    with project.transaction():
        project.db.execute(
            "INSERT INTO payment_choice (market, method, chosen) VALUES (?, ?, ?) "
            "ON CONFLICT (market, method) DO UPDATE SET chosen = excluded.chosen",
            (code, method_id, int(chosen)),
        )


def warnings(code: str, chosen: set[str]) -> list[str]:
    """What a seller should hear about their choice for a market, in the interface language."""
    country = market(code).name()
    found = []
    for method in methods(code):
        if method.importance == "dominant" and method.retired is None and method.id not in chosen:
            found.append(
                _("Shoppers in {country} rely on {method}; without it many will not buy.").format(
                    country=country, method=method.label()
                )
            )
        if method.retired is not None and method.id in chosen:
            found.append(
                _("{method} was discontinued on {date}; choose another method.").format(
                    method=method.label(), date=method.retired.isoformat()
                )
            )
    return found
