"""contribution (TC106): the percentage points a part adds to the total's growth (拉动)."""

from __future__ import annotations

from typing import ClassVar

from tradecheck.checks.evaluation import Evaluator, Function, same_unit_ratio
from tradecheck.checks.expressions import Node
from tradecheck.checks.rules.base import Rule, register
from tradecheck.checks.rules.growth import change, prior
from tradecheck.checks.values import Value, comparable, pp_value


def part_and_total(args: tuple[Node, ...]) -> tuple[tuple[Node, ...], tuple[Node, ...]]:
    """(part, total) as claim ids, or (part level, part growth, total id), or all four."""
    return (args[:1], args[1:]) if len(args) == 2 else (args[:2], args[2:])


def contribution(evaluator: Evaluator, *args: Node) -> Value:
    part, total = part_and_total(args)
    part_change = change(evaluator, *part, function="contribution")
    total_prior = prior(evaluator, *total, function="contribution")
    total_prior = comparable(part_change, total_prior, evaluator.rates)
    return pp_value(same_unit_ratio(part_change, total_prior, evaluator.rates,
                                    "contribution(part, total): part and total").interval)


@register
class Contribution(Rule):
    """
    ## What it does
    The percentage points a part adds to the total's growth (拉动) must match.

    ``contribution(part, total)`` = change(part) ÷ prior(total), in percentage points.
    Where the part's level or growth is not a claim of its own, give them as
    expressions: ``contribution(part level, part growth, total)``.

    ## Why is this bad?
    "trade with the EU drove total growth by 0.8 percentage points" must follow
    from the EU's growth and the two levels; a pull computed against the wrong
    base, or left unchanged when a growth was revised, contradicts them.

    ## Example
    From ``claims/national-2025.yaml``::

        claims:
          cn.trade.2025:           {value: 45.47万亿元, growth: 3.8%}
          cn.eu.trade.2025:        {value: 5.93万亿元, growth: 6%}
          cn.eu.contribution.2025: {value: 0.8个百分点}
        checks:
          - check: contribution(cn.eu.trade.2025, cn.trade.2025) == cn.eu.contribution.2025
        # 5.93万亿元 × 6% ÷ 1.06 ÷ (45.47万亿元 ÷ 1.038) = [0.70, 0.83]pp, overlaps [0.75, 0.85]pp
    """

    code, name, precedence = "TC106", "contribution", 20
    origin = "written, scan"
    functions: ClassVar[dict[str, Function]] = {"contribution": Function(contribution, 2, 4)}
