"""share (TC102): a part divided by its whole against the printed share."""

from __future__ import annotations

from typing import ClassVar

from tradecheck.checks.evaluation import Evaluator, Function, same_unit_ratio
from tradecheck.checks.expressions import Comparison, Node
from tradecheck.checks.rules.base import Context, Facts, Rule, divides, divides_by_number, register
from tradecheck.checks.values import Value, percent_value


def share(evaluator: Evaluator, part: Node, whole: Node) -> Value:
    ratio = same_unit_ratio(evaluator.value(part), evaluator.value(whole), evaluator.rates,
                            "share(part, whole): part and whole")
    return percent_value(ratio.interval)


@register
class Share(Rule):
    """
    ## What it does
    A part divided by its whole must match the printed share.

    Written as ``part / whole == share`` or ``share(part, whole) == share``; a
    division by a bare number is an average instead.

    ## Why is this bad?
    "占比48%" beside two levels is the most common derived figure in a release,
    and the one most often computed against the wrong whole.

    ## Example
    From ``claims/chongqing-2025.yaml``::

        claims:
          cq.trade.2025:         {value: 8006.8亿元, growth: 12%}
          cq.private.2025:       {value: 3841.9亿元, growth: 18.9%}
          cq.private.share.2025: {value: 48%}
        checks:
          - check: cq.private.2025 / cq.trade.2025 == cq.private.share.2025
        # 3841.9亿元 / 8006.8亿元 = [47.98, 47.99]% within printed [47.5, 48.5]%: holds
    """

    code, name, precedence = "TC102", "share", 50
    origin = "written, scan"
    functions: ClassVar[dict[str, Function]] = {"share": Function(share, 2, 2)}

    @classmethod
    def recognises(cls, check: Comparison, facts: Facts, context: Context) -> bool:
        if "share" in facts.calls:
            return True
        sides = (check.left, check.right)
        return any(divides(s) for s in sides) and not any(divides_by_number(s) for s in sides)
