"""CSV/XLSX -> catalogue: find the header row, map the columns, turn rows into listings, store them at once.

One import is one transaction: a broken file, an error or a cancel leaves the project exactly as it was.
Rows with problems are imported and flagged; rows that hold no product (empty, template furniture) are
skipped with a reason; nothing disappears silently.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from urllib.parse import parse_qs

from babel import Locale

from onboard.core import columns as col
from onboard.core.catalogue import MAX_OPTIONS, Listing, Problem, clean_gtin, parse_decimal, validate
from onboard.core.catalogue_store import add_imported, load_listings, start_import
from onboard.core.i18n import UI_LANGUAGES, _
from onboard.core.jobs import Progress
from onboard.core.project import Project
from onboard.core.tabular import Table, UnreadableFile, open_table

HEADER_SEARCH_ROWS = 30
_TEMPLATE_WORDS = {col.normalise(word) for word in (
    "Mandatory", "Optional", "Required", "Conditional", "Wajib", "Opsional", "必填", "选填", "必須", "任意",
    "Obligatorio", "Obrigatório", "Pflicht", "Obligatoire", "Bắt buộc", "Tùy chọn",
)}  # fmt: skip


@dataclass
class Layout:
    """Where the data is in a table and what each column holds."""

    headers: list[str]
    header_row: int  # 1-based row number in the file
    data_row: int  # first row that may hold a product
    platform: col.Platform | None
    mapping: dict[str, str]
    sample: list[list[str]] = field(default_factory=list)  # the first data rows, for a preview


@dataclass
class ImportResult:
    file: Path
    platform: str
    encoding: str
    delimiter: str
    sheet: str
    added: int = 0
    updated: int = 0
    merged: int = 0  # continuation rows folded into their product (Shopify image rows)
    flagged: list[tuple[Listing, list[Problem]]] = field(default_factory=list)
    skipped: list[tuple[int, str]] = field(default_factory=list)
    catalogue: list[Listing] = field(default_factory=list)  # the whole catalogue after the import
    problems: dict[int, list[Problem]] = field(default_factory=dict)  # by position in `catalogue`

    @property
    def imported(self) -> int:
        return self.added + self.updated


# -- layout ------------------------------------------------------------------------------------------------


def read_layout(table: Table, mapping: dict[str, str] | None = None, sample_rows: int = 20) -> tuple[Layout, list]:
    """Find the header row among the first rows; returns the layout and the rows read so far (to replay)."""
    buffered: list[list[str]] = []
    for row in table.rows:
        buffered.append(row)
        if len(buffered) >= HEADER_SEARCH_ROWS + sample_rows:
            break
    if not any(any(cell.strip() for cell in row) for row in buffered):
        raise UnreadableFile(_("{path} has no rows with values.").format(path=table.path.name))
    settings = _amazon_settings(buffered[0]) if buffered else {}
    if "attributeRow" in settings:
        header_index = int(settings["attributeRow"]) - 1
    else:
        # a platform's own key row wins over its translated label rows; otherwise the row most like a header
        scores = [
            (col.detect_platform(row) is not None, col.header_score(row)) for row in buffered[:HEADER_SEARCH_ROWS]
        ]
        best = max(scores)
        header_index = scores.index(best) if best[0] or best[1] >= 2 else _first_filled(buffered)
    headers = [cell.strip() for cell in buffered[header_index]]
    platform = col.detect_platform(headers)
    if "dataRow" in settings:
        data_index = int(settings["dataRow"]) - 1
    else:
        data_index = header_index + 1 + (platform.data_offset if platform else 0)
    guessed = mapping if mapping is not None else col.guess_mapping(headers, platform)
    layout = Layout(headers, header_index + 1, data_index + 1, platform, guessed,
                    sample=buffered[data_index : data_index + sample_rows])  # fmt: skip
    return layout, buffered


def _first_filled(rows: list[list[str]]) -> int:
    return next(index for index, row in enumerate(rows) if any(cell.strip() for cell in row))


def _amazon_settings(first_row: list[str]) -> dict[str, str]:
    """Amazon templates start with "settings=...&attributeRow=5&dataRow=7" or "TemplateType=...": the rows."""
    first = first_row[0] if first_row else ""
    if not first.startswith(("settings=", "TemplateType=")):
        return {}
    return {key: values[0] for key, values in parse_qs(first.removeprefix("settings=")).items() if values}


def preview(path: str | Path, *, encoding: str | None = None, sheet: str | None = None) -> tuple[Table, Layout]:
    """The file's layout and first rows, to show and correct the column mapping before importing."""
    table = open_table(path, encoding=encoding, sheet=sheet)
    layout, _rows = read_layout(table)
    table.rows.close()
    return table, layout


