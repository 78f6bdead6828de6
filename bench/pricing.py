"""Price 10,000 listings in six markets, against the bare arithmetic (Decimal multiply, gross-up, round up).

    .venv/bin/python bench/pricing.py [ROWS]

Prints seconds and the ratio full pricing / bare arithmetic: what rules, endings, margins, flags and the
breakdown cost on top of the sums themselves. Both are measured in this run, on this machine.
"""

from __future__ import annotations

import sys
import time
from decimal import ROUND_CEILING, Decimal

from onboard.core.fx import RateTable, bundled_rates
from onboard.core.markets import market
from onboard.core.pricing import compute, default_rule

MARKETS = ("US", "DE", "JP", "BR", "KR", "ID")


def main(count: int) -> None:
    rates = RateTable(dict(bundled_rates()))
    prices = [(Decimal(f"{19 + n % 400}.{n % 100:02d}"), Decimal(f"{7 + n % 150}.50")) for n in range(count)]
    targets = [(market(code), default_rule(market(code))) for code in MARKETS]

    start = time.perf_counter()
    for target, _rule in targets:
        rate = rates.rate("CNY", target.currency.code)
        factor = 1 + (target.vat.rate or Decimal(0)) / 100 if target.tax_inclusive else Decimal(1)
        unit = Decimal(1).scaleb(-target.currency.decimals)
        for price, _cost in prices:
            (price * rate * factor).quantize(unit, rounding=ROUND_CEILING)
    bare = time.perf_counter() - start

    start = time.perf_counter()
    for target, rule in targets:
        for price, cost in prices:
            compute(price=price, cost=cost, base_currency="CNY", market=target, rule=rule, rates=rates)
    full = time.perf_counter() - start

    total = count * len(MARKETS)
    print(f"{total:,} prices: bare arithmetic {bare:.3f} s, full pricing {full:.3f} s")
    print(f"ratio full / bare: {full / bare:.1f}x; {total / full:,.0f} prices per second")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
