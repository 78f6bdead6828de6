"""Build real Argos Translate packages without training: a SentencePiece model and a CTranslate2 Transformer whose
weights are set by hand so that it copies its input, with a few words swapped for their "translations".

Tests install such a package through argostranslate and run it through CTranslate2 like any downloaded model; the
benchmark builds one of real Argos size (6+6 layers, d_model 512, 8 heads, FFN 2048). The copy works through
attention over position codes: decoder step t reads source position t, and the source ends with </s>, so every
output is exactly as long as its input, as a real model's output follows its input.
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterable, Mapping
from pathlib import Path

import numpy as np

SPECIALS = ("<unk>", "<s>", "</s>")


def train_sentencepiece(corpus: Iterable[str], prefix: Path, vocab_size: int, symbols: Iterable[str] = ()) -> Path:
    """A SentencePiece model with byte fallback (any text round-trips) and identity normalisation."""
    import sentencepiece as spm

    corpus = list(corpus)
    symbols = list(symbols)
    text_file = prefix.with_suffix(".txt")
    text_file.write_text("\n".join(corpus), encoding="utf-8")
    needed = len(set("".join(corpus))) + 256 + len(SPECIALS) + len(symbols) + 16  # characters, bytes, specials
    vocab_size = max(vocab_size, needed)
    spm.SentencePieceTrainer.train(
        input=str(text_file), model_prefix=str(prefix), vocab_size=vocab_size, model_type="unigram",
        byte_fallback=True, normalization_rule_name="identity", character_coverage=1.0,
        user_defined_symbols=symbols, hard_vocab_limit=False, minloglevel=2,
        unk_id=0, bos_id=1, eos_id=2, pad_id=-1,
    )  # fmt: skip
    text_file.unlink()
    return prefix.with_suffix(".model")


def _unit_rows(count: int, width: int, rng: np.random.Generator) -> np.ndarray:
    rows = rng.standard_normal((count, width))
    rows -= rows.mean(axis=1, keepdims=True)  # zero mean: layer norms then only rescale
    return rows / np.linalg.norm(rows, axis=1, keepdims=True)


def copy_transformer(
    vocabulary: list[str],
    swaps: Mapping[str, str] | None = None,
    *,
    layers: int = 1,
    d_model: int = 128,
    heads: int = 2,
    ffn: int = 256,
    max_length: int = 1024,
    seed: int = 0,
):
    """A CTranslate2 TransformerSpec that copies its source, writing `swaps[piece]` where a swap is given."""
    from ctranslate2 import specs

    rng = np.random.default_rng(seed)
    head = d_model // heads
    position_width, token_width = head, d_model - head  # position codes live in the first head's width
    share = token_width // heads  # each head carries one slice of the token vector
    tokens = _unit_rows(len(vocabulary), token_width, rng)
    positions = _unit_rows(max_length, position_width, rng)
    alpha, beta = 4.0, 4.0
    sigma = np.sqrt((alpha**2 + beta**2) / d_model)  # what the layer norm divides by

    spec = specs.TransformerSpec.from_config((layers, layers), heads)
    spec.config.add_source_eos = True  # </s> closes the source, so the copy closes the output
    encoder_embedding = np.zeros((len(vocabulary), d_model), np.float32)
    encoder_embedding[:, position_width:] = beta * tokens
    position_codes = np.zeros((max_length, d_model), np.float32)
    position_codes[:, :position_width] = alpha * positions
    spec.encoder.embeddings[0].weight = encoder_embedding
    spec.decoder.embeddings.weight = np.zeros_like(encoder_embedding)  # the decoder only knows its position
    spec.encoder.position_encodings.encodings = position_codes
    spec.decoder.position_encodings.encodings = position_codes
    spec.encoder.scale_embeddings = False
    spec.decoder.scale_embeddings = False

    def norm(layer_norm) -> None:
        layer_norm.gamma = np.ones(d_model, np.float32)
        layer_norm.beta = np.zeros(d_model, np.float32)

    def linear(module, rows: int, cols: int, weight: np.ndarray | None = None) -> None:
        module.weight = np.zeros((rows, cols), np.float32) if weight is None else weight.astype(np.float32)
        module.bias = np.zeros(rows, np.float32)

    def feed_forward(block) -> None:
        norm(block.layer_norm)
        linear(block.linear_0, ffn, d_model, rng.standard_normal((ffn, d_model)) * 0.02)
        linear(block.linear_1, d_model, ffn)  # zero output: the residual passes through

    for layer in spec.encoder.layer:
        norm(layer.self_attention.layer_norm)
        linear(layer.self_attention.linear[0], 3 * d_model, d_model, rng.standard_normal((3 * d_model, d_model)) * 0.02)
        linear(layer.self_attention.linear[1], d_model, d_model)
        feed_forward(layer.ffn)
    norm(spec.encoder.layer_norm)

    sharpness = 40.0  # query·key of the matching position, after scaling by 1/sqrt(head)
    query = np.zeros((d_model, d_model))
    keys_values = np.zeros((2 * d_model, d_model))
    output = np.zeros((d_model, d_model))
    for h in range(heads):
        rows = slice(h * head, h * head + position_width)
        query[rows, :position_width] = (
            np.eye(position_width) * sharpness * np.sqrt(head) / (np.sqrt(d_model) * alpha / sigma)
        )
        keys_values[rows, :position_width] = np.eye(position_width)
        token_columns = slice(position_width + h * share, position_width + (h + 1) * share)
        keys_values[d_model + h * head : d_model + h * head + share, token_columns] = np.eye(share)
        output[token_columns, h * head : h * head + share] = np.eye(share)
    for index, layer in enumerate(spec.decoder.layer):
        norm(layer.self_attention.layer_norm)
        linear(layer.self_attention.linear[0], 3 * d_model, d_model, rng.standard_normal((3 * d_model, d_model)) * 0.02)
        linear(layer.self_attention.linear[1], d_model, d_model)
        norm(layer.attention.layer_norm)
        copying = index == 0
        linear(layer.attention.linear[0], d_model, d_model, query if copying else None)
        linear(layer.attention.linear[1], 2 * d_model, d_model, keys_values if copying else None)
        linear(layer.attention.linear[2], d_model, d_model, output if copying else None)
        feed_forward(layer.ffn)
    norm(spec.decoder.layer_norm)

    # Swaps are made symmetric (a <-> b) so the mapping is a permutation: piece w is written where the source
    # holds swapped(w), and the projection row of w is that piece's token vector.
    index = {piece: i for i, piece in enumerate(vocabulary)}
    swapped = np.arange(len(vocabulary))
    for source, target in (swaps or {}).items():
        swapped[index[source]], swapped[index[target]] = index[target], index[source]
    projection = np.zeros((len(vocabulary), d_model), np.float32)
    projection[:, position_width:] = 30.0 * tokens[swapped]
    spec.decoder.projection.weight = projection
    spec.decoder.projection.bias = np.zeros(len(vocabulary), np.float32)
    spec.register_source_vocabulary(vocabulary)
    spec.register_target_vocabulary(vocabulary)
    spec.validate()
    return spec


def build_package(
    destination: Path,
    from_code: str,
    to_code: str,
    corpus: Iterable[str],
    swaps: Mapping[str, str] | None = None,
    *,
    vocab_size: int = 400,
    target_prefix: str = "",
    version: str = "1.0",
    model_vocabulary: int = 0,
    **model_options,
) -> Path:
    """Write an installable `<from>_<to>.argosmodel` zip (metadata.json, sentencepiece.model, model/) into a folder."""
    import sentencepiece as spm

    destination.mkdir(parents=True, exist_ok=True)
    name = f"translate-{from_code}_{to_code}-{version.replace('.', '_')}"
    root = destination / name
    (root / "model").mkdir(parents=True, exist_ok=True)
    swaps = dict(swaps or {})
    symbols = sorted({*swaps, *swaps.values()})
    model_path = train_sentencepiece(corpus, root / "sentencepiece", vocab_size, symbols)
    processor = spm.SentencePieceProcessor(model_file=str(model_path))
    vocabulary = [processor.id_to_piece(i) for i in range(processor.get_piece_size())]
    # a real model's vocabulary (and output layer) is larger than a small corpus yields: pad it with unused entries
    vocabulary += [f"<unused_{n}>" for n in range(max(0, model_vocabulary - len(vocabulary)))]
    copy_transformer(vocabulary, swaps, **model_options).save(str(root / "model"))
    (root / "sentencepiece.vocab").unlink(missing_ok=True)
    metadata = {
        "package_version": version, "argos_version": "1.9", "from_code": from_code, "to_code": to_code,
        "from_name": from_code, "to_name": to_code, "type": "translate", "target_prefix": target_prefix,
    }  # fmt: skip
    (root / "metadata.json").write_text(json.dumps(metadata, indent=2), encoding="utf-8")
    (root / "README.md").write_text(f"Built by onboard.devtools.argos_model: {from_code} -> {to_code}\n")
    archive = destination / f"{from_code}_{to_code}.argosmodel"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as package:
        for path in sorted(root.rglob("*")):
            package.write(path, path.relative_to(destination).as_posix())
    return archive
