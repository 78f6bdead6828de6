"""Compliance checklists: the rules of `data/compliance/*.toml` that match a market, the seller's product
categories and situations, with the seller's progress (status, reason, notes, evidence files) kept in the project.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import cache
from importlib.resources import files
from pathlib import Path

from onboard.core.errors import InvalidValue
from onboard.core.i18n import N_, _
from onboard.core.markets import MarketDataError, Source, market_codes, read_date, read_source
from onboard.core.project import Project
from onboard.core.seller import CATEGORIES, SITUATIONS, SellerProfile

EU_MARKETS = frozenset({"DE", "FR", "ES", "IT", "NL", "PL", "SE"})
STATUSES: dict[str, str] = {"todo": N_("To do"), "done": N_("Done"), "na": N_("Not applicable")}
TOPICS: dict[str, str] = {
    "safety": N_("Product safety"),
    "labelling": N_("Labels"),
    "tax": N_("Tax"),
    "customs": N_("Customs"),
    "data": N_("Data protection"),
    "epr": N_("Producer registration (EPR)"),
    "ip": N_("Trademarks and brands"),
    "marketplace": N_("Marketplace rules"),
    "environment": N_("Environment and green claims"),
    "energy": N_("Energy labels"),
    "language": N_("Listing language"),
    "consumer": N_("Consumer law"),
}
MAX_EVIDENCE_BYTES = 50_000_000


@dataclass(frozen=True)
class Upcoming:
    date: date
    summary: str
    confidence: str


@dataclass(frozen=True)
class Rule:
    id: str
    markets: tuple[str, ...]
    topic: str
    title: str
    evidence: str
    law: str
    categories: tuple[str, ...]
    situations: tuple[str, ...]
    threshold: str
    blocker: bool
    applies_from: date | None
    upcoming: tuple[Upcoming, ...]
    source: Source

    def applies_to_market(self, code: str) -> bool:
        return "ALL" in self.markets or code in self.markets or ("EU" in self.markets and code in EU_MARKETS)

    def matches(self, profile: SellerProfile) -> bool:
        """The seller's categories meet the rule's (any of them; "all" always) and every situation holds."""
        category_ok = "all" in self.categories or bool(set(self.categories) & set(profile.categories))
        return category_ok and set(self.situations) <= set(profile.situations)


@cache
def load_rules() -> tuple[Rule, ...]:
    """Every rule of every file in data/compliance, refusing a rule without source, confidence or a known code."""
    rules: list[Rule] = []
    folder = files("onboard.data").joinpath("compliance")
    known_markets = market_codes() | {"ALL", "EU"}
    for entry in sorted(folder.iterdir(), key=lambda item: item.name):
        if not entry.name.endswith(".toml"):
            continue
        for raw in tomllib.loads(entry.read_text(encoding="utf-8"))["rule"]:
            where = f"compliance/{entry.name}: {raw.get('id', '?')}"
            rule = _rule(raw, where)
            unknown = (
                (set(rule.markets) - known_markets)
                | (set(rule.categories) - set(CATEGORIES) - {"all"})
                | (set(rule.situations) - set(SITUATIONS))
            )
            if unknown or rule.topic not in TOPICS:
                raise MarketDataError(f"{where}: unknown code {sorted(unknown) or rule.topic}")
            rules.append(rule)
    ids = [rule.id for rule in rules]
    if len(ids) != len(set(ids)):
        raise MarketDataError("compliance: duplicate rule ids")
    return tuple(rules)


def _rule(raw: dict, where: str) -> Rule:
    try:
        return Rule(
            id=raw["id"],
            markets=tuple(raw["markets"]),
            topic=raw["topic"],
            title=raw["title"],
            evidence=raw["evidence"],
            law=raw["law"],
            categories=tuple(raw["categories"]),
            situations=tuple(raw["situations"]),
            threshold=raw.get("threshold", ""),
            blocker=bool(raw["blocker"]),
            applies_from=read_date(raw["applies_from"], where) if "applies_from" in raw else None,
            upcoming=tuple(
                Upcoming(read_date(item["date"], where), item["summary"], item.get("confidence", raw["confidence"]))
                for item in raw.get("upcoming", ())
            ),
            source=read_source(raw, where),
        )
    except KeyError as missing:
        raise MarketDataError(f"{where}: missing {missing}") from None


@dataclass(frozen=True)
class ItemProgress:
    status: str = "todo"
    reason: str = ""
    note: str = ""


@dataclass(frozen=True)
class Evidence:
    id: int
    name: str
    size: int
    added: str


@dataclass(frozen=True)
class Item:
    """One rule on one market's checklist, with the seller's progress."""

    rule: Rule
    progress: ItemProgress
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class Checklist:
    market: str
    items: tuple[Item, ...]

    @property
    def readiness(self) -> int:
        """Percent of the applicable items done (not-applicable ones leave the count)."""
        counted = [item for item in self.items if item.progress.status != "na"]
        if not counted:
            return 100
        return round(100 * sum(item.progress.status == "done" for item in counted) / len(counted))

    @property
    def open_blockers(self) -> int:
        return sum(1 for item in self.items if item.rule.blocker and item.progress.status == "todo")

    def upcoming(self, today: date | None = None) -> list[tuple[Upcoming, Rule]]:
        """Dated changes from today on, soonest first."""
        today = today or date.today()
        found = {
            (change.date, change.summary): (change, item.rule) for item in self.items for change in item.rule.upcoming
        }
        return sorted((pair for pair in found.values() if pair[0].date >= today), key=lambda pair: pair[0].date)


def _order(item: Item) -> tuple:
    """Blockers still to do first, then the rest to do, then done, then not applicable."""
    status_rank = {"todo": 0, "done": 1, "na": 2}[item.progress.status]
    return status_rank, not item.rule.blocker, item.rule.id


def checklist(project: Project, code: str) -> Checklist:
    profile = project.profile()
    progress = {
        rule_id: ItemProgress(status, reason, note)
        for rule_id, status, reason, note in project.db.execute(
            "SELECT rule_id, status, reason, note FROM checklist_status WHERE market = ?", (code,)
        )
    }
    evidence: dict[str, list[Evidence]] = {}
    for row_id, rule_id, file_name, size, added in project.db.execute(
        "SELECT id, rule_id, name, length(data), added FROM evidence WHERE market = ? ORDER BY id", (code,)
    ):
        evidence.setdefault(rule_id, []).append(Evidence(row_id, file_name, size, added))
    items = [
        Item(rule, progress.get(rule.id, ItemProgress()), tuple(evidence.get(rule.id, ())))
        for rule in load_rules()
        if rule.applies_to_market(code) and rule.matches(profile)
    ]
    return Checklist(code, tuple(sorted(items, key=_order)))


def set_status(
    project: Project, code: str, rule_id: str, status: str, reason: str = "", note: str | None = None
) -> None:
    """Mark an item; "not applicable" needs the seller's reason. The note is kept unless a new one is given."""
    if status not in STATUSES:
        raise InvalidValue(_("Unknown status: {status}").format(status=status))
    if rule_id not in {rule.id for rule in load_rules()}:
        raise InvalidValue(_("Unknown checklist item: {rule}").format(rule=rule_id))
    if status == "na" and not reason.strip():
        raise InvalidValue(_("Say why this item does not apply to you."))
    with project.transaction():
        project.db.execute(
            "INSERT INTO checklist_status (market, rule_id, status, reason, note) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT (market, rule_id) DO UPDATE SET status = excluded.status, reason = excluded.reason, "
            "note = CASE WHEN ? IS NULL THEN checklist_status.note ELSE excluded.note END",
            (code, rule_id, status, reason.strip() if status == "na" else "", note or "", note),
        )


