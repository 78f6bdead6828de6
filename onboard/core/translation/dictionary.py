"""Short fields (colours, sizes, materials, option names and values) from a bundled dictionary, before any model.

`data/dictionary/attributes.tsv`: one concept per row, one Argos language code per column. Models are weakest
on single words out of context ("Orange", "Navy", "One size"); a dictionary is right every time.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from functools import cache
from importlib.resources import files

MAX_WORDS = 4  # longer texts are sentences, not attribute values


def _key(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


@cache
def _table() -> tuple[list[str], list[list[str]]]:
    text = files("onboard.data").joinpath("dictionary", "attributes.tsv").read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE))
    return rows[0], rows[1:]


@cache
def _index(source: str, target: str) -> dict[str, str]:
    header, rows = _table()
    if source not in header or target not in header:
        return {}
    source_column, target_column = header.index(source), header.index(target)
    return {_key(row[source_column]): row[target_column] for row in rows}


def languages() -> tuple[str, ...]:
    return tuple(_table()[0][1:])


def look_up(text: str, source: str, target: str) -> str | None:
    """The dictionary's translation of a short text, or None."""
    if not text.strip() or len(text.split()) > MAX_WORDS:
        return None
    return _index(source, target).get(_key(text))
