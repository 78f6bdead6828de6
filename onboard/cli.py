"""The command line. `onboard` with no sub-command (or with only a project file) opens the window."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from onboard import __version__
from onboard.core import i18n
from onboard.core.errors import OnboardError
from onboard.core.i18n import _

COMMANDS = ("markets", "init")


def _codes(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(",") if part.strip())


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="onboard",
        description=_("Onboard: take a product catalogue to marketplace-ready listings in many countries."),
    )
    parser.add_argument("--version", action="version", version=f"onboard {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    markets = commands.add_parser("markets", help=_("list the market catalogue with its sources"))
    markets.add_argument("--json", action="store_true", help=_("print JSON instead of a table"))

    init = commands.add_parser("init", help=_("create a new project file"))
    init.add_argument("project", metavar="PROJECT", help=_("the new project file, e.g. shop.onboard"))
    init.add_argument("--name", required=True, help=_("business name"))
    init.add_argument("--origin", required=True, metavar="CC", help=_("country of origin, e.g. CN"))
    init.add_argument("--currency", required=True, metavar="CUR", help=_("base currency, e.g. CNY"))
    init.add_argument("--language", default="en", metavar="L", help=_("language of your listings, e.g. zh"))
    init.add_argument(
        "--markets", required=True, type=_codes, metavar="M1,M2", help=_("target markets, e.g. US,DE,JP,BR")
    )
    init.add_argument("--categories", type=_codes, default=(), metavar="C1,C2", help=_categories_help())
    init.add_argument("--situations", type=_codes, default=(), metavar="S1,S2", help=_situations_help())
    init.add_argument("--legal-form", default="", metavar="FORM", help=_legal_forms_help())
    init.add_argument("--email", default="", help=_("contact e-mail"))
    return parser


def _categories_help() -> str:
    from onboard.core.seller import CATEGORIES

    return _("product categories: {codes}").format(codes=", ".join(CATEGORIES))


def _situations_help() -> str:
    from onboard.core.seller import SITUATIONS

    return _("seller situations: {codes}").format(codes=", ".join(SITUATIONS))


def _legal_forms_help() -> str:
    from onboard.core.seller import LEGAL_FORMS

    return _("legal form: {codes}").format(codes=", ".join(LEGAL_FORMS))


def run_markets(args: argparse.Namespace) -> int:
    from babel import Locale

    from onboard.core.markets import describe_import_regime, load_markets, to_plain

    markets = load_markets()
    if args.json:
        english = Locale.parse("en")
        shape = [{"name": market.name(english), **to_plain(market)} for market in markets.values()]
        json.dump({"markets": shape}, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    for market in markets.values():
        rate = f"{market.vat.name} {market.vat.rate}%" if market.vat.rate is not None else market.vat.name
        languages = ",".join(language.code for language in market.languages)
        print(
            f"{market.code}  {market.name():<24} {market.currency.code}  {rate:<18} {languages:<12} "
            f"{describe_import_regime(market.import_regime)}"
        )
    return 0


def run_init(args: argparse.Namespace) -> int:
    from onboard.core.project import Project
    from onboard.core.seller import SellerProfile

    profile = SellerProfile(
        name=args.name,
        origin=args.origin.upper(),
        currency=args.currency.upper(),
        source_language=args.language,
        legal_form=args.legal_form,
        email=args.email,
        categories=args.categories,
        situations=args.situations,
        markets=tuple(code.upper() for code in args.markets),
    )
    Project.create(args.project, profile).close()
    print(_("Created {path}").format(path=args.project))
    return 0


def open_window(project: str | None) -> int:
    from onboard.ui.app import run

    return run(project)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    i18n.set_language(i18n.language_from_environment())
    if not argv or (len(argv) == 1 and not argv[0].startswith("-") and argv[0] not in COMMANDS):
        return open_window(argv[0] if argv else None)
    args = build_parser().parse_args(argv)
    if args.command is None:
        return open_window(None)
    try:
        return {"markets": run_markets, "init": run_init}[args.command](args)
    except OnboardError as error:
        print(f"onboard: {error}", file=sys.stderr)
        return 1
