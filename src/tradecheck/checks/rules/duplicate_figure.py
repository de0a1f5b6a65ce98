"""duplicate-figure (TC002): repeats of one entity, indicator and period must agree."""

from __future__ import annotations

from collections.abc import Iterator

from tradecheck.checks.expressions import Comparison
from tradecheck.checks.rules.base import Context, Derived, Facts, Rule, ref_pair, register, same


@register
class DuplicateFigure(Rule):
    """
    ## What it does
    Claims with the same entity, indicator and period must agree, qualifiers included.

    Unlike same-figure (a translation must print the same figure), a headline may
    round and qualify the body's figure: 超270亿元 agrees with 271.6亿元.

    Derived from the optional claim fields ``entity``, ``indicator`` and ``period``
    (each repeat against the first), and written as ``a == b`` between two repeats.

    ## Why is this bad?
    A figure repeated in a title, a lead and a table is easy to update in one
    place and forget in another.

    ## Example
    The national 2025 release prints 45.47万亿元 in the body and 超过45万亿元 in the lead::

        claims:
          cn.trade.2025:        {value: 45.47万亿元, entity: cn, indicator: trade, period: "2025"}
          cn.trade.over45.2025: {value: 超过45万亿元, entity: cn, indicator: trade, period: "2025"}
        # [45, ∞]万亿元 contains [45.465, 45.475]万亿元: holds
    """

    code, name, precedence = "TC002", "duplicate-figure", 1
    origin = "derived, written, scan"

    @classmethod
    def recognises(cls, check: Comparison, facts: Facts, context: Context) -> bool:
        pair = ref_pair(check)
        if pair is None:
            return False
        a, b = pair
        group = context.group_of.get(a)
        return group is not None and group == context.group_of.get(b)

    @classmethod
    def derive(cls, context: Context) -> Iterator[Derived]:
        for group in context.figure_groups.values():
            first = group[0]
            for other in group[1:]:
                yield Derived(same(other.id, first.id), other)
