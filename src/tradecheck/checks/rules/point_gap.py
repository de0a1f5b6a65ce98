"""point-gap (TC103): a gap in percentage points between two rates."""

from __future__ import annotations

from tradecheck.checks.expressions import Comparison
from tradecheck.checks.rules.base import Context, Facts, Rule, register
from tradecheck.checks.values import PP


@register
class PointGap(Rule):
    """
    ## What it does
    A gap in percentage points between two rates must match their difference.

    Any written check with a figure in percentage points (a literal like
    ``8.2pp`` or a claim printed as 个百分点) falls under this rule.

    ## Why is this bad?
    "8.2 percentage points above the national rate" is the difference of two
    printed growth rates; percent and percentage points are different things
    (12% − 3.8% = 8.2 points, not 8.2%), and tradecheck keeps them apart.

    ## Example
    From ``claims/chongqing-2025.yaml`` (较全国高出8.2个百分点)::

        claims:
          cq.trade.2025:        {value: 8006.8亿元, growth: 12%}
          cn.trade.2025:        {value: 45.47万亿元, growth: 3.8%}
          cq.trade.gap_cn.2025: {value: 8.2个百分点}
        checks:
          - check: growth(cq.trade.2025) - growth(cn.trade.2025) == cq.trade.gap_cn.2025
        # [11.5, 12.5]% − [3.75, 3.85]% = [7.65, 8.75]pp, overlaps [8.15, 8.25]pp: holds
    """

    code, name, precedence = "TC103", "point-gap", 40

    @classmethod
    def recognises(cls, check: Comparison, facts: Facts, context: Context) -> bool:
        return PP in facts.kinds
