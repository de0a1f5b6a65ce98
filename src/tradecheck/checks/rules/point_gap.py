"""point-gap (TC103): a gap in percentage points between two rates."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from tradecheck.checks.expressions import Comparison
from tradecheck.checks.rules.base import Context, Facts, Rule, register
from tradecheck.checks.values import PP

# 快于广东整体, 高出该省外贸出口增速, 高出全省外贸出口增速: a gap against the entity's own
# total (a gap against another region, 高于全国, is read by _against_other_region)
_OWN_TOTAL = re.compile(
    r"(?:(?<!提)高于|低于|快于|慢于|高出|低出)\s*(?:[^\d，,。；;]{0,6}?)"
    r"(整体|整體|总体|總體|全省|全市|全区|该省|該省|该市|該市|本省|本市)([^\d，,。；;]{0,12})$")
_LOWER = re.compile(r"低于|慢于|低出")


@register
class PointGap(Rule):
    """
    ## What it does
    A gap in percentage points between two rates must match their difference.

    Any written check with a figure in percentage points (a literal like
    ``8.2pp`` or a claim printed as 个百分点) falls under this rule. ``scan`` infers it
    where a text prints both rates and the gap: against another region (高于全国16.1个百分点)
    or against the entity's own total (增速快于广东整体7.5个百分点).

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
    origin = "written, scan"

    @classmethod
    def recognises(cls, check: Comparison, facts: Facts, context: Context) -> bool:
        return PP in facts.kinds

    @classmethod
    def infer(cls, stated: Any) -> Iterable[tuple[str, list[Any], Any]]:
        """增速高于全国16.1个百分点: this growth minus the other region's, when both are
        printed; 进出口、出口、进口增速…分别较全国高出8.2、4.1、15.9个百分点: one per listed
        direction. 民营企业进出口2.8万亿元,增长21.3%,增速快于广东整体7.5个百分点: the part's
        growth minus its own entity's total growth (of the direction the clause names, else
        the part's), when the text prints that growth. Not the form with two shares (由34.6%
        提高至35.4%, 快于…4.8个百分点), which share-change reads."""
        from tradecheck.infer.stated import GAP

        for i, gap in enumerate(stated.figures):
            if gap.role == GAP and gap.owner is None:
                yield from _against_other_region(stated.figures, i, stated.index)
        yield from _against_own_total(stated)


def _against_other_region(figures: list[Any], i: int, index: Any
                          ) -> Iterable[tuple[str, list[Any], Any]]:
    """增速高于全国16.1个百分点: this growth minus the other's, when both are printed."""
    from tradecheck.infer.stated import GAP, growth_of, list_of, own_growth, share_pair

    gap = figures[i]
    if share_pair(figures, gap) is not None:
        return
    if gap.other_entity is None or gap.other_entity == gap.entity:
        return
    run = list_of(figures, i, GAP)
    if len(run) > 1:
        subject = index.growth(gap.entity, gap.indicator, gap.period, gap.mention.lang)
    else:
        subject = own_growth(figures, i)
    if subject is None:
        return
    other = index.growth(gap.other_entity, subject.indicator, subject.period,
                         subject.mention.lang)
    if other is None or other is subject:
        return
    lower = re.search(r"低于|慢于|低出|[比较][^，,。]{0,16}?[低慢]|lower|slower|below",
                      gap.near, re.IGNORECASE)
    left, right = (other, subject) if lower else (subject, other)
    yield (f"{growth_of(left)} - {growth_of(right)} == {gap.id}", [subject, other, gap], gap)


def _against_own_total(stated: Any) -> Iterable[tuple[str, list[Any], Any]]:
    """民营企业进出口2.8万亿元,增长21.3%,增速快于广东整体7.5个百分点: the part's growth
    minus its own entity's total growth (of the direction the clause names, else the
    part's), when the text prints that growth."""
    from tradecheck.infer.figures import GAP, _direction
    from tradecheck.infer.stated import growth_of, list_of, own_growth

    for i, gap in enumerate(stated.figures):
        if gap.role != GAP or gap.owner is not None or gap.other_entity not in (
                None, gap.entity):
            continue
        cue = _OWN_TOTAL.search(gap.near)
        part = own_growth(stated.figures, i)
        if cue is None or part is None or len(list_of(stated.figures, i, GAP)) > 1 or (
                part.subject != gap.subject):
            # 对欧盟、香港出口…分别增长23.7%和50.7%,分别高于全市整体增幅7.7和34.7个百分点: a
            # list of gaps is not paired here, nor a gap with another subject's growth
            continue
        direction = _direction(cue.group(2)) or part.direction
        whole = stated.index.growth(gap.entity, direction or "", part.period,
                                    part.mention.lang)
        if whole is None or whole is part or whole.subject is not None:
            continue
        left, right = (whole, part) if _LOWER.search(cue.group()) else (part, whole)
        yield (f"{growth_of(left)} - {growth_of(right)} == {gap.id}",
               [part, whole, gap], gap)