def add_evidence(project: Project, code: str, rule_id: str, path: Path) -> Evidence:
    """Copy a file into the project (so the project file carries its own proof)."""
    try:
        size = path.stat().st_size
        if size > MAX_EVIDENCE_BYTES:
            raise InvalidValue(
                _("{name} is larger than 50 MB; keep it elsewhere and add a note.").format(name=path.name)
            )
        data = path.read_bytes()
    except OSError as error:
        raise InvalidValue(
            _("Cannot read {path}: {reason}").format(path=path, reason=error.strerror or error)
        ) from error
    added = datetime.now(UTC).isoformat(timespec="seconds")
    with project.transaction():
        cursor = project.db.execute(
            "INSERT INTO evidence (market, rule_id, name, data, added) VALUES (?, ?, ?, ?, ?)",
            (code, rule_id, path.name, data, added),
        )
    return Evidence(cursor.lastrowid, path.name, len(data), added)


def evidence_data(project: Project, evidence_id: int) -> tuple[str, bytes]:
    row = project.db.execute("SELECT name, data FROM evidence WHERE id = ?", (evidence_id,)).fetchone()
    if row is None:
        raise InvalidValue(_("This evidence file is no longer in the project."))
    return row[0], row[1]


def remove_evidence(project: Project, evidence_id: int) -> None:
    with project.transaction():
        project.db.execute("DELETE FROM evidence WHERE id = ?", (evidence_id,))
