"""Keep what must not change through translation: brands, SKUs and model numbers, numbers with units, prices,
URLs, e-mail addresses and the seller's glossary terms.

Each protected span is replaced by a numbered placeholder before the model sees the text and put back after; a
placeholder the model lost or repeated makes the segment "needs review", never a silent success.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

_UNITS = (
    r"mAh|Ah|Wh|kWh|W|kW|V|A|mA|Hz|kHz|GHz|MHz|°C|°F|℃|ml|mL|cl|L|l|g|kg|mg|lb|lbs|oz|mm|cm|m|km|in|inch|ft|"
    r"GB|TB|MB|KB|Mbps|dB|lm|K|pcs|pc|x|%|mm²|cm²|m²|m³|ppm|bar|psi|rpm|mins?|h|hrs?|cups?"
)
_NUMBER = r"\d+(?:[.,]\d+)*"
_PATTERNS = (
    ("url", r"(?:https?://|www\.)[^\s<>\"'，。]+[^\s<>\"'，。.,;:!?)]"),
    ("email", r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"),
    ("price", rf"(?:[$€£¥₩₫₹₱฿₺]|R\$|US\$|RM|Rp)\s?{_NUMBER}|{_NUMBER}\s?(?:元|円|USD|EUR|CNY|RMB)"),
    ("size", rf"{_NUMBER}\s?(?:[x×*✕]\s?{_NUMBER}\s?){{1,2}}(?:{_UNITS})?\b"),  # 30 × 20 cm, 30x20x10mm
    ("measure", rf"{_NUMBER}\s?(?:{_UNITS})(?:\s?/\s?{_NUMBER}\s?(?:{_UNITS}))*(?![A-Za-z])"),  # 20000 mAh, 5 V / 2 A
    (
        "model",
        r"\b(?=[A-Za-z0-9-]*\d)(?=[A-Za-z0-9-]*[A-Za-z])[A-Za-z0-9]+(?:-[A-Za-z0-9]+)+\b|\b[A-Z]{1,4}\d{2,}[A-Z0-9]*\b",
    ),
)
_AUTOMATIC = re.compile("|".join(f"(?P<{name}>{pattern})" for name, pattern in _PATTERNS))
_PLACEHOLDER = re.compile(r"\{(\d+)\}")


@dataclass(frozen=True)
class GlossaryEntry:
    """A term the seller fixed: kept as it is (`translations` empty) or written as given per language."""

    term: str
    translations: dict[str, str] = field(default_factory=dict)
    case_sensitive: bool = False


@dataclass
class Masked:
    text: str  # what the model sees
    spans: list[str]  # the text each placeholder {1}, {2}, ... stands for, as it must read in the target


def mask(text: str, *, keep: Iterable[str] = (), glossary: Iterable[GlossaryEntry] = (), target: str = "") -> Masked:
    """Replace protected spans by placeholders {1}, {2}, ...; glossary terms become their forced translation."""
    spans: list[str] = []
    found: list[tuple[int, int, str]] = []  # (start, end, replacement), non-overlapping
    occupied = [False] * len(text)

    def claim(start: int, end: int, replacement: str) -> None:
        if start < end and not any(occupied[start:end]):
            occupied[start:end] = [True] * (end - start)
            found.append((start, end, replacement))

    for entry in sorted(glossary, key=lambda item: -len(item.term)):
        flags = 0 if entry.case_sensitive else re.IGNORECASE
        for match in re.finditer(_whole(entry.term), text, flags):
            claim(match.start(), match.end(), entry.translations.get(target, match.group()))
    for term in sorted({term for term in keep if term.strip()}, key=len, reverse=True):
        for match in re.finditer(_whole(term), text):
            claim(match.start(), match.end(), match.group())
    for match in _AUTOMATIC.finditer(text):
        claim(match.start(), match.end(), match.group())
    pieces: list[str] = []
    position = 0
    for start, end, replacement in sorted(found):
        spans.append(replacement)
        pieces += [text[position:start], f"{{{len(spans)}}}"]
        position = end
    pieces.append(text[position:])
    return Masked("".join(pieces), spans)


def _whole(term: str) -> str:
    """A pattern for the term as a whole word where words have edges (Latin letters, digits); CJK has none."""
    before = r"(?<![A-Za-z0-9])" if term[:1].isascii() and term[:1].isalnum() else ""
    after = r"(?![A-Za-z0-9])" if term[-1:].isascii() and term[-1:].isalnum() else ""
    return f"{before}{re.escape(term)}{after}"


def unmask(translated: str, masked: Masked) -> tuple[str, list[str]]:
    """Put the protected spans back; returns the text and the spans that were lost or doubled by the model."""
    seen: dict[int, int] = {}

    def restore(match: re.Match) -> str:
        number = int(match.group(1))
        if not 1 <= number <= len(masked.spans):
            return match.group()
        seen[number] = seen.get(number, 0) + 1
        return masked.spans[number - 1]

    text = _PLACEHOLDER.sub(restore, translated)
    lost = [span for number, span in enumerate(masked.spans, start=1) if seen.get(number) != 1]
    return text, lost
