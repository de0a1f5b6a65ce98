"""average (TC108): a total divided by a count against the printed average."""

from __future__ import annotations

from tradecheck.checks.expressions import Comparison
from tradecheck.checks.rules.base import Context, Facts, Rule, divides_by_number, register


@register
class Average(Rule):
    """
    ## What it does
    A total divided by a count (days, months, enterprises) must match the printed average.

    Any written check that divides by a bare number (``/ 365``, ``/ 12``).

    ## Why is this bad?
    Per-day and per-unit figures ("日均进出口21.9亿元") are derived, and derived
    with the wrong divisor (365 vs 366 days, a half year) surprisingly often.

    ## Example
    From ``claims/national-2025.yaml`` (离岛免税 sales over the 24 days from 18 December)::

        claims:
          hn.duty_free.sales.20251218_20260110:         {value: 38.9亿元, growth: 49.6%}
          hn.duty_free.sales_per_day.20251218_20260110: {value: 1.6亿元}
        checks:
          - check: hn.duty_free.sales.20251218_20260110 / 24
              == hn.duty_free.sales_per_day.20251218_20260110
        # 38.9亿元 / 24 = [1.6187, 1.6229]亿元 within [1.55, 1.65]亿元: holds
    """

    code, name, precedence = "TC108", "average", 70

    @classmethod
    def recognises(cls, check: Comparison, facts: Facts, context: Context) -> bool:
        return divides_by_number(check.left) or divides_by_number(check.right)
