"""The seller's plan: payment choices and compliance checklists per market, as an XLSX workbook and as HTML
(which the window prints to PDF). Everything is in the interface language; files are written atomically."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from datetime import date
from html import escape
from pathlib import Path

from babel.dates import format_date
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill

from onboard.core import compliance, payments
from onboard.core.errors import OnboardError
from onboard.core.i18n import _, babel_locale, current_language, data_text, is_rtl
from onboard.core.markets import CONFIDENCE_LABELS, market
from onboard.core.project import Project

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class MarketPlan:
    code: str
    methods: tuple[payments.Method, ...]
    chosen: frozenset[str]
    payment_warnings: tuple[str, ...]
    checklist: compliance.Checklist


def build(project: Project) -> list[MarketPlan]:
    plans = []
    for code in project.profile().markets:
        chosen = payments.choices(project, code)
        plans.append(
            MarketPlan(
                code,
                payments.methods(code),
                frozenset(chosen),
                tuple(payments.warnings(code, chosen)),
                compliance.checklist(project, code),
            )
        )
    return plans


def safe_cell(text: str) -> str:
    """A text a spreadsheet will never run as a formula."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def status_text(item: compliance.Item) -> str:
    text = _(compliance.STATUSES[item.progress.status])
    return f"{text}: {item.progress.reason}" if item.progress.reason else text


def confidence_text(confidence: str) -> str:
    return _(CONFIDENCE_LABELS[confidence])


def write_xlsx(project: Project, path: Path) -> Path:
    """One summary sheet, then per market a sheet of payment methods and the checklist."""
    plans = build(project)
    book = Workbook()
    summary = book.active
    summary.title = _("Summary")[:31]
    bold = Font(bold=True)
    summary.append([_("Market"), _("Readiness"), _("Blockers to do"), _("Payment methods"), _("Warnings")])
    for plan in plans:
        summary.append(
            [
                market(plan.code).name(),
                f"{plan.checklist.readiness} %",
                plan.checklist.open_blockers,
                ", ".join(method.label() for method in plan.methods if method.id in plan.chosen),
                " ".join(plan.payment_warnings),
            ]
        )
    for plan in plans:
        sheet = book.create_sheet(f"{plan.code} {market(plan.code).name()}"[:31])
        sheet.sheet_view.rightToLeft = is_rtl(current_language())
        sheet.append([_("Payment methods")])
        sheet.append([_("Method"), _("Kind"), _("Share"), _("Chosen"), _("Confidence"), _("Where from")])
        for method in plan.methods:
            sheet.append(
                [
                    method.label(),
                    _(payments.KINDS[method.kind]),
                    f"{method.share} %" if method.share else "",
                    _("yes") if method.id in plan.chosen else "",
                    confidence_text(method.source.confidence),
                    method.source.url,
                ]
            )
        sheet.append([])
        sheet.append([_("Checklist")])
        sheet.append(
            [_("Item"), _("What to do"), _("Law"), _("Blocker"), _("Status"), _("Notes"), _("Evidence to keep"),
             _("Evidence files"), _("Confidence"), _("Where from")]
        )  # fmt: skip
        for item in plan.checklist.items:
            rule = item.rule
            sheet.append(
                [
                    rule.id,
                    data_text(rule.title),
                    rule.law,
                    _("yes") if rule.blocker else "",
                    status_text(item),
                    item.progress.note,
                    data_text(rule.evidence),
                    ", ".join(evidence.name for evidence in item.evidence),
                    confidence_text(rule.source.confidence),
                    rule.source.url,
                ]
            )
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    cell.value = safe_cell(cell.value)
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
        for title_row in (1, len(plan.methods) + 4):
            sheet.cell(title_row, 1).font = Font(bold=True, size=13)
        for header_row in (2, len(plan.methods) + 5):
            for cell in sheet[header_row]:
                cell.font = bold
                cell.fill = PatternFill("solid", fgColor="DDE6F0")
        for column, width in zip("ABCDEFGHIJ", (12, 60, 28, 9, 18, 30, 40, 24, 16, 40), strict=True):
            sheet.column_dimensions[column].width = width
    for cell in summary[1]:
        cell.font = bold
    for column, width in zip("ABCDE", (22, 12, 14, 50, 60), strict=True):
        summary.column_dimensions[column].width = width
    return save_atomically(path, book.save)


