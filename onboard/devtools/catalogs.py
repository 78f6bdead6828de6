"""Keep the message catalogs in step with the code.

python -m onboard.devtools.catalogs update [DOMAIN]  # re-extract the templates, merge into every .po
python -m onboard.devtools.catalogs check            # list stale, missing, fuzzy or broken translations

Domains: onboard (the code's messages), qt (Qt's own words where PySide6 ships none), data (texts of the data
files a seller reads: compliance rules, payment methods).
"""

from __future__ import annotations

import io
import re
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

from onboard.core.i18n import DATA_DOMAIN, DOMAIN, LOCALES_DIR, SOURCE_LANGUAGE, UI_LANGUAGES, catalog_path

PACKAGE_DIR = Path(__file__).resolve().parents[1]
QT_DOMAIN = "qt"
QT_MESSAGES_FILE = "ui/qt_messages.py"

_KEYWORDS = {
    DOMAIN: {"_": None, "N_": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2)},
    QT_DOMAIN: {"QT_": ((1, "c"), 2)},
    DATA_DOMAIN: {},
}
#: Keys of the data files whose values sellers read (translated through the `data` catalogs).
DATA_TEXT_KEYS = ("title", "evidence", "threshold", "summary", "note")
_WORD = re.compile(r"[^\W\d_]{2,}")
_PLACEHOLDER = {
    DOMAIN: re.compile(r"\{[a-z_]+\}"),
    QT_DOMAIN: re.compile(r"%\d"),
    DATA_DOMAIN: re.compile(r"\{[a-z_]+\}"),
}


def qt_languages() -> tuple[str, ...]:
    """Interface languages PySide6 ships no qtbase translation for: our `qt` catalog speaks for Qt there."""
    from onboard.ui.language import has_qt_translation

    return tuple(code for code in UI_LANGUAGES if not has_qt_translation(code))


def languages(domain: str) -> tuple[str, ...]:
    """The catalogs a domain keeps: all 24 for ours (English too, so its wording can be edited there)."""
    return qt_languages() if domain == QT_DOMAIN else UI_LANGUAGES


def data_texts() -> Iterator[tuple[str, Path, str]]:
    """(text, file, where) for every seller-facing text of the compliance and payments data files."""
    data_dir = PACKAGE_DIR / "data"
    for path in [*sorted((data_dir / "compliance").glob("*.toml")), data_dir / "payments.toml"]:
        if path.exists():
            for text, where in _texts(tomllib.loads(path.read_text(encoding="utf-8")), ""):
                yield text, path, where.strip(".")


def _texts(node: object, where: str) -> Iterator[tuple[str, str]]:
    if isinstance(node, list):
        for item in node:
            yield from _texts(item, f"{where}.{item.get('id', '')}" if isinstance(item, dict) else where)
    elif isinstance(node, dict):
        if node.get("generic") and node.get("name"):
            yield node["name"], f"{where}.name"
        for key, value in node.items():
            if key in DATA_TEXT_KEYS and isinstance(value, str) and value.strip():
                yield value, f"{where}.{key}"
            elif isinstance(value, dict | list):
                yield from _texts(value, f"{where}.{key}")


def extract(domain: str) -> Catalog:
    """The template as the code (or the data files) stand now."""
    catalog = Catalog(project="Onboard", domain=domain, msgid_bugs_address="", fuzzy=False)
    if domain == DATA_DOMAIN:
        for text, path, where in data_texts():
            catalog.add(text, None, [(f"onboard/data/{path.name}", 0)], auto_comments=[where])
        return catalog

    def wanted(path: str) -> bool:
        in_qt_file = path.replace("\\", "/").endswith(QT_MESSAGES_FILE)
        return in_qt_file if domain == QT_DOMAIN else "devtools" not in path

    method_map = [("**.py", "python")]
    for filename, lineno, message, comments, context in extract_from_dir(
        PACKAGE_DIR, method_map, keywords=_KEYWORDS[domain], comment_tags=("Translators:",),
        callback=None, strip_comment_tags=True,
    ):  # fmt: skip
        if not wanted(filename):
            continue
        catalog.add(message, None, [(f"onboard/{filename}", lineno)], auto_comments=comments, context=context)
    return catalog


