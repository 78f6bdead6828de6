import json
import shutil
import subprocess
import sys

import pytest

from onboard import __version__
from onboard.cli import main
from onboard.core.project import Project

LOTUS = ["--name", "Lotus Crafts", "--origin", "CN", "--currency", "CNY", "--language", "zh",
         "--markets", "US,DE,JP,BR"]  # fmt: skip


def test_version_from_the_installed_command():
    command = shutil.which("onboard") or sys.executable
    args = [command, "--version"] if command != sys.executable else [command, "-m", "onboard", "--version"]
    result = subprocess.run(args, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == f"onboard {__version__}"


def test_markets_json_lists_27_markets_with_sources(capsys):
    assert main(["markets", "--json"]) == 0
    markets = json.loads(capsys.readouterr().out)["markets"]
    assert len(markets) == 27
    germany = next(market for market in markets if market["code"] == "DE")
    assert germany["name"] == "Germany"
    assert germany["currency"]["code"] == "EUR"
    assert germany["vat"]["rate"] == "19"
    assert germany["vat"]["source"]["url"].startswith("http")
    assert germany["languages"] == [{"code": "de", "argos": "de"}]
    for market in markets:
        for block in ("currency", "vat", "import_regime"):
            assert market[block]["source"]["confidence"] in ("confirmed", "secondary", "unconfirmed")


def test_markets_table(capsys):
    assert main(["markets"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 27
    assert lines[0].startswith("US  United States")


def test_init_creates_the_project(tmp_path, capsys):
    path = tmp_path / "s.onboard"
    code = main(["init", str(path), *LOTUS, "--categories", "electronics,toys", "--situations",
                 "b2c,ships-from-abroad,marketplace", "--email", "sales@lotus.example"])  # fmt: skip
    assert code == 0
    assert str(path) in capsys.readouterr().out
    with Project.open(path) as project:
        profile = project.profile()
    assert profile.name == "Lotus Crafts"
    assert profile.markets == ("US", "DE", "JP", "BR")
    assert set(profile.categories) == {"electronics", "toys"}
    assert set(profile.situations) == {"b2c", "ships-from-abroad", "marketplace"}
    assert profile.source_language == "zh"


@pytest.mark.parametrize(
    ("changes", "fragment"),
    [
        (["--markets", "US,XX"], "XX"),
        (["--currency", "ABC"], "ABC"),
        (["--origin", "QQ"], "QQ"),
        (["--categories", "weapons"], "weapons"),
        (["--situations", "b2b"], "b2b"),
    ],
)
def test_init_refuses_unknown_codes_and_writes_nothing(tmp_path, capsys, changes, fragment):
    path = tmp_path / "s.onboard"
    assert main(["init", str(path), *LOTUS, *changes]) == 1
    error = capsys.readouterr().err
    assert fragment in error
    assert len(error.strip().splitlines()) == 1
    assert "Traceback" not in error
    assert list(tmp_path.iterdir()) == []


def test_init_refuses_an_existing_file(tmp_path, capsys):
    path = tmp_path / "s.onboard"
    path.write_text("keep me")
    assert main(["init", str(path), *LOTUS]) == 1
    assert "already exists" in capsys.readouterr().err
    assert path.read_text() == "keep me"


def test_usage_errors_exit_2(capsys):
    with pytest.raises(SystemExit) as raised:
        main(["init", "x.onboard"])
    assert raised.value.code == 2


def test_cli_messages_follow_the_environment_language(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("LANGUAGE", "de")
    assert main(["init", str(tmp_path / "s.onboard"), *LOTUS[:-1], "US,XX"]) == 1
    error = capsys.readouterr().err
    assert "XX" in error and "Unknown market" not in error
