"""cumulative (TC202): what was added in a period cannot exceed the cumulative total."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tradecheck.checks.rules.base import Rule, register

if TYPE_CHECKING:
    from tradecheck.infer.stated import Drafts, Figure, Stated


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

    @classmethod
    def infer(cls, stated: Stated) -> Drafts:
        """新建智能工厂22个、数字化车间160个,累计达到127个: the figures the sentence adds
        (新增, 新建: the amounts of the cumulative's unit word right before it) sum to at most
        the cumulative; 新建绿色工厂78家、绿色园区5个，累计分别达到249家、20个: pairwise."""
        from tradecheck.infer.stated import CUMULATIVE

        for i, figure in enumerate(stated.figures):
            if figure.role == CUMULATIVE and figure.owner is None:
                yield from _cumulative(stated.figures, i)


def _cumulative(figures: list[Figure], i: int) -> Drafts:
    """新建智能工厂22个、数字化车间160个,累计达到127个: the year's new ≤ the cumulative.
    With 分别 and as many cumulative figures as new ones, pairwise; else the sum."""
    from tradecheck.infer.stated import (
        COUNT,
        CUMULATIVE,
        LEVEL,
        NEW,
        RESPECTIVELY,
        list_of,
        unit_word,
    )

    cumulative = list_of(figures, i, CUMULATIVE)
    if cumulative[0] is not figures[i]:
        return
    start = figures.index(cumulative[0])
    if not re.search(r"累计", cumulative[0].near):
        return  # "a total of" is not 累计: no new figures to hold against it
    if not re.search(r"[，,；;]", cumulative[0].near):
        return  # 五届智博会累计…323个: the 五届 is not a year's new figure
    before = [f for f in figures[:start] if f.role in (NEW, LEVEL, COUNT) and f.owner is None]
    paired = before[-len(cumulative):]
    if len(cumulative) > 1 and len(paired) == len(cumulative) and RESPECTIVELY.search(
            cumulative[0].near) and all(unit_word(a) == unit_word(b)
                                        for a, b in zip(paired, cumulative, strict=True)):
        # 新建绿色工厂78家、绿色园区5个，累计分别达到249家、20个: pairwise
        for a, b in zip(paired, cumulative, strict=True):
            yield f"{a.id} <= {b.id}", [a, b], b
        return
    new = []
    for figure in reversed(figures[:start]):
        if figure.role in (NEW, LEVEL, COUNT) and unit_word(figure) == unit_word(
                cumulative[0]):
            new.insert(0, figure)
        else:
            break
    if not new:
        return
    if len(cumulative) == len(new) == 1:
        yield f"{new[0].id} <= {cumulative[0].id}", [new[0], cumulative[0]], cumulative[0]
    elif len(cumulative) == 1 and all(f.mention.unit == "count" for f in new):
        parts = " + ".join(f.id for f in new)
        yield f"{parts} <= {cumulative[0].id}", [*new, cumulative[0]], cumulative[0]
