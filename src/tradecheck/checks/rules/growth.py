"""growth (TC104): a level and its growth rate against the prior level or the change."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any, ClassVar

from tradecheck.checks.evaluation import (
    CheckError,
    Evaluator,
    Function,
    Outcome,
    compare,
    scaled,
)
from tradecheck.checks.expressions import Call, Comparison, Node, Ref
from tradecheck.checks.rules.base import Rule, register
from tradecheck.checks.values import PERCENT, Value, from_quantity, percent_value
from tradecheck.claims.loader import Claim
from tradecheck.findings import ColloquialMultiple
from tradecheck.quantities.intervals import Interval, g_over_one_plus, one_over_one_plus
from tradecheck.quantities.units import TIMES


def claim_with_growth(evaluator: Evaluator, node: Node, function: str) -> Claim:
    if not isinstance(node, Ref):
        raise CheckError(f"{function}() takes a claim id, like {function}(cq.trade.2025), "
                         f"or a level and a growth, like {function}(a * b, 12%)")
    claim = evaluator.claims[node.name]
    if claim.growth_interval is None:
        raise CheckError(f"{function}({claim.id}) needs a growth rate, and claim "
                         f"'{claim.id}' ({claim.file}:{claim.line}) has no 'growth:'")
    return claim


def level_and_growth(evaluator: Evaluator, args: tuple[Node, ...],
                     function: str) -> tuple[Value, Interval]:
    """A level with its growth: one claim id with 'growth:', or two expressions."""
    if len(args) == 1:
        claim = claim_with_growth(evaluator, args[0], function)
        return from_quantity(claim.quantity, claim.interval), claim.growth_interval
    growth = as_growth(evaluator.value(args[1]), f"{function}(level, growth)",
                       "12% or growth(cq.trade.2025)")
    return evaluator.value(args[0]), growth


GROWTH_KINDS = (PERCENT, TIMES.kind, None)  # 12%, 增长1.62倍 (+162%), a computed ratio


def as_growth(value: Value, usage: str, example: str) -> Interval:
    """A value used as a growth rate: a percentage, a multiple (增长14.3倍) or a ratio."""
    if value.dims or value.kind not in GROWTH_KINDS:
        raise CheckError(f"{usage}: the growth must be a percentage or a multiple "
                         f"(增长1.62倍), like {example}")
    return value.interval


def _factor(function: Callable[[Interval], Interval], growth: Interval) -> Interval:
    try:
        return function(growth)
    except ValueError as error:
        raise CheckError(str(error)) from None


def growth(evaluator: Evaluator, node: Node) -> Value:
    """growth(x): the claim's printed year-on-year growth, a percentage."""
    return percent_value(claim_with_growth(evaluator, node, "growth").growth_interval)


def prior(evaluator: Evaluator, *args: Node, function: str = "prior") -> Value:
    """prior(x) = value ÷ (1 + growth); prior(level, growth) for expressions."""
    level, rate = level_and_growth(evaluator, args, function)
    return scaled(level, _factor(one_over_one_plus, rate))


def change(evaluator: Evaluator, *args: Node, function: str = "change") -> Value:
    """change(x) = value − prior(x) = value × growth ÷ (1 + growth)."""
    level, rate = level_and_growth(evaluator, args, function)
    return scaled(level, _factor(g_over_one_plus, rate))


_YEAR_OF = r"(?:(?:19|20)\d\d\s*年?(?:的|底|末)?)?"
# 从2018年的1.06万亿元,到2023年的2.38万亿元 / 由X增至Y / from X in 2018 to Y in 2023
FROM_LEVEL = re.compile(rf"(?:由|从|從)\s*{_YEAR_OF}\s*$|\bfrom\s*$", re.IGNORECASE)
TO_LEVEL = re.compile(
    rf"^[\s,，]*(?:(?:增|升|提高|提升|增加|增长|扩大|上升|跃升)了?)?(?:至|到)\s*{_YEAR_OF}\s*$"
    r"|^\s*(?:in\s+(?:19|20)\d\d\s*)?to\s*$", re.IGNORECASE)
_RISE = re.compile(r"增长|增加|提高|提升|上升|grew|rose|increased|up\b", re.IGNORECASE)
_NOT_PLAIN = re.compile(r"年均|平均|annual|下降|减少|fell|down\b|declin", re.IGNORECASE)


def _levels_and_growth(figures: list[Any], roles: tuple[str, str]) -> Iterable[tuple[Any, ...]]:
    """(prior, current, growth) where a sentence states 从X…到Y…增长Z: two levels of one unit,
    the first after 从/由/from, the second after 到/增至/to, and the growth printed next."""
    level, growth = roles
    for i in range(len(figures) - 2):
        prior, current, rate = figures[i:i + 3]
        if prior.role != level or current.role != level or rate.role != growth:
            continue
        if prior.owner is not None or current.owner is not None or rate.annual:
            continue
        if rate.owner not in (None, current) or prior.mention.unit != current.mention.unit:
            continue
        if not (FROM_LEVEL.search(prior.near) and TO_LEVEL.search(current.near)):
            continue
        if "fold" in rate.mention.surface.lower():
            continue  # "a 3.5-fold increase": ×3.5 or +350%, ambiguous (issue 6 §3)
        if _RISE.search(rate.near) and not _NOT_PLAIN.search(rate.near):
            yield prior, current, rate


