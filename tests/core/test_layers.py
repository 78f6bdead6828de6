"""The core never imports Qt, and the engine stays out of start-up."""

import subprocess
import sys
from pathlib import Path

CORE = Path(__file__).resolve().parents[2] / "onboard" / "core"


def test_core_sources_do_not_import_qt():
    for path in CORE.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "PySide6" not in text and "onboard.ui" not in text, path


def test_using_core_loads_no_qt():
    code = (
        "import sys, onboard.core.project, onboard.core.markets, onboard.cli;"
        "onboard.core.markets.load_markets();"
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