# -- values --------------------------------------------------------------------------------------------------

_NUMBER_AND_UNIT = re.compile(r"^\s*([-+]?[\d.,]+)\s*([^\d\s].*?)?\s*$")
_THREE_SIZES = re.compile(
    r"([\d.,]+)\s*([a-zA-Z\u4e00-\u9fff]*)\s*[x×X*✕]\s*([\d.,]+)\s*\2?\s*[x×X*✕]\s*([\d.,]+)\s*(\S*)"
)
_LIST_SEPARATORS = re.compile(r"\s*[;；|\n]\s*")
_TAG_SEPARATORS = re.compile(r"\s*[;；|\n,，、#]\s*")
_IMAGE_SEPARATORS = re.compile(r"\s*(?:[;；|\n]+|,\s*(?=https?://|/|\.{1,2}/|[A-Za-z]:\\)|\s+(?=https?://))\s*")


def _number(text: str) -> str:
    amount = parse_decimal(text)
    return str(amount) if amount is not None else text.strip()


def _whole(text: str) -> str:
    amount = parse_decimal(text)
    return str(int(amount)) if amount is not None and amount == amount.to_integral_value() else text.strip()


def _measure(text: str, unit: str, kind: str) -> tuple[str, str]:
    """A value that may carry its own unit ("500 g", "1,2kg") -> (number, unit code)."""
    match = _NUMBER_AND_UNIT.match(text)
    if match and match.group(2):
        written = col.unit_codes(kind).get(col.normalise(match.group(2)))
        if written:
            return _number(match.group(1)), written
    return _number(text) if text.strip() else "", unit


def _unit(text: str, kind: str) -> str:
    return col.unit_codes(kind).get(col.normalise(text), text.strip())


def _dimensions(text: str) -> tuple[str, str, str, str]:
    match = _THREE_SIZES.search(text)
    if not match:
        return "", "", "", ""
    unit_text = match.group(5) or match.group(2)
    return (_number(match.group(1)), _number(match.group(3)), _number(match.group(4)),
            col.unit_codes("length").get(col.normalise(unit_text), ""))  # fmt: skip


def _category(text: str) -> str:
    codes = col.category_codes()
    if col.normalise(text) in codes:
        return codes[col.normalise(text)]
    for part in reversed(re.split(r"\s*[>/|,]\s*", text)):  # "Home > Kitchen > Mugs"
        if col.normalise(part) in codes:
            return codes[col.normalise(part)]
    return text.strip()


@cache
def _country_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for language in ("en", *UI_LANGUAGES):
        for code, name in Locale.parse(language).territories.items():
            if len(code) == 2 and code.isalpha():
                names.setdefault(col.normalise(name), code)
    return names


def _country(text: str) -> str:
    text = text.strip()
    if re.fullmatch(r"[A-Za-z]{2}", text):
        return text.upper()
    return _country_names().get(col.normalise(text), text)


def _resolve_image(text: str, base: Path) -> str:
    if re.match(r"^[a-z][a-z0-9+.-]*://", text, re.I) or not text:
        return text
    path = Path(text).expanduser()
    return str(path if path.is_absolute() else (base / path).resolve())


