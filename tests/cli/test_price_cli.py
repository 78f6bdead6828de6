"""`onboard price`: the sample catalogue priced per market, as a table and as JSON with the breakdown."""

import json
from decimal import Decimal as D
from importlib.resources import files

import pytest

from onboard.cli import main

SAMPLE = str(files("onboard.data").joinpath("samples/catalogue_en.csv"))


@pytest.fixture
def shop(tmp_path, capsys):
    path = str(tmp_path / "shop.onboard")
    init = ["init", path, "--name", "Lotus", "--origin", "CN", "--currency", "CNY", "--markets", "US,DE,JP,BR,KR,ID"]
    assert main(init) == 0
    assert main(["import", path, SAMPLE]) == 0
    capsys.readouterr()
    return path


def test_price_json_gives_amount_display_margin_and_breakdown(shop, capsys):
    assert main(["price", shop, "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["base_currency"] == "CNY"
    assert set(report["markets"]) == {"US", "DE", "JP", "BR", "KR", "ID"}
    lamp = {code: next(r for r in rows if r["sku"] == "LH-LAMP-001-WH-EU") for code, rows in report["markets"].items()}
    assert lamp["DE"]["display"] == "19,99\xa0€" and lamp["DE"]["currency"] == "EUR"
    assert lamp["JP"]["display"] == "￥3,280"
    assert lamp["KR"]["display"] == "₩30,900"
    assert lamp["ID"]["display"] == "Rp355.000"
    assert lamp["BR"]["flags"][0]["key"] == "no_tax_rate"
    steps = [step["key"] for step in lamp["DE"]["breakdown"]["steps"]]
    assert steps == ["base", "converted", "adjusted", "duty", "shipping", "fees", "tax", "ending"]
    composition = {key: D(value) for key, value in lamp["DE"]["breakdown"]["composition"].items()}
    assert abs(sum(composition.values()) - D(lamp["DE"]["amount"])) < D("0.001")
    assert D(lamp["US"]["margin_percent"]) > 50


def test_price_table_for_one_market(shop, capsys):
    assert main(["price", shop, "--market", "JP"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("JP — Japan (JPY)")
    assert "￥3,280" in out


def test_unknown_market_is_a_clear_error(shop, capsys):
    assert main(["price", shop, "--market", "XX"]) == 1
    assert "Unknown market “XX”" in capsys.readouterr().err
