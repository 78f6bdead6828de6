"""Real Argos packages built for the tests: SentencePiece + a CTranslate2 Transformer from numpy weights."""

from importlib.resources import files
from pathlib import Path

import pytest

from onboard.devtools.argos_model import build_package

SAMPLES = Path(str(files("onboard.data").joinpath("samples")))


def _corpus(name: str) -> list[str]:
    return (SAMPLES / name).read_text(encoding="utf-8").splitlines()


@pytest.fixture(scope="session")
def pack_files(tmp_path_factory) -> Path:
    """A folder like an instructor's USB stick: zh -> en and en -> de packs (words swapped to show translation)."""
    folder = tmp_path_factory.mktemp("usb")
    build_package(folder, "zh", "en", _corpus("catalogue_zh.csv"), {"台灯": "lamp", "白色": "white"})
    build_package(folder, "en", "de", _corpus("catalogue_en.csv"), {"lamp": "Lampe", "white": "weiß"})
    return folder


@pytest.fixture
def packs_dir(tmp_path) -> Path:
    return tmp_path / "packs"
