"""trade-balance (TC003): total trade = exports + imports, derived from the claims' fields."""

from __future__ import annotations

from collections.abc import Iterator

from tradecheck.checks.expressions import Binary, Comparison, Ref
from tradecheck.checks.rules.base import Context, Derived, Rule, register
from tradecheck.claims.loader import Claim


def trade_triples(context: Context) -> Iterator[tuple[Claim, Claim, Claim]]:
    """(trade, exports, imports): the first claim of each, per entity and period."""
    groups = context.figure_groups
    for (entity, indicator, period), group in groups.items():
        if indicator != "trade":
            continue
        exports = groups.get((entity, "exports", period))
        imports = groups.get((entity, "imports", period))
        if exports and imports:
            yield group[0], exports[0], imports[0]


@register
class TradeBalance(Rule):
    """
    ## What it does
    Total trade must equal exports plus imports.

    Derived for every entity and period with claims whose ``indicator`` is
    ``trade``, ``exports`` and ``imports``.

    ## Why is this bad?
    The three headline figures of every customs release are published
    separately and rounded separately; their sum is the first thing a reader
    can check and the first thing an editing slip breaks.

    ## Example
    From ``claims/chongqing-2025.yaml``::

        claims:
          cq.trade.2025:   {value: 8006.8亿元, entity: cq, indicator: trade, period: "2025"}
          cq.exports.2025: {value: 5587.3亿元, entity: cq, indicator: exports, period: "2025"}
          cq.imports.2025: {value: 2419.5亿元, entity: cq, indicator: imports, period: "2025"}
        # derived: cq.trade.2025 == cq.exports.2025 + cq.imports.2025
        # computed [8006.7, 8006.9]亿元 overlaps printed [8006.75, 8006.85]亿元: holds
    """

    code, name = "TC003", "trade-balance"
    origin = "derived, scan"

    @classmethod
    def derive(cls, context: Context) -> Iterator[Derived]:
        for trade, exports, imports in trade_triples(context):
            yield Derived(Comparison("==", Ref(trade.id, 1),
                                     Binary("+", Ref(exports.id, 1), Ref(imports.id, 1), 1)),
                          trade)
