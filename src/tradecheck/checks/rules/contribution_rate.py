"""contribution-rate (TC107): a part's share of the total's change (贡献率)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any, ClassVar

from tradecheck.checks.evaluation import Evaluator, Function, Outcome, compare, same_unit_ratio
from tradecheck.checks.expressions import Comparison, Node, Ref
from tradecheck.checks.rules.base import Rule, register
from tradecheck.checks.rules.contribution import part_and_total
from tradecheck.checks.rules.growth import change
from tradecheck.checks.values import Value, comparable, percent_value
from tradecheck.findings import OtherName

# 对全省外贸增长贡献率达76.0%, 对全省出口增长的贡献率高达96.3%: the rate against the
# entity's own total (another region's, 对重庆外贸增长, is read by _against_named_total)
_OWN_TOTAL = re.compile(r"对\s*(?:全省|全市|全区|该省|該省|该市|該市|本省|本市)"
                        r"([^\d，,。；;]{0,12}?)的?\s*(?:贡献率|貢獻率)[^\d，,。；;]{0,4}$")


_GONGXIANDU = re.compile(r"贡献度|貢獻度")
_GONGXIANLV = re.compile(r"贡献率|貢獻率")


def _called_gongxiandu(evaluator: Evaluator, node: Node) -> bool:
    """A printed rate whose quote says 贡献度 and not 贡献率."""
    if not isinstance(node, Ref):
        return False
    quote = evaluator.claims[node.name].quote or ""
    return bool(_GONGXIANDU.search(quote)) and not _GONGXIANLV.search(quote)


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
    where change(x) = value − value ÷ (1 + growth). A rate its quote calls 贡献度 (not
    贡献率) that does not hold is a ``warning``: 贡献度 is not always a contribution rate.

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

    @classmethod
    def evaluate(cls, check: Comparison, evaluator: Evaluator) -> Outcome:
        """The interval comparison; a rate the text calls 贡献度 rather than 贡献率 that does
        not hold is a warning: 贡献度 is not always a contribution rate (it may be a share)."""
        outcome = compare(check, evaluator)
        if not outcome.holds and any(_called_gongxiandu(evaluator, node)
                                     for node in (check.left, check.right)):
            outcome.warning = True
            outcome.reasons = (*outcome.reasons, OtherName("贡献度", "contribution rate (贡献率)"))
        return outcome

    @classmethod
    def infer(cls, stated: Any) -> Iterable[tuple[str, list[Any], Any]]:
        """民营企业进出口3741.1亿元,增长7.1%,…对重庆外贸增长贡献率达156%: the nearest level
        printed with its growth before the rate, against the total the clause names (else
        the part's entity's, of the part's direction), printed with its growth; 对全省外贸
        增长贡献率达76.0%: against the entity's own total. 增长14.9%,快于工业投资增速4.8个
        百分点,…贡献率达到50.2%,占工业投资比重由34.6%…: the rate that follows from the
        share before and the growth gap between the part and the whole."""
        from tradecheck.infer.stated import CONTRIBUTION_RATE, GAP, share_pair

        figures = stated.figures
        for i, figure in enumerate(figures):
            if figure.owner is not None:
                continue
            if figure.role == GAP:
                pair = share_pair(figures, figure)
                if pair is not None and pair.shares is not None and pair.rate is not None:
                    before, rate = pair.shares[0], pair.rate
                    yield (f"{before.id} * {pair.growth.id} / {pair.whole_growth} == {rate.id}",
                           [before, pair.growth, figure, rate], rate)
            elif figure.role == CONTRIBUTION_RATE:
                yield from _against_named_total(figures, i, stated.index)
        yield from _against_own_total(stated)
        yield from _flow_of_trade(stated)


def _against_named_total(figures: list[Any], i: int, index: Any
                         ) -> Iterable[tuple[str, list[Any], Any]]:
    """民营企业进出口3741.1亿元,增长7.1%,…对重庆外贸增长贡献率达156%."""
    from tradecheck.infer.figures import REGIONS, _direction, _find
    from tradecheck.infer.stated import GAP, LEVEL

    rate = figures[i]
    if any(f.role == GAP for f in figures):
        return  # the share-pair form, read above
    part = None
    for figure in reversed(figures[:i]):
        if figure.role == LEVEL and figure.growth is not None:
            part = figure
            break
    if part is None:
        return
    entity = rate.other_entity or part.entity
    found = re.search(r"对([^，,。\d]{0,20})贡献率", rate.near)
    if found:
        entity = _find(REGIONS, found.group(1)) or part.entity
        direction = _direction(found.group(1)) or part.direction
        if _find(REGIONS, found.group(1)) is None and re.search(r"地区|省|市", found.group(1)):
            return  # 对西部地区外贸增长贡献率: a whole the text does not print
    else:
        direction = part.direction
    if direction is None:
        return
    total = index.level_with_growth(entity, direction, part.period, part.mention.lang)
    if total is None or total is part:
        return
    yield (f"contribution_rate({part.id}, {total.id}) == {rate.id}", [part, total, rate],
           rate)


def _against_own_total(stated: Any) -> Iterable[tuple[str, list[Any], Any]]:
    """民营企业进出口…达3.14万亿元,增长22.5%,对全省外贸增长贡献率达76.0%: the part is the
    nearest level printed with its growth before the rate; the whole is the entity's own
    total of the direction the clause names (else the part's), printed with its growth."""
    from tradecheck.infer.figures import CONTRIBUTION_RATE, GAP, LEVEL, _direction

    if any(f.role == GAP for f in stated.figures):
        return  # the share-pair form, read by infer above
    for i, rate in enumerate(stated.figures):
        if rate.role != CONTRIBUTION_RATE or rate.owner is not None:
            continue
        cue = _OWN_TOTAL.search(rate.near)
        part = next((f for f in reversed(stated.figures[:i])
                     if f.role == LEVEL and f.growth is not None), None)
        if cue is None or part is None or part.subject is None:
            continue
        direction = _direction(cue.group(1)) or part.direction
        whole = stated.index.level_with_growth(part.entity, direction or "", part.period,
                                               part.mention.lang)
        if (whole is None or whole is part or whole.subject is not None
                or whole.mention.unit != part.mention.unit):
            continue
        yield (f"contribution_rate({part.id}, {whole.id}) == {rate.id}",
               [part, whole, rate], rate)


def _flow_of_trade(stated: Any) -> Iterable[tuple[str, list[Any], Any]]:
    """"Of this, the import contributed 76.7% to the total foreign trade growth in the
    province" (45_zhejiang_2018_jan_en): a sentence with no level of its own; the part is the
    flow it names, the whole the entity's trade, each printed with its growth elsewhere."""
    from tradecheck.infer.figures import (
        CONTRIBUTION_RATE,
        EN_CONTRIBUTED,
        EN_TO_TRADE_GROWTH,
        LEVEL,
    )

    if any(f.role == LEVEL for f in stated.figures):
        return  # a level in the sentence: the forms above
    for rate in stated.figures:
        if rate.role != CONTRIBUTION_RATE or rate.owner is not None:
            continue
        flow = EN_CONTRIBUTED.search(rate.near)
        after = rate.sentence.text[rate.mention.end - rate.sentence.start:]
        if flow is None or not EN_TO_TRADE_GROWTH.match(after):
            continue
        direction = "exports" if flow.group(1).lower().startswith("export") else "imports"
        lang = rate.mention.lang
        part = stated.index.level_with_growth(rate.entity, direction, rate.period, lang)
        whole = stated.index.level_with_growth(rate.entity, "trade", rate.period, lang)
        if part is None or whole is None or part.mention.unit != whole.mention.unit:
            continue
        yield (f"contribution_rate({part.id}, {whole.id}) == {rate.id}", [part, whole, rate],
               rate)
