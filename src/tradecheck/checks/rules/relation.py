"""relation (TC199): any other written comparison, decided over interval arithmetic."""

from __future__ import annotations

from tradecheck.checks.expressions import Comparison
from tradecheck.checks.rules.base import Context, Facts, Rule, register


@register
class Relation(Rule):
    """
    ## What it does
    Any other relation between figures: ==, !=, <, <=, >, >= over interval arithmetic.

    A comparison holds when some choice of true values inside the printed
    intervals satisfies it. Every written check no other rule recognises.

    ## Why is this bad?
    Releases make comparative statements ("imports grew faster than exports",
    "first time above 5000亿元") that are worth checking as written.

    ## Example
    From ``claims/chongqing-2025.yaml``::

        claims:
          cq.trade.asean.2025: {value: 1326.5亿元}
          cq.trade.eu.2025:    {value: 1082.4亿元}
        checks:
          - check: cq.trade.asean.2025 > cq.trade.eu.2025
        # holds
    """

    code, name, precedence = "TC199", "relation", 1000  # the fallback: offered last

    @classmethod
    def recognises(cls, check: Comparison, facts: Facts, context: Context) -> bool:
        return True
