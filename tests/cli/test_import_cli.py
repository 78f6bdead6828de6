import json

import pytest

from onboard.cli import main
from onboard.core.columns import save_mapping

INIT = ["--name", "Lotus Crafts", "--origin", "CN", "--currency", "CNY", "--language", "zh", "--markets", "US"]


@pytest.fixture
def project(tmp_path):
    path = tmp_path / "s.onboard"
    assert main(["init", str(path), *INIT]) == 0
    return path


def test_import_gbk_csv_with_chinese_headers(project, tmp_path, capsys):
    source = tmp_path / "商品.csv"
    source.write_bytes("SKU,商品名称,价格,库存\r\nA-1,竹制砧板,45,10\r\nA-2,陶瓷杯,abc,5\r\n\r\n".encode("gbk"))
    capsys.readouterr()
    assert main(["import", str(project), str(source)]) == 0
    captured = capsys.readouterr()
    assert "Imported 2 rows from 商品.csv" in captured.out
    assert "1 row has problems" in captured.out
    assert "Row 3, column “价格”: “abc” is not a number" in captured.out
    assert "1 row was skipped" in captured.out and "Row 4: empty row" in captured.out
    assert "100%" in captured.err  # progress goes to stderr

    assert main(["listings", str(project), "--json"]) == 0
    shape = json.loads(capsys.readouterr().out)
    assert shape["language"] == "zh"
    assert [item["sku"] for item in shape["listings"]] == ["A-1", "A-2"]
    assert shape["listings"][0]["title"] == "竹制砧板"
    assert shape["listings"][1]["problems"][0]["code"] == "not_a_number"
    assert shape["listings"][1]["problems"][0]["message"] == "Row 3, column “价格”: “abc” is not a number"


def test_import_with_a_saved_mapping(project, tmp_path, capsys):
    source = tmp_path / "odd.csv"
    source.write_text("Code;Nom;Tarif\nM-1;Mug;4,50\n", encoding="utf-8")
    mapping = tmp_path / "map.toml"
    save_mapping({"Code": "sku", "Nom": "title", "Tarif": "price"}, mapping)
    assert main(["import", str(project), str(source), "--mapping", str(mapping)]) == 0
    capsys.readouterr()
    assert main(["listings", str(project), "--json"]) == 0
    listing = json.loads(capsys.readouterr().out)
    assert listing["listings"][0]["price"] == "4.50"


def test_import_errors_are_one_line_and_change_nothing(project, tmp_path, capsys):
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    before = project.read_bytes()
    assert main(["import", str(project), str(empty)]) == 1
    error = capsys.readouterr().err.strip()
    assert error.endswith("is empty.") and len(error.splitlines()) == 1
    assert project.read_bytes() == before


def test_listings_in_a_language_not_yet_translated(project, capsys):
    assert main(["listings", str(project), "--lang", "de"]) == 1
    assert "de" in capsys.readouterr().err
