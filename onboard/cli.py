"""The command line. `onboard` with no sub-command (or with only a project file) opens the window."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

from onboard import __version__
from onboard.core import i18n
from onboard.core.errors import OnboardError
from onboard.core.i18n import _, ngettext

COMMANDS = ("markets", "init", "import", "listings", "packs", "translate", "price", "payments", "checklist")


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

    importing = commands.add_parser("import", help=_("import a product spreadsheet (CSV or XLSX) into a project"))
    importing.add_argument("project", metavar="PROJECT", help=_("the project file"))
    importing.add_argument("file", metavar="FILE", help=_("the spreadsheet: .csv, .tsv, .txt or .xlsx"))
    importing.add_argument("--sheet", metavar="S", help=_("the sheet to read in a workbook (default: the likeliest)"))
    importing.add_argument("--mapping", metavar="MAP.toml", help=_("a saved column mapping to use"))
    importing.add_argument("--encoding", metavar="E", help=_("the text file's encoding, e.g. GBK (default: detected)"))

    listings = commands.add_parser("listings", help=_("show the catalogue with each row's problems"))
    listings.add_argument("project", metavar="PROJECT", help=_("the project file"))
    listings.add_argument("--lang", metavar="L", help=_("show the listings in language L (once translated)"))
    listings.add_argument("--json", action="store_true", help=_("print JSON instead of a table"))

    packs = commands.add_parser("packs", help=_("manage the offline language packs"))
    pack_commands = packs.add_subparsers(dest="packs_command", metavar="ACTION", required=True)
    pack_list = pack_commands.add_parser("list", help=_("installed packs, and which market languages they cover"))
    pack_list.add_argument("--from", dest="source", default="en", metavar="L", help=_("the language you write in"))
    pack_install = pack_commands.add_parser("install", help=_("install .argosmodel files or a folder of them"))
    pack_install.add_argument("paths", nargs="+", metavar="FILE_OR_DIR")
    pack_remove = pack_commands.add_parser("remove", help=_("remove the pack for one language pair"))
    pack_remove.add_argument("source", metavar="FROM")
    pack_remove.add_argument("target", metavar="TO")
    pack_commands.add_parser("index", help=_("list the packs offered online (uses the internet)"))

    translate = commands.add_parser("translate", help=_("translate the listings offline"))
    translate.add_argument("project", metavar="PROJECT", help=_("the project file"))
    translate.add_argument("--to", type=_codes, metavar="L1,L2", help=_("target languages, e.g. de,ja,pt-BR"))
    translate.add_argument("--markets", type=_codes, metavar="M1,M2", help=_("the languages of these markets"))
    price = commands.add_parser("price", help=_("show each listing's local price and margin per market"))
    price.add_argument("project", metavar="PROJECT", help=_("the project file"))
    price.add_argument("--market", type=_codes, metavar="M1,M2", help=_("only these markets (default: the project's)"))
    price.add_argument("--json", action="store_true", help=_("print JSON instead of a table"))
    price.add_argument(
        "--rates", metavar="ECB_FILE", help=_("first import this ECB reference-rates file (.xml, .csv or .zip)")
    )
    pay = commands.add_parser("payments", help=_("show the payment methods per market and your choice"))
    pay.add_argument("project", metavar="PROJECT", help=_("the project file"))
    pay.add_argument("--market", type=_codes, metavar="M1,M2", help=_("only these markets (default: the project's)"))
    pay.add_argument("--json", action="store_true", help=_("print JSON instead of a table"))

    check = commands.add_parser("checklist", help=_("show a market's compliance checklist"))
    check.add_argument("project", metavar="PROJECT", help=_("the project file"))
    check.add_argument("--market", required=True, metavar="M", help=_("the market, e.g. DE"))
    check.add_argument("--json", action="store_true", help=_("print JSON instead of a table"))
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


def _progress_printer() -> object:
    """Progress on stderr: a line redrawn in place on a terminal, a few plain lines otherwise."""
    from onboard.core.jobs import Progress

    last = [-1]

    def report(fraction: float, message: str) -> None:
        percent = int(fraction * 100)
        if sys.stderr.isatty():
            sys.stderr.write(f"\r{message} {percent:3d}%")
            if percent == 100 and last[0] < 100:
                sys.stderr.write("\n")
        elif percent // 25 > last[0] // 25:
            sys.stderr.write(f"{message} {percent}%\n")
        last[0] = max(last[0], percent)
        sys.stderr.flush()

    return Progress(report, interval=0.2)


def run_import(args: argparse.Namespace) -> int:
    from onboard.core.columns import load_mapping
    from onboard.core.i18n import ngettext
    from onboard.core.importing import run_import as import_file
    from onboard.core.project import Project

    mapping = load_mapping(args.mapping) if args.mapping else None
    with Project.open(args.project) as project:
        result = import_file(project, args.file, encoding=args.encoding, sheet=args.sheet, mapping=mapping,
                             progress=_progress_printer())  # fmt: skip
    source = result.platform or (result.sheet and _("sheet “{sheet}”").format(sheet=result.sheet)) or result.encoding
    print(
        ngettext(
            "Imported {count} row from {file} ({source}): {added} new, {updated} updated.",
            "Imported {count} rows from {file} ({source}): {added} new, {updated} updated.",
            result.imported,
        ).format(
            count=result.imported, file=result.file.name, source=source, added=result.added, updated=result.updated
        )  # fmt: skip
    )
    if result.merged:
        print(ngettext("{count} continuation row was merged into its product.",
                       "{count} continuation rows were merged into their products.",
                       result.merged).format(count=result.merged))  # fmt: skip
    if result.flagged:
        print(ngettext("{count} row has problems (imported and flagged):",
                       "{count} rows have problems (imported and flagged):",
                       len(result.flagged)).format(count=len(result.flagged)))  # fmt: skip
        for line in problem_lines(result.flagged):
            print(f"  {line}")
    if result.skipped:
        print(ngettext("{count} row was skipped:", "{count} rows were skipped:", len(result.skipped)).format(
            count=len(result.skipped)))  # fmt: skip
        for row, reason in result.skipped:
            print("  " + _("Row {row}: {reason}").format(row=row, reason=reason))
    return 0


def problem_lines(flagged: list, most: int = 30) -> list[str]:
    """One line per kind of problem, with the rows it occurs on ("Rows 4, 9, 12–15: ...")."""
    from onboard.core.catalogue import field_label
    from onboard.core.i18n import ngettext

    rows_of: dict[tuple[str, str], list[int]] = {}
    for listing, problems in flagged:
        for problem in problems:
            column = listing.source_columns.get(problem.field) or field_label(problem.field)
            rows_of.setdefault((column, problem.describe()), []).append(listing.source_row)
    lines = []
    for (column, problem), rows in list(rows_of.items())[:most]:
        lines.append(
            ngettext(
                "Row {rows}, column “{column}”: {problem}", "Rows {rows}, column “{column}”: {problem}", len(rows)
            ).format(rows=_compact(rows), column=column, problem=problem)  # fmt: skip
        )
    if len(rows_of) > most:
        lines.append(
            _("… and {count} more kinds of problem; see `onboard listings`.").format(count=len(rows_of) - most)
        )
    return lines


def _compact(rows: list[int], most: int = 8) -> str:
    """12, 13, 14, 20 -> "12–14, 20"; long lists end with "… (N rows)"."""
    runs: list[list[int]] = []
    for row in sorted(set(rows)):
        if runs and row == runs[-1][-1] + 1:
            runs[-1].append(row)
        else:
            runs.append([row])
    text = ", ".join(f"{run[0]}–{run[-1]}" if len(run) > 2 else ", ".join(map(str, run)) for run in runs[:most])
    return text + (f", … ({len(set(rows))})" if len(runs) > most else "")


def run_listings(args: argparse.Namespace) -> int:
    from onboard.core.catalogue import validate
    from onboard.core.catalogue_store import load_listings
    from onboard.core.listings_view import in_language, listing_record, translation_record
    from onboard.core.project import Project
    from onboard.core.translation import memory
    from onboard.core.translation.engine import argos_code

    with Project.open(args.project) as project:
        source = project.profile().source_language
        language = argos_code(args.lang) if args.lang else source
        listings = load_listings(project)
        translated = memory.translations(project, language) if language != source else []
        if language != source and not translated:
            raise OnboardError(
                _("There are no translations into “{language}” yet. Translate the listings first.").format(
                    language=language
                )
            )
    problems = validate(listings)
    by_listing: dict[int, dict] = {}
    for item in translated:
        by_listing.setdefault(item.listing_id, {})[item.field] = item
    records = []
    for index, listing in enumerate(listings):
        fields = by_listing.get(listing.id, {})
        record = listing_record(in_language(listing, fields), problems.get(index, []))
        if language != source:
            record["translation"] = translation_record(fields)
        records.append(record)
    if args.json:
        json.dump({"language": language, "listings": records}, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    for record in records:
        indent = "  " if record["parent_sku"] else ""
        flag = f"  ⚠ {len(record['problems'])}" if record["problems"] else ""
        print(f"{indent}{record['sku']:<24} {record['price']:>10}  {record['title'][:60]}{flag}")
    return 0


def run_packs(args: argparse.Namespace) -> int:
    from onboard.core.markets import load_markets
    from onboard.core.translation import packs
    from onboard.core.translation.engine import argos_code, coverage

    if args.packs_command == "install":
        for pack in packs.install(args.paths, progress=_progress_printer()):
            print(_("Installed {source} → {target} ({version})").format(
                source=pack.from_code, target=pack.to_code, version=pack.version))  # fmt: skip
        return 0
    if args.packs_command == "remove":
        packs.remove(argos_code(args.source), argos_code(args.target))
        print(_("Removed {source} → {target}").format(source=args.source, target=args.target))
        return 0
    if args.packs_command == "index":
        for pack in packs.fetch_index():
            print(f"{pack.from_code} → {pack.to_code}  {pack.version}")
        return 0
    installed = packs.installed()
    if not installed:
        print(_("No language packs are installed. Install them with: onboard packs install FILE_OR_DIR"))
    for pack in installed:
        print(f"{pack.from_code} → {pack.to_code}  {pack.version:<8} {pack.size / 1e6:8.1f} MB  {pack.path}")
    labels = {"same": _("your language"), "direct": _("direct"), "pivot": _("through English"), "none": _("no pack")}
    pairs = {(pack.from_code, pack.to_code) for pack in installed}
    print(_("Coverage from “{language}”:").format(language=argos_code(args.source)))
    for market, languages in coverage(pairs, argos_code(args.source), load_markets().values()).items():
        print(f"  {market}  " + ", ".join(f"{language}: {labels[kind]}" for language, kind in languages))
    return 0


def run_translate(args: argparse.Namespace) -> int:
    from onboard.core.i18n import ngettext
    from onboard.core.markets import load_markets
    from onboard.core.project import Project
    from onboard.core.translation.engine import Engine, argos_code
    from onboard.core.translation.job import run_translate as translate_listings
    from onboard.core.translation.job import target_languages

    with Project.open(args.project) as project:
        markets = load_markets()
        chosen = args.markets or project.profile().markets
        _known_markets(chosen)
        languages = target_languages([markets[code] for code in chosen], [argos_code(c) for c in args.to or ()])
        result = translate_listings(project, languages, Engine, progress=_progress_printer())
    for language, counts in result.done.items():
        if language in result.missing:
            continue
        print(_("{language}: {machine} by the model, {memory} from memory, {dictionary} from the dictionary, "
                "{edited} your edits").format(language=language, machine=counts.get("machine", 0),
                                              memory=counts.get("memory", 0), dictionary=counts.get("dictionary", 0),
                                              edited=counts.get("edited", 0)))  # fmt: skip
    if result.needs_review:
        print(ngettext("{count} field needs review: a protected name, number or link did not survive translation.",
                       "{count} fields need review: a protected name, number or link did not survive translation.",
                       result.needs_review).format(count=result.needs_review))  # fmt: skip
    if result.missing:
        print(_("No language pack covers: {languages}. Install packs with: onboard packs install FILE_OR_DIR").format(
            languages=", ".join(result.missing)), file=sys.stderr)  # fmt: skip
        return 1 if len(result.missing) == len(result.languages) else 0
    return 0


def _exact(amount: Decimal) -> str:
    """An intermediate amount to four decimals: enough to check the arithmetic, short enough to read."""
    return str(amount.quantize(Decimal("0.0001")).normalize() + 0)


def run_price(args: argparse.Namespace) -> int:
    from babel import Locale

    from onboard.core.fx import stale_warning
    from onboard.core.markets import load_markets, to_plain
    from onboard.core.pricing import percent_text
    from onboard.core.pricing_store import import_ecb, price_catalogue, rate_table
    from onboard.core.project import Project

    markets = load_markets()
    with Project.open(args.project) as project:
        codes = args.market or project.profile().markets
        _known_markets(codes)
        base_currency = project.profile().currency
        if args.rates:
            try:
                data = Path(args.rates).read_bytes()
            except OSError as error:
                raise OnboardError(
                    _("Cannot read {path}: {reason}").format(path=args.rates, reason=error.strerror or error)
                ) from error
            day, count = import_ecb(project, data)
            print(_("Imported {count} rates of {date}.").format(count=count, date=day.isoformat()), file=sys.stderr)
        currencies = {base_currency, *(markets[code].currency.code for code in codes)}
        warning = stale_warning(rate_table(project), currencies)
        if warning:
            print(f"onboard: {warning}", file=sys.stderr)
        prices = price_catalogue(project, codes)
    result = {}
    for code, rows in prices.items():
        shopper = Locale.parse(markets[code].locales[0])
        result[code] = [
            {
                "sku": row.listing.sku,
                "amount": to_plain(row.price.amount),
                "currency": row.price.currency,
                "display": row.price.display(shopper),
                "margin_percent": None if row.price.margin_percent is None else f"{row.price.margin_percent:.2f}",
                "exportable": row.price.exportable,
                "flags": to_plain(row.price.flags),
                "breakdown": {
                    "steps": [
                        {"key": step.key, "amount": _exact(step.amount), "currency": step.currency}
                        for step in row.price.steps
                    ],
                    "composition": {key: _exact(value) for key, value in row.price.composition.items()},
                },
            }
            for row in rows
        ]
    if args.json:
        json.dump({"base_currency": base_currency, "markets": result}, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    for code, records in result.items():
        print(f"{code} — {markets[code].name()} ({markets[code].currency.code})")
        for record in records:
            margin = "" if record["margin_percent"] is None else percent_text(Decimal(record["margin_percent"])) + " %"
            flags = "  ⚠ " + " ".join(flag["message"] for flag in record["flags"]) if record["flags"] else ""
            print(f"  {record['sku']:<24} {record['display']:>14} {margin:>8}{flags}")
        blocked = sum(1 for record in records if not record["exportable"])
        if blocked:
            print("  " + ngettext("{count} listing cannot be exported.", "{count} listings cannot be exported.",
                                  blocked).format(count=blocked))  # fmt: skip
    return 0


def _known_markets(codes) -> None:
    from onboard.core.markets import load_markets

    unknown = [code for code in codes if code not in load_markets()]
    if unknown:
        raise OnboardError(_("Unknown market “{code}”.").format(code=unknown[0]))


def run_payments(args: argparse.Namespace) -> int:
    from onboard.core import payments
    from onboard.core.markets import market, to_plain
    from onboard.core.project import Project

    with Project.open(args.project) as project:
        codes = args.market or project.profile().markets
        _known_markets(codes)
        report = {}
        for code in codes:
            chosen = payments.choices(project, code)
            available = payments.methods(code)
            recommended = payments.recommended(available)
            covered = payments.coverage(available, chosen)
            report[code] = {
                "methods": [
                    {
                        "id": method.id,
                        "name": method.label(),
                        "kind": method.kind,
                        "share_percent": to_plain(method.share),
                        "importance": method.importance,
                        "providers": list(method.providers),
                        "retired": to_plain(method.retired),
                        "recommended": method.id in recommended,
                        "chosen": method.id in chosen,
                        "source": to_plain(method.source),
                    }
                    for method in available
                ],
                "coverage_percent": None if covered is None else [str(covered[0]), str(covered[1])],
                "warnings": payments.warnings(code, chosen),
            }
    if args.json:
        json.dump({"markets": report}, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    for code, entry in report.items():
        print(f"{code} — {market(code).name()}")
        for method in entry["methods"]:
            mark = "✔" if method["chosen"] else " "
            share = f"{method['share_percent']} %" if method["share_percent"] else ""
            print(f"  [{mark}] {method['name']:<36} {share:>6}  {_(payments.IMPORTANCE[method['importance']])}")
        for warning in entry["warnings"]:
            print(f"  ⚠ {warning}")
    return 0


def run_checklist(args: argparse.Namespace) -> int:
    from onboard.core import compliance
    from onboard.core.i18n import data_text
    from onboard.core.markets import market, to_plain
    from onboard.core.project import Project

    code = args.market.strip().upper()
    _known_markets([code])
    with Project.open(args.project) as project:
        checklist = compliance.checklist(project, code)
    items = [
        {
            "id": item.rule.id,
            "title": data_text(item.rule.title),
            "topic": item.rule.topic,
            "law": item.rule.law,
            "blocker": item.rule.blocker,
            "status": item.progress.status,
            "reason": item.progress.reason,
            "note": item.progress.note,
            "evidence_to_keep": data_text(item.rule.evidence),
            "evidence_files": [evidence.name for evidence in item.evidence],
            "threshold": data_text(item.rule.threshold),
            "source": to_plain(item.rule.source),
        }
        for item in checklist.items
    ]
    upcoming = [
        {"date": change.date.isoformat(), "summary": data_text(change.summary), "confidence": change.confidence,
         "rule": rule.id}
        for change, rule in checklist.upcoming()
    ]  # fmt: skip
    if args.json:
        report = {"market": code, "readiness_percent": checklist.readiness, "open_blockers": checklist.open_blockers,
                  "items": items, "upcoming": upcoming}  # fmt: skip
        json.dump(report, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    print(_("{market}: ready {percent} %, blockers to do: {count}").format(
        market=market(code).name(), percent=checklist.readiness, count=checklist.open_blockers))  # fmt: skip
    for item in items:
        status = {"todo": "[ ]", "done": "[✔]", "na": "[–]"}[item["status"]]
        blocker = "!" if item["blocker"] else " "
        unconfirmed = " ⚠" if item["source"]["confidence"] == "unconfirmed" else ""
        print(f"  {status}{blocker} {item['id']:<11} {item['title']}{unconfirmed}")
    for change in upcoming:
        print(f"  → {change['date']}: {change['summary']}")
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
        commands = {"markets": run_markets, "init": run_init, "import": run_import, "listings": run_listings,
                    "packs": run_packs, "translate": run_translate, "price": run_price, "payments": run_payments,
                    "checklist": run_checklist}  # fmt: skip
        return commands[args.command](args)
    except OnboardError as error:
        print(f"onboard: {error}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # `onboard listings ... | head`: the reader has had enough
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - keeps Python's exit-time flush quiet
        return 0
    except KeyboardInterrupt:
        stopped = _("Stopped. The project is unchanged.")
        print(f"onboard: {stopped}", file=sys.stderr)
        return 130
