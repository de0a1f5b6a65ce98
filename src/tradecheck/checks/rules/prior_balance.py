"""prior-balance (TC004): last year's trade = last year's exports + imports, via growth."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from tradecheck.checks.expressions import Binary, Call, Comparison, Ref
from tradecheck.checks.rules.base import Context, Derived, Rule, register
from tradecheck.checks.rules.trade_balance import printed_totals, printed_triples, trade_triples


def _prior(claim_id: str) -> Call:
    return Call("prior", (Ref(claim_id, 1),), 1)


@register
class PriorBalance(Rule):
    """
    ## What it does
    Last year's trade implied by the growth rates must equal last year's exports plus imports.

    Derived where the trade, exports and imports claims of a trade-balance all
    carry ``growth``; evaluated with the growth rule's ``prior()``.

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
                yield (f"prior({trade.id}) == prior({exports.id}) + prior({imports.id})",
                       [trade, exports, imports], trade)

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
                yield (f"prior({trade.id}) == prior({exports.id}) + prior({imports.id})",
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
