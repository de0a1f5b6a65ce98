"""cumulative (TC202): what was added in a period cannot exceed the cumulative total."""

from __future__ import annotations

from tradecheck.checks.rules.base import Rule, register


@register
class Cumulative(Rule):
    """
    ## What it does
    A cumulative total (累计) must be at least what the period added (新增, 新建).

    ``new <= cumulative``, or the sum of the new figures of a list when one
    cumulative figure follows it. ``tradecheck scan`` infers these checks from
    ``新建…N个、…M个，累计达到K个`` and names this rule with ``rule: cumulative``.

    ## Why is this bad?
    A cumulative count below the year's additions is impossible; it usually means
    the cumulative figure of one item was printed for a list of items, or a figure
    was dropped in editing.

    ## Example
    From ``claims/chongqing-2022.yaml`` (全年新建智能工厂22个、数字化车间160个，累计达到127个)::

        claims:
          cq.factories.new.2022:  {value: 22个}
          cq.workshops.new.2022:  {value: 160个}
          cq.cumulative.2022:     {value: 127个}
        checks:
          - check: cq.factories.new.2022 + cq.workshops.new.2022 <= cq.cumulative.2022
            rule: cumulative
        # [181, 183]个 <= [126.5, 127.5]个 is false for every value: fails
    """

    code, name = "TC202", "cumulative"
    origin = "scan"
