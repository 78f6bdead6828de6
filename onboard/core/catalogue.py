"""The product catalogue: listings and variants, their fields, and validation with row and column.

Field values are kept as the seller wrote them (normalised where that is safe), so a bad price is stored and
flagged, never dropped; `validate()` says what is wrong, in the interface language, where it was found.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from types import MappingProxyType

from onboard.core.i18n import N_, _
from onboard.core.seller import CATEGORIES

MAX_BULLETS = 5
MAX_OPTIONS = 3
WEIGHT_UNITS = ("g", "kg", "lb", "oz")
LENGTH_UNITS = ("mm", "cm", "m", "in")

#: Fields a column can be mapped to, with the label the seller sees.
FIELD_LABELS: dict[str, str] = {
    "sku": N_("SKU"),
    "parent_sku": N_("Parent SKU"),
    "title": N_("Title"),
    "description": N_("Description"),
    **{f"bullet_{n}": N_("Bullet point {number}") for n in range(1, MAX_BULLETS + 1)},
    "brand": N_("Brand"),
    "category": N_("Category"),
    "price": N_("Price"),
    "cost": N_("Cost"),
    "stock": N_("Stock"),
    "weight": N_("Weight"),
    "weight_unit": N_("Weight unit"),
    "length": N_("Length"),
    "width": N_("Width"),
    "height": N_("Height"),
    "dimensions": N_("Dimensions"),
    "dimension_unit": N_("Dimension unit"),
    "gtin": N_("GTIN / EAN / UPC / JAN"),
    "hs_code": N_("HS code"),
    "origin": N_("Country of origin"),
    "materials": N_("Materials"),
    "images": N_("Images"),
    "tags": N_("Tags"),
    **{f"option_{n}_name": N_("Option {number} name") for n in range(1, MAX_OPTIONS + 1)},
    **{f"option_{n}_value": N_("Option {number} value") for n in range(1, MAX_OPTIONS + 1)},
}
FIELDS = tuple(FIELD_LABELS)


def field_label(name: str) -> str:
    """A field's name in the interface language ("Bullet point 2", "Option 1 value")."""
    number = re.search(r"_(\d)(?:_|$)", name)
    return _(FIELD_LABELS[name]).format(number=number.group(1) if number else "")


@dataclass(frozen=True)
class Listing:
    """One row of the catalogue: a product, a parent of variants, or a variant (parent_sku set)."""

    sku: str
    parent_sku: str = ""
    title: str = ""
    description: str = ""
    bullets: tuple[str, ...] = ()
    brand: str = ""
    category: str = ""
    price: str = ""
    cost: str = ""
    stock: str = ""
    weight: str = ""
    weight_unit: str = ""
    length: str = ""
    width: str = ""
    height: str = ""
    dimension_unit: str = ""
    gtin: str = ""
    hs_code: str = ""
    origin: str = ""
    materials: tuple[str, ...] = ()
    images: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    options: tuple[tuple[str, str], ...] = ()  # (name, value); a parent lists names with empty values
    id: int | None = None
    source_row: int = 0  # the row in the imported file (the header is row 1), 0 when made in the app
    import_id: int = 0
    source_columns: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))

    @property
    def is_variant(self) -> bool:
        return bool(self.parent_sku)

    @property
    def is_html(self) -> bool:
        return bool(re.search(r"<(p|br|ul|ol|li|b|strong|i|em|div|span|h[1-6])\b", self.description, re.I))


# -- parsing ------------------------------------------------------------------------------------------


_PLAIN_NUMBER = re.compile(r"-?\d+(?:\.\d{1,2}|\.\d{4,})?|-?0\.\d+")  # never "1.234": that may be 1234
_CURRENCY_WORD = re.compile(
    r"^(?:[A-Z]{3}|Rp|RM|Rs|R|kr|zł|Kč|TL|S/)\.?\s*"  # before: "CNY 89", "Rp 99.000", "R$" once "$" is gone
    r"|\s*(?:[A-Z]{3}|kr|zł|Kč|TL|lei|元|円|圓|块|원)$"  # after: "89 CNY", "45元", "9900원"
)