@register
class Growth(Rule):
    """
    ## What it does
    A level and its growth rate must agree with another figure: the prior level or the change.

    ``growth(x)`` is the printed year-on-year change; ``prior(x)`` = value ÷ (1 + growth);
    ``change(x)`` = value − prior(x). ``prior`` and ``change`` also take a level and a
    growth as expressions: ``prior(cq.private.share.2025 * cq.trade.2025, 18.9%)``.
    A growth printed as a multiple (增长1.62倍) is +162%. ``scan`` infers
    ``current / prior - 1 == growth`` where a sentence prints both levels and the growth
    (从2018年的1.06万亿元,到2023年的2.38万亿元…增长了1.2倍; "from X in 2018 to Y in 2023").
    Such a check against 增长N倍 that misses as an increase of N × 100% but agrees as N times
    the base (as some releases write it) is a ``warning`` naming both readings.

    ## Why is this bad?
    "up 12% to 8006.8亿元" implies last year's 7149亿元; when last year's release
    printed something else, or a level below a milestone is called "first time
    above", one of the figures is wrong or was revised.

    ## Example
    From ``claims/xinjiang-2025.yaml``::

        claims:
          xj.trade.2025: {value: 5203.7亿元, growth: 19.9%}
        checks:
          - check: prior(xj.trade.2025) >= 4000亿元
            note: the "四连跳" from 2000亿元 to 5000亿元 puts 2024 in the 4000亿元 band
        # 5203.7亿元 ÷ 1.199 = [4338.2, 4341.9]亿元 >= 4000亿元: holds
    """

    code, name, precedence = "TC104", "growth", 60
    origin = "written, scan"
    functions: ClassVar[dict[str, Function]] = {
        "growth": Function(growth), "prior": Function(prior, 1, 2),
        "change": Function(change, 1, 2)}

    @classmethod
    def infer(cls, stated: Any) -> Iterable[tuple[str, list[Any], Any]]:
        """从2018年的1.06万亿元,到2023年的2.38万亿元,5年间,我国跨境电商进出口增长了1.2倍:
        the later level over the earlier, less one, is the printed growth (+120%)."""
        from tradecheck.infer.figures import GROWTH, LEVEL

        for prior_level, current, rate in _levels_and_growth(stated.figures, (LEVEL, GROWTH)):
            growth_of = f"growth({current.id})" if rate.owner is current else rate.id
            yield (f"{current.id} / {prior_level.id} - 1 == {growth_of}",
                   [prior_level, current, rate], rate)

    @classmethod
    def evaluate(cls, check: Comparison, evaluator: Evaluator) -> Outcome:
        """The interval comparison; a growth printed as 增长N倍 that misses as an increase of
        N × 100% but agrees as N times the base is a warning (``colloquial_multiple``)."""
        outcome = compare(check, evaluator)
        if not outcome.holds:
            reading = colloquial_multiple(check, evaluator)
            if reading is not None:
                outcome.warning = True
                outcome.reasons = (*outcome.reasons, reading)
        return outcome


_ONE = Interval.exact(1)


def _printed_multiple(node: Node, evaluator: Evaluator) -> str | None:
    """The growth a node prints as 增长N倍 (a claim's growth, or a claim printed so), else None.
    English multiples ("3.5-fold") are ambiguous-multiple's."""
    if isinstance(node, Call) and node.function == "growth" and node.args and isinstance(
            node.args[0], Ref):
        claim = evaluator.claims[node.args[0].name]
        quantity = claim.growth
    elif isinstance(node, Ref):
        quantity = evaluator.claims[node.name].quantity
    else:
        return None
    if quantity is None or quantity.unit.kind != TIMES.kind or "倍" not in quantity.printed:
        return None
    return quantity.printed


def colloquial_multiple(check: Comparison, evaluator: Evaluator) -> ColloquialMultiple | None:
    """``current / prior - 1 == 增长N倍`` that holds when 增长N倍 is read as N times the base
    (N − 1): releases write it so, though statistics mean an increase of N × 100%. A
    difference of a whole multiple is no rounding slip: a warning names the reading."""
    if check.op != "==":
        return None
    for computed, printed in ((check.left, check.right), (check.right, check.left)):
        growth = _printed_multiple(printed, evaluator)
        if growth is None or _printed_multiple(computed, evaluator) is not None:
            continue
        value, multiple = evaluator.value(computed), evaluator.value(printed)
        as_times = multiple.interval - _ONE
        if not value.dims and value.interval.overlaps(as_times):
            return ColloquialMultiple(growth, as_times)
    return None
