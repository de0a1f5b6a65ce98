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
    From ``claims/chongqing-2022.yaml`` (全年新增国家专精特新"小巨人"企业137家，累计达到255家)::

        claims:
          cq.little_giants.new.2022: {value: 137家}
          cq.little_giants.cum.2022: {value: 255家}
        checks:
          - check: cq.little_giants.new.2022 <= cq.little_giants.cum.2022
            rule: cumulative
        # [136.5, 137.5]家 <= [254.5, 255.5]家: holds. In the same release,
        # 新建智能工厂22个、数字化车间160个，累计达到127个 fails: 22 + 160 > 127.
    """

    code, name = "TC202", "cumulative"
    origin = "scan"
