"""`onboard payments` and `onboard checklist`: the electronics-and-toys seller's markets from the command line."""

import json

import pytest

from onboard.cli import main


@pytest.fixture
def shop(tmp_path, capsys):
    path = str(tmp_path / "gadgets.onboard")
    args = ["init", path, "--name", "Yiwu Gadgets", "--origin", "CN", "--currency", "CNY", "--markets", "DE,US,BR,JP",
            "--categories", "electronics,toys", "--situations", "b2c,ships-from-abroad,marketplace"]  # fmt: skip
    assert main(args) == 0
    capsys.readouterr()
    return path


def test_payments_json_recommends_pix_and_paypal(shop, capsys):
    assert main(["payments", shop, "--json"]) == 0
    report = json.loads(capsys.readouterr().out)["markets"]
    assert set(report) == {"DE", "US", "BR", "JP"}
    brazil = {method["id"]: method for method in report["BR"]["methods"]}
    assert brazil["pix"]["chosen"] and brazil["pix"]["recommended"]
    germany = {method["id"]: method for method in report["DE"]["methods"]}
    assert germany["paypal"]["chosen"] and germany["giropay"]["retired"] == "2024-06-30"
    assert not germany["giropay"]["chosen"]
    covered, total = map(float, report["DE"]["coverage_percent"])
    assert covered >= 0.8 * total
    assert all(method["source"]["url"].startswith("http") for method in report["JP"]["methods"])


def test_checklist_json_for_germany(shop, capsys):
    assert main(["checklist", shop, "--market", "DE", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    ids = [item["id"] for item in report["items"]]
    assert {"EU-01", "EU-05", "EU-13", "DE-01", "DE-03", "EU-12"} <= set(ids)
    assert report["items"][0]["blocker"]
    assert report["readiness_percent"] == 0 and report["open_blockers"] > 5
    assert any(change["date"] >= "2026-11-26" for change in report["upcoming"])


def test_checklist_table_and_errors(shop, capsys):
    assert main(["checklist", shop, "--market", "JP"]) == 0
    assert "JP-01" in capsys.readouterr().out
    assert main(["checklist", shop, "--market", "XX"]) == 1
    assert "Unknown market" in capsys.readouterr().err
