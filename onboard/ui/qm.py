"""Write Qt's compiled translation format (.qm) in memory, so QTranslator can serve words from our catalogs.

A Python subclass of QTranslator would do the same, but PySide6 loses a reference to None on every call to an
overridden `translate()` and the interpreter aborts after enough lookups; a real .qm keeps the lookup in C++.
Layout as in Qt's qtranslator.cpp: magic, then a hash table section and a message section.
"""

from __future__ import annotations

import struct
from collections.abc import Iterable

QM_MAGIC = bytes([0x3C, 0xB8, 0x64, 0x18, 0xCA, 0xEF, 0x9C, 0x95, 0xCD, 0x21, 0x1C, 0xBF, 0x60, 0xA1, 0xBD, 0xDD])
_HASHES, _MESSAGES = 0x42, 0x69
_END, _TRANSLATION, _SOURCE_TEXT, _CONTEXT = 1, 3, 6, 7


def elf_hash(data: bytes) -> int:
    """Qt's lookup hash of `source text + disambiguation` (the classic ELF hash; never 0)."""
    value = 0
    for byte in data:
        value = ((value << 4) + byte) & 0xFFFFFFFF
        high = value & 0xF0000000
        if high:
            value ^= high >> 24
        value &= ~high & 0xFFFFFFFF
    return value or 1


def _field(tag: int, payload: bytes) -> bytes:
    return bytes([tag]) + struct.pack(">I", len(payload)) + payload


def build_qm(messages: Iterable[tuple[str, str, str]]) -> bytes:
    """A .qm holding (context, source text, translation) triples; empty translations are left out."""
    records = bytearray()
    table = []
    for context, source, translation in messages:
        if not translation:
            continue
        table.append((elf_hash(source.encode("utf-8")), len(records)))
        records += _field(_TRANSLATION, translation.encode("utf-16-be"))
        records += _field(_SOURCE_TEXT, source.encode("utf-8"))
        records += _field(_CONTEXT, context.encode("utf-8"))
        records.append(_END)
    hashes = b"".join(struct.pack(">II", value, offset) for value, offset in sorted(table))
    return QM_MAGIC + _field(_HASHES, hashes) + _field(_MESSAGES, bytes(records))
