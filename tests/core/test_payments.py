"""Payment methods: sourced data, the recommended set (80 % of the sourced share), warnings, the seller's choice."""

from decimal import Decimal as D

import pytest

from onboard.core import payments
from onboard.core.errors import InvalidValue
from onboard.core.markets import CONFIDENCE_LEVELS, market_codes


def test_every_market_has_sourced_methods():
    data = payments.load_payments()
    assert set(data) == market_codes()
    for code, methods in data.items():
        assert methods, code
        assert len({method.id for method in methods}) == len(methods)
        assert sum((method.share or D(0)) for method in methods) <= 100, code
        for method in methods:
            assert method.source.url.startswith(("http://", "https://")), (code, method.id)
            assert method.source.confidence in CONFIDENCE_LEVELS


@pytest.mark.parametrize(
    ("code", "method"),
    [("BR", "pix"), ("NL", "ideal-wero"), ("PL", "blik"), ("IN", "upi"), ("VN", "cash-on-delivery"),
     ("PH", "cash-on-delivery"), ("IN", "cash-on-delivery")],
)  # fmt: skip
def test_dominant_methods_are_recommended_and_missed_when_removed(code, method):
    available = payments.methods(code)
    chosen = payments.recommended(available)
    assert method in chosen
    assert payments.warnings(code, chosen) == []
    assert len(payments.warnings(code, chosen - {method})) == 1


def test_recommendation_covers_80_percent_of_the_sourced_share():
    for code, available in payments.load_payments().items():
        covered = payments.coverage(available, payments.recommended(available))
        if covered:
            assert covered[0] >= covered[1] * D("0.8"), code


def test_retired_methods_are_never_recommended_and_warned_about():
    germany = payments.methods("DE")
    retired = {method.id for method in germany if method.retired}
    assert {"giropay", "sofort"} <= retired
    assert not retired & payments.recommended(germany)
    assert any("discontinued" in warning for warning in payments.warnings("DE", {"paypal", "giropay"}))


def test_the_sellers_choice_persists_over_the_recommendation(project):
    assert "pix" in payments.choices(project, "BR")
    payments.set_choice(project, "BR", "pix", False)
    payments.set_choice(project, "BR", "paypal", True)
    chosen = payments.choices(project, "BR")
    assert "pix" not in chosen and "paypal" in chosen
    with pytest.raises(InvalidValue):
        payments.set_choice(project, "BR", "bitcoin", True)