class RowReader:
    """Turns one data row into the values of a listing, following the mapping."""

    def __init__(self, layout: Layout, base: Path) -> None:
        self.base = base
        self.fixed = layout.platform.fixed if layout.platform else {}
        self.plan = [(index, header, layout.mapping.get(header, col.IGNORE))
                     for index, header in enumerate(layout.headers)]  # fmt: skip
        self.plan = [(index, header, target) for index, header, target in self.plan if target != col.IGNORE]
        self.weight_unit = next((col.unit_in_header(h, "weight") for _i, h, t in self.plan if t == "weight"), "")
        self.length_unit = next(
            (col.unit_in_header(h, "length") for _i, h, t in self.plan if t in ("length", "width", "height")), ""
        )

    def values(self, row: list[str]) -> dict[str, object]:
        raw: dict[str, list[str]] = {}
        options: list[tuple[str, str]] = []
        for index, _header, target in self.plan:
            cell = row[index].strip() if index < len(row) else ""
            if target.startswith("option:"):
                if cell:
                    options.append((target[7:], cell))
            elif cell:
                raw.setdefault(target, []).append(cell)
        first = {key: cells[0] for key, cells in raw.items()}
        return self._listing_values(first, raw, options)

    def _listing_values(self, first: dict[str, str], raw: dict[str, list[str]], extra_options) -> dict:
        values: dict[str, object] = {key: first.get(key, "") for key in (
            "description", "hs_code", "handle", "row_id", "row_type")}  # fmt: skip
        for key in ("sku", "parent_sku"):  # Excel's text marker "'0012" is not part of the code
            values[key] = first.get(key, "").removeprefix("'")
        values["title"], values["brand"] = html.unescape(first.get("title", "")), html.unescape(first.get("brand", ""))
        values["category"] = _category(html.unescape(first["category"])) if "category" in first else ""
        values["price"] = _number(first.get("price", ""))
        values["cost"] = _number(first.get("cost", ""))
        values["stock"] = _whole(first.get("stock", ""))
        unit = _unit(first.get("weight_unit", ""), "weight") or self.fixed.get("weight_unit", "") or self.weight_unit
        values["weight"], values["weight_unit"] = _measure(first.get("weight", ""), unit, "weight")
        length_unit = (_unit(first.get("dimension_unit", ""), "length") or self.fixed.get("dimension_unit", "")
                       or self.length_unit)  # fmt: skip
        sizes = [first.get(name, "") for name in ("length", "width", "height")]
        if not any(sizes) and first.get("dimensions"):
            *sizes, written = _dimensions(first["dimensions"])
            length_unit = written or length_unit
        values["length"], values["width"], values["height"] = (_number(size) if size else "" for size in sizes)
        values["dimension_unit"] = length_unit if any(sizes) else _unit(first.get("dimension_unit", ""), "length")
        values["gtin"] = clean_gtin(first.get("gtin", "").removeprefix("'"))
        values["origin"] = _country(first["origin"]) if "origin" in first else ""
        values["bullets"] = tuple(first[f"bullet_{n}"] for n in range(1, 6) if first.get(f"bullet_{n}"))
        values["materials"] = _split(raw.get("materials", []), _LIST_SEPARATORS)
        values["tags"] = _split([html.unescape(tag) for tag in raw.get("tags", [])], _TAG_SEPARATORS)
        values["images"] = tuple(_resolve_image(i, self.base) for i in _split(raw.get("images", []), _IMAGE_SEPARATORS))
        options = []
        for n in range(1, MAX_OPTIONS + 1):
            name, value = first.get(f"option_{n}_name", ""), first.get(f"option_{n}_value", "")
            if name or value:
                options.append((name, value))
        values["options"] = tuple((options + list(extra_options))[:MAX_OPTIONS])
        return values


def _split(cells: list[str], separator: re.Pattern) -> tuple[str, ...]:
    parts: list[str] = []
    for cell in cells:
        parts += [part.strip() for part in separator.split(cell) if part.strip()]
    return tuple(dict.fromkeys(parts))


def _listing(values: dict[str, object], row: int, **overrides: object) -> Listing:
    keep = {key: value for key, value in values.items() if key not in ("handle", "row_id", "row_type")}
    keep.update(overrides)
    return Listing(source_row=row, **keep)


# -- assembling rows into listings ---------------------------------------------------------------------------


def _rows(table: Table, buffered: list[list[str]], layout: Layout) -> Iterator[tuple[int, list[str]]]:
    number = 0
    for row in buffered:
        number += 1
        if number >= layout.data_row:
            yield number, row
    for row in table.rows:
        number += 1
        yield number, row


