"""contribution-rate (TC107): a part's share of the total's change (贡献率)."""

from __future__ import annotations

from typing import ClassVar

from tradecheck.checks.evaluation import Evaluator, Function, same_unit_ratio
from tradecheck.checks.expressions import Node
from tradecheck.checks.rules.base import Rule, register
from tradecheck.checks.rules.contribution import part_and_total
from tradecheck.checks.rules.growth import change
from tradecheck.checks.values import Value, comparable, percent_value


def contribution_rate(evaluator: Evaluator, *args: Node) -> Value:
    part, total = part_and_total(args)
    part_change = change(evaluator, *part, function="contribution_rate")
    total_change = change(evaluator, *total, function="contribution_rate")
    total_change = comparable(part_change, total_change, evaluator.rates)
    return percent_value(same_unit_ratio(part_change, total_change, evaluator.rates,
                                         "contribution_rate: part and total").interval)


@register
class ContributionRate(Rule):
    """
    ## What it does
    A part's share of the total's change (贡献率) must match the printed rate.

    ``contribution_rate(part, total)`` = change(part) ÷ change(total), a percentage,
    where change(x) = value − value ÷ (1 + growth).

    ## Why is this bad?
    贡献率 figures are derived from two growth rates and two levels; they go
    wrong silently when either growth is revised.

    ## Example
    From ``claims/chongqing-2022.yaml``::

        claims:
          cq.trade.2022:                     {value: 8158.4亿元, growth: 2%}
          cq.private.2022:                   {value: 3741.1亿元, growth: 7.1%}
          cq.private.contribution_rate.2022: {value: 156%}
        checks:
          - check: contribution_rate(cq.private.2022, cq.trade.2022)
              == cq.private.contribution_rate.2022
        # [123.8, 207.1]% overlaps [155.5, 156.5]%; from the printed values 155%:
    # holds only within rounding, and the report says so
    """

    code, name, precedence = "TC107", "contribution-rate", 10
    origin = "written, scan"
    functions: ClassVar[dict[str, Function]] = {
        "contribution_rate": Function(contribution_rate, 2, 4)}
