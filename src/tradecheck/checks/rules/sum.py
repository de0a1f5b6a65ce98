"""sum (TC101): a total against the sum of its printed parts."""

from __future__ import annotations

from tradecheck.checks.expressions import Binary, Comparison
from tradecheck.checks.rules.base import Context, Facts, Rule, is_leaf, is_sum_of_leaves, register


@register
class Sum(Rule):
    """
    ## What it does
    A total must equal the sum of its printed parts.

    Any written check with a single figure on one side and a sum or difference
    of figures on the other; with ``<=`` the parts need not exhaust the total.

    ## Why is this bad?
    Parts are rounded separately from their total, so small misses within
    rounding are normal, and a miss beyond rounding is an error.

    ## Example
    From ``claims/chongqing-2025.yaml``::

        claims:
          cq.trade.2025:   {value: 8006.8亿元, growth: 12%}
          cq.exports.2025: {value: 5587.3亿元}
          cq.imports.2025: {value: 2419.5亿元}
        checks:
          - check: cq.trade.2025 == cq.exports.2025 + cq.imports.2025
        # [8006.7, 8006.9]亿元 overlaps printed [8006.75, 8006.85]亿元: holds
    """

    code, name, precedence = "TC101", "sum", 80
    origin = "written, scan"

    @classmethod
    def recognises(cls, check: Comparison, facts: Facts, context: Context) -> bool:
        sides = (check.left, check.right)
        return any(is_leaf(s) for s in sides) and any(
            isinstance(s, Binary) and s.op in "+-" and is_sum_of_leaves(s) for s in sides)
