"""Exchange rates: the bundled snapshot, the seller's own rates, ECB files, stale and absurd rates."""

import io
import zipfile
from datetime import date
from decimal import Decimal as D

import pytest

from onboard.core.errors import InvalidValue
from onboard.core.fx import bundled_rates, check_rate, is_stale, read_ecb_file
from onboard.core.pricing_store import import_ecb, price_catalogue, rate_table, set_rate

DAILY_XML = b"""<?xml version="1.0" encoding="UTF-8"?>
<gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">
  <gesmes:subject>Reference rates</gesmes:subject>
  <Cube><Cube time='2026-11-25'>
    <Cube currency='USD' rate='1.1600'/><Cube currency='JPY' rate='181.20'/><Cube currency='CNY' rate='8.2000'/>
  </Cube></Cube>
</gesmes:Envelope>"""

HIST_CSV = b"Date,USD,JPY,CNY,HRK,\n2026-11-25,1.16,181.2,8.2,N/A,\n2026-11-24,1.15,180.0,8.1,N/A,\n"
DAILY_CSV = b"Date, USD, JPY, CNY, \n25 November 2026, 1.1600, 181.20, 8.2000, \n"


def test_bundled_snapshot_has_source_date_and_the_pegged_gulf_currencies():
    rates = bundled_rates()
    assert rates["USD"].source.url.startswith("https://www.ecb.europa.eu/")
    assert rates["USD"].as_of == date(2026, 3, 13)
    assert rates["AED"].per_eur == rates["USD"].per_eur * D("3.6725")
    assert "CLP" not in rates  # the ECB publishes none: the seller enters it


@pytest.mark.parametrize("data", [DAILY_XML, HIST_CSV, DAILY_CSV])
def test_ecb_files_give_the_newest_day(data):
    day, rates = read_ecb_file(data)
    assert day == date(2026, 11, 25)
    assert rates == {"USD": D("1.16"), "JPY": D("181.2"), "CNY": D("8.2")}


def test_zipped_ecb_file():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("eurofxref.csv", DAILY_CSV)
    assert read_ecb_file(buffer.getvalue())[0] == date(2026, 11, 25)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"<html>Maintenance</html>", "not an ECB"),
        (b"<Cube", "damaged"),
        (b'<!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>', "not an ECB"),
        (b"SKU,Price\nA,1\n", "first column must be Date"),
        (b"PK\x03\x04garbage", "damaged"),
        (b"Date,USD\n2026-11-25,abc\n", "No exchange rates"),
    ],
)
def test_files_that_are_not_rate_files_get_a_clear_message(data, message):
    with pytest.raises(InvalidValue, match=message):
        read_ecb_file(data)


def test_absurd_or_negative_rates_are_refused():
    with pytest.raises(InvalidValue, match="above zero"):
        check_rate("USD", D("-1.1"))
    with pytest.raises(InvalidValue, match="decimal mark"):
        check_rate("USD", D("11476"))  # 1,1476 read as 11476
    assert check_rate("CLP", D("1050")) == D("1050")  # no snapshot to compare with


def test_stale_after_thirty_days():
    rate = bundled_rates()["USD"]
    assert is_stale(rate, date(2026, 11, 26))
    assert not is_stale(rate, date(2026, 3, 30))


def test_project_rates_override_the_snapshot_and_fix_a_missing_currency(project):
    with project.transaction():
        project.db.execute("INSERT INTO target_market (code, position) VALUES ('CL', 1)")
    set_rate(project, "CLP", D("1050"))
    assert rate_table(project).per_eur("CLP") == D("1050")
    day, count = import_ecb(project, DAILY_XML)
    assert (day, count) == (date(2026, 11, 25), 3)
    table = rate_table(project)
    assert table.rates["USD"].origin == "imported" and table.per_eur("USD") == D("1.16")
    assert table.rates["KRW"].origin == "bundled"
    assert price_catalogue(project, ["CL"], listings=[]) == {"CL": []}