def template_path(domain: str) -> Path:
    return LOCALES_DIR / f"{domain}.pot"


def _po_bytes(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, omit_header=False, sort_output=True, include_previous=False)
    return buffer.getvalue()


def _read(path: Path, locale: str | None, domain: str) -> Catalog:
    with path.open("rb") as file:
        return read_po(file, locale=locale, domain=domain)


def update(domains: list[str] | None = None) -> None:
    """Write fresh templates and merge them into every catalog (new messages arrive untranslated)."""
    for domain in domains or _KEYWORDS:
        template = extract(domain)
        template_path(domain).write_bytes(_po_bytes(template))
        # English last: filling its strings must not write into the template's messages others still copy.
        for code in sorted(languages(domain), key=lambda code: code == SOURCE_LANGUAGE):
            path = catalog_path(code, domain)
            catalog = _read(path, code, domain) if path.exists() else Catalog(locale=code, domain=domain)
            catalog.update(template, no_fuzzy_matching=True)
            catalog.obsolete.clear()
            if code == SOURCE_LANGUAGE:
                for message in catalog:
                    if message.id and not any(
                        message.string if isinstance(message.string, tuple) else [message.string]
                    ):
                        message.string = message.id
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(_po_bytes(catalog))


def _key(message) -> tuple[str | None, str]:
    msgid = message.id[0] if isinstance(message.id, tuple) else message.id
    return message.context, msgid


def problems() -> list[str]:
    """Everything that keeps a catalog from being complete and current; empty when all is well."""
    found: list[str] = []
    for domain in _KEYWORDS:
        fresh = {_key(m) for m in extract(domain) if m.id}
        path = template_path(domain)
        if not path.exists():
            found.append(f"{path.name}: missing; run `python -m onboard.devtools.catalogs update`")
            continue
        if {_key(m) for m in _read(path, None, domain) if m.id} != fresh:
            found.append(f"{path.name}: stale against the code; run `python -m onboard.devtools.catalogs update`")
        for code in languages(domain):
            found += _catalog_problems(code, domain, fresh)
    return found


def _catalog_problems(code: str, domain: str, expected: set) -> list[str]:
    path = catalog_path(code, domain)
    if not path.exists():
        return [f"{code}/{domain}.po: missing"]
    catalog = _read(path, code, domain)
    found = []
    have = {_key(m) for m in catalog if m.id}
    found += [f"{code}/{domain}.po: lacks {msgid!r}" for _ctx, msgid in sorted(expected - have, key=str)]
    found += [f"{code}/{domain}.po: obsolete {msgid!r}" for _ctx, msgid in sorted(have - expected, key=str)]
    placeholder = _PLACEHOLDER[domain]
    for message in catalog:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        label = f"{code}/{domain}.po: {ids[0]!r}"
        if message.fuzzy:
            found.append(f"{label} is fuzzy")
        if not all(strings) or (len(ids) > 1 and len(strings) != catalog.num_plurals):
            found.append(f"{label} is not translated")
            continue
        if code != SOURCE_LANGUAGE and strings[0] == ids[0] and _is_phrase(placeholder.sub("", ids[0])):
            found.append(f"{label} is still English")
        wanted = set(placeholder.findall(ids[-1]))
        for string in strings:
            if set(placeholder.findall(string)) != wanted:
                found.append(f"{label}: placeholders {sorted(wanted)} differ in {string!r}")
    return found


def _is_phrase(text: str) -> bool:
    """Three or more words: a text no other language writes the same (unlike "OK", "VAT / GST" or "GTIN / EAN")."""
    return sum(1 for token in text.split() if _WORD.search(token) and not token.isupper()) >= 3


def main(argv: list[str]) -> int:
    if argv[:1] == ["update"] and set(argv[1:]) <= set(_KEYWORDS):
        update(argv[1:])
        return 0
    if argv[:1] == ["check"]:
        issues = problems()
        print("\n".join(issues) or "all catalogs complete")
        return 1 if issues else 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
