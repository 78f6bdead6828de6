"""Cut text into the pieces a translation model sees: HTML text between tags, then sentences.

Our own splitter, so nothing ever downloads a sentence model (argostranslate's default would, at run time).
Each piece remembers what surrounded it, so the translated pieces join back with tags and spacing in order.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_SENTENCE_END = re.compile(
    r"(?<=[.!?…])[\"'”’)]*\s+(?=[\"'“‘(]*[A-ZÀ-ÖØ-ÞĀ-ſА-Я0-9])"  # Latin/Cyrillic: ". " before a capital or digit
    r"|(?<=[。！？])[」』”’）]*"  # CJK full stops end a sentence even without a space
    r"|\n+"
)


def split_sentences(text: str) -> list[str]:
    """Sentences and the whitespace between them, alternating: joining the list gives `text` back."""
    parts: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.end()
        if match.start() == match.end():  # zero-width split after a CJK full stop
            if end <= start or end >= len(text):
                continue
            parts += [text[start:end], ""]
        else:
            parts += [text[start : match.start()], match.group()]
        start = end
    parts.append(text[start:])
    return parts


def is_translatable(piece: str) -> bool:
    """Whitespace, punctuation and numbers alone stay as they are."""
    return any(ch.isalpha() for ch in piece)


class _Pieces(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pieces: list[tuple[bool, str]] = []  # (is text, content)

    def handle_starttag(self, tag, attrs) -> None:
        self.pieces.append((False, self.get_starttag_text() or f"<{tag}>"))

    def handle_startendtag(self, tag, attrs) -> None:
        self.pieces.append((False, self.get_starttag_text() or f"<{tag}/>"))

    def handle_endtag(self, tag) -> None:
        self.pieces.append((False, f"</{tag}>"))

    def handle_data(self, data) -> None:
        self.pieces.append((True, data))

    def handle_comment(self, data) -> None:
        self.pieces.append((False, f"<!--{data}-->"))


def html_pieces(html: str) -> list[tuple[bool, str]]:
    """An HTML description as (is text, content) in order: tags kept verbatim, text to translate."""
    parser = _Pieces()
    parser.feed(html)
    parser.close()
    return parser.pieces


def escape_text(text: str) -> str:
    """Translated text going back between tags."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