def _is_template_row(row: list[str], layout: Layout) -> bool:
    cells = [col.normalise(cell) for cell in row if cell.strip()]
    if cells and all(cell in _TEMPLATE_WORDS for cell in cells):
        return True
    return col.header_score(row) >= max(3, len([h for h in layout.headers if h]) // 2)


class Assembler:
    """Rows -> listings for files where every row is one listing (the generic case and Amazon)."""

    def __init__(self, reader: RowReader, result: ImportResult) -> None:
        self.reader = reader
        self.result = result

    def feed(self, number: int, row: list[str]) -> Iterator[Listing]:
        values = self.reader.values(row)
        yield _listing(values, number)

    def finish(self) -> Iterator[Listing]:
        return iter(())


class ShopifyAssembler(Assembler):
    """Shopify exports spread one product over rows sharing a Handle: product, variants, extra images."""

    def __init__(self, reader: RowReader, result: ImportResult) -> None:
        super().__init__(reader, result)
        self.product: dict | None = None
        self.product_row = 0
        self.variants: list[tuple[int, dict]] = []
        self.images: list[str] = []

    def feed(self, number: int, row: list[str]) -> Iterator[Listing]:
        values = self.reader.values(row)
        handle = values["handle"] or (self.product or {}).get("handle", "")
        if self.product is None or handle != self.product["handle"]:
            yield from self.finish()
            self.product, self.product_row, self.variants, self.images = values, number, [], []
        is_variant = values["sku"] or values["price"] or any(value for _name, value in values["options"])
        if is_variant:
            self.variants.append((number, values))
        else:
            self.result.merged += 1
        self.images += [image for image in values["images"] if image not in self.images]

    def finish(self) -> Iterator[Listing]:
        if self.product is None:
            return
        product, handle = self.product, self.product["handle"]
        self.product = None
        names = [name for name, _value in product["options"]]
        single = len(self.variants) <= 1 and all(v in ("", "Default Title") for _n, v in product["options"])
        shared = {key: product[key] for key in ("title", "description", "brand", "category", "tags")}
        if single:
            number, variant = self.variants[0] if self.variants else (self.product_row, product)
            yield _listing({**variant, **shared}, number, sku=variant["sku"] or handle, options=(),
                           images=tuple(self.images))  # fmt: skip
            return
        yield _listing({**product, "price": "", "stock": "", "gtin": "", "weight": "", "weight_unit": ""},
                       self.product_row, sku=handle, options=tuple((n, "") for n in names),
                       images=tuple(self.images))  # fmt: skip
        for index, (number, variant) in enumerate(self.variants, start=1):
            options = tuple((names[i] if i < len(names) else name, value)
                            for i, (name, value) in enumerate(variant["options"]))  # fmt: skip
            yield _listing({**variant, "title": "", "description": "", "tags": (), "brand": "", "category": ""},
                           number,
                           sku=variant["sku"] or f"{handle}-{index}", parent_sku=handle, options=options)  # fmt: skip


class WooCommerceAssembler(Assembler):
    """WooCommerce variations point to their parent as "id:41"; parents may come after them."""

    def __init__(self, reader: RowReader, result: ImportResult) -> None:
        super().__init__(reader, result)
        self.rows: list[tuple[int, dict]] = []

    def feed(self, number: int, row: list[str]) -> Iterator[Listing]:
        self.rows.append((number, self.reader.values(row)))
        return iter(())

    def finish(self) -> Iterator[Listing]:
        sku_of_id = {values["row_id"]: values["sku"] or f"woo-{values['row_id']}" for _n, values in self.rows}
        for number, values in self.rows:
            parent = values["parent_sku"]
            if parent.startswith("id:"):
                parent = sku_of_id.get(parent[3:], parent)
            sku = values["sku"] or (f"woo-{values['row_id']}" if values["row_id"] else "")
            yield _listing(values, number, sku=sku, parent_sku=parent)


ASSEMBLERS = {"shopify": ShopifyAssembler, "woocommerce": WooCommerceAssembler}


# -- the job ---------------------------------------------------------------------------------------------------


def run_import(
    project: Project,
    path: str | Path,
    *,
    encoding: str | None = None,
    sheet: str | None = None,
    mapping: dict[str, str] | None = None,
    progress: Progress | None = None,
) -> ImportResult:
    """Import a spreadsheet into the project's catalogue in one transaction (see the module docstring)."""
    progress = progress or Progress()
    path = Path(path)
    table = open_table(path, encoding=encoding, sheet=sheet)
    try:
        layout, buffered = read_layout(table, mapping)
        for target in layout.mapping.values():
            col.check_target(target)
        platform = layout.platform.code if layout.platform else ""
        result = ImportResult(path, layout.platform.name if layout.platform else "", table.encoding,
                              table.delimiter, table.sheet)  # fmt: skip
        reader = RowReader(layout, path.parent)
        assembler = ASSEMBLERS.get(platform, Assembler)(reader, result)
        columns = {target: header for header, target in layout.mapping.items() if target in _FIELD_TARGETS}
        with project.transaction():
            import_id = start_import(project, file=str(path), file_format=platform or table.kind, columns=columns)
            listings = _listings(table, buffered, layout, assembler, result, progress)
            result.added, result.updated = add_imported(project, import_id, listings)
        progress.update(1.0, force=True)
    finally:
        table.rows.close()
    result.catalogue = load_listings(project)
    result.problems = validate(result.catalogue)
    result.flagged = [(result.catalogue[i], found) for i, found in result.problems.items()
                      if result.catalogue[i].import_id == import_id]  # fmt: skip
    return result


def _listings(table, buffered, layout, assembler, result, progress) -> Iterator[Listing]:
    message = _("Importing {file}").format(file=table.path.name)
    for number, row in _rows(table, buffered, layout):
        progress.update(table.done(), message)
        if not any(cell.strip() for cell in row):
            result.skipped.append((number, _("empty row")))
            continue
        if number < layout.data_row + 10 and _is_template_row(row, layout):  # furniture sits at the top
            result.skipped.append((number, _("a heading or instruction row, not a product")))
            continue
        yield from assembler.feed(number, row)
    yield from assembler.finish()


_FIELD_TARGETS = set(col.valid_targets()) - {col.IGNORE, *col.PLATFORM_KEYS}
