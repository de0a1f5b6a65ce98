"""ambiguous-multiple (TC204): 增长N倍 restated as "an N-fold increase" reads two ways."""

from __future__ import annotations

from fractions import Fraction
from typing import ClassVar

from tradecheck.checks.evaluation import CheckError, Evaluator, Outcome, same_point
from tradecheck.checks.expressions import Binary, Call, Comparison, Node, Number, Ref, unparse
from tradecheck.checks.rules.base import Rule, register
from tradecheck.checks.values import Value, percent_value
from tradecheck.findings import TwoReadings
from tradecheck.quantities.intervals import Interval
from tradecheck.quantities.units import TIMES

_ONE = Interval.exact(1)


@register
class AmbiguousMultiple(Rule):
    """
    ## What it does
    Warns where a growth printed as a multiple is restated as a multiple that reads two ways.

    Chinese statistics print 增长N倍 for an increase of N × 100% (to N + 1 times the
    base). In English "a 3.5-fold increase", "increased 3.5 times" is read by many
    translators and readers as 3.5 times the base (an increase of 250%), and by others
    as an increase of 350%. The check ``growth == multiple`` is evaluated under both
    readings and reported with the arithmetic of each, as a ``warning``: the text does
    not say which it means, so this rule never fails a run. ``tradecheck scan`` infers it
    where a Chinese text and its translation print the same number as 增长N倍 and as
    "N-fold"/"N times" (the pair ``compare`` calls ambiguous).

    ## Why is this bad?
    A reader of the English takes the "new trio" exports to be 3.5 times their 2020
    level where the Chinese says 4.5 times: one printed number, 100 percentage points of
    growth apart. "up 350%" or "4.5 times the 2020 level" says one thing.

    ## Example
    From ``claims/sources/002_8ba1e5c70a3d879f.txt`` (the SCIO transcript)::

        claims:
          # “新三样”产品2025年出口规模接近1.3万亿元,比2020年增长3.5倍
          cn.new_trio.growth_vs_2020: {value: 3.5倍}
          # ... approached 1.3 trillion yuan, a 3.5-fold increase from 2020.
          cn.new_trio.growth_vs_2020.en: {value: 3.5-fold}
        checks:
          - check: cn.new_trio.growth_vs_2020 == cn.new_trio.growth_vs_2020.en
            rule: ambiguous-multiple
        # read as an increase of 350%, the same figure ([345, 355]%); read as 3.5 times the
        # 2020 level, an increase of [245, 255]%, 90 pp short of 3.5倍: a warning, exit 0
    """

    code, name = "TC204", "ambiguous-multiple"
    origin = "scan, written"
    warns: ClassVar[bool] = True

    @classmethod
    def evaluate(cls, check: Comparison, evaluator: Evaluator) -> Outcome:
        """The left side is the growth (增长3.5倍, or 350%), the right the multiple that reads
        two ways: as an increase of N × 100%, and as N times the base."""
        if check.op != "==":
            raise CheckError(f"{cls.name}: write 'growth == multiple' (a growth such as "
                             "增长3.5倍, then the multiple that reads two ways, 3.5-fold)")
        growth = _growth(evaluator.value(check.left))
        multiple = evaluator.value(check.right)
        if multiple.dims or multiple.kind != TIMES.kind:
            raise CheckError(f"{cls.name}: the right side must be a multiple (3.5-fold, "
                             "3.5 times), the one that reads two ways")
        as_increase, as_times = multiple.interval, multiple.interval - _ONE
        increase_agrees = growth.interval.overlaps(as_increase)
        times_agrees = growth.interval.overlaps(as_times)
        reading = TwoReadings(_printed(evaluator, check.left), _printed(evaluator, check.right),
                              as_increase, as_times, increase_agrees, times_agrees)
        # shown: the reading that misses (the times reading when both do)
        shown = as_increase if times_agrees and not increase_agrees else as_times
        node = check.right if shown is as_increase else Binary(
            "-", check.right, Number(Fraction(1), "1", 0), 0)
        holds = increase_agrees and times_agrees
        strict = holds and same_point(growth.interval, shown)
        return Outcome(holds, strict, percent_value(shown), growth, node, check.left,
                       (reading,))


def _growth(value: Value) -> Value:
    """A growth as a percentage: 350%, or 增长3.5倍 (+350%)."""
    if value.dims or value.kind not in ("percent", TIMES.kind, None):
        raise CheckError("ambiguous-multiple: the left side must be a growth (增长3.5倍, "
                         "350%, growth(x))")
    return percent_value(value.interval)


def _printed(evaluator: Evaluator, node: Node) -> str:
    """The figure as printed, for the message: 3.5倍, 3.5-fold."""
    if isinstance(node, Ref):
        return evaluator.claims[node.name].quantity.printed
    if isinstance(node, Call) and node.function == "growth" and isinstance(node.args[0], Ref):
        claim = evaluator.claims[node.args[0].name]
        if claim.growth is not None:
            return claim.growth.printed
    return unparse(node)
