"""The translation engine: installed Argos packages run on CTranslate2, in large batches, never touching the network.

argostranslate's own sentence splitter would download a model at run time, so it is never used: sentences are cut
by `segments.split_sentences`. Everything else follows argostranslate: the package's own tokenizer, its target
prefix, and the same decoding options and post-processing. All sentences of a call are deduplicated and go to
CTranslate2 in one `translate_batch`; models stay loaded for as long as the Engine lives.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from onboard.core.translation import packs
from onboard.core.translation.segments import is_translatable, split_sentences

PIVOT = "en"


@dataclass(frozen=True)
class Route:
    """How one language becomes another: directly, through English, or not at all."""

    hops: tuple[tuple[str, str], ...]

    @property
    def kind(self) -> str:
        return {0: "none", 1: "direct", 2: "pivot"}.get(len(self.hops), "none")


def find_route(pairs: set[tuple[str, str]], source: str, target: str) -> Route:
    if (source, target) in pairs:
        return Route(((source, target),))
    if (source, PIVOT) in pairs and (PIVOT, target) in pairs:
        return Route(((source, PIVOT), (PIVOT, target)))
    return Route(())


class Engine:
    """Loaded models by language pair; one Engine per worker thread, kept for the life of the worker."""

    def __init__(self, directory: Path | None = None, threads: int | None = None, beam_size: int = 4,
                 batch_tokens: int = 8192) -> None:  # fmt: skip
        self._directory = directory
        self._threads = threads or os.cpu_count() or 1
        self._beam_size = beam_size
        self._batch_tokens = batch_tokens
        self._packages = {(p.from_code, p.to_code): p for p in packs.argos_packages(directory)}
        self._translators: dict[tuple[str, str], object] = {}

    def pairs(self) -> set[tuple[str, str]]:
        return set(self._packages)

    def route(self, source: str, target: str) -> Route:
        return find_route(self.pairs(), source, target)

    def translate(self, texts: Sequence[str], source: str, target: str,
                  on_batch: Callable[[], None] | None = None) -> list[str]:  # fmt: skip
        """Translate every text (directly or through English); the texts keep their order and whitespace."""
        route = self.route(source, target)
        if route.kind == "none":
            raise LookupError(f"no language pack for {source} -> {target}")
        results = list(texts)
        for pair in route.hops:
            results = self._translate_hop(results, pair)
            if on_batch:
                on_batch()
        return results

    def _translator(self, pair: tuple[str, str]):
        if pair not in self._translators:
            import ctranslate2

            supported = ctranslate2.get_supported_compute_types("cpu")
            self._translators[pair] = ctranslate2.Translator(
                str(self._packages[pair].package_path / "model"),
                device="cpu",
                compute_type="int8" if "int8" in supported else "default",
                inter_threads=1,
                intra_threads=self._threads,
            )
        return self._translators[pair]

    def _translate_hop(self, texts: list[str], pair: tuple[str, str]) -> list[str]:
        package = self._packages[pair]
        split = [split_sentences(text) for text in texts]
        sentences = list(dict.fromkeys(
            piece.strip() for parts in split for piece in parts[0::2] if is_translatable(piece)
        ))  # fmt: skip
        translated = dict(zip(sentences, self._translate_sentences(package, sentences), strict=True))
        joined = []
        for parts in split:
            pieces = []
            for index, piece in enumerate(parts):
                if index % 2 == 0 and is_translatable(piece):
                    leading = piece[: len(piece) - len(piece.lstrip())]
                    trailing = piece[len(piece.rstrip()) :]
                    pieces.append(leading + translated[piece.strip()] + trailing)
                else:
                    pieces.append(piece)
            joined.append("".join(pieces))
        return joined

    def _translate_sentences(self, package, sentences: list[str]) -> list[str]:
        """As argostranslate's apply_packaged_translation does, for many sentences at once."""
        if not sentences:
            return []
        tokenized = [package.tokenizer.encode(sentence) for sentence in sentences]
        prefix = package.target_prefix
        results = self._translator((package.from_code, package.to_code)).translate_batch(
            tokenized,
            target_prefix=[[prefix]] * len(tokenized) if prefix else None,
            replace_unknowns=True,
            max_batch_size=self._batch_tokens,
            batch_type="tokens",
            beam_size=self._beam_size,
            num_hypotheses=1,
            length_penalty=0.2,
        )
        decoded = []
        for result in results:
            value = package.tokenizer.decode(result.hypotheses[0])
            if prefix and value.startswith(prefix):
                value = value[len(prefix) :]
            decoded.append(value[1:] if value.startswith(" ") else value)
        return decoded


def coverage(pairs: set[tuple[str, str]], source: str, markets) -> dict[str, list[tuple[str, str]]]:
    """Per market: each listing language (Argos code) and how it is reached: same, direct, pivot or none."""
    return {
        market.code: [
            (language.argos, "same" if language.argos == source else find_route(pairs, source, language.argos).kind)
            for language in market.languages
        ]
        for market in markets
    }


_ARGOS_CODES = {"pt_br": "pb", "pt-br": "pb", "zh_tw": "zt", "zh-tw": "zt", "zh_hant": "zt", "zh-hant": "zt",
                "zh_cn": "zh", "zh-cn": "zh", "zh_hans": "zh", "fil": "tl"}  # fmt: skip


def argos_code(code: str) -> str:
    """A language as sellers type it (pt-BR, zh_TW, fil, de) in Argos Translate's code (pb, zt, tl, de)."""
    return _ARGOS_CODES.get(code.strip().lower(), code.strip().lower())
