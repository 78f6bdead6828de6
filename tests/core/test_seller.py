import pytest
from babel import Locale

from onboard.core.errors import InvalidValue
from onboard.core.seller import (
    CATEGORIES,
    SITUATIONS,
    SellerProfile,
    check_profile,
    countries,
    currencies,
    default_profile,
    is_valid_email,
)


def profile(**changes):
    base = dict(name="Lotus Crafts", origin="CN", currency="CNY", markets=("US",))
    return SellerProfile(**(base | changes))


def test_the_issue_codes_exist():
    assert set(CATEGORIES) == {
        "electronics", "radio", "batteries", "toys", "cosmetics", "food", "textiles", "furniture",
        "children", "chemicals", "food-contact", "other",
    }  # fmt: skip
    assert set(SITUATIONS) == {"b2c", "ships-from-abroad", "marketplace", "local-stock", "personal-data"}


@pytest.mark.parametrize(
    ("changes", "fragment"),
    [
        ({"name": "  "}, "business name"),
        ({"origin": "XX"}, "XX"),
        ({"origin": "cn"}, "cn"),
        ({"currency": "ABC"}, "ABC"),
        ({"source_language": "klingon"}, "klingon"),
        ({"email": "not-an-address"}, "not-an-address"),
        ({"categories": ("weapons",)}, "weapons"),
        ({"situations": ("b2b",)}, "b2b"),
        ({"markets": ("US", "XX")}, "XX"),
        ({"legal_form": "llc"}, "llc"),
    ],
)
def test_bad_values_are_named_in_the_message(changes, fragment):
    with pytest.raises(InvalidValue, match=fragment):
        check_profile(profile(**changes))


def test_a_good_profile_passes():
    check_profile(profile(email="a.b@shop.example.cn", categories=("toys",), situations=("b2c",)))


@pytest.mark.parametrize("email", ["sales@lotus.cn", "a.b+c@x.co.uk", "李@例子.中国"])
def test_valid_emails(email):
    assert is_valid_email(email)


@pytest.mark.parametrize("email", ["", "a@b", "a b@c.de", "@c.de", "a@@c.de", "a@c..de"])
def test_invalid_emails(email):
    assert not is_valid_email(email)


def test_country_and_currency_lists_are_localised():
    names = dict(countries(Locale.parse("zh_CN")))
    assert names["CN"] == "中国" and names["DE"] == "德国"
    assert "EU" not in names and "ZZ" not in names
    codes = dict(currencies(Locale.parse("en")))
    assert {"CNY", "USD", "EUR", "BRL", "VND"} <= set(codes)
    assert "DEM" not in codes  # no longer in use


def test_new_projects_start_from_the_interface_language():
    started = default_profile("Shop", "zh_CN")
    assert (started.origin, started.currency, started.source_language) == ("CN", "CNY", "zh")
    assert default_profile("Shop", "pt_BR").currency == "BRL"
    assert default_profile("Shop", "vi").origin == "VN"
