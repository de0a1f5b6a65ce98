"""prior-balance (TC004): last year's trade = last year's exports + imports, via growth."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import Any, ClassVar

from tradecheck.checks.evaluation import CheckError, Evaluator, Function
from tradecheck.checks.expressions import Binary, Call, Comparison, Node, Ref
from tradecheck.checks.rules.base import Context, Derived, Rule, register
from tradecheck.checks.rules.growth import level_and_growth
from tradecheck.checks.rules.trade_balance import printed_totals, printed_triples, trade_triples
from tradecheck.checks.values import Value, comparable, percent_value
from tradecheck.quantities.intervals import DOWN, NEAR, ONE, UP, Interval


def _prior(claim_id: str) -> Call:
    return Call("prior", (Ref(claim_id, 1),), 1)


def implied_growth(evaluator: Evaluator, *args: Node) -> Value:
    """implied_growth(a, b, …): the growth of a + b + … from each part's level and growth,
    (a + b + …) ÷ (prior(a) + prior(b) + …) − 1, a percentage. Its exact range: the
    quotient is linear-fractional in the levels and monotone in each growth, so its bounds
    are at corners of the printed intervals (no widening from a level counted twice)."""
    parts = [level_and_growth(evaluator, (arg,), "implied_growth") for arg in args]
    first = parts[0][0]
    boxes = [(comparable(first, level, evaluator.rates).interval, growth)
             for level, growth in parts]
    if any(end.is_infinite() for level, growth in boxes
           for end in (level.lo, level.hi, growth.lo, growth.hi)):
        raise CheckError("implied_growth: the parts' levels and growth rates must be "
                         "printed figures, not bounds (超过, more than)")
    if any(growth.lo <= -1 for _, growth in boxes):
        raise CheckError("implied_growth: a growth of -100% or less leaves no prior value")
    lows, highs = [], []
    ends = [pair for level, growth in boxes
            for pair in ((level.lo, level.hi), (growth.lo, growth.hi))]
    for corner in itertools.product(*ends):
        levels, growths = corner[0::2], corner[1::2]
        lows.append(_growth_of_sum(levels, growths, DOWN, UP))
        highs.append(_growth_of_sum(levels, growths, UP, DOWN))
    mid = _growth_of_sum([level.mid for level, _ in boxes],
                         [growth.mid for _, growth in boxes], NEAR, NEAR)
    return percent_value(Interval(min(lows), max(highs), mid))


def _growth_of_sum(levels: Any, growths: Any, out: Any, inward: Any) -> Decimal:
    """sum(levels) ÷ sum(level ÷ (1 + growth)) − 1, rounded toward ``out`` (DOWN for a lower
    bound: the numerator down, the denominator up)."""
    total = prior = Decimal(0)
    for level, growth in zip(levels, growths, strict=True):
        total = out.add(total, level)
        prior = inward.add(prior, inward.divide(level, out.add(ONE, growth)))
    return out.subtract(out.divide(total, prior), ONE)


@register
class PriorBalance(Rule):
    """
    ## What it does
    Last year's trade implied by the growth rates must equal last year's exports plus imports.

    Derived where the trade, exports and imports claims of a trade-balance all
    carry ``growth``; evaluated with the growth rule's ``prior()``. ``scan`` checks the
    total's growth against the one its parts imply, ``growth(trade) ==
    implied_growth(exports, imports)`` = (exports + imports) ÷ (prior(exports) +
    prior(imports)) − 1, so that a slip in the total's level is reported once, by
    trade-balance, and not again here.

    ## Why is this bad?
    A total's growth rate and its parts' growth rates are computed from the same
    prior-year figures; if ``prior(trade) ≠ prior(exports) + prior(imports)``
    one of the three growth rates is wrong.

    ## Example
    From ``claims/national-2025.yaml``::

        claims:
          cn.trade.2025:
            {value: 45.47万亿元, growth: 3.8%, entity: cn, indicator: trade, period: "2025"}
          cn.exports.2025:
            {value: 26.99万亿元, growth: 6.1%, entity: cn, indicator: exports, period: "2025"}
          cn.imports.2025:
            {value: 18.48万亿元, growth: 0.5%, entity: cn, indicator: imports, period: "2025"}
        # derived: prior(cn.trade.2025) == prior(cn.exports.2025) + prior(cn.imports.2025)
        # 45.47 ÷ 1.038 = [43.796, 43.857]万亿元 and 26.99 ÷ 1.061 + 18.48 ÷ 1.005
        # = [43.779, 43.831]万亿元 overlap: holds
    """

    code, name = "TC004", "prior-balance"
    origin = "derived, scan"
    functions: ClassVar[dict[str, Function]] = {
        "implied_growth": Function(implied_growth, 2, 8)}

    @classmethod
    def derive(cls, context: Context) -> Iterator[Derived]:
        for trade, exports, imports in trade_triples(context):
            if all(c.growth_interval is not None for c in (trade, exports, imports)):
                yield Derived(Comparison("==", _prior(trade.id),
                                         Binary("+", _prior(exports.id), _prior(imports.id), 1)),
                              trade)

    @classmethod
    def infer(cls, stated: Any) -> Iterable[tuple[str, list[Any], Any]]:
        """Total trade, exports and imports printed together, each with its growth."""
        for trade, exports, imports in printed_triples(stated):
            if all(f.growth is not None for f in (trade, exports, imports)):
                yield implied_growth(trade, exports, imports)

    @classmethod
    def infer_text(cls, text: Any) -> Iterable[tuple[str, list[Any], Any]]:
        """Trade, exports and imports of one entity, subject and period printed anywhere in
        the text, each with its growth (a headline's level takes the growth of its restatement
        in the body)."""
        index = text.index
        for (entity, stem, period, lang), *levels in printed_totals(index):
            indicators = (stem + "trade", stem + "exports", stem + "imports")
            trade, exports, imports = (
                _growth_printing(index.level_with_growth(entity, indicator, period, lang), f)
                for indicator, f in zip(indicators, levels, strict=True))
            if all(f.growth is not None for f in (trade, exports, imports)):
                yield implied_growth(trade, exports, imports)


def implied_growth(trade: Any, exports: Any, imports: Any) -> tuple[str, list[Any], Any]:
    """The total's growth against the growth its parts imply: growth(trade) ==
    implied_growth(exports, imports). Scan checks the growth rates only:
    the total's level is trade-balance's (RMB7.01 billion printed for 7.01 trillion is one
    slip, reported once, not again as last year's trade)."""
    return (f"growth({trade.id}) == implied_growth({exports.id}, {imports.id})",
            [trade, exports, imports], trade)


def _growth_printing(printing: Any, level: Any) -> Any:
    """The printing of ``level`` that carries its growth: another printing only when it is
    the same figure (a headline's 8158亿元 or 超过4万亿元 restated with its growth in the
    body), never another figure that happens to get the same name."""
    from tradecheck.infer.stated import headline

    if printing is None or level.growth is not None or printing is level:
        return level
    a, b = printing.mention.value, level.mention.value
    if a is None or b is None or printing.mention.unit != level.mention.unit:
        return level
    if level.mention.qualifier or headline(level):
        return printing if abs(a - b) <= abs(a) * 0.05 else level
    return printing if a == b else level