def parse_decimal(text: str) -> Decimal | None:
    """A number as sellers write it: "1,234.50", "1.234,50", "12,5", "¥1,980", "R$ 19,90"; None if not one."""
    if _PLAIN_NUMBER.fullmatch(text):  # most cells: no symbols, no grouping
        return Decimal(text)
    if not text.strip():
        return None
    cleaned = "".join(ch for ch in unicodedata.normalize("NFKC", text) if unicodedata.category(ch) != "Sc")
    cleaned = _CURRENCY_WORD.sub("", cleaned.strip())  # "CNY 89.00", "R$ 19,90" (after $ went), "25 zł"
    cleaned = re.sub(r"(?<=\d)[\s'’](?=\d{3}\b)", "", cleaned.strip())  # 1 234 / 1'234
    if not re.fullmatch(r"[+-]?[\d.,]*\d[\d.,]*", cleaned):
        return None
    if "," in cleaned and "." in cleaned:
        decimal_mark = "," if cleaned.rfind(",") > cleaned.rfind(".") else "."
    elif cleaned.count(",") == 1 and not re.search(r",\d{3}$", cleaned):
        decimal_mark = ","
    elif cleaned.count(".") == 1 and not re.search(r"^[+-]?[1-9]\d{0,2}\.\d{3}$", cleaned):
        decimal_mark = "."
    else:
        decimal_mark = ""  # only grouping marks ("1,234", "1.234.567")
    grouping = {",", "."} - {decimal_mark}
    digits = "".join(ch for ch in cleaned if ch not in grouping).replace(",", ".")
    try:
        return Decimal(digits)
    except InvalidOperation:
        return None


