from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from onboard.core.catalogue import Listing, gtin_is_valid, parse_decimal, validate
from onboard.core.i18n import set_language


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("1,234.50", "1234.50"), ("1.234,50", "1234.50"), ("12,5", "12.5"), ("¥1,980", "1980"),
        ("R$ 19,90", "19.90"), ("89.00 CNY", "89.00"), ("€ 24,95", "24.95"), ("1 234,50", "1234.50"),
        ("Rp 99.000", "99000"), ("25,99 zł", "25.99"), ("1.234.567", "1234567"), ("-3", "-3"), (".5", "0.5"),
    ],
)  # fmt: skip
def test_prices_as_sellers_write_them(text, amount):
    assert parse_decimal(text) == Decimal(amount)


@pytest.mark.parametrize("text", ["", "twelve", "12,5O", "12 pcs", "6.9012E+12", "1,2,3.4.5x"])
def test_not_numbers(text):
    assert parse_decimal(text) is None


@given(st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False))
def test_plain_and_grouped_amounts_read_back(amount):
    assert parse_decimal(f"{amount:.2f}") == amount
    assert parse_decimal(f"{amount:,.2f}") == amount
    european = f"{amount:,.2f}".replace(",", " ").replace(".", ",")
    assert parse_decimal(european) == amount


def gs1_check_digit(body: str) -> str:
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    return str((10 - total % 10) % 10)


@given(st.text(alphabet="0123456789", min_size=12, max_size=12), st.integers(min_value=1, max_value=9))
def test_gtin_check_digit(body, wrong):
    code = body + gs1_check_digit(body)
    assert gtin_is_valid(code)
    assert not gtin_is_valid(body + str((int(code[-1]) + wrong) % 10))


@pytest.mark.parametrize("code", ["4006381333931", "036000291452", "96385074", "4901234567894", "10614141000415"])
def test_real_gtin_lengths(code):
    assert gtin_is_valid(code)


def test_variants_need_a_price_but_their_parent_does_not():
    listings = [
        Listing(sku="P", title="Kettle", options=(("Color", ""),)),
        Listing(sku="P-W", parent_sku="P", options=(("Color", "White"),), price="99"),
        Listing(sku="P-B", parent_sku="P", options=(("Color", "Black"),)),
        Listing(sku="Q-1", parent_sku="Q", price="5"),
    ]
    problems = validate(listings)
    assert set(problems) == {2, 3}
    assert [p.code for p in problems[2]] == ["missing_price"]
    assert [p.code for p in problems[3]] == ["unknown_parent"]


def test_messages_name_the_place_in_the_interface_language():
    listing = Listing(sku="A", title="Lamp", price="abc", source_row=7,
                      source_columns={"price": "价格"})  # fmt: skip
    problem = validate([listing])[0][0]
    assert problem.message(listing) == "Row 7, column “价格”: “abc” is not a number"
    set_language("de")
    assert "价格" in problem.message(listing) and "Row 7" not in problem.message(listing)
    edited = Listing(sku="B", title="Lamp", price="-1")
    assert validate([edited])[0][0].message(edited).startswith("SKU B")
