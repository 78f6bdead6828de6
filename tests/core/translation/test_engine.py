"""The engine on real packages: argostranslate's package loading, CTranslate2, our sentence splitting, no network."""

import socket
import subprocess
import sys
from types import SimpleNamespace

import pytest

from onboard.core.translation import packs
from onboard.core.translation.engine import Engine, find_route


@pytest.fixture
def engine(pack_files, packs_dir):
    packs.install([pack_files], directory=packs_dir)
    return Engine(packs_dir)


@pytest.fixture
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the engine tried to reach the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def test_direct_translation_keeps_order_and_spacing(engine, no_network):
    texts = ["A white desk lamp.  It folds flat!", "lamp", "", "  30 × 20 cm  "]
    assert engine.translate(texts, "en", "de") == ["A weiß desk Lampe.  It folds flat!", "Lampe", "", "  30 × 20 cm  "]


def test_pivot_through_english(engine, no_network):
    assert engine.route("zh", "de").kind == "pivot"
    assert engine.translate(["白色台灯。可折叠"], "zh", "de") == ["weißLampe。可折叠"]


def test_no_route(engine):
    assert engine.route("en", "fr").kind == "none"
    with pytest.raises(LookupError):
        engine.translate(["x"], "en", "fr")


def test_every_sentence_goes_to_the_model_once_in_one_batch(engine, monkeypatch):
    calls = []
    translator = engine._translator(("en", "de"))
    original = type(translator).translate_batch

    def counting(self, tokens, **options):
        calls.append(len(tokens))
        return original(self, tokens, **options)

    monkeypatch.setattr(type(translator), "translate_batch", counting)
    engine.translate(["Red lamp. White lamp.", "White lamp.", "Red lamp. Blue lamp."], "en", "de")
    assert calls == [3]  # "Red lamp.", "White lamp.", "Blue lamp."


def test_a_fresh_process_translates_offline_without_any_sentence_splitter(engine, packs_dir):
    code = (
        "import socket, sys\n"
        "def refuse(*a, **k): raise OSError('network used')\n"
        "socket.socket.connect = refuse; socket.create_connection = refuse\n"
        "from pathlib import Path\n"
        "from onboard.core.translation.engine import Engine\n"
        f"print(Engine(Path({str(packs_dir)!r})).translate(['One lamp. Another lamp.'], 'en', 'de')[0])\n"
        "print(sorted(m for m in ('argostranslate.sbd', 'argostranslate.translate', 'stanza', 'spacy', 'minisbd',"
        " 'torch') if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["One Lampe. Another Lampe.", "[]"]


def test_target_prefix_and_decoding_follow_argostranslate(monkeypatch):
    recorded = {}

    class Tokenizer:
        def encode(self, sentence):
            return sentence.split()

        def decode(self, tokens):
            return " ".join(tokens)

    class Translator:
        def translate_batch(self, tokens, **options):
            recorded.update(options)
            return [SimpleNamespace(hypotheses=[["__de__", *row]]) for row in tokens]

    package = SimpleNamespace(from_code="en", to_code="de", tokenizer=Tokenizer(), target_prefix="__de__")
    engine = Engine.__new__(Engine)
    engine._packages = {("en", "de"): package}
    engine._translators = {("en", "de"): Translator()}
    engine._beam_size, engine._batch_tokens = 4, 8192
    assert engine.translate(["Hello world.", "Bye."], "en", "de") == ["Hello world.", "Bye."]
    assert recorded["target_prefix"] == [["__de__"], ["__de__"]]
    assert recorded["replace_unknowns"] is True and recorded["length_penalty"] == 0.2


def test_routes():
    pairs = {("zh", "en"), ("en", "de"), ("zh", "ja")}
    assert find_route(pairs, "zh", "ja").hops == (("zh", "ja"),)
    assert find_route(pairs, "zh", "de").hops == (("zh", "en"), ("en", "de"))
    assert find_route(pairs, "de", "zh").kind == "none"