def gtin_is_valid(code: str) -> bool:
    """GTIN-8/12/13/14 (EAN, UPC, JAN, ISBN-13) with a correct GS1 check digit."""
    if not re.fullmatch(r"\d{8}|\d{12,14}", code):
        return False
    digits = [int(ch) for ch in code]
    body, check = digits[:-1], digits[-1]
    total = sum(d * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    return (10 - total % 10) % 10 == check


def clean_gtin(text: str) -> str:
    """Drop the spaces and hyphens people type into barcodes."""
    return re.sub(r"[\s\-]", "", text)


# -- validation -----------------------------------------------------------------------------------------

PROBLEMS: dict[str, str] = {
    "missing_sku": N_("the SKU is empty"),
    "duplicate_sku": N_("the SKU “{value}” is used more than once (also on row {other})"),
    "missing_title": N_("the title is empty"),
    "missing_price": N_("the price is empty"),
    "not_a_number": N_("“{value}” is not a number"),
    "negative": N_("“{value}” is negative"),
    "zero_price": N_("the price is zero"),
    "not_whole": N_("“{value}” is not a whole number"),
    "bad_gtin": N_("“{value}” is not a valid GTIN/EAN/UPC/JAN (wrong length or check digit)"),
    "gtin_in_scientific_notation": N_(
        "“{value}” was turned into a rounded number by a spreadsheet; type the barcode again as text"
    ),
    "weight_without_unit": N_("the weight “{value}” has no unit (g, kg, lb or oz)"),
    "unknown_unit": N_("“{value}” is not a known unit"),
    "size_without_unit": N_("the dimensions have no unit (mm, cm, m or in)"),
    "unknown_category": N_("“{value}” is not one of the product categories"),
    "unknown_parent": N_("the parent SKU “{value}” is not in the catalogue"),
    "bad_hs_code": N_("“{value}” is not an HS code (6 to 10 digits)"),
    "unknown_country": N_("“{value}” is not a country code such as CN"),
    "too_long": N_("the title has {length} characters; most marketplaces allow at most {limit}"),
}

TITLE_LIMIT = 200


@dataclass(frozen=True)
class Problem:
    """Something wrong with one field of one listing."""

    field: str
    code: str
    value: str = ""
    other: int = 0

    def describe(self) -> str:
        return _(PROBLEMS[self.code]).format(value=self.value, other=self.other, length=len(self.value),
                                              limit=TITLE_LIMIT)  # fmt: skip

    def message(self, listing: Listing) -> str:
        """Where and what, in the interface language: "Row 12, column “价格”: “12,5O” is not a number"."""
        column = listing.source_columns.get(self.field) or field_label(self.field)
        if listing.source_row:
            return _("Row {row}, column “{column}”: {problem}").format(
                row=listing.source_row, column=column, problem=self.describe()
            )
        return _("SKU {sku}, {column}: {problem}").format(
            sku=listing.sku or "—", column=column, problem=self.describe()
        )


def validate(listings: Iterable[Listing]) -> dict[int, list[Problem]]:
    """Problems per listing (by position in `listings`); listings without problems are left out."""
    listings = list(listings)
    rows_of_sku: dict[str, list[int]] = {}
    for index, listing in enumerate(listings):
        if listing.sku:
            rows_of_sku.setdefault(listing.sku.casefold(), []).append(index)
    parents = {listing.sku for listing in listings if not listing.is_variant}
    has_variants = Counter(listing.parent_sku for listing in listings if listing.is_variant)
    found: dict[int, list[Problem]] = {}
    for index, listing in enumerate(listings):
        problems = _field_problems(listing, sellable=listing.sku not in has_variants or listing.is_variant)
        if listing.sku:
            others = [i for i in rows_of_sku[listing.sku.casefold()] if i != index]
            if others:
                other = listings[others[0]]
                problems.append(Problem("sku", "duplicate_sku", listing.sku, other.source_row or others[0] + 1))
        if listing.is_variant and listing.parent_sku not in parents:
            problems.append(Problem("parent_sku", "unknown_parent", listing.parent_sku))
        if problems:
            found[index] = problems
    return found


def _field_problems(listing: Listing, *, sellable: bool) -> list[Problem]:
    problems: list[Problem] = []
    if not listing.sku:
        problems.append(Problem("sku", "missing_sku"))
    if not listing.is_variant and not listing.title.strip():
        problems.append(Problem("title", "missing_title"))
    if len(listing.title) > TITLE_LIMIT:
        problems.append(Problem("title", "too_long", listing.title))
    if sellable:
        problems += _money_problems("price", listing.price, required=True)
    problems += _money_problems("cost", listing.cost, required=False)
    if listing.stock:
        number = parse_decimal(listing.stock)
        if number is None or number != number.to_integral_value():
            problems.append(Problem("stock", "not_whole", listing.stock))
        elif number < 0:
            problems.append(Problem("stock", "negative", listing.stock))
    problems += _measure_problems(listing)
    if listing.gtin and not gtin_is_valid(listing.gtin):
        code = "gtin_in_scientific_notation" if re.search(r"[eE][+]?\d", listing.gtin) else "bad_gtin"
        problems.append(Problem("gtin", code, listing.gtin))
    if listing.category and listing.category not in CATEGORIES:
        problems.append(Problem("category", "unknown_category", listing.category))
    if listing.hs_code and not re.fullmatch(r"\d{6,10}", listing.hs_code.replace(".", "").replace(" ", "")):
        problems.append(Problem("hs_code", "bad_hs_code", listing.hs_code))
    if listing.origin and not re.fullmatch(r"[A-Z]{2}", listing.origin):
        problems.append(Problem("origin", "unknown_country", listing.origin))
    return problems


def _money_problems(name: str, text: str, *, required: bool) -> list[Problem]:
    if not text.strip():
        return [Problem(name, "missing_price")] if required else []
    amount = parse_decimal(text)
    if amount is None:
        return [Problem(name, "not_a_number", text)]
    if amount < 0:
        return [Problem(name, "negative", text)]
    if amount == 0 and name == "price":
        return [Problem(name, "zero_price", text)]
    return []


def _measure_problems(listing: Listing) -> list[Problem]:
    problems: list[Problem] = []
    if listing.weight:
        if parse_decimal(listing.weight) is None:
            problems.append(Problem("weight", "not_a_number", listing.weight))
        elif not listing.weight_unit:
            problems.append(Problem("weight", "weight_without_unit", listing.weight))
        elif listing.weight_unit not in WEIGHT_UNITS:
            problems.append(Problem("weight_unit", "unknown_unit", listing.weight_unit))
    sizes = [(name, getattr(listing, name)) for name in ("length", "width", "height") if getattr(listing, name)]
    for name, value in sizes:
        if parse_decimal(value) is None:
            problems.append(Problem(name, "not_a_number", value))
    if sizes and not listing.dimension_unit:
        problems.append(Problem(sizes[0][0], "size_without_unit"))
    elif sizes and listing.dimension_unit not in LENGTH_UNITS:
        problems.append(Problem("dimension_unit", "unknown_unit", listing.dimension_unit))
    return problems
