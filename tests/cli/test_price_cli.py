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


def test_price_imports_an_ecb_file_first_and_warns_about_stale_rates(shop, tmp_path, capsys):
    assert main(["price", shop, "--market", "US"]) == 0
    assert "exchange rates are from" in capsys.readouterr().err  # the bundled snapshot is months old
    ecb = tmp_path / "eurofxref.csv"
    today = __import__("datetime").date.today().isoformat()
    ecb.write_text(f"Date,USD,CNY\n{today},1.2,8\n", encoding="utf-8")
    assert main(["price", shop, "--market", "US", "--rates", str(ecb), "--json"]) == 0
    captured = capsys.readouterr()
    assert "Imported 2 rates" in captured.err and "exchange rates are from" not in captured.err
    lamp = next(r for r in json.loads(captured.out)["markets"]["US"] if r["sku"] == "LH-LAMP-001-WH-EU")
    assert lamp["display"] == "$19.99"  # 129 CNY at 1.2 / 8 = 19.35 -> .99
    assert main(["price", shop, "--rates", str(tmp_path / "missing.xml")]) == 1
    assert "Cannot read" in capsys.readouterr().err
