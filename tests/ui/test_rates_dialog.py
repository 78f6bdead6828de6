"""The exchange-rate dialog: where each rate comes from, typed rates checked, the ECB file imported."""

from decimal import Decimal as D

import pytest

from onboard.core.pricing_store import rate_table
from onboard.core.project import Project
from onboard.core.seller import SellerProfile
from onboard.ui.widgets.rates_dialog import RatesDialog

ECB = b"""<gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01"
 xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref"><Cube><Cube time='2026-11-25'>
 <Cube currency='USD' rate='1.1600'/><Cube currency='CNY' rate='8.2000'/></Cube></Cube></gesmes:Envelope>"""


@pytest.fixture
def project(tmp_path):
    path = tmp_path / "shop.onboard"
    Project.create(path, SellerProfile(name="Lotus", origin="CN", currency="CNY", markets=("US", "CL"))).close()
    with Project.open(path) as opened:
        yield opened


def test_rates_dialog_edits_checks_and_imports(qtbot, project, tmp_path):
    dialog = RatesDialog(project, ["CLP", "CNY", "USD"])
    qtbot.addWidget(dialog)
    assert dialog.table.item(0, 3).text() == "no rate: enter one"
    assert "ecb.europa.eu" in dialog.table.item(2, 3).toolTip()
    dialog.table.item(0, 1).setText("1050")
    assert rate_table(project).per_eur("CLP") == D("1050")
    dialog.table.item(2, 1).setText("11476")  # a slipped decimal mark
    assert "decimal mark" in dialog.error.text()
    assert rate_table(project).per_eur("USD") == D("1.1476")
    (tmp_path / "eurofxref-daily.xml").write_bytes(ECB)
    dialog.import_file(tmp_path / "eurofxref-daily.xml")
    assert rate_table(project).per_eur("USD") == D("1.16")
    assert "2 rates" in dialog.explain.text()
    (tmp_path / "bad.xml").write_bytes(b"<html/>")
    dialog.import_file(tmp_path / "bad.xml")
    assert "not an ECB" in dialog.error.text()
