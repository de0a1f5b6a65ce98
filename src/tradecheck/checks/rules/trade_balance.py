"""trade-balance (TC003): total trade = exports + imports, derived from the claims' fields."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

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


_LOOK_BACK = 3  # sentences of the paragraph before the imports where trade and exports may be
_BALANCE_WORD = re.compile(r"顺差|逆差|surplus|deficit", re.IGNORECASE)


def printed_triples(stated: Any) -> Iterator[tuple[Any, Any, Any]]:
    """(trade, exports, imports) printed in that order in one paragraph, within a few
    sentences, of one entity, subject, period and currency: In USD terms, the trade volume
    reached USD1.03 trillion in Q1… The exports hit USD551.76 billion… The imports
    registered USD475.45 billion. The three are consecutive levels; a balance (trade
    surplus) is never the trade."""
    from tradecheck.infer.figures import LEVEL

    for imports in stated.figures:
        if imports.role != LEVEL or imports.owner is not None or imports.direction != "imports":
            continue
        key = (imports.entity, imports.subject, imports.period, imports.mention.unit)
        before = _levels_before(imports, LEVEL, _LOOK_BACK)
        if len(before) < 2:
            continue
        exports, trade = before[0], before[1]  # printed one after the other, nothing between
        if (exports.direction, trade.direction) != ("exports", "trade") or any(
                (f.entity, f.subject, f.period, f.mention.unit) != key for f in (exports, trade)):
            continue
        if _BALANCE_WORD.search(trade.near) or any(
                f.growth is None for f in (trade, exports, imports)):
            continue  # each printed with its growth: the mark of a release's main figures
        yield trade, exports, imports


def printed_totals(index: Any) -> Iterator[tuple[tuple, Any, Any, Any]]:
    """(key, trade, exports, imports): every entity, subject and period whose trade, exports
    and imports the text prints (their first printings, in one unit); key is (entity,
    subject stem, period, language). Never a balance read as trade (The trade surplus was
    USD76.31 billion)."""
    from tradecheck.infer.stated import DEFICIT, SURPLUS

    for (entity, indicator, period, lang), trade in list(index.levels.items()):
        if not indicator.endswith("trade") or SURPLUS.search(trade.near) or DEFICIT.search(
                trade.near):
            continue  # The trade surplus was USD76.31 billion: read as trade, not a total
        stem = indicator[: -len("trade")]
        exports = index.level(entity, stem + "exports", period, lang)
        imports = index.level(entity, stem + "imports", period, lang)
        if exports is None or imports is None:
            continue
        if not all(f.mention.unit == trade.mention.unit for f in (exports, imports)):
            continue
        yield (entity, stem, period, lang), trade, exports, imports


def _levels_before(figure: Any, level: str, look_back: int) -> list[Any]:
    """The levels (not owned) before ``figure`` in its sentence and the ``look_back`` ones
    before it in its paragraph, nearest first."""
    found: list[Any] = []
    sentence, steps = figure.sentence, 0
    while sentence is not None and steps <= look_back:
        found += [f for f in reversed(sentence.figures) if f.role == level and f.owner is None
                  and f.mention.start < figure.mention.start]
        sentence, steps = sentence.previous, steps + 1
    return found


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

    @classmethod
    def infer(cls, stated: Any) -> Iterable[tuple[str, list[Any], Any]]:
        """Total trade, exports and imports printed together, in any currency or sub-period
        of the text (the derived check reads only each one's first printing)."""
        for trade, exports, imports in printed_triples(stated):
            yield (f"{trade.id} == {exports.id} + {imports.id}", [trade, exports, imports],
                   trade)

    @classmethod
    def infer_text(cls, text: Any) -> Iterable[tuple[str, list[Any], Any]]:
        """Trade, exports and imports of one entity, subject and period printed anywhere in
        the text (their first printings): 进出口2.04万亿元…出口1.31万亿元…进口7311.4亿元."""
        for _key, trade, exports, imports in printed_totals(text.index):
            yield (f"{trade.id} == {exports.id} + {imports.id}", [trade, exports, imports],
                   trade)
