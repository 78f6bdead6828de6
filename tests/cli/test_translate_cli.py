import json
from importlib.resources import files
from pathlib import Path

import pytest

from onboard.cli import main
from onboard.devtools.argos_model import build_package

SAMPLES = Path(str(files("onboard.data").joinpath("samples")))


@pytest.fixture
def usb(tmp_path_factory):
    folder = tmp_path_factory.mktemp("usb")
    chinese = (SAMPLES / "catalogue_zh.csv").read_text(encoding="utf-8").splitlines()
    english = (SAMPLES / "catalogue_en.csv").read_text(encoding="utf-8").splitlines()
    build_package(folder, "zh", "en", chinese, {"台灯": "lamp"})
    for target in ("de", "ja", "pb"):
        build_package(folder, "en", target, english, {"lamp": f"lamp-{target}"})
    return folder


def test_packs_install_list_translate_and_read_back(tmp_path, usb, capsys, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    project = tmp_path / "s.onboard"
    assert main(["init", str(project), "--name", "Lotus", "--origin", "CN", "--currency", "CNY", "--language", "zh",
                 "--markets", "US,DE,JP,BR"]) == 0  # fmt: skip
    assert main(["import", str(project), str(SAMPLES / "catalogue_zh.csv")]) == 0
    assert main(["packs", "install", str(usb)]) == 0
    assert "Installed zh → en" in capsys.readouterr().out
    assert main(["packs", "list", "--from", "zh"]) == 0
    listing = capsys.readouterr().out
    assert "zh → en" in listing and "US  en: direct, es: no pack" in listing

    assert main(["translate", str(project)]) == 0  # es (US) has no pack: a warning (exit 1 only if none is covered)
    captured = capsys.readouterr()
    assert "No language pack covers: es" in captured.err
    for language in ("en", "de", "ja", "pb"):
        assert f"{language}: " in captured.out
    assert main(["translate", str(project), "--markets", "DE,JP,BR"]) == 0
    assert "0 by the model" in capsys.readouterr().out  # the first run did it all

    assert main(["listings", str(project), "--lang", "en", "--json"]) == 0
    shape = json.loads(capsys.readouterr().out)
    assert shape["language"] == "en"
    lamp = next(item for item in shape["listings"] if item["sku"] == "LH-LAMP-001")
    assert "lamp" in lamp["title"] and "LH-DL200" in lamp["title"]
    assert lamp["translation"]["title"]["origin"] == "machine"
    assert main(["listings", str(project), "--lang", "pt-BR", "--json"]) == 0
    brazil = json.loads(capsys.readouterr().out)
    assert brazil["language"] == "pb"
    assert "lamp-pb" in next(item for item in brazil["listings"] if item["sku"] == "LH-LAMP-001")["title"]
