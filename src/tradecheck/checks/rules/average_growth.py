"""average-growth (TC105): an average annual growth rate from the first and last figures."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, ClassVar

from tradecheck.checks.evaluation import CheckError, Evaluator, Function, same_unit_ratio
from tradecheck.checks.expressions import Node
from tradecheck.checks.rules.base import Rule, register
from tradecheck.checks.rules.growth import as_growth
from tradecheck.checks.values import (
    Value,
    comparable,
    exact_number,
    percent_value,
    power,
)
from tradecheck.quantities.intervals import Interval

if TYPE_CHECKING:
    from tradecheck.infer.stated import Drafts, Figure, Stated


def cagr(evaluator: Evaluator, *args: Node) -> Value:
    """cagr(end, start, years), or cagr(cumulative growth, years)."""
    n = evaluator.value(args[-1])
    if not n.exact or n.interval.lo <= 0:
        raise CheckError("cagr: years must be a positive number, like 5")
    if len(args) == 2:
        growth = as_growth(evaluator.value(args[0]), "cagr(growth, years)", "41.1%")
        ratio = Value(growth + Interval.exact(1), ())
    else:
        end = evaluator.value(args[0])
        start = comparable(end, evaluator.value(args[1]), evaluator.rates)
        ratio = same_unit_ratio(end, start, evaluator.rates,
                                "cagr(end, start, years): end and start")
    growth = power(ratio, exact_number(1 / n.fraction))
    return percent_value(growth.interval - Interval.exact(1))


@register
class AverageGrowth(Rule):
    """
    ## What it does
    An average annual growth rate must follow from the first and last year's figures.

    ``cagr(end, start, years)`` = (end ÷ start) ** (1 ÷ years) − 1, a percentage;
    ``cagr(cumulative growth, years)`` = (1 + growth) ** (1 ÷ years) − 1.

    ## Why is this bad?
    "年均增长" figures over a five-year plan are easy to confuse with total
    growth over the period, or to compute over the wrong number of years.

    ## Example
    From ``claims/national-2025.yaml`` (2025年比2020年增长41.1%, 年均增长7.1%)::

        claims:
          cn.trade.growth_vs_2020.2025:  {value: 41.1%}
          cn.trade.avg_growth.2021_2025: {value: 7.1%}
        checks:
          - check: cagr(cn.trade.growth_vs_2020.2025, 5) == cn.trade.avg_growth.2021_2025
        # 1.411 ** (1/5) − 1 = [7.121, 7.136]%, within [7.05, 7.15]%: holds
    """

    code, name, precedence = "TC105", "average-growth", 30
    origin = "written, scan"
    functions: ClassVar[dict[str, Function]] = {"cagr": Function(cagr, 2, 3)}

    @classmethod
    def infer(cls, stated: Stated) -> Drafts:
        """2025年达到45.47万亿元,比2020年增长41.1%,年均增长7.1%: cagr(the cumulative growth
        before the average, the years since the base year the sentence names); 其中,出口…
        年均增长14.8% after 与2001年相比,全省进出口总值增长14.3倍,年均增长…: the base year
        of the sentence before, for the parts of a whole whose average growth is printed."""
        from tradecheck.infer.stated import GROWTH

        for i, figure in enumerate(stated.figures):
            if figure.role == GROWTH and figure.annual and figure.owner is None:
                yield from _average_growth(stated.figures, i)
                yield from _from_levels(stated.figures, i)


def _average_growth(figures: list[Figure], i: int) -> Drafts:
    """2025年达到45.47万亿元,比2020年增长41.1%,年均增长7.1%: cagr(cumulative, years)."""
    from tradecheck.infer.stated import GROWTH, growth_of

    annual = figures[i]
    text = annual.sentence.text
    base = re.search(r"(?:比|较|than|over|from)\s*((?:19|20)\d\d)\s*年?", text) or re.search(
        r"(?:与|和|同)\s*((?:19|20)\d\d)\s*年?(?:相比|比较)", text)  # 与2001年相比
    opening = _opening(annual.sentence)
    previous = opening.previous
    if base is None and previous is not None and re.match(r"\s*其中", opening.text):
        # 与2001年相比,全省进出口总值增长14.3倍…。其中,出口总值增长14.8倍,年均增长14.8%
        base = re.search(r"(?:与|和|同)\s*((?:19|20)\d\d)\s*年?(?:相比|比较)|(?:比|较)\s*"
                         r"((?:19|20)\d\d)\s*年", previous.text)
        if base is not None and not any(f.annual for f in previous.figures):
            base = None  # only the parts of a whole whose average growth is printed
    if base is None or annual.period is None or not annual.period.isdigit():
        return
    years = int(annual.period) - int(next(g for g in base.groups() if g))
    if not 1 < years < 50:
        return
    cumulative = next((f for f in reversed(figures[:i]) if f.role == GROWTH and not f.annual),
                      None)
    if cumulative is None:
        return
    yield (f"cagr({growth_of(cumulative)}, {years}) == {annual.id}", [cumulative, annual],
           annual)


def _opening(sentence: Any) -> Any:
    """The sentence a run of sentences joined by semicolons opens with (其中,出口…;进口总值
    增长12.9倍,年均增长14.1%: the 其中 of the exports' sentence is the imports' too)."""
    while sentence.previous is not None and re.search(r"[；;]\s*$", sentence.previous.text):
        sentence = sentence.previous
    return sentence


def _from_levels(figures: list[Figure], i: int) -> Drafts:
    """从2004年的8763.8亿元增长至2023年的6.41万亿元,年均增长11%: cagr(the level of the last
    year, the level of the first, the years between), when the sentence prints both levels
    (从/由/from the first, 至/到/to the last, each with its year) and no cumulative growth."""
    from tradecheck.checks.rules.growth import FROM_LEVEL, TO_LEVEL
    from tradecheck.infer.stated import GROWTH, LEVEL

    annual = figures[i]
    before = [f for f in figures[:i] if f.owner is None]
    if len(before) < 2 or any(f.role == GROWTH for f in before[-2:]):
        return
    first, last = before[-2:]
    if first.role != LEVEL or last.role != LEVEL or first.mention.unit != last.mention.unit:
        return
    if first.mention.qualifier or last.mention.qualifier:
        return
    if not (FROM_LEVEL.search(first.near) and TO_LEVEL.search(last.near)):
        return
    if not (first.period and last.period and first.period.isdigit() and last.period.isdigit()):
        return
    years = int(last.period) - int(first.period)
    if 1 < years < 50:
        yield (f"cagr({last.id}, {first.id}, {years}) == {annual.id}", [first, last, annual],
               annual)
