"""share-change (TC201): a share's change in percentage points against the levels and growth."""

from __future__ import annotations

from tradecheck.checks.rules.base import Rule, register


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
