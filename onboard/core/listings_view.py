"""Listings as plain records: the `onboard listings --json` shape, also used by the listings page."""

from __future__ import annotations

from dataclasses import replace

from onboard.core.catalogue import Listing, Problem
from onboard.core.translation.memory import FieldTranslation


def listing_record(listing: Listing, problems: list[Problem]) -> dict[str, object]:
    """A JSON-ready listing with its problems as messages in the interface language."""
    return {
        "id": listing.id,
        "sku": listing.sku,
        "parent_sku": listing.parent_sku,
        "title": listing.title,
        "description": listing.description,
        "bullets": list(listing.bullets),
        "brand": listing.brand,
        "category": listing.category,
        "price": listing.price,
        "cost": listing.cost,
        "stock": listing.stock,
        "weight": listing.weight,
        "weight_unit": listing.weight_unit,
        "dimensions": [listing.length, listing.width, listing.height],
        "dimension_unit": listing.dimension_unit,
        "gtin": listing.gtin,
        "hs_code": listing.hs_code,
        "origin": listing.origin,
        "materials": list(listing.materials),
        "images": list(listing.images),
        "tags": list(listing.tags),
        "options": [{"name": name, "value": value} for name, value in listing.options],
        "source_row": listing.source_row,
        "problems": [{"field": p.field, "code": p.code, "message": p.message(listing)} for p in problems],
    }


def in_language(listing: Listing, fields: dict[str, FieldTranslation]) -> Listing:
    """The listing with each translated field in the target language (untranslated fields stay as they are)."""

    def text(key: str, original: str) -> str:
        return fields[key].text if key in fields else original

    options = tuple(
        (text(f"option_{n}_name", name), text(f"option_{n}_value", value))
        for n, (name, value) in enumerate(listing.options, start=1)
    )
    tags = tuple(tag.strip() for tag in text("tags", "; ".join(listing.tags)).split(";") if tag.strip())
    return replace(
        listing,
        title=text("title", listing.title),
        description=text("description", listing.description),
        bullets=tuple(text(f"bullet_{n}", bullet) for n, bullet in enumerate(listing.bullets, start=1)),
        options=options,
        tags=tags if "tags" in fields else listing.tags,
    )


def translation_record(fields: dict[str, FieldTranslation]) -> dict[str, dict[str, str]]:
    """Where each translated field came from: machine, memory, dictionary or edited; and its review status."""
    return {
        key: {"origin": item.origin, "status": item.status, "note": item.note} for key, item in sorted(fields.items())
    }