def save_atomically(path: Path, save) -> Path:
    """Write beside the target and move into place: a failed write never leaves half a file."""
    path = Path(path)
    temporary = None
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        os.close(handle)
        save(temporary)
        if os.path.getsize(temporary) == 0:
            raise OSError(_("nothing was written"))
        os.chmod(temporary, 0o644)  # mkstemp makes it private; an exported file is the seller's to share
        os.replace(temporary, path)
    except OSError as error:
        raise OnboardError(
            _("Cannot write {path}: {reason}").format(path=path, reason=error.strerror or error)
        ) from error
    finally:
        if temporary and os.path.exists(temporary):
            os.unlink(temporary)
    return path


def _heading(text: str) -> str:
    return f"<h3>{escape(text)}</h3>"


def html(project: Project, today: date | None = None) -> str:
    """The plan as one HTML document (for QTextDocument → PDF), escaped, in the interface language."""
    today = today or date.today()
    locale = babel_locale()
    profile = project.profile()
    direction = "rtl" if is_rtl(current_language()) else "ltr"
    parts = [
        f"<html dir='{direction}'><head><meta charset='utf-8'><style>"
        "body{font-family:sans-serif;font-size:10pt} h1{font-size:18pt} h2{font-size:14pt;margin-top:18pt}"
        "table{border-collapse:collapse} th,td{border:1px solid #999;padding:3px;vertical-align:top}"
        "th{background:#dde6f0} .blocker{color:#b00020;font-weight:bold} .unconfirmed{color:#8a4b00}"
        "</style></head><body>",
        "<h1>" + escape(_("Selling plan of {name}").format(name=profile.name)) + "</h1>",
        "<p>"
        + escape(
            _("Prepared on {date}. This plan is not legal advice; check each source.").format(
                date=format_date(today, "long", locale=locale)
            )
        )
        + "</p>",
    ]
    for plan in build(project):
        checklist = plan.checklist
        parts.append(f"<h2>{escape(market(plan.code).name())}</h2>")
        parts.append(
            "<p>"
            + escape(
                _("Ready: {percent} %. Blockers still to do: {blockers}.").format(
                    percent=checklist.readiness, blockers=checklist.open_blockers
                )
            )
            + "</p>"
        )
        chosen = [method.label() for method in plan.methods if method.id in plan.chosen]
        parts.append(_heading(_("Payment methods")) + f"<p>{escape(', '.join(chosen) or '—')}</p>")
        parts.extend(f"<p class='blocker'>{escape(warning)}</p>" for warning in plan.payment_warnings)
        upcoming = checklist.upcoming(today)
        if upcoming:
            parts.append(_heading(_("Coming changes")) + "<ul>")
            parts.extend(
                f"<li>{escape(format_date(change.date, 'medium', locale=locale))}: "
                f"{escape(data_text(change.summary))}</li>"
                for change, _rule in upcoming
            )
            parts.append("</ul>")
        columns = ((_("Item"), 9), (_("What to do"), 51), (_("Status"), 15), (_("Evidence to keep"), 25))
        header = "".join(f"<th width='{width}%'>{escape(text)}</th>" for text, width in columns)
        parts.append(_heading(_("Checklist")) + f"<table width='100%'><tr>{header}</tr>")
        for item in checklist.items:
            rule = item.rule
            title = escape(data_text(rule.title))
            if rule.blocker:
                title = f"<span class='blocker'>{title}</span>"
            if rule.source.confidence == "unconfirmed":
                title += f"<br><span class='unconfirmed'>⚠ {escape(confidence_text('unconfirmed'))}</span>"
            notes = escape(item.progress.note)
            parts.append(
                f"<tr><td>{escape(rule.id)}</td><td>{title}<br><small>{escape(rule.law)}</small></td>"
                f"<td>{escape(status_text(item))}{'<br>' + notes if notes else ''}</td>"
                f"<td>{escape(data_text(rule.evidence))}</td></tr>"
            )
        parts.append("</table>")
    parts.append("</body></html>")
    return "".join(parts)
