"""Listings in the project file: load, add from an import (one transaction), edit one field."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import fields, replace
from datetime import UTC, datetime
from types import MappingProxyType

from onboard.core.catalogue import Listing
from onboard.core.project import Project

_STORED_ELSEWHERE = {"id", "sku", "parent_sku", "source_row", "source_columns", "import_id"}
_JSON_FIELDS = tuple(f.name for f in fields(Listing) if f.name not in _STORED_ELSEWHERE)


def _encode(listing: Listing) -> str:
    values = {}
    for name in _JSON_FIELDS:
        value = getattr(listing, name)
        if value:
            values[name] = [list(pair) for pair in value] if name == "options" else value
    return json.dumps(values, ensure_ascii=False)


def _decode(text: str) -> dict[str, object]:
    values = json.loads(text)
    for name, value in values.items():
        if isinstance(value, list):
            values[name] = tuple(tuple(pair) for pair in value) if name == "options" else tuple(value)
    return values


def load_listings(project: Project, listing_id: int | None = None) -> list[Listing]:
    """The catalogue in order: each parent followed by its variants as they were imported or added
    (or just the one listing `listing_id`)."""
    columns_of_import = {
        import_id: MappingProxyType(json.loads(columns))
        for import_id, columns in project.db.execute("SELECT id, columns FROM import_batch")
    }
    empty = MappingProxyType({})
    where, arguments = ("WHERE id = ?", (listing_id,)) if listing_id is not None else ("", ())
    return [
        Listing(
            id=row_id,
            sku=sku,
            parent_sku=parent_sku,
            source_row=source_row,
            import_id=import_id or 0,
            source_columns=columns_of_import.get(import_id, empty),
            **_decode(stored),
        )  # fmt: skip
        for row_id, sku, parent_sku, stored, import_id, source_row in project.db.execute(
            f"SELECT id, sku, parent_sku, fields, import_id, source_row FROM listing {where} ORDER BY position, id",
            arguments,
        )
    ]


def start_import(project: Project, *, file: str, file_format: str, columns: Mapping[str, str]) -> int:
    """Record an import (inside the caller's transaction); returns its id for `add_imported`."""
    cursor = project.db.execute(
        "INSERT INTO import_batch (file, format, columns, imported_at) VALUES (?, ?, ?, ?)",
        (file, file_format, json.dumps(dict(columns), ensure_ascii=False), datetime.now(UTC).isoformat()),
    )
    return cursor.lastrowid


def add_imported(project: Project, import_id: int, listings: Iterable[Listing]) -> tuple[int, int]:
    """Store imported listings: a SKU already in the catalogue is updated in place, others are appended.

    Runs inside the caller's transaction. Returns (added, updated).
    """
    db = project.db
    existing = {sku: listing_id for listing_id, sku in db.execute("SELECT id, sku FROM listing WHERE sku != ''")}
    position = db.execute("SELECT COALESCE(MAX(position), -1) + 1 FROM listing").fetchone()[0]
    added = updated = 0
    seen: set[str] = set()
    for listing in listings:
        row = (listing.sku, listing.parent_sku, _encode(listing), import_id, listing.source_row)
        if listing.sku in existing and listing.sku not in seen:
            db.execute(
                "UPDATE listing SET sku = ?, parent_sku = ?, fields = ?, import_id = ?, source_row = ? WHERE id = ?",
                (*row, existing[listing.sku]),
            )
            updated += 1
        else:
            db.execute(
                "INSERT INTO listing (sku, parent_sku, fields, import_id, source_row, position) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (*row, position),
            )
            position += 1
            added += 1
        seen.add(listing.sku)
    return added, updated


def update_listing(project: Project, listing_id: int, **changes: object) -> Listing:
    """Change fields of one listing in its own transaction; returns the saved listing."""
    (current,) = load_listings(project, listing_id)
    changed = replace(current, **changes)
    with project.transaction():
        project.db.execute(
            "UPDATE listing SET sku = ?, parent_sku = ?, fields = ? WHERE id = ?",
            (changed.sku, changed.parent_sku, _encode(changed), listing_id),
        )
    return changed
