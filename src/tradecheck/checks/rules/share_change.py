"""share-change (TC201): a share's change in percentage points against the levels and growth."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tradecheck.checks.rules.base import Rule, register

if TYPE_CHECKING:
    from tradecheck.infer.stated import Drafts, Figure, Index, Stated


@register
class ShareChange(Rule):
    """
    ## What it does
    A share's change in points must follow from the part's and the whole's growth.

    占比提升2.8个百分点至48%, 比重由34.6%提高至35.4%:
    Last year's share is ``prior(part) ÷ prior(whole)``; when the whole's growth is
    printed as a gap (快于工业投资增速4.8个百分点), the share moves from s₀ to
    ``s₀ × (1 + g) ÷ (1 + g − gap)``. ``tradecheck scan`` infers these checks and names
    this rule with ``rule: share-change``.

    ## Why is this bad?
    A share, its change in points and two growth rates are four figures computed from
    two pairs of levels; a share change that the growth rates cannot produce means one
    of them is on another base (another period, a revised total) or wrong.

    ## Example
    From ``claims/chongqing-2025.yaml`` (民营企业进出口3841.9亿元,增长18.9%,占比提升2.8个
    百分点至48%)::

        claims:
          cq.trade: {value: 8006.8亿元, growth: 12%}
          cq.private: {value: 3841.9亿元, growth: 18.9%}
          cq.private.share: {value: 48%}
          cq.private.change: {value: 2.8个百分点}
        checks:
          - check: prior(cq.private) / prior(cq.trade) == cq.private.share - cq.private.change
            rule: share-change
        # 3231.2亿元 / 7148.9亿元 = [44.98, 45.42]% overlaps 48% − 2.8pp = [44.65, 45.75]%: holds
    """

    code, name = "TC201", "share-change"
    origin = "scan"

    @classmethod
    def infer(cls, stated: Stated) -> Drafts:
        """占比提升2.8个百分点至48% (the change before the share) and 占…的35.9%,较去年同期
        提升1.7个百分点 (after it; "accounting for 56.8% of …, an increase of 2.4 percentage
        points"); 民营企业…,占我国外贸总值的比重提升1.8个百分点到57.3% with no level in the
        sentence: the subject's level printed elsewhere; last year's share from the part's
        and the whole's levels and growth rates; 增长14.9%,快于工业投资增速4.8个百分点,…
        比重由34.6%提高至35.4%: the share moved by the growth gap between the part and the
        whole."""
        from tradecheck.infer.stated import GAP, SHARE_CHANGE, share_pair

        figures = stated.figures
        for i, figure in enumerate(figures):
            if figure.owner is not None:
                continue
            if figure.role == SHARE_CHANGE:
                yield from _share_change(figures, i, stated.index)
            elif figure.role == GAP:
                pair = share_pair(figures, figure)
                if pair is not None and pair.shares is not None:
                    (before, after), g = pair.shares, pair.growth.id
                    yield (f"{before.id} * (1 + {g}) / (1 + {pair.whole_growth}) == {after.id}",
                           [before, pair.growth, figure, after], after)


def _share_change(figures: list[Figure], i: int, index: Index) -> Drafts:
    """占比提升2.8个百分点至48%: last year's share from the levels and growth rates."""
    from tradecheck.infer.stated import SHARE, part_before, whole_for

    change = figures[i]
    if i and figures[i - 1].role == SHARE and _CHANGE_AFTER_SHARE.fullmatch(
            re.split(r"[，,；;]", change.near)[-1]):
        yield from _change_after_share(figures, i, index)
        return
    if i + 1 >= len(figures) or figures[i + 1].role != SHARE:
        return
    share = figures[i + 1]
    part = part_before(figures, i) or _part_named_by_change(change, share, index)
    if part is None or part.growth is None:
        return
    whole = whole_for(part, share, index)
    if whole is None or whole.growth is None:
        return
    sign = "-" if not re.search(r"下降|降低|回落|减少|缩小|down|fell|decreas", change.near,
                                re.IGNORECASE) else "+"
    yield (f"prior({part.id}) / prior({whole.id}) == {share.id} {sign} {change.id}",
           [part, whole, share, change], change)


def _part_named_by_change(change: Figure, share: Figure, index: Index) -> Figure | None:
    """民营企业…,占我国外贸总值的比重提升1.8个百分点到57.3%: no level in the sentence; the part
    is the subject's level printed elsewhere, when the change's own clause says 占 (the share
    of a whole it names)."""
    clause = re.split(r"[，,；;：:。]", change.near)[-1]
    if share.whole is None or not share.subject or not re.search(r"(?<![所])占(?!比)", clause):
        return None
    part = index.level_with_growth(share.entity, share.indicator, share.period,
                                   share.mention.lang)
    return part if part is not None and part.period == share.period else None


# 占…的76.9%,同比提升1.3个百分点 / 较去年同期提升1.7个百分点 / 比重比上年提高0.5个百分点 /
# "accounting for 56.8% of …, an increase of 2.4 percentage points over the same period"
_CHANGE_AFTER_SHARE = re.compile(
    r"\s*(?:占比|比重|份额)?(?:同比|[较比](?:去年|上年)同期|[较比]上年|同期)?"
    r"(?:提升|提高|上升|增加|下降|降低|回落|减少)了?\s*|"
    r"\s*(?:an?\s+)?(?:increase|decrease|rise|drop|gain)\s+of\s*|\s*(?:up|down)\s*(?:by\s*)?",
    re.IGNORECASE)
_DECLINE = re.compile(r"下降|降低|回落|减少|減少|decrease|drop|down", re.IGNORECASE)


def _change_after_share(figures: list[Figure], i: int, index: Index) -> Drafts:
    """占广东外贸进出口总值的35.9%,较去年同期提升1.7个百分点: the change of the share just
    before, from the part's and the whole's growth rates."""
    from tradecheck.infer.stated import part_before, part_named, whole_for

    change, share = figures[i], figures[i - 1]
    part = part_before(figures, i - 1) or part_named(share, index)
    if part is None or part.period != share.period:
        return
    whole = whole_for(part, share, index)
    if whole is None:
        return
    part, whole = (index.level_with_growth(f.entity, f.indicator, f.period, f.mention.lang) or f
                   for f in (part, whole))
    if part.growth is None or whole.growth is None or part is whole:
        return
    sign = "+" if _DECLINE.search(re.split(r"[，,；;]", change.near)[-1]) else "-"
    yield (f"prior({part.id}) / prior({whole.id}) == {share.id} {sign} {change.id}",
           [part, whole, share, change], change)
