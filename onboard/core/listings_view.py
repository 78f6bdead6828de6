"""Listings as plain records: the `onboard listings --json` shape, also used by the listings page."""

from __future__ import annotations

from onboard.core.catalogue import Listing, Problem


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
