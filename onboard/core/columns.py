"""Which catalogue field each column holds: platform layouts, header synonyms in many languages, saved mappings.

A mapping is `{column header: target}`; a target is a catalogue field, `option:<Name>` (the column holds the
values of one option, like a "Color" column), one of the platform keys (`handle`, `row_id`, `row_type`),
or `ignore`.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path

from onboard.core.catalogue import FIELDS
from onboard.core.errors import InvalidValue
from onboard.core.i18n import _

PLATFORM_KEYS = ("handle", "row_id", "row_type")
LIST_FIELDS = ("images", "tags", "materials")
IGNORE = "ignore"
_REMOVED = re.compile(r"[\s_\-.·/\\:：()\[\]{}（）【】「」<>《》,，、'\"’]+")
_AMAZON_QUALIFIERS = re.compile(r"\[[^\]]*\]|#\d+\.value$|\.value$")
_UNIT_IN_HEADER = re.compile(r"[(（\[]\s*([^)）\]]+?)\s*[)）\]]\s*$")


def normalise(header: str) -> str:
    """The form headers are compared in: "Variant SKU", "variant_sku" and "VARIANT-SKU" are one."""
    text = unicodedata.normalize("NFKC", header).casefold().strip()
    return _REMOVED.sub("", _AMAZON_QUALIFIERS.sub("", text))


def _data(name: str) -> dict:
    return tomllib.loads(files("onboard.data").joinpath(name).read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Platform:
    code: str
    name: str
    signatures: tuple[frozenset[str], ...]
    columns: dict[str, str]  # normalised header -> target
    fixed: dict[str, str]
    data_offset: int


@cache
def platforms() -> dict[str, Platform]:
    return {
        code: Platform(
            code=code,
            name=block["name"],
            signatures=tuple(frozenset(normalise(h) for h in signature) for signature in block["signatures"]),
            columns={normalise(header): target for header, target in block["columns"].items()},
            fixed=dict(block.get("fixed", {})),
            data_offset=int(block.get("data_offset", 0)),
        )
        for code, block in _data("platforms.toml").items()
    }


@cache
def _vocabulary() -> dict:
    return _data("headers.toml")


@cache
def synonyms() -> dict[str, str]:
    """Normalised header -> target, from the multilingual synonym lists."""
    index: dict[str, str] = {}
    vocabulary = _vocabulary()
    for field_name, block in vocabulary["fields"].items():
        for word in block["synonyms"]:
            index.setdefault(normalise(word), field_name)
    for option, words in vocabulary.get("option_columns", {}).items():
        for word in words:
            index.setdefault(normalise(word), f"option:{option}")
    return index


@cache
def category_codes() -> dict[str, str]:
    """Words sellers use for a product category (in many languages) -> Onboard's category code."""
    return {normalise(word): code for code, words in _vocabulary()["categories"].items() for word in [code, *words]}


@cache
def unit_codes(kind: str) -> dict[str, str]:
    """Words for weight or length units -> unit code (g, kg, lb, oz / mm, cm, m, in)."""
    units = _vocabulary()["units"][kind]
    return {normalise(word): code for code, words in units.items() for word in [code, *words]}


def unit_in_header(header: str, kind: str) -> str:
    """The unit a header names, as in "Weight (kg)" or "Länge [mm]"; empty if none."""
    match = _UNIT_IN_HEADER.search(header)
    return unit_codes(kind).get(normalise(match.group(1)), "") if match else ""


def detect_platform(headers: list[str]) -> Platform | None:
    present = {normalise(h) for h in headers if h}
    matches = [(len(signature), platform) for platform in platforms().values()
               for signature in platform.signatures if signature <= present]  # fmt: skip
    return max(matches, key=lambda match: match[0])[1] if matches else None


def target_for(header: str, platform: Platform | None = None) -> str:
    """The likeliest target for one header, or "" when nothing fits."""
    key = normalise(header)
    if not key:
        return ""
    if platform and key in platform.columns:
        return platform.columns[key]
    found = synonyms().get(key)
    if found:
        return found
    without_unit = normalise(_UNIT_IN_HEADER.sub("", header))
    if without_unit != key and without_unit in synonyms():
        return synonyms()[without_unit]
    numbered = re.fullmatch(r"(.*?)\d{1,2}", key)  # "IMAGE3", "Bild 2", "图片3"
    if numbered and synonyms().get(numbered.group(1)) in LIST_FIELDS:
        return synonyms()[numbered.group(1)]
    return ""


def header_score(row: list[str]) -> int:
    """How many cells of a row read as known column headers (finds the header row and the right sheet)."""
    platform = detect_platform(row)
    return sum(1 for cell in row if target_for(cell, platform))


def guess_mapping(headers: list[str], platform: Platform | None = None) -> dict[str, str]:
    """A target for every header: each field goes to its first column, list fields may take several."""
    mapping: dict[str, str] = {}
    taken: set[str] = set()
    for header in headers:
        if not header or header in mapping:
            continue
        target = target_for(header, platform)
        if target.startswith("option:") and platform is None:
            target = f"option:{header.strip()}"  # the seller's own word ("颜色") names the option
        if not target or (target in taken and target not in LIST_FIELDS and not target.startswith("option:")):
            target = IGNORE
        mapping[header] = target
        taken.add(target)
    return mapping


def valid_targets() -> tuple[str, ...]:
    return (*FIELDS, *PLATFORM_KEYS, IGNORE)


def check_target(target: str) -> None:
    if target not in valid_targets() and not (target.startswith("option:") and target[7:].strip()):
        raise InvalidValue(
            _("“{target}” is not a field Onboard knows. Use one of: {targets}, or option:Name.").format(
                target=target, targets=", ".join(valid_targets())
            )
        )


def load_mapping(path: str | Path) -> dict[str, str]:
    """A mapping saved with `save_mapping` (or written by hand): `[columns]` header = target."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise InvalidValue(_("There is no file at {path}.").format(path=path)) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise InvalidValue(_("{path} is not a valid mapping file: {reason}").format(path=path, reason=error)) from None
    columns = data.get("columns")
    if not isinstance(columns, dict) or not all(isinstance(v, str) for v in columns.values()):
        raise InvalidValue(_("{path} has no [columns] table of header = field lines.").format(path=path))
    for target in columns.values():
        check_target(target)
    return dict(columns)


def save_mapping(mapping: dict[str, str], path: str | Path) -> None:
    """Write a mapping a seller can reuse with `--mapping` (and read or edit in a text editor)."""
    lines = ["# Onboard column mapping: column header = field (or option:Name, or ignore)", "[columns]"]
    lines += [f"{_toml_string(header)} = {_toml_string(target)}" for header, target in mapping.items()]
    Path(path).write_text("\n".join(lines) + "\n", encoding="utf-8")


def _toml_string(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
    return f'"{escaped}"'
